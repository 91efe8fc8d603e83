"""detect() and parse_entity()."""

from __future__ import annotations

import pytest

from linkview.errors import LinkViewError, UnknownKindError
from linkview.identifiers import ALIASES, KINDS, normalize, parse_entity
from linkview.identifiers import detect as detect_kind


@pytest.mark.parametrize(("raw", "kind"), [
    ("87011234567", "phone"), ("+7 701 123 45 67", "phone"), ("(+7) 701 123 45 67", "phone"), ("7011234567", "phone"), ("77011234567.0", "phone"),
    ("+380501234567", "phone"), ("00380501234567", "phone"), ("1414", "service"), ("102", "service"),
    ("4400 43** **** 1234", "masked_card"), ("*1234", "masked_card"), ("4400-43XX-XXXX-1234", "masked_card"),
    ("4111 1111 1111 1111", "card"), ("4111111111111110", "card"), ("378282246310005", "card"),
    ("KZ24722S000000686267", "iban"), ("KZ24 722S 0000 0068 6267", "iban"), ("KZ24722S000000686268", "iban"),
    ("DE89370400440532013000", "iban"), ("40817810099910004312", "account"),
    ("490154203237518", "imei"), ("352099001761480", "imei"), ("35209900176148", "imei"),
    ("3520990017614823", "imei"), ("401021234567890", "imsi"), ("250011234567890", "imsi"),
    ("791028302728", "iin"), ("971240001315", "bin"), ("880101300017", "iin"),
    ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "wallet_tron"), ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "wallet_evm"),
    ("\\x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "wallet_evm"), ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "wallet_btc"),
    ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "wallet_btc"), ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "wallet_btc"),
    ("ivan@mail.ru", "email"), ("1.2.3.4", "ip"), ("1.2.3.4:5555", "ip"), ("2001:db8::1", "ip"),
    ("olx:12345", "ad_account"), ("8f2a1b3c-1234-5678-9abc-def012345678", "device"),
    ("Иванов Иван Иванович", "person"), ("John Smith", "person"),
])
def test_detect(raw, kind):
    assert detect_kind(raw) == kind


@pytest.mark.parametrize("raw", [None, "", "   ", float("nan"), "12345678", "hello", "Kaspi.kz", "a@b",
                                 "3111111111111111111111111x", "!!!", "12.5", "15000.00",
                                 "01.02.2024 10:00:00", "10:00", "2024-01-02"])
def test_detect_nothing(raw):
    assert detect_kind(raw) is None


def test_numeric_base58_lookalike_is_not_a_wallet():
    # 25 digits without 0 are valid base58 but fail the checksum: an account number, not a wallet
    assert detect_kind("3111111111111111111111111") == "account"


@pytest.mark.parametrize(("text", "kind", "key"), [
    ("87011234567", "phone", "+77011234567"),
    ("phone:8 701 123 45 67", "phone", "+77011234567"),
    ("imei:35-209900-176148-1", "imei", "35209900176148"),
    ("IMEI: 352099001761480", "imei", "35209900176148"),
    ("olx:123", "ad_account", "olx:123"),
    ("listing:olx:123", "listing", "olx:123"),
    ("wallet:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "wallet_tron", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
    ("taxid:971240001315", "bin", "971240001315"),
    ("4400 43** **** 1234", "masked_card", "440043*1234"),
    ("service:Kaspi.kz", "service", "kaspi.kz"),
])
def test_parse_entity(text, kind, key):
    ident = parse_entity(text)
    assert (ident.kind, ident.key) == (kind, key)


def test_parse_entity_explicit_kind_argument():
    assert parse_entity("86", kind="subscriber").key == "86"
    with pytest.raises(UnknownKindError):
        parse_entity("86", kind="nonsense")


@pytest.mark.parametrize("text", ["Kaspi.kz", "", "   ", "hello world!", "12345678"])
def test_parse_entity_unknown_raises_helpful_error(text):
    with pytest.raises(UnknownKindError) as info:
        parse_entity(text)
    message = str(info.value)
    assert "KIND:VALUE" in message and "phone" in message
    assert isinstance(info.value, LinkViewError)


def test_normalize_unknown_kind_raises():
    with pytest.raises(UnknownKindError, match="unknown identifier kind"):
        normalize("telephone", "87011234567")


def test_every_kind_and_alias_is_accepted():
    for kind in KINDS + ALIASES:
        ident = normalize(kind, None)
        assert ident.note == "empty" and ident.key == "" and ident.valid is False
        assert ident.kind in KINDS
    assert normalize("PHONE", "87011234567").key == "+77011234567"


def test_auto_kind():
    assert normalize("auto", "87011234567").key == "+77011234567"
    unknown = normalize("auto", "hello")
    assert (unknown.kind, unknown.key, unknown.valid, unknown.note) == ("", "hello", False, "kind not recognised")


def test_an_internal_failure_flags_the_value_instead_of_stopping_an_import(monkeypatch):
    from linkview.identifiers import api

    def broken(raw):
        raise ZeroDivisionError

    monkeypatch.setitem(api._NORMALIZERS, "imei", broken)
    ident = normalize("imei", "352099001761481")
    assert (ident.kind, ident.key, ident.valid) == ("imei", "352099001761481", False)
    assert ident.note.startswith("internal error") and "ZeroDivisionError" in ident.note
