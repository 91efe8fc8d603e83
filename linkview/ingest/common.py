"""Pieces shared by the calls, transfers and ads builders: rejections, identifiers, links, times."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from linkview.ingest.readers import RawTable

__all__ = [
    "Rejects", "Ctx", "Parties", "add_by_source", "invalid_reason", "quoted",
    "normalize_parties", "normalize_column", "categorical_of", "coded", "constant", "party_kind_auto", "link_frame", "aggregate_links", "dedupe_links",
]


@dataclass
class Rejects:
    """Rejected and flagged cells of one file, collected as boolean masks over the table's rows."""

    n: int
    items: list[tuple[np.ndarray, str, str, object]] = field(default_factory=list)  # (positions, column, severity, reason(s))

    def add(self, mask, column: str, severity: str, reason) -> None:
        """``reason``: one text, an array of texts aligned with the rows, or ``f(positions) -> texts``
        (computed for the flagged rows only; see :func:`quoted`)."""
        import numpy as np

        m = np.asarray(mask, dtype=bool)
        if not m.any():
            return
        pos = np.flatnonzero(m)
        if callable(reason):
            reason = np.asarray(reason(pos), dtype=object)
        elif not isinstance(reason, str):
            reason = np.asarray(reason, dtype=object)[pos]
        self.items.append((pos, column, severity, reason))

    def error_mask(self):
        import numpy as np

        m = np.zeros(self.n, dtype=bool)
        for pos, _c, sev, _r in self.items:
            if sev == "error":
                m[pos] = True
        return m

    def frame(self, table: RawTable, extra: list[tuple[int, str, str, str]] = ()) -> pd.DataFrame:
        """One row per rejected row (its first error) and per warning on imported rows."""
        import numpy as np
        import pandas as pd

        from linkview.workspace.batch import empty_rejected

        recs: list[tuple[int, int, str, str, str]] = []   # (order, pos, column, severity, reason)
        errored: set[int] = set()
        order = 0
        for pos, col, sev, reason in self.items:
            if sev != "error":
                continue
            for k, p in enumerate(pos.tolist()):
                if p in errored:
                    continue
                errored.add(p)
                recs.append((order, p, col, sev, reason if isinstance(reason, str) else str(reason[k])))
            order += 1
        for pos, col, sev, reason in self.items:
            if sev != "warning":
                continue
            for k, p in enumerate(pos.tolist()):
                if p in errored:
                    continue
                recs.append((order, p, col, sev, reason if isinstance(reason, str) else str(reason[k])))
            order += 1
        rows_out, cols, sevs, reasons, raws = [], [], [], [], []
        columns = table.columns
        positions = sorted({p for _o, p, _c, _s, _r in recs})
        raw_of: dict[int, str] = {}
        if positions:
            # one JSON object per rejected row (column -> cell text), written by pandas in one go
            sub = table.frame.iloc[positions]
            lines = sub.to_json(orient="records", lines=True, force_ascii=False).rstrip("\n").split("\n")
            raw_of = dict(zip(positions, lines, strict=True))
        for _o, p, col, sev, reason in recs:
            rows_out.append(int(table.rows[p]))
            cols.append(col)
            sevs.append(sev)
            reasons.append(reason)
            raws.append(raw_of[p])
        for row, col, sev, reason in extra:
            cells = table.bad_rows.get(row)
            if cells is None:
                raw = "{}"
            else:
                names = columns + [f"#{i}" for i in range(len(columns) + 1, len(cells) + 1)]
                raw = json.dumps(dict(zip(names, cells, strict=False)), ensure_ascii=False)
            rows_out.append(int(row))
            cols.append(col)
            sevs.append(sev)
            reasons.append(reason)
            raws.append(raw)
        if not rows_out:
            return empty_rejected()
        out = pd.DataFrame({
            "row": np.asarray(rows_out, dtype="int64"),
            "column": pd.Series(cols, dtype=str),
            "severity": pd.Series(sevs, dtype=str),
            "reason": pd.Series(reasons, dtype=str),
            "raw": pd.Series(raws, dtype=str),
        })
        return out.sort_values(["row", "severity"], kind="stable").reset_index(drop=True)


