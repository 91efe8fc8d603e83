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

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from linkview.errors import Cancelled

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = ["build_graph", "EVENT_KINDS", "IDENTITY_KINDS", "scope_events", "weak_masked_card"]

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

    gid = np.asarray(gid, dtype=np.int64)
    cid = np.asarray(case_ids, dtype=np.int64)
    width = int(cid.max()) + 1 if cid.size else 1
    pairs = np.unique(gid * width + cid)
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

    missing = series.isna().to_numpy()
    if pd.api.types.is_datetime64_any_dtype(series):
        out = np.asarray(series.array.to_pydatetime(), dtype=object)
    else:
        out = series.to_numpy(dtype=object)
    if missing.any():
        out = out.copy()
        out[missing] = None
    return out


def _aggregate_events(ev: pd.DataFrame, numbers: dict[int, str]) -> tuple[list[tuple], pd.DataFrame]:
    """Edge tuples of the events, and the (a, b, first, last) frame of the pairs (for node time spans)."""
    import numpy as np
    import pandas as pd

    ev = ev.dropna(subset=["a_id", "b_id"])
    if ev.empty:
        return [], pd.DataFrame({"a": [], "b": [], "first": [], "last": []})
    work = _pd_frame(ev, ["a_id", "b_id", "etype", "currency", "duration", "amount", "time", "case_id"])
    work["etype"] = _text(work["etype"])
    work["currency"] = _text(work["currency"])
    # one call or transfer shows in the records of both parties: count it once (cases still from both)
    twice = (work.duplicated(["a_id", "b_id", "etype", "time"]) & work["time"].notna()).to_numpy()
    work["once"] = (~twice).astype(np.int64)
    if twice.any():
        work["duration"] = work["duration"].where(~twice, 0.0)
        work["amount"] = work["amount"].where(~twice, 0.0)
    grouped = work.groupby(["a_id", "b_id", "etype", "currency"], sort=False)
    gid = grouped.ngroup().to_numpy()
    g = grouped.agg(count=("once", "sum"), duration=("duration", "sum"), amount=("amount", "sum"),
                    first=("time", "min"), last=("time", "max"))
    cases = _cases_per_group(gid, work["case_id"].to_numpy(), len(g), numbers)
    g = g.reset_index().rename(columns={"a_id": "a", "b_id": "b"})
    money = (g["etype"].isin(["transfer", "payment"]) | (g["amount"] != 0)).tolist()
    out: list[tuple] = []
    for a, b, etype, cur, cnt, dur, amt, t0, t1, cs, m in zip(
            g["a"].tolist(), g["b"].tolist(), g["etype"].tolist(), g["currency"].tolist(), g["count"].tolist(),
            g["duration"].tolist(), g["amount"].tolist(), _objects(g["first"]).tolist(),
            _objects(g["last"]).tolist(), cases, money, strict=True):
        attrs: dict[str, Any] = {"kind": etype, "count": cnt, "duration": dur, "first": t0, "last": t1,
                                 "cases": cs}
        if m:
            attrs["amount"] = amt
            attrs["currency"] = cur
        out.append((a, b, f"{etype}:{cur}" if cur else etype, attrs))
    return out, g[["a", "b", "first", "last"]]


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


def _candidates(nodes: pd.DataFrame) -> list[tuple]:
    """Masked card ``first6*last4`` -> every full card with the same first six and last four digits."""
    masked = nodes[(nodes["kind"] == "masked_card") & ~nodes["key"].str.startswith("*")
                   & nodes["key"].str.contains("*", regex=False)]
    cards = nodes[nodes["kind"] == "card"]
    if masked.empty or cards.empty:
        return []
    parts = masked["key"].str.split("*", n=1, regex=False)
    m = masked.assign(_f=parts.str[0], _l=parts.str[1])
    c = cards.assign(_f=cards["key"].str[:6], _l=cards["key"].str[-4:])
    pairs = m[["id", "_f", "_l"]].merge(c[["id", "_f", "_l"]], on=["_f", "_l"], suffixes=("_m", "_c"))
    return [(int(a), int(b), "candidate", {"kind": "candidate", "candidate": True, "count": 1})
            for a, b in zip(pairs["id_m"].to_numpy(), pairs["id_c"].to_numpy(), strict=True)]


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
    import networkx as nx
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
    parts = [ev["a_id"], ev["b_id"], lk["a_id"], lk["b_id"]]
    if around_ids is not None:
        parts.append(pd.Series(around_ids, dtype="Int64"))
    ids = pd.concat(parts, ignore_index=True).dropna().astype("int64").unique()
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


