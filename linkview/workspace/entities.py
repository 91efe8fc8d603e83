"""The identifiers of one batch: distinct (kind, key), their ids in the workspace, spellings seen.

Roles: an event names up to four entities (``a``, ``b``, ``dev`` = handset, ``imsi``), a link two
(``a``, ``b``). Optional batch columns ``<role>_note`` and ``<role>_raw`` (the spelling as written in the
file) are used when present; ``dev_valid`` likewise. The first display/valid/note seen for a new entity
is kept; an entity already in the workspace keeps what it has. Every other display (and raw spelling)
seen is recorded as a variant: ``variants`` holds the spellings that differ from the entity's display.

The work per row is one ``pandas.factorize`` of each role's key column; everything else runs on the
distinct values of a role, then across roles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linkview.errors import WorkspaceError

if TYPE_CHECKING:
    import sqlite3

    import numpy as np
    import pandas as pd

    from linkview.workspace.batch import ImportBatch

__all__ = ["ROLES", "PreparedEntities", "prepare_entities"]

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


@dataclass
class _Part:
    table: str
    role: str
    n: int                 # rows of the frame
    pos: np.ndarray        # positions in the frame where the role is filled
    local: np.ndarray      # code of each filled cell among this part's distinct (kind, key)
    start: int             # slice of the part's distinct values in the concatenated unique arrays
    stop: int


@dataclass
class PreparedEntities:
    parts: list[_Part]
    part_codes: np.ndarray         # global code of each part-unique value (concatenated over parts)
    kind: list[str]                # per global code: first seen kind, key, display, valid, note
    key: list[str]
    display: np.ndarray
    valid: list[bool]
    note: list[str]
    variant_codes: np.ndarray      # distinct (code, spelling) pairs seen besides the first display
    variant_spellings: np.ndarray

    def store(self, cur: sqlite3.Cursor) -> tuple[np.ndarray, int]:
        """Upsert into ``entities`` and ``variants``; the id of each code and how many were new.

        New entities get explicit ids after the current maximum; ``INSERT OR IGNORE`` skips the ones
        already known, which are then looked up by (kind, key) in one query per kind.
        """
        import numpy as np

        size = len(self.key)
        base = (cur.execute("SELECT max(id) FROM entities").fetchone()[0] or 0) + 1
        cur.executemany("INSERT OR IGNORE INTO entities (id, kind, key, display, valid, note) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        zip(range(base, base + size), self.kind, self.key, self.display.tolist(), self.valid,
                            self.note, strict=True))
        new = max(cur.rowcount, 0)
        ids = np.full(size, -1, dtype=np.int64)
        stored_display = self.display
        if new == size:
            ids[:] = np.arange(base, base + size, dtype=np.int64)
        else:
            inserted = np.asarray([r[0] for r in cur.execute("SELECT id FROM entities WHERE id >= ?", (base,))],
                                  dtype=np.int64)
            ids[inserted - base] = inserted
            stored_display = self.display.copy()
            self._look_up(cur, np.flatnonzero(ids < 0), ids, stored_display)
        if (ids < 0).any():  # pragma: no cover - INSERT OR IGNORE leaves every key present
            raise WorkspaceError("an identifier of the batch could not be stored")
        if len(self.variant_codes):
            keep = np.flatnonzero(self.variant_spellings != stored_display[self.variant_codes])
            entity = ids[self.variant_codes[keep]]
            order = np.argsort(entity, kind="stable")   # in index order: B-tree appends, ~2.5x faster
            cur.executemany("INSERT OR IGNORE INTO variants (entity_id, spelling) VALUES (?, ?)",
                            zip(entity[order].tolist(), self.variant_spellings[keep[order]].tolist(), strict=True))
        # a known entity seen here under another display: that display becomes a variant
        changed = np.flatnonzero(stored_display != self.display)
        if changed.size:
            cur.executemany("INSERT OR IGNORE INTO variants (entity_id, spelling) VALUES (?, ?)",
                            zip(ids[changed].tolist(), self.display[changed].tolist(), strict=True))
        return ids, new

    def _look_up(self, cur: sqlite3.Cursor, codes: np.ndarray, ids: np.ndarray, display: np.ndarray) -> None:
        import json

        import numpy as np
        import pandas as pd

        kinds = np.asarray(self.kind, dtype=object)[codes]
        keys = np.asarray(self.key, dtype=object)[codes]
        for kind in pd.unique(kinds):
            sel = codes[kinds == kind]
            found = cur.execute("SELECT key, id, display FROM entities WHERE kind = ? AND key IN "
                                "(SELECT value FROM json_each(?))",
                                (kind, json.dumps(keys[kinds == kind].tolist(), ensure_ascii=False))).fetchall()
            if not found:
                continue
            fkeys, fids, fdisp = zip(*found, strict=True)
            where = pd.Index(fkeys).get_indexer(keys[kinds == kind])
            hit = where >= 0
            ids[sel[hit]] = np.asarray(fids, dtype=np.int64)[where[hit]]
            display[sel[hit]] = np.asarray(fdisp, dtype=object)[where[hit]]

    def role_codes(self) -> dict[tuple[str, str], np.ndarray]:
        """(table, role) -> entity code per frame row, ``-1`` where the role is empty."""
        import numpy as np

        out = {}
        for part in self.parts:
            arr = np.full(part.n, -1, dtype=np.int64)
            arr[part.pos] = self.part_codes[part.start:part.stop][part.local]
            out[(part.table, part.role)] = arr
        return out

    @staticmethod
    def role_ids(codes: dict[tuple[str, str], np.ndarray], ids: np.ndarray) -> dict[tuple[str, str], np.ndarray]:
        """(table, role) -> entity id per frame row, ``-1`` where the role is empty."""
        import numpy as np

        out = {}
        for name, c in codes.items():
            out[name] = np.where(c >= 0, ids[c], -1) if len(ids) else np.full(len(c), -1, dtype=np.int64)
        return out


def _text(series: pd.Series) -> np.ndarray:
    import pandas as pd

    if not (pd.api.types.is_string_dtype(series) or series.dtype == object):
        series = series.astype(str).where(series.notna(), "")
    return series.to_numpy(dtype=object, na_value="")


def _first_positions(codes: np.ndarray) -> np.ndarray:
    """Position of the first occurrence of each code, for codes numbered 0.. in order of first appearance."""
    import numpy as np

    if len(codes) == 0:
        return np.zeros(0, dtype=np.int64)
    running = np.maximum.accumulate(codes)
    new = np.empty(len(codes), dtype=bool)
    new[0] = True
    new[1:] = codes[1:] > running[:-1]
    return np.flatnonzero(new)


def _pair_codes(kinds: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Codes 0.. (in order of first appearance) of the distinct (kind, key) pairs."""
    import numpy as np
    import pandas as pd

    kind_codes, kind_values = pd.factorize(kinds)
    key_codes, key_values = pd.factorize(keys)
    combined = kind_codes.astype(np.int64) * max(len(key_values), 1) + key_codes
    codes, _ = pd.factorize(combined)
    return codes.astype(np.int64)


