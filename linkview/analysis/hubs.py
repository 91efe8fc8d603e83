"""Hubs: public entities that connect every case and say nothing about a ring.

Victims call their bank, the police and taxis; mule cards pay into exchange hot wallets. Such entities
touch many cases and must be set aside before cases are linked (DOMAIN.md). A node is a hub when

1. the investigator marked it so (node attribute ``hub`` True; ``hub`` False vetoes every other reason);
2. it is in the shipped, editable list ``linkview/analysis/data/public_entities.csv``;
3. its kind is ``service`` (short codes, sender names);
4. statistically: it touches at least ``min_cases`` cases and its number of cases is far above that of
   the other entities seen in two or more cases (robust z-score: median and MAD of the logarithm). The
   number of distinct neighbours is reported but not tested: a victim's private contacts outnumber the
   victims who call a taxi, so degree alone does not tell a hub from a busy private phone. (Nor does
   direction: victims call the fraudsters' call-back numbers as they call a bank.) With few cases the
   test has little to go on; :func:`~linkview.analysis.rings.rings` then still keeps an unlisted public
   number out of every ring, because it touches the cases of several rings without belonging to any;
5. structural: seen in at least ``max(min_cases, 3)`` cases, the subject of no record and with no
   identity link (no handset, owner or account known), it touches the cases of two or more separate
   rings (found with the hubs above set aside) without its cases lying within any one of them: what the
   victims of different rings call or pay, not what one ring uses. Needs the ``subject_of`` node
   attribute of :func:`linkview.graph.build_graph` (a victim is the subject of its own call record).

Every hub comes back with the reasons that made it one.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from linkview.analysis._util import check, report

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Hub", "hubs", "public_entities"]


@dataclass
class Hub:
    """A hub entity and why it is one."""

    node: Any
    kind: str
    key: str
    display: str
    n_cases: int
    neighbours: int
    reasons: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@lru_cache(maxsize=1)
def _shipped() -> dict[tuple[str, str], str]:
    text = resources.files("linkview.analysis").joinpath("data/public_entities.csv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return {(row["kind"].strip(), row["key"].strip()): row["label"].strip() for row in csv.DictReader(lines)}


def public_entities() -> dict[tuple[str, str], str]:
    """The shipped list of public entities: ``{(kind, key): label}``.

    >>> public_entities()[("service", "102")]
    'Police (emergency)'
    """
    return dict(_shipped())


def _robust_z(values: Any, floor: float = 0.33) -> Any:
    """(x - median) / max(1.4826 MAD, ``floor``).

    The floor keeps a handful of identical values (most entities are seen in exactly two cases) from
    making every larger value an outlier: on a log scale 0.33 is a factor of about 1.4.
    """
    import numpy as np

    values = np.asarray(values, dtype=float)
    if values.size == 0:
        return values
    med = np.median(values)
    scale = max(1.4826 * float(np.median(np.abs(values - med))), floor)
    return (values - med) / scale


def _straddlers(G: nx.Graph, known: set[Any], min_cases: int) -> list[tuple[Any, str]]:
    from linkview.analysis.rings import EXCLUDED_KINDS, IDENTITY_LINKS, rings
    from linkview.graph import weak_masked_card

    if not any("subject_of" in d for _, d in G.nodes(data=True)):
        return []
    found = rings(G, hubs=known, min_cases=2)
    covers = [set(r.cases) for r in found]
    members = set().union(*(r.nodes for r in found)) if found else set()
    out = []
    for n, d in G.nodes(data=True):
        mine = set(d.get("cases") or ())
        if (len(mine) < min_cases or n in known or n in members or d.get("hub") is False or d.get("subject_of")
                or d.get("kind") in EXCLUDED_KINDS or weak_masked_card(str(d.get("kind")), str(d.get("key")))):
            continue
        touched = [r.id for r, c in zip(found, covers, strict=True) if c & mine]
        if len(touched) < 2 or any(mine <= c for c in covers):
            continue
        edges = list(G.edges(n, data="kind")) + (list(G.in_edges(n, data="kind")) if G.is_directed() else [])
        if any(k in IDENTITY_LINKS for *_, k in edges):
            continue
        out.append((n, f"structural: seen in {len(mine)} cases, which belong to {len(touched)} separate rings "
                       f"({', '.join(touched[:5])}), without being part of any; no record, handset or owner"))
    return out


def _called_by_private_phones(G: nx.Graph, und: nx.Graph, known: set[Any], min_cases: int
                              ) -> list[tuple[Any, str]]:
    """Fixed lines (a city landline, not a mobile or SIM-box number) seen in ``min_cases`` or more cases,
    the subject of no record, active in nobody's record, with no handset or owner, whose every contact
    is a private phone (one that also calls bank hotlines or 102): the taxi or shop that victims of
    unrelated cases call, even when those cases happen to belong to one ring. A ring's call-back number,
    which its victims call too, is a mobile number (DOMAIN.md: victims call call-back numbers as they call
    a bank, so the contacts alone cannot tell them apart)."""
    from linkview.analysis.rings import IDENTITY_LINKS, _edge_kinds, _private
    from linkview.identifiers import normalize

    if not any("subject_of" in d for _, d in G.nodes(data=True)) or not known:
        return []
    out = []
    for n, d in G.nodes(data=True):
        n_cases = len(d.get("cases") or ())
        if (d.get("kind") != "phone" or n_cases < min_cases or n in known or d.get("hub") is False
                or d.get("subject_of") or d.get("active_in")):
            continue
        contacts = [v for v in und.adj[n] if v != n]
        if not contacts or any(_edge_kinds(G, n, v) - {"call", "sms"} for v in contacts):
            continue
        if any(_edge_kinds(G, n, v) & IDENTITY_LINKS for v in contacts):
            continue
        if not all(G.nodes[v].get("kind") == "phone" and _private(G, und, v, known) for v in contacts):
            continue
        if dict(normalize("phone", str(d.get("key", ""))).info).get("line_type") != "fixed line":
            continue
        out.append((n, f"fixed line called in {n_cases} cases, only by private phones that also call public "
                       f"numbers ({len(contacts)} callers); no record, handset or owner"))
    return out


def hubs(G: nx.Graph, *, public: dict[tuple[str, str], str] | None = None, min_cases: int = 3,
         z: float = 3.5, statistical: bool = True, structural: bool = True,
         progress: Callable[[float, str], None] | None = None,
         should_cancel: Callable[[], bool] | None = None) -> list[Hub]:
    """Entities of ``G`` that are public hubs, each with its reasons, most cases first.

    Parameters
    ----------
    G : networkx graph built by :func:`linkview.graph.build_graph` (nodes carry kind, key, cases, hub).
    public : ``{(kind, key): label}``; the shipped list when None (pass ``{}`` for none).
    min_cases : a statistical hub touches at least this many cases.
    z : robust z-score threshold of log(cases) among the entities seen in two or more cases.
    statistical : False to use only marks, the list and service kinds.
    structural : also report entities that straddle rings (see the module docstring, 5.).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node(1, kind="service", key="102", display="102", cases=("1", "2"), hub=None)
    >>> G.add_node(2, kind="phone", key="+77011234567", display="+7 701 123 45 67", cases=("1",), hub=None)
    >>> G.add_edge(2, 1, key="call", kind="call", count=1)
    'call'
    >>> [(h.node, h.reasons) for h in hubs(G)]
    [(1, ['public: Police (emergency)', 'service number or sender name'])]
    """
    import numpy as np

    public = _shipped() if public is None else public
    nodes = list(G.nodes)
    report(progress, 0.0, "looking for hubs")
    check(should_cancel, "hub search")
    und = G.to_undirected(as_view=True) if G.is_directed() else G
    neighbours = np.fromiter((len(und.adj[n]) for n in nodes), dtype=float, count=len(nodes))
    n_cases = np.fromiter((len(G.nodes[n].get("cases") or ()) for n in nodes), dtype=float, count=len(nodes))

    fired: dict[int, list[str]] = {}
    if statistical and nodes:
        multi = n_cases >= 2
        zc = np.zeros(len(nodes))
        if multi.sum() >= 3:
            zc[multi] = _robust_z(np.log(n_cases[multi]))
        cand = np.flatnonzero((n_cases >= min_cases) & (zc >= z))
        for i in cand:
            fired[int(i)] = [f"statistical: seen in {int(n_cases[i])} cases (robust z {zc[i]:.1f} >= {z:g}), "
                             f"{int(neighbours[i])} distinct neighbours"]
    check(should_cancel, "hub search")

    out: list[Hub] = []
    for i, n in enumerate(nodes):
        d = G.nodes[n]
        mark = d.get("hub")
        if mark is False:
            continue
        reasons: list[str] = []
        if mark is True:
            reasons.append("marked as a hub by the investigator")
        label = public.get((d.get("kind", ""), d.get("key", "")))
        if label:
            reasons.append(f"public: {label}")
        if d.get("kind") == "service":
            reasons.append("service number or sender name")
        reasons += fired.get(i, [])
        if reasons:
            out.append(Hub(node=n, kind=d.get("kind", ""), key=d.get("key", ""), display=d.get("display", ""),
                           n_cases=int(n_cases[i]), neighbours=int(neighbours[i]), reasons=reasons))
    if structural:
        check(should_cancel, "hub search")
        for n, reason in _straddlers(G, {h.node for h in out}, max(min_cases, 3)):
            i = nodes.index(n)
            d = G.nodes[n]
            out.append(Hub(node=n, kind=d.get("kind", ""), key=d.get("key", ""), display=d.get("display", ""),
                           n_cases=int(n_cases[i]), neighbours=int(neighbours[i]), reasons=[reason]))
    if statistical:
        check(should_cancel, "hub search")
        known = {h.node for h in out}
        for n, reason in _called_by_private_phones(G, und, known, min_cases):
            i = nodes.index(n)
            d = G.nodes[n]
            out.append(Hub(node=n, kind=d.get("kind", ""), key=d.get("key", ""), display=d.get("display", ""),
                           n_cases=int(n_cases[i]), neighbours=int(neighbours[i]), reasons=[reason]))
    out.sort(key=lambda h: (-h.n_cases, -h.neighbours, str(h.key)))
    report(progress, 1.0, f"{len(out)} hubs")
    return out
