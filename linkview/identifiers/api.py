"""The public functions of the identifiers layer: normalize, detect, normalize_series, parse_entity.

>>> normalize("phone", "8 (701) 123-45-67").key
'+77011234567'
>>> detect("4400 43** **** 1234"), detect("KZ24722S000000686267"), detect("490154203237518")
('masked_card', 'iban', 'imei')
>>> parse_entity("imei:35-209900-176148-1").key
'35209900176148'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from linkview.errors import UnknownKindError
from linkview.identifiers import _data
from linkview.identifiers._base import ALIASES, KINDS, Identifier, excel_digits, luhn_ok, to_text
from linkview.identifiers.banking import (
    MASK_CHARS,
    card_scheme,
    iban_ok,
    normalize_account,
    normalize_card,
    normalize_iban,
    normalize_masked_card,
)
from linkview.identifiers.handsets import normalize_imei, normalize_imsi
from linkview.identifiers.netids import (
    normalize_ad_account,
    normalize_device,
    normalize_email,
    normalize_ip,
    normalize_listing,
    normalize_person,
)
from linkview.identifiers.phones import (
    normalize_phone,
    normalize_service,
    normalize_subscriber,
    phone_columns,
)
from linkview.identifiers.taxid import normalize_taxid
from linkview.identifiers.wallets import normalize_wallet, wallet_kind

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["normalize", "detect", "normalize_series", "parse_entity", "resolve_kind", "AUTO"]

#: The kind argument of :func:`normalize_series` (and :func:`normalize`) that detects per value.
AUTO = "auto"

_NORMALIZERS: dict[str, Callable[[object], Identifier]] = {
    "phone": normalize_phone,
    "service": normalize_service,
    "subscriber": normalize_subscriber,
    "imei": normalize_imei,
    "imsi": normalize_imsi,
    "card": normalize_card,
    "masked_card": normalize_masked_card,
    "iban": normalize_iban,
    "account": normalize_account,
    "iin": lambda raw: normalize_taxid(raw, "iin"),
    "bin": lambda raw: normalize_taxid(raw, "bin"),
    "taxid": normalize_taxid,
    "wallet": normalize_wallet,
    "wallet_tron": lambda raw: normalize_wallet(raw, "wallet_tron"),
    "wallet_evm": lambda raw: normalize_wallet(raw, "wallet_evm"),
    "wallet_btc": lambda raw: normalize_wallet(raw, "wallet_btc"),
    "email": normalize_email,
    "ip": normalize_ip,
    "device": normalize_device,
    "ad_account": normalize_ad_account,
    "listing": normalize_listing,
    "person": normalize_person,
}


def resolve_kind(kind: str) -> str:
    """``kind`` lower-cased if it is a kind, an alias or ``auto``; else UnknownKindError."""
    name = str(kind).strip().lower()
    if name in _NORMALIZERS or name == AUTO:
        return name
    raise UnknownKindError(
        f"unknown identifier kind {kind!r}; use one of: {', '.join(KINDS)} (or {', '.join(ALIASES)}, {AUTO})"
    )


def _undetected(raw: object) -> Identifier:
    text, _ = to_text(raw)
    if not text:
        return Identifier("", "", "", False, "empty")
    return Identifier("", text, text, False, "kind not recognised")


def _normalize(kind: str, raw: object) -> Identifier:
    if kind == AUTO:
        found = detect(raw)
        if found is None:
            return _undetected(raw)
        kind = found
    try:
        return _NORMALIZERS[kind](raw)
    except Exception as exc:  # noqa: BLE001 - one odd cell must never stop an import; flagged, not lost
        text, _ = to_text(raw)
        return Identifier(kind if kind in KINDS else _NORMALIZERS[kind](None).kind, text, text, False,
                          f"internal error reading this value ({type(exc).__name__}): please report it")


def normalize(kind: str, raw: object) -> Identifier:
    """Normalise one value as ``kind`` (one of KINDS, an alias ``wallet``/``taxid``, or ``auto``).

    Never raises on bad values: they come back with ``valid=False`` and a note. An empty cell (None,
    NaN, blank) gives ``Identifier(kind, "", "", False, "empty")``. The kind of the result may differ
    from the kind asked: a short code in a phone column is a ``service``, a masked number in a card
    column a ``masked_card``, an IIN's sibling a ``bin``, a wallet a ``wallet_tron``/``_evm``/``_btc``.
    With ``auto``, a value nothing recognises comes back with kind ``""``.

    Raises :class:`~linkview.errors.UnknownKindError` for an unknown kind.
    """
    return _normalize(resolve_kind(kind), raw)


# detection --------------------------------------------------------------------------------------
_MASKED = re.compile(rf"^(?:\d{{4,8}}[{re.escape(MASK_CHARS)}]{{2,}}\d{{2,4}}|[{re.escape(MASK_CHARS)}]+\d{{4}})$")
_NUMERIC = re.compile(r"^[\s()\-]*\+?[\d\s()\-.]+$")
_SEPARATORS = re.compile(r"[\s()\-.]")
_SITE_ID = re.compile(r"^[A-Za-z][A-Za-z0-9.\-_]*:\S+$")
_GUID = re.compile(r"^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$")
_NAME = re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*(?: [^\W\d_]+(?:[-'][^\W\d_]+)*\.?){1,3}$")
_IBAN = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$")
_BECH_START = re.compile(r"^(?:bc|ltc)1", re.IGNORECASE)
_IMEI_RBI = ("01", "10", "30", "33", "35", "44", "45", "49", "86", "91", "98", "99")


def _digits_of(text: str) -> tuple[bool, str] | None:
    excel = excel_digits(text)
    if excel is not None:
        return False, excel[0]
    if not _NUMERIC.match(text):
        return None
    if text.count(".") == 1 and re.search(r"\d\.0+$", text):
        text = text[: text.rindex(".")]
    return "+" in text, _SEPARATORS.sub("", text).replace("+", "")


def _detect_digits(plus: bool, digits: str) -> str | None:
    n = len(digits)
    if plus or digits.startswith("00") and n > 10 or digits.startswith("810") and n > 12:
        return "phone"
    if 3 <= n <= 6:
        return "service"
    if n == 10 or (n == 11 and digits[0] in "78"):
        return "phone"
    if n == 12:
        taxid = normalize_taxid(digits)
        if taxid.valid:
            return taxid.kind
        if normalize_phone("+" + digits).valid:
            return "phone"
        return taxid.kind
    if n == 14:
        return "imei"
    if n == 15:
        if digits[:3] in _data.mcc_mnc()[0]:
            return "imsi"
        if digits[:2] in ("34", "37") and luhn_ok(digits):
            return "card"
        return "imei"
    if n == 16:
        if luhn_ok(digits):
            return "card"
        if digits[-1] == "0" and card_scheme(digits):
            return "card"
        if digits[:2] in _IMEI_RBI:
            return "imei"
        return "card" if card_scheme(digits) else "imei"
    if n in (13, 17, 18, 19):
        if luhn_ok(digits):
            return "card"
        if normalize_phone("+" + digits).valid:
            return "phone"
        return None
    if 20 <= n <= 34:
        return "account"
    return None


def detect(raw: object) -> str | None:
    """The most likely kind of a free-text cell, or None.

    Rules, in order (the first that fits wins):

    1. a masked card (digits with ``*``, ``X``, ``•`` in the middle, or ``*1234``) -> ``masked_card``;
    2. a wallet shape: ``0x``/``\\x`` + 40 hex -> ``wallet_evm``; ``T`` + 33 base58 or ``41`` + 40 hex
       -> ``wallet_tron``; ``bc1…`` (``ltc1…``) or a base58 string of Bitcoin's format (``1…``, ``3…``; Litecoin,
       Dogecoin, Dash) *whose checksum holds* -> ``wallet_btc``;
    3. two letters, two digits and 8-30 letters/digits that pass mod 97 or have the length of that
       country's IBAN -> ``iban``;
    4. an e-mail syntax -> ``email``; an IPv4/IPv6 address, with or without port -> ``ip``;
    5. digits only (spaces, dashes, brackets, ``+``, Excel ``.0`` and ``E+`` allowed), by count:
       ``+``/``00``/``810`` prefix -> phone; 3-6 digits and nothing else -> ``service`` (short code;
       ``12.5`` or ``15000.00`` are amounts: None); 10, or 11 starting 7/8
       -> ``phone``; 12 -> ``iin``/``bin`` when the check digit and date hold, else ``phone`` when it is
       a valid international number, else ``iin``/``bin`` (flagged); 14 -> ``imei`` (no check digit);
       15 -> ``imsi`` when it starts with a known MCC (401, 250…), ``card`` for a Luhn-valid 34/37
       (American Express), else ``imei``; 16 -> ``card`` when Luhn holds or it ends in 0 with a card
       prefix (Excel damage), ``imei`` (IMEISV) when it starts like a TAC, else by prefix;
       13 and 17-19 -> ``card`` with Luhn, ``phone`` if a valid international number; 20-34 ->
       ``account``; anything else (7-9 digits: a local number, an id?) -> None;
    6. ``site:id`` -> ``ad_account``; a GUID -> ``device``; two to four words of letters -> ``person``.

    Ambiguities that cannot be settled from the text alone: a 16-digit IMEISV whose digits happen to pass
    Luhn reads as a card, a 12-digit foreign number that passes the IIN check reads as an IIN, a 15-digit
    IMEI starting with an MCC reads as an IMSI. Name the column's kind when it is known.
    """
    text, _ = to_text(raw)
    if not text:
        return None
    compact = re.sub(r"[\s\-]", "", text)
    if _MASKED.match(compact):
        return "masked_card"
    shape = wallet_kind(text)
    if shape is not None and (shape != "wallet_btc" or _BECH_START.match(text) or normalize_wallet(text).valid):
        return shape
    upper = compact.upper()
    if _IBAN.match(upper):
        known = _data.iban_lengths().get(upper[:2])
        if iban_ok(upper) or (known and known[0] == len(upper)):
            return "iban"
    if "@" in text:
        return "email" if normalize_email(text).valid else None
    if ("." in text or ":" in text) and normalize_ip(text).valid:
        return "ip"
    numeric = _digits_of(text)
    if numeric is not None:
        plus, digits = numeric
        if not digits or (len(digits) <= 6 and not text.isdigit()):
            return None  # "12.5", "15000.00", "1 200": amounts, not short codes
        return _detect_digits(plus, digits)
    if _SITE_ID.match(text) and text.split(":", 1)[0].lower() not in _NORMALIZERS:
        return "ad_account"
    if _GUID.match(text):
        return "device"
    if _NAME.match(" ".join(text.split())):
        return "person"
    return None


# series -------------------------------------------------------------------------------------------
_FIELDS = ("kind", "key", "display", "valid", "note")


def _factorize(items: list[str]) -> tuple[list[int], list[str]]:
    """``pandas.factorize`` of a list of strings, as lists (called from ``normalize_series`` only)."""
    import numpy as np
    import pandas as pd

    arr = np.empty(len(items), dtype=object)
    arr[:] = items
    codes, uniques = pd.factorize(arr)
    return codes.tolist(), list(uniques)


def _columns(kind: str, values: list[object]) -> tuple[list[int] | None, dict[str, list]]:
    """``(index, columns)``: field ``f`` of ``values[i]`` is ``columns[f][index[i]]`` (index None: i)."""
    if kind == "phone":
        return phone_columns(values, _factorize)
    idents = [_normalize(kind, v) for v in values]
    return None, {f: [getattr(i, f) for i in idents] for f in _FIELDS}


def normalize_series(kind: str, values: pd.Series) -> pd.DataFrame:
    """Normalise a whole column: one slow call per distinct value, mapped back to every row.

    Returns a DataFrame with columns ``kind key display valid note`` and the index of ``values``.
    Row for row it equals ``normalize(kind, value)`` (``auto`` detects per distinct value).
    Phone columns share work further: spellings of one number reduce to the same canonical digits
    before the number is classified, once.
    """
    import numpy as np
    import pandas as pd

    name = resolve_kind(kind)
    series = values if isinstance(values, pd.Series) else pd.Series(values, dtype=object)
    try:
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
    except TypeError:  # unhashable cells (lists, dicts): read as their text, as normalize() does
        series = series.map(lambda v: v if isinstance(v, Hashable) else str(v))
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
    # pandas 3 reads a column of text as a StringDtype array, which list() walks element by element in
    # Python; tolist() gives the same strings in C. (Not for every dtype: on nullable numbers it turns
    # numpy scalars into Python ones.)
    distinct = uniques.tolist() if isinstance(uniques.dtype, pd.StringDtype) else list(uniques)
    index, columns = _columns(name, distinct)
    missing = _normalize(name, None)  # the slot of missing values (code -1)
    size = len(columns["key"]) + 1
    take = np.asarray(codes, dtype=np.intp)
    if index is not None:
        take = np.append(np.asarray(index, dtype=np.intp), size - 1)[take]
    else:
        take = np.where(take < 0, size - 1, take)

    def column(field: str) -> pd.Series:
        values = columns[field]
        values.append(getattr(missing, field))
        # built (and its dtype inferred) once per distinct value, then spread to the rows by take
        spread = pd.Series(values, dtype=bool if field == "valid" else None).take(take)
        spread.index = series.index
        return spread

    # copy=False: the columns are new Series, built here only (a dict of Series is copied by default)
    return pd.DataFrame({f: column(f) for f in _FIELDS}, copy=False)


# command line / search box ------------------------------------------------------------------------
def parse_entity(text: str, kind: str | None = None) -> Identifier:
    """What a user typed on the command line or in the search box, as an identifier.

    ``kind`` (or a ``kind:`` prefix such as ``imei:35…``, ``phone:…``, ``wallet:…``) is honoured;
    otherwise the kind is detected. Raises :class:`~linkview.errors.UnknownKindError` when no kind
    fits, naming the prefixes the user can write.
    """
    if kind is not None:
        return normalize(kind, text)
    value = str(text).strip() if text is not None else ""
    prefix, sep, rest = value.partition(":")
    if sep and prefix.strip().lower() in _NORMALIZERS:
        return normalize(prefix.strip().lower(), rest.strip())
    found = detect(value) if value else None
    if found is None:
        raise UnknownKindError(
            f"cannot tell what {value!r} is; write it as KIND:VALUE (e.g. phone:87011234567, "
            f"imei:352099001761481, olx:12345 for an ad account), KIND one of: "
            f"{', '.join(KINDS + ALIASES)}"
        )
    return normalize(found, value)
