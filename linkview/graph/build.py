"""Build the networkx view of a workspace scope (docs/internals.md, "graph").

The workspace is the source of truth; the graph is a view of one scope of it (cases, a time window, the
neighbourhood of some entities). Everything is aggregated in pandas first and handed to networkx in two
bulk calls, so a million events become a graph in a few seconds.

Events are aggregated per (a, b, etype, currency); an event that shows in two files (a call between two
recorded numbers, a transfer in both parties' statements: same parties, type and time to the second)
counts once, while the edge's ``cases`` still name every case it was seen in.

Edge keys: an event edge is keyed by its kind (``"call"``, ``"sms"``, ``"login"``, ...), or by
``"kind:CURRENCY"`` when the events carry a currency (one edge per currency: ``"transfer:KZT"``,
``"transfer:USDT"``); a static link is keyed by its ltype (``"sim_in_handset"``, ``"uses"``...); a
candidate card match is keyed ``"candidate"``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from linkview.errors import Cancelled

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = ["build_graph", "EVENT_KINDS", "FAST_PATH_NETWORKX", "IDENTITY_KINDS", "fast_path_verified", "scope_events",
           "weak_masked_card"]

#: edge kinds that come from events (everything else is a static link or a candidate)
EVENT_KINDS = frozenset({"call", "sms", "transfer", "login", "payment"})
#: static link kinds that say "these two identifiers belong to one person / device / account"
IDENTITY_KINDS = frozenset({"sim_in_handset", "sim_imsi", "uses", "pays_with", "owns", "card_account",
                            "posted", "contact", "candidate"})


def weak_masked_card(kind: str, key: str) -> bool:
    """True for a masked card known only by its last four digits (``*1234``): it never links cases alone.

    >>> weak_masked_card("masked_card", "*1234"), weak_masked_card("masked_card", "440043*1234")
    (True, False)
    """
    return kind == "masked_card" and key.startswith("*")


def _check(should_cancel: Callable[[], bool] | None) -> None:
    if should_cancel is not None and should_cancel():
        raise Cancelled("building the graph was cancelled")


def _report(progress: Callable[[float, str], None] | None, fraction: float, message: str) -> None:
    if progress is not None:
        progress(fraction, message)


def _ids(series: pd.Series) -> pd.Series:
    """Entity id column as nullable Int64 whatever the frame carried (int, float with NaN, object)."""
    import pandas as pd

    if isinstance(series.dtype, pd.Int64Dtype):
        return series
    return pd.to_numeric(series, errors="coerce").astype("Int64")


def _times(series: pd.Series) -> pd.Series:
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(series):
        return series
    if pd.api.types.is_numeric_dtype(series):
        return pd.to_datetime(series, unit="s")
    return pd.to_datetime(series, errors="coerce")


def _text(series: pd.Series) -> pd.Series:
    return series.astype(object).where(series.notna(), "").astype(str)


def _neighbourhood(events: pd.DataFrame, links: pd.DataFrame, around: Iterable[int], hops: int) -> set[int]:
    """Entity ids within ``hops`` steps of ``around`` over events and links, undirected."""
    import numpy as np
    import pandas as pd

    pairs = pd.concat([events[["a_id", "b_id"]], links[["a_id", "b_id"]]], ignore_index=True).dropna()
    a = pairs["a_id"].to_numpy(dtype=np.int64)
    b = pairs["b_id"].to_numpy(dtype=np.int64)
    seen = np.unique(np.fromiter((int(x) for x in around), dtype=np.int64))
    frontier = seen
    for _ in range(max(0, int(hops))):
        if frontier.size == 0:
            break
        nxt = np.concatenate([b[np.isin(a, frontier)], a[np.isin(b, frontier)]])
        nxt = np.setdiff1d(np.unique(nxt), seen, assume_unique=True)
        seen = np.union1d(seen, nxt)
        frontier = nxt
    return {int(x) for x in seen}


def _cases_per_group(gid: Any, case_ids: Any, n_groups: int, numbers: dict[int, str]) -> list[tuple[str, ...]]:
    """Sorted tuple of the distinct case numbers of each group id 0..n_groups-1 (numpy sort, no pandas)."""
    import numpy as np
    import pandas as pd

    gid = np.asarray(gid, dtype=np.int64)
    cid = np.asarray(case_ids, dtype=np.int64)
    width = int(cid.max()) + 1 if cid.size else 1
    pairs = np.sort(pd.unique(gid * width + cid))
    g, c = pairs // width, pairs % width
    name = np.empty(width, dtype=object)
    single_name = np.empty(width, dtype=object)     # (number,) per case id: one fancy assignment below
    single_name[:] = [()] * width
    for k, v in numbers.items():
        if 0 <= k < width:
            name[k] = v
            single_name[k] = (v,)
    out = np.empty(n_groups, dtype=object)
    out[:] = [()] * n_groups
    starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
    ends = np.r_[starts[1:], len(g)]
    single = (ends - starts) == 1
    out[g[starts[single]]] = single_name[c[starts[single]]]
    for s_, e_ in zip(starts[~single].tolist(), ends[~single].tolist(), strict=True):
        out[int(g[s_])] = tuple(sorted(x for x in name[c[s_:e_]] if x is not None))
    return out.tolist()


def _objects(series: pd.Series) -> Any:
    """Values as python objects with None for missing (times as ``datetime.datetime``)."""
    import numpy as np
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(series) and getattr(series.dtype, "tz", None) is None:
        return _datetimes(series.to_numpy(dtype="datetime64[ns]").view(np.int64))
    missing = series.isna().to_numpy()
    out = series.to_numpy(dtype=object)
    if missing.any():
        out = out.copy()
        out[missing] = None
    return out


def _datetimes(ns: Any) -> Any:
    """int64 nanoseconds (NaT = int64 min) as an object array of ``datetime.datetime`` / None.

    Through ``datetime64[us].tolist()``: several times faster than ``DatetimeArray.to_pydatetime``
    (sub-microsecond digits are dropped: the files give seconds at best).
    """
    import numpy as np

    ns = np.asarray(ns, dtype=np.int64)
    nat = ns == NAT
    us = ns // 1000
    us[nat] = NAT
    out = np.empty(len(ns), dtype=object)
    out[:] = us.view("datetime64[us]").tolist()
    return out


NAT = -(2**63)   # numpy's NaT as int64


def _codes(series: pd.Series) -> tuple[Any, list[str]]:
    """Dense int64 codes of a text column and the words they stand for (missing values are ``""``)."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(series)
    words = ["" if pd.isna(u) else str(u) for u in uniques]
    codes = np.asarray(codes, dtype=np.int64)
    if (codes < 0).any():
        words.append("")
        codes = np.where(codes < 0, len(words) - 1, codes)
    # one code per word ("" may appear both as a value and as missing)
    merged: dict[str, int] = {}
    remap = np.array([merged.setdefault(w, len(merged)) for w in words] or [0], dtype=np.int64)
    return remap[codes], list(merged)


