"""Phone numbers, service numbers (short codes, alphanumeric senders) and anonymised subscriber ids.

A phone cell is first brought to canonical international digits without the library (11 digits
starting 7 or 8 -> ``+7`` and the last 10; 10 digits -> ``+7``; ``00`` / ``810`` -> ``+``), because
``phonenumbers.parse("79161234567", "KZ")`` would read a Russian number as the invalid
``+779161234567``. Numbers of country code 7 are then classified by ``_phone_plan``, which compiles
the very patterns phonenumbers uses for Russia and Kazakhstan once and applies them the way
``phonenumbers.is_valid_number`` does (tests check both agree); other countries go through
``phonenumbers.parse`` with no region. A whole column (:func:`phone_columns`) is classified with the
plan's automaton over a numpy matrix of digits, and its fields are built as arrays, not per number.

>>> normalize_phone("8 (701) 123-45-67").key
'+77011234567'
>>> normalize_phone("79161234567").note
'Russia, mobile'
>>> normalize_phone("Kaspi.kz").kind, normalize_phone("1414").key
('service', '1414')
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from linkview.identifiers import _data
from linkview.identifiers._base import Identifier, empty, excel_digits, to_text
from linkview.identifiers._phone_plan import plan7

if TYPE_CHECKING:
    import numpy as np

__all__ = ["normalize_phone", "normalize_service", "normalize_subscriber", "phone_batch", "phone_columns",
           "canonical_phone", "sender_problem"]

_TEL_PREFIX = re.compile(r"^(?:tel|phone|тел)\.?:?\s*", re.IGNORECASE)
_PHONE_CHARS = re.compile(r"^[\s()\-]*\+?[\d\s()\-./]*$")  # "(+7) 701…": a + only before the digits
_LETTER = re.compile(r"[^\W\d_]")
_NOT_DIGIT = re.compile(r"\D")
_SENDER_SPACES = re.compile(r"\s+")
_SENDER_MAX = 11                      # GSM alphanumeric sender ids: at most 11 characters
_SENDER_PUNCT = frozenset(" .-_&")    # besides letters and digits
_FORMULA_START = ("=", "+", "-", "@")  # what spreadsheets read as the start of a formula
_DOT_ZERO = re.compile(r"\.0+(?=[\s()\-]*$)")  # Excel's ".0" at the end (brackets, dashes may follow)
_PUNCTUATION = str.maketrans("", "", " ()-")
# One match per line: group 1 is the 10 digits after +7 for the common spellings, "" otherwise.
_FAST_LINES = re.compile(r"^(?:(?:\+7|[78]|8107|007)?([0-9]{10})(?:\.0+)?|.*)$", re.MULTILINE)

_TYPE_NAMES = {
    "fixed_line": "fixed line", "mobile": "mobile", "fixed_line_or_mobile": "fixed line or mobile",
    "toll_free": "toll-free", "premium_rate": "premium rate", "shared_cost": "shared cost", "voip": "VoIP",
    "personal_number": "personal number", "pager": "pager", "uan": "UAN", "voicemail": "voicemail",
}
_COUNTRY = {"KZ": "Kazakhstan", "RU": "Russia"}


def canonical_phone(raw: object) -> tuple[str, str]:
    """``(form, value)``: how a phone cell reads before any library call.

    form is ``intl`` (value = international digits without ``+``), ``short`` (a short code),
    ``sender`` (an alphanumeric sender name), ``local`` (7-9 digits: a code is missing), ``excel``
    (scientific notation that dropped digits), ``bad`` (value = the text), or ``empty``.

    >>> canonical_phone("810 7 701 123 45 67"), canonical_phone("7.7011234567E+10")
    (('intl', '77011234567'), ('intl', '77011234567'))
    """
    if type(raw) is str:  # fast path: digits with spaces, dashes, brackets and a leading +
        plus = raw[:1] == "+"
        digits = (raw[1:] if plus else raw).translate(_PUNCTUATION)
        if digits.isdigit() and digits.isascii():
            return _canonical_digits(plus, digits)
    text, _ = to_text(raw)
    if not text:
        return "empty", ""
    text = _TEL_PREFIX.sub("", text, count=1)
    plus = False
    excel = excel_digits(text)
    if excel is not None:
        digits, complete = excel
        if not complete:
            return "excel", text.casefold()
    elif _PHONE_CHARS.match(text):
        plus = "+" in text
        if text.count(".") == 1:
            text = _DOT_ZERO.sub("", text)
        digits = _NOT_DIGIT.sub("", text)
    elif _LETTER.search(text):
        if sum(ch.isdigit() for ch in text) >= 7:
            return "bad", text  # a number with words around it ("… доб. 12"): kept, flagged
        return "sender", _SENDER_SPACES.sub(" ", text)
    else:
        return "bad", text
    if not digits:
        return "bad", text
    if not digits.isascii():  # Arabic-Indic, full-width... digits (Excel's .0 too): as phonenumbers does, fold to 0-9
        digits = "".join(str(unicodedata.decimal(ch)) for ch in digits)
    return _canonical_digits(plus, digits)


def _canonical_digits(plus: bool, digits: str) -> tuple[str, str]:
    n = len(digits)
    if plus:
        return "intl", digits
    if n == 11 and digits[0] in "78":
        return "intl", "7" + digits[1:]
    if n == 10:
        return "intl", "7" + digits
    if n > 11 and digits.startswith("810"):
        return "intl", digits[3:]
    if n > 4 and digits.startswith("00"):
        return "intl", digits[2:]
    if n <= 6:
        return "short", digits
    if n <= 9:
        return "local", digits
    return "intl", digits


def _display7(nsn: str) -> str:
    return f"+7 {nsn[:3]} {nsn[3:6]} {nsn[6:8]} {nsn[8:]}"


def _finish_7(nsn: str) -> Identifier:
    return _ident_7(nsn, *plan7().classify(nsn))


def _ident_7(nsn: str, region: str | None, kind: str | None) -> Identifier:
    valid, note, info = _verdict_7(region, kind, nsn[:3] if len(nsn) == 10 else "", nsn[:1], len(nsn))
    key = "+7" + nsn
    return Identifier("phone", key, _display7(nsn) if len(nsn) == 10 else key, valid, note, info)


@functools.lru_cache(maxsize=4096)
def _verdict_7(region: str | None, kind: str | None, prefix: str, first: str, length: int
               ) -> tuple[bool, str, tuple[tuple[str, str], ...]]:
    """(valid, note, info) of a +7 number from its region, type and first digits (static data only)."""
    if kind is not None:
        type_name = _TYPE_NAMES.get(kind, kind)
        country = _COUNTRY.get(region or "", region or "")
        if kind == "toll_free":
            return True, "toll-free (+7 800 exists in Russia and Kazakhstan)", (("line_type", type_name),)
        info: tuple[tuple[str, str], ...] = (("country", country), ("line_type", type_name))
        if region == "KZ":
            operator = _data.kz_mobile_prefixes().get(prefix, ("", True))[0]
            if operator and kind in ("mobile", "fixed_line_or_mobile"):
                return True, f"Kazakhstan, {operator} allocation", (*info, ("operator", f"{operator} (allocation)"))
        return True, f"{country}, {type_name}", info
    entry = _data.kz_mobile_prefixes().get(prefix)
    if entry is not None and not entry[1]:
        return False, f"prefix {prefix} is not a valid Kazakhstan number", (("country", "Kazakhstan"),)
    country = {"6": "Kazakhstan", "7": "Kazakhstan", "3": "Russia", "4": "Russia", "8": "Russia",
               "9": "Russia"}.get(first, "")
    note = f"not a valid {country} number" if country else "not a valid +7 number"
    if length != 10:
        note = f"{note}: +7 numbers have 10 digits after +7, this one has {length}"
    return False, note, (("country", country),) if country else ()


def _finish_intl(digits: str) -> Identifier:
    if digits.startswith("7") and len(digits) == 11:
        return _finish_7(digits[1:])
    import phonenumbers

    key = "+" + digits
    try:
        number = phonenumbers.parse(key, None)
    except phonenumbers.NumberParseException:
        return Identifier("phone", key, key, False, "not a phone number: no known country code")
    if number.country_code == 7:
        return _finish_7(phonenumbers.national_significant_number(number))
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    region = phonenumbers.region_code_for_number(number) or ""
    info = (("country", region),) if region and region != "001" else ()
    if phonenumbers.is_valid_number(number):
        return Identifier("phone", e164, display, True, f"country {region}" if region else "", info)
    where = f" for country {region}" if region else f" (+{number.country_code})"
    return Identifier("phone", e164, display, False, f"not a valid number{where}", info)


def _finish(form: str, value: str) -> Identifier:
    if form == "intl":
        return _finish_intl(value)
    if form == "empty":
        return empty("phone")
    if form == "short":
        return _service_code(value)
    if form == "sender":
        return _service_name(value)
    if form == "bad" and value.startswith(("=", "@")):
        return Identifier("phone", value, value, False, "not a phone number: looks like a spreadsheet formula")
    if form == "local":
        return Identifier("phone", value, value, False,
                          f"only {len(value)} digits: the city or operator code is missing")
    if form == "excel":
        return Identifier("phone", value, value, False,
                          "digits lost: Excel wrote the number in scientific notation")
    return Identifier("phone", value, value, False, "not a phone number")


def _service_code(digits: str) -> Identifier:
    if len(digits) < 3:
        return Identifier("phone", digits, digits, False, "too short for a phone number or a short code")
    name = _data.service_numbers().get(digits)
    info = (("service", name),) if name else ()
    return Identifier("service", digits, digits, True, f"short code: {name}" if name else "short code", info)


def sender_problem(text: str) -> str:
    """Why ``text`` cannot be an alphanumeric sender id ("" when it can): at most 11 letters, digits,
    spaces and ``. - _ &`` (GSM); a leading ``= + - @`` is a spreadsheet formula, not a name.

    >>> sender_problem("Kaspi.kz"), sender_problem('=HYPERLINK("http://x","y")')
    ('', 'looks like a spreadsheet formula')
    """
    if text.startswith(_FORMULA_START):
        return "looks like a spreadsheet formula"
    odd = sorted({ch for ch in text if not (ch.isalnum() or ch in _SENDER_PUNCT)})
    if odd:
        return "not a sender name: " + " ".join(repr(ch) for ch in odd[:5]) + " cannot be in one"
    if len(text) > _SENDER_MAX:
        return f"not a sender name: {len(text)} characters, sender names have at most {_SENDER_MAX}"
    return ""


def _service_name(text: str) -> Identifier:
    problem = sender_problem(text)
    if problem:
        return Identifier("service", text.casefold(), text, False, problem)
    return Identifier("service", text.casefold(), text, True, "alphanumeric sender")


def normalize_phone(raw: object) -> Identifier:
    """One phone cell; short codes and sender names come back as kind ``service``."""
    return _finish(*canonical_phone(raw))


def phone_batch(values: Iterable[object]) -> tuple[list[int], list[Identifier]]:
    """:func:`normalize_phone` of many values: ``(index, distinct)`` with
    ``normalize_phone(values[i]) == distinct[index[i]]``; each canonical number is classified once.
    """
    index, slots, nsns, where = _collect(values)
    _classify(slots, nsns, where)
    return index, slots


def _classify(slots: list[Identifier | None], nsns: list[str], where: Sequence[int]) -> None:
    """Fills slot ``where[k]`` with the Identifier of ``+7 nsns[k]``, the numbers classified together."""
    for nsn, j, (region, kind) in zip(nsns, where, plan7().classify_many(nsns), strict=True):
        slots[j] = _ident_7(nsn, region, kind)


Factorize = Callable[[list[str]], tuple[list[int], list[str]]]
_FIELDS = ("kind", "key", "display", "valid", "note")


def phone_columns(values: Iterable[object], factorize: Factorize | None = None) -> tuple[list[int], dict[str, list]]:
    """Like :func:`phone_batch`, as columns ``kind key display valid note`` (no ``info``) over the
    distinct slots: the fast path of ``normalize_series``, which never builds the Identifiers of
    ``+7`` numbers. ``columns[c][index[i]]`` is field ``c`` of ``normalize_phone(values[i])``.

    ``factorize(items) -> (codes, uniques)`` (first-seen order) may replace the dictionary that finds
    the distinct numbers: ``normalize_series`` passes one built on ``pandas.factorize``, faster on
    large columns, so that this module needs no pandas. The columns of the ``+7`` numbers come from
    :func:`_columns_7` (numpy); when it cannot take them, every slot gets its Identifier.
    """
    import numpy as np

    index, slots, nsns, where = _collect(values, factorize)
    fast = _columns_7(nsns)
    if fast is None:
        _classify(slots, nsns, where)
        return index, {f: [getattr(i, f) for i in slots] for f in _FIELDS}
    if len(nsns) == len(slots):  # every slot a +7 number, in order (``where`` increases)
        return index, fast
    others = [j for j, ident in enumerate(slots) if ident is not None]
    columns: dict[str, list] = {}
    for field in _FIELDS:
        column = np.empty(len(slots), dtype=object)
        column[np.asarray(where, dtype=np.intp)] = fast[field]
        column[others] = [getattr(slots[j], field) for j in others]
        columns[field] = column.tolist()
    return index, columns


def _columns_7(nsns: list[str]) -> dict[str, list] | None:
    """Fields ``kind key display valid note`` of the ``+7`` numbers ``nsns`` (10 characters each), computed
    for all of them at once; None when there are none, when a number holds digits of other scripts or
    when the plan has no automaton (:meth:`Plan7.classify_digits`).

    The numbers become one ``uint8`` matrix, a row per number; the automaton of the plan classifies
    every row in ten array lookups. The verdict depends only on (region, type, first three digits), so
    :func:`_verdict_7` runs once per distinct triple, and key and display are laid out in one byte
    matrix decoded and split in one go (:func:`_lay_out`), with no string built per number in Python.
    """
    import numpy as np

    text = "".join(nsns)
    if not (text.isascii() and text.isdigit()):
        return None
    chars = np.frombuffer(text.encode("ascii"), dtype=np.uint8).reshape(len(nsns), 10)
    digits = chars - ord("0")
    found = plan7().classify_digits(digits)
    if found is None:
        return None
    classes, codes = found
    triple = codes * 1000 + digits[:, :3] @ np.array([100, 10, 1])
    seen = np.zeros(len(classes) * 1000, dtype=bool)  # a table, not a sort: the triples are few
    seen[triple] = True
    triples = np.flatnonzero(seen)
    verdicts = [_verdict_7(*classes[t // 1000], f"{t % 1000:03d}", str(t // 100 % 10), 10) for t in triples.tolist()]
    position = np.zeros(len(seen), dtype=np.intp)
    position[triples] = np.arange(len(triples))
    which = position[triple]
    return {
        "kind": ["phone"] * len(nsns),
        "key": _lay_out(chars, lambda nsn: "+7" + nsn),
        "display": _lay_out(chars, _display7),
        "valid": np.array([v[0] for v in verdicts], dtype=bool)[which].tolist(),
        "note": np.array([v[1] for v in verdicts], dtype=object)[which].tolist(),
    }


def _lay_out(chars: np.ndarray, form: Callable[[str], str]) -> list[str]:
    """``[form(row) for row in chars]`` for a ``form`` that only rearranges the digits and adds ASCII
    text (slices and literals, like :func:`_display7`), without a Python call per row.

    ``form`` runs once, on placeholder characters, to find where each digit goes; the rows are
    written into a byte matrix of that layout with a newline after each, decoded once and split.
    """
    import numpy as np

    marks = "".join(chr(0x2460 + k) for k in range(chars.shape[1]))  # ①②③…: no form writes these
    shown = form(marks)
    spots = [(at, marks.index(ch)) for at, ch in enumerate(shown) if ch in marks]
    template = "".join("0" if ch in marks else ch for ch in shown) + "\n"
    out = np.empty((len(chars), len(template)), dtype=np.uint8)
    out[:] = np.frombuffer(template.encode("ascii"), dtype=np.uint8)
    out[:, [at for at, _ in spots]] = chars[:, [k for _, k in spots]]
    return out.tobytes()[:-1].decode("ascii").split("\n")


def _collect(values: Iterable[object], factorize: Factorize | None = None
             ) -> tuple[list[int], list[Identifier | None], list[str], Sequence[int]]:
    """The shared first step of :func:`phone_batch` and :func:`phone_columns`.

    Returns ``(index, slots, nsns, where)``: value ``i`` reads as slot ``index[i]``; slots of values
    that are not ``+7`` numbers hold their Identifier, slots of ``+7`` numbers hold None: slot
    ``where[k]`` is the number ``+7 nsns[k]`` (``where`` increases), to be classified together. Every
    ``nsns[k]`` has 10 characters (any other length is an Identifier already), digits but not always
    ASCII ones: an Excel spelling (``7٧٠١….0``) keeps the digits of other scripts.

    The common spellings of ``+7`` numbers are canonicalised for all values at once: the values are
    joined into one text, ``" ()-"`` deleted, and one multi-line regex (``findall``, in C) picks the
    10 digits of each line that is ``+7``, ``7``, ``8``, ``8107``, ``007`` or nothing, then 10 digits
    and maybe Excel's ``.0`` — exactly the values :func:`canonical_phone` reads as ``+7`` and those
    10 digits. Every other value takes the per-value path; the dictionary of the numbers found (to
    give a number spelled both ways one slot) is only built when there is such a value.
    """
    values = list(values)
    slots: list[Identifier | None] = []
    nsns: list[str] = []
    where: Sequence[int] = []
    by_canon: dict[tuple[str, str], int] = {}
    only_text = set(map(type, values)) <= {str}
    positions = range(len(values)) if only_text else [i for i, v in enumerate(values) if type(v) is str]
    lines: list[str] = []
    if positions:
        texts = values if only_text else [values[i] for i in positions]
        lines = _FAST_LINES.findall("\n".join(texts).translate(_PUNCTUATION))
    if len(lines) == len(positions):
        if factorize is not None:
            found, nsns = factorize(lines)
        else:  # dict.fromkeys and map run in C: the distinct numbers, then each line's slot among them
            nsns = list(dict.fromkeys(lines))
            found = list(map(dict(zip(nsns, range(len(nsns)), strict=True)).__getitem__, lines))
        slots = [None] * len(nsns)
        where = range(len(nsns))
        slow = []
        if "" in nsns:  # the slot of the lines that did not match: never indexed
            unused = nsns.index("")
            slots[unused] = empty("phone")
            nsns = nsns[:unused] + nsns[unused + 1:]
            where = [*range(unused), *range(unused + 1, len(slots))]
            slow = [pos for pos, line in zip(positions, lines, strict=True) if not line]
        if len(positions) == len(values):
            index = found
        else:
            index = [0] * len(values)
            for pos, j in zip(positions, found, strict=True):
                index[pos] = j
    else:  # a value holds a line break: no joining, every value on its own
        index = [0] * len(values)
        slow = list(positions)
    if not only_text:
        slow.extend(i for i, v in enumerate(values) if type(v) is not str)
    by_nsn: dict[str, int] | None = None
    for pos in slow:
        canon = canonical_phone(values[pos])
        form, value = canon
        if form == "intl" and len(value) == 11 and value[0] == "7":
            if by_nsn is None:
                nsns, where = list(nsns), list(where)
                by_nsn = dict(zip(nsns, where, strict=True))
            j = by_nsn.get(value[1:])
            if j is None:
                j = by_nsn[value[1:]] = len(slots)
                slots.append(None)
                nsns.append(value[1:])
                where.append(j)
        else:
            j = by_canon.get(canon)
            if j is None:
                j = by_canon[canon] = len(slots)
                slots.append(_finish(form, value))
        index[pos] = j
    return index, slots, nsns, where


def normalize_service(raw: object) -> Identifier:
    """A short code (``1414``) or an alphanumeric sender (``Kaspi.kz``); a full number stays a phone."""
    text, _ = to_text(raw)
    if not text:
        return empty("service")
    form, value = canonical_phone(text)
    if form == "short" and len(value) >= 3:
        return _service_code(value)
    if form == "sender":
        return _service_name(value)
    if form in ("intl", "local", "excel"):
        return _finish(form, value)
    return Identifier("service", text.casefold(), text, False, "not a short code or sender name")


def normalize_subscriber(raw: object) -> Identifier:
    """An opaque subscriber id of an anonymised dataset: the stripped text (``86.0`` -> ``86``)."""
    text, _ = to_text(raw)
    if not text:
        return empty("subscriber")
    excel = excel_digits(text)
    if excel is not None and excel[1] and "." in text:
        text = excel[0]
    text = _SENDER_SPACES.sub(" ", text)
    return Identifier("subscriber", text, text, True)
