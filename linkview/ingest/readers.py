"""Read a file into a table of text cells: CSV/TSV, .xlsx, .xls and Excel 2003 XML.

Nothing here interprets values: every cell is kept as the text a person sees, so that no library turns
``87011234567`` into a float or ``03.04.2024`` into the 4th of March. The result is a :class:`RawTable`
whose ``rows`` are the 1-based line numbers (sheet row numbers for spreadsheets) of each data row.

Sniffing rules
- Encoding: a UTF-8 BOM or a strict UTF-8 decode wins; a UTF-16 BOM means UTF-16 (Excel "Unicode text");
  otherwise cp1251, accepted only when most non-ASCII letters it yields are Cyrillic.
- Delimiter: of ``;`` ``,`` tab ``|``, the one that splits the most sample lines into the same number
  (> 1) of cells.
- Header row: among the first lines, the row with the most cells that match known header aliases (at
  least two); lines above it are the title. No such row: the file has no header (columns ``#1``, ``#2``...).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from linkview.errors import InputError
from linkview.ingest.fields import header_score

if TYPE_CHECKING:
    from concurrent.futures import Future

    import numpy as np
    import pandas as pd

    from linkview.workspace.batch import OriginalText

__all__ = ["RawTable", "read_table", "decode_bytes", "sniff_delimiter", "find_header", "file_format"]

DELIMITERS = (";", ",", "\t", "|")
SAMPLE_LINES = 60
HEADER_SCAN = 30
_SPARE = 8          # extra columns read past the header, to catch rows with too many cells
_CYRILLIC = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґӘәҒғҚқҢңӨөҰұҮүҺһ]")
_NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f]")
_CP1251_PUNCT = set("№«»–—…„“”‘’•°±§©®™\xa0€‰·")


@dataclass
class RawTable:
    """A file's data rows as text, with where they came from."""

    frame: pd.DataFrame                      # one str column per header (or "#1".. when no header)
    rows: np.ndarray                         # 1-based line / sheet row number of each frame row
    columns: list[str]
    path: str
    sha256: str
    size: int
    fmt: str                                 # csv | xlsx | xls | xml2003
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    header_row: int = 0
    title: list[str] = field(default_factory=list)
    problems: list[tuple[int, str, str, str]] = field(default_factory=list)   # (row, column, severity, reason)
    bad_rows: dict[int, list[str]] = field(default_factory=dict)              # row -> raw cells of rows not in frame
    excel_numbers: dict[str, set[int]] = field(default_factory=dict)          # column -> rows stored as big numbers
    original: OriginalText | None = None     # CSV read line by line: the file's bytes, being compressed
    warnings: list[str] = field(default_factory=list)


def file_format(data: bytes, path: Path) -> str:
    """csv, xlsx, xls or xml2003 from the first bytes (the extension only breaks ties)."""
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "xls"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<?xml") or head.startswith(b"<Workbook"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in data[:65536]:
            return "xml2003"
        raise InputError("XML file that is not an Excel 2003 XML spreadsheet", file=str(path))
    return "csv"


_WORD = re.compile(r"[^\W\d_]+")


def _plausible_cp1251(text: str) -> bool:
    """Cyrillic text: the non-ASCII letters are Cyrillic and sit in Cyrillic words.

    Latin-1 or UTF-16 bytes read as cp1251 also give Cyrillic letters, but scattered inside Latin words
    (``Dбtum``); words mixing the two scripts are rare in real exports.
    """
    sample = text[:200000]
    letters = [c for c in _NON_ASCII_LETTER.findall(sample) if c not in _CP1251_PUNCT]
    if not letters:
        return True
    cyr = sum(1 for c in letters if _CYRILLIC.match(c))
    if cyr / len(letters) < 0.9:
        return False
    words = [w for w in _WORD.findall(sample) if _CYRILLIC.search(w)]
    mixed = sum(1 for w in words if re.search(r"[A-Za-z]", w))
    return mixed <= 0.2 * len(words)


