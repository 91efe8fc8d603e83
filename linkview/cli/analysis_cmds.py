"""Analysis commands: rings, hubs, path, trace, simbox, communities.

    linkview rings cases.linkview --json
    linkview path cases.linkview 87011234567 "4400 43** **** 1234" --all --max-len 4
    linkview trace cases.linkview 4400430000001234 --forward --hops 4
    linkview simbox cases.linkview --top 10
    linkview hubs cases.linkview

Entities are written as the user has them (a phone in any spelling, a card, a wallet, or ``kind:value``)
and resolved through :func:`linkview.identifiers.parse_entity` and the workspace. ``--json`` prints
machine-readable output; the ``rings`` JSON is a contract other tools read (see :func:`rings_json`).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from linkview.errors import EntityNotFound, LinkViewError, WorkspaceError

__all__ = ["register", "resolve_entity", "rings_json"]


def register(subparsers) -> None:
    def scoped(name: str, help_: str, description: str):
        p = subparsers.add_parser(name, help=help_, description=description)
        p.add_argument("workspace", help="workspace file (.linkview)")
        p.add_argument("--case", action="append", metavar="NUMBER", dest="cases",
                       help="limit the analysis to this case (repeat for several; default: all cases)")
        p.add_argument("--json", action="store_true", help="print JSON instead of a table")
        return p

    p = scoped("rings", "find the fraud rings that link cases, with the evidence",
               "Find groups of phones, handsets, cards, wallets and accounts that link two or more cases once "
               "public numbers and exchange wallets are set aside, and show for each linking entity the file "
               "(with SHA-256) and rows that put it in each case.")
    p.add_argument("--min-cases", type=int, default=2, help="a ring links at least this many cases (default 2)")
    p.add_argument("--no-evidence", action="store_true", help="skip the source rows (faster)")
    p.set_defaults(func=cmd_rings)

    p = scoped("hubs", "list public entities (hotlines, short numbers, exchange wallets) and why",
               "List the entities treated as public hubs: the shipped list, service numbers, statistical "
               "outliers and the investigator's marks, each with its reasons.")
    p.set_defaults(func=cmd_hubs)

    p = scoped("path", "show how two entities are connected, avoiding public hubs",
               "Show the shortest chain of links between two entities (or all chains up to --max-len with "
               "--all), never passing through a public hub.")
    p.add_argument("a", metavar="A", help="first entity (phone, card, wallet... or kind:value)")
    p.add_argument("b", metavar="B", help="second entity")
    p.add_argument("--max-len", type=int, default=None, help="at most this many steps (default: any; 4 with --all)")
    p.add_argument("--all", action="store_true", help="every simple path up to --max-len steps")
    p.add_argument("--limit", type=int, default=20, help="with --all: at most this many paths (default 20)")
    p.set_defaults(func=cmd_path)

    p = scoped("trace", "follow money from (or back to) an entity in time order",
               "Follow transfers from an entity (--forward, the default) or back to where the money came from "
               "(--backward), counting a transfer only when it happened after the money arrived.")
    direction = p.add_mutually_exclusive_group()
    direction.add_argument("--forward", dest="direction", action="store_const", const="forward")
    direction.add_argument("--backward", dest="direction", action="store_const", const="backward")
    p.add_argument("entity", metavar="ENTITY", help="card, account, wallet or phone (or kind:value)")
    p.add_argument("--hops", type=int, default=3, help="transfer steps to follow (default 3)")
    p.add_argument("--since", help="forward: only money leaving the entity from this time")
    p.add_argument("--until", help="backward: only money reaching the entity until this time")
    p.set_defaults(func=cmd_trace, direction="forward")

    p = scoped("simbox", "score phones and handsets as SIM boxes, with the features that fired",
               "Score phones and handsets from the call records: outgoing/incoming ratio, distinct callees, "
               "short calls, calls per hour, night calls, call-backs, cells, SMS, SIMs per handset.")
    p.add_argument("--top", type=int, default=20, help="show the best N (default 20)")
    p.add_argument("--min-calls", type=int, default=20, help="score only phones with this many outgoing calls")
    p.set_defaults(func=cmd_simbox)

    p = scoped("communities", "group entities into communities (Leiden)",
               "Group the entities into densely linked communities (Leiden or Louvain, public hubs left out).")
    p.add_argument("--method", choices=["leiden", "louvain", "components"], default="leiden")
    p.add_argument("--top", type=int, default=20, help="show the largest N (default 20)")
    p.set_defaults(func=cmd_communities)


# --------------------------------------------------------------------------- helpers
def _open(path: str):
    from linkview.workspace import Workspace

    if not Path(path).exists():
        raise WorkspaceError(f"no workspace {path}: create it with 'linkview new {path}'")
    return Workspace.open(path)


def _graph(ws, args):
    from linkview.graph import build_graph

    case_ids = ws.case_ids(args.cases) if args.cases else None
    return build_graph(ws, case_ids=case_ids)


def resolve_entity(ws, text: str) -> int:
    """The workspace entity id of what the user wrote (any spelling, or ``kind:value``).

    Raises :class:`EntityNotFound` naming the key looked for and close matches when there are any.
    """
    from linkview.identifiers import parse_entity

    try:
        ident = parse_entity(text)
    except LinkViewError:
        ident = None
    if ident is not None:
        found = ws.entity_id(ident.kind, ident.key)
        if found is not None:
            return int(found)
    hits = ws.search(text, limit=5)
    if len(hits) == 1:
        return int(hits["id"].iloc[0])
    what = f"{ident.kind} {ident.key}" if ident is not None else repr(text)
    hint = ""
    if len(hits):
        hint = "; did you mean: " + ", ".join(f"{k}:{v}" for k, v in zip(hits["kind"], hits["key"], strict=True))
    raise EntityNotFound(f"{what} is not in this workspace{hint}")


def _name(G, n) -> str:
    d = G.nodes[n] if n in G else {}
    return f"{d.get('kind', '?')} {d.get('display') or d.get('key', n)}"


def _ident(G, n) -> dict[str, Any]:
    d = G.nodes[n]
    return {"id": int(n), "kind": d.get("kind", ""), "key": d.get("key", ""), "display": d.get("display", "")}


def _dump(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")


def _table(headers: list[str], rows: list[list[Any]]) -> None:
    text = [[str(c) for c in r] for r in rows]
    widths = [max([len(h)] + [len(r[i]) for r in text]) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for r in text:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())


# --------------------------------------------------------------------------- commands
def rings_json(found) -> dict[str, Any]:
    """The JSON contract of ``linkview rings --json``.

    ``{"rings": [{"id", "score", "cases": [case numbers], "entities": [{"kind", "key", "display", "cases",
    ...}], "evidence": [{"entity": {"kind", "key"}, "case", "file", "sha256", "rows": [...]}, ...], ...}]}``
    where ``key`` is the normalised identifier. Extra fields may be added; none of these will change.
    Each evidence item also carries ``source_id``, ``what`` (event/link types of the rows) and
    ``rows_total``: ``rows`` lists at most the first 1,000 row numbers of that (entity, case, file).
    """
    return {"rings": [r.to_dict() for r in found]}


def cmd_rings(args) -> int:
    from linkview.analysis import rings
    from linkview.graph import evidence_lookup

    with _open(args.workspace) as ws:
        G = _graph(ws, args)
        found = rings(G, min_cases=args.min_cases, evidence=None if args.no_evidence else evidence_lookup(ws))
    if args.json:
        _dump(rings_json(found))
        return 0
    if not found:
        print(f"no ring links {args.min_cases} or more cases")
        return 0
    for r in found:
        money = ", ".join(f"{v:,.2f} {c or '?'}" for c, v in r.money.items()) or "-"
        print(f"{r.id}  score {r.score:g}  {len(r.cases)} cases: {', '.join(r.cases)}")
        print(f"    {len(r.entities)} entities, {r.victims} victim identifiers ({r.counterparts} counterparts), money in: {money}, "
              f"last seen {r.last_seen or '-'}")
        for e in r.entities:
            if len(e["cases"]) > 1:
                print(f"    {e['kind']:<12} {e['display'] or e['key']:<40} cases {', '.join(e['cases'])}")
        others = [e for e in r.entities if len(e["cases"]) <= 1]
        if others:
            print(f"    + {len(others)} linked entities seen in one case")
        for ev in r.evidence:
            rows = ev["rows"]
            total = int(ev.get("rows_total", len(rows)))
            shown = ", ".join(str(x) for x in rows[:8]) + (f" ... ({total} rows)" if total > 8 else "")
            print(f"      {ev['entity']['key']} in {ev['case']}: {ev['file']} "
                  f"(sha256 {ev['sha256'][:12]}...) rows {shown}")
        print()
    return 0


def cmd_hubs(args) -> int:
    from linkview.analysis import hubs

    with _open(args.workspace) as ws:
        G = _graph(ws, args)
    found = hubs(G)
    if args.json:
        _dump({"hubs": [h.to_dict() for h in found]})
        return 0
    _table(["kind", "entity", "cases", "neighbours", "why"],
           [[h.kind, h.display or h.key, h.n_cases, h.neighbours, "; ".join(h.reasons)] for h in found])
    return 0


def cmd_path(args) -> int:
    from linkview.analysis import all_paths, hubs, shortest_path

    with _open(args.workspace) as ws:
        a, b = resolve_entity(ws, args.a), resolve_entity(ws, args.b)
        G = _graph(ws, args)
    for n, text in ((a, args.a), (b, args.b)):
        if n not in G:
            raise EntityNotFound(f"{text} has no links in the cases analysed")
    hub_list = hubs(G)
    if args.all:
        paths = all_paths(G, a, b, max_len=args.max_len or 4, hubs=hub_list, limit=args.limit)
    else:
        paths = [shortest_path(G, a, b, hubs=hub_list, max_len=args.max_len)]
    if args.json:
        _dump({"paths": [{"nodes": [_ident(G, n) for n in p.nodes], "steps": p.steps} for p in paths]})
        return 0
    for i, p in enumerate(paths, 1):
        print(f"path {i}: {len(p)} steps")
        for k, n in enumerate(p.nodes):
            print(f"  {_name(G, n)}")
            if k < len(p.steps):
                kinds = ", ".join(f"{e['kind']} x{e['count']}" + ("" if e["source"] == n else " (reverse)")
                                  for e in p.steps[k])
                print(f"    | {kinds}")
    return 0


def cmd_trace(args) -> int:
    from linkview.analysis import trace
    from linkview.graph import scope_events

    with _open(args.workspace) as ws:
        source = resolve_entity(ws, args.entity)
        G = _graph(ws, args)
        if source not in G:
            raise EntityNotFound(f"{args.entity} has no links in the cases analysed")
        transfers = scope_events(ws, G, etypes=("transfer", "payment"))
    flow = trace(G, source, direction=args.direction, hops=args.hops, transfers=transfers,
                 since=args.since, until=args.until)
    if args.json:
        out = flow.to_dict()
        out["source"] = _ident(G, source)
        for item in out["nodes"]:
            item.update(_ident(G, item["node"]))
        for e in out["edges"]:
            e["source"], e["target"] = _ident(G, e["source"]), _ident(G, e["target"])
        _dump(out)
        return 0
    totals = ", ".join(f"{v:,.2f} {c or '?'}" for c, v in flow.totals.items()) or "nothing"
    print(f"{args.direction} from {_name(G, source)}: {len(flow.nodes) - 1} entities within {args.hops} steps; "
          f"{'left' if args.direction == 'forward' else 'arrived'}: {totals}")
    _table(["when", "from", "to", "amount", "transfers"],
           [[e["first"], _name(G, e["source"]), _name(G, e["target"]), f"{e['amount']:,.2f} {e['currency']}",
             e["count"]] for e in flow.edges])
    return 0


def cmd_simbox(args) -> int:
    from linkview.analysis import simbox
    from linkview.graph import scope_events

    with _open(args.workspace) as ws:
        G = _graph(ws, args)
        events = scope_events(ws, G, etypes=("call", "sms"))
        links = ws.links(case_ids=G.graph["scope"]["case_ids"])
    found = simbox(events, links=links, min_calls=args.min_calls, top=args.top)
    if args.json:
        out = []
        for s in found:
            d = s.to_dict()
            d["entity"] = _ident(G, s.entity) if s.entity in G else {"id": s.entity}
            out.append(d)
        _dump({"simbox": out})
        return 0
    _table(["score", "level", "entity", "calls", "fired"],
           [[f"{s.score:.2f}", s.level, _name(G, s.entity), s.calls,
             ", ".join(f"{f}={s.features[f]['value']:g}" for f in s.fired)] for s in found])
    return 0


def cmd_communities(args) -> int:
    from linkview.analysis import communities, hubs

    with _open(args.workspace) as ws:
        G = _graph(ws, args)
    parts = communities(G, method=args.method, hubs=hubs(G))
    parts = [p for p in parts if len(p) > 1][: args.top]
    if args.json:
        _dump({"communities": [{"size": len(p), "cases": sorted({c for n in p for c in G.nodes[n]["cases"]}),
                                "entities": [_ident(G, n) for n in sorted(p)]} for p in parts]})
        return 0
    rows = []
    for i, p in enumerate(parts, 1):
        cases = sorted({c for n in p for c in G.nodes[n]["cases"]})
        top = sorted(p, key=lambda n: -G.degree(n))[:3]
        rows.append([i, len(p), len(cases), "; ".join(_name(G, n) for n in top)])
    _table(["#", "entities", "cases", "most linked"], rows)
    return 0
