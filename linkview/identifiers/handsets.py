"""Handset (IMEI, IMEISV) and SIM (IMSI) identifiers.

An IMEI is 15 digits: TAC (8) + serial (6) + Luhn check digit. Networks often send ``0`` in place of
the check digit, so the key is the first 14 digits: ``…7142`` and ``…7140`` are one handset.

>>> normalize_imei("490154203237518").key
'49015420323751'
>>> normalize_imei("490154203237510").note
'check digit 0 sent by the network (Luhn digit would be 8)'
>>> normalize_imsi("401021234567890").note
'Kazakhstan, Kcell'
"""

from __future__ import annotations

import re

from linkview.identifiers import _data
from linkview.identifiers._base import Identifier, empty, excel_digits, luhn_ok, to_text

__all__ = ["normalize_imei", "normalize_imsi", "luhn_digit"]

_SEPARATORS = re.compile(r"[\s\-/.]")
_PREFIX = re.compile(r"^(?:imei|imeisv|imsi)\s*:?\s*", re.IGNORECASE)


def luhn_digit(body: str) -> str:
    """The Luhn check digit to append to ``body``."""
    for d in "0123456789":
        if luhn_ok(body + d):
            return d
    raise AssertionError("unreachable: one of ten digits always completes a Luhn sum")  # pragma: no cover


def _digits(raw: object) -> tuple[str, str]:
    """``(text, digits or "")`` where digits is set when the cell is only digits and separators."""
    text, _ = to_text(raw)
    text = _PREFIX.sub("", text, count=1)
    excel = excel_digits(text)
    if excel is not None:
        return text, excel[0] if excel[1] else ""
    compact = _SEPARATORS.sub("", text)
    return text, compact if compact.isascii() and compact.isdigit() else ""


def normalize_imei(raw: object) -> Identifier:
    """An IMEI (15 digits), an IMEI without its check digit (14) or an IMEISV (16); key = first 14."""
    text, digits = _digits(raw)
    if not text:
        return empty("imei")
    if not digits:
        return Identifier("imei", text.casefold(), text, False, "not an IMEI: it must be digits only")
    n = len(digits)
    if n not in (14, 15, 16):
        return Identifier("imei", digits, digits, False, f"an IMEI has 15 digits, this one has {n}")
    key = digits[:14]
    info: list[tuple[str, str]] = [("tac", digits[:8])]
    if n == 14:
        return Identifier("imei", key, key, True, "14 digits: check digit not given", tuple(info))
    if n == 16:
        info.append(("software_version", digits[14:]))
        return Identifier("imei", key, digits, True, f"IMEISV (software version {digits[14:]})", tuple(info))
    if luhn_ok(digits):
        return Identifier("imei", key, digits, True, "", tuple(info))
    if digits[14] == "0":
        note = f"check digit 0 sent by the network (Luhn digit would be {luhn_digit(key)})"
        return Identifier("imei", key, digits, True, note, tuple(info))
    return Identifier("imei", key, digits, False,
                      f"Luhn check digit is wrong (expected {luhn_digit(key)}): a digit may be mistyped",
                      tuple(info))


def normalize_imsi(raw: object) -> Identifier:
    """An IMSI: 15 digits, MCC (3) + MNC (2 or 3) + subscriber number; info names country and operator."""
    text, digits = _digits(raw)
    if not text:
        return empty("imsi")
    if not digits:
        return Identifier("imsi", text.casefold(), text, False, "not an IMSI: it must be digits only")
    countries, operators = _data.mcc_mnc()
    mcc = digits[:3]
    country = countries.get(mcc, "")
    operator = operators.get((mcc, digits[3:5]), "") or operators.get((mcc, digits[3:6]), "")
    info: list[tuple[str, str]] = [("mcc", mcc)]
    if country:
        info.append(("country", country))
    if operator:
        info.append(("operator", operator))
    if len(digits) != 15:
        return Identifier("imsi", digits, digits, False, f"an IMSI has 15 digits, this one has {len(digits)}",
                          tuple(info))
    note = ", ".join(x for x in (country, operator) if x) or f"unknown country code (MCC {mcc})"
    return Identifier("imsi", digits, digits, True, note, tuple(info))