def decode_bytes(data: bytes, *, encoding: str | None = None, path: str = "") -> tuple[str, str]:
    """(text, encoding name) of a text file. ``encoding`` forces one."""
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"cannot be read as {encoding}: {exc}", file=path) from None
        return text.lstrip("\ufeff"), encoding
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(f"starts with a UTF-8 mark but is not UTF-8 at byte {exc.start + 3}", file=path) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"starts with a UTF-16 mark but is not UTF-16 at byte {exc.start}", file=path) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError as exc:
        raise InputError(f"neither UTF-8 nor cp1251 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                         "give the encoding in the import spec", file=path) from None
    if not _plausible_cp1251(text):
        raise InputError("neither UTF-8 nor Cyrillic cp1251 text; give the encoding in the import spec",
                         file=path)
    return text, "cp1251"


def _split(line: str, delim: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delim, quotechar='"'))
    except (StopIteration, csv.Error):
        return []


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that cuts most sample lines into one constant number of cells."""
    best: tuple[int, int, str] | None = None
    lines = [ln for ln in lines if ln.strip()]
    tail = lines[len(lines) // 3:] or lines
    for rank, d in enumerate(DELIMITERS):
        counts = Counter(len(_split(ln, d)) for ln in tail)
        counts.pop(1, None)
        counts.pop(0, None)
        if not counts:
            continue
        n_cells, freq = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        score = (freq, -rank, d)
        if best is None or score > best:
            best = score
    return best[2] if best else ","


def find_header(rows: list[list[str]], expected: frozenset[str] = frozenset()) -> int:
    """0-based index of the header among ``rows`` (the first lines), or -1 when there is none.

    ``expected``: column names a spec maps; a row holding them counts as much as known aliases.
    """
    best_i, best_s = -1, 1
    for i, cells in enumerate(rows[:HEADER_SCAN]):
        filled = [c for c in cells if c.strip()]
        s = header_score(filled) + sum(1 for c in filled if c.strip() in expected)
        if s > best_s:
            best_i, best_s = i, s
    return best_i


def _unique_names(cells: list[str]) -> list[str]:
    names: list[str] = []
    seen: Counter[str] = Counter()
    for i, c in enumerate(cells, start=1):
        name = c.strip().lstrip("\ufeff") or f"#{i}"
        seen[name] += 1
        names.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return names


def read_table(path: str | Path, *, encoding: str | None = None, delimiter: str | None = None,
               sheet: str | int | None = None, header_row: int | None = None,
               expected: frozenset[str] = frozenset(), should_cancel=None) -> RawTable:
    """Read ``path`` into a :class:`RawTable` of text cells (the SHA-256 is taken from the same bytes)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", file=str(p)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=str(p)) from None
    digest = _in_background(_sha256, data)
    size = len(data)
    ws = b"\xef\xbb\xbf \t\r\n\x00"
    if not data[:65536].strip(ws) and not data.strip(ws):
        raise InputError("the file is empty", file=str(p))
    fmt = file_format(data, p)
    if fmt == "csv":
        holder = [data]
        del data
        table = _read_text(holder, p, encoding=encoding, delimiter=delimiter, header_row=header_row,
                           expected=expected)
    else:
        from linkview.ingest import sheets

        name, rows, big = sheets.read_sheet(data, p, fmt, sheet=sheet)
        table = _table_from_rows(rows, p, header_row=header_row, expected=expected)
        table.fmt, table.sheet = fmt, name
        table.excel_numbers = sheets.big_numbers(big, table)
    table.sha256, table.size = digest.result(), size
    if should_cancel is not None and should_cancel():
        from linkview.errors import Cancelled

        raise Cancelled("import cancelled")
    return table


def _header_index(sample: list[list[str]], header_row: int | None, expected=frozenset()) -> int:
    if header_row is None:
        return find_header(sample, expected)
    return header_row - 1          # 0 -> -1 (no header)


