"""Cell values, parsed column by column (vectorised): times, durations, amounts, connection types.

Time rule
- Dates are read with explicit formats only; ``03.04.2024`` is the 3rd of April (day first) unless the
  spec says ``dayfirst: false``. No library is ever asked to guess a format.
- A time written without a zone is kept as written (the operator's or bank's local time).
- A time written with a zone (``+0100``, ``+00:00``, ``Z``) and a Unix time are converted to UTC, then
  stored naive.
- Unix times: a column of 9-13 digit integers is seconds (or milliseconds from 10^11 up); the spec's
  ``time_unit`` forces ``s`` or ``ms`` and ``epoch`` shifts the origin (studies counting from their start).
- A time before 1990-01-01 or more than ``max_future_days`` (default 1) after now rejects the row.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = [
    "currency_words",
    "normalize_currency",
    "parse_times",
    "parse_durations",
    "parse_amounts",
    "parse_types",
    "fast_fixed",
    "MIN_TIME",
    "TIME_FORMATS",
]

MIN_TIME = "1990-01-01"

_NAIVE_DAYFIRST = [
    "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y", "%d.%m.%Y %H:%M:%S.%f",
    "%d.%m.%y %H:%M:%S", "%d.%m.%y %H:%M", "%d.%m.%y",
    "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y",
]
_NAIVE_ISO = [
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d",
    "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S.%f", "%Y.%m.%d %H:%M:%S", "%Y/%m/%d %H:%M:%S",
]
_ZONED = [
    "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%d %H:%M:%S.%f%z",
    "%a %b %d %H:%M:%S %z %Y", "%Y-%m-%d %H:%M:%S %z", "%d.%m.%Y %H:%M:%S %z",
]
TIME_FORMATS = _NAIVE_DAYFIRST + _NAIVE_ISO + _ZONED

_UNIX = re.compile(r"^-?\d+(\.\d+)?$")


def _formats(dayfirst: bool) -> list[str]:
    if dayfirst:
        return TIME_FORMATS
    swap = [f.replace("%d", "\0").replace("%m", "%d").replace("\0", "%m") for f in _NAIVE_DAYFIRST]
    return swap + _NAIVE_ISO + _ZONED


def _to_dt(values: pd.Series, fmt: str) -> pd.Series:
    import pandas as pd

    # pandas reads "now" and "today" as the moment of the import, whatever the format: a cell saying so
    # would become a real-looking time of a call that never had one
    short = values.astype(str).str.len().to_numpy() <= 12
    if short.any():
        words = values[short].astype(str).str.strip().str.lower().isin(("now", "today"))
        if words.any():
            values = values.mask(pd.Series(short, index=values.index) & words.reindex(values.index, fill_value=False), "")
    if fmt.endswith("%z") or " %z " in fmt:
        out = pd.to_datetime(values, format=fmt, errors="coerce", utc=True).dt.tz_convert(None)
    else:
        out = pd.to_datetime(values, format=fmt, errors="coerce")
    try:
        return out.astype("datetime64[ns]")
    except pd.errors.OutOfBoundsDatetime:
        # pandas reads "01.01.3000" at a coarser unit; datetime64[ns] holds 1677-2262 only: unreadable
        # (stopping the whole import, or wrapping round to some other year, would be worse)
        return out.where((out >= pd.Timestamp.min) & (out <= pd.Timestamp.max)).astype("datetime64[ns]")


_FIXED = {"%d": 2, "%m": 2, "%Y": 4, "%y": 2, "%H": 2, "%M": 2, "%S": 2}
_YEARS = (1678, 2262)   # the whole years datetime64[ns] holds; a time outside them is left to pandas
_BLOCK = 64             # rows compared with the layout in one go (long numpy loops, not one per row)
_CHUNK = 1 << 14        # rows parsed at a time: their bytes stay in the CPU cache


@functools.cache
def _layout(fmt: str):
    """(row width, offset of each directive, lowest byte and span per byte tiled over _BLOCK rows) of a
    zero-padded fixed-width format, or None.

    The row is one byte longer than the format (rounded up to whole 8-byte words), and that byte must be
    0: a longer value does not fit. Day, month and a year are required: strptime's defaults for them
    are left to strptime."""
    import numpy as np

    at: dict[str, int] = {}
    lo: list[int] = []
    span: list[int] = []
    i = 0
    while i < len(fmt):
        if fmt[i] == "%":
            d = fmt[i:i + 2]
            if d not in _FIXED or d in at:
                return None
            at[d] = len(lo)
            lo += [ord("0")] * _FIXED[d]
            span += [9] * _FIXED[d]
            i += 2
        else:
            if not fmt[i].isascii():
                return None
            lo.append(ord(fmt[i]))
            span.append(0)
            i += 1
    if not {"%d", "%m"} <= at.keys() or len({"%Y", "%y"} & at.keys()) != 1:
        return None
    row = (len(lo) + 1 + 7) // 8 * 8
    pad = [0] * (row - len(lo))
    return (row, at, np.tile(np.array(lo + pad, dtype=np.uint8), _BLOCK),
            np.tile(np.array(span + pad, dtype=np.uint8), _BLOCK))


@functools.cache
def _months():
    """(seconds from 1970 to the day before the 1st, days in the month) of each month of _YEARS."""
    import numpy as np

    first, last = _YEARS
    starts = np.arange(f"{first}-01", f"{last}-02", dtype="datetime64[M]").astype("datetime64[D]").astype(np.int64)
    return (starts[:-1] - 1) * 86400, np.diff(starts).astype(np.uint8)


def fast_fixed(values, fmt: str) -> np.ndarray | None:
    """Parse zero-padded fixed-width times (``%d.%m.%Y %H:%M:%S`` and the like) with numpy.

    ``values``: the cells (a series or an object array). Returns datetime64[ns] with NaT where a value
    does not fit exactly, or None when the format is not of the fixed-width kind. Whatever it reads, it
    reads as strptime would; what it leaves (unpadded, spaced, non-ASCII, years outside 1678-2261, 24:00,
    second 60, which pandas carries into the next minute) is for strptime to judge, see :func:`_parse_with`.
    """
    import numpy as np

    layout = _layout(fmt)
    if layout is None:
        return None
    cells = np.asarray(values, dtype=object)
    out = np.empty(len(cells), dtype=np.int64)
    for i in range(0, len(cells), _CHUNK):
        out[i:i + _CHUNK] = _fixed_chunk(cells[i:i + _CHUNK], *layout)
    return out.view("datetime64[ns]")


def _fixed_chunk(cells, row, at, lo, span):
    """Nanoseconds since 1970 of some cells under a :func:`_layout`, NaT's integer where one does not fit.

    The cells become rows of bytes; every byte is checked against the format (a digit, or the literal
    character) in one comparison over all rows, then the fields are read column by column."""
    import numpy as np

    n = len(cells)
    b = np.zeros(-(-n // _BLOCK) * _BLOCK, dtype=f"S{row}")
    try:
        b[:n] = cells
    except UnicodeEncodeError:
        # a cell in another alphabet ("нет данных") is left blank here, for strptime
        b[:n] = np.where([isinstance(c, str) and c.isascii() for c in cells], cells, "")
    flat = b.view(np.uint8)
    # a byte fits when byte - lo <= span (a digit: "0" + 0..9; a literal or the byte after: exactly);
    # below lo the uint8 difference wraps round to a large number
    bad = flat.reshape(-1, len(lo)) - lo
    np.greater(bad, span, out=bad.view(bool))
    words = bad.view(np.uint64).reshape(len(b), row // 8)
    ok = words[:, 0] == 0
    for k in range(1, row // 8):
        ok &= words[:, k] == 0
    m = flat.reshape(len(b), row)

    def two(p):   # a two-digit field; uint8 arithmetic wraps for non-digits, whose rows are not ok anyway
        return m[:, p] * 10 + m[:, p + 1] - (ord("0") * 11) % 256

    def field(d):
        return two(at[d]) if d in at else np.zeros(len(b), dtype=np.uint8)

    if "%Y" in at:
        year = two(at["%Y"]).astype(np.int32) * 100 + two(at["%Y"] + 2)
    else:   # strptime's pivot: 00-68 are 2000-2068, 69-99 are 1969-1999
        year = two(at["%y"]).astype(np.int32)
        year += np.where(year < 69, 2000, 1900)
    month, day, hour, minute, second = (field(d) for d in ("%m", "%d", "%H", "%M", "%S"))
    ok &= (year >= _YEARS[0]) & (year < _YEARS[1]) & (month - 1 < 12) & (hour < 24) & (minute < 60) & (second < 60)
    starts, lengths = _months()
    idx = np.where(ok, (year - _YEARS[0]) * 12 + month - 1, 0)
    ok &= day - 1 < lengths[idx]     # day 0 wraps round to 255
    secs = starts[idx] + day.astype(np.int64) * 86400 + \
        (hour.astype(np.int32) * 3600 + minute.astype(np.int32) * 60 + second)
    return np.where(ok, secs * 1_000_000_000, np.iinfo(np.int64).min)[:n]


def _parse_with(cells: np.ndarray, fmt: str) -> np.ndarray:
    """datetime64[ns] of the cells (an object array) under one format, NaT where they do not fit."""
    import numpy as np
    import pandas as pd

    fast = fast_fixed(cells, fmt)
    if fast is None:
        return _to_dt(pd.Series(cells, dtype=object), fmt).to_numpy(copy=True)
    left = np.flatnonzero(np.isnat(fast))
    left = left[cells[left] != ""]
    if len(left):
        # not zero-padded ("1.2.2024 9:05:00"): strptime accepts those for the same format
        fast[left] = _to_dt(pd.Series(cells[left], dtype=object), fmt).to_numpy()
    return fast


def _filled(cells: np.ndarray, count: int) -> np.ndarray:
    """Positions of the first ``count`` non-empty cells, looking no further down the column than needed."""
    import numpy as np

    end = count
    while True:
        pos = np.flatnonzero(cells[:end] != "")
        if len(pos) >= count or end >= len(cells):
            return pos[:count]
        end *= 8


def parse_times(values: pd.Series, *, options: dict | None = None) -> tuple[pd.Series, str]:
    """(datetime64[ns] naive, NaT where unreadable or empty; a short note of the rule used)."""
    import numpy as np
    import pandas as pd

    options = options or {}
    s = values.astype(str)
    cells = s.to_numpy(dtype=object)
    filled = _filled(cells, 5000)
    head = s.head(2000)
    if (head != head.str.strip()).any() or not len(filled):
        s = s.str.strip()
        cells = s.to_numpy(dtype=object)
        filled = _filled(cells, 5000)
    times = np.full(len(s), np.datetime64("NaT"), dtype="datetime64[ns]")
    if not len(filled):
        return pd.Series(times, index=s.index), "no times"
    unit = options.get("time_unit")
    epoch = options.get("epoch")
    fmt_opt = options.get("time_format")
    sample = s.iloc[filled].str.strip().drop_duplicates().head(500)
    if fmt_opt:
        return pd.Series(_parse_with(cells, fmt_opt), index=s.index), f"format {fmt_opt}"
    if unit is None and epoch:
        unit = "s"
    if unit is None and sample.str.fullmatch(r"\d{9,13}(\.\d+)?").all():
        unit = "ms" if pd.to_numeric(sample).median() >= 1e11 else "s"
    if unit is not None:
        if unit not in ("s", "ms"):
            from linkview.errors import InputError

            raise InputError(f"time_unit must be 's' or 'ms', not {unit!r}")
        num = pd.to_numeric(s.where(s.str.fullmatch(r"-?\d+(\.\d+)?"), None), errors="coerce")
        base = pd.Timestamp(epoch) if epoch else pd.Timestamp("1970-01-01")
        if base.tzinfo is not None:
            base = base.tz_convert(None)
        ok = num.notna()
        out = pd.Series(times, index=s.index)
        out.loc[ok] = base + pd.to_timedelta(num[ok], unit=unit)
        return out, f"{'milli' if unit == 'ms' else ''}seconds since {base:%Y-%m-%d %H:%M:%S}" + \
            (" (UTC)" if not epoch else "")
    formats = _formats(bool(options.get("dayfirst", True)))
    scores = []
    for rank, fmt in enumerate(formats):
        hit = int(_to_dt(sample, fmt).notna().sum())
        if hit:
            scores.append((hit, -rank, fmt))
    if not scores:
        if sample.str.fullmatch(r"-?\d+(\.\d+)?").all():
            return pd.Series(times, index=s.index), \
                "plain numbers, not times (set options time_unit 's' and epoch when they count seconds)"
        return pd.Series(times, index=s.index), "no known time format"
    scores.sort(reverse=True)
    used = []
    todo = None     # positions of the non-empty cells no format has read yet, once one has read some
    for _hit, _r, fmt in scores:
        if todo is None:
            parsed = _parse_with(cells, fmt)     # blank cells come back NaT
            got = ~np.isnat(parsed)
            if got.any():
                times = parsed
                todo = np.flatnonzero(~got)
                todo = todo[cells[todo] != ""]
        elif len(todo):
            parsed = _parse_with(s.iloc[todo].str.strip().to_numpy(dtype=object), fmt)
            got = ~np.isnat(parsed)
            times[todo[got]] = parsed[got]
            todo = todo[~got]
        else:
            break
        if got.any():
            used.append(fmt)
    return pd.Series(times, index=s.index), "format " + " | ".join(used)


def time_bounds(options: dict | None = None):
    """(earliest, latest) accepted times as naive pandas Timestamps."""
    import pandas as pd

    days = float((options or {}).get("max_future_days", 1))
    return pd.Timestamp(MIN_TIME), pd.Timestamp.now("UTC").tz_convert(None) + pd.Timedelta(days=days)


_HMS = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2})$")
_NUM = re.compile(r"^-?\d+(?:[.,]\d+)?$")


def _duration_one(text: str) -> float | None:
    t = text.strip().replace("\xa0", "").replace(" ", "")
    if not t:
        return float("nan")
    if _NUM.match(t):
        return float(t.replace(",", "."))
    m = _HMS.match(t)
    if m:
        h, mi, s = int(m.group(1) or 0), int(m.group(2)), int(m.group(3))
        if mi < 60 and s < 60:
            return float(h * 3600 + mi * 60 + s)
    return None


def parse_durations(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(seconds as float, mask of unreadable values). ``H:MM:SS``, ``MM:SS`` or seconds."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values.astype(str), sort=False)
    parsed = [_duration_one(u) for u in uniques]
    bad_u = np.array([p is None for p in parsed], dtype=bool)
    nums = np.array([np.nan if p is None else p for p in parsed], dtype="float64")
    if len(uniques) == 0:
        return pd.Series(np.full(len(values), np.nan), index=values.index), \
            pd.Series(np.zeros(len(values), dtype=bool), index=values.index)
    out = nums[codes]
    bad = bad_u[codes]
    return pd.Series(out, index=values.index), pd.Series(bad, index=values.index)


def currency_words() -> dict[str, str]:
    """Currency label (folded) -> code, from ``currencies.csv`` next to this module (an editable table).
    Each label is also entered without its spaces (amount cells lose them: ``1 500 tether usd``)."""
    global _CURRENCY_WORDS
    if _CURRENCY_WORDS is None:
        import csv
        from importlib import resources

        text = resources.files("linkview.ingest").joinpath("currencies.csv").read_text(encoding="utf-8")
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
        table: dict[str, str] = {}
        for rec in csv.DictReader(lines):
            label = _fold_currency(rec["label"])
            code = rec["code"].strip().upper()
            if label and code:
                table.setdefault(label, code)
                table.setdefault(re.sub(r"\s+", "", label), code)
        _CURRENCY_WORDS = table
    return _CURRENCY_WORDS


_CURRENCY_WORDS: dict[str, str] | None = None


def _fold_currency(text: str) -> str:
    return " ".join(str(text).casefold().split()).rstrip(".").strip()


def normalize_currency(values):
    """Currency labels of a column (``₸``, ``тг``, ``Tether USD``, ``usdt``...) as codes (``KZT``, ``USDT``);
    a label not in ``currencies.csv`` is upper-cased and kept; blank stays ""."""
    import numpy as np
    import pandas as pd

    s = pd.Series(values).astype(str)
    codes, uniques = pd.factorize(s, sort=False)
    table = currency_words()
    out = []
    for u in uniques:
        f = _fold_currency(u)
        out.append(table.get(f) or table.get(f.replace(" ", "")) or " ".join(str(u).split()).upper())
    if not len(uniques):
        return pd.Series([""] * len(s), index=s.index, dtype=str)
    return pd.Series(np.asarray(out, dtype=object)[codes], index=s.index, dtype=str)


_AMOUNT_CORE = re.compile(r"[-+−]?\s*[\d\s\xa0\u202f'.,]*\d")


_SCI = re.compile(r"^[-+]?\d+(?:\.\d+)?[eE][-+]?\d+$")


def _amount_one(text: str) -> tuple[float | None, str]:
    t = text.strip()
    if not t:
        return float("nan"), ""
    if _SCI.match(t):        # 1e-05 ETH written by an export tool
        return float(t), ""
    low = t.casefold()
    cur = ""
    letters = re.sub(r"[\d\s\xa0\u202f'.,+\-−()]", "", low)
    if letters:
        cur = currency_words().get(letters.rstrip("."), "")
        if not cur:
            return None, ""
    neg = low.startswith(("-", "−")) or low.endswith("-") or (low.startswith("(") and low.endswith(")"))
    digits = re.sub(r"[^\d.,]", "", t)
    if not digits or not any(ch.isdigit() for ch in digits):
        return None, cur
    if "," in digits and "." in digits:
        if digits.rfind(",") > digits.rfind("."):
            digits = digits.replace(".", "").replace(",", ".")
        else:
            digits = digits.replace(",", "")
    elif "," in digits:
        if digits.count(",") > 1:
            digits = digits.replace(",", "")
        else:
            digits = digits.replace(",", ".")
    elif digits.count(".") > 1:
        digits = digits.replace(".", "")
    try:
        v = float(digits)
    except ValueError:
        return None, cur
    return (-v if neg else v), cur


def parse_amounts(values: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """(amount float with sign, currency found in the text or "", mask of unreadable values).

    ``1 500,00 ₸``, ``1\u00a0500.00 KZT``, ``-250,5``, ``1,234.56`` (both separators: the last one is the
    decimal point; a single comma is a decimal comma, as in Kazakhstan).
    """
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(values.astype(str), sort=False)
    u = pd.Series(np.asarray(uniques, dtype=object), dtype=object)
    nums = np.full(len(u), np.nan)
    curs = np.full(len(u), "", dtype=object)
    bad_u = np.zeros(len(u), dtype=bool)
    # a number alone ("2358.25", "-15", "1500,5"), as blockchain exports and most statements write it:
    # read in C; _amount_one gives these the same value, one at a time
    plain = u.str.fullmatch(r"-?[0-9]+(?:[.,][0-9]+)?").to_numpy(dtype=bool, na_value=False)
    if plain.any():
        nums[plain] = u[plain].str.replace(",", ".", regex=False).to_numpy(dtype=object).astype("float64")
    for i in np.flatnonzero(~plain):
        value, curs[i] = _amount_one(uniques[i])
        if value is None:
            bad_u[i] = True
        else:
            nums[i] = value
    if len(uniques) == 0:
        n = len(values)
        return (pd.Series(np.full(n, np.nan), index=values.index), pd.Series([""] * n, index=values.index, dtype=str),
                pd.Series(np.zeros(n, dtype=bool), index=values.index))
    return (pd.Series(nums[codes], index=values.index), pd.Series(curs[codes], index=values.index, dtype=str),
            pd.Series(bad_u[codes], index=values.index))


# connection types: folded text -> (direction, etype); etype "data" rows are not calls
_TYPES: dict[str, tuple[str, str]] = {}
for words, val in [
    (["исх", "исходящий", "исходящие", "исходящий вызов", "исходящий звонок", "исх вызов", "исх звонок", "moc",
      "outgoing", "out", "outgoing call", "o", "шығыс", "шығыс қоңырау", "voice out", "исходящее"], ("out", "call")),
    (["вх", "входящий", "входящие", "входящий вызов", "входящий звонок", "вх вызов", "вх звонок", "mtc",
      "incoming", "in", "incoming call", "i", "кіріс", "кіріс қоңырау", "voice in", "входящее"], ("in", "call")),
    (["missed", "пропущенный", "пропущенный вызов", "неотвеченный", "missed call", "жауапсыз"], ("in", "missed")),
    (["sms mo", "sms исх", "исх sms", "исходящее sms", "исх смс", "смс исх", "исходящее смс", "sms out",
      "outgoing sms", "sms o", "mo sms", "sms-mo"], ("out", "sms")),
    (["sms mt", "sms вх", "вх sms", "входящее sms", "вх смс", "смс вх", "входящее смс", "sms in",
      "incoming sms", "sms i", "mt sms", "sms-mt"], ("in", "sms")),
    (["sms", "смс"], ("", "sms")),
    (["переадресация", "переадр", "forward", "forwarded", "cfw", "call forward", "call forwarding",
      "переадресация вызова", "бағыттау"], ("fwd", "call")),
    (["gprs", "интернет", "internet", "data", "передача данных", "mobile internet", "lte", "3g", "ussd",
      "mms", "mms mo", "mms mt", "gprs сессия", "internet session"], ("", "data")),
    (["звонок", "вызов", "call", "voice", "разговор", "голос", "қоңырау"], ("", "call")),
]:
    for w in words:
        _TYPES[w] = val


def parse_types(values: pd.Series):
    """(direction out/in/fwd/"", etype call/sms/missed/data, mask of unknown non-empty types, mask of
    empty cells)."""
    import numpy as np
    import pandas as pd

    from linkview.ingest.fields import fold_header

    codes, uniques = pd.factorize(values.astype(str), sort=False)
    dirs, etypes, unknown, empty = [], [], [], []
    for u in uniques:
        f = fold_header(u)
        empty.append(not f)
        hit = _TYPES.get(f)
        if hit is None:
            # "Исходящий вызов (моб.)", "SMS MO International": look at the words
            words = f.split()
            if any(w in ("sms", "смс") for w in words):
                d = "out" if any(w in ("mo", "исх", "исходящее", "out") for w in words) else \
                    "in" if any(w in ("mt", "вх", "входящее", "in") for w in words) else ""
                hit = (d, "sms")
            elif f.startswith(("исх", "outgoing", "moc")):
                hit = ("out", "call")
            elif f.startswith(("вх", "incoming", "mtc")):
                hit = ("in", "call")
            elif f.startswith(("переадр", "forward")):
                hit = ("fwd", "call")
            elif f.startswith(("gprs", "интернет", "internet", "передача данных")):
                hit = ("", "data")
        dirs.append(hit[0] if hit else "")
        etypes.append(hit[1] if hit else "call")
        unknown.append(hit is None and bool(f))
    if len(uniques) == 0:
        n = len(values)
        blank = pd.Series([""] * n, index=values.index, dtype=str)
        return blank, pd.Series(["call"] * n, index=values.index, dtype=str), \
            pd.Series(np.zeros(n, dtype=bool), index=values.index), np.ones(n, dtype=bool)
    d = np.array(dirs, dtype=object)[codes]
    e = np.array(etypes, dtype=object)[codes]
    k = np.array(unknown, dtype=bool)[codes]
    return (pd.Series(d, index=values.index, dtype=str), pd.Series(e, index=values.index, dtype=str),
            pd.Series(k, index=values.index), np.array(empty, dtype=bool)[codes])