@dataclass
class _Unique:
    kind: np.ndarray
    key: np.ndarray
    display: np.ndarray
    valid: np.ndarray
    note: np.ndarray
    first_pos: np.ndarray                                            # frame position of each first sighting
    extra_codes: list[np.ndarray] = field(default_factory=list)     # local codes of other spellings
    extra_text: list[np.ndarray] = field(default_factory=list)


def _coded(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """(code per row, -1 for missing or ""; distinct texts) of a text column. A categorical column
    (what ingest hands over) gives its codes as they are; any other is factorized once."""
    import numpy as np
    import pandas as pd

    if isinstance(series.dtype, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy().astype(np.int64)
        cats = series.cat.categories
        words = np.asarray(cats, dtype=object)
        if pd.api.types.infer_dtype(words, skipna=False) not in ("string", "empty"):
            words = np.asarray(cats.astype(str), dtype=object)
    else:
        if not (pd.api.types.is_string_dtype(series) or series.dtype == object):
            series = series.astype(str).where(series.notna(), None)
        codes, words = pd.factorize(series.to_numpy(dtype=object, na_value=None), use_na_sentinel=True)
        codes = codes.astype(np.int64)
        words = np.asarray(words, dtype=object)
    blank = np.flatnonzero(words == "")
    if blank.size:
        codes = np.where(np.isin(codes, blank), -1, codes)
    return codes, words


def _role(batch: ImportBatch, table: str, frame: pd.DataFrame, role: str, kind_col: str, key_col: str,
          display_col: str, valid_col: str | None) -> tuple[np.ndarray, np.ndarray, _Unique]:
    """Filled positions, local codes and the distinct values of one role column.

    Works on integer codes of each text column (one factorize per column at most, none for categorical
    columns), strings are only looked up for the distinct values.
    """
    import numpy as np
    import pandas as pd

    n = len(frame)
    if key_col not in frame.columns or n == 0:
        empty = np.zeros(0, dtype=object)
        return np.zeros(0, np.int64), np.zeros(0, np.int64), _Unique(empty, empty, empty, np.zeros(0, bool), empty,
                                                                      np.zeros(0, np.int64))
    codes, uniques = _coded(frame[key_col])
    pos = np.flatnonzero(codes >= 0)
    width = max(len(uniques), 1)
    if kind_col.startswith("="):
        kind_codes, kind_words = np.zeros(len(pos), dtype=np.int64), np.array([kind_col[1:]], dtype=object)
    else:
        kind_all, kind_words = _coded(frame[kind_col])
        kind_codes = kind_all[pos]
        kind_words = np.append(kind_words, "")          # code -1 (no kind) -> the last entry ""
        kind_codes = np.where(kind_codes < 0, len(kind_words) - 1, kind_codes)
    local, _ = pd.factorize(kind_codes * width + codes[pos])
    local = local.astype(np.int64)
    first = _first_positions(local)
    rows_first = pos[first]
    key = uniques[codes[rows_first]]
    kind = kind_words[kind_codes[first]]
    blank_kind = np.flatnonzero(kind == "")
    if blank_kind.size:
        row = int(frame["row"].iloc[rows_first[blank_kind[0]]])
        raise WorkspaceError(f"import of {batch.source.name}: {table} row {row}: "
                             f"{role} identifier {key[blank_kind[0]]!r} has no kind")
    display_codes = None
    if display_col in frame.columns:
        display_codes, display_words = _coded(frame[display_col])
        shown_first = display_codes[rows_first]
        display = np.where(shown_first >= 0, np.append(display_words, "")[shown_first], key)
    else:
        display = key.copy()
    if valid_col is not None and valid_col in frame.columns:
        valid_series = frame[valid_col]
        if valid_series.dtype == bool:
            valid = valid_series.to_numpy()[rows_first]
        else:  # nullable or object: a missing flag counts as valid
            valid = valid_series.iloc[rows_first].astype(object).where(
                valid_series.iloc[rows_first].notna(), True).to_numpy(dtype=object).astype(bool)
    else:
        valid = np.ones(len(first), dtype=bool)
    note_col = f"{role}_note"
    note = _text(frame[note_col])[rows_first] if note_col in frame.columns else np.full(len(first), "", object)
    out = _Unique(kind, key, display, valid, note, rows_first)
    spellings = [(display_codes, display_words)] if display_codes is not None else []
    raw_col = f"{role}_raw"
    if raw_col in frame.columns:
        spellings.append(_coded(frame[raw_col]))
    for row_codes, words in spellings:
        # distinct (entity, spelling) pairs on integer codes; "" and missing spellings are none
        sc = row_codes[pos]
        filled = np.flatnonzero(sc >= 0)
        if not filled.size:
            continue
        w = max(len(words), 1)
        pairs = pd.unique(local[filled] * w + sc[filled])
        out.extra_codes.append(pairs // w)
        out.extra_text.append(words[pairs % w])
    return pos, local, out


def prepare_entities(batch: ImportBatch) -> PreparedEntities:
    """Collect every filled role cell of the batch and number the distinct (kind, key)."""
    import numpy as np
    import pandas as pd

    parts: list[_Part] = []
    uniques: list[_Unique] = []
    total = 0
    for table, frame in (("events", batch.events), ("links", batch.links)):
        for role, kind_col, key_col, display_col, valid_col in ROLES[table]:
            pos, local, uniq = _role(batch, table, frame, role, kind_col, key_col, display_col, valid_col)
            parts.append(_Part(table, role, len(frame), pos, local, total, total + len(uniq.key)))
            uniques.append(uniq)
            total += len(uniq.key)

    def cat(name: str, dtype: object) -> np.ndarray:
        chunks = [getattr(u, name) for u in uniques]
        return np.concatenate(chunks) if chunks else np.zeros(0, dtype=dtype)

    kind_all, key_all = cat("kind", object), cat("key", object)
    part_codes = _pair_codes(kind_all, key_all) if total else np.zeros(0, dtype=np.int64)
    # the first sighting of each entity: events before links, then the earliest frame position
    rank = np.concatenate([np.full(len(u.key), 0 if p.table == "events" else 1, dtype=np.int64)
                           for p, u in zip(parts, uniques, strict=True)]) if parts else np.zeros(0, np.int64)
    order = np.lexsort((cat("first_pos", np.int64), rank, part_codes))
    starts = np.flatnonzero(np.r_[True, part_codes[order][1:] != part_codes[order][:-1]]) if total else order
    first = order[starts]
    display_all = cat("display", object)
    first_display = display_all[first]
    # spellings besides the first display: other displays of a part, raw spellings, and first displays
    # of later parts that differ from the entity's first display
    var_codes = [part_codes]
    var_text = [display_all]
    for part, uniq in zip(parts, uniques, strict=True):
        for codes, text in zip(uniq.extra_codes, uniq.extra_text, strict=True):
            var_codes.append(part_codes[part.start:part.stop][codes])
            var_text.append(text)
    codes_v = np.concatenate(var_codes) if var_codes else np.zeros(0, dtype=np.int64)
    text_v = np.concatenate(var_text) if var_text else np.zeros(0, dtype=object)
    differ = text_v != first_display[codes_v] if len(codes_v) else np.zeros(0, dtype=bool)
    variants = pd.DataFrame({"code": codes_v[differ], "text": text_v[differ]}).drop_duplicates()
    return PreparedEntities(
        parts=parts, part_codes=part_codes,
        kind=kind_all[first].tolist(), key=key_all[first].tolist(), display=first_display,
        valid=cat("valid", bool)[first].tolist(), note=cat("note", object)[first].tolist(),
        variant_codes=variants["code"].to_numpy(dtype=np.int64),
        variant_spellings=variants["text"].to_numpy(dtype=object),
    )
