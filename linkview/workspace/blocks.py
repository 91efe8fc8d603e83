"""Column blocks: the event store of each source, and the raw cells of each imported file.

SQLite hands rows back one Python object per value, which costs ~0.2 µs each, and takes them in at ~3 µs
per row: 20 columns of a million events would take seconds either way. So the events of each source are
stored as column blocks (``event_blocks``), written once in the import's transaction and never updated in
place: a small JSON header followed by the raw little-endian numpy arrays (text columns as codes into a
vocabulary kept in the header). They are the complete record of the events; ``ws.events()``, provenance
and ``source_row`` read them.

The raw text cells of every imported file go into ``source_cells`` blocks the same way (one block per
:data:`CELL_ROWS` rows): the file row numbers, and per column either codes into a vocabulary (few distinct
values) or the cells themselves, each vocabulary stored as one UTF-8 text with the end offset of every
entry (:func:`text_column`), so a million cells cost a join and an encode, not a million Python calls.
Nothing is pickled: only plain dtypes are written, and the header is JSON.

A text file whose every data row is one line keeps, instead of parsed cells, its own bytes: the file cut
at the first line end past every :data:`TEXT_BYTES` bytes, each piece zlib-compressed (:func:`compress_text`, run on a second
core while the file is normalised: zlib works without the GIL). These ``lvtext1`` blocks hold the
evidence exactly as received (joined again they give the file, whose SHA-256 the source records) and
``source_row`` cuts a row's cells from its line with the encoding and delimiter kept in the block header.
"""

from __future__ import annotations

import json
import struct
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

__all__ = ["BLOCK_ROWS", "CELL_ROWS", "FORMAT", "encode", "decode", "decode_meta", "text_codes", "text_column",
           "text_values", "encode_cells", "cells_of_row", "JSON_CELLS", "series_codes", "TEXT_BYTES", "TextBlock",
           "compress_text", "encode_text", "text_block_bytes", "is_text_block"]

BLOCK_ROWS = 1_000_000       # events per block
CELL_ROWS = 131_072          # file rows per block of raw cells (source_row reads one block)
FORMAT = "lvcols1"
JSON_CELLS = "\x00json"      # the one cell column of batches that gave each row's cells as JSON
TEXT_BYTES = 4 << 20         # bytes of an original text file per lvtext1 block (before zlib), cut at a line end
TEXT_MAGIC = b"LVTEXT1\x00"
_ALLOWED = {"<i1", "|i1", "<i2", "<i4", "<i8", "|u1", "<u2", "<u4", "<u8", "<f8", "<f4", "|b1"}


