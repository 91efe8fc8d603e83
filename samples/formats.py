"""Vectorised spelling of dates, durations and phone numbers, and the file writers.

Big call records are formatted with numpy byte matrices instead of per-row Python, so a million rows
take seconds. Writers produce what investigators receive: ``;``-separated cp1251 CSV from Russian
Excel (CRLF), UTF-8 CSV with a byte-order mark, comma CSV from blockchain explorers and ``.xlsx``
workbooks whose cells are all text, each with title lines above the header when the sender adds them.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

__all__ = [
    "PHONE_STYLES", "DATE_STYLES", "format_times", "format_durations_hms", "format_phones",
    "cp1251_safe", "write_csv", "write_xlsx", "amount_text",
]

# Phone spellings (DOMAIN.md): each a pattern over the 10 national digits ("d" = next digit).
PHONE_STYLES = (
    "+7dddddddddd",
    "8dddddddddd",
    "7dddddddddd",
    "7dddddddddd.0",
    "8 (ddd) ddd-dd-dd",
    "+7 ddd ddd dd dd",
    "8-ddd-ddd-dd-dd",
)

# Date spellings as patterns over the ISO form "YYYY-MM-DDTHH:MM:SS" (letters pick ISO positions).
_ISO_POS = {"Y": (0, 1, 2, 3), "M": (5, 6), "D": (8, 9), "h": (11, 12), "m": (14, 15), "s": (17, 18)}
DATE_STYLES = {
    "dmy_hms": "DD.MM.YYYY hh:mm:ss",
    "dmy_hm": "DD.MM.YYYY hh:mm",
    "dmy": "DD.MM.YYYY",
    "hms": "hh:mm:ss",
    "iso_space": "YYYY-MM-DD hh:mm:ss",
}


def _pattern_columns(pattern: str) -> list[int | bytes]:
    """Translate a date pattern into ISO source columns or literal bytes."""
    out: list[int | bytes] = []
    seen: dict[str, int] = {}
    for ch in pattern:
        if ch in _ISO_POS:
            i = seen.get(ch, 0)
            out.append(_ISO_POS[ch][i])
            seen[ch] = i + 1
        else:
            out.append(ch.encode())
    return out


def _assemble(src: np.ndarray, parts: Sequence[int | bytes]) -> np.ndarray:
    """Build fixed-width strings from the byte columns of ``src`` and literal bytes."""
    n = src.shape[0]
    width = sum(1 if isinstance(p, int) else len(p) for p in parts)
    out = np.empty((n, width), dtype=np.uint8)
    j = 0
    for p in parts:
        if isinstance(p, int):
            out[:, j] = src[:, p]
            j += 1
        else:
            for b in p:
                out[:, j] = b
                j += 1
    return np.ascontiguousarray(out).view(f"S{width}").ravel().astype(f"U{width}")


def format_times(seconds: np.ndarray, style: str) -> np.ndarray:
    """Unix seconds (naive local time) -> strings in one of ``DATE_STYLES``."""
    iso = np.datetime_as_string(np.asarray(seconds, dtype="int64").astype("datetime64[s]"), unit="s")
    src = iso.astype("S19").view(np.uint8).reshape(-1, 19)
    return _assemble(src, _pattern_columns(DATE_STYLES[style]))


def format_durations_hms(seconds: np.ndarray) -> np.ndarray:
    """Seconds -> ``H:MM:SS`` (calls shorter than ten hours)."""
    s = np.clip(np.asarray(seconds, dtype="int64"), 0, 35999)
    h, rest = np.divmod(s, 3600)
    m, sec = np.divmod(rest, 60)
    src = np.stack([h, m // 10, m % 10, sec // 10, sec % 10], axis=1).astype(np.uint8) + ord("0")
    return _assemble(src, [0, b":", 1, 2, b":", 3, 4])


def format_phones(national: np.ndarray, styles: np.ndarray) -> np.ndarray:
    """10-digit national numbers -> spellings, one ``PHONE_STYLES`` index per row."""
    national = np.asarray(national, dtype="int64")
    out = np.empty(len(national), dtype=object)
    if not len(national):
        return out
    digits = np.char.zfill(national.astype("U10"), 10).astype("S10").view(np.uint8).reshape(-1, 10)
    for k, pattern in enumerate(PHONE_STYLES):
        rows = np.flatnonzero(styles == k)
        if not len(rows):
            continue
        parts: list[int | bytes] = []
        i = 0
        for ch in pattern:
            if ch == "d":
                parts.append(i)
                i += 1
            else:
                parts.append(ch.encode())
        out[rows] = _assemble(digits[rows], parts)
    return out


_CP1251_FOLD = str.maketrans({"ә": "а", "Ә": "А", "ғ": "г", "Ғ": "Г", "қ": "к", "Қ": "К", "ң": "н",
                              "Ң": "Н", "ө": "о", "Ө": "О", "ұ": "у", "Ұ": "У", "ү": "у", "Ү": "У",
                              "һ": "х", "Һ": "Х", "і": "и", "І": "И", "₸": "KZT"})


def cp1251_safe(text: str) -> str:
    """Kazakh letters folded to their Russian look-alikes, as cp1251 exports do."""
    return text.translate(_CP1251_FOLD)


def amount_text(value: float, *, signed: bool = False, nbsp: bool = False) -> str:
    """``125 000,00`` style: spaces between thousands, comma decimals."""
    sep = "\u00a0" if nbsp else " "
    text = f"{abs(value):,.2f}".replace(",", sep).replace(".", ",")
    if value < 0:
        return "-" + text
    return ("+" + text) if signed else text


def _frame(header: Sequence[str], columns: Sequence[np.ndarray | list]):
    import pandas as pd

    return pd.DataFrame({f"c{i}": np.asarray(col, dtype=object) for i, col in enumerate(columns)},
                        columns=[f"c{i}" for i in range(len(header))])


def write_csv(path: Path, *, header: Sequence[str], columns: Sequence[np.ndarray | list],
              titles: Sequence[str] = (), encoding: str = "utf-8-sig", delimiter: str = ";",
              crlf: bool = True, pad_titles: bool = False, quote_all: bool = False) -> int:
    """Write title lines, the header and the rows; returns the 1-based line of the header."""
    frame = _frame(header, columns)
    newline = "\r\n" if crlf else "\n"
    if encoding == "cp1251":
        titles = [cp1251_safe(t) for t in titles]
        header = [cp1251_safe(h) for h in header]
        for name in frame.columns:
            fold = {v: cp1251_safe(v) for v in frame[name].unique() if isinstance(v, str) and not v.isascii()}
            fold = {k: v for k, v in fold.items() if k != v}
            if fold:
                frame[name] = frame[name].replace(fold)
    quoting = csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL
    with open(path, "w", encoding=encoding, newline="") as fh:
        pad = delimiter * (len(header) - 1) if pad_titles else ""
        for t in titles:
            fh.write(t + pad + newline)
        frame.to_csv(fh, sep=delimiter, index=False, header=list(header), lineterminator=newline,
                     quoting=quoting)
    return len(titles) + 1


def write_xlsx(path: Path, *, header: Sequence[str], columns: Sequence[np.ndarray | list],
               titles: Sequence[str] = (), sheet: str = "Лист1") -> int:
    """Write an ``.xlsx`` whose cells are all text; returns the sheet row of the header."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    for t in titles:
        ws.append([t])
    ws.append(list(header))
    cols = [np.asarray(c, dtype=object) for c in columns]
    for row in zip(*cols, strict=True):
        ws.append([None if (v is None or v == "") else str(v) for v in row])
    wb.properties.creator = "LinkView sample generator"
    wb.save(path)
    _freeze_zip(Path(path))
    return len(titles) + 1


_STAMP = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _freeze_zip(path: Path) -> None:
    """Give every zip entry and the document properties one fixed time, so a seed gives the same bytes."""
    with zipfile.ZipFile(path) as zin:
        entries = [(info, zin.read(info)) for info in zin.infolist()]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zout:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = _STAMP.sub(rb"\g<1>2024-12-01T00:00:00Z\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 12, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            zout.writestr(fixed, data)
