"""Rings: groups of fraud-controlled entities that link two or more cases.

How a ring is found (every step is explainable to an investigator):

1. Hubs are set aside (:func:`linkview.analysis.hubs.hubs`), and so are masked cards known only by their
   last four digits (``*1234``), service numbers and person names: none of them identifies anyone across
   cases.
2. *Bridges* (the ring's members) are the remaining entities seen in two or more cases (node attribute
   ``cases``, from the workspace's sightings), except what belongs to victims (:func:`_victims`):

   - a phone that calls or texts public numbers (bank hotlines, 102, bank SMS senders) is a private
     person's, a victim's, even when it called the fraudsters back: fraud phones do not call the police;
     so is everything tied to it by identity links (its handset, its owner's IIN, cards and accounts);
   - a card, account or wallet that no record is about, with no owner or handset known and active in the
     records of fewer than ``witnesses`` other subjects, is an exchange deposit address or a victim's;
   - a group of money identifiers tied by identity links (a victim's IIN, card and masked card) that is
     active in no other subject's record (it only pays: a victim reached by the mules' statements) and is
     the subject of records in one case at most.

   An entity that is the subject of records (its own call record, statement or blockchain export) in two
   or more cases is never a victim's: victims have one case of their own.
3. *Connectors* are entities of a single case joined directly to a bridge by identity links (SIM in handset, IMSI, account uses phone/e-mail/device, pays with card, owns,
   card-account, ad contact, candidate card match): the handset and IMSI behind a ring's phones, the card
   and account of its IINs, the device of its ad accounts. An IP address of a single login is not one:
   it says nothing about who logged in. Connectors lead no further.
4. Bridges and connectors are joined by every edge between them (calls, transfers, identity links).
5. Connected groups (split with Leiden when one has more than ``max_size`` entities) that appear together
   in ``merge_overlap`` (2) or more of the same cases are one ring: a ring's phones and its mule cards
   are often joined only through their victims (the phone called, the victim paid the card), and two
   independent groups rarely meet in the same two cases. A lone bridge (no member next to it) joins the
   one group whose cases contain all of its own, stands alone when it meets no group, and is dropped
   when it straddles groups: that is the profile of a public number no list knows. Each group that then
   covers at least ``min_cases`` cases is a ring; two rings that share one case but no entity stay apart.

Each ring is scored from the cases it links, the victims its members dealt with (counterparts whose
own records are in the workspace), the money that reached its members and how recent its activity is; and it carries the evidence
of every cross-case link when an ``evidence`` callback is given (see
:func:`linkview.graph.evidence_lookup`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from linkview.analysis._util import check, report, to_native
from linkview.errors import AnalysisError
from linkview.graph.build import IDENTITY_KINDS, weak_masked_card

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Ring", "rings", "IDENTITY_LINKS", "EXCLUDED_KINDS"]

#: link kinds that say two identifiers belong to one person, device or account (the graph layer's list)
IDENTITY_LINKS = IDENTITY_KINDS
#: entity kinds that never join cases on their own
EXCLUDED_KINDS = frozenset({"service", "person"})
MONEY = frozenset({"transfer", "payment"})
CONTACT = frozenset({"call", "sms", "transfer", "payment", "login"})
#: kinds of identifiers that hold or move money
MONEY_KINDS = frozenset({"card", "masked_card", "iban", "account", "wallet_tron", "wallet_evm", "wallet_btc"})


@dataclass
class Ring:
    """A fraud ring: its cases, member entities, score and the evidence that links the cases."""

    id: str
    score: float
    cases: list[str]
    entities: list[dict[str, Any]]                 # node, kind, key, display, cases, role ("bridge"/"connector")
    counterparts: int = 0                          # distinct non-member entities the members dealt with
    victims: int = 0                               # those that are the subject of a record: victims' phones, cards
    money: dict[str, float] = field(default_factory=dict)   # currency -> amount received by members from outside
    first_seen: Any = None
    last_seen: Any = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    score_parts: dict[str, float] = field(default_factory=dict)

    @property
    def nodes(self) -> set[Any]:
        return {e["node"] for e in self.entities}

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract of ``linkview rings --json`` (plus a few descriptive fields)."""
        return {
            "id": self.id,
            "score": self.score,
            "cases": list(self.cases),
            "entities": [{"kind": e["kind"], "key": e["key"], "display": e["display"], "cases": list(e["cases"]),
                          "role": e["role"], "id": to_native(e["node"])} for e in self.entities],
            "evidence": [dict(item) for item in self.evidence],
            "counterparts": self.counterparts,
            "victims": self.victims,
            "money": dict(self.money),
            "first_seen": to_native(self.first_seen),
            "last_seen": to_native(self.last_seen),
            "score_parts": dict(self.score_parts),
        }


