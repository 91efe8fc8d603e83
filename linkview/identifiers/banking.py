"""Bank cards (full and masked), IBANs and other account numbers.

>>> normalize_card("4400 43** **** 1234").key
'440043*1234'
>>> normalize_card("*1234").note
'last 4 only: weak, never links cases alone'
>>> normalize_iban("kz24 722s 0000 0068 6267").info_dict()["bank"]
'Kaspi Bank'
"""

from __future__ import annotations

import re

from linkview.identifiers import _data
from linkview.identifiers._base import Identifier, empty, excel_digits, group, luhn_ok, to_text

__all__ = ["normalize_card", "normalize_masked_card", "normalize_iban", "normalize_account", "card_scheme",
           "iban_ok", "MASK_CHARS"]

#: Characters statements use to hide card digits (Latin and Cyrillic X, bullets, asterisks).
MASK_CHARS = "*xX•●·Хх#"
_MASKED = re.compile(rf"^(\d*)([{re.escape(MASK_CHARS)}]+)(\d+)$")
_CARD_SEPARATORS = re.compile(r"[\s\-.]")
_CARD_WORD = re.compile(r"^(?:card|карта|visa|mastercard|mir|мир|maestro|unionpay)\s*:?\s*", re.IGNORECASE)
_IBAN_SHAPE = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$")
_IBAN_JUNK = re.compile(r"[\s\-.]")
_ACCOUNT_JUNK = re.compile(r"[^0-9A-ZА-ЯЁ]")

_EXCEL_NOTE = "likely damaged by Excel (15 significant digits): ask for the file as text"
_WEAK_NOTE = "last 4 only: weak, never links cases alone"
_MASKED_NOTE = "masked: only a candidate match for full cards with the same first 6 and last 4"


def card_scheme(digits: str) -> str:
    """Payment system named by the leading digits (``4`` Visa, ``2200``-``2204`` Mir...) or ``""``."""
    for first, last, scheme in _data.card_schemes():
        head = digits[:len(first)]
        if len(head) == len(first) and first <= head <= last:
            return scheme
    return ""


def _masked(text: str) -> Identifier | None:
    compact = _CARD_SEPARATORS.sub("", _CARD_WORD.sub("", text, count=1))
    m = _MASKED.match(compact)
    if m is None:
        return None
    head, mask, tail = m.groups()
    info: list[tuple[str, str]] = []
    scheme = card_scheme(head) if head else ""
    if scheme:
        info.append(("scheme", scheme))
    if len(tail) < 4:
        key = f"{head[:6]}*{tail}"
        return Identifier("masked_card", key, key, False, "fewer than 4 last digits: cannot be matched",
                          tuple(info))
    last4 = tail[-4:]
    total = len(head) + len(mask) + len(tail)
    shown = head + "*" * len(mask) + tail
    display = group(shown) if 13 <= total <= 19 else ("*" + last4 if len(head) < 6 else f"{head[:6]}*{last4}")
    if len(head) >= 6:
        info.insert(0, ("bin", head[:6]))
        return Identifier("masked_card", f"{head[:6]}*{last4}", display, True, _MASKED_NOTE, tuple(info))
    if head:
        info.insert(0, ("first_digits", head))
    return Identifier("masked_card", "*" + last4, display, True, _WEAK_NOTE, tuple(info))