@dataclass
class Ctx:
    """What a builder needs: the table, the mapping, the spec's options and where to report."""

    table: RawTable
    mapping: dict[str, str]
    options: dict
    party_kind: str | None
    target: str | None
    rejects: Rejects
    warnings: list[str]
    progress: object = None
    should_cancel: object = None
    notes: list[str] = field(default_factory=list)
    case_number: str = ""

    @property
    def id_namespace(self) -> str:
        """Where anonymised subscriber ids are unique: the case, unless the spec names a study."""
        return str(self.options.get("id_namespace") or self.case_number)

    def check(self) -> None:
        if self.should_cancel is not None and self.should_cancel():
            from linkview.errors import Cancelled

            raise Cancelled("import cancelled")

    def report(self, fraction: float, message: str) -> None:
        if self.progress is not None:
            self.progress(fraction, message)


def normalize_column(kind: str, values: pd.Series, *, with_blank: bool = False, categorical: bool = False):
    """normalize_series over the distinct values only, taken back to every row (index 0..n-1).

    ``with_blank``: also return the mask of empty cells (worked out on the same distinct values).
    ``categorical``: kind, key and display as Categoricals (with "" among the categories) built from the
    distinct values, so that nobody hashes the row strings again.
    The frame carries a ``code`` column: one integer per distinct key (-1: no key), for grouping.
    """
    import numpy as np
    import pandas as pd

    from linkview.identifiers import normalize_series

    codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=True)
    u = pd.Series(uniques, dtype=object).astype(str)
    norm = normalize_series(kind, u).reset_index(drop=True)
    take = np.where(codes < 0, len(u), codes)
    cols = {}
    for c in ("kind", "key", "display", "note"):
        per_u = np.append(norm[c].to_numpy(dtype=object, na_value=""), "")
        if categorical and c != "note":
            codes_u, words = pd.factorize(per_u)
            cols[c] = categorical_of(codes_u[take], words)
        else:
            cols[c] = per_u[take]
    cols["valid"] = np.append(norm["valid"].to_numpy(dtype=bool), False)[take]
    keys_u = norm["key"].to_numpy(dtype=object, na_value="")
    code_u = pd.factorize(np.where(keys_u == "", None, keys_u).astype(object), use_na_sentinel=True)[0]
    cols["code"] = np.append(code_u, -1)[take]
    out = pd.DataFrame(cols)
    if not with_blank:
        return out
    blank_u = np.fromiter((not x.strip() for x in u), dtype=bool, count=len(u))
    return out, np.append(blank_u, True)[take]


def categorical_of(codes, words) -> pd.Categorical:
    """A Categorical from integer codes and categories that are distinct by construction (factorize
    uniques, numbered keys): pandas' own check of the categories hashes them all again, which costs as
    much as a factorize on a column of a million distinct values; this skips it where pandas allows."""
    import numpy as np
    import pandas as pd

    cats = pd.Index(np.asarray(words, dtype=object), dtype=object)
    fast = getattr(pd.CategoricalDtype, "_from_fastpath", None)
    if fast is None:  # pragma: no cover - other pandas versions
        return pd.Categorical.from_codes(codes, categories=cats, validate=False)
    return pd.Categorical.from_codes(codes, dtype=fast(cats, False), validate=False)