def _weak(d: dict[str, Any]) -> bool:
    return weak_masked_card(str(d.get("kind", "")), str(d.get("key", "")))


def _edge_kinds(G: nx.Graph, u: Any, v: Any) -> set[str]:
    kinds: set[str] = set()
    for a, b in ((u, v), (v, u)):
        if not G.has_edge(a, b):
            continue
        data = G[a][b]
        if G.is_multigraph():
            kinds.update(d.get("kind", k) for k, d in data.items())
        else:
            kinds.add(data.get("kind", ""))
    return kinds


def rings(G: nx.Graph, *, min_cases: int = 2, hubs: Iterable[Any] | None = None,
          evidence: Callable[[Any, Iterable[str]], list[dict[str, Any]]] | None = None,
          witnesses: int = 2, max_size: int = 300, merge_overlap: int | None = 2, seed: int = 0,
          progress: Callable[[float, str], None] | None = None,
          should_cancel: Callable[[], bool] | None = None) -> list[Ring]:
    """Rings of ``G``: groups of entities that link at least ``min_cases`` cases, best score first.

    Parameters
    ----------
    G : graph from :func:`linkview.graph.build_graph` (nodes carry ``kind key display cases hub``).
    min_cases : a ring links at least this many cases.
    hubs : node ids (or ``Hub`` objects) to set aside; when None, :func:`~linkview.analysis.hubs.hubs`.
    evidence : ``f(node, cases) -> [{"case", "file", "sha256", "rows", ...}]`` giving the source rows
        behind a node in those cases (:func:`linkview.graph.evidence_lookup`); no evidence when None.
        When it also has ``f.many([(node, cases), ...]) -> [[items], ...]``, the evidence of every ring
        is asked for in that one call.
    witnesses : a card, account or wallet that no record is about and that has no owner or handset known
        is a member only if it is active (receives money) in the records of at least this many other
        subjects (node attribute ``active_in``, see :func:`linkview.graph.build_graph`): a mule wallet
        receives in its victims' exports, while an exchange deposit address or a victim's wallet only
        shows up as a counterparty. See :func:`_victims` for the other rules that keep victims out.
    max_size : groups with more entities than this are split into Leiden communities.
    merge_overlap : groups that share at least this many cases are merged (None: never).

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_nodes_from([
    ...     (1, dict(kind="phone", key="+77010000001", display="", cases=("A", "B"), hub=None)),
    ...     (2, dict(kind="imei", key="35000000000001", display="", cases=("B", "C"), hub=None)),
    ...     (3, dict(kind="phone", key="+77010000003", display="", cases=("A",), hub=None)),   # a victim
    ...     (4, dict(kind="service", key="102", display="102", cases=("A", "B", "C"), hub=None))])
    >>> _ = G.add_edges_from([(1, 2, "sim_in_handset", {"kind": "sim_in_handset"}),
    ...                       (1, 3, "call", {"kind": "call", "count": 2}), (3, 4, "call", {"kind": "call"})])
    >>> [(r.cases, sorted(r.nodes)) for r in rings(G)]
    [(['A', 'B', 'C'], [1, 2])]
    """
    import networkx as nx

    from linkview.analysis.hubs import hubs as find_hubs

    if min_cases < 1:
        raise AnalysisError("min_cases must be at least 1")
    report(progress, 0.0, "setting hubs aside")
    check(should_cancel, "ring search")
    hub_set = {h.node for h in find_hubs(G)} if hubs is None else {getattr(h, "node", h) for h in hubs}
    und = G.to_undirected(as_view=True) if G.is_directed() else G

    cases: dict[Any, tuple[str, ...]] = {}
    for n, d in G.nodes(data=True):
        if n in hub_set or d.get("kind") in EXCLUDED_KINDS or _weak(d) or d.get("hub") is True:
            continue
        cases[n] = tuple(d.get("cases") or ())
    victims = _victims(G, und, cases, hub_set, witnesses)
    seeds = {n for n, c in cases.items() if len(c) >= 2 and n not in victims}
    check(should_cancel, "ring search")

    # connectors: the handsets, IMSIs, cards, accounts, devices of a single case behind the bridges
    report(progress, 0.2, f"{len(seeds)} controlled entities seen in several cases")
    members = set(seeds)
    for b in seeds:
        for v in und.adj[b]:
            if (v in cases and v not in members and v not in victims and _connector(G.nodes[v])
                    and _edge_kinds(G, b, v) & IDENTITY_LINKS):
                members.add(v)
    identity = {n for n in members
                if any(v in members and v != n and _edge_kinds(G, n, v) & IDENTITY_LINKS for v in und.adj[n])}
    check(should_cancel, "ring search")

    H = nx.Graph()
    H.add_nodes_from(members)
    H.add_edges_from((u, v) for u in members for v in und.adj[u] if v in members and v != u)
    check(should_cancel, "ring search")

    report(progress, 0.5, "grouping")
    groups: list[set[Any]] = []
    for comp in nx.connected_components(H):
        if len(comp) > max_size:
            from linkview.analysis.communities import communities

            groups += communities(G.subgraph(comp), method="leiden", hubs=(), seed=seed)
        else:
            groups.append(set(comp))
    lone = [g for g in groups if len(g) == 1 and not g & identity]
    groups = [g for g in groups if len(g) > 1 or g & identity]
    if merge_overlap is not None:
        groups = _merge_overlapping(groups, cases, merge_overlap)
    groups = _place_lone(groups, lone, cases)

    found: list[Ring] = []
    for group in groups:
        covered = sorted(set().union(*(cases[n] for n in group)))
        if len(covered) < min_cases:
            continue
        found.append(_make_ring(G, und, group, covered))
    check(should_cancel, "ring search")

    latest = max((r.last_seen for r in found if r.last_seen is not None), default=None)
    for r in found:
        _score(r, latest)
    found.sort(key=lambda r: (-r.score, -len(r.cases), r.cases))
    for i, r in enumerate(found, 1):
        r.id = f"R{i}"
    if evidence is not None:
        _attach_evidence(found, evidence, progress, should_cancel)
    report(progress, 1.0, f"{len(found)} rings")
    return found


