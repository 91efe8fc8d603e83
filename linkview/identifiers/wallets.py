"""Crypto wallet addresses: TRON (base58check), EVM (EIP-55) and Bitcoin (base58check, bech32, bech32m).

Only a full address that passes its checksum is valid. Look-alike addresses made for address
poisoning share the first and last characters of a real one: there is no fuzzy key, and a
one-character change fails the checksum.

>>> normalize_wallet("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t").kind
'wallet_tron'
>>> normalize_wallet(r"\\x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").display
'0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'
>>> normalize_wallet("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u").valid
False
"""

from __future__ import annotations

import re

from linkview.identifiers._base import Identifier, empty, to_text
from linkview.identifiers._codecs import b58check_decode, b58check_encode, bech32_decode, keccak256

__all__ = ["normalize_wallet", "wallet_kind", "eip55"]

_EVM = re.compile(r"^(?:0[xX]|\\\\?[xX])([0-9a-fA-F]{40})$")
_TRON_HEX = re.compile(r"^(?:0x)?41[0-9a-fA-F]{40}$")
_TRON = re.compile(r"^T[1-9A-HJ-NP-Za-km-z]{33}$")
_BTC58 = re.compile(r"^[13LMDAX79G][1-9A-HJ-NP-Za-km-z]{24,34}$")
_BECH = re.compile(r"^(?:bc|tb|bcrt|ltc|tltc)1[0-9a-zA-Z]{6,87}$", re.IGNORECASE)
# Base58check version bytes of Bitcoin and the chains that copied its address format. Only Bitcoin's
# own (0x00, 0x05) are what wallet_btc is about; the others are named so a Litecoin or Dash address
# in a bank's crypto export is recognised and kept exactly, not taken for a damaged Bitcoin address.
_BASE58_VERSIONS = {
    0x00: ("Bitcoin", "P2PKH"), 0x05: ("Bitcoin", "P2SH"), 0x30: ("Litecoin", "P2PKH"),
    0x32: ("Litecoin", "P2SH"), 0x1E: ("Dogecoin", "P2PKH"), 0x16: ("Dogecoin", "P2SH"),
    0x4C: ("Dash", "P2PKH"), 0x10: ("Dash", "P2SH"), 0x26: ("Bitcoin Gold", "P2PKH"),
}
_BECH_HRPS = {"bc": "Bitcoin", "ltc": "Litecoin"}
_QUOTES = "'\"`«»“”"

_POISON_NOTE = "checksum fails: not a real address (a typo, or a look-alike made for address poisoning)"
_CHAINS = {"wallet_tron": "TRON", "wallet_evm": "EVM (Ethereum, BSC...)", "wallet_btc": "Bitcoin"}


def eip55(hex40: str) -> str:
    """The EIP-55 mixed-case spelling of 40 hex digits, with ``0x``."""
    lower = hex40.lower()
    digest = keccak256(lower.encode("ascii")).hex()
    return "0x" + "".join(ch.upper() if int(h, 16) >= 8 else ch for ch, h in zip(lower, digest[:40], strict=True))


def wallet_kind(text: str) -> str | None:
    """The wallet kind an address is shaped like (before any checksum), or None."""
    text = text.strip().strip(_QUOTES)
    if _EVM.match(text):
        return "wallet_evm"
    if _TRON.match(text) or _TRON_HEX.match(text):
        return "wallet_tron"
    if _BTC58.match(text) or _BECH.match(text):
        return "wallet_btc"
    return None


def _info(kind: str, *extra: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return (("chain", _CHAINS[kind]), *extra)


def _evm(hex40: str) -> Identifier:
    key = "0x" + hex40.lower()
    display = eip55(hex40)
    mixed = hex40 != hex40.lower() and hex40 != hex40.upper()
    if mixed and "0x" + hex40 != display:
        return Identifier("wallet_evm", key, "0x" + hex40, False,
                          "EIP-55 checksum fails: a character differs from the real address", _info("wallet_evm"))
    return Identifier("wallet_evm", key, display, True, "", _info("wallet_evm"))


def _tron(text: str) -> Identifier:
    converted = ""
    if _TRON_HEX.match(text):
        payload = bytes.fromhex(text[-42:])
        text, converted = b58check_encode(payload), "converted from hex form 41…"
    payload = b58check_decode(text)
    if payload is None or len(payload) != 21 or payload[0] != 0x41:
        return Identifier("wallet_tron", text, text, False, _POISON_NOTE, _info("wallet_tron"))
    return Identifier("wallet_tron", text, text, True, converted, _info("wallet_tron"))


def _family(chain: str, form: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """(note, info) of a Bitcoin-format address of ``chain``."""
    note = "" if chain == "Bitcoin" else f"not Bitcoin: {chain} address format (other chains may share it)"
    return note, (("chain", chain), ("address_type", form))


def _btc(text: str) -> Identifier:
    if _BECH.match(text):
        key = text.lower()
        decoded = bech32_decode(text)
        if decoded is None:
            return Identifier("wallet_btc", key, key, False, _POISON_NOTE, _info("wallet_btc"))
        hrp, version, program, _ = decoded
        if version == 0:
            form = "P2WPKH" if len(program) == 20 else "P2WSH"
        else:
            form = "P2TR" if version == 1 and len(program) == 32 else f"segwit v{version}"
        chain = _BECH_HRPS.get(hrp)
        if chain is None:
            return Identifier("wallet_btc", key, key, False, f"{hrp}1… is a test network address",
                              _info("wallet_btc", ("address_type", form)))
        note, info = _family(chain, form)
        return Identifier("wallet_btc", key, key, True, note, info)
    payload = b58check_decode(text)
    known = _BASE58_VERSIONS.get(payload[0]) if payload is not None and len(payload) == 21 else None
    if known is None:
        return Identifier("wallet_btc", text, text, False, _POISON_NOTE, _info("wallet_btc"))
    note, info = _family(*known)
    return Identifier("wallet_btc", text, text, True, note, info)


def normalize_wallet(raw: object, kind: str = "wallet") -> Identifier:
    """A wallet address of any chain; ``kind`` (``wallet_tron``...) only names unrecognised values.

    The chain is read from the address itself, so an EVM address in a TRON column is still EVM.
    """
    text, _ = to_text(raw)
    fallback = kind if kind in _CHAINS else "wallet_tron"
    if not text:
        return empty(fallback)
    text = text.strip(_QUOTES).strip()
    m = _EVM.match(text)
    if m:
        return _evm(m.group(1))
    if kind == "wallet_evm" and re.fullmatch(r"[0-9a-fA-F]{40}", text):
        return _evm(text)
    shape = wallet_kind(text)
    if shape == "wallet_tron":
        return _tron(text)
    if shape == "wallet_btc":
        return _btc(text)
    key = text.lower() if fallback == "wallet_evm" else text
    return Identifier(fallback, key, text, False, "not a wallet address of a known chain (TRON, EVM, Bitcoin)",
                      _info(fallback))
