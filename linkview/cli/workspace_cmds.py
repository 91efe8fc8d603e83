"""Workspace commands: new, import, cases, sources, rejected."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from linkview.errors import InputError, LinkViewError, WorkspaceError

__all__ = ["register"]

SHOW_REASONS = 5


def register(subparsers) -> None:
    p = subparsers.add_parser("new", help="create an empty workspace file",
                              description="Create an empty workspace file (.linkview).")
    p.add_argument("workspace", help="path of the new workspace file")
    p.set_defaults(func=cmd_new)

    p = subparsers.add_parser(
        "import", help="import call records, transfers or ad-site responses into a case",
        description="Import files into a case (created when new). Prints, per file, the rows imported and the "
                    "rejected errors and warnings with the first reasons. Exit status 1 when nothing could be "
                    "imported from some file.")
    p.add_argument("workspace", help="workspace file")
    p.add_argument("files", nargs="+", metavar="FILE", help="CSV, TSV, .xlsx, .xls or Excel 2003 XML files")
    p.add_argument("--case", required=True, metavar="NUMBER", help="case number (ЕРДР)")
    p.add_argument("--title", default="", help="case title, when the case is new")
    p.add_argument("--kind", choices=["calls", "transfers", "ads"], help="what the files hold (default: detect)")
    p.add_argument("--spec", metavar="FILE", help="import spec (JSON) to read the files with")
    p.add_argument("--save-spec", metavar="FILE", help="save the spec used for the (last) file, to reuse it")
    p.add_argument("--party-kind", metavar="KIND",
                   help="identifier kind of party columns (phone, subscriber, card, wallet...)")
    p.add_argument("--epoch", metavar="DATE",
                   help="start date when the time column counts seconds from a start (anonymised studies)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.set_defaults(func=cmd_import)

    p = subparsers.add_parser("cases", help="list the cases of a workspace with their counts",
                              description="List the cases of a workspace with their counts.")
    p.add_argument("workspace")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=cmd_cases)

    p = subparsers.add_parser("sources", help="list the imported files with their SHA-256",
                              description="List the imported files (of one case or all) with their SHA-256. "
                                          "A CSV/TSV file is kept in the workspace as received: --verify "
                                          "hashes each kept file again against the SHA-256 recorded at import "
                                          "(exit 1 when one differs), --extract writes one back out.")
    p.add_argument("workspace")
    p.add_argument("--case", metavar="NUMBER")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--verify", action="store_true", help="check the kept files against their recorded SHA-256")
    p.add_argument("--extract", nargs=2, metavar=("ID", "OUT"), help="write the kept file of source ID to OUT")
    p.set_defaults(func=cmd_sources)

    p = subparsers.add_parser(
        "rejected", help="show or export the rejected rows for review",
        description="Show the rejected and flagged rows (of one case or all), or export them with --csv to a "
                    "spreadsheet-safe CSV (UTF-8 with BOM, formulas neutralised).")
    p.add_argument("workspace")
    p.add_argument("--case", metavar="NUMBER")
    p.add_argument("--csv", metavar="OUT", help="write a CSV file instead of printing")
    p.add_argument("--limit", type=int, default=50, help="rows to print (default 50)")
    p.set_defaults(func=cmd_rejected)


def _open(path: str):
    from linkview.workspace import Workspace

    if not Path(path).exists():
        raise WorkspaceError(f"no workspace {path}: create it with 'linkview new {path}'")
    return Workspace.open(path)


def _table(headers: list[str], rows: list[list[object]]) -> str:
    cells = [[str(h) for h in headers]] + [["" if v is None else str(v) for v in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = []
    for k, r in enumerate(cells):
        lines.append("  ".join(v.ljust(w) if i < len(r) - 1 else v for i, (v, w) in enumerate(zip(r, widths, strict=True))))
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def cmd_new(args) -> int:
    from linkview.workspace import Workspace

    if Path(args.workspace).exists():
        raise WorkspaceError(f"{args.workspace} already exists")
    ws = Workspace.create(args.workspace)
    ws.close()
    print(f"created workspace {args.workspace}")
    return 0


def _spec_from_args(args):
    from linkview.ingest import ImportSpec

    spec = ImportSpec.load(args.spec) if args.spec else ImportSpec()
    if args.kind:
        spec.kind = args.kind
    if args.party_kind:
        spec.party_kind = args.party_kind
    if getattr(args, "epoch", None):
        spec.options = {**spec.options, "epoch": args.epoch, "time_unit": spec.options.get("time_unit", "s")}
    return spec


def cmd_import(args) -> int:
    from linkview.errors import DuplicateSourceError
    from linkview.ingest import ImportSpec, read_file

    spec = _spec_from_args(args)
    failures = 0
    results = []
    with _open(args.workspace) as ws:
        for f in args.files:
            name = Path(f).name
            try:
                batch = read_file(f, case_number=args.case, spec=spec, case_title=args.title)
                result = ws.import_batch(batch)
            except DuplicateSourceError as exc:
                failures += 1
                print(f"{name}: not imported: {exc}", file=sys.stderr)
                results.append({"file": f, "error": str(exc)})
                continue
            except InputError as exc:
                failures += 1
                print(f"{name}: not imported: {exc.reason}" + (f" (row {exc.row})" if exc.row else ""), file=sys.stderr)
                results.append({"file": f, "error": str(exc)})
                continue
            except LinkViewError as exc:
                failures += 1
                print(f"{name}: not imported: {exc}", file=sys.stderr)
                results.append({"file": f, "error": str(exc)})
                continue
            if args.save_spec:
                ImportSpec.from_dict(batch.source.spec).save(args.save_spec)
            rej = batch.rejected
            errors = rej[rej["severity"] == "error"]
            warns = rej[rej["severity"] == "warning"]
            imported = result.events
            if imported == 0 and result.links == 0:
                failures += 1
            if args.json:
                d = result.to_dict()
                d["first_reasons"] = [
                    {"row": int(r.row), "column": r.column, "severity": r.severity, "reason": r.reason}
                    for r in rej.head(SHOW_REASONS).itertuples()]
                d["notes"] = list(getattr(batch, "notes", []))
                results.append(d)
                continue
            print(f"{name}: {batch.source.kind}, {batch.source.rows_total:,} data rows -> {imported:,} events, "
                  f"{result.links:,} links imported; rejected: {len(errors):,} errors, {len(warns):,} warnings; "
                  f"{result.new_entities:,} new entities  [sha256 {batch.source.sha256[:12]}…]")
            for note in getattr(batch, "notes", []):
                print(f"  note: {note}")
            for w in getattr(batch, "warnings", []):
                print(f"  warning: {w}")
            shown = errors.head(SHOW_REASONS)
            if len(shown) < SHOW_REASONS and len(warns):
                import pandas as pd

                shown = pd.concat([shown, warns.head(SHOW_REASONS - len(shown))])
            for r in shown.itertuples():
                print(f"  {r.severity}: row {r.row}, column {r.column!r}: {r.reason}")
            if len(rej) > len(shown):
                print(f"  ... {len(rej) - len(shown):,} more: linkview rejected {args.workspace} --case {args.case}")
            if args.save_spec:
                print(f"  spec saved to {args.save_spec}")
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2, default=str))
    return 1 if failures else 0


def cmd_cases(args) -> int:
    with _open(args.workspace) as ws:
        cases = ws.cases()
    if args.json:
        print(json.dumps([c.to_dict() for c in cases], ensure_ascii=False, indent=2))
        return 0
    if not cases:
        print("no cases")
        return 0
    print(_table(["case", "title", "sources", "events", "links", "entities", "rejected", "created"],
                 [[c.number, c.title, c.sources, c.events, c.links, c.entities, c.rejected, c.created_at]
                  for c in cases]))
    return 0


def cmd_sources(args) -> int:
    import hashlib

    with _open(args.workspace) as ws:
        if args.extract:
            return _extract_source(ws, *args.extract)
        case_id = ws.case(args.case).id if args.case else None
        sources = ws.sources(case_id)
        checks: dict[int, str] = {}
        if args.verify:
            for s in sources:
                data = ws.original_file(s.id)
                checks[s.id] = ("cells only" if data is None else "verified"
                                if hashlib.sha256(data).hexdigest() == s.sha256 else "ALTERED")
    if args.json:
        rows = [s.to_dict() | ({"original": checks[s.id]} if args.verify else {}) for s in sources]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not sources:
        print("no sources")
    else:
        head = ["id", "case", "file", "kind", "rows", "imported", "rejected", "bytes", "imported at", "sha256"]
        print(_table(head + (["original"] if args.verify else []),
                     [[s.id, s.case_number, s.name, s.kind, s.rows_total, s.rows_imported, s.rows_rejected, s.size,
                       s.imported_at, s.sha256] + ([checks[s.id]] if args.verify else []) for s in sources]))
    if args.verify and "ALTERED" in checks.values():
        print("linkview: a kept file no longer matches the SHA-256 recorded when it was imported", file=sys.stderr)
        return 1
    return 0


def _extract_source(ws, source_id: str, out: str) -> int:
    import hashlib

    try:
        sid = int(source_id)
    except ValueError:
        raise InputError(f"source id must be a number, not {source_id!r}") from None
    found = next((s for s in ws.sources() if s.id == sid), None)
    if found is None:
        raise WorkspaceError(f"no source #{sid} in this workspace (see linkview sources)")
    data = ws.original_file(sid)
    if data is None:
        raise WorkspaceError(f"source #{sid} ({found.name}) was kept as cells, not as the file itself "
                             "(spreadsheets and quoted multi-line CSV)")
    digest = hashlib.sha256(data).hexdigest()
    Path(out).write_bytes(data)
    verdict = "matches" if digest == found.sha256 else "DOES NOT match"
    print(f"wrote {found.name} ({len(data):,} bytes) to {out}; SHA-256 {digest} {verdict} the one recorded "
          f"at import")
    return 0 if digest == found.sha256 else 1


def cmd_rejected(args) -> int:
    with _open(args.workspace) as ws:
        case_id = ws.case(args.case).id if args.case else None
        rej = ws.rejected(case_id=case_id)
    cols = ["case_number", "file", "row", "column", "severity", "reason", "raw"]
    if args.csv:
        from linkview.export.safe_csv import write_frame

        n = write_frame(args.csv, rej[cols].rename(columns={"case_number": "case"}))
        print(f"wrote {n:,} rejected entries to {args.csv}")
        return 0
    if rej.empty:
        print("no rejected rows")
        return 0
    shown = rej.head(max(args.limit, 0))
    print(_table(["case", "file", "row", "column", "severity", "reason"],
                 [[r.case_number, r.file, r.row, r.column, r.severity, r.reason] for r in shown.itertuples()]))
    if len(rej) > len(shown):
        print(f"... {len(rej) - len(shown):,} more (use --csv OUT to export all)")
    return 0