def _private(G: nx.Graph, und: nx.Graph, n: Any, hub_set: set[Any]) -> bool:
    """Calls or texts with public numbers (bank hotlines, 102, bank SMS senders): a private person's phone,
    a victim's, even when it called the fraudsters back; fraud phones do not call the police."""
    for h in und.adj[n]:
        if h in hub_set and G.nodes[h].get("kind") in ("service", "phone") and _edge_kinds(G, n, h) & {"call", "sms"}:
            return True
    return False


def _active(d: dict[str, Any]) -> float:
    """In how many other subjects' records the entity is active (infinite when the graph does not say)."""
    seen = d.get("active_in")
    return math.inf if seen is None else seen


def _connector(d: dict[str, Any]) -> bool:
    """Whether an identity link to a bridge makes an entity of a single case a connector: it identifies the
    member (its handset, IMSI, owner, card, account, device, e-mail, listing), unless it is an IP address:
    a single login's IP says nothing about who logged in."""
    return d.get("kind") != "ip"


def _victims(G: nx.Graph, und: nx.Graph, cases: dict[Any, tuple[str, ...]], hub_set: set[Any],
             witnesses: int) -> set[Any]:
    """Entities seen in several cases that belong to victims, not to a ring (step 2 of the module docstring).

    * a phone that calls or texts public numbers (bank hotlines, 102): a private person's;
    * what is tied to such a phone by identity links (its handset, its owner's IIN, cards and accounts),
      unless it is active in the records of ``witnesses`` other subjects (a mule card receiving from
      victims);
    * cards, accounts and wallets that no record is about, with no owner or handset known, active in the
      records of fewer than ``witnesses`` other subjects: exchange deposit addresses, victims' wallets;
    * groups of money identifiers tied by identity links (a victim's IIN, card and masked card) that are
      active in no other subject's record and the subject of records in one case at most; a lone card or
      wallet only when it receives money from nobody but hubs (a victim's wallet, funded at an exchange,
      that paid the ring once), since a mule wallet with its own export receives from its victims.

    An entity that is the subject of records in two or more cases is never a victim's: victims have one
    case of their own.
    """
    def strong(n: Any) -> bool:
        d = G.nodes[n]
        return len(d.get("subject_of") or ()) >= 2

    private = {n for n, c in cases.items() if G.nodes[n].get("kind") == "phone" and _private(G, und, n, hub_set)}
    out: set[Any] = set()
    # identity components of the private phones
    stack = [n for n in private if not strong(n)]
    while stack:
        n = stack.pop()
        if n in out:
            continue
        out.add(n)
        for v in und.adj[n]:
            if (v in cases and v not in out and not strong(v) and (v in private or _active(G.nodes[v]) < witnesses)
                    and _edge_kinds(G, n, v) & IDENTITY_LINKS):
                stack.append(v)
    # money identifiers that no record is about, with no owner or handset known, active in the records of
    # fewer than ``witnesses`` other subjects: exchange deposit addresses and hot wallets no list knows
    for n, c in cases.items():
        d = G.nodes[n]
        if (len(c) >= 2 and d.get("kind") in MONEY_KINDS and not d.get("subject_of")
                and _active(d) < witnesses
                and not any(_edge_kinds(G, n, v) & IDENTITY_LINKS for v in und.adj[n] if v != n)):
            out.add(n)
    # passive money components: cards, accounts, wallets (with their owner's IIN) that are active in no
    # other subject's record, are the subject of one case at most and receive money from hubs only
    seen: set[Any] = set(out)
    for n, c in cases.items():
        if len(c) < 2 or n in seen:
            continue
        comp, stack = set(), [n]
        while stack:
            x = stack.pop()
            if x in comp:
                continue
            comp.add(x)
            stack += [v for v in und.adj[x] if v in cases and v not in comp and v not in out
                      and _edge_kinds(G, x, v) & IDENTITY_LINKS]
        seen |= comp
        if not any(G.nodes[x].get("kind") in MONEY_KINDS for x in comp):
            continue
        subjects = set().union(*(G.nodes[x].get("subject_of") or () for x in comp))
        if len(subjects) >= 2 or any(_active(G.nodes[x]) > 0 for x in comp):
            continue
        if len(comp) == 1 and G.is_directed() and any(u not in hub_set for u, _, k in G.in_edges(n, data="kind")
                                                      if k in MONEY):
            continue
        out |= {x for x in comp if len(cases[x]) >= 2}
    return out


