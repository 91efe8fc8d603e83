"""Crypto wallets and the codecs under them."""

from __future__ import annotations

import hashlib

import pytest

from linkview.identifiers import normalize
from linkview.identifiers._codecs import b58check_decode, b58check_encode, bech32_decode, keccak256
from linkview.identifiers.wallets import eip55

TRON = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
EVM = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"
BTC = ["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
       "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"]
_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def test_keccak_vectors_and_not_sha3():
    assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    assert keccak256(b"abc").hex() == "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"
    assert keccak256(b"").hex() != hashlib.sha3_256(b"").hexdigest()
    # more than one 136-byte block
    assert len(keccak256(b"x" * 1000)) == 32 and keccak256(b"x" * 1000) != keccak256(b"x" * 999)


@pytest.mark.parametrize("address", [
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
])
def test_eip55_vectors(address):
    assert eip55(address[2:].lower()) == address
    ident = normalize("wallet", address)
    assert (ident.kind, ident.key, ident.display, ident.valid) == ("wallet_evm", address.lower(), address, True)


@pytest.mark.parametrize("raw", [EVM, EVM.lower(), "0x" + EVM[2:].upper(), "\\x" + EVM[2:].lower(), f" '{EVM}' "])
def test_evm_spellings_one_key(raw):
    ident = normalize("wallet_evm", raw)
    assert ident.key == EVM.lower() and ident.valid


def test_evm_one_case_flip_fails_eip55():
    flipped = EVM[:-1] + EVM[-1].upper()
    ident = normalize("wallet", flipped)
    assert ident.kind == "wallet_evm" and ident.valid is False and "EIP-55" in ident.note


def test_tron():
    ident = normalize("wallet", TRON)
    assert (ident.kind, ident.key, ident.valid) == ("wallet_tron", TRON, True)
    assert ident.info_dict()["chain"] == "TRON"
    payload = b58check_decode(TRON)
    assert payload is not None and payload[0] == 0x41 and len(payload) == 21
    hex_form = normalize("wallet_tron", "41" + payload[1:].hex())
    assert (hex_form.key, hex_form.valid) == (TRON, True)


@pytest.mark.parametrize("address", [TRON, *BTC[:2]])
def test_one_character_change_is_invalid_base58(address):
    for pos in range(1, len(address)):
        for ch in _B58[:6]:
            if ch == address[pos]:
                continue
            changed = address[:pos] + ch + address[pos + 1:]
            ident = normalize("wallet", changed)
            assert ident.valid is False, changed
            assert ident.key == changed  # kept exactly as written: no fuzzy key


def test_one_character_change_is_invalid_bech32():
    address = BTC[2]
    charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    for pos in range(4, len(address)):
        ch = next(c for c in charset if c != address[pos])
        assert normalize("wallet", address[:pos] + ch + address[pos + 1:]).valid is False


def test_look_alike_sharing_first_and_last_characters_is_not_the_same_wallet():
    look_alike = TRON[:6] + "Z" * (len(TRON) - 11) + TRON[-5:]
    ident = normalize("wallet", look_alike)
    assert ident.valid is False and ident.key != TRON


@pytest.mark.parametrize(("address", "form"), [(BTC[0], "P2PKH"), (BTC[1], "P2SH"), (BTC[2], "P2WPKH")])
def test_bitcoin(address, form):
    ident = normalize("wallet", address)
    assert (ident.kind, ident.valid) == ("wallet_btc", True)
    assert ident.info_dict()["address_type"] == form


@pytest.mark.parametrize("address", [
    "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "BC1SW50QGDZ25J", "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
    "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
])
def test_bip173_bip350_valid(address):
    assert bech32_decode(address) is not None
    ident = normalize("wallet_btc", address)
    assert ident.valid and ident.key == address.lower()


@pytest.mark.parametrize("address", [
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",  # bech32 checksum on v1
    "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",  # bech32 checksum on v16
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",  # bech32m checksum on v0
    "bc1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",  # mixed case
])
def test_bip350_invalid(address):
    assert bech32_decode(address) is None
    assert normalize("wallet", address).valid is False


def test_taproot_is_bech32m():
    ident = normalize("wallet", "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")
    assert ident.info_dict()["address_type"] == "P2TR"


def test_base58check_round_trip():
    payload = bytes([0x41]) + bytes(range(20))
    assert b58check_decode(b58check_encode(payload)) == payload
    assert b58check_decode("0OIl") is None


def test_unknown_wallet_text():
    ident = normalize("wallet", "not-a-wallet")
    assert ident.valid is False and ident.kind == "wallet_tron"
    assert normalize("wallet_btc", "xyz").kind == "wallet_btc"
    assert normalize("wallet_evm", "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed").key == EVM.lower()


def test_other_bitcoin_format_chains_are_named_not_flagged():
    # a Litecoin address from the public OFAC list: valid base58check, version 0x30
    ident = normalize("wallet", "LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb")
    assert (ident.kind, ident.valid) == ("wallet_btc", True)
    assert ident.info_dict()["chain"] == "Litecoin" and ident.note.startswith("not Bitcoin")
    assert normalize("wallet", "LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfc").valid is False
