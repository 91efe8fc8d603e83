"""The identifiers of one batch: distinct (kind, key), their ids in the workspace, spellings seen.

Roles: an event names up to four entities (``a``, ``b``, ``dev`` = handset, ``imsi``), a link two
(``a``, ``b``). Optional batch columns ``<role>_note`` and ``<role>_raw`` (the spelling as written in the
file) are used when present; ``dev_valid`` likewise. The first display/valid/note seen for a new entity
is kept; an entity already in the workspace keeps what it has. Every other display (and raw spelling)
seen is recorded as a variant: ``variants`` holds the spellings that differ from the entity's display.

Entities are numbered (codes 0..) in (kind, key) order, the order of the table's unique index, and new
entities get their ids in that order: the INSERT then appends to both the table and the index, twice as
fast as in order of appearance. Ids carry no other meaning; where and when an entity was first seen is
in its sightings. The first sighting, whose display/valid/note a new entity keeps, is the earliest frame
position among events (links only when no event names the entity), the earlier role (a, b, dev, imsi)
winning on one row.

The work per row is integer only: the codes of each text column (ingest hands over Categoricals, whose
codes are used as they are; other columns are factorized once), turned into one numbering of keys across
all columns by a lookup table per column, then ``minimum.at`` for first positions and one sort of integer
(spelling, entity) pairs. Strings are touched once per distinct word, or per distinct (entity, spelling)
where a spelling has to be compared with a display from another column's vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from linkview.errors import WorkspaceError

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Sequence

    import numpy as np
    import pandas as pd

    from linkview.workspace.batch import ImportBatch

__all__ = ["ROLES", "PreparedEntities", "prepare_entities", "insert_rows"]

# table -> (role, kind column or fixed kind, key column, display column, valid column or None)
ROLES: dict[str, tuple[tuple[str, str, str, str, str | None], ...]] = {
    "events": (
        ("a", "a_kind", "a_key", "a_display", "a_valid"),
        ("b", "b_kind", "b_key", "b_display", "b_valid"),
        ("dev", "dev_kind", "dev_key", "dev_display", "dev_valid"),
        ("imsi", "=imsi", "imsi_key", "imsi_display", "imsi_valid"),
    ),
    "links": (
        ("a", "a_kind", "a_key", "a_display", "a_valid"),
        ("b", "b_kind", "b_key", "b_display", "b_valid"),
    ),
}

# Rows per INSERT statement (fewer when SQLite allows fewer bound parameters). The driver's executemany
# spends about as long per statement as SQLite spends inserting a row, so statements of many rows store
# a table ~1.5x faster than one statement per row.
ROWS_PER_STATEMENT = 500


def insert_rows(cur: sqlite3.Cursor, head: str, row: str, columns: Sequence[Sequence[object]]) -> None:
    """``head VALUES row, row, ...`` over the rows of ``columns`` (equal lengths), many rows a statement.

    ``row`` is one row's VALUES tuple: ``?`` per column, SQL literals for constants. Values go to the
    driver as one flat list per statement. Give ints rather than bools: the driver binds exact ints,
    floats, str and None directly but looks for an adapter for anything else, which costs as much again.
    """
    import sqlite3

    import numpy as np

    n = len(columns[0]) if columns else 0
    if not n:
        return
    width = len(columns)
    per = max(1, min(ROWS_PER_STATEMENT, cur.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    values: list[object] = [None] * (n * width)
    for j, col in enumerate(columns):
        values[j::width] = col.tolist() if isinstance(col, np.ndarray) else col
    full = n // per * per
    if full:
        size = per * width
        cur.executemany(f"{head} VALUES {', '.join([row] * per)}",
                        (values[i:i + size] for i in range(0, full * width, size)))
    if n > full:
        cur.execute(f"{head} VALUES {', '.join([row] * (n - full))}", values[full * width:])


@dataclass
class _Part:
    table: str
    role: str
    codes: np.ndarray      # entity code of each frame row, -1 where the role is empty


@dataclass
class PreparedEntities:
    parts: list[_Part]
    kind: np.ndarray               # per entity code (objects): kind, key, first display, valid (0/1), note
    key: np.ndarray
    display: np.ndarray
    valid: np.ndarray
    note: np.ndarray
    variant_codes: np.ndarray      # (code, spelling) seen besides the first display, by code
    variant_spellings: np.ndarray

    def store(self, cur: sqlite3.Cursor) -> tuple[np.ndarray, int]:
        """Upsert into ``entities`` and ``variants``; the id of each code and how many were new.

        Entities already in the workspace are looked up first (by (kind, key), one query per kind; none
        in an empty workspace); the others get ids after the current maximum, in code order, which is
        the order of the (kind, key) index: both the table and its index are appended to. Variants go
        in entity-id order, the order of their table's key.
        """
        import numpy as np

        size = len(self.key)
        top = cur.execute("SELECT max(id) FROM entities").fetchone()[0]
        ids = np.full(size, -1, dtype=np.int64)
        display = self.display
        if top is not None and size:
            display = self.display.copy()
            self._look_up(cur, ids, display)
        new = np.flatnonzero(ids < 0)
        base = (top or 0) + 1
        ids[new] = np.arange(base, base + len(new), dtype=np.int64)
        rows = slice(None) if len(new) == size else new
        insert_rows(cur, "INSERT INTO entities (id, kind, key, display, valid, note)", "(?, ?, ?, ?, ?, ?)",
                    [ids[rows], self.kind[rows], self.key[rows], self.display[rows], self.valid[rows],
                     self.note[rows]])
        codes, spellings = self.variant_codes, self.variant_spellings
        if len(new) < size:
            # a known entity keeps its display: a spelling equal to it is no variant, the batch's first
            # display (when it differs) is one
            is_known = np.ones(size, dtype=bool)
            is_known[new] = False
            at = np.flatnonzero(is_known[codes])
            drop = at[spellings[at] == display[codes[at]]]
            known = np.flatnonzero(is_known)
            changed = known[display[known] != self.display[known]]
            codes = np.concatenate([np.delete(codes, drop), changed])
            spellings = np.concatenate([np.delete(spellings, drop), self.display[changed]])
        entity = ids[codes]
        if len(entity) > 1 and not bool((entity[1:] >= entity[:-1]).all()):
            order = np.argsort(entity)
            entity, spellings = entity[order], spellings[order]
        insert_rows(cur, "INSERT OR IGNORE INTO variants (entity_id, spelling)", "(?, ?)", [entity, spellings])
        return ids, len(new)

    def _look_up(self, cur: sqlite3.Cursor, ids: np.ndarray, display: np.ndarray) -> None:
        """Fill ``ids`` and ``display`` of the codes whose (kind, key) the workspace already has.

        The keys go in as one JSON array per kind; ``json_each`` drives the join (CROSS JOIN keeps it
        outside, so each key is one probe of the (kind, key) index) and its ``key`` is the array position.
        The answer comes back as three JSON arrays: a row per found key would cost more than the join.
        """
        import json

        import numpy as np
        import pandas as pd

        kind_codes, kinds = pd.factorize(self.kind)
        for k, kind in enumerate(kinds.tolist()):
            sel = np.flatnonzero(kind_codes == k)
            at, found, shown = cur.execute(
                "SELECT json_group_array(j.key), json_group_array(e.id), json_group_array(e.display) "
                "FROM json_each(?) AS j CROSS JOIN entities AS e ON e.kind = ? AND e.key = j.value",
                (json.dumps(self.key[sel].tolist(), ensure_ascii=False), kind)).fetchone()
            hit = sel[np.asarray(json.loads(at), dtype=np.int64)]
            ids[hit] = np.asarray(json.loads(found), dtype=np.int64)
            display[hit] = np.asarray(json.loads(shown), dtype=object)

    def role_codes(self) -> dict[tuple[str, str], np.ndarray]:
        """(table, role) -> entity code per frame row, ``-1`` where the role is empty."""
        return {(part.table, part.role): part.codes for part in self.parts}

    @staticmethod
    def role_ids(codes: dict[tuple[str, str], np.ndarray], ids: np.ndarray) -> dict[tuple[str, str], np.ndarray]:
        """(table, role) -> entity id per frame row, ``-1`` where the role is empty."""
        import numpy as np

        lookup = np.append(ids.astype(np.int64), -1)  # code -1 reads the last entry
        return {name: lookup[c] for name, c in codes.items()}


@dataclass
class _Text:
    """A text column as codes (-1 for missing) into distinct words; "" is a word here, read as missing."""

    codes: np.ndarray
    words: np.ndarray


def _coded(series: pd.Series) -> _Text:
    """A categorical column (what ingest hands over) gives its codes as they are; any other column is
    factorized once. Words that are not text become their ``str`` form (numbered again: two may meet)."""
    import numpy as np
    import pandas as pd

    if isinstance(series.dtype, pd.CategoricalDtype):
        codes = np.asarray(series.array.codes)
        words = np.asarray(series.cat.categories, dtype=object)
    else:
        if not (pd.api.types.is_string_dtype(series) or series.dtype == object):
            series = series.astype(str).where(series.notna(), None)
        # the array as it is (no copy for str columns); factorize takes any missing value for -1
        codes, words = pd.factorize(series.to_numpy(dtype=object), use_na_sentinel=True)
        words = np.asarray(words, dtype=object)
    if pd.api.types.infer_dtype(words, skipna=False) not in ("string", "empty"):
        again, words = pd.factorize(np.asarray([str(w) for w in words], dtype=object))
        codes = np.append(again, -1)[codes]
        words = np.asarray(words, dtype=object)
    return _Text(codes, words)


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal word arrays: ingest gives the a and b columns one set of categories (as equal copies)."""
    import numpy as np

    if a is b:
        return True
    return len(a) == len(b) and (not len(a) or bool(a[0] == b[0] and a[-1] == b[-1] and np.array_equal(a, b)))