def coded(values) -> pd.Categorical:
    """A text column of few distinct values as a Categorical: factorized once here, its codes are what the
    workspace stores (no second hashing of a million strings there)."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(np.asarray(values, dtype=object), use_na_sentinel=False)
    return categorical_of(codes, uniques)


def constant(n: int, value: str = "") -> pd.Categorical:
    """``n`` times the same text, as a Categorical (no array of ``n`` objects)."""
    import numpy as np

    return categorical_of(np.zeros(n, dtype=np.int8), [value])


_SHAPED_KINDS = ("wallet_evm", "wallet_tron", "wallet_btc", "iban", "email", "ip", "masked_card")


def party_kind_auto(values: pd.Series, default: str) -> str:
    """``subscriber`` when most distinct values are no valid identifier of ``default`` (anonymised ids).

    A value counts for ``default`` when it normalises valid to a kind other than service (short codes):
    the small integer ids of anonymised datasets (Reality Mining, Copenhagen) look like short codes.
    """
    import numpy as np
    import pandas as pd

    from linkview.identifiers import normalize_series

    arr = np.asarray(values, dtype=object)
    if len(arr) > 20000:                 # a sample of rows is enough to tell ids from phone numbers
        pick = np.random.default_rng(0).choice(len(arr), 20000, replace=False)
        arr = arr[np.sort(pick)]
    uniq = pd.Series(pd.unique(arr), dtype=object).astype(str)
    uniq = uniq[uniq.str.strip() != ""]
    if uniq.empty:
        return default
    sample = uniq.sample(n=min(len(uniq), 2000), random_state=0) if len(uniq) > 2000 else uniq
    norm = normalize_series(default, sample.reset_index(drop=True))
    # short codes count as "not a phone" here: anonymised ids are small integers that look like them
    real = norm["valid"].fillna(False).astype(bool) & ~norm["kind"].isin(["service", "subscriber", ""])
    if default == "auto":
        # a value shaped like a wallet, IBAN, e-mail, IP or masked card is that kind even when it fails its
        # check (a bad checksum is flagged on the row): only values that fit no kind make subscriber ids
        real |= norm["kind"].isin(_SHAPED_KINDS)
    share = float(real.mean())
    return default if share >= 0.5 else "subscriber"


def link_frame(ltype: str, a: pd.DataFrame, b: pd.DataFrame, rows, times, mask) -> pd.DataFrame:
    """Links (not yet deduplicated) where ``mask`` holds and both ends have a key."""
    import numpy as np
    import pandas as pd

    m = np.asarray(mask, dtype=bool) & (a["key"].fillna("") != "").to_numpy() & (b["key"].fillna("") != "").to_numpy()
    idx = np.flatnonzero(m)
    t = pd.Series(times).reset_index(drop=True)
    return pd.DataFrame({
        "row": np.asarray(rows)[idx],
        "ltype": ltype,
        "a_kind": a["kind"].to_numpy()[idx], "a_key": a["key"].to_numpy()[idx],
        "a_display": a["display"].to_numpy()[idx], "a_valid": a["valid"].to_numpy(dtype=bool)[idx],
        "b_kind": b["kind"].to_numpy()[idx], "b_key": b["key"].to_numpy()[idx],
        "b_display": b["display"].to_numpy()[idx], "b_valid": b["valid"].to_numpy(dtype=bool)[idx],
        "time": t.to_numpy()[idx] if len(t) else np.array([], dtype="datetime64[ns]"),
    })


def aggregate_links(ltype: str, a: dict, a_codes, b: dict, b_codes, rows, times, mask) -> pd.DataFrame:
    """Links (ltype, a, b) over the rows where ``mask`` holds, grouped on the integer key codes at once:
    first row, count, first and last time. ``a``/``b``: per-row arrays kind, key, display, valid, or
    ``f(field, positions)`` giving a field at those rows only (read at each link's first row)."""
    import numpy as np
    import pandas as pd

    a_codes = np.asarray(a_codes, dtype=np.int64)
    b_codes = np.asarray(b_codes, dtype=np.int64)
    sel = np.flatnonzero(np.asarray(mask, dtype=bool) & (a_codes >= 0) & (b_codes >= 0))
    cols = ["row", "n", "ltype", "a_kind", "a_key", "a_display", "a_valid", "b_kind", "b_key", "b_display",
            "b_valid", "first_time", "last_time"]
    if len(sel) == 0:
        return pd.DataFrame({c: [] for c in cols})
    pair = a_codes[sel] * (int(b_codes.max()) + 1) + b_codes[sel]
    _u, first, inv, counts = np.unique(pair, return_index=True, return_inverse=True, return_counts=True)
    t = np.asarray(pd.Series(times).to_numpy(dtype="datetime64[ns]"))[sel].view("int64")
    big, nat = np.iinfo(np.int64).max, np.iinfo(np.int64).min
    t_min = np.full(len(counts), big, dtype=np.int64)
    np.minimum.at(t_min, inv, np.where(t == nat, big, t))
    t_max = np.full(len(counts), nat, dtype=np.int64)
    np.maximum.at(t_max, inv, t)
    t_min = np.where(t_min == big, nat, t_min)
    idx = sel[first]
    out = {"row": np.asarray(rows)[idx], "n": counts.astype(np.int64), "ltype": ltype}
    for side, d in (("a", a), ("b", b)):
        for c in ("kind", "key", "display", "valid"):
            out[f"{side}_{c}"] = np.asarray(d(c, idx)) if callable(d) else np.asarray(d[c])[idx]
    out["first_time"] = t_min.view("datetime64[ns]")
    out["last_time"] = t_max.view("datetime64[ns]")
    return pd.DataFrame(out)[cols]


def dedupe_links(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """One link per (ltype, a, b): first row, count of rows, first and last time."""
    import numpy as np
    import pandas as pd

    from linkview.workspace.batch import LINK_DTYPES, empty_links

    parts = [p for p in parts if len(p)]
    if not parts:
        return empty_links()
    for i, p in enumerate(parts):        # plain link rows: one row each, first = last = its time
        if "n" not in p.columns:
            t = pd.to_datetime(p["time"]).astype("datetime64[ns]")
            parts[i] = p.drop(columns=["time"]).assign(n=1, first_time=t, last_time=t)
    df = pd.concat(parts, ignore_index=True)
    # group on integer codes of the key columns (much faster than on the text itself)
    keys = ["ltype", "a_kind", "a_key", "b_kind", "b_key"]
    codes = pd.DataFrame({k: pd.factorize(df[k].to_numpy(dtype=object))[0] for k in keys})
    group = codes.groupby(keys, sort=False).ngroup().to_numpy()
    row = df["row"].to_numpy(dtype=np.int64)
    order = np.lexsort((row, group))
    g_sorted = group[order]
    starts = np.flatnonzero(np.r_[True, g_sorted[1:] != g_sorted[:-1]])
    first = order[starts]                                   # first row (file order) of each group
    n = np.add.reduceat(df["n"].to_numpy(dtype=np.int64)[order], starts)
    big, nat = np.iinfo(np.int64).max, np.iinfo(np.int64).min
    tf = pd.to_datetime(df["first_time"]).astype("datetime64[ns]").to_numpy().view("int64")[order]
    tl = pd.to_datetime(df["last_time"]).astype("datetime64[ns]").to_numpy().view("int64")[order]
    t_min = np.minimum.reduceat(np.where(tf == nat, big, tf), starts)
    t_max = np.maximum.reduceat(tl, starts)
    t_min = np.where(t_min == big, nat, t_min).view("datetime64[ns]")
    t_max = t_max.view("datetime64[ns]")
    out = df.iloc[first][["ltype", "a_kind", "a_key", "a_display", "a_valid", "b_kind", "b_key", "b_display",
                          "b_valid"]].reset_index(drop=True)
    out["row"] = df["row"].to_numpy()[first]
    out["n"] = n.astype("int64")
    out["first_time"] = t_min
    out["last_time"] = t_max
    out = out.sort_values("row", kind="stable").reset_index(drop=True)
    cols = {}
    for c, typ in LINK_DTYPES.items():
        cols[c] = out[c].astype(str if typ == "str" else typ)
    return pd.DataFrame(cols)


def add_by_source(rej: Rejects, mask, src, severity: str, reason) -> None:
    """Report ``mask`` rows under the column each row's value came from (``src``: column per row, or one
    column name for all)."""
    import numpy as np

    mask = np.asarray(mask, dtype=bool)
    if not mask.any():
        return
    if isinstance(src, str):
        rej.add(mask, src, severity, reason)
        return
    src = np.asarray(src, dtype=object)
    for col in dict.fromkeys(src[mask].tolist()):
        rej.add(mask & (src == col), str(col), severity, reason)


def invalid_reason(raw, norm):
    """``f(positions)`` -> "'<raw>' is not a valid <kind>: <note>" for those rows (``norm``: a frame or a
    :class:`PartyView` with ``kind`` and ``note``, read only when some row is flagged)."""
    import numpy as np

    def f(pos):
        raw_a = np.asarray(raw, dtype=object)
        kinds = np.asarray(norm["kind"], dtype=object)
        notes = np.asarray(norm["note"], dtype=object)
        return [f"'{raw_a[p]}' is not a valid {kinds[p] or 'identifier'}: {notes[p] or ''}".rstrip(": ")
                for p in pos]
    return f


def quoted(prefix: str, values, suffix: str = ""):
    """``f(positions)`` -> ``prefix'value'suffix`` for those rows (built only for flagged rows)."""
    import numpy as np

    arr = np.asarray(values, dtype=object)
    return lambda pos: [f"{prefix}'{arr[p]}'{suffix}" for p in pos]


class PartyView:
    """Rows ``lo:hi`` of :class:`Parties`: ``view[field]`` is that slice of a field, worked out when first asked."""

    def __init__(self, parties: Parties, lo: int, hi: int):
        self._parties, self._lo, self._hi = parties, lo, hi
        self._cols: dict = {}

    def __getitem__(self, name: str):
        if name not in self._cols:
            self._cols[name] = self._parties.column(name, self._lo, self._hi)
        return self._cols[name]


class Parties:
    """Normalised party columns, held per distinct spelling and taken to the rows only when asked.

    ``column(field, lo, hi)`` is a row slice of ``kind``, ``key``, ``display``, ``note`` (text) or ``valid``
    (bool) as a numpy array; ``frame(lo, hi)`` all of them as a DataFrame. ``empty`` and ``bad`` are row
    masks and ``key_codes`` one integer per distinct key (-1 for none) per row, for fast grouping.
    ``categorical(field, lo, hi)`` gives a row slice of a text field as a pandas Categorical built from the
    distinct spellings (no per-row strings, nothing to factorize again in the workspace); ``spellings``
    does the same for the cells as written."""

    FIELDS = ("kind", "key", "display", "valid", "note")

    def __init__(self, per: dict, empty, bad, key_codes, *, take, uniq, key_code_u):
        # per: field -> array over the distinct spellings plus a last entry for a missing cell
        self.empty, self.bad, self.key_codes = empty, bad, key_codes
        self._take, self._per, self._uniq, self._key_code_u = take, per, uniq, key_code_u
        self._coded: dict = {}

    def column(self, name: str, lo: int, hi: int):
        return self._per[name][self._take[lo:hi]]

    def at(self, name: str, positions):
        """A field at some rows of the concatenated columns."""
        return self._per[name][self._take[positions]]

    def frame(self, lo: int, hi: int) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame({k: self.column(k, lo, hi) for k in self.FIELDS})

    def view(self, lo: int, hi: int) -> PartyView:
        return PartyView(self, lo, hi)

    def key_code_of(self, key: str) -> int:
        """The key code of ``key`` (-1 when no row has it)."""
        import numpy as np

        hit = np.flatnonzero((self._per["key"][:-1] == key) & (self._key_code_u >= 0))
        return int(self._key_code_u[hit[0]]) if hit.size else -1

    def key_of_code(self, code: int) -> str:
        import numpy as np

        return str(self._per["key"][int(np.flatnonzero(self._key_code_u == code)[0])])

    def categorical(self, name: str, lo: int, hi: int) -> pd.Categorical:
        import numpy as np
        import pandas as pd

        if name not in self._coded:
            by_key = None
            if name in ("key", "display"):
                # keys are already numbered (key_codes; rows with no key or an unreadable one: ""); a
                # display that is one per key (phones: it is made from the key) takes the same numbers
                codes = np.append(self._key_code_u, -1)
                has = codes[:-1] >= 0
                words = np.empty(int(codes.max()) + 2, dtype=object)
                words[codes[:-1][has]] = self._per[name][:-1][has]
                words[-1] = ""
                codes = np.where(codes < 0, len(words) - 1, codes)
                if name == "key" or ((words[codes[:-1][has]] == self._per[name][:-1][has]).all()
                                     and pd.Index(words).is_unique):
                    by_key = (codes, words)
            if by_key is not None:
                codes, words = by_key
            else:               # per distinct spelling (+ the missing cell: ""), once for both sides
                codes, words = pd.factorize(self._per[name])
            self._coded[name] = (codes, pd.Index(np.asarray(words, dtype=object), dtype=object))
        codes, words = self._coded[name]
        return categorical_of(codes[self._take[lo:hi]], words)

    def spellings(self, lo: int, hi: int) -> pd.Categorical:
        """The cells as written (missing as ""), as a Categorical over the distinct spellings."""
        import numpy as np
        import pandas as pd

        if "spellings" not in self._coded:
            words = np.asarray(self._uniq, dtype=object)
            if pd.api.types.infer_dtype(words, skipna=False) not in ("string", "empty"):
                words = np.asarray([str(w) for w in words], dtype=object)
                codes_u, words = pd.factorize(np.append(words, ""))      # str() may join two values
            else:
                blank = np.flatnonzero(words == "")
                codes_u = np.arange(len(words) + 1)
                if blank.size:                         # a missing cell reads as the "" already there
                    codes_u[-1] = blank[0]
                else:
                    words = np.append(words, "")
            self._coded["spellings"] = (codes_u, pd.Index(np.asarray(words, dtype=object), dtype=object))
        codes_u, words = self._coded["spellings"]
        return categorical_of(codes_u[self._take[lo:hi]], words)


_PHONE_PUNCT = str.maketrans("", "", " ()-\u00a0")
# one match per line: the 10 digits of +7 / 8 / 7 / no prefix and 10 digits, "" for any other line
_PHONE_LINES = re.compile(r"^(?:(?:\+7|[78])?([0-9]{10})|.*)$", re.MULTILINE)


def _phone_spellings(u: pd.Series):
    """(code of each value, distinct canonical texts): ``+7`` and the 10 digits for the common spellings
    of a +7 number (``8 (701) 123-45-67``, ``87011234567``, ``+7 701 123 45 67``...), the value itself
    otherwise. Identifiers read both the same (tests check it); this only lets them see each number once."""
    import numpy as np
    import pandas as pd

    values = u.to_numpy(dtype=object)
    if not len(values) or pd.api.types.infer_dtype(values, skipna=False) != "string":
        return np.arange(len(values)), values
    text = "\n".join(values.tolist())
    if text.count("\n") != len(values) - 1:            # a value holds a line break: leave them as they are
        return np.arange(len(values)), values
    nsn = np.asarray(_PHONE_LINES.findall(text.translate(_PHONE_PUNCT)), dtype=object)
    if len(nsn) != len(values):
        return np.arange(len(values)), values
    hit = nsn != ""
    # numbered on the 10 digits (a value that is not a +7 spelling is never 10 digits alone: the regex would
    # have taken it), "+7" put in front of the distinct numbers only
    codes, uniq = pd.factorize(np.where(hit, nsn, values))
    uniq = np.asarray(uniq, dtype=object)
    first = np.zeros(len(uniq), dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)
    number = np.flatnonzero(hit[first])
    uniq[number] = ["+7" + x for x in uniq[number].tolist()]
    return codes, uniq


def normalize_parties(kind: str, columns: list, *, recheck: dict[str, str] | None = None,
                      namespace: str = "") -> Parties:
    """Normalise several party columns together, once per distinct spelling.

    Rows of the columns are concatenated in order; ``Parties.frame(lo, hi)`` cuts one column back out.
    Everything is worked out per distinct spelling and taken back to the rows once.
    ``recheck``: detected kind -> kind to read such values as instead (in a transfer, a 16-digit number
    is a card, not an IMEISV). ``namespace``: anonymised ``subscriber`` ids are only unique within
    one dataset, so their keys become ``namespace/id`` and id 86 of one study never meets id 86 of
    another.
    """
    import numpy as np
    import pandas as pd

    from linkview.identifiers import normalize_series

    allv = np.concatenate([np.asarray(c, dtype=object) for c in columns]) if columns else np.array([], dtype=object)
    # one factorize of the cells of every party column; identifiers then see each spelling once (and
    # classify each phone number once, whatever its spellings: normalize_series shares that work)
    codes, uniq = pd.factorize(allv, use_na_sentinel=True)
    m = len(uniq)
    u = pd.Series(np.asarray(uniq, dtype=object), dtype=object)
    if m and not all(type(x) is str for x in uniq[:1000]):
        u = u.astype(str)
    canon_codes = None
    if kind == "phone":
        # spellings of one number become one text first (joined, punctuation deleted and matched by one
        # regex, all in C), so identifiers classify each number once rather than each spelling; the work
        # below stays on those numbers until the spellings need it
        canon_codes, canon = _phone_spellings(u)
        norm = normalize_series(kind, pd.Series(canon, dtype=object))
    else:
        norm = normalize_series(kind, u)
    if recheck:
        if canon_codes is not None:
            norm, canon_codes = norm.take(canon_codes).reset_index(drop=True), None
        for found, instead in recheck.items():
            sel = (norm["kind"] == found).to_numpy()
            if sel.any():
                again = normalize_series(instead, u[sel])
                norm.loc[sel, list(again.columns)] = again.to_numpy()
    per = {c: np.asarray(norm[c].to_numpy(dtype=object, na_value=""), dtype=object) for c in
           ("kind", "key", "display", "note")}
    valid = norm["valid"].to_numpy(dtype=bool, na_value=False)
    # keys numbered where they were worked out (the numbers, for phones), then taken to the spellings
    key_code = pd.factorize(np.where(per["key"] == "", None, per["key"]).astype(object), use_na_sentinel=True)[0]
    if canon_codes is not None:
        per = {c: v[canon_codes] for c, v in per.items()}
        valid, key_code = valid[canon_codes], key_code[canon_codes]
    # everything below per distinct spelling, then taken to the rows once
    nokey = per["key"] == ""
    # blank cells ("", spaces) have no key: looked at among those only
    empty_c = np.zeros(m, dtype=bool)
    blank_pos = np.flatnonzero(nokey)
    empty_c[blank_pos] = [not str(u.iat[i]).strip() for i in blank_pos]
    # unreadable: no letter or digit at all ("!!!", "--"); looked at only where the value is not valid
    suspect = np.flatnonzero(~valid & ~empty_c & ~nokey)
    noalnum = np.zeros(m, dtype=bool)
    noalnum[suspect] = [not any(ch.isalnum() for ch in str(u.iat[i])) for i in suspect]
    bad_c = ~empty_c & (nokey | noalnum)
    for c in ("kind", "key", "display", "note"):
        if empty_c.any() or c == "kind" and nokey.any():
            per[c] = np.where(empty_c | (c == "kind") & nokey, "", per[c])
    if namespace:
        sub = (per["kind"] == "subscriber") & (per["key"] != "")
        if sub.any():
            per["key"] = per["key"].copy()
            per["key"][sub] = [f"{namespace}/{k}" for k in per["key"][sub].tolist()]
    valid = valid & ~empty_c
    # numbered again in the order the spellings come, without gaps (the codes index categories)
    key_code = np.where(empty_c | bad_c, -1, key_code)
    filled = key_code >= 0
    key_code[filled] = pd.factorize(key_code[filled])[0]
    take = np.where(codes < 0, m, codes)            # row -> distinct spelling (m: missing cell)
    per_u = {c: np.append(v, "") for c, v in per.items()}       # the last entry: a missing cell
    per_u["valid"] = np.append(valid, False)
    empty = np.append(empty_c, True)[take]
    bad = np.append(bad_c, False)[take]
    return Parties(per_u, empty, bad, np.append(key_code, -1)[take], take=take,
                   uniq=np.asarray(uniq, dtype=object), key_code_u=key_code)


