"""``linkview normalize`` and ``linkview detect``: the identifiers layer on the command line.

    linkview normalize phone 87011234567 "+7 701 123 45 67"
    linkview normalize phone --file calls.csv --column "Абонент Б" --limit 20
    linkview detect 4400-43XX-XXXX-1234 TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from linkview.errors import InputError

__all__ = ["register", "read_column"]

_KINDS_HELP = (
    "phone, service, subscriber, imei, imsi, card, masked_card, iban, account, iin, bin, wallet_tron, "
    "wallet_evm, wallet_btc, email, ip, device, ad_account, listing, person; aliases: wallet, taxid; "
    "auto (detect per value)"
)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "normalize",
        help="normalise identifiers (phones, IMEIs, cards, wallets...) given as values or a file column",
        description="Normalise identifiers and show the key that makes every spelling one node, whether "
                    "the value is valid, and why not. Values come from the command line or from one "
                    "column of a CSV/XLSX file, read as text.",
        epilog=f"KIND is one of: {_KINDS_HELP}.",
    )
    p.add_argument("kind", metavar="KIND", help="identifier kind (see below)")
    p.add_argument("values", metavar="VALUE", nargs="*", help="values to normalise")
    p.add_argument("--file", type=Path, help="CSV, TXT, XLSX or XLS file to read a column from")
    p.add_argument("--column", help="column name, or #N for the N-th column (1-based)")
    p.add_argument("--sheet", help="sheet name or 1-based number for Excel files (default: the first)")
    p.add_argument("--header-row", type=int, default=1,
                   help="1-based row holding the column names (default 1; 0 = no header row, use #N)")
    p.add_argument("--limit", type=int, help="read at most N data rows")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.set_defaults(func=_normalize_cmd)

    d = subparsers.add_parser(
        "detect",
        help="tell what kind of identifier each value is",
        description="Detect the kind of each value (phone, card, IBAN, wallet, IMEI, IIN...) and normalise it.",
    )
    d.add_argument("values", metavar="VALUE", nargs="+", help="values to detect")
    d.add_argument("--json", action="store_true", help="print JSON instead of a table")
    d.set_defaults(func=_detect_cmd)


# reading a column -------------------------------------------------------------------------------
def _decode(data: bytes, path: Path) -> tuple[str, str]:
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError("cannot decode the file as UTF-8 or cp1251", file=str(path))  # pragma: no cover


def _delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=";,\t|").delimiter
    except csv.Error:
        return ";" if sample.count(";") > sample.count(",") else ","


def _pick(frame, column: str, path: Path) -> object:
    if column.startswith("#") and column[1:].isdigit():
        pos = int(column[1:])
        if not 1 <= pos <= frame.shape[1]:
            raise InputError(f"there is no column {column}: the file has {frame.shape[1]} columns", file=str(path))
        return frame.iloc[:, pos - 1]
    names = {str(c).strip(): c for c in frame.columns}
    if column.strip() in names:
        return frame[names[column.strip()]]
    folded = {k.casefold(): v for k, v in names.items()}
    if column.strip().casefold() in folded:
        return frame[folded[column.strip().casefold()]]
    shown = ", ".join(repr(k) for k in names) or "none"
    raise InputError(f"no column {column!r}; columns are: {shown}", file=str(path))


def read_column(path: Path, column: str, *, sheet: str | None = None, header_row: int = 1,
                limit: int | None = None):
    """One column of a CSV/TXT/XLSX/XLS file as a Series of text (empty cells as NA).

    CSV text is decoded as UTF-8 (with or without BOM), else cp1251; the delimiter is sniffed.
    """
    import pandas as pd

    path = Path(path)
    if not path.is_file():
        raise InputError("file not found", file=str(path))
    header = None if header_row == 0 else header_row - 1
    if header is not None and header < 0:
        raise InputError("--header-row is 1-based (0: no header row)", file=str(path))
    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm", ".xls"):
            sheet_name: str | int = 0
            if sheet:
                sheet_name = int(sheet) - 1 if sheet.isdigit() else sheet
            frame = pd.read_excel(path, sheet_name=sheet_name, dtype=str, header=header, nrows=limit)
        else:
            text, _ = _decode(path.read_bytes(), path)
            frame = pd.read_csv(io.StringIO(text), sep=_delimiter(text), dtype=str, header=header,
                                keep_default_na=False, na_values=[""], nrows=limit, engine="python")
    except InputError:
        raise
    except (ValueError, OSError, KeyError, IndexError, pd.errors.ParserError) as exc:
        raise InputError(f"cannot read the file: {exc}", file=str(path)) from exc
    if header is None:
        frame.columns = [f"#{i + 1}" for i in range(frame.shape[1])]
    return _pick(frame, column, path)


# output -----------------------------------------------------------------------------------------
def _cell(value: object, width: int = 48) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(rows: list[dict[str, object]], columns: tuple[str, ...], out) -> None:
    cells = [[_cell(r[c]) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip(), file=out)


def _raw_text(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return "" if type(value).__name__ == "NAType" else str(value)


def _normalize_cmd(args: argparse.Namespace) -> int:
    from linkview.identifiers import normalize, normalize_series
    from linkview.identifiers.api import resolve_kind

    resolve_kind(args.kind)  # UnknownKindError before reading anything
    out = sys.stdout
    if args.file is not None:
        if args.values:
            raise InputError("give values or --file, not both")
        if not args.column:
            raise InputError("--file needs --column (a column name or #N)", file=str(args.file))
        if args.limit is not None and args.limit < 1:
            raise InputError("--limit must be at least 1")
        series = read_column(args.file, args.column, sheet=args.sheet, header_row=args.header_row,
                             limit=args.limit)
        frame = normalize_series(args.kind, series)
        rows = [{"raw": _raw_text(raw), "kind": r.kind, "key": r.key, "display": r.display,
                 "valid": bool(r.valid), "note": r.note}
                for raw, r in zip(series.tolist(), frame.itertuples(index=False), strict=True)]
        if args.json:
            json.dump(rows, out, ensure_ascii=False, indent=1)
            print(file=out)
            return 0
        _table(rows, ("raw", "kind", "key", "valid", "note"), out)
        filled = [r for r in rows if r["raw"].strip()]
        print(f"\n{len(rows)} rows, {len(filled)} filled, "
              f"{len({(r['kind'], r['key']) for r in filled})} distinct identifiers, "
              f"{sum(1 for r in filled if not r['valid'])} flagged invalid", file=out)
        return 0
    if not args.values:
        raise InputError("give one or more values, or --file F --column C")
    idents = [(value, normalize(args.kind, value)) for value in args.values]
    _print_idents(idents, args.json, out)
    return 0


def _print_idents(idents, as_json: bool, out) -> None:
    if as_json:
        json.dump([{"raw": raw, **ident.to_dict()} for raw, ident in idents], out, ensure_ascii=False, indent=1)
        print(file=out)
        return
    rows = [{"raw": raw, "kind": ident.kind or "?", "key": ident.key, "valid": ident.valid, "note": ident.note}
            for raw, ident in idents]
    _table(rows, ("raw", "kind", "key", "valid", "note"), out)


def _detect_cmd(args: argparse.Namespace) -> int:
    from linkview.identifiers import normalize

    _print_idents([(value, normalize("auto", value)) for value in args.values], args.json, sys.stdout)
    return 0