class _Words:
    """Word arrays of several columns, numbered one after the other (an array equal to one already
    added is not added again): ``offsets[i]`` is where array ``i`` starts."""

    def __init__(self) -> None:
        self.arrays: list[np.ndarray] = []
        self.offsets: list[int] = [0]
        self._all: np.ndarray | None = None      # all arrays end to end, made when first read

    def add(self, words: np.ndarray) -> int:
        for i, seen in enumerate(self.arrays):
            if _same(seen, words):
                return i
        self.arrays.append(words)
        self.offsets.append(self.offsets[-1] + len(words))
        return len(self.arrays) - 1

    def lookup(self, i: int, numbers: np.ndarray) -> np.ndarray:
        """Array ``i``'s word codes -> ``numbers`` of its words; "" and a missing cell (-1) -> -1."""
        import numpy as np

        words = self.arrays[i]
        return np.append(np.where(words == "", -1, numbers), -1).astype(np.int32)

    def vocabulary(self, numbers: np.ndarray) -> np.ndarray:
        """Which array each position of the numbering (all >= 0) belongs to."""
        import numpy as np

        return np.searchsorted(np.asarray(self.offsets[1:]), numbers, side="right")

    def texts(self, numbers: np.ndarray) -> np.ndarray:
        """The words at positions of the numbering (all >= 0)."""
        import numpy as np

        if self._all is None:
            self._all = np.concatenate(self.arrays) if self.arrays else np.zeros(0, dtype=object)
        return self._all[numbers]