def _table_from_rows(rows: list[tuple[int, list[str]]], p: Path, *, header_row: int | None,
                     expected: frozenset[str] = frozenset()) -> RawTable:
    """A RawTable from spreadsheet rows [(sheet row number, cells)]."""
    import numpy as np
    import pandas as pd

    rows = [(n, cells) for n, cells in rows if any(c.strip() for c in cells)]
    if not rows:
        raise InputError("the sheet is empty", file=str(p))
    if header_row is None:
        hi = find_header([cells for _, cells in rows[:HEADER_SCAN]], expected)
    elif header_row == 0:
        hi = -1
    else:
        hi = next((i for i, (n, _) in enumerate(rows) if n == header_row), None)
        if hi is None:
            raise InputError(f"header row {header_row} is empty or beyond the sheet", file=str(p))
    title = [" ".join(c for c in cells if c.strip()) for _, cells in rows[:max(hi, 0)]]
    body = rows[hi + 1:] if hi >= 0 else rows
    width = max(len(c) for _, c in body) if body else 0
    if hi >= 0:
        names = _unique_names(rows[hi][1])
        header_line = rows[hi][0]
    else:
        names, header_line = [], 0
    problems: list[tuple[int, str, str, str]] = []
    bad: dict[int, list[str]] = {}
    keep_n, keep_cells = [], []
    ncol = len(names) if names else width
    if not names:
        names = [f"#{i}" for i in range(1, ncol + 1)]
    for n, cells in body:
        extra = [c for c in cells[ncol:] if c.strip()]
        if extra:
            problems.append((n, names[-1], "error", f"row has {len(cells)} cells, the header has {ncol}"))
            bad[n] = cells
            continue
        keep_n.append(n)
        keep_cells.append((cells + [""] * ncol)[:ncol])
    frame = pd.DataFrame(keep_cells, columns=names, dtype=str) if keep_cells else \
        pd.DataFrame({c: pd.Series([], dtype=str) for c in names})
    return RawTable(frame=frame, rows=np.asarray(keep_n, dtype="int64"), columns=names, path=str(p),
                    sha256="", size=0, fmt="", header_row=header_line, title=title, problems=problems,
                    bad_rows=bad)


_HEAD_BYTES = 1 << 20       # a cp1251 file is decoded only this far: sample lines, header, plausibility
_ORIGINAL_CODECS = ("utf-8", "utf-8-sig", "cp1251")   # "\n" is one byte: lines cut from the bytes