def _place_lone(groups: list[set[Any]], lone: list[set[Any]], cases: dict[Any, tuple[str, ...]]
                ) -> list[set[Any]]:
    """Lone entities join the one group whose cases contain all of theirs, stand alone when they meet no
    group at all, and are dropped when they straddle groups (a public number nobody listed)."""
    covers = [set().union(*(cases[n] for n in g)) for g in groups]
    alone = []
    for g in lone:
        (n,) = g
        mine = set(cases[n])
        holders = [i for i, c in enumerate(covers) if mine <= c]
        if len(holders) == 1:
            groups[holders[0]] |= g
        elif not any(mine & c for c in covers):
            alone.append(g)
    return groups + alone


def _merge_overlapping(groups: list[set[Any]], cases: dict[Any, tuple[str, ...]], overlap: int
                       ) -> list[set[Any]]:
    """Union of the groups that share at least ``overlap`` cases (union-find over an index of case sets)."""
    from itertools import combinations

    covers = [sorted(set().union(*(cases[n] for n in g))) for g in groups]
    parent = list(range(len(groups)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple[str, ...], int] = {}
    for i, cover in enumerate(covers):
        if len(cover) < overlap:
            continue
        for combo in combinations(cover, overlap):
            j = seen.setdefault(combo, i)
            if j != i:
                parent[root(i)] = root(j)
    merged: dict[int, set[Any]] = {}
    for i, g in enumerate(groups):
        merged.setdefault(root(i), set()).update(g)
    return list(merged.values())


def _make_ring(G: nx.Graph, und: nx.Graph, group: set[Any], covered: list[str]) -> Ring:
    entities = []
    first = last = None
    for n in group:
        d = G.nodes[n]
        entities.append({"node": n, "kind": d.get("kind", ""), "key": d.get("key", ""),
                         "display": d.get("display", ""), "cases": list(d.get("cases") or ()),
                         "role": "bridge" if len(d.get("cases") or ()) >= 2 else "connector"})
        f, la = d.get("first_seen"), d.get("last_seen")
        if f is not None and (first is None or f < first):
            first = f
        if la is not None and (last is None or la > last):
            last = la
    entities.sort(key=lambda e: (e["role"] != "bridge", -len(e["cases"]), e["kind"], e["key"]))
    outside: set[Any] = set()
    money: dict[str, float] = {}
    for n in group:
        for v in und.adj[n]:
            if v in group:
                continue
            if _edge_kinds(G, n, v) & CONTACT:
                outside.add(v)
        if G.is_directed():
            for u, _, d in G.in_edges(n, data=True):
                if u not in group and d.get("kind") in MONEY:
                    cur = d.get("currency") or ""
                    money[cur] = money.get(cur, 0.0) + float(d.get("amount") or 0.0)
    victims = sum(1 for v in outside if G.nodes[v].get("subject_of"))
    return Ring(id="", score=0.0, cases=covered, entities=entities, counterparts=len(outside), victims=victims,
                money={k: round(v, 2) for k, v in sorted(money.items())}, first_seen=first, last_seen=last)


def _score(r: Ring, latest: Any) -> None:
    """score = 2 x cases + log2(1 + victims) + log10(1 + money in the main currency) + recency (0..1).

    Victims are the counterparts whose own records are in the workspace; a SIM box's thousand one-off
    callees would otherwise outweigh everything else.
    """
    parts = {"cases": 2.0 * len(r.cases), "victims": math.log2(1 + r.victims),
             "money": math.log10(1 + max(r.money.values(), default=0.0))}
    recency = 0.0
    if latest is not None and r.last_seen is not None:
        days = (latest - r.last_seen).total_seconds() / 86400
        recency = max(0.0, 1.0 - days / 365)
    parts["recency"] = recency
    r.score_parts = {k: round(v, 3) for k, v in parts.items()}
    r.score = round(sum(parts.values()), 3)


def _requests(r: Ring) -> list[tuple[dict[str, Any], list[str]]]:
    """The members whose evidence is shown: those seen in two or more cases, with those cases."""
    return [(e, list(e["cases"])) for e in r.entities if len(e["cases"]) >= 2]


def _items(e: dict[str, Any], items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for item in items:
        row = {"entity": {"kind": e["kind"], "key": e["key"]}}
        row.update({k: item[k] for k in ("case", "file", "sha256", "rows") if k in item})
        row.update({k: v for k, v in item.items() if k not in row})
        out.append(row)
    return out


def _attach_evidence(found: list[Ring], lookup: Callable[[Any, Iterable[str]], list[dict[str, Any]]],
                     progress: Callable[[float, str], None] | None,
                     should_cancel: Callable[[], bool] | None) -> None:
    """Set ``r.evidence`` of every ring: in one batch when the callback has ``many(requests)`` (see
    :class:`linkview.graph.evidence.EvidenceLookup`), else one call per cross-case member."""
    many = getattr(lookup, "many", None)
    if callable(many):
        check(should_cancel, "ring search")
        report(progress, 0.8, "evidence of every ring")
        asked = [(r, e, cases) for r in found for e, cases in _requests(r)]
        answers = many([(e["node"], cases) for _, e, cases in asked]) if asked else []
        check(should_cancel, "ring search")
        for r in found:
            r.evidence = []
        for (r, e, _), items in zip(asked, answers, strict=True):
            r.evidence.extend(_items(e, items))
        return
    for i, r in enumerate(found):
        check(should_cancel, "ring search")
        report(progress, 0.8 + 0.2 * i / max(1, len(found)), f"evidence of ring {r.id}")
        r.evidence = [row for e, cases in _requests(r) for row in _items(e, lookup(e["node"], cases))]