@dataclass
class _Columns:
    """The columns of one role: key, kind (None: a fixed kind), display and raw spelling, and where their
    words sit in the key, kind and spelling numberings."""

    table: str
    role: str
    frame: pd.DataFrame
    valid_col: str | None
    key: _Text | None = None
    kind: _Text | None = None
    display: _Text | None = None
    raw: _Text | None = None
    key_i: int = -1
    kind_i: int = -1
    key_spelling_i: int = -1
    display_i: int = -1
    raw_i: int = -1


def _columns(frame: pd.DataFrame, table: str, role: str, kind_col: str, key_col: str, display_col: str,
             valid_col: str | None, keys: _Words, kinds: _Words, spellings: _Words) -> _Columns:
    import numpy as np

    out = _Columns(table, role, frame, valid_col)
    if key_col not in frame.columns or not len(frame):
        return out
    out.key = _coded(frame[key_col])
    out.key_i = keys.add(out.key.words)
    out.key_spelling_i = spellings.add(out.key.words)       # a cell without display shows its key
    if kind_col.startswith("="):
        out.kind_i = kinds.add(np.array([kind_col[1:]], dtype=object))
    else:
        out.kind = _coded(frame[kind_col])
        out.kind_i = kinds.add(out.kind.words)
    if display_col in frame.columns:
        out.display = _coded(frame[display_col])
        out.display_i = spellings.add(out.display.words)
    if f"{role}_raw" in frame.columns:
        out.raw = _coded(frame[f"{role}_raw"])
        out.raw_i = spellings.add(out.raw.words)
    return out


