"""The hand-over between ingest and the workspace: one file's normalised rows.

Pure dataclasses and pandas frames; nothing here touches the database. Ingest builds an
:class:`ImportBatch`, :meth:`linkview.workspace.Workspace.import_batch` stores it in one transaction and
returns an :class:`ImportResult`.

``ImportBatch.cells`` carries the file's raw text cells (one column per header, indexed by file row
number, rows that were imported and rows that were rejected alike); the workspace stores them as column
blocks so :meth:`Workspace.source_row` can show any row. Batches built without a file may instead give an
optional ``raw`` column (a JSON text, dict or list of the source row's cells) on events and links.

``ImportBatch.original`` replaces ``cells`` for a text file whose every data row is one line: the file's own
bytes, compressed into blocks on another thread while the file is normalised (see blocks.py); the
workspace stores them, and ``source_row`` cuts rows from them.

Optional role columns ``<role>_raw`` (``a_raw``, ``b_raw``, ``dev_raw``, ``imsi_raw`` on events; ``a_raw``,
``b_raw`` on links) give each identifier's spelling as written in the file: every distinct spelling of an
entity becomes one of its variants. A link stands for all the rows that name its two ends, but holds one
spelling per end: ``ImportBatch.spellings`` (columns ``kind``, ``key``, ``spelling``) carries the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import Future

    import pandas as pd

__all__ = [
    "SourceFile",
    "OriginalText",
    "ImportBatch",
    "ImportResult",
    "EVENT_COLUMNS",
    "LINK_COLUMNS",
    "REJECTED_COLUMNS",
    "EVENT_DTYPES",
    "LINK_DTYPES",
    "REJECTED_DTYPES",
    "empty_events",
    "empty_links",
    "empty_rejected",
]

# column -> dtype of the frames ingest hands over ("str" is the default text dtype of the pandas in use)
EVENT_DTYPES: dict[str, str] = {
    "row": "int64",
    "etype": "str",
    "time": "datetime64[ns]",
    "a_kind": "str", "a_key": "str", "a_display": "str", "a_valid": "bool",
    "b_kind": "str", "b_key": "str", "b_display": "str", "b_valid": "bool",
    "dev_kind": "str", "dev_key": "str", "dev_display": "str",
    "imsi_key": "str", "imsi_display": "str",
    "target": "str",
    "direction": "str",
    "duration": "float64",
    "amount": "float64",
    "currency": "str",
    "asset": "str",
    "tx_hash": "str",
    "cell": "str",
    "lat": "float64",
    "lon": "float64",
    "note": "str",
}

LINK_DTYPES: dict[str, str] = {
    "row": "int64",
    "n": "int64",
    "ltype": "str",
    "a_kind": "str", "a_key": "str", "a_display": "str", "a_valid": "bool",
    "b_kind": "str", "b_key": "str", "b_display": "str", "b_valid": "bool",
    "first_time": "datetime64[ns]",
    "last_time": "datetime64[ns]",
}

REJECTED_DTYPES: dict[str, str] = {
    "row": "int64",
    "column": "str",
    "severity": "str",   # "error": row not imported | "warning": imported, value flagged
    "reason": "str",
    "raw": "str",        # JSON of the row's cells
}

EVENT_COLUMNS: tuple[str, ...] = tuple(EVENT_DTYPES)
LINK_COLUMNS: tuple[str, ...] = tuple(LINK_DTYPES)
REJECTED_COLUMNS: tuple[str, ...] = tuple(REJECTED_DTYPES)


def _empty(dtypes: dict[str, str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({c: pd.Series([], dtype=(str if t == "str" else t)) for c, t in dtypes.items()})


def empty_events() -> pd.DataFrame:
    """An events frame with no rows and the columns of :data:`EVENT_COLUMNS`."""
    return _empty(EVENT_DTYPES)


def empty_links() -> pd.DataFrame:
    """A links frame with no rows and the columns of :data:`LINK_COLUMNS`."""
    return _empty(LINK_DTYPES)


def empty_rejected() -> pd.DataFrame:
    """A rejected-rows frame with no rows and the columns of :data:`REJECTED_COLUMNS`."""
    return _empty(REJECTED_DTYPES)


@dataclass
class SourceFile:
    """The file an import came from."""

    path: str
    name: str
    sha256: str
    size: int
    kind: str                       # "calls" | "transfers" | "ads"
    spec: dict[str, Any]            # the import spec used (JSON-able), so the import can be repeated
    encoding: str | None
    rows_total: int                 # data rows seen (header and title rows not counted)


@dataclass
class OriginalText:
    """The bytes of a text file as received, and how its lines read as rows."""

    encoding: str                   # a codec that writes "\n" as one byte (utf-8, utf-8-sig, cp1251)
    delimiter: str
    names: list[str]                # the header's column names
    data_from: int                  # file line of the first data row
    blocks: Future                  # -> list[blocks.TextBlock], being compressed on another thread


@dataclass
class ImportBatch:
    """One file's rows, normalised, ready to be stored in one transaction."""

    case_number: str
    source: SourceFile
    events: pd.DataFrame            # EVENT_COLUMNS (+ optional "raw")
    links: pd.DataFrame             # LINK_COLUMNS (+ optional "raw"), deduplicated per (ltype, a, b)
    rejected: pd.DataFrame          # REJECTED_COLUMNS
    case_title: str = ""
    user: str = ""                  # OS user name
    cells: pd.DataFrame | None = None   # raw text cells of every data row, index = file row number
    original: OriginalText | None = None    # instead of cells: the file itself, one row per line
    spellings: pd.DataFrame | None = None   # more spellings (kind, key, spelling) than the role columns hold


@dataclass
class ImportResult:
    """What an import stored."""

    source_id: int
    case_id: int
    case_number: str
    file: str
    sha256: str
    events: int
    links: int
    rejected_errors: int
    rejected_warnings: int
    new_entities: int
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)
