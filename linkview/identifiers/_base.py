"""The Identifier record, the list of kinds and small helpers shared by every normaliser.

Nothing here imports pandas or phonenumbers: this module is loaded by ``linkview --help``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

__all__ = [
    "Identifier",
    "KINDS",
    "ALIASES",
    "empty",
    "to_text",
    "excel_digits",
    "luhn_ok",
    "group",
]

KINDS: tuple[str, ...] = (
    "phone", "service", "subscriber", "imei", "imsi", "card", "masked_card", "iban", "account",
    "iin", "bin", "wallet_tron", "wallet_evm", "wallet_btc", "email", "ip", "device",
    "ad_account", "listing", "person",
)

#: Kinds accepted by :func:`normalize` besides :data:`KINDS`; each resolves to one of KINDS.
ALIASES: tuple[str, ...] = ("wallet", "taxid")


@dataclass(frozen=True, slots=True)
class Identifier:
    """One identifier after normalisation.

    ``(kind, key)`` is the identity: two spellings giving the same pair are one node.
    ``valid`` False means the value is kept but flagged; ``note`` says why (or what is special).
    ``info`` holds facts derived from the value (country, operator, bank, birth date, chain...).
    """

    kind: str
    key: str
    display: str
    valid: bool
    note: str = ""
    info: tuple[tuple[str, str], ...] = ()

    def info_dict(self) -> dict[str, str]:
        """``info`` as a dictionary."""
        return dict(self.info)

    def to_dict(self) -> dict[str, object]:
        """A JSON-able dictionary (for the CLI's ``--json``)."""
        return {"kind": self.kind, "key": self.key, "display": self.display, "valid": self.valid,
                "note": self.note, "info": dict(self.info)}


def empty(kind: str) -> Identifier:
    """The identifier of an empty cell."""
    return Identifier(kind, "", "", False, "empty")


_EXCEL_INT = re.compile(r"^(\d+)\.0*$")
_EXCEL_SCI = re.compile(r"^\+?(\d)(?:[.,](\d+))?[eE]\+?(\d{1,2})$")


def to_text(raw: object) -> tuple[str, bool]:
    """``(text, came_as_number)`` for any cell value; text is ``""`` for None, NaN, NA and blanks.

    Integral floats (``77011234567.0``) become their digits; ``came_as_number`` tells the caller the
    value went through a numeric type (Excel), which matters for 16-digit cards.
    """
    if raw is None:
        return "", False
    if isinstance(raw, str):
        return raw.strip(), False
    if isinstance(raw, bool):
        return str(raw), False
    if isinstance(raw, int):
        return str(raw), True
    if isinstance(raw, float):
        if math.isnan(raw) or math.isinf(raw):
            return "", False
        if raw.is_integer():
            return str(int(raw)), True
        return repr(raw), True
    if isinstance(raw, bytes | bytearray):
        return bytes(raw).decode("utf-8", "replace").strip(), False
    name = type(raw).__name__
    if name in ("NAType", "NaTType"):
        return "", False
    # numpy scalars and other numbers: go through their Python value when they have one.
    item = getattr(raw, "item", None)
    if callable(item):
        try:
            value = item()
        except (TypeError, ValueError):
            value = None
        if value is not None and value is not raw and not hasattr(value, "item"):
            return to_text(value)
    try:
        return str(raw).strip(), False
    except Exception:  # noqa: BLE001 - a broken __str__ of some foreign object must not crash an import
        return "", False


def excel_digits(text: str) -> tuple[str, bool] | None:
    """Digits of a number Excel wrote as ``77011234567.0`` or ``7.7011234567E+10``.

    Returns ``(digits, complete)``: ``complete`` is False when scientific notation dropped digits
    (the mantissa is shorter than the number). None when ``text`` is neither form.

    >>> excel_digits("77011234567.0")
    ('77011234567', True)
    >>> excel_digits("7.7011234567E+10")
    ('77011234567', True)
    >>> excel_digits("4.40043123456789E+15")
    ('4400431234567890', False)
    """
    m = _EXCEL_INT.match(text)
    if m:
        return m.group(1), True
    m = _EXCEL_SCI.match(text)
    if not m:
        return None
    head, tail, exp = m.group(1), m.group(2) or "", int(m.group(3))
    if len(tail) > exp:
        return None  # not an integer
    try:
        value = Decimal(f"{head}.{tail or '0'}E{exp}")
    except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
        return None
    digits = str(int(value))
    return digits, len(head) + len(tail) >= len(digits)


def luhn_ok(digits: str) -> bool:
    """The Luhn (mod 10) check of a digit string.

    >>> luhn_ok("490154203237518"), luhn_ok("490154203237519")
    (True, False)
    """
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def group(text: str, size: int = 4) -> str:
    """``text`` in space-separated groups of ``size`` characters."""
    return " ".join(text[i:i + size] for i in range(0, len(text), size))