def _numbering(words: _Words) -> tuple[list[np.ndarray], np.ndarray]:
    """One number per distinct word over all arrays: (lookup table of each array, the distinct words)."""
    import numpy as np
    import pandas as pd

    if not words.arrays:
        return [], np.zeros(0, dtype=object)
    if len(words.arrays) == 1:              # categories and factorize uniques are distinct already
        numbers, uniques = np.arange(len(words.arrays[0])), words.arrays[0]
    else:
        numbers, uniques = pd.factorize(np.concatenate(words.arrays))
    lookups = [words.lookup(i, numbers[words.offsets[i]:words.offsets[i + 1]]) for i in range(len(words.arrays))]
    return lookups, np.asarray(uniques, dtype=object)


def _first_valid(frame: pd.DataFrame, col: str | None, rows: np.ndarray) -> np.ndarray:
    """0/1 of the valid column at ``rows``; a missing column or flag counts as valid."""
    import numpy as np

    if col is None or col not in frame.columns:
        return np.ones(len(rows), dtype=np.int64)
    values = frame[col]
    if values.dtype == bool:
        return values.to_numpy()[rows].astype(np.int64)
    picked = values.iloc[rows]
    return picked.astype(object).where(picked.notna(), True).to_numpy(dtype=object).astype(bool).astype(np.int64)


def _first_note(frame: pd.DataFrame, col: str, rows: np.ndarray) -> np.ndarray:
    import numpy as np
    import pandas as pd

    if col not in frame.columns:
        return np.full(len(rows), "", dtype=object)
    picked = frame[col].iloc[rows]
    if not (pd.api.types.is_string_dtype(picked) or picked.dtype == object):
        picked = picked.astype(str).where(picked.notna(), "")
    return picked.to_numpy(dtype=object, na_value="")


def _sorted_order(words: np.ndarray) -> np.ndarray:
    """Positions of ``words`` in sorted order. Python compares str by code point, which is the byte
    order of UTF-8: SQLite's BINARY collation, the order of the (kind, key) index."""
    import numpy as np

    values = words.tolist()
    return np.asarray(sorted(range(len(values)), key=values.__getitem__), dtype=np.int64)


@dataclass
class _Rows:
    """Where the entities of one role are: per frame row and per entity present."""

    dense: np.ndarray      # dense entity number of each row, -1 where the role is empty
    here: np.ndarray       # dense numbers of the entities present
    at: np.ndarray         # the frame position of each one's first row


