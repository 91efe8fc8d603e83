"""The integer-code aggregation of build._aggregate_events against a plain pandas groupby reference."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from linkview.graph import build


def _events(seed: int, n: int = 3000, *, subsecond: bool = False) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    a = pd.array(rng.integers(1, 40, n), dtype="Int64")
    b = pd.array(rng.integers(1, 40, n), dtype="Int64")
    a[rng.random(n) < 0.05] = pd.NA
    etype = rng.choice(["call", "sms", "transfer", "payment"], n)
    money = np.isin(etype, ["transfer", "payment"])
    unit = "ms" if subsecond else "s"
    t = (np.datetime64("2024-01-01", unit) + rng.integers(0, 400, n).astype(f"timedelta64[{unit}]"))
    t = t.astype("datetime64[ns]")
    t[rng.random(n) < 0.05] = np.datetime64("NaT")
    return pd.DataFrame({
        "case_id": rng.integers(1, 5, n), "source_id": rng.integers(1, 9, n), "etype": pd.array(etype, dtype=str),
        "time": t, "a_id": a, "b_id": b,
        "currency": pd.array(np.where(money, rng.choice(["KZT", "USD", ""], n), ""), dtype=str),
        "duration": np.where(money, np.nan, rng.exponential(60, n)),
        "amount": np.where(money, rng.integers(1, 1000, n).astype(float), np.nan),
    })


def _reference(ev: pd.DataFrame, numbers: dict[int, str]) -> dict[tuple, dict]:
    ev = ev.dropna(subset=["a_id", "b_id"]).copy()
    twice = ev.duplicated(["a_id", "b_id", "etype", "time"]) & ev["time"].notna()
    ev["once"] = (~twice).astype(int)
    ev.loc[twice, ["duration", "amount"]] = 0.0
    out = {}
    for (a, b, et, cur), g in ev.groupby(["a_id", "b_id", "etype", "currency"]):
        d = {"kind": et, "count": int(g["once"].sum()), "duration": float(g["duration"].sum()),
             "first": g["time"].min(), "last": g["time"].max(),
             "cases": tuple(sorted({numbers[c] for c in g["case_id"]}))}
        amount = float(g["amount"].sum())
        if et in ("transfer", "payment") or amount != 0:
            d.update(amount=amount, currency=cur)
        out[(int(a), int(b), f"{et}:{cur}" if cur else et)] = d
    return out


@pytest.mark.parametrize(("seed", "subsecond"), [(0, False), (1, False), (2, True)])
def test_aggregation_matches_a_pandas_groupby(seed, subsecond):
    ev = _events(seed, subsecond=subsecond)
    numbers = {1: "A", 2: "B", 3: "C", 4: "D"}
    edges, spans = build._aggregate_events(ev, numbers)
    ref = _reference(ev, numbers)
    got = {(u, v, k): d for u, v, k, d in edges}
    assert set(got) == set(ref) and len(edges) == len(got)
    for key, d in ref.items():
        g = got[key]
        assert set(g) == set(d), key
        for name, want in d.items():
            if name in ("first", "last"):
                assert (g[name] is None) if pd.isna(want) else pd.Timestamp(g[name]) == want, (key, name)
            elif isinstance(want, float):
                assert g[name] == pytest.approx(want, rel=1e-12, abs=1e-9), (key, name)
            else:
                assert g[name] == want, (key, name)
    assert len(spans["a"]) == len(edges)


def test_first_per_key_packs_or_sorts_alike():
    rng = np.random.default_rng(5)
    group = rng.integers(0, 30, 2000).astype(np.int64)
    t = rng.integers(0, 50, 2000).astype(np.int64) * 1_000_000_000
    t[::17] = build.NAT
    packed = build._first_per_key(group, t)
    ref = ~pd.DataFrame({"g": group, "t": t}).duplicated().to_numpy() | (t == build.NAT)
    assert (packed == ref).all()
    # a time span too wide to pack with the group codes takes the sorting path
    wide = t.copy()
    wide[wide != build.NAT] += (group[wide != build.NAT] % 2) * (2**61)
    ref = ~pd.DataFrame({"g": group, "t": wide}).duplicated().to_numpy() | (wide == build.NAT)
    assert (build._first_per_key(group, wide) == ref).all()


def test_entity_ids_too_large_to_pack_give_the_same_edges():
    ev = _events(3)
    big = ev.assign(a_id=ev["a_id"] + 2**40, b_id=ev["b_id"] + 2**40)
    numbers = {1: "A", 2: "B", 3: "C", 4: "D"}
    small = {(u, v, k): d for u, v, k, d in build._aggregate_events(ev, numbers)[0]}
    large = {(u - 2**40, v - 2**40, k): d for u, v, k, d in build._aggregate_events(big, numbers)[0]}
    assert small == large
