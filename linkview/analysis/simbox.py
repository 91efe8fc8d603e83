"""SIM-box scoring of phones and handsets from call records (DOMAIN.md, "SIM-box detection").

An explainable score, not a classifier: for each phone that made at least ``min_calls`` outgoing calls
(and each handset whose SIMs did), the features below are measured, compared with a threshold, and the
score is the share of the measurable features that fired. Every result lists each feature's value, its
threshold and whether it fired, so the investigator sees why a number scores high.

Features (``THRESHOLDS``; heuristics from the literature, not facts):

- ``out_in_ratio``: outgoing / incoming calls (>= 5)
- ``distinct_callees``: different numbers called (>= 20)
- ``short_share``: share of outgoing calls shorter than ``short_seconds`` (>= 0.5)
- ``calls_per_hour``: outgoing calls per active hour (>= 6)
- ``night_share``: share of outgoing calls between 22:00 and 06:00 (>= 0.25)
- ``reciprocity``: share of callees that ever call back (<= 0.1)
- ``cells``: cells the phone was seen in, known only where it is a record's target (<= 1)
- ``sms_share``: SMS among its calls and SMS (<= 0.02)
- ``sims_per_imei``: SIMs (numbers or IMSIs) seen in its handset(s) (>= 3)

Input is an events frame with the columns of ``Workspace.events`` (``etype time a_id b_id dev_id imsi_id
target duration cell``), e.g. :func:`linkview.graph.scope_events`. Optionally a links frame
(``ltype a_id b_id``) adds ``sim_in_handset`` / ``sim_imsi`` links to the SIM counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from linkview.analysis._util import check, report

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SimboxScore", "simbox", "THRESHOLDS"]

#: feature -> (operator, threshold); edit a copy and pass it as ``thresholds``
THRESHOLDS: dict[str, tuple[str, float]] = {
    "out_in_ratio": (">=", 5.0),
    "distinct_callees": (">=", 20.0),
    "short_share": (">=", 0.5),
    "calls_per_hour": (">=", 6.0),
    "night_share": (">=", 0.25),
    "reciprocity": ("<=", 0.1),
    "cells": ("<=", 1.0),
    "sms_share": ("<=", 0.02),
    "sims_per_imei": (">=", 3.0),
}


@dataclass
class SimboxScore:
    """One phone's or handset's SIM-box score with every feature it was judged on."""

    entity: Any               # entity id of the phone (level "phone") or of the IMEI (level "handset")
    level: str                # "phone" | "handset"
    score: float              # share of the measurable features that fired, 0..1
    fired: list[str] = field(default_factory=list)
    features: dict[str, dict[str, Any]] = field(default_factory=dict)   # name -> value, op, threshold, fired
    calls: int = 0            # outgoing calls measured

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _compare(op: str, value: float, threshold: float) -> bool:
    return value >= threshold if op == ">=" else value <= threshold


def _features(out: pd.DataFrame, key: str, incoming: pd.Series, callers_of: pd.DataFrame, sms: pd.Series,
              cells: pd.Series, sims: pd.Series, short_seconds: float) -> pd.DataFrame:
    """One row of feature values per ``key`` group of the outgoing calls ``out``."""
    import numpy as np
    import pandas as pd

    hour = out["time"].dt.floor("h")
    h = out["time"].dt.hour
    g = out.assign(_short=(out["duration"].fillna(0) < short_seconds).astype(float),
                   _night=((h >= 22) | (h < 6)).astype(float), _hour=hour).groupby(key)
    f = pd.DataFrame({
        "calls": g.size(),
        "distinct_callees": g["b_id"].nunique(),
        "short_share": g["_short"].mean(),
        "night_share": g["_night"].mean(),
        "active_hours": g["_hour"].nunique(),
    })
    f["calls_per_hour"] = f["calls"] / f["active_hours"].clip(lower=1)
    f["incoming"] = incoming.reindex(f.index).fillna(0)
    f["out_in_ratio"] = f["calls"] / f["incoming"].clip(lower=1)
    # reciprocity: distinct callees that appear as callers of the same key
    pairs = out[[key, "b_id"]].drop_duplicates()
    back = pairs.merge(callers_of, left_on=[key, "b_id"], right_on=[key, "caller"], how="inner")
    f["reciprocity"] = (back.groupby(key).size().reindex(f.index).fillna(0) / f["distinct_callees"].clip(lower=1))
    f["sms"] = sms.reindex(f.index).fillna(0)
    f["sms_share"] = f["sms"] / (f["sms"] + f["calls"] + f["incoming"])
    f["cells"] = cells.reindex(f.index)          # NaN: never a target, unknown
    f["sims_per_imei"] = sims.reindex(f.index)   # NaN: no handset known
    return f.replace([np.inf, -np.inf], np.nan)


def simbox(events: pd.DataFrame, *, links: pd.DataFrame | None = None, min_calls: int = 20,
           short_seconds: float = 30.0, thresholds: dict[str, tuple[str, float]] | None = None,
           top: int | None = None, progress: Callable[[float, str], None] | None = None,
           should_cancel: Callable[[], bool] | None = None) -> list[SimboxScore]:
    """Score phones and handsets as SIM boxes; highest score first.

    >>> import pandas as pd
    >>> t = pd.date_range("2024-03-01 09:00", periods=30, freq="2min")
    >>> ev = pd.DataFrame({"etype": "call", "time": t, "a_id": 1, "b_id": range(100, 130), "dev_id": 7,
    ...                    "imsi_id": None, "target": "a", "duration": 12.0, "cell": "1/1"})
    >>> best = simbox(ev)[0]
    >>> best.entity, best.level, sorted(best.fired)[:3]
    (1, 'phone', ['calls_per_hour', 'cells', 'distinct_callees'])
    """
    import pandas as pd

    limits = dict(THRESHOLDS if thresholds is None else thresholds)
    report(progress, 0.0, "measuring calls")
    check(should_cancel, "SIM-box scoring")
    ev = events
    if ev.empty:
        return []
    ev = ev.assign(a_id=pd.to_numeric(ev["a_id"], errors="coerce").astype("Int64"),
                   b_id=pd.to_numeric(ev["b_id"], errors="coerce").astype("Int64"),
                   dev_id=pd.to_numeric(ev["dev_id"], errors="coerce").astype("Int64"),
                   imsi_id=pd.to_numeric(ev["imsi_id"], errors="coerce").astype("Int64"),
                   time=pd.to_datetime(ev["time"]),
                   target=ev["target"].astype(object).where(ev["target"].notna(), "").astype(str))
    calls = ev[(ev["etype"] == "call") & ev["a_id"].notna() & ev["b_id"].notna()]
    sms_rows = ev[ev["etype"] == "sms"]
    # the target of a record row: its handset, IMSI and cell describe that party
    tgt = ev[ev["target"].isin(["a", "b"])]
    tgt = tgt.assign(party=tgt["a_id"].where(tgt["target"] == "a", tgt["b_id"]))
    tgt = tgt[tgt["party"].notna()]

    # SIMs per handset: target numbers and IMSIs on the handset's rows, plus sim_in_handset links
    phone_dev = tgt[["party", "dev_id"]].rename(columns={"party": "phone"})
    if links is not None and not links.empty:
        lk = links[links["ltype"] == "sim_in_handset"]
        phone_dev = pd.concat([phone_dev, pd.DataFrame({"phone": lk["a_id"].astype("Int64"),
                                                        "dev_id": lk["b_id"].astype("Int64")})])
    phone_dev = phone_dev.dropna().drop_duplicates()
    imsi_dev = tgt[["imsi_id", "dev_id"]].dropna().drop_duplicates()
    sims_per_dev = pd.concat([phone_dev.groupby("dev_id")["phone"].nunique(),
                              imsi_dev.groupby("dev_id")["imsi_id"].nunique()], axis=1).max(axis=1)
    phone_sims = phone_dev.assign(n=phone_dev["dev_id"].map(sims_per_dev)).groupby("phone")["n"].max()
    check(should_cancel, "SIM-box scoring")

    results: list[SimboxScore] = []
    # phone level
    report(progress, 0.3, "scoring phones")
    counts_out = calls.groupby("a_id").size()
    keep = counts_out[counts_out >= min_calls].index
    if len(keep):
        out = calls[calls["a_id"].isin(keep)]
        incoming = calls.groupby("b_id").size()
        callers = calls[["b_id", "a_id"]].drop_duplicates().rename(columns={"b_id": "a_id", "a_id": "caller"})
        sms = pd.concat([sms_rows["a_id"], sms_rows["b_id"]]).dropna().value_counts()
        cells = tgt[tgt["cell"].notna() & (tgt["cell"].astype(str) != "")].groupby("party")["cell"].nunique()
        feats = _features(out, "a_id", incoming, callers, sms, cells, phone_sims, short_seconds)
        results += _score(feats, "phone", limits)
    check(should_cancel, "SIM-box scoring")

    # handset level: outgoing calls of the SIMs while in that handset (rows where the caller is the target)
    report(progress, 0.6, "scoring handsets")
    hand = calls[(calls["target"] == "a") & calls["dev_id"].notna()]
    counts_dev = hand.groupby("dev_id").size()
    keep = counts_dev[counts_dev >= min_calls].index
    if len(keep):
        out = hand[hand["dev_id"].isin(keep)]
        inc_rows = calls[(calls["target"] == "b") & calls["dev_id"].notna()]
        incoming = inc_rows.groupby("dev_id").size()
        callers = inc_rows[["dev_id", "a_id"]].drop_duplicates().rename(columns={"a_id": "caller"})
        sms_t = ev[(ev["etype"] == "sms") & ev["dev_id"].notna() & ev["target"].isin(["a", "b"])]
        sms = sms_t.groupby("dev_id").size()
        cells = tgt[tgt["dev_id"].notna() & tgt["cell"].notna() & (tgt["cell"].astype(str) != "")] \
            .groupby("dev_id")["cell"].nunique()
        feats = _features(out, "dev_id", incoming, callers, sms, cells, sims_per_dev, short_seconds)
        results += _score(feats, "handset", limits)

    results.sort(key=lambda r: (-r.score, -len(r.fired), -r.calls, str(r.entity)))
    report(progress, 1.0, f"{len(results)} scored")
    return results[:top] if top is not None else results


def _score(feats: pd.DataFrame, level: str, limits: dict[str, tuple[str, float]]) -> list[SimboxScore]:
    import pandas as pd

    out = []
    for entity, row in feats.iterrows():
        features: dict[str, dict[str, Any]] = {}
        fired = []
        for name, (op, thr) in limits.items():
            value = row.get(name)
            if value is None or pd.isna(value):
                features[name] = {"value": None, "op": op, "threshold": thr, "fired": False}
                continue
            value = float(value)
            hit = _compare(op, value, thr)
            features[name] = {"value": round(value, 4), "op": op, "threshold": thr, "fired": hit}
            if hit:
                fired.append(name)
        measured = sum(1 for f in features.values() if f["value"] is not None)
        out.append(SimboxScore(entity=int(entity), level=level,
                               score=round(len(fired) / measured, 4) if measured else 0.0,
                               fired=fired, features=features, calls=int(row["calls"])))
    return out
