"""The identifier makers produce valid values (checked by independent re-implementations)."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from samples import ids


def luhn_ok(number: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def iin_ok(value: str) -> bool:
    d = [int(c) for c in value]
    s = sum(a * w for a, w in zip(d[:11], range(1, 12), strict=True)) % 11
    if s == 10:
        s = sum(a * w for a, w in zip(d[:11], (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)) % 11
        if s == 10:
            return False
    return s == d[11]


def iban_ok(value: str) -> bool:
    moved = value[4:] + value[:4]
    return int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


@pytest.fixture
def rng():
    return np.random.default_rng(2024)


def test_known_values_pass_the_checks():
    assert ids.iban_ok("KZ24722S000000686267") and ids.iban_ok("KZ72998LTB0001497589")
    assert ids.tron_ok("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")
    assert not ids.tron_ok("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u")
    assert all(iin_ok(v) for v in ("791028302728", "061211600012", "940101300123", "900101300811"))
    assert not iin_ok("880101300017")


def test_cards_and_imeis_pass_luhn(rng):
    for bank in ids.CARD_BINS:
        for _ in range(20):
            number = ids.card(rng, bank)
            assert len(number) == 16 and luhn_ok(number)
            assert number[:6] in ids.CARD_BINS[bank]
    for simbox in (False, True):
        for _ in range(20):
            imei = ids.imei(rng, simbox=simbox)
            assert len(imei) == 15 and luhn_ok(imei)


def test_iins_encode_birth_and_sex(rng):
    for _ in range(200):
        value = ids.iin(rng, year=1987, male=False)
        assert len(value) == 12 and iin_ok(value)
        assert value[:2] == "87" and value[6] == "4"          # 1900s, female
        assert 1 <= int(value[2:4]) <= 12 and 1 <= int(value[4:6]) <= 28
    assert ids.iin(rng, year=2001, male=True)[6] == "5"


def test_ibans_are_kazakh_with_mod97_check(rng):
    for bank, code in ids.IBAN_BANKS.items():
        value = ids.iban(rng, bank)
        assert len(value) == 20 and value.startswith("KZ") and value[4:7] == code
        assert iban_ok(value) and ids.iban_ok(value)


def test_tron_addresses_are_base58check(rng):
    for _ in range(50):
        address = ids.tron_address(rng)
        assert len(address) == 34 and address[0] == "T"
        raw = ids.b58decode(address)
        assert raw[0] == 0x41
        assert hashlib.sha256(hashlib.sha256(raw[:21]).digest()).digest()[:4] == raw[21:]


def test_evm_addresses_and_hashes(rng):
    address = ids.evm_address(rng)
    assert address.startswith("0x") and len(address) == 42 and address == address.lower()
    int(address[2:], 16)
    assert len(ids.tx_hash_tron(rng)) == 64 and len(ids.tx_hash_evm(rng)) == 66


def test_masked_cards_and_phone_keys():
    number = "4400430123451234"
    assert ids.mask_card(number) == "4400 43** **** 1234"
    assert ids.mask_card(number, 1) == "440043******1234"
    assert ids.mask_card(number, 2) == "4400-43XX-XXXX-1234"
    assert ids.masked_key(number) == "440043*1234"
    assert ids.phone_key(7011234567) == "+77011234567"
    assert ids.phone_spellings(7011234567) == [
        "+77011234567", "87011234567", "77011234567", "77011234567.0", "8 (701) 123-45-67",
        "+7 701 123 45 67", "8-701-123-45-67"]


def test_operators_and_case_numbers(rng):
    assert ids.operator_of(7011234567) == "kcell"
    assert ids.operator_of(7771234567) == "beeline"
    assert ids.operator_of(7471234567) == "tele2"
    assert ids.operator_of(9161234567) == "ru"
    for op, mnc in ids.IMSI_MNC.items():
        value = ids.imsi(rng, op)
        assert len(value) == 15 and value.startswith(mnc)
    number = ids.erdr_number(rng)
    assert len(number) == 15 and number.isdigit() and number.startswith("24")
