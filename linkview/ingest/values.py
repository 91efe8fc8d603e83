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

    if fmt.endswith("%z") or " %z " in fmt:
        out = pd.to_datetime(values, format=fmt, errors="coerce", utc=True)
        return out.dt.tz_convert(None).astype("datetime64[ns]")
    return pd.to_datetime(values, format=fmt, errors="coerce").astype("datetime64[ns]")


_FIXED = {"%d": 2, "%m": 2, "%Y": 4, "%H": 2, "%M": 2, "%S": 2}


def fast_fixed(values: pd.Series, fmt: str) -> pd.Series | None:
    """Parse zero-padded fixed-width times (``%d.%m.%Y %H:%M:%S`` and the like) with numpy.

    Returns a datetime64[ns] series with NaT where a value does not fit exactly, or None when the
    format is not one of the fixed-width kind.
    """
    import numpy as np
    import pandas as pd

    parts: list[tuple[str, int, int]] = []   # (directive or literal, start, width)
    i = pos = 0
    while i < len(fmt):
        if fmt[i] == "%":
            d = fmt[i:i + 2]
            if d not in _FIXED:
                return None
            parts.append((d, pos, _FIXED[d]))
            pos += _FIXED[d]
            i += 2
        else:
            parts.append((fmt[i], pos, 1))
            pos += 1
            i += 1
    width = pos
    arr = values.to_numpy(dtype=object, na_value="")
    try:
        # ASCII only (anything else takes the slow path); one byte more than the format, to see longer values
        b = np.asarray(arr, dtype=f"S{width + 1}")
    except (UnicodeEncodeError, ValueError, TypeError):
        return None
    full = np.frombuffer(b.tobytes(), dtype=np.uint8).reshape(len(b), width + 1) if len(b) else \
        np.zeros((0, width + 1), dtype=np.uint8)
    codes = full[:, :width]
    u = b
    ok = (full[:, width] == 0) & (codes[:, width - 1] != 0) if width else np.zeros(len(b), dtype=bool)
    fields: dict[str, np.ndarray] = {}
    for token, start, w in parts:
        seg = codes[:, start:start + w].astype(np.int64)
        if token.startswith("%"):
            digit = (seg >= 48) & (seg <= 57)
            ok &= digit.all(axis=1)
            num = np.zeros(len(u), dtype=np.int64)
            for k in range(w):
                num = num * 10 + (seg[:, k] - 48)
            fields[token] = num
        else:
            ok &= seg[:, 0] == ord(token)
    year = fields.get("%Y", np.full(len(u), 1970))
    month = fields.get("%m", np.ones(len(u), dtype=np.int64))
    day = fields.get("%d", np.ones(len(u), dtype=np.int64))
    hh = fields.get("%H", np.zeros(len(u), dtype=np.int64))
    mi = fields.get("%M", np.zeros(len(u), dtype=np.int64))
    ss = fields.get("%S", np.zeros(len(u), dtype=np.int64))
    ok &= (month >= 1) & (month <= 12) & (day >= 1) & (hh <= 23) & (mi <= 59) & (ss <= 59) & (year >= 1)
    y = np.where(ok, year, 1970)
    m = np.where(ok, month, 1)
    months = (y - 1970) * 12 + (m - 1)
    start_month = months.astype("datetime64[M]").astype("datetime64[D]")
    next_month = (months + 1).astype("datetime64[M]").astype("datetime64[D]")
    mdays = (next_month - start_month).astype(np.int64)
    ok &= day <= mdays
    d = np.where(ok, day, 1)
    secs = (start_month.astype("datetime64[s]") + (d - 1) * 86400 + hh * 3600 + mi * 60 + ss)
    out = secs.astype("datetime64[ns]")
    out[~ok] = np.datetime64("NaT")
    return pd.Series(out, index=values.index)


def _parse_with(values: pd.Series, fmt: str) -> pd.Series:
    fast = fast_fixed(values, fmt)
    if fast is None:
        return _to_dt(values, fmt)
    miss = fast.isna() & (values != "")
    if miss.any():
        # not zero-padded ("1.2.2024 9:05:00"): strptime accepts those for the same format
        fast.loc[miss] = _to_dt(values.loc[miss], fmt)
    return fast


def parse_times(values: pd.Series, *, options: dict | None = None) -> tuple[pd.Series, str]:
    """(datetime64[ns] naive, NaT where unreadable or empty; a short note of the rule used)."""
    import numpy as np
    import pandas as pd

    options = options or {}
    s = values.astype(str)
    head = s.head(2000)
    if (head != head.str.strip()).any() or not (s != "").any():
        s = s.str.strip()
    nonempty = s != ""
    out = pd.Series(np.full(len(s), np.datetime64("NaT"), dtype="datetime64[ns]"), index=s.index)
    if not nonempty.any():
        return out, "no times"
    unit = options.get("time_unit")
    epoch = options.get("epoch")
    fmt_opt = options.get("time_format")
    sample = s[nonempty].head(5000).str.strip().drop_duplicates().head(500)
    if fmt_opt:
        out.loc[nonempty] = _parse_with(s[nonempty], fmt_opt)
        return out, f"format {fmt_opt}"
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
            return out, "plain numbers, not times (set options time_unit 's' and epoch when they count seconds)"
        return out, "no known time format"
    scores.sort(reverse=True)
    used = []
    todo = nonempty.copy()
    for _hit, _r, fmt in scores:
        if not todo.any():
            break
        parsed = _parse_with(s[todo].str.strip() if used else s[todo], fmt)
        got = parsed.notna()
        if got.any():
            out.loc[got[got].index] = parsed[got]
            used.append(fmt)
            todo.loc[got[got].index] = False
    return out, "format " + " | ".join(used)


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
    parsed = [_amount_one(u) for u in uniques]
    nums = np.array([np.nan if p[0] is None else p[0] for p in parsed], dtype="float64")
    curs = np.array([p[1] for p in parsed], dtype=object)
    bad_u = np.array([p[0] is None for p in parsed], dtype=bool)
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
