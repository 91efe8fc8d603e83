"""CSV for people who open it in Excel: no formula injection, Cyrillic readable.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula by
Excel and LibreOffice (OWASP "CSV injection"); such cells get a leading apostrophe, which the
spreadsheet shows as text. Numbers are written as numbers (a leading minus on a number is not
neutralised; pass ``numbers_as_text=True`` to neutralise every cell). The file is UTF-8 with a byte
order mark so that Excel on a Russian-locale Windows opens Cyrillic text correctly; the delimiter is
``;`` by default, the list separator of that locale.

>>> neutralise("=HYPERLINK(\\"http://x\\")")
'\\'=HYPERLINK("http://x")'
>>> neutralise("+7 701 123 45 67"), neutralise("Иванов")
("'+7 701 123 45 67", 'Иванов')
"""

from __future__ import annotations

import csv
import io
import math
import numbers
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linkview.errors import ExportError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["neutralise", "write_rows", "write_frame", "DANGEROUS_PREFIXES"]

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any, *, numbers_as_text: bool = False) -> str:
    """The text of one cell, with a leading apostrophe when a spreadsheet would run it."""
    if value is None:
        return ""
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral) and math.isnan(float(value)):
        return ""
    if type(value).__name__ in ("NAType", "NaTType"):
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, numbers.Real) and not numbers_as_text:
        return str(int(value)) if isinstance(value, numbers.Integral) else repr(float(value))
    text = str(value)
    if text.startswith(DANGEROUS_PREFIXES):
        return "'" + text
    return text


def write_rows(path: str | Path, header: Sequence[str], rows: Iterable[Sequence[Any]], *,
               delimiter: str = ";", numbers_as_text: bool = False) -> int:
    """Write ``rows`` under ``header`` to ``path`` (UTF-8 with BOM). Returns the number of data rows."""
    p = Path(path)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow([neutralise(h, numbers_as_text=True) for h in header])
    n = 0
    for row in rows:
        w.writerow([neutralise(v, numbers_as_text=numbers_as_text) for v in row])
        n += 1
    try:
        p.write_text(buf.getvalue(), encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ExportError(f"cannot write {p}: {exc.strerror or exc}") from None
    return n


def write_frame(path: str | Path, frame: pd.DataFrame, *, delimiter: str = ";",
                numbers_as_text: bool = False) -> int:
    """Write a DataFrame (its columns as the header) safely. Returns the number of data rows."""
    rows = frame.itertuples(index=False, name=None)
    return write_rows(path, [str(c) for c in frame.columns], rows, delimiter=delimiter,
                      numbers_as_text=numbers_as_text)
