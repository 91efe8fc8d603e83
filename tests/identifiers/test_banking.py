"""Cards, masked cards, IBANs and accounts."""

from __future__ import annotations

import pytest

from linkview.identifiers import normalize
from linkview.identifiers.banking import card_scheme, iban_ok

MASKED = ["4400 43** **** 1234", "440043******1234", "4400-43XX-XXXX-1234", "4400 43•• •••• 1234",
          "4400 43ХХ ХХХХ 1234", "440043*1234", "4400 43xx xxxx 1234"]


@pytest.mark.parametrize("raw", MASKED)
def test_masked_card_first6_last4(raw):
    ident = normalize("card", raw)
    assert (ident.kind, ident.key, ident.valid) == ("masked_card", "440043*1234", True)
    assert "candidate" in ident.note
    assert ident.info_dict()["bin"] == "440043"
    assert normalize("masked_card", raw).key == "440043*1234"


def test_masked_display():
    assert normalize("card", "440043******1234").display == "4400 43** **** 1234"


@pytest.mark.parametrize("raw", ["*1234", "**** **** **** 1234", "4400 **** **** 1234", "•1234"])
def test_last_four_only_is_weak(raw):
    ident = normalize("card", raw)
    assert (ident.kind, ident.key) == ("masked_card", "*1234")
    assert ident.note == "last 4 only: weak, never links cases alone"


def test_masked_with_fewer_than_four_last_digits_is_invalid():
    ident = normalize("masked_card", "4400 43** **** **34")
    assert ident.kind == "masked_card" and ident.valid is False


@pytest.mark.parametrize(("raw", "scheme"), [
    ("4111 1111 1111 1111", "Visa"), ("5555555555554444", "Mastercard"), ("2221000000000009", "Mastercard"),
    ("2200 0000 0000 0004", "Mir"), ("6250941006528599", "UnionPay"), ("378282246310005", "American Express"),
])
def test_full_cards(raw, scheme):
    ident = normalize("card", raw)
    digits = "".join(ch for ch in raw if ch.isdigit())
    assert (ident.kind, ident.key, ident.valid) == ("card", digits, True)
    assert ident.info_dict()["scheme"] == scheme


def test_card_display_groups_of_four():
    assert normalize("card", "4111111111111111").display == "4111 1111 1111 1111"


@pytest.mark.parametrize("raw", ["4111111111111110", 4400431234567890.0, "4.40043123456789E+15",
                                 "4400431234567890.0"])
def test_cards_damaged_by_excel(raw):
    ident = normalize("card", raw)
    assert ident.kind == "card" and ident.valid is False
    assert "likely damaged by Excel (15 significant digits)" in ident.note


def test_luhn_failure_not_ending_in_zero():
    ident = normalize("card", "4111 1111 1111 1112")
    assert ident.valid is False and "Luhn" in ident.note


@pytest.mark.parametrize("raw", ["4111", "41111111111111111111", "4111-abcd-1111-1111"])
def test_card_wrong_length_or_letters(raw):
    assert normalize("card", raw).valid is False


def test_card_scheme_prefix_table():
    assert card_scheme("2204123412341234") == "Mir"
    assert card_scheme("2720999999999999") == "Mastercard"
    assert card_scheme("2721000000000000") == ""
    assert card_scheme("9") == ""


@pytest.mark.parametrize(("raw", "bank"), [
    ("KZ24722S000000686267", "Kaspi Bank"), ("KZ72998LTB0001497589", "Jusan Bank (Alatau City Bank)"),
    ("kz24 722s 0000 0068 6267", "Kaspi Bank"), ("IBAN KZ24722S000000686267", "Kaspi Bank"),
])
def test_kz_iban(raw, bank):
    ident = normalize("iban", raw)
    assert ident.kind == "iban" and ident.valid
    assert ident.key == ident.key.upper() and " " not in ident.key
    assert ident.info_dict()["bank"] == bank


def test_iban_bank_codes_from_data_file():
    from linkview.identifiers import _data

    banks = _data.kz_banks()
    expected = {"722": "Kaspi", "601": "Halyk", "998": "Jusan", "965": "Forte", "856": "CenterCredit",
                "551": "Freedom", "886": "Home Credit", "948": "Eurasian", "914": "Bereke", "821": "RBK",
                "849": "Nurbank", "949": "Altyn"}
    for code, name in expected.items():
        assert name in banks[code]


def test_iban_one_character_changed_is_invalid():
    assert normalize("iban", "KZ24722S000000686268").valid is False
    assert normalize("iban", "KZ25722S000000686267").valid is False


def test_iban_other_countries_and_lengths():
    assert normalize("iban", "DE89 3704 0044 0532 0130 00").valid
    assert normalize("iban", "GB82WEST12345698765432").valid
    short = normalize("iban", "KZ24722S00000068626")
    assert short.valid is False and "20 characters" in short.note
    assert iban_ok("GB82WEST12345698765432") and not iban_ok("GB82WEST12345698765433")


def test_non_iban_goes_to_account_and_back():
    acct = normalize("iban", "408 178 100 999 1000 4312")
    assert (acct.kind, acct.key, acct.valid) == ("account", "40817810099910004312", True)
    assert normalize("account", "KZ24722S000000686267").kind == "iban"
    assert normalize("account", "40817-810-0999-1000-4312").key == "40817810099910004312"
    assert normalize("account", "abc").valid is False
    assert normalize("account", "12").valid is False
