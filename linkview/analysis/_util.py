"""Helpers shared by the analysis functions: callbacks, hub sets, undirected views."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from linkview.errors import Cancelled, EntityNotFound

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["check", "report", "hub_nodes", "require_node", "default_hubs", "to_native"]


def check(should_cancel: Callable[[], bool] | None, what: str) -> None:
    """Raise :class:`Cancelled` when the caller asked to stop."""
    if should_cancel is not None and should_cancel():
        raise Cancelled(f"{what} was cancelled")


def report(progress: Callable[[float, str], None] | None, fraction: float, message: str) -> None:
    if progress is not None:
        progress(min(1.0, max(0.0, fraction)), message)


def default_hubs(G: nx.Graph) -> set[Any]:
    """The cheap hub set: nodes the user marked as hubs and service numbers (unless marked not a hub)."""
    out = set()
    for n, d in G.nodes(data=True):
        mark = d.get("hub")
        if mark is True or (mark is None and d.get("kind") == "service"):
            out.add(n)
    return out


def hub_nodes(G: nx.Graph, hubs: Iterable[Any] | None) -> set[Any]:
    """Node ids of ``hubs`` (node ids or objects with a ``node`` attribute); the cheap set when None."""
    if hubs is None:
        return default_hubs(G)
    return {getattr(h, "node", h) for h in hubs}


def require_node(G: nx.Graph, node: Any) -> None:
    if node not in G:
        raise EntityNotFound(f"entity {node!r} is not in the graph of this scope")


def to_native(value: Any) -> Any:
    """JSON-friendly form of a value found on nodes and edges (Timestamps -> ISO text, numpy -> python)."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()
    if isinstance(value, tuple):
        return [to_native(v) for v in value]
    return value