def normalize_card(raw: object) -> Identifier:
    """A card number: 13-19 digits with Luhn; masked spellings come back as ``masked_card``."""
    text, as_number = to_text(raw)
    if not text:
        return empty("card")
    masked = _masked(text)
    if masked is not None:
        return masked
    excel = excel_digits(text)
    numeric, lost = as_number, False
    if excel is not None:
        digits, complete = excel
        numeric, lost = True, not complete
    else:
        digits = _CARD_SEPARATORS.sub("", _CARD_WORD.sub("", text, count=1))
    if not (digits.isascii() and digits.isdigit()):
        return Identifier("card", text.casefold(), text, False, "not a card number: it must be digits")
    scheme = card_scheme(digits)
    info = (("scheme", scheme),) if scheme else ()
    n = len(digits)
    if not 13 <= n <= 19:
        return Identifier("card", digits, digits, False, f"a card number has 13-19 digits, this one has {n}", info)
    display = group(digits)
    # Excel keeps 15 significant digits and writes 0 for the 16th: a 16-digit number that went
    # through a numeric cell and ends in 0 (or lost digits to scientific notation) is suspect.
    if n == 16 and (lost or (digits[-1] == "0" and (numeric or not luhn_ok(digits)))):
        return Identifier("card", digits, display, False, _EXCEL_NOTE, info)
    if not luhn_ok(digits):
        return Identifier("card", digits, display, False, "Luhn check failed: a digit may be mistyped", info)
    return Identifier("card", digits, display, True, scheme, info)


def normalize_masked_card(raw: object) -> Identifier:
    """A masked card (``4400 43** **** 1234``, ``*1234``); a full number comes back as ``card``."""
    text, _ = to_text(raw)
    if not text:
        return empty("masked_card")
    masked = _masked(text)
    if masked is not None:
        return masked
    ident = normalize_card(text)
    if ident.kind == "card" and not ident.valid and not ident.key.isdigit():
        return Identifier("masked_card", ident.key, ident.display, False, "not a masked card number")
    return ident


def iban_ok(iban: str) -> bool:
    """ISO 7064 mod 97-10 check of a compact upper-case IBAN."""
    moved = iban[4:] + iban[:4]
    try:
        return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1
    except ValueError:
        return False


def _compact_iban(text: str) -> str:
    compact = _IBAN_JUNK.sub("", text.upper())
    if compact.startswith("IBAN"):
        compact = compact[4:].lstrip(":")
    return compact


def normalize_iban(raw: object) -> Identifier:
    """An IBAN (any country, mod 97); a number without a country prefix comes back as ``account``."""
    text, _ = to_text(raw)
    if not text:
        return empty("iban")
    compact = _compact_iban(text)
    if not _IBAN_SHAPE.match(compact):
        return normalize_account(text, _from_iban=True)
    country = compact[:2]
    known = _data.iban_lengths().get(country)
    info: list[tuple[str, str]] = [("country", known[1] if known else country)]
    problems = []
    if known and len(compact) != known[0]:
        problems.append(f"a {country} IBAN has {known[0]} characters, this one has {len(compact)}")
    if not iban_ok(compact):
        problems.append("check digits wrong (mod 97): a character may be mistyped")
    notes = []
    if country == "KZ" and len(compact) >= 7:
        code = compact[4:7]
        bank = _data.kz_banks().get(code, "")
        info.append(("bank_code", code))
        if bank:
            info.append(("bank", bank))
            notes.append(bank)
        else:
            notes.append(f"bank code {code} not in the bank list")
    if not known:
        notes.append(f"length of {country} IBANs not known: checked by mod 97 only")
    valid = not problems
    note = "; ".join(problems + notes)
    return Identifier("iban", compact, group(compact), valid, note, tuple(info))


def normalize_account(raw: object, *, _from_iban: bool = False) -> Identifier:
    """A non-IBAN account number: digits and letters, upper case. A valid IBAN comes back as ``iban``."""
    text, _ = to_text(raw)
    if not text:
        return empty("account")
    compact = _compact_iban(text)
    if not _from_iban and _IBAN_SHAPE.match(compact) and iban_ok(compact):
        return normalize_iban(compact)
    excel = excel_digits(text)
    if excel is not None and excel[1]:
        key = excel[0]
    else:
        key = _ACCOUNT_JUNK.sub("", text.upper())
    if not key:
        return Identifier("account", text.casefold(), text, False, "no digits or letters")
    if not any(ch.isdigit() for ch in key):
        return Identifier("account", key, key, False, "an account number has digits")
    if not 5 <= len(key) <= 34:
        return Identifier("account", key, key, False, f"{len(key)} characters: too short or too long for an account")
    note = "not an IBAN" if _from_iban else ""
    return Identifier("account", key, key, True, note)
