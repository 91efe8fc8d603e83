"""read_file / import_file / preview: a file in, one ImportBatch out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linkview.errors import InputError
from linkview.ingest.fields import FIELDS, REQUIRES, detect_kind, map_columns, missing_requirements
from linkview.ingest.spec import ImportSpec

if TYPE_CHECKING:

    from linkview.ingest.readers import RawTable
    from linkview.workspace.batch import ImportBatch, ImportResult

__all__ = ["Preview", "preview", "read_file", "import_file", "RAW_ROLES"]

# optional event columns: each identifier's spelling as written in the file (the workspace keeps them as variants)
RAW_ROLES = ("a_raw", "b_raw", "dev_raw", "imsi_raw")

_PHONE_IN_TITLE = re.compile(r"(?<![\w])(\+?\d[\d\s\-()]{8,18}\d)(?![\w])")
_IBAN = re.compile(r"\bKZ\d{2}\s?(?:[0-9A-Z]\s?){16}\b")
_MASKED = re.compile(r"(?<!\d)(\d{4}[\s-]?\d{2}[*Xx•]{2}[\s-]?[*Xx•]{4}[\s-]?\d{4}|\d{6}[*Xx•]{6}\d{4})(?!\d)")
_CARD = re.compile(r"(?<!\d)(\d{4}[\s-]?\d{4}[\s-]?\d{4}[\s-]?\d{4})(?!\d)")
_WALLET = re.compile(r"\b(T[1-9A-HJ-NP-Za-km-z]{33}|0x[0-9a-fA-F]{40})\b")


@dataclass
class Preview:
    """What LinkView sees in a file before importing it."""

    path: str
    fmt: str
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    header_row: int
    columns: list[str]
    kind: str | None
    mapping: dict[str, str]
    missing: list[str]
    target: str | None
    title: list[str]
    sample: Any                     # DataFrame of the first rows, as text
    warnings: list[str] = field(default_factory=list)
    rows_seen: int = 0

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in self.__dict__.items() if k != "sample"}
        d["sample"] = self.sample.to_dict(orient="records")
        return d


def _title_target(title: list[str], kind: str | None) -> str | None:
    """The number / card / account a title line names (``Детализация абонента +7 701 123 45 67 ...``)."""
    text = " ".join(title)
    if not text:
        return None
    if kind == "transfers":
        for rx in (_IBAN, _MASKED, _CARD, _WALLET):
            m = rx.search(text)
            if m:
                return re.sub(r"\s", "", m.group(0)) if rx is _IBAN else m.group(1 if rx is not _IBAN else 0)
    from linkview.identifiers import normalize

    for m in _PHONE_IN_TITLE.finditer(text):
        cand = m.group(1)
        digits = re.sub(r"\D", "", cand)
        if len(digits) < 10 or re.fullmatch(r"\d{1,2}[.\-/]\d{1,2}[.\-/]\d{2,4}", cand.strip()):
            continue
        ident = normalize("phone", cand)
        if ident.valid and ident.kind == "phone":
            return ident.key
    return None


def _resolve_column(ref: str, columns: list[str], path: str, fieldname: str) -> str:
    if ref in columns:
        return ref
    if re.fullmatch(r"#\d+", ref):
        i = int(ref[1:])
        if 1 <= i <= len(columns):
            return columns[i - 1]
    folded = {c.casefold().strip(): c for c in columns}
    if ref.casefold().strip() in folded:
        return folded[ref.casefold().strip()]
    raise InputError(f"the spec maps field {fieldname!r} to column {ref!r}, which the file does not have "
                     f"(columns: {', '.join(columns)})", file=path)


_EPOCH_S = (631_152_000, 4_102_444_800)          # 1990-01-01 .. 2100-01-01 in Unix seconds


def infer_headerless_calls(table: RawTable) -> dict[str, str]:
    """Columns of a call log without a header row, read from its content.

    Anonymised research logs and many operator dumps write ``caller, callee, time, duration``
    with no header. The time is the column of Unix times (seconds or milliseconds, 1990-2100)
    or of dates; the first two other columns, left to right, are the caller and the callee; the
    next all-numeric (or ``H:MM:SS``) column is the duration. Returns ``{}`` when the content
    does not look like that, so the caller asks for an import spec.
    """
    import pandas as pd

    from linkview.ingest.values import parse_times

    sample = table.frame.head(2000)
    if len(sample) == 0 or not 3 <= len(table.columns) <= 8:
        return {}
    time_col = None
    for col in table.columns:
        cells = sample[col].astype(str).str.strip()
        cells = cells[cells != ""]
        if len(cells) == 0:
            continue
        whole = cells.str.fullmatch(r"\d{9,13}(\.0+)?")
        if whole.mean() >= 0.95:
            num = pd.to_numeric(cells[whole], errors="coerce")
            secs = num.where(num < 1e11, num / 1000)
            if secs.between(*_EPOCH_S).mean() >= 0.95:
                time_col = col
                break
        elif cells.str.contains(r"[.:/-]").mean() >= 0.95:
            times, rule = parse_times(cells.reset_index(drop=True), options={})
            if times.notna().mean() >= 0.95 and not rule.startswith("plain numbers"):
                time_col = col
                break
    if time_col is None:
        return {}
    rest = [c for c in table.columns if c != time_col]
    if len(rest) < 2:
        return {}
    mapping = {"datetime": time_col, "a": rest[0], "b": rest[1]}
    for col in rest[2:]:
        cells = sample[col].astype(str).str.strip()
        cells = cells[cells != ""]
        if len(cells) and cells.str.fullmatch(r"\d+(\.\d+)?|\d+:\d{2}(:\d{2})?").mean() >= 0.95:
            mapping["duration"] = col
            break
    return mapping


def _mapping(table: RawTable, spec: ImportSpec) -> tuple[str, dict[str, str]]:
    kind = spec.kind
    has_header = table.header_row > 0
    if kind is None:
        if not has_header:
            raise InputError("the file has no header row: give the kind (calls, transfers, ads) and the columns "
                             f"by position ('#1'..'#{len(table.columns)}') in an import spec", file=table.path)
        kind = detect_kind(table.columns) or detect_kind(table.columns, partial=True)
        if kind is None:
            raise InputError("cannot tell what this file holds from its headers "
                             f"({', '.join(table.columns)}); give the kind and the columns in an import spec",
                             file=table.path)
    mapping = map_columns(kind, table.columns) if has_header else {}
    if not has_header and not spec.columns and kind == "calls":
        mapping = infer_headerless_calls(table)
    if spec.columns:
        for f, ref in spec.columns.items():
            if f not in FIELDS[kind]:
                raise InputError(f"unknown field {f!r} for {kind}; known: {', '.join(FIELDS[kind])}", file=table.path)
            col = _resolve_column(ref, table.columns, table.path, f)
            mapping = {k: v for k, v in mapping.items() if v != col}
            mapping[f] = col
    missing = missing_requirements(kind, mapping)
    if missing:
        parts = []
        for group in missing:
            alts = REQUIRES[kind][group]
            names = sorted({f for alt in alts for f in alt if f not in mapping})
            tried = []
            for f in names:
                al = FIELDS[kind][f].aliases
                some = list(al.get("ru", ())[:6]) + list(al.get("kk", ())[:2]) + list(al.get("en", ())[:5])
                tried.append(f"{f}: " + ", ".join(repr(a) for a in some) + " ...")
            found = ", ".join(f"{f}={mapping[f]!r}" for f in sorted({f for alt in alts for f in alt} & set(mapping)))
            parts.append(f"{group} (needs one of " + " | ".join("+".join(a) for a in alts)
                         + (f"; found {found}" if found else "") + "; headers tried for " + "; ".join(tried) + ")")
        shown = ", ".join(table.columns) if has_header else f"{len(table.columns)} columns without a header"
        raise InputError(f"missing required field(s) for {kind}: " + " / ".join(parts) + f". File columns: {shown}",
                         file=table.path)
    return kind, mapping


def _duplicates(table: RawTable, rejects) -> None:
    """Rows whose every cell equals an earlier row's: rejected as duplicates of that row.

    Only rows sharing their most varied column's value with another row can be duplicates, so that one
    column is hashed first and only those candidates are hashed whole; a hash collision can never
    drop a row either, every duplicate is confirmed cell by cell.
    """
    import numpy as np
    import pandas as pd

    frame = table.frame
    if len(frame) < 2:
        return
    step = max(len(frame) // 2000, 1)
    widest = max(frame.columns, key=lambda c: len(pd.unique(frame[c].to_numpy(dtype=object)[::step])))
    key = pd.util.hash_array(frame[widest].to_numpy(dtype=object), categorize=False)   # collisions: more candidates
    maybe = np.flatnonzero(pd.Series(key).duplicated(keep=False).to_numpy())
    if not maybe.size:
        return
    codes = np.arange(len(frame), dtype=np.int64) + len(frame)      # rows that cannot repeat: own codes
    codes[maybe] = pd.factorize(pd.util.hash_pandas_object(frame.iloc[maybe], index=False).to_numpy())[0]
    dup = pd.Series(codes).duplicated(keep="first").to_numpy()
    if not dup.any():
        return
    first_of_code = np.full(codes.max() + 1, -1, dtype=np.int64)
    order = np.arange(len(codes))[::-1]
    first_of_code[codes[::-1]] = order            # the last write wins: the first occurrence
    dup_pos = np.flatnonzero(dup)
    first_pos = first_of_code[codes[dup_pos]]
    # confirm cell by cell (a hash collision must never drop a row)
    same = (frame.iloc[dup_pos].to_numpy() == frame.iloc[first_pos].to_numpy()).all(axis=1)
    mask = np.zeros(len(frame), dtype=bool)
    mask[dup_pos[same]] = True
    reasons = np.full(len(frame), "", dtype=object)
    reasons[dup_pos[same]] = np.char.add("duplicate of row ", table.rows[first_pos[same]].astype(str)).astype(object)
    rejects.add(mask, "(whole row)", "error", reasons)


def _excel_numbers(table: RawTable, mapping: dict[str, str], rejects) -> None:
    """Flag mapped cells that a spreadsheet stored as numbers of 16+ digits (cards lose digits there)."""
    import numpy as np

    for col in dict.fromkeys(mapping.values()):
        rows = table.excel_numbers.get(col)
        if rows:
            m = np.isin(table.rows, np.fromiter(rows, dtype="int64"))
            rejects.add(m, col, "warning", "stored by Excel as a number of 16+ digits: digits past the 15th are "
                                           "lost (re-export the column as text)")


def _effective_spec(spec: ImportSpec, table: RawTable, kind: str, mapping: dict[str, str],
                    target: str | None, party_kind: str | None) -> dict:
    d = spec.to_dict()
    d.update(kind=kind, encoding=table.encoding, delimiter=table.delimiter, header_row=table.header_row,
             columns=dict(mapping), target=target, party_kind=party_kind)
    if table.sheet is not None:
        d["sheet"] = table.sheet
    return d


def _expected(spec: ImportSpec) -> frozenset[str]:
    """Column names (not positions) the spec maps: they help find the header row."""
    return frozenset(v.strip() for v in spec.columns.values() if not re.fullmatch(r"#\d+", v))


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def read_file(path: str | Path, *, case_number: str, spec: ImportSpec | None = None, case_title: str = "",
              progress=None, should_cancel=None) -> ImportBatch:
    """Read, map and normalise one file into an ImportBatch. Writes nothing.

    Raises InputError when the file cannot be used at all (empty, unreadable, required columns missing);
    bad rows do not raise: they are in ``batch.rejected`` with row, column and reason.
    """
    import numpy as np
    import pandas as pd

    from linkview.ingest.common import Ctx, Rejects
    from linkview.ingest.readers import read_table
    from linkview.workspace.batch import EVENT_DTYPES, ImportBatch, SourceFile

    spec = spec or ImportSpec()
    p = Path(path)
    if progress:
        progress(0.0, f"reading {p.name}")
    table = read_table(p, encoding=spec.encoding, delimiter=spec.delimiter, sheet=spec.sheet,
                       header_row=spec.header_row, expected=_expected(spec), should_cancel=should_cancel)
    if should_cancel is not None and should_cancel():
        from linkview.errors import Cancelled

        raise Cancelled("import cancelled")
    if len(table.frame) == 0 and not table.bad_rows:
        raise InputError("no data rows below the header", file=str(p))
    kind, mapping = _mapping(table, spec)
    if progress:
        progress(0.3, f"normalising {len(table.frame):,} rows")
    target = spec.target or (_title_target(table.title, kind) if kind in ("calls", "transfers") else None)
    rejects = Rejects(len(table.frame))
    warnings: list[str] = list(table.warnings)
    if table.header_row <= 0 and not spec.columns and mapping:
        shown = ", ".join(f"{f}={c}" for f, c in mapping.items())
        warnings.append(f"the file has no header row: columns read from their content as {shown}; "
                        "give an import spec if that is wrong")
    ctx = Ctx(table=table, mapping=mapping, options=dict(spec.options), party_kind=spec.party_kind, target=target,
              rejects=rejects, warnings=warnings, progress=progress, should_cancel=should_cancel,
              case_number=str(case_number))
    _duplicates(table, rejects)
    _excel_numbers(table, mapping, rejects)
    if kind == "calls":
        from linkview.ingest.calls import build_calls as build
    elif kind == "transfers":
        from linkview.ingest.transfers import build_transfers as build
    else:
        from linkview.ingest.ads import build_ads as build
    events, links, facts = build(ctx)
    ctx.check()
    errors = rejects.error_mask()
    pos = events["_pos"].to_numpy()
    keep = ~errors[pos] if len(pos) else np.zeros(0, dtype=bool)
    if not keep.all():
        events = events.loc[keep].reset_index(drop=True)
    cols = {}
    for c, t in EVENT_DTYPES.items():
        s = events[c]
        if t == "str":
            if isinstance(s.dtype, pd.CategoricalDtype):
                pass            # categorical text is handed over as it is (the workspace uses its codes)
            elif s.dtype != str:
                s = s.astype(str)
        elif t == "bool":
            s = s.fillna(False).astype(bool)
        elif t.startswith("datetime"):
            s = pd.to_datetime(s).astype("datetime64[ns]")
        else:
            s = s.astype(t)
        cols[c] = s
    for c in RAW_ROLES:
        if c in events.columns:
            cols[c] = events[c]
    out_events = pd.DataFrame(cols, copy=False)
    rejected = rejects.frame(table, extra=table.problems)
    party_kind = facts.get("party_kind")
    # the detected party kind goes into the saved spec, so that the import can be repeated exactly
    eff = _effective_spec(spec, table, kind, mapping, target, spec.party_kind or (
        party_kind if party_kind not in (None, "auto", "phone") else None))
    source = SourceFile(path=str(p.resolve()), name=p.name, sha256=table.sha256, size=table.size, kind=kind,
                        spec=eff, encoding=table.encoding, rows_total=len(table.frame) + len(table.bad_rows))
    # every data row's cells as read (imported and rejected alike), by file row number, for ws.source_row:
    # a file read line by line keeps its own bytes instead
    cells = None if table.original is not None else table.frame.set_axis(pd.Index(table.rows, name=None), axis=0)
    batch = ImportBatch(case_number=str(case_number), source=source, events=out_events, links=links,
                        rejected=rejected, case_title=case_title, user=_user(), cells=cells,
                        original=table.original, spellings=facts.pop("spellings", None))
    notes = list(ctx.notes)
    if party_kind:
        notes.append("party kinds detected per value" if party_kind == "auto" else f"parties read as {party_kind}")
    if "target" in facts:
        notes.append(f"target: {facts['target']}")
    batch.notes = notes            # informational, for the CLI and the import wizard
    batch.warnings = warnings
    if progress:
        progress(0.8, f"{len(out_events):,} events, {len(links):,} links, {len(rejected):,} rejected entries")
    return batch


def import_file(ws, path: str | Path, *, case_number: str, spec: ImportSpec | None = None, case_title: str = "",
                progress=None, should_cancel=None) -> ImportResult:
    """read_file + ws.import_batch (one transaction). Progress: reading 0-0.3, normalising 0.3-0.8 (read_file's
    own scale), storing 0.8-1."""
    batch = read_file(path, case_number=case_number, spec=spec, case_title=case_title, progress=progress,
                      should_cancel=should_cancel)
    store_progress = (lambda f, m: progress(0.8 + 0.2 * f, m)) if progress else None
    if progress:
        progress(0.8, f"storing {len(batch.events):,} events")
    result = ws.import_batch(batch, progress=store_progress, should_cancel=should_cancel)
    if progress:
        progress(1.0, "stored")
    return result


def preview(path: str | Path, *, spec: ImportSpec | None = None, nrows: int = 50) -> Preview:
    """What the file looks like to LinkView: format, encoding, header, kind, mapping, first rows."""
    from linkview.ingest.readers import read_table

    spec = spec or ImportSpec()
    table = read_table(path, encoding=spec.encoding, delimiter=spec.delimiter, sheet=spec.sheet,
                       header_row=spec.header_row, expected=_expected(spec))
    warnings: list[str] = list(table.warnings)
    kind = spec.kind
    if kind is None and table.header_row > 0:
        kind = detect_kind(table.columns)
    mapping: dict[str, str] = {}
    missing: list[str] = []
    if kind:
        mapping = map_columns(kind, table.columns) if table.header_row > 0 else {}
        for f, ref in spec.columns.items():
            try:
                mapping[f] = _resolve_column(ref, table.columns, table.path, f)
            except InputError as exc:
                warnings.append(exc.reason)
        missing = missing_requirements(kind, mapping)
    else:
        warnings.append("kind of file not recognised from the headers")
    target = spec.target or (_title_target(table.title, kind) if kind in ("calls", "transfers") else None)
    for row, col, _sev, reason in table.problems[:20]:
        warnings.append(f"row {row}, column {col!r}: {reason}")
    return Preview(path=str(path), fmt=table.fmt, encoding=table.encoding, delimiter=table.delimiter,
                   sheet=table.sheet, header_row=table.header_row, columns=list(table.columns), kind=kind,
                   mapping=mapping, missing=missing, target=target, title=table.title,
                   sample=table.frame.head(nrows), warnings=warnings, rows_seen=len(table.frame))
