"""Benchmark of phone normalisation on a column the size of a unit's yearly call records.

Builds N phone cells (default 1,000,000) holding D distinct numbers (default 200,000: Kazakh and
Russian mobiles) in mixed spellings (``+7 701 …``, ``8 (701) …``, ``77011234567.0``...), seeded, and
times ``normalize_series("phone", ...)``. For comparison it times the naive way, one
``phonenumbers.parse`` + validity check + E.164 format per cell, on a subset, and extrapolates.

Run: ``uv run python benchmarks/identifiers.py [--cells N] [--distinct D] [--naive-cells M] [--repeat R]``.
Goal: under 3 s for 1,000,000 cells.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time

KZ_PREFIXES = ("700", "701", "702", "705", "706", "707", "708", "747", "771", "775", "776", "777", "778")
RU_PREFIXES = ("903", "905", "916", "926", "977", "999")


def spell(nsn: str, rng: random.Random) -> str:
    """One of the spellings seen in real exports of the number ``+7 nsn``."""
    a, b, c, d = nsn[:3], nsn[3:6], nsn[6:8], nsn[8:]
    forms = (
        f"+7{nsn}", f"8{nsn}", f"7{nsn}", nsn, f"8 ({a}) {b}-{c}-{d}", f"+7 {a} {b} {c} {d}",
        f"8-{a}-{b}-{c}-{d}", f"7{nsn}.0", f"+7 ({a}) {b}{c}{d}", f"810 7 {a} {b} {c} {d}",
    )
    return rng.choice(forms)


def build(cells: int, distinct: int, seed: int = 20241) -> list[str]:
    rng = random.Random(seed)
    numbers = set()
    while len(numbers) < distinct:
        prefix = rng.choice(KZ_PREFIXES) if rng.random() < 0.8 else rng.choice(RU_PREFIXES)
        numbers.add(prefix + f"{rng.randrange(10_000_000):07d}")
    pool = sorted(numbers)
    rng.shuffle(pool)
    # every number appears at least once, the rest drawn with a skew (some numbers are busy)
    picks = pool + [pool[min(int(rng.paretovariate(1.2)) - 1, distinct - 1) if rng.random() < 0.3
                         else rng.randrange(distinct)] for _ in range(cells - distinct)]
    rng.shuffle(picks)
    return [spell(nsn, rng) for nsn in picks]


def naive(cells: list[str]) -> tuple[float, list[str]]:
    """The naive way: ``phonenumbers.parse(cell, "KZ")`` per cell; returns (seconds, E.164 keys)."""
    import phonenumbers

    keys = []
    start = time.perf_counter()
    for raw in cells:
        try:
            number = phonenumbers.parse(raw, "KZ")
        except phonenumbers.NumberParseException:
            keys.append("")
            continue
        phonenumbers.is_valid_number(number)
        keys.append(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    return time.perf_counter() - start, keys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cells", type=int, default=1_000_000)
    parser.add_argument("--distinct", type=int, default=200_000)
    parser.add_argument("--naive-cells", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs; the best is reported")
    args = parser.parse_args(argv)
    if args.distinct > args.cells:
        parser.error("--distinct cannot exceed --cells")

    import pandas as pd

    from linkview.identifiers import normalize_series

    t0 = time.perf_counter()
    cells = build(args.cells, args.distinct)
    series = pd.Series(cells, dtype=object)
    built = time.perf_counter() - t0
    spellings = series.nunique()
    normalize_series("phone", series.head(1000))  # load phonenumbers metadata outside the timing

    runs = []
    for _ in range(args.repeat):  # best of N, as timeit does: other work on the machine only adds time
        start, cpu = time.perf_counter(), time.process_time()
        out = normalize_series("phone", series)
        runs.append((time.perf_counter() - start, time.process_time() - cpu))
    seconds, cpu = min(runs)
    keys = out["key"].nunique()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    if sys.platform == "darwin":  # pragma: no cover - macOS reports bytes
        peak_mb /= 1024

    subset = cells[: min(args.naive_cells, len(cells))]
    naive_s, naive_keys = naive(subset)
    naive_total = naive_s * len(cells) / len(subset)
    wrong = sum(a != b for a, b in zip(naive_keys, out["key"].iloc[: len(subset)], strict=True))

    print(f"work: {len(cells):,} phone cells, {args.distinct:,} distinct numbers, {spellings:,} distinct "
          f"spellings (built in {built:.1f} s)")
    print(f"normalize_series (best of {len(runs)}: {', '.join(f'{w:.2f}' for w, _ in runs)} s): "
          f"{seconds:.2f} s wall ({cpu:.2f} s CPU), {len(cells) / seconds:,.0f} values/s, "
          f"{args.distinct / seconds:,.0f} distinct numbers/s, {keys:,} keys, "
          f"{int(out['valid'].sum()):,} valid")
    print(f"naive phonenumbers.parse per cell: {naive_s:.2f} s for {len(subset):,} cells -> "
          f"{naive_total:.1f} s extrapolated to {len(cells):,} ({naive_total / seconds:.1f}x slower); "
          f"its keys differ from ours on {wrong:,} of {len(subset):,} cells (Excel '….0' spellings; 7916… read as +77916…)")
    print(f"peak memory (ru_maxrss): {peak_mb:,.0f} MB")
    ok = keys == args.distinct
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    verdict = "met" if seconds < 3 else (
        f"missed on wall time, CPU time {cpu:.2f} s: the machine was busy (load average {load:.1f} "
        f"on {os.cpu_count()} cores)" if cpu < 3 else "missed")
    print(f"check: one key per distinct number: {'yes' if ok else 'NO'}; goal < 3 s: {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