def _first_per_key(group: Any, t: Any) -> Any:
    """Mask of the rows whose (``group``, time ``t``) has not occurred on an earlier row; rows without a
    time are always first. ``group``: dense int64 codes >= 0; ``t``: int64 ns, NaT = int64 min.

    Both are packed into one int64 (whole seconds when every time is) and hashed: a sort of several keys
    costs ten times more on a million rows.
    """
    import numpy as np
    import pandas as pd

    n = len(group)
    first = np.ones(n, dtype=bool)
    timed = t != NAT
    if not timed.any():
        return first
    g, tv = group[timed], t[timed]
    unit = 1_000_000_000 if not (tv % 1_000_000_000).any() else 1
    rel = (tv - tv.min()) // unit
    span = int(rel.max()) + 1
    if (int(g.max()) + 1) <= (2**62) // span:
        first[timed] = ~pd.Series(g * span + rel).duplicated().to_numpy()
        return first
    order = np.lexsort((tv, g))             # stable: ties keep row order, so the first row comes first
    same = (g[order][1:] == g[order][:-1]) & (tv[order][1:] == tv[order][:-1])
    keep = np.ones(len(g), dtype=bool)
    keep[order[1:][same]] = False
    first[timed] = keep
    return first


def _aggregate_events(ev: pd.DataFrame, numbers: dict[int, str]) -> tuple[list[tuple], dict[str, Any]]:
    """Edge tuples of the events, and the (a, b, first, last) int64 arrays of the edges (for node spans).

    All on integer codes with numpy: the parties' ids, etype and currency codes, times as int64 ns.
    """
    import numpy as np
    import pandas as pd

    a = ev["a_id"].to_numpy(dtype=np.int64, na_value=-1)
    b = ev["b_id"].to_numpy(dtype=np.int64, na_value=-1)
    both = (a >= 0) & (b >= 0)
    empty = {"a": np.zeros(0, np.int64), "b": np.zeros(0, np.int64), "first": np.zeros(0, np.int64),
             "last": np.zeros(0, np.int64)}
    if not both.any():
        return [], empty
    if not both.all():
        ev = ev[both]
        a, b = a[both], b[both]
    et, et_words = _codes(ev["etype"])
    cur, cur_words = _codes(ev["currency"])
    t = ev["time"].to_numpy(dtype="datetime64[ns]").view(np.int64)
    dur = ev["duration"].to_numpy(dtype=np.float64, na_value=np.nan)
    amt = ev["amount"].to_numpy(dtype=np.float64, na_value=np.nan)
    case = ev["case_id"].to_numpy(dtype=np.int64)

    # groups (a, b, etype, currency): dense ids in order of first appearance
    n_et, n_cur = len(et_words), len(cur_words)
    width = int(b.max()) + 1
    packed = int(a.max()) < 2**31 and width <= 2**31
    pair_codes, pair_values = pd.factorize(a * width + b if packed else pd.MultiIndex.from_arrays([a, b]))
    if packed:
        pair_a, pair_b = np.asarray(pair_values) // width, np.asarray(pair_values) % width
    else:
        pair_a = np.asarray(pair_values.get_level_values(0), dtype=np.int64)
        pair_b = np.asarray(pair_values.get_level_values(1), dtype=np.int64)
    pair_et = np.asarray(pair_codes, dtype=np.int64) * n_et + et

    # one call or transfer shows in the records of both parties: count it once (cases still from both)
    once = _first_per_key(pair_et, t)
    dur = np.where(once & ~np.isnan(dur), dur, 0.0)
    amt = np.where(once & ~np.isnan(amt), amt, 0.0)

    gkey = pair_et * n_cur + cur
    gid, uniq = pd.factorize(gkey)
    gid = np.asarray(gid, dtype=np.int64)
    n_groups = len(uniq)
    count = np.bincount(gid, weights=once, minlength=n_groups).astype(np.int64)
    duration = np.bincount(gid, weights=dur, minlength=n_groups)
    amount = np.bincount(gid, weights=amt, minlength=n_groups)
    big = np.iinfo(np.int64).max
    first = np.full(n_groups, big, dtype=np.int64)
    np.minimum.at(first, gid, np.where(t == NAT, big, t))
    first[first == big] = NAT
    last = np.full(n_groups, NAT, dtype=np.int64)
    np.maximum.at(last, gid, t)                           # NaT is the smallest int64: it never wins
    cases = _cases_per_group(gid, case, n_groups, numbers)

    uniq = np.asarray(uniq, dtype=np.int64)                 # (pair * n_et + etype) * n_cur + currency
    gpair, gcur = uniq // n_cur // n_et, uniq % n_cur
    get = (uniq // n_cur) % n_et
    ga, gb = pair_a[gpair].astype(np.int64), pair_b[gpair].astype(np.int64)
    et_money = np.array([w in ("transfer", "payment") for w in et_words], dtype=bool)
    money = (et_money[get] | (amount != 0)).tolist()
    etype_of = [et_words[i] for i in get.tolist()]
    cur_of = [cur_words[i] for i in gcur.tolist()]
    out: list[tuple] = []
    append = out.append
    for u, v, etype, c, cnt, du, am, t0, t1, cs, m in zip(
            ga.tolist(), gb.tolist(), etype_of, cur_of, count.tolist(), duration.tolist(), amount.tolist(),
            _datetimes(first).tolist(), _datetimes(last).tolist(), cases, money, strict=True):
        if m:
            append((u, v, f"{etype}:{c}" if c else etype,
                    {"kind": etype, "count": cnt, "duration": du, "first": t0, "last": t1, "cases": cs,
                     "amount": am, "currency": c}))
        else:
            append((u, v, f"{etype}:{c}" if c else etype,
                    {"kind": etype, "count": cnt, "duration": du, "first": t0, "last": t1, "cases": cs}))
    return out, {"a": ga, "b": gb, "first": first, "last": last}


def _aggregate_links(lk: pd.DataFrame, numbers: dict[int, str]) -> list[tuple]:
    lk = lk.dropna(subset=["a_id", "b_id"])
    if lk.empty:
        return []
    work = _pd_frame(lk, ["a_id", "b_id", "ltype", "n", "first_time", "last_time", "case_id"])
    work["ltype"] = _text(work["ltype"])
    gid = work.groupby(["a_id", "b_id", "ltype"], sort=False).ngroup().to_numpy()
    g = work.groupby(gid).agg(a=("a_id", "first"), b=("b_id", "first"), ltype=("ltype", "first"),
                              count=("n", "sum"), first=("first_time", "min"), last=("last_time", "max"))
    cases = _cases_per_group(gid, work["case_id"].to_numpy(), len(g), numbers)
    return [
        (int(a), int(b), lt, {"kind": lt, "count": int(c), "first": t0, "last": t1, "cases": cases[i]})
        for i, (a, b, lt, c, t0, t1) in enumerate(zip(
            g["a"].to_numpy(), g["b"].to_numpy(), g["ltype"].to_numpy(), g["count"].to_numpy(),
            _objects(g["first"]), _objects(g["last"]), strict=True))
    ]


def _pd_frame(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """A copy of ``columns`` with the entity ids as int64 (rows without both ids already dropped)."""
    work = frame[columns].copy()
    work["a_id"] = work["a_id"].astype("int64")
    work["b_id"] = work["b_id"].astype("int64")
    return work


def _candidates(nodes: dict[str, list[Any]]) -> list[tuple]:
    """Masked card ``first6*last4`` -> every full card with the same first six and last four digits."""
    cards: dict[tuple[str, str], list[int]] = {}
    masked: list[tuple[int, str]] = []
    for nid, kind, key in zip(nodes["id"], nodes["kind"], nodes["key"], strict=True):
        if kind == "card":
            cards.setdefault((key[:6], key[-4:]), []).append(nid)
        elif kind == "masked_card" and "*" in key and not key.startswith("*"):
            masked.append((nid, key))
    out = []
    for nid, key in masked:
        first, last = key.split("*", 1)
        out.extend((nid, c, "candidate", {"kind": "candidate", "candidate": True, "count": 1})
                   for c in cards.get((first, last), ()))
    return out


def scope_events(ws: Any, G: nx.MultiDiGraph, *, etypes: Iterable[str] | None = None) -> pd.DataFrame:
    """The individual events behind ``G`` (same cases and time window, both parties in ``G``).

    The graph keeps one aggregated edge per pair; money tracing in time order and SIM-box scoring need
    the rows themselves. Returns ``ws.events`` columns.
    """
    scope = G.graph.get("scope", {})
    ev = ws.events(case_ids=scope.get("case_ids"), since=scope.get("since"), until=scope.get("until"),
                   etypes=list(etypes) if etypes is not None else None)
    if scope.get("around") is not None:
        nodes = list(G.nodes)
        a = _ids(ev["a_id"]).isin(nodes).fillna(False)
        b = _ids(ev["b_id"]).isin(nodes).fillna(False)
        ev = ev[(a | ev["a_id"].isna()) & (b | ev["b_id"].isna()) & (a | b)]
    return ev.reset_index(drop=True)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a few hundred thousand edge and node dicts are made.

    Every 700 new containers trigger a collection, and the older generations it then walks hold the
    whole events frame: about a fifth of the build time on a million events. Nothing built here is
    cyclic garbage; the collector runs again as soon as the graph is returned.
    """
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def build_graph(ws: Any, *, case_ids: Iterable[int] | None = None, since: Any = None, until: Any = None,
                around: Iterable[int] | None = None, hops: int = 1,
                progress: Callable[[float, str], None] | None = None,
                should_cancel: Callable[[], bool] | None = None) -> nx.MultiDiGraph:
    """Build the MultiDiGraph of a workspace scope.

    Parameters
    ----------
    ws : Workspace
        An open workspace (``linkview.workspace.Workspace``).
    case_ids : iterable of int, optional
        Workspace case ids to include (all cases when None).
    since, until : datetime-like, optional
        Time window of events (links whose time range misses the window are left out).
    around : iterable of int, optional
        Entity ids: keep only their neighbourhood up to ``hops`` steps (events and links, either direction).
    hops : int
        Radius of the neighbourhood when ``around`` is given.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes are entity ids with ``kind key display valid cases n_cases first_seen last_seen hub``, plus
        ``active_in`` (in how many other subjects' records the entity calls, texts or receives money) and
        ``subject_of`` (cases in which it is the subject of a call record, statement or export); see
        ``_records``;
        edges are aggregated events, static links and candidate card matches (see the module docstring
        for keys). ``G.graph`` holds ``scope``, ``workspace`` (path) and ``case_numbers`` (case id ->
        case number of the scope).
    """
    with _gc_paused():
        return _build(ws, case_ids=case_ids, since=since, until=until, around=around, hops=hops,
                      progress=progress, should_cancel=should_cancel)


def _build(ws: Any, *, case_ids: Iterable[int] | None, since: Any, until: Any, around: Iterable[int] | None,
           hops: int, progress: Callable[[float, str], None] | None,
           should_cancel: Callable[[], bool] | None) -> nx.MultiDiGraph:
    import networkx as nx
    import numpy as np
    import pandas as pd

    case_ids = None if case_ids is None else sorted({int(c) for c in case_ids})
    around_ids = None if around is None else sorted({int(x) for x in around})
    scope = {"case_ids": case_ids, "since": since, "until": until, "around": around_ids, "hops": int(hops)}
    _report(progress, 0.0, "reading events")
    _check(should_cancel)
    numbers = {int(c.id): str(c.number) for c in ws.cases()}
    if case_ids is not None:
        numbers = {k: v for k, v in numbers.items() if k in set(case_ids)}
    ev = ws.events(case_ids=case_ids, since=since, until=until)
    ev = ev.assign(a_id=_ids(ev["a_id"]), b_id=_ids(ev["b_id"]), time=_times(ev["time"]))
    _report(progress, 0.35, "reading links")
    _check(should_cancel)
    lk = ws.links(case_ids=case_ids)
    lk = lk.assign(a_id=_ids(lk["a_id"]), b_id=_ids(lk["b_id"]), first_time=_times(lk["first_time"]),
                   last_time=_times(lk["last_time"]))
    if since is not None:
        lk = lk[~(lk["last_time"] < pd.Timestamp(since)).fillna(False)]
    if until is not None:
        lk = lk[~(lk["first_time"] > pd.Timestamp(until)).fillna(False)]
    if around_ids is not None:
        keep = _neighbourhood(ev, lk, around_ids, hops)
        ev = ev[ev["a_id"].isin(keep).fillna(False) & ev["b_id"].isin(keep).fillna(False)]
        lk = lk[lk["a_id"].isin(keep).fillna(False) & lk["b_id"].isin(keep).fillna(False)]
    _check(should_cancel)

    _report(progress, 0.45, "aggregating events")
    edges, pairs = _aggregate_events(ev, numbers)
    _check(should_cancel)
    edges += _aggregate_links(lk, numbers)
    _check(should_cancel)

    # node ids: every party of the scope's events and links (and the entities asked for)
    parts = [f[c].to_numpy(dtype=np.int64, na_value=-1) for f in (ev, lk) for c in ("a_id", "b_id")]
    if around_ids is not None:
        parts.append(np.asarray(around_ids, dtype=np.int64))
    ids = np.unique(np.concatenate(parts))
    ids = ids[ids >= 0]
    _report(progress, 0.6, "reading entities")
    nodes = _node_frame(ws, ids, ev, lk, pairs, numbers, case_ids)
    _check(should_cancel)
    edges += _candidates(nodes)

    _report(progress, 0.75, "building the graph")
    G = nx.MultiDiGraph()
    G.graph.update(scope=scope, workspace=str(getattr(ws, "path", "") or ""), case_numbers=numbers)
    marks = ws.hub_marks()
    G.add_nodes_from(_node_tuples(nodes, marks))
    _check(should_cancel)
    _add_edges(G, edges)
    _report(progress, 1.0, f"{G.number_of_nodes()} entities, {len(edges)} edges")
    return G


def _node_frame(ws: Any, ids: Any, ev: pd.DataFrame, lk: pd.DataFrame, pairs: dict[str, Any],
                numbers: dict[int, str], case_ids: list[int] | None) -> pd.DataFrame:
    import numpy as np

    ids = np.unique(np.asarray(ids, dtype=np.int64))
    ids_list = ids.tolist()
    ent = ws.entities(ids=ids_list)
    # cases per entity: the workspace's sightings (any row of the entity in the case, events or links),
    # as ``ws.entities`` gives them (sorted case numbers), kept to the cases of the scope
    ent = ent[["id", "kind", "key", "display", "valid", "cases"]]
    eid = ent["id"].to_numpy(dtype=np.int64)
    inside = np.isin(eid, ids)
    if not inside.all():
        ent, eid = ent[inside], eid[inside]
    in_scope = set(numbers.values())
    every = case_ids is None
    cases = [tuple(cs) if every else tuple(c for c in cs if c in in_scope) for cs in ent["cases"].tolist()]

    # first and last time seen within the scope (int64 ns, NaT = int64 min), by position in ``eid``
    big = np.iinfo(np.int64).max
    first = np.full(len(eid), big, dtype=np.int64)
    last = np.full(len(eid), NAT, dtype=np.int64)

    def span(who: Any, t0: Any, t1: Any) -> None:
        who = np.asarray(who, dtype=np.int64)
        pos = np.searchsorted(eid, who) if len(eid) else np.zeros(len(who), dtype=np.int64)
        ok = (who >= 0) & (pos < len(eid))
        ok[ok] = eid[pos[ok]] == who[ok]
        t0 = np.asarray(t0, dtype=np.int64)[ok]
        np.minimum.at(first, pos[ok], np.where(t0 == NAT, big, t0))
        np.maximum.at(last, pos[ok], np.asarray(t1, dtype=np.int64)[ok])

    order_ok = bool(np.all(eid[1:] > eid[:-1])) if len(eid) > 1 else True
    if not order_ok:
        sort = np.argsort(eid, kind="stable")
        ent, eid, cases = ent.iloc[sort], eid[sort], [cases[i] for i in sort.tolist()]
    ea = ev["a_id"].to_numpy(dtype=np.int64, na_value=-1)
    eb = ev["b_id"].to_numpy(dtype=np.int64, na_value=-1)
    one = (ea < 0) ^ (eb < 0)
    if one.any():
        t = ev["time"].to_numpy(dtype="datetime64[ns]").view(np.int64)[one]
        span(np.maximum(ea[one], eb[one]), t, t)
    span(pairs["a"], pairs["first"], pairs["last"])
    span(pairs["b"], pairs["first"], pairs["last"])
    if len(lk):
        lt0 = lk["first_time"].to_numpy(dtype="datetime64[ns]").view(np.int64)
        lt1 = lk["last_time"].to_numpy(dtype="datetime64[ns]").view(np.int64)
        span(lk["a_id"].to_numpy(dtype=np.int64, na_value=-1), lt0, lt1)
        span(lk["b_id"].to_numpy(dtype=np.int64, na_value=-1), lt0, lt1)
    first[first == big] = NAT

    active_in, subject_of = _records(ev, numbers)
    return {"id": eid.tolist(), "kind": _words(ent["kind"]), "key": _words(ent["key"]),
            "display": _words(ent["display"]), "valid": ent["valid"].to_numpy(dtype=bool).tolist(),
            "cases": cases, "first_seen": _datetimes(first).tolist(), "last_seen": _datetimes(last).tolist(),
            "active_in": [active_in.get(i, 0) for i in eid.tolist()],
            "subject_of": [subject_of.get(i, ()) for i in eid.tolist()]}


def _words(series: pd.Series) -> list[str]:
    return [w if isinstance(w, str) else "" for w in series.tolist()]


def _unique_inverse(values: Any) -> tuple[Any, Any]:
    """``np.unique(values, return_inverse=True)`` through a hash table: sorts only the distinct values."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values)
    uniques = np.asarray(uniques)
    sorter = np.argsort(uniques, kind="stable")
    rank = np.empty(len(uniques), dtype=np.int64)
    rank[sorter] = np.arange(len(uniques), dtype=np.int64)
    return uniques[sorter], rank[np.asarray(codes, dtype=np.int64)]


def _records(ev: pd.DataFrame, numbers: dict[int, str]) -> tuple[dict[int, int], dict[int, tuple[str, ...]]]:
    """Who acts in whose records.

    The *subject* of a source file is the party on at least half of its event rows, the record's target
    first when the rows name one (the target of a call record, the holder of a statement, the wallet of a blockchain export; a file without one counts as
    its own anonymous subject). An entity is *active* in another subject's record when it calls or texts
    there (party ``a`` of calls, SMS, logins) or receives money there (party ``b`` of transfers and
    payments): a fraud phone in its victims' call records, a mule card in their statements. A victim only
    *receives* calls in the suspects' records and only *sends* money in the mules' statements.

    Returns ``active_in``: entity -> number of distinct other subjects in whose records it is active,
    and ``subject_of``: entity -> case numbers where it is the subject of a record.
    """
    import numpy as np
    import pandas as pd

    if ev.empty:
        return {}, {}
    money = ev["etype"].isin(["transfer", "payment"]).to_numpy()
    t_codes, t_words = _codes(ev["target"])
    t_words_a = np.array([w == "a" for w in t_words], dtype=bool)
    t_words_b = np.array([w == "b" for w in t_words], dtype=bool)
    src = np.concatenate([ev["source_id"].to_numpy(dtype=np.int64)] * 2)
    case = np.concatenate([ev["case_id"].to_numpy(dtype=np.int64)] * 2)
    ent = np.concatenate([ev["a_id"].to_numpy(dtype=np.int64, na_value=-1),
                          ev["b_id"].to_numpy(dtype=np.int64, na_value=-1)])
    active = np.concatenate([~money, money])
    targeted = np.concatenate([t_words_a[t_codes], t_words_b[t_codes]])
    keep = ent >= 0
    src, case, ent, active, targeted = src[keep], case[keep], ent[keep], active[keep], targeted[keep]
    # rows and target rows per (source, entity); the subject of a source: most target rows, then most rows
    width = int(ent.max()) + 1
    pair, inv = _unique_inverse(src * width + ent)
    n = np.bincount(inv)
    n_target = np.bincount(inv, weights=targeted)
    p_src, p_ent = pair // width, pair % width
    order = np.lexsort((-n, -n_target, p_src))
    first = order[np.r_[True, p_src[order][1:] != p_src[order][:-1]]]
    sources, rows_per_source = np.unique(ev["source_id"].to_numpy(dtype=np.int64), return_counts=True)
    total = dict(zip(sources.tolist(), rows_per_source.tolist(), strict=True))
    subject = {int(p_src[i]): int(p_ent[i]) for i in first if n[i] >= 0.5 * total[int(p_src[i])]}
    by_source = -np.arange(int(src.max()) + 1, dtype=np.int64)      # no subject: the file's own (negative) id
    for k, v in subject.items():
        by_source[k] = v
    subj = by_source[src]
    # active_in: distinct other subjects in whose records the entity is active
    act = active & (subj != ent)
    shift = int(np.abs(subj).max()) * 2 + 2
    uniq = pd.unique(ent[act] * shift + (subj[act] + shift // 2))
    who, counts = np.unique(uniq // shift, return_counts=True)
    active_in = dict(zip(who.tolist(), counts.tolist(), strict=True))
    subject_of: dict[int, tuple[str, ...]] = {}
    mine = subj == ent
    width_c = int(case.max()) + 1
    for code in np.sort(pd.unique(ent[mine] * width_c + case[mine])).tolist():
        e_, c_ = divmod(code, width_c)
        if c_ in numbers:
            subject_of[e_] = tuple(sorted((*subject_of.get(e_, ()), numbers[c_])))
    return active_in, subject_of


#: networkx (major, minor) releases whose ``MultiDiGraph`` internals (``_succ``/``_pred`` sharing one key
#: dict per pair, ``edge_key_dict_factory``, ``nx._clear_cache``) :func:`_add_edges` was checked against
#: (tests/graph/test_nx_fast_path.py); on any other release the graph is filled with ``add_edges_from``.
FAST_PATH_NETWORKX = frozenset({(3, 3), (3, 4), (3, 5), (3, 6)})


def fast_path_verified(version: str) -> bool:
    """True when networkx ``version`` (``"3.6.1"``) is a major.minor the fast edge loader was verified with.

    >>> fast_path_verified("3.6.1"), fast_path_verified("3.7"), fast_path_verified("4.0rc1")
    (True, False, False)
    """
    import re

    m = re.match(r"(\d+)\.(\d+)", str(version))
    return m is not None and (int(m.group(1)), int(m.group(2))) in FAST_PATH_NETWORKX


def _add_edges(G: nx.MultiDiGraph, edges: list[tuple], *, fast: bool | None = None) -> str:
    """``G.add_edges_from(edges)`` for (u, v, key, attrs) tuples with distinct (u, v, key), in bulk.

    ``MultiDiGraph.add_edges_from`` costs two method calls and a view per edge (about 10 us); this fills
    the adjacency dictionaries the same way ``MultiDiGraph.add_edge`` does, once per edge. That relies on
    networkx internals, so it runs only on the releases of :data:`FAST_PATH_NETWORKX` (``fast=None``) and
    falls back to the public ``add_edges_from`` otherwise (``fast=False`` forces the fallback). Returns
    ``"fast"`` or ``"add_edges_from"``: the path taken.
    """
    import networkx as nx

    if fast is None:
        fast = fast_path_verified(nx.__version__)
    if not fast or type(G) is not nx.MultiDiGraph:
        G.add_edges_from(edges)
        return "add_edges_from"
    missing = {u for u, *_ in edges if u not in G._succ} | {v for _, v, *_ in edges if v not in G._succ}
    G.add_nodes_from(missing)
    succ, pred, new_keys = G._succ, G._pred, G.edge_key_dict_factory
    for u, v, key, attrs in edges:
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = new_keys()
            succ[u][v] = keydict
            pred[v][u] = keydict
        keydict[key] = attrs
    clear = getattr(nx, "_clear_cache", None)     # networkx >= 3.3 caches converted graphs on G
    if clear is not None:
        clear(G)
    return "fast"


def _node_tuples(nodes: dict[str, list[Any]], marks: dict[int, bool]) -> list[tuple[int, dict]]:
    out = []
    for nid, kind, key, display, valid, cs, t0, t1, seen, subj in zip(
            nodes["id"], nodes["kind"], nodes["key"], nodes["display"], nodes["valid"], nodes["cases"],
            nodes["first_seen"], nodes["last_seen"], nodes["active_in"], nodes["subject_of"], strict=True):
        mark = marks.get(nid)
        out.append((nid, {"kind": kind, "key": key, "display": display, "valid": valid, "cases": cs,
                          "n_cases": len(cs), "first_seen": t0, "last_seen": t1,
                          "hub": None if mark is None else bool(mark), "active_in": seen,
                          "subject_of": subj}))
    return out