def text_codes(values: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Codes and vocabulary of an object array of text (None/"" coded as -1)."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    vocab = [str(u) for u in uniques]
    if "" in vocab:  # empty text is stored as missing
        empty = vocab.index("")
        codes = np.where(codes == empty, -1, codes - (codes > empty))
        vocab.pop(empty)
    if len(vocab) < 127:
        dtype = np.int8
    elif len(vocab) < 32767:
        dtype = np.int16
    else:
        dtype = np.int32
    return codes.astype(dtype), vocab


def series_codes(series: Any) -> tuple[np.ndarray, list[str]]:
    """:func:`text_codes` of a pandas column; a categorical column gives its own codes (no hashing)."""
    import numpy as np
    import pandas as pd

    if isinstance(series.dtype, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy().astype(np.int64)
        words = np.asarray(series.cat.categories, dtype=object)
        used = np.zeros(len(words) + 1, dtype=bool)
        used[codes] = True                                  # code -1 marks the last slot
        keep = np.flatnonzero(used[:-1] & (words != ""))
        remap = np.full(len(words) + 1, -1, dtype=np.int64)
        remap[keep] = np.arange(len(keep))
        codes = remap[codes]
        vocab = words[keep].tolist()
        dtype = np.int8 if len(vocab) < 127 else np.int16 if len(vocab) < 32767 else np.int32
        return codes.astype(dtype), vocab
    return text_codes(series.to_numpy(dtype=object, na_value=None))


def encode(columns: dict[str, Any], *, meta: dict[str, Any] | None = None, ragged: bool = False) -> bytes:
    """``columns``: name -> numpy array, or (codes, vocabulary) for text. All of one length unless
    ``ragged`` (then ``n`` is the length of the first column). ``meta``: JSON-able, kept in the header."""
    import numpy as np

    header: dict[str, Any] = {"format": FORMAT, "columns": []}
    if meta is not None:
        header["meta"] = meta
    chunks = []
    offset = 0
    n = None
    for name, value in columns.items():
        vocab = None
        if isinstance(value, tuple):
            value, vocab = value
        arr = np.ascontiguousarray(value)
        if arr.dtype.byteorder == ">":
            arr = arr.astype(arr.dtype.newbyteorder("<"))
        if arr.dtype.str not in _ALLOWED:
            raise TypeError(f"column {name}: dtype {arr.dtype} cannot go into a block")
        if n is None:
            n = len(arr)
        elif len(arr) != n and not ragged:
            raise ValueError(f"column {name} has {len(arr)} values, expected {n}")
        pad = (-offset) % 8
        if pad:
            chunks.append(b"\x00" * pad)
            offset += pad
        entry: dict[str, Any] = {"name": name, "dtype": arr.dtype.str, "offset": offset, "nbytes": arr.nbytes}
        if vocab is not None:
            entry["vocab"] = vocab
        header["columns"].append(entry)
        chunks.append(arr.tobytes())
        offset += arr.nbytes
    header["n"] = n or 0
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    return struct.pack("<Q", len(head)) + head + b"".join(chunks)


def decode(data: bytes) -> tuple[int, dict[str, Any]]:
    """(number of rows, name -> array, or (codes, vocabulary) for text) of one block."""
    n, out, _meta = decode_meta(data)
    return n, out


def decode_meta(data: bytes) -> tuple[int, dict[str, Any], dict[str, Any]]:
    """:func:`decode` and the block's ``meta`` (``{}`` when none)."""
    import numpy as np

    (size,) = struct.unpack_from("<Q", data, 0)
    header = json.loads(bytes(data[8:8 + size]).decode("utf-8"))
    if header.get("format") != FORMAT:
        raise ValueError(f"unknown column block format {header.get('format')!r}")
    base = 8 + size
    out: dict[str, Any] = {}
    for col in header["columns"]:
        if col["dtype"] not in _ALLOWED:
            raise ValueError(f"column {col['name']}: unexpected dtype {col['dtype']}")
        dtype = np.dtype(col["dtype"])
        arr = np.frombuffer(data, dtype=dtype, count=col["nbytes"] // dtype.itemsize, offset=base + col["offset"])
        out[col["name"]] = (arr, col["vocab"]) if "vocab" in col else arr
    return int(header["n"]), out, header.get("meta") or {}


def _utf8_ends(words: list[str]) -> tuple[np.ndarray, bytes]:
    """(end offset of each word, the words' UTF-8 bytes joined): one join and one encode."""
    import numpy as np

    text = "".join(words)
    data = text.encode("utf-8", "surrogatepass")
    if len(data) == len(text):   # ASCII: byte lengths are character lengths
        lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    else:
        lengths = np.fromiter((len(w.encode("utf-8", "surrogatepass")) for w in words), dtype=np.int64,
                              count=len(words))
    return np.cumsum(lengths), data


def text_column(values: np.ndarray) -> dict[str, Any]:
    """One column of raw text cells as arrays for :func:`encode` (``ragged``): ``codes`` into a vocabulary
    when values repeat (none when every cell is its own entry), ``ends`` and ``text`` (UTF-8) of the
    vocabulary. ``None`` / NA cells are stored as ""."""
    import numpy as np
    import pandas as pd

    values = np.asarray(values, dtype=object)
    n = len(values)
    sample = values[:: max(n // 2000, 1)]
    repeats = len(sample) and len(pd.unique(sample)) <= 0.5 * len(sample)
    if repeats:
        codes, uniques = pd.factorize(values, use_na_sentinel=False)
        words = [w if isinstance(w, str) else ("" if w is None or w != w else str(w)) for w in uniques]
        codes = codes.astype(np.int32 if len(words) >= 32767 else np.int16)
    else:
        codes = None
        words = values.tolist()
    try:
        ends, data = _utf8_ends(words)
    except TypeError:   # a cell that is not text (NA, a number): its text, "" for missing
        words = [w if isinstance(w, str) else ("" if w is None or w != w else str(w)) for w in words]
        ends, data = _utf8_ends(words)
    out = {"ends": ends.astype(np.uint32 if len(data) < 2**32 else np.uint64),
           "text": np.frombuffer(data, dtype=np.uint8)}
    if codes is not None:
        out["codes"] = codes
    return out


def text_values(ends: np.ndarray, text: np.ndarray, codes: np.ndarray | None, positions: Any) -> list[str]:
    """The cells at ``positions`` of a column stored by :func:`text_column`."""
    import numpy as np

    pos = np.atleast_1d(np.asarray(positions, dtype=np.int64))
    entries = pos if codes is None else codes[pos].astype(np.int64)
    out = []
    for e in entries.tolist():
        start = int(ends[e - 1]) if e > 0 else 0
        out.append(text[start:int(ends[e])].tobytes().decode("utf-8", "surrogatepass"))
    return out


def encode_cells(names: list[str], rows: np.ndarray, columns: list[np.ndarray]) -> bytes:
    """One block of a file's raw cells: ``rows`` (file row numbers) and one text column per name."""
    import numpy as np

    arrays: dict[str, Any] = {"rows": np.asarray(rows, dtype=np.int64)}
    for j, col in enumerate(columns):
        for part, arr in text_column(col).items():
            arrays[f"{j}.{part}"] = arr
    return encode(arrays, meta={"names": [str(x) for x in names]}, ragged=True)


def cells_of_row(data: bytes, row: int) -> dict[str, str] | None:
    """``{column: cell}`` of file row ``row`` in one block of :func:`encode_cells` or :func:`encode_text`,
    or None (not in the block; for a text block also a line that is not one data row of the header's width:
    those rows are kept with the rejected ones)."""
    import numpy as np

    if is_text_block(data):
        return _text_row(data, row)
    _n, cols, meta = decode_meta(data)
    hit = np.flatnonzero(cols["rows"] == row)
    if not hit.size:
        return None
    p = int(hit[0])
    names = meta.get("names", [])
    return {name: text_values(cols[f"{j}.ends"], cols[f"{j}.text"], cols.get(f"{j}.codes"), p)[0]
            for j, name in enumerate(names)}


# ---- the original bytes of a text file ------------------------------------------------------------------

TextBlock = tuple[int, int, bytes]
"""``(first_line, n_lines, zlib payload)`` of one piece of an original text file (lines 1-based)."""


def compress_text(data: bytes, block_bytes: int | None = None) -> list[TextBlock]:
    """``data`` cut at the first line end past every ``block_bytes`` bytes, each piece zlib-compressed
    (level 1). zlib runs without the GIL, so a thread doing this keeps the interpreter free for the
    import's own work."""
    import zlib

    size = block_bytes or TEXT_BYTES
    out, start, line = [], 0, 1
    while start < len(data):
        stop = data.find(b"\n", start + size - 1) + 1 or len(data)
        n_lines = data.count(b"\n", start, stop) + (data[stop - 1:stop] != b"\n")   # a last line without \n
        out.append((line, n_lines, zlib.compress(data[start:stop], 1)))
        line += n_lines
        start = stop
    return out


def encode_text(block: TextBlock, *, encoding: str, delimiter: str, names: list[str], data_from: int) -> bytes:
    """One lvtext1 block: magic, a JSON header (how to read its lines as rows), the zlib payload.

    ``data_from``: the file line of the first data row (lines above are title and header)."""
    first, n_lines, payload = block
    head = json.dumps({"format": "lvtext1", "first_line": int(first), "n_lines": int(n_lines),
                       "encoding": encoding, "delimiter": delimiter, "names": [str(x) for x in names],
                       "data_from": int(data_from)}, ensure_ascii=False).encode("utf-8")
    return TEXT_MAGIC + struct.pack("<Q", len(head)) + head + payload


def is_text_block(data: bytes) -> bool:
    return bytes(data[:len(TEXT_MAGIC)]) == TEXT_MAGIC


def _text_header(data: bytes) -> tuple[dict[str, Any], int]:
    (size,) = struct.unpack_from("<Q", data, len(TEXT_MAGIC))
    start = len(TEXT_MAGIC) + 8
    return json.loads(bytes(data[start:start + size]).decode("utf-8")), start + size


def text_block_bytes(data: bytes) -> bytes:
    """The original bytes held by one lvtext1 block."""
    import zlib

    _head, at = _text_header(data)
    return zlib.decompress(bytes(data[at:]))


def _text_row(data: bytes, row: int) -> dict[str, str] | None:
    import csv

    head, _at = _text_header(data)
    first, n_lines = int(head["first_line"]), int(head["n_lines"])
    if row < max(first, int(head.get("data_from", 1))) or row >= first + n_lines:
        return None
    raw = _nth_line(text_block_bytes(data), row - first)
    if first == 1 and row == 1 and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    line = raw.decode(head["encoding"], "replace").rstrip("\r")
    names = head["names"]
    try:
        cells = next(csv.reader([line], delimiter=head["delimiter"], quotechar='"'))
    except (StopIteration, csv.Error):
        return None
    if len(cells) != len(names):
        return None
    return dict(zip(names, cells, strict=True))


def _nth_line(text: bytes, k: int) -> bytes:
    """Line ``k`` (0-based) of ``text``, without its newline."""
    start = 0
    for _ in range(k):
        start = text.index(b"\n", start) + 1
    stop = text.find(b"\n", start)
    return text[start:] if stop < 0 else text[start:stop]
