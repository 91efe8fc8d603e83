"""Import benchmark: an operator-style call-record CSV of 1,000,000 rows through ingest.import_file.

Generates (seeded) a детализация like an operator export: two title lines above a Russian header, ``;``
delimiter, cp1251 (or UTF-8 with BOM), one target number and about 200,000 distinct other numbers
written in mixed spellings (+7 701 123 45 67, 87011234567, 8 (701) 123-45-67, 7011234567...), IMEI,
IMSI and LAC/CID of the target. Imports it into a new workspace and prints rows/s, seconds per phase
(read, normalise, store) as wall and CPU time (CPU of every thread: the import compresses the file and
takes its SHA-256 on a second thread; the machine may be shared: the load average is printed),
peak memory (ru_maxrss), the work size, and, side by side, the time pandas
alone takes to read the same file and count calls per pair (run in a separate process so its memory
does not mix with the import's).

    uv run python benchmarks/import.py                 # 1,000,000 rows
    uv run python benchmarks/import.py --rows 100000   # quicker
Goal: >= 100,000 rows/s end to end and < 2 GB peak.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = ["Дата и время соединения", "Абонент А", "Абонент Б", "Длительность соединения (сек.)",
          "Тип соединения", "IMEI", "IMSI", "LAC/TAC-CellId", "Адрес БС"]
TARGET = "+77011234567"
KZ_PREFIXES = ["701", "702", "775", "778", "705", "706", "771", "776", "777", "700", "707", "708", "747"]
ADDRESSES = ["г. Алматы, ул. Абая 10", "г. Алматы, пр. Достык 5", "г. Астана, ул. Кенесары 40",
             "г. Шымкент, ул. Тауке хана 3", "Алматинская обл., Каскелен"]


def _spellings(nsn, style):
    """nsn: array of 10-digit national numbers (str); style 0..5 picks a spelling per row."""
    import numpy as np
    import pandas as pd

    s = pd.Series(nsn, dtype=str)
    a, b, c, d = s.str.slice(0, 3), s.str.slice(3, 6), s.str.slice(6, 8), s.str.slice(8, 10)
    forms = ["+7" + s, "8" + s, "7" + s, s, "+7 " + a + " " + b + " " + c + " " + d,
             "8 (" + a + ") " + b + "-" + c + "-" + d]
    out = np.empty(len(s), dtype=object)
    for k, f in enumerate(forms):
        m = style == k
        out[m] = f.to_numpy(dtype=object)[m]
    return out


def generate(path: Path, rows: int, distinct: int, encoding: str, seed: int) -> None:
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    prefixes = np.array(KZ_PREFIXES)[rng.integers(0, len(KZ_PREFIXES), distinct)]
    tails = rng.integers(0, 10_000_000, distinct)
    pool = np.char.add(prefixes, np.char.zfill(tails.astype(str), 7))
    pool = np.unique(pool)
    other_idx = rng.integers(0, len(pool), rows)
    other_nsn = pool[other_idx]
    other = _spellings(other_nsn, rng.integers(0, 6, rows))
    target_forms = np.array(["+77011234567", "87011234567", "77011234567", "8 (701) 123-45-67"], dtype=object)
    target = target_forms[rng.integers(0, len(target_forms), rows)]
    kinds = np.array(["Исх", "Вх", "SMS_MO", "SMS_MT", "Переадресация"], dtype=object)
    ktype = kinds[rng.choice(5, rows, p=[0.45, 0.40, 0.07, 0.07, 0.01])]
    outgoing = np.isin(ktype, ["Исх", "SMS_MO", "Переадресация"])
    a = np.where(outgoing, target, other)
    b = np.where(outgoing, other, target)
    start = np.datetime64("2024-01-01T00:00:00")
    secs = np.sort(rng.integers(0, 300 * 86400, rows))
    t = pd.Series(start + secs.astype("timedelta64[s]"))
    when = t.dt.strftime("%d.%m.%Y %H:%M:%S")
    dur = rng.exponential(90, rows).astype(int)
    is_sms = np.isin(ktype, ["SMS_MO", "SMS_MT"])
    dur[is_sms] = 0
    imei_pool = np.array(["356938035643809", "356938035643800", "490154203237518"], dtype=object)
    imei = imei_pool[rng.choice(3, rows, p=[0.7, 0.2, 0.1])]
    imsi = np.full(rows, "401021234567890", dtype=object)
    lac = rng.integers(10000, 13000, rows).astype(str)
    cid = rng.integers(100000000, 120000000, rows).astype(str)
    cell = np.char.add(np.char.add(lac, "/"), cid)
    addr = np.array(ADDRESSES, dtype=object)[rng.integers(0, len(ADDRESSES), rows)]
    df = pd.DataFrame({HEADER[0]: when, HEADER[1]: a, HEADER[2]: b, HEADER[3]: dur, HEADER[4]: ktype,
                       HEADER[5]: imei, HEADER[6]: imsi, HEADER[7]: cell, HEADER[8]: addr})
    title = ("Детализация соединений абонента +7 701 123 45 67 за период 01.01.2024 - 27.10.2024\n"
             "Исх. № 12-3/4567 от 28.10.2024;;;;;;;;\n")
    with open(path, "w", encoding="utf-8-sig" if encoding == "utf-8" else encoding, newline="") as fh:
        fh.write(title)
        df.to_csv(fh, sep=";", index=False, lineterminator="\r\n")


def pandas_only(path: str, encoding: str) -> None:
    import pandas as pd

    t0 = time.perf_counter()
    df = pd.read_csv(path, sep=";", encoding="utf-8-sig" if encoding == "utf-8" else encoding, skiprows=2,
                     dtype=str, engine="c")
    t1 = time.perf_counter()
    pairs = df.groupby([HEADER[1], HEADER[2]], sort=False).size()
    t2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(df)} {t1 - t0:.3f} {t2 - t1:.3f} {len(pairs)} {peak:.0f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--distinct", type=int, default=200_000, help="distinct other numbers (before dedup)")
    ap.add_argument("--encoding", choices=["cp1251", "utf-8"], default="cp1251")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", help="keep the files here instead of a temporary folder")
    ap.add_argument("--pandas-only", metavar="FILE", help=argparse.SUPPRESS)
    ap.add_argument("--generate-only", metavar="FILE", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.pandas_only:
        pandas_only(args.pandas_only, args.encoding)
        return 0
    if args.generate_only:
        generate(Path(args.generate_only), args.rows, args.distinct, args.encoding, args.seed)
        return 0

    tmp = None
    if args.workdir:
        work = Path(args.workdir)
        work.mkdir(parents=True, exist_ok=True)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="linkview-bench-")
        work = Path(tmp.name)
    csv_path = work / f"calls_{args.rows}.csv"
    ws_path = work / "bench.linkview"
    if ws_path.exists():
        ws_path.unlink()
    t = time.perf_counter()
    # generated in a process of its own: the peak memory printed below is the import's, not the generator's
    # (a child also inherits its parent's high-water mark, which would blur the pandas-alone figure)
    subprocess.run([sys.executable, __file__, "--generate-only", str(csv_path), "--rows", str(args.rows),
                    "--distinct", str(args.distinct), "--encoding", args.encoding, "--seed", str(args.seed)],
                   check=True)
    gen_s = time.perf_counter() - t
    size_mb = csv_path.stat().st_size / 1e6
    print(f"generated {args.rows:,} rows, {size_mb:.1f} MB ({args.encoding}) in {gen_s:.1f} s: {csv_path}")

    # pandas alone, in its own process
    proc = subprocess.run([sys.executable, __file__, "--pandas-only", str(csv_path), "--encoding", args.encoding],
                          capture_output=True, text=True, check=True)
    p_rows, p_read, p_agg, p_pairs, p_peak = proc.stdout.split()

    from linkview.ingest import import_file
    from linkview.workspace import Workspace

    marks: dict[str, float] = {}
    cpu_marks: dict[str, float] = {}

    def progress(fraction: float, message: str) -> None:
        now, cpu_now = time.perf_counter(), time.process_time()
        for phase, starts in (("normalise", message.startswith("normalising")), ("store", fraction >= 0.8)):
            if starts and phase not in marks:
                marks[phase], cpu_marks[phase] = now, cpu_now

    # warm up: module imports and lazily loaded data (operator prefixes...) are paid once per session,
    # like pandas' own import, which the pandas-alone figure does not count either
    warm = work / "warm.csv"
    generate(warm, 50, 20, args.encoding, args.seed + 1)
    from linkview.ingest import read_file

    read_file(warm, case_number="0")
    ws = Workspace.create(ws_path)
    try:
        load_before = os.getloadavg()
        t0, c0 = time.perf_counter(), time.process_time()
        result = import_file(ws, csv_path, case_number="241750031001123", progress=progress)
        t1, c1 = time.perf_counter(), time.process_time()
        load_after = os.getloadavg()
    finally:
        ws.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total = t1 - t0
    read_s = marks.get("normalise", t0) - t0
    norm_s = marks.get("store", t1) - marks.get("normalise", t0)
    store_s = t1 - marks.get("store", t1)
    print(f"work: {args.rows:,} rows -> {result.events:,} events, {result.links:,} links, "
          f"{result.new_entities:,} entities, {result.rejected_errors:,} rejected, "
          f"{result.rejected_warnings:,} warnings; workspace {ws_path.stat().st_size / 1e6:.0f} MB")
    cpu_total = c1 - c0
    cpu_read = cpu_marks.get("normalise", c0) - c0
    cpu_norm = cpu_marks.get("store", c1) - cpu_marks.get("normalise", c0)
    cpu_store = c1 - cpu_marks.get("store", c1)
    print(f"{'':24}{'linkview wall':>16}{'linkview CPU':>14}{'pandas alone':>16}")
    print(f"{'read (s)':24}{read_s:16.2f}{cpu_read:14.2f}{float(p_read):16.2f}")
    print(f"{'normalise (s)':24}{norm_s:16.2f}{cpu_norm:14.2f}{'':>16}")
    print(f"{'aggregate (s)':24}{'':>16}{'':>14}{float(p_agg):16.2f}")
    print(f"{'store (s)':24}{store_s:16.2f}{cpu_store:14.2f}{'':>16}")
    print(f"{'total (s)':24}{total:16.2f}{cpu_total:14.2f}{float(p_read) + float(p_agg):16.2f}")
    print(f"{'rows/s':24}{args.rows / total:16,.0f}{args.rows / cpu_total:14,.0f}"
          f"{int(p_rows) / (float(p_read) + float(p_agg)):16,.0f}")
    print(f"load average (1/5/15 min) before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, "
          f"after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f} ({os.cpu_count()} cores)")
    print(f"{'peak memory (MB)':24}{peak_mb:16,.0f}{'':>14}{float(p_peak):16,.0f}")
    print(f"{'work size':24}{'events+entities':>16}{'':>14}{'pairs counted':>16}")
    print(f"{'':24}{result.events + result.new_entities:16,}{'':>14}{int(p_pairs):16,}")
    goal = args.rows / total >= 100_000 and peak_mb < 2048
    print(f"goal (>= 100,000 rows/s, < 2 GB): {'met' if goal else 'NOT met'}")
    if tmp is not None:
        tmp.cleanup()
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