def _first_rows(numbers: np.ndarray, size: int, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(numbers present, position of each one's first row) of numbers 0..size-1 per row (-1: none)."""
    import numpy as np

    first = np.full(size + 1, len(positions), dtype=np.int32)
    np.minimum.at(first, numbers, positions[:len(numbers)])     # -1 lands on the spare last entry
    here = np.flatnonzero(first[:-1] < len(positions))
    return here, first[here].astype(np.int64)


def _entity_rows(batch: ImportBatch, cols: list[_Columns], key_lookups: list[np.ndarray], key_words: np.ndarray,
                 kind_lookups: list[np.ndarray], positions: np.ndarray) -> tuple[list[_Rows | None], np.ndarray]:
    """Dense entity numbers of every role's rows: (rows of each role, (kind, key number) of each number).

    An entity is a key under the kind it is first given (in role order, then row order): its dense
    number is the key's number. A key also seen under another kind is another entity, numbered after
    all keys. A role with one kind (a fixed kind, or one kind in its column) finds such rows from its
    distinct keys, without another pass over its rows.
    """
    import numpy as np
    import pandas as pd

    n_keys = len(key_words)
    first_kind = np.full(n_keys + 1, -1, dtype=np.int64)
    keyed: list[tuple[np.ndarray, np.ndarray | int, np.ndarray, np.ndarray] | None] = []
    for c in cols:
        if c.key is None:
            keyed.append(None)
            continue
        k = key_lookups[c.key_i][c.key.codes]
        kd = _kind_rows(batch, c, k, kind_lookups[c.kind_i], key_words)
        here, at = _first_rows(k, n_keys, positions)
        kind_here = kd if isinstance(kd, int) else kd[at]
        unset = first_kind[here] < 0
        first_kind[here[unset]] = kind_here if isinstance(kd, int) else kind_here[unset]
        keyed.append((k, kd, here, at))
    odd_rows: list[np.ndarray | None] = []
    for item in keyed:
        if item is None:
            odd_rows.append(None)
        elif isinstance(item[1], int):
            k, kd, here, _at = item
            other = np.zeros(n_keys + 1, dtype=bool)
            other[here[first_kind[here] != kd]] = True
            odd_rows.append(np.flatnonzero(other[k]) if other.any() else np.zeros(0, dtype=np.int64))
        else:
            k, kd, _here, _at = item
            odd_rows.append(np.flatnonzero((k >= 0) & (kd != first_kind[k])))
    width = np.int64(max(n_keys, 1))
    odd_pairs = [(item[1] if isinstance(item[1], int) else item[1][o]) * width + item[0][o]
                 for item, o in zip(keyed, odd_rows, strict=True) if item is not None]
    odd_codes, odd_uniques = pd.factorize(np.concatenate(odd_pairs) if odd_pairs else np.zeros(0, np.int64))
    n_dense = n_keys + len(odd_uniques)
    rows: list[_Rows | None] = []
    done = 0
    for item, o in zip(keyed, odd_rows, strict=True):
        if item is None:
            rows.append(None)
            continue
        k, _kd, here, at = item
        if o.size:
            k = k.copy()
            k[o] = n_keys + odd_codes[done:done + o.size]
            done += o.size
            here, at = _first_rows(k, n_dense, positions)
        rows.append(_Rows(k, here, at))
    pairs = np.asarray(odd_uniques, dtype=np.int64)
    kind_of = np.concatenate([first_kind[:n_keys], pairs // width])
    key_of = np.concatenate([np.arange(n_keys, dtype=np.int64), pairs % width])
    return rows, np.stack([kind_of, key_of])


def _kind_rows(batch: ImportBatch, c: _Columns, keys: np.ndarray, lookup: np.ndarray,
               key_words: np.ndarray) -> np.ndarray | int:
    """The kind number of each row of a role, or the one number when the role has one kind; a filled
    key without a kind is refused."""
    import numpy as np

    if c.kind is None:
        return int(lookup[0])
    kinds = lookup[c.kind.codes]
    blank = np.flatnonzero((keys >= 0) & (kinds < 0))
    if blank.size:
        row = int(c.frame["row"].iloc[blank[0]])
        raise WorkspaceError(f"import of {batch.source.name}: {c.table} row {row}: {c.role} identifier "
                             f"{key_words[keys[blank[0]]]!r} has no kind")
    one = np.unique(lookup[lookup >= 0])
    return int(one[0]) if len(one) == 1 else kinds


def _sight(cols: list[_Columns], rows: list[_Rows | None], n_dense: int, n_max: int) -> np.ndarray:
    """Per dense number, its first sighting as one integer: (events before links, position, role)."""
    import numpy as np

    sight = np.full(n_dense, np.iinfo(np.int64).max, dtype=np.int64)
    for p, (c, r) in enumerate(zip(cols, rows, strict=True)):
        if r is not None:
            rank = 0 if c.table == "events" else 1
            sight[r.here] = np.minimum(sight[r.here], (rank * n_max + r.at) * len(cols) + p)
    return sight


def prepare_entities(batch: ImportBatch) -> PreparedEntities:
    """Collect every filled role cell of the batch and number the distinct (kind, key) in sorted order."""
    import numpy as np

    keys, kinds, spellings = _Words(), _Words(), _Words()
    cols = [_columns(frame, table, role, kind_col, key_col, display_col, valid_col, keys, kinds, spellings)
            for table, frame in (("events", batch.events), ("links", batch.links))
            for role, kind_col, key_col, display_col, valid_col in ROLES[table]]
    key_lookups, key_words = _numbering(keys)
    kind_lookups, kind_words = _numbering(kinds)
    spelling_lookups = [spellings.lookup(i, np.arange(spellings.offsets[i], spellings.offsets[i + 1]))
                        for i in range(len(spellings.arrays))]
    n_max = max(len(batch.events), len(batch.links)) + 1
    positions = np.arange(n_max, dtype=np.int32)
    rows, kind_key = _entity_rows(batch, cols, key_lookups, key_words, kind_lookups, positions)
    sight = _sight(cols, rows, kind_key.shape[1], n_max)

    # codes in (kind, key) order: new entities get their ids in the order of the (kind, key) index
    seen = np.flatnonzero(sight != np.iinfo(np.int64).max)
    kind_code, key_code = kind_key[:, seen]
    by_key = _sorted_order(key_words[key_code])
    kind_rank = np.empty(len(kind_words), dtype=np.int64)
    kind_rank[_sorted_order(kind_words)] = np.arange(len(kind_words))
    order = by_key[np.argsort(kind_rank[kind_code[by_key]], kind="stable")]
    size = len(order)
    code_of = np.full(kind_key.shape[1] + 1, -1, dtype=np.int32)      # -1 (role empty) stays -1
    code_of[seen[order]] = np.arange(size, dtype=np.int32)
    parts = [_Part(c.table, c.role, np.full(len(c.frame), -1, dtype=np.int32) if r is None else code_of[r.dense])
             for c, r in zip(cols, rows, strict=True)]

    # the first sighting's display (its key where it has none), valid and note
    first = sight[seen[order]]
    winner, at_row = first % len(cols), first // len(cols) % n_max
    first_spelling = np.full(size, -1, dtype=np.int64)
    valid = np.ones(size, dtype=np.int64)
    note = np.full(size, "", dtype=object)
    for p, c in enumerate(cols):
        sel = np.flatnonzero(winner == p)
        if not sel.size:
            continue
        at = at_row[sel]
        first_spelling[sel] = _shown(c, at, spelling_lookups)
        valid[sel] = _first_valid(c.frame, c.valid_col, at)
        note[sel] = _first_note(c.frame, f"{c.role}_note", at)
    display = spellings.texts(first_spelling)

    codes, spelled = _variants(cols, rows, code_of, positions, first_spelling, display, spellings,
                               spelling_lookups)
    if batch.spellings is not None and len(batch.spellings):
        codes, spelled = _more_spellings(batch.spellings, kind_words[kind_code[order]], key_words[key_code[order]],
                                         display, codes, spelled)
    return PreparedEntities(parts=parts, kind=kind_words[kind_code[order]], key=key_words[key_code[order]],
                            display=display, valid=valid, note=note, variant_codes=codes,
                            variant_spellings=spelled)


def _shown(c: _Columns, rows: np.ndarray, lookups: list[np.ndarray]) -> np.ndarray:
    """Spelling number of the display at ``rows`` of a role, its key where the display is empty."""
    import numpy as np

    key = lookups[c.key_spelling_i][c.key.codes[rows]]
    if c.display is None:
        return key
    shown = lookups[c.display_i][c.display.codes[rows]]
    return np.where(shown >= 0, shown, key)


def _variants(cols: list[_Columns], rows: list[_Rows | None], code_of: np.ndarray, positions: np.ndarray,
              first_spelling: np.ndarray, display: np.ndarray, spellings: _Words,
              lookups: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The (code, spelling) pairs besides each code's first display, sorted by code.

    A role contributes the display (or key) at each entity's first position in it, every other display
    and every raw spelling. A word of a column is taken with the entity of its first row, and again only
    on rows of another entity (a spelling names one entity but for rare exceptions), so few pairs reach
    the sort. Pairs stay integers (code, spelling number) until they are distinct; a spelling is then
    compared as text only with a first display from another column's vocabulary. One text in two
    vocabularies (rare: a raw spelling that is also another column's display) gives two equal pairs:
    the INSERT OR IGNORE of the variants keeps one, so they are not compared here.
    """
    import numpy as np

    n_codes = np.int64(max(len(display), 1))
    chunks = []
    for c, r in zip(cols, rows, strict=True):
        if r is None:
            continue
        d = r.dense
        chunks.append(_shown(c, r.at, lookups) * n_codes + code_of[r.here])
        for text, i in ((c.display, c.display_i), (c.raw, c.raw_i)):
            # a display numbered like the key (ingest's, made from the key) is the one at the first row
            if text is None or (text is c.display and np.array_equal(text.codes, c.key.codes)):
                continue
            used, first = _first_rows(text.codes, len(text.words), positions)
            owner = np.full(len(text.words) + 1, -1, dtype=np.int32)    # entity of each word's first row
            owner[used] = d[first]
            ok = used[(owner[used] >= 0) & (lookups[i][used] >= 0)]
            chunks.append(lookups[i][ok] * n_codes + code_of[owner[ok]])
            other = np.flatnonzero((d != owner[text.codes]) & (d >= 0) & (text.codes >= 0))
            number = lookups[i][text.codes[other]]
            other, number = other[number >= 0], number[number >= 0]
            chunks.append(number * n_codes + code_of[d[other]])
    if not chunks:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=object)
    # (spelling, code) pairs in spelling order: the texts are then read in the order they sit in memory
    pairs = np.sort(np.concatenate(chunks))
    pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]] if len(pairs) else pairs
    number, codes = pairs // n_codes, pairs % n_codes
    keep = np.flatnonzero(number != first_spelling[codes])
    number, codes = number[keep], codes[keep]
    vocab = spellings.vocabulary(first_spelling)
    cross = np.flatnonzero(spellings.vocabulary(number) != vocab[codes])
    same = cross[spellings.texts(number[cross]) == display[codes[cross]]]
    if same.size:
        number, codes = np.delete(number, same), np.delete(codes, same)
    order = np.argsort(codes)
    return codes[order], spellings.texts(number[order])


def _more_spellings(extra: pd.DataFrame, kinds: np.ndarray, keys: np.ndarray, display: np.ndarray,
                    codes: np.ndarray, spelled: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The variants plus ``batch.spellings`` (kind, key, spelling) of this batch's entities, by code; a
    spelling equal to the display, empty, or of an entity the batch does not name is left out."""
    import numpy as np
    import pandas as pd

    at = pd.MultiIndex.from_arrays([kinds, keys]).get_indexer(
        pd.MultiIndex.from_arrays([extra["kind"].astype(str).to_numpy(dtype=object),
                                   extra["key"].astype(str).to_numpy(dtype=object)]))
    text = extra["spelling"].to_numpy(dtype=object, na_value="")
    ok = np.flatnonzero(at >= 0)
    ok = ok[np.asarray([isinstance(t, str) and t != "" for t in text[ok]], dtype=bool)]
    ok = ok[text[ok] != display[at[ok]]]
    if not ok.size:
        return codes, spelled
    codes = np.concatenate([codes, at[ok].astype(codes.dtype)])
    spelled = np.concatenate([spelled, text[ok].astype(object)])
    order = np.argsort(codes, kind="stable")
    return codes[order], spelled[order]