def _node_frame(ws: Any, ids: Any, ev: pd.DataFrame, lk: pd.DataFrame, pairs: pd.DataFrame,
                numbers: dict[int, str], case_ids: list[int] | None) -> pd.DataFrame:
    import numpy as np
    import pandas as pd

    ids_list = [int(x) for x in ids]
    ent = ws.entities(ids=ids_list) if ids_list else ws.entities(ids=[])
    ent = ent[["id", "kind", "key", "display", "valid"]].copy()
    ent["id"] = ent["id"].astype("int64")
    ent = ent[ent["id"].isin(ids_list)]
    ent["kind"], ent["key"], ent["display"] = _text(ent["kind"]), _text(ent["key"]), _text(ent["display"])

    # cases per entity from sightings (any row of the entity in the case, events or links)
    si = ws.sightings(entity_ids=ids_list, case_ids=case_ids) if ids_list else None
    if si is not None and not si.empty:
        si = si[["entity_id", "case_id"]].drop_duplicates()
        si = si[si["case_id"].isin(list(numbers))]
        si = si.assign(entity_id=si["entity_id"].astype("int64"), number=si["case_id"].map(numbers))
        si = si.sort_values(["entity_id", "number"])
        eid = si["entity_id"].to_numpy()
        num = si["number"].to_numpy()
        bounds = np.flatnonzero(np.r_[True, eid[1:] != eid[:-1], True])
        cases = {int(eid[s]): tuple(num[s:e]) for s, e in zip(bounds[:-1], bounds[1:], strict=True)}
    else:
        cases = {}

    # first and last time seen within the scope
    one_sided = ev[ev["a_id"].isna() ^ ev["b_id"].isna()]
    party = one_sided["a_id"].fillna(one_sided["b_id"])
    times = pd.concat([
        pd.DataFrame({"id": party, "t0": one_sided["time"], "t1": one_sided["time"]}),
        pd.DataFrame({"id": pairs["a"], "t0": pairs["first"], "t1": pairs["last"]}),
        pd.DataFrame({"id": pairs["b"], "t0": pairs["first"], "t1": pairs["last"]}),
        pd.DataFrame({"id": lk["a_id"], "t0": lk["first_time"], "t1": lk["last_time"]}),
        pd.DataFrame({"id": lk["b_id"], "t0": lk["first_time"], "t1": lk["last_time"]}),
    ], ignore_index=True).dropna(subset=["id"])
    span = times.groupby("id").agg(first_seen=("t0", "min"), last_seen=("t1", "max"))
    span.index = span.index.astype("int64")
    ent = ent.join(span, on="id")
    ent["cases"] = ent["id"].map(lambda i: cases.get(int(i), ()))
    active_in, subject_of = _records(ev, numbers)
    ent["active_in"] = ent["id"].map(lambda i: active_in.get(int(i), 0))
    ent["subject_of"] = ent["id"].map(lambda i: subject_of.get(int(i), ()))
    return ent


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

    if ev.empty:
        return {}, {}
    money = ev["etype"].isin(["transfer", "payment"]).to_numpy()
    target = _text(ev["target"]).to_numpy()
    src = np.concatenate([ev["source_id"].to_numpy(dtype=np.int64)] * 2)
    case = np.concatenate([ev["case_id"].to_numpy(dtype=np.int64)] * 2)
    ent = np.concatenate([ev["a_id"].to_numpy(dtype=np.int64, na_value=-1),
                          ev["b_id"].to_numpy(dtype=np.int64, na_value=-1)])
    active = np.concatenate([~money, money])
    targeted = np.concatenate([target == "a", target == "b"])
    keep = ent >= 0
    src, case, ent, active, targeted = src[keep], case[keep], ent[keep], active[keep], targeted[keep]
    # rows and target rows per (source, entity); the subject of a source: most target rows, then most rows
    width = int(ent.max()) + 1
    pair, inv = np.unique(src * width + ent, return_inverse=True)
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
    uniq = np.unique(ent[act] * shift + (subj[act] + shift // 2))
    who, counts = np.unique(uniq // shift, return_counts=True)
    active_in = dict(zip(who.tolist(), counts.tolist(), strict=True))
    subject_of: dict[int, tuple[str, ...]] = {}
    mine = subj == ent
    width_c = int(case.max()) + 1
    for code in np.unique(ent[mine] * width_c + case[mine]).tolist():
        e_, c_ = divmod(code, width_c)
        if c_ in numbers:
            subject_of[e_] = tuple(sorted((*subject_of.get(e_, ()), numbers[c_])))
    return active_in, subject_of


def _add_edges(G: nx.MultiDiGraph, edges: list[tuple]) -> None:
    """``G.add_edges_from(edges)`` for (u, v, key, attrs) tuples with distinct (u, v, key), in bulk.

    ``MultiDiGraph.add_edges_from`` costs two method calls and a view per edge (about 10 us); this fills
    the adjacency dictionaries the same way ``MultiDiGraph.add_edge`` does, once per edge.
    """
    import networkx as nx

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


def _node_tuples(nodes: pd.DataFrame, marks: dict[int, bool]) -> list[tuple[int, dict]]:
    firsts = _objects(nodes["first_seen"])
    lasts = _objects(nodes["last_seen"])
    out = []
    for i, (nid, kind, key, display, valid, cs, seen, subj) in enumerate(zip(
            nodes["id"].to_numpy(), nodes["kind"].to_numpy(), nodes["key"].to_numpy(),
            nodes["display"].to_numpy(), nodes["valid"].to_numpy(), nodes["cases"].to_numpy(),
            nodes["active_in"].to_numpy(), nodes["subject_of"].to_numpy(), strict=True)):
        nid = int(nid)
        mark = marks.get(nid)
        out.append((nid, {"kind": kind, "key": key, "display": display, "valid": bool(valid), "cases": cs,
                          "n_cases": len(cs), "first_seen": firsts[i], "last_seen": lasts[i],
                          "hub": None if mark is None else bool(mark), "active_in": int(seen),
                          "subject_of": subj}))
    return out
