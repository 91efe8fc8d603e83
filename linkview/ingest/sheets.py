"""Spreadsheets as rows of text: .xlsx (openpyxl, read-only), .xls (xlrd), Excel 2003 XML (defusedxml).

Every cell becomes the text a person sees: integers without ``.0``, dates as ISO text, empty as ``""``.
A number of 16 digits or more is remembered: Excel keeps 15 significant digits, so a 16-digit card
typed into a cell as a number has lost its last digit(s); the import flags such cells.

Excel keeps a date as a day number and a time of day as the fraction of a day, so the readers get a
date cell as a date-time at midnight and a time cell as a date-time on day 0 (1899-12-30/31). A time on
day 0 is written as the time alone, and the date-times of a column that are all at midnight as the dates
alone: call records often split the date and the time of a call into two columns, which the import joins
into one time to read (``2024-04-03 10:11:12``, not ``2024-04-03 00:00:00 1899-12-31 10:11:12``). A
column of date-times keeps them whole, its midnights included, so its times stay in one format.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import TYPE_CHECKING

from linkview.errors import InputError

if TYPE_CHECKING:
    from linkview.ingest.readers import RawTable

__all__ = ["read_sheet", "big_numbers", "cell_text"]

BIG = 10 ** 15      # numbers of 16+ digits are past Excel's 15 significant digits

_SS = "urn:schemas-microsoft-com:office:spreadsheet"


def cell_text(value: object) -> tuple[str, bool]:
    """(text, is a big number) of one spreadsheet value."""
    if value is None:
        return "", False
    if isinstance(value, bool):
        return ("TRUE" if value else "FALSE"), False
    if isinstance(value, int):
        return str(value), abs(value) >= BIG
    if isinstance(value, float):
        if value != value:  # NaN
            return "", False
        if value.is_integer() and abs(value) < 1e21:
            return str(int(value)), abs(value) >= BIG
        return repr(value), abs(value) >= BIG
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S"), False
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d"), False
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S"), False
    if isinstance(value, dt.timedelta):
        total = int(value.total_seconds())
        return f"{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}", False
    return str(value), False


class _Stamps:
    """The date-time cells of a sheet as read, to tell the columns of dates (only midnights) from the rest."""

    def __init__(self) -> None:
        self.midnight: dict[int, list[int]] = {}    # column -> positions in the rows of its midnights
        self.timed: set[int] = set()                # columns with a date-time past midnight

    def see(self, text: str, i: int, j: int) -> None:
        """A date-time cell written ``%Y-%m-%d %H:%M:%S``, at position ``i`` of the rows, column ``j``."""
        if j in self.timed:
            return
        if text.endswith(" 00:00:00"):
            self.midnight.setdefault(j, []).append(i)
        else:
            self.timed.add(j)
            self.midnight.pop(j, None)

    def dates_alone(self, rows: list[tuple[int, list[str]]]) -> None:
        """Cut the time off the date-times of the columns that only hold midnights."""
        for j, positions in self.midnight.items():
            for i in positions:
                cells = rows[i][1]
                cells[j] = cells[j][:10]


def read_sheet(data: bytes, path: Path, fmt: str, *, sheet: str | int | None = None):
    """(sheet name, [(row number, cells)], {(row number, 0-based column) of big numbers})."""
    if fmt == "xlsx":
        return _read_xlsx(data, path, sheet)
    if fmt == "xls":
        return _read_xls(data, path, sheet)
    if fmt == "xml2003":
        return _read_xml2003(data, path, sheet)
    raise InputError(f"unknown spreadsheet format {fmt}", file=str(path))


def _pick(names: list[str], sheet: str | int | None, path: Path) -> int:
    if sheet is None:
        return 0
    if isinstance(sheet, int) or (isinstance(sheet, str) and sheet.isdigit() and sheet not in names):
        i = int(sheet)
        if not 0 <= i < len(names):
            raise InputError(f"no sheet number {i} (sheets: {', '.join(names)})", file=str(path))
        return i
    if sheet not in names:
        raise InputError(f"no sheet named {sheet!r} (sheets: {', '.join(names)})", file=str(path))
    return names.index(sheet)


def _read_xlsx(data: bytes, path: Path, sheet):
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(f"not a readable .xlsx workbook ({exc})", file=str(path)) from None
    try:
        names = wb.sheetnames
        idx = _pick(names, sheet, path)
        ws = wb.worksheets[idx]
        rows, big, stamps = [], set(), _Stamps()
        for n, values in enumerate(ws.iter_rows(min_row=1, values_only=True), start=1):
            cells = []
            for j, v in enumerate(values):
                t, b = cell_text(v)
                cells.append(t)
                if b:
                    big.add((n, j))
                elif isinstance(v, dt.datetime):
                    stamps.see(t, len(rows), j)
            rows.append((n, cells))
        stamps.dates_alone(rows)
        return names[idx], rows, big
    finally:
        wb.close()


def _read_xls(data: bytes, path: Path, sheet):
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except xlrd.XLRDError as exc:
        raise InputError(f"not a readable .xls workbook ({exc})", file=str(path)) from None
    try:
        names = book.sheet_names()
        idx = _pick(names, sheet, path)
        sh = book.sheet_by_index(idx)
        rows, big, stamps = [], set(), _Stamps()
        for r in range(sh.nrows):
            cells = []
            for j in range(sh.ncols):
                ctype, value = sh.cell_type(r, j), sh.cell_value(r, j)
                if ctype == xlrd.XL_CELL_DATE:
                    try:
                        stamp = xlrd.xldate.xldate_as_datetime(value, book.datemode)
                    except (xlrd.xldate.XLDateError, ValueError, OverflowError):
                        pass
                    else:       # below one day: a time of day (as openpyxl reads it from an .xlsx)
                        value = stamp.time() if 0 <= value < 1 else stamp
                elif ctype == xlrd.XL_CELL_BOOLEAN:
                    value = bool(value)
                elif ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    value = None
                t, b = cell_text(value)
                cells.append(t)
                if b:
                    big.add((r + 1, j))
                elif isinstance(value, dt.datetime):
                    stamps.see(t, len(rows), j)
            rows.append((r + 1, cells))
        stamps.dates_alone(rows)
        return names[idx], rows, big
    finally:
        book.release_resources()


def _read_xml2003(data: bytes, path: Path, sheet):
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.fromstring(data)
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        raise InputError(f"not a readable Excel 2003 XML spreadsheet ({exc})", file=str(path)) from None
    ns = {"ss": _SS}
    sheets = root.findall("ss:Worksheet", ns)
    if not sheets:
        raise InputError("Excel 2003 XML spreadsheet without worksheets", file=str(path))
    names = [s.get(f"{{{_SS}}}Name") or f"Sheet{i + 1}" for i, s in enumerate(sheets)]
    idx = _pick(names, sheet, path)
    table = sheets[idx].find("ss:Table", ns)
    rows: list[tuple[int, list[str]]] = []
    big: set[tuple[int, int]] = set()
    stamps = _Stamps()
    if table is None:
        return names[idx], rows, big
    n = 0
    for row in table.findall("ss:Row", ns):
        ri = row.get(f"{{{_SS}}}Index")
        n = int(ri) if ri else n + 1
        cells: list[str] = []
        j = -1
        for cell in row.findall("ss:Cell", ns):
            ci = cell.get(f"{{{_SS}}}Index")
            j = int(ci) - 1 if ci else j + 1
            while len(cells) < j:
                cells.append("")
            d = cell.find("ss:Data", ns)
            text = "".join(d.itertext()) if d is not None else ""
            typ = d.get(f"{{{_SS}}}Type") if d is not None else None
            if typ == "Number" and text:
                try:
                    f = float(text)
                except ValueError:
                    pass
                else:
                    t, b = cell_text(f)
                    # keep what was written when it is already a plain integer (no precision lost)
                    if text.strip().lstrip("-").isdigit():
                        t = text.strip()
                    text = t
                    if b:
                        big.add((n, j))
            elif typ == "DateTime" and text:
                text = text.replace("T", " ").split(".")[0]
                if text.startswith("1899-12-31 "):      # a time of day, written on Excel's day 0
                    text = text[11:]
                else:
                    stamps.see(text, len(rows), j)
            cells.append(text)
        rows.append((n, cells))
    stamps.dates_alone(rows)
    return names[idx], rows, big


def big_numbers(big: set[tuple[int, int]], table: RawTable) -> dict[str, set[int]]:
    """Column name -> rows of the table whose cell was stored as a number of 15+ digits."""
    out: dict[str, set[int]] = {}
    for n, j in big:
        if j < len(table.columns) and n != table.header_row:
            out.setdefault(table.columns[j], set()).add(n)
    return out