def _damaged_utf8_lines(data: bytes) -> list[int] | None:
    """0-based numbers of the lines that are not valid UTF-8 when the file is UTF-8 but for them, else None.

    UTF-8 it is when few lines are damaged (at most 1 %, at most 1,000) and the multi-byte letters that do
    decode outnumber the damaged bytes tenfold; cp1251 Cyrillic read as UTF-8 fails on nearly every pair
    of letters. A first megabyte that fails this test spares the decoding of the whole file.
    """
    def decoded(chunk: bytes) -> tuple[str, int, int]:
        text = chunk.decode("utf-8", "replace")
        return text, text.count("\ufffd"), len(chunk) - len(text)   # bytes beyond one per character

    text, n_bad, extra = decoded(data[:_HEAD_BYTES])
    if n_bad > max(3, (text.count("\n") + 1) // 100) or extra < 10 * n_bad:
        return None
    text, n_bad, extra = decoded(data)
    limit = min(1000, max(3, (text.count("\n") + 1) // 100))
    if extra < 10 * n_bad:
        return None
    damaged: list[int] = []
    line = prev = 0
    for m in re.finditer("\ufffd", text):
        line += text.count("\n", prev, m.start())
        prev = m.start()
        if not damaged or damaged[-1] != line:
            damaged.append(line)
            if len(damaged) > limit:
                return None
    return damaged


def _decode_table(data: bytes, encoding: str | None, path: str) -> tuple[str, str, bool, list[int]]:
    """(text, encoding, complete, damaged lines) of a text table; :func:`decode_bytes` with two changes
    that matter for big files.

    - cp1251, one byte per character, is decoded only for its first megabyte (``complete`` False): the
      sample lines, the header and the plausibility test need no more, and the body goes to pandas as
      bytes. The whole file is still checked: 0x98 is the one byte cp1251 leaves undefined.
    - a UTF-8 file with a few damaged lines (a byte cut out of a multi-byte letter) is read as UTF-8 with
      the damaged bytes shown as U+FFFD; ``damaged`` lists those lines (0-based) so that their rows are
      rejected, not the whole file.
    """
    if encoding or data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        text, enc = decode_bytes(data, encoding=encoding, path=path)
        return text, enc, True, []
    try:                # the head first: a cp1251 file fails there without a decode of the whole file
        data[:_HEAD_BYTES].decode("utf-8")
        whole = True
    except UnicodeDecodeError as exc:
        whole = exc.start >= min(len(data), _HEAD_BYTES) - 3       # only a letter cut by the sample's end
    if whole:
        try:
            return data.decode("utf-8"), "utf-8", True, []
        except UnicodeDecodeError:
            pass
    damaged = _damaged_utf8_lines(data)
    if damaged is not None:
        return data.decode("utf-8", "replace"), "utf-8", True, damaged
    undefined = data.find(b"\x98")
    if undefined >= 0:
        raise InputError(f"neither UTF-8 nor cp1251 (byte 0x98 at offset {undefined}); "
                         "give the encoding in the import spec", file=path)
    cut = data.rfind(b"\n", 0, _HEAD_BYTES) + 1 if len(data) > _HEAD_BYTES else len(data)
    head = data[:cut or len(data)]
    text = head.decode("cp1251")
    if not _plausible_cp1251(text):
        raise InputError("neither UTF-8 nor Cyrillic cp1251 text; give the encoding in the import spec",
                         file=path)
    return text, "cp1251", len(head) == len(data), []


def _in_background(fn, *args) -> Future:
    """``fn(*args)`` on a thread of its own. Used for work that runs without the GIL (zlib, SHA-256 of big
    buffers), so it takes the second core while the file is parsed and normalised."""
    import threading
    from concurrent.futures import Future

    done: Future = Future()

    def run() -> None:
        try:
            done.set_result(fn(*args))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for the result
            done.set_exception(exc)

    threading.Thread(target=run, name="linkview-background", daemon=True).start()
    return done


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_text(holder: list, p: Path, *, encoding: str | None, delimiter: str | None,
               header_row: int | None, expected: frozenset[str] = frozenset()) -> RawTable:
    """Read a text table. ``holder`` is ``[bytes]``; it is emptied so the bytes can be freed early."""
    import numpy as np
    import pandas as pd

    data = holder.pop()
    text, enc, complete, damaged = _decode_table(data, encoding, str(p))
    codec = codecs.lookup(enc).name
    if codec in _ORIGINAL_CODECS and b"\n" in data:
        from linkview.workspace.blocks import compress_text

        original = _in_background(compress_text, data)
    else:
        original = None
    utf8 = codec in ("utf-8", "utf-8-sig") and not damaged
    # cp1251: one byte per character, so the body can be cut from the bytes at the text's offset and
    # parsed by pandas' C reader in that encoding, without encoding a million lines to UTF-8 first
    one_byte = codec == "cp1251" and (not complete or len(text) == len(data))
    if not utf8 and not one_byte:
        data = None                            # the text is all we need from here
    if "\r" in text and "\n" not in text:          # classic Mac line ends
        text = text.replace("\r", "\n")
        data = original = None
        one_byte = False
    head_lines: list[str] = []
    ends: list[int] = []                           # offset just past each sample line's newline
    pos = 0
    while len(head_lines) < SAMPLE_LINES and pos < len(text):
        nl = text.find("\n", pos)
        nl = len(text) if nl < 0 else nl
        head_lines.append(text[pos:nl].rstrip("\r"))
        pos = nl + 1
        ends.append(pos)
    delim = delimiter or sniff_delimiter(head_lines)
    sample = [_split(ln, delim) for ln in head_lines]
    hi = _header_index(sample, header_row, expected)
    if hi >= len(head_lines):
        raise InputError(f"header row {header_row} is beyond the first {SAMPLE_LINES} lines", file=str(p))
    offset = ends[hi] if hi >= 0 else 0
    title = [ln.strip() for ln in head_lines[:max(hi, 0)] if ln.strip()]
    if hi >= 0:
        names = _unique_names(sample[hi])
    else:
        widths = Counter(len(c) for c in sample if c and any(x.strip() for x in c))
        names = [f"#{i}" for i in range(1, (max(widths) if widths else 1) + 1)]
    ncol = len(names)
    spare = [f"\x00spare{i}" for i in range(_SPARE)]
    first_line = hi + 2 if hi >= 0 else 1       # 1-based line number of the first body line
    problems: list[tuple[int, str, str, str]] = []
    bad: dict[int, list[str]] = {}
    # the body: ``raw[start:]`` (no copy of a big file), bytes that pandas' C parser reads without a
    # Python decoding layer
    body_enc = "utf-8"
    if utf8 and data is not None:              # UTF-8 already: the file's bytes, no re-encoding
        raw, start = data, (3 if data.startswith(b"\xef\xbb\xbf") else 0) + len(text[:offset].encode("utf-8"))
    elif one_byte and data is not None and delim.isascii():   # cp1251: byte offset = character offset
        raw, start, body_enc = data, offset, enc
    else:
        if not complete:
            text = data.decode(enc)
        raw, start = text[offset:].encode("utf-8"), 0
    del text, data
    if raw.find(b"\x00", start) >= 0:
        raise InputError("contains NUL bytes: not a text table (or a damaged file)", file=str(p))
    if not raw[start:start + 65536].strip() and not raw[start:].strip():
        frame = pd.DataFrame({c: pd.Series([], dtype=str) for c in names})
        return RawTable(frame=frame, rows=np.zeros(0, dtype="int64"), columns=names, path=str(p), sha256="",
                        size=0, fmt="csv", encoding=enc, delimiter=delim, header_row=hi + 1, title=title)

    ends_nl = raw.endswith(b"\n")
    n_lines = raw.count(b"\n", start) + (0 if ends_nl else 1)

    def parse(extra: list[str]) -> tuple[pd.DataFrame, bool]:
        body = io.BytesIO(raw)
        body.seek(start)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            got = pd.read_csv(body, sep=delim, header=None, names=names + extra, dtype=str, encoding=body_enc,
                              keep_default_na=False, na_filter=False, skip_blank_lines=False, engine="c",
                              quotechar='"', on_bad_lines="warn", index_col=False)
        return got, not caught and len(got) == n_lines

    # one row per line, none wider than the header: the usual file, parsed once; a line with more cells
    # than the header (pandas warns and skips it) makes a second pass with spare columns that catch them
    frame, fast = parse([])
    if not fast:
        frame, fast = parse(spare)
    else:
        spare = []
    overflow: dict[int, list[str]] = {}
    if fast:
        rows = np.arange(first_line, first_line + len(frame), dtype="int64")
    else:
        frame, rows, overflow = _read_text_slow(raw[start:].decode(body_enc), delim, names, spare, first_line)
    # rows with cells beyond the header
    extra_mask = np.zeros(len(frame), dtype=bool)
    for s in spare:
        extra_mask |= frame[s].to_numpy(dtype=object) != ""
    if extra_mask.any():
        for i in np.flatnonzero(extra_mask):
            n = int(rows[i])
            cells = overflow.get(n) or [str(v) for v in frame.iloc[i].tolist()]
            while cells and cells[-1] == "":
                cells.pop()
            problems.append((n, names[-1], "error", f"row has {len(cells)} cells, the header has {ncol}"))
            bad[n] = cells
    frame = frame.drop(columns=spare)
    # blank lines are not data rows: looked for among the rows whose first cell is empty
    blank = np.zeros(len(frame), dtype=bool)
    maybe = np.flatnonzero(frame[names[0]].to_numpy(dtype=object) == "")
    if maybe.size:
        sub = frame.iloc[maybe]
        blank[maybe] = np.all([sub[c].to_numpy(dtype=object) == "" for c in names], axis=0)
    drop = blank | extra_mask
    _reject_damaged(frame, rows, damaged, names, drop, problems, bad)
    # a last line cut short: fewer cells than the header, and either no newline at the end or a whole line
    # before it (a file cut and closed with a newline)
    if len(frame) and not drop[-1]:
        stop = len(raw) - 1 if ends_nl else len(raw)
        at = raw.rfind(b"\n", start, stop) + 1 or start
        last = raw[at:stop].decode(body_enc).rstrip("\r")
        cells = _split(last, delim)
        cut = not ends_nl
        if not cut and fast and at > start:
            before = raw[raw.rfind(b"\n", start, at - 1) + 1 or start:at - 1].decode(body_enc).rstrip("\r")
            cut = len(_split(before, delim)) == ncol
        if cut and 0 < len(cells) < ncol:
            n = int(rows[-1])
            problems.append((n, names[len(cells) - 1], "error",
                             f"truncated: the last line ends after {len(cells)} of {ncol} cells (file cut short?)"))
            bad[n] = cells
            drop[-1] = True
    if drop.any():
        keep = ~drop
        frame = frame.loc[keep].reset_index(drop=True)
        rows = rows[keep]
    table = RawTable(frame=frame, rows=rows, columns=names, path=str(p), sha256="", size=0, fmt="csv",
                     encoding=enc, delimiter=delim, header_row=hi + 1, title=title, problems=problems,
                     bad_rows=bad)
    if fast and original is not None:
        from linkview.workspace.batch import OriginalText

        table.original = OriginalText(encoding=enc, delimiter=delim, names=names, data_from=first_line,
                                      blocks=original)
    return table


def _reject_damaged(frame: pd.DataFrame, rows: np.ndarray, damaged: list[int], names: list[str],
                    drop: np.ndarray, problems: list, bad: dict) -> None:
    """Rows holding a line that is not valid UTF-8 (``damaged``: 0-based file lines) go to the rejected
    rows, named by the first cell showing the damage (U+FFFD)."""
    import numpy as np

    for line in damaged:
        i = int(np.searchsorted(rows, line + 1, side="right")) - 1     # the row holding that file line
        if i < 0 or drop[i]:
            continue                            # title or header line, or a row already dropped
        cells = [str(v) for v in frame.iloc[i].tolist()]
        column = next((name for name, c in zip(names, cells, strict=True) if "\ufffd" in c), names[0])
        problems.append((int(rows[i]), column, "error",
                         "not valid UTF-8: a damaged byte (shown as \ufffd) in this cell; the rest of the file "
                         "is UTF-8"))
        bad[int(rows[i])] = cells
        drop[i] = True


def _read_text_slow(body: str, delim: str, names: list[str], spare: list[str], first_line: int):
    """Row-exact reading with the csv module: quoted cells with line breaks, very ragged rows."""
    import numpy as np
    import pandas as pd

    width = len(names) + len(spare)
    out: list[list[str]] = []
    starts: list[int] = []
    reader = csv.reader(io.StringIO(body), delimiter=delim, quotechar='"', strict=False)
    prev = 0
    overflow: dict[int, list[str]] = {}
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:
            cells = ["<unreadable line>"]
        start = first_line + prev
        prev = reader.line_num
        if len(cells) > width:
            overflow[start] = cells
            cells = cells[:width - 1] + [delim.join(cells[width - 1:])]
        out.append((cells + [""] * width)[:width])
        starts.append(start)
    frame = pd.DataFrame(out, columns=names + spare, dtype=str) if out else \
        pd.DataFrame({c: pd.Series([], dtype=str) for c in names + spare})
    return frame, np.asarray(starts, dtype="int64"), overflow
