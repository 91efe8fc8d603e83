"""IMEI and IMSI."""

from __future__ import annotations

import pytest

from linkview.identifiers import normalize
from linkview.identifiers._base import luhn_ok
from linkview.identifiers.handsets import luhn_digit


def test_valid_imei():
    ident = normalize("imei", "490154203237518")
    assert (ident.kind, ident.key, ident.display, ident.valid, ident.note) == (
        "imei", "49015420323751", "490154203237518", True, "")
    assert ident.info_dict()["tac"] == "49015420"


def test_network_check_digit_zero_gives_the_same_handset():
    real = normalize("imei", "352099001761481")
    sent = normalize("imei", "352099001761480")
    assert real.key == sent.key == "35209900176148"
    assert sent.valid and "check digit 0" in sent.note
    assert sent.display == "352099001761480"  # shown as seen


@pytest.mark.parametrize("raw", ["35-209900-176148-1", "35 209900 176148 1", "352099001761481.0", "IMEI: 352099001761481",
                                 352099001761481, 352099001761481.0])
def test_imei_spellings(raw):
    assert normalize("imei", raw).key == "35209900176148"


def test_wrong_check_digit_is_flagged_but_kept():
    ident = normalize("imei", "352099001761487")
    assert ident.valid is False and "expected 1" in ident.note
    assert ident.key == "35209900176148"


def test_imeisv_and_14_digits():
    sv = normalize("imei", "3520990017614823")
    assert (sv.key, sv.display, sv.valid) == ("35209900176148", "3520990017614823", True)
    assert "IMEISV" in sv.note and sv.info_dict()["software_version"] == "23"
    bare = normalize("imei", "35209900176148")
    assert (bare.key, bare.valid) == ("35209900176148", True)


@pytest.mark.parametrize("raw", ["3520990017614", "35209900176148234", "35209900A761481", "not an imei"])
def test_wrong_length_or_letters_invalid(raw):
    ident = normalize("imei", raw)
    assert ident.kind == "imei" and ident.valid is False and ident.key


def test_luhn_digit():
    assert luhn_digit("49015420323751") == "8"
    assert all(luhn_ok(body + luhn_digit(body)) for body in ("0", "1234567", "35209900176148"))


@pytest.mark.parametrize(("raw", "country", "operator"), [
    ("401011234567890", "Kazakhstan", "Beeline"), ("401021234567890", "Kazakhstan", "Kcell"),
    ("401071234567890", "Kazakhstan", "Altel"), ("401771234567890", "Kazakhstan", "Tele2"),
    ("250011234567890", "Russia", "MTS"), ("250991234567890", "Russia", "Beeline"),
])
def test_imsi_country_and_operator(raw, country, operator):
    ident = normalize("imsi", raw)
    assert (ident.key, ident.valid) == (raw, True)
    info = ident.info_dict()
    assert (info["country"], info["operator"]) == (country, operator)
    assert ident.note == f"{country}, {operator}"


def test_imsi_unknown_operator_and_bad_length():
    assert normalize("imsi", "401551234567890").note == "Kazakhstan"
    assert normalize("imsi", "999991234567890").note == "unknown country code (MCC 999)"
    short = normalize("imsi", "40102123456789")
    assert short.valid is False and "15 digits" in short.note
    assert normalize("imsi", "4010212345678x0").valid is False
