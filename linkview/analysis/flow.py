"""Money flow: follow transfers from (or back to) one entity in time order.

A transfer out of a node counts only if it happened after money first arrived at that node (forward), and
a transfer into a node counts only if it happened before money last left it (backward). The walk goes
through cards, accounts, wallets and phones (P2P by phone number) and across bank and crypto rails,
one currency next to the other (amounts are never converted). A transfer that shows in two statements
(same parties, time and amount) counts once.

Time order needs the individual transfers, which the graph aggregates per pair: pass them as
``transfers`` (a frame with ``a_id b_id time amount currency``, e.g. from
:func:`linkview.graph.scope_events` with ``etypes=("transfer", "payment")``). Without it, each aggregated
edge of ``G`` stands for its transfers between its ``first`` and ``last`` time and the result says
``exact=False``: an edge counts when its last transfer follows the arrival.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from linkview.analysis._util import check, hub_nodes, report, require_node, to_native
from linkview.errors import AnalysisError

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

__all__ = ["Flow", "trace", "MONEY_KINDS"]

MONEY_KINDS = ("transfer", "payment")


@dataclass
class Flow:
    """The transfers reached from ``source``: nodes with their depth and time, edges with amounts."""

    source: Any
    direction: str
    hops: int
    exact: bool
    nodes: list[dict[str, Any]] = field(default_factory=list)   # node, depth, time (arrival/departure), hub
    edges: list[dict[str, Any]] = field(default_factory=list)   # source, target, currency, amount, count, first, last
    totals: dict[str, float] = field(default_factory=dict)      # currency -> amount leaving the source (forward)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for item in out["nodes"]:
            item["time"] = to_native(item["time"])
        for item in out["edges"]:
            item["first"], item["last"] = to_native(item["first"]), to_native(item["last"])
        return out


def _records_from_graph(G: nx.Graph, kinds: set[str]) -> pd.DataFrame:
    import pandas as pd

    rows = [(u, v, d.get("first"), d.get("last"), float(d.get("amount", 0.0) or 0.0), d.get("currency", "") or "",
             int(d.get("count", 1)))
            for u, v, d in G.edges(data=True) if d.get("kind") in kinds]
    frame = pd.DataFrame(rows, columns=["a", "b", "t0", "t1", "amount", "currency", "count"])
    frame["t0"] = pd.to_datetime(frame["t0"])
    frame["t1"] = pd.to_datetime(frame["t1"])
    return frame


def _ids(column: pd.Series) -> Any:
    """Entity ids as plain int64 when numeric (the workspace's nullable Int64), as they are otherwise."""
    import pandas as pd

    if pd.api.types.is_numeric_dtype(column):
        return column.astype("int64").to_numpy()
    return column.to_numpy()


def _records_from_frame(transfers: pd.DataFrame, G: nx.Graph, kinds: set[str]) -> pd.DataFrame:
    import pandas as pd

    tr = transfers
    if "etype" in tr.columns:
        tr = tr[tr["etype"].isin(kinds)]
    tr = tr.dropna(subset=["a_id", "b_id"])
    frame = pd.DataFrame({
        "a": _ids(tr["a_id"]),
        "b": _ids(tr["b_id"]),
        "t0": pd.to_datetime(tr["time"]).to_numpy(),
        "amount": pd.to_numeric(tr["amount"], errors="coerce").fillna(0.0).to_numpy(),
        "currency": tr["currency"].astype(object).where(tr["currency"].notna(), "").astype(str).to_numpy(),
        "count": 1,
    })
    frame["t1"] = frame["t0"]
    # the same transfer in the sender's and the receiver's statement: keep it once
    frame = frame[~(frame.duplicated(["a", "b", "t0", "amount"]) & frame["t0"].notna())]
    nodes = set(G.nodes)
    return frame[frame["a"].isin(nodes) & frame["b"].isin(nodes)]


def trace(G: nx.Graph, source: Any, *, direction: str = "forward", hops: int = 3,
          transfers: pd.DataFrame | None = None, since: Any = None, until: Any = None,
          kinds: Iterable[str] = MONEY_KINDS, hubs: Iterable[Any] | None = None, min_amount: float = 0.0,
          progress: Callable[[float, str], None] | None = None,
          should_cancel: Callable[[], bool] | None = None) -> Flow:
    """Follow the money from ``source`` (``forward``) or back to where it came from (``backward``).

    Parameters
    ----------
    hops : number of transfer steps to follow.
    transfers : the individual transfers (see the module docstring); exact time order when given.
    since, until : forward: only money leaving the source from ``since``; backward: only money reaching
        the source until ``until``.
    hubs : nodes where the walk stops (they appear as leaves): exchange hot wallets pay everyone. When
        None, nodes marked as hubs and service numbers.
    min_amount : transfers smaller than this are ignored.

    >>> import networkx as nx, pandas as pd
    >>> G = nx.MultiDiGraph([(1, 2), (2, 3), (2, 4)])
    >>> t = pd.DataFrame({"a_id": [1, 2, 2], "b_id": [2, 3, 4], "amount": [100.0, 60.0, 40.0],
    ...                   "currency": "KZT", "time": pd.to_datetime(["2024-01-02", "2024-01-03", "2024-01-01"])})
    >>> [e["target"] for e in trace(G, 1, transfers=t).edges]   # 2 -> 4 happened before the money came
    [2, 3]
    """
    import numpy as np
    import pandas as pd

    if direction not in ("forward", "backward"):
        raise AnalysisError(f"direction must be 'forward' or 'backward', not {direction!r}")
    if hops < 1:
        raise AnalysisError("hops must be at least 1")
    require_node(G, source)
    kinds = set(kinds)
    stop = hub_nodes(G, hubs) - {source}
    report(progress, 0.0, "reading transfers")
    exact = transfers is not None
    rec = _records_from_frame(transfers, G, kinds) if exact else _records_from_graph(G, kinds)
    if min_amount > 0:
        rec = rec[rec["amount"] >= min_amount]
    forward = direction == "forward"
    # orient so that the walk always goes "from" -> "to" with times increasing (forward) or decreasing
    src_col, dst_col = ("a", "b") if forward else ("b", "a")
    # rows of each origin as one slice of the sorted frame (no per-node frames for nodes never reached)
    rec = rec.sort_values(src_col, kind="stable").reset_index(drop=True)
    origins = rec[src_col].to_numpy()
    cut = np.r_[0, np.flatnonzero(origins[1:] != origins[:-1]) + 1, len(origins)].tolist()
    slices = {origins[a]: (a, b) for a, b in zip(cut[:-1], cut[1:], strict=True)} if len(origins) else {}

    start = pd.Timestamp(since) if (forward and since is not None) else (
        pd.Timestamp(until) if (not forward and until is not None) else None)
    reach: dict[Any, tuple[int, Any]] = {source: (0, start)}   # node -> (depth, arrival or departure time)
    used: list[pd.DataFrame] = []
    frontier = [source]
    for depth in range(1, hops + 1):
        check(should_cancel, "money tracing")
        report(progress, depth / (hops + 1), f"step {depth} of {hops}")
        nxt: dict[Any, Any] = {}
        for u in frontier:
            if u in stop or u not in slices:
                continue
            out = rec.iloc[slices[u][0]:slices[u][1]]
            t_u = reach[u][1]
            if t_u is not None:
                # forward: a transfer counts if its last time is not before the arrival; backward: mirror
                out = out[out["t1"] >= t_u] if forward else out[out["t0"] <= t_u]
            if out.empty:
                continue
            used.append(out)
            when = out["t0"] if forward else out["t1"]
            if t_u is not None and not exact:
                when = when.clip(lower=t_u) if forward else when.clip(upper=t_u)
            best = when.groupby(out[dst_col].to_numpy()).min() if forward else \
                when.groupby(out[dst_col].to_numpy()).max()
            for v, t in best.items():
                t = None if pd.isna(t) else t
                if v in reach and reach[v][0] < depth:
                    old = reach[v][1]
                    better = old is not None and t is not None and (t < old if forward else t > old)
                    if not better:
                        continue
                if v in nxt:
                    old = nxt[v]
                    if old is None or t is None or (t >= old if forward else t <= old):
                        continue
                nxt[v] = t
        for v, t in nxt.items():
            if v not in reach or reach[v][0] >= depth:
                reach[v] = (depth, t)
            else:
                reach[v] = (reach[v][0], t)
        frontier = [v for v in nxt if v not in stop]
        if not frontier:
            break

    flow = Flow(source=source, direction=direction, hops=hops, exact=exact)
    if used:
        allrec = pd.concat(used, ignore_index=True).drop_duplicates()
        # keep only transfers consistent with the final times of their origin (times may have improved)
        t_from = pd.to_datetime(allrec[src_col].map({n: t for n, (_, t) in reach.items()}))
        ok = t_from.isna() | ((allrec["t1"] >= t_from) if forward else (allrec["t0"] <= t_from))
        allrec = allrec[ok]
        agg = allrec.groupby(["a", "b", "currency"], sort=False).agg(
            amount=("amount", "sum"), count=("count", "sum"), first=("t0", "min"), last=("t1", "max")).reset_index()
        agg = agg.sort_values(["first", "a", "b"], kind="stable")
        flow.edges = [
            {"source": to_native(a), "target": to_native(b), "currency": c, "amount": float(amt), "count": int(n),
             "first": f if not pd.isna(f) else None, "last": la if not pd.isna(la) else None}
            for a, b, c, amt, n, f, la in zip(agg["a"], agg["b"], agg["currency"], agg["amount"], agg["count"],
                                               agg["first"], agg["last"], strict=True)]
        own = agg[agg["a" if forward else "b"] == source]
        flow.totals = {str(c): float(v) for c, v in own.groupby("currency")["amount"].sum().items()}
    flow.nodes = [{"node": n, "depth": d, "time": t, "hub": n in stop} for n, (d, t) in
                  sorted(reach.items(), key=lambda kv: (kv[1][0], str(kv[0])))]
    report(progress, 1.0, f"{len(flow.nodes) - 1} entities reached")
    return flow
