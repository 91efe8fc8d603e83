"""Kazakhstan IIN (individuals) and BIN (legal entities): 12 digits with a check digit.

The 5th digit tells them apart: 0-3 is the first digit of an IIN's birth day, 4-6 a BIN's type.
Check digit: ``sum(d[i] * w[i]) % 11`` with w = 1..11; if that is 10, again with
w = 3..11, 1, 2; if that is 10 again the number is never issued.

>>> normalize_taxid("791028302728").info_dict()["birth_date"]
'1979-10-28'
>>> normalize_taxid("971240001315").kind
'bin'
>>> normalize_taxid("880101300017").valid
False
"""

from __future__ import annotations

import datetime as dt
import re

from linkview.identifiers._base import Identifier, empty, excel_digits, to_text

__all__ = ["normalize_taxid", "taxid_check_digit"]

_W1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
_W2 = (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2)
_SEPARATORS = re.compile(r"[\s\-.]")
_PREFIX = re.compile(r"^(?:иин|бин|iin|bin|жсн|бсн)\s*:?\s*", re.IGNORECASE)
_CENTURY = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}
_BIN_TYPE = {"4": "resident legal entity", "5": "non-resident legal entity",
             "6": "joint entrepreneurship (IP(S))"}
_BIN_UNIT = {"0": "head office", "1": "branch", "2": "representative office", "3": "peasant farm (joint)"}


def taxid_check_digit(first11: str) -> int | None:
    """The check digit of an IIN/BIN from its first 11 digits; None when the number is never issued.

    >>> taxid_check_digit("90010130081")
    1
    """
    digits = [ord(c) - 48 for c in first11]
    check = sum(d * w for d, w in zip(digits, _W1, strict=True)) % 11
    if check == 10:
        check = sum(d * w for d, w in zip(digits, _W2, strict=True)) % 11
        if check == 10:
            return None
    return check


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def normalize_taxid(raw: object, kind: str = "taxid") -> Identifier:
    """An IIN or BIN; ``kind`` only names the result of an empty cell, the 5th digit decides the rest."""
    text, as_number = to_text(raw)
    fallback = "bin" if kind == "bin" else "iin"
    if not text:
        return empty(fallback)
    text = _PREFIX.sub("", text, count=1)
    excel = excel_digits(text)
    digits = excel[0] if excel is not None and excel[1] else _SEPARATORS.sub("", text)
    if not (digits.isascii() and digits.isdigit()):
        return Identifier(fallback, text.casefold(), text, False, "an IIN/BIN is 12 digits")
    if len(digits) == 11 and (as_number or excel is not None):
        digits = "0" + digits  # a number cell dropped the leading 0 of a 2000s IIN/BIN
    if len(digits) != 12:
        return Identifier(fallback, digits, digits, False, f"an IIN/BIN has 12 digits, this one has {len(digits)}")
    fifth = digits[4]
    resolved = "bin" if fifth in "456" else "iin"
    check = taxid_check_digit(digits[:11])
    problems = []
    if check is None:
        problems.append("check digit can never be computed: number never issued")
    elif check != int(digits[11]):
        problems.append(f"check digit wrong (expected {check})")
    info: list[tuple[str, str]] = []
    if resolved == "iin":
        century = _CENTURY.get(digits[6])
        if century is None:
            problems.append(f"7th digit {digits[6]} is not a century/sex digit (1-6)")
        else:
            born = _date(century + int(digits[:2]), int(digits[2:4]), int(digits[4:6]))
            if born is None:
                problems.append(f"impossible birth date {digits[4:6]}.{digits[2:4]}.{century + int(digits[:2])}")
            else:
                info.append(("birth_date", born.isoformat()))
            info.append(("sex", "male" if int(digits[6]) % 2 else "female"))
    else:
        month = int(digits[2:4])
        if not 1 <= month <= 12:
            problems.append(f"impossible registration month {digits[2:4]}")
        else:
            info.append(("registered", f"{digits[2:4]}.{digits[:2]}"))
        info.append(("entity_type", _BIN_TYPE[fifth]))
        unit = _BIN_UNIT.get(digits[5])
        if unit:
            info.append(("unit", unit))
        else:
            problems.append(f"6th digit {digits[5]} is not a known unit type (0-3)")
    note = "; ".join(problems)
    return Identifier(resolved, digits, digits, not problems, note, tuple(info))
