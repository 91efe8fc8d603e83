"""The editable data files of the identifiers layer parse and hold what DOMAIN.md states."""

from __future__ import annotations

import re

from linkview.identifiers import _data


def test_every_file_parses():
    for name in ("kz_mobile_prefixes.csv", "service_numbers.csv", "kz_banks.csv", "iban_lengths.csv",
                 "mcc_mnc.csv", "card_schemes.csv"):
        rows = _data.rows(name)
        assert rows, name
        assert all(all(k for k in row) for row in rows), name


def test_mobile_prefixes():
    table = _data.kz_mobile_prefixes()
    assert all(re.fullmatch(r"7\d\d", p) for p in table)
    for prefix in ("703", "704", "709", "750"):
        assert table[prefix] == ("", False)
    assert table["701"] == ("Kcell/Activ", True)
    assert table["777"] == ("Beeline", True)
    assert table["747"] == ("Tele2/Altel", True)


def test_banks_and_iban_lengths():
    assert all(re.fullmatch(r"\d{3}", code) for code in _data.kz_banks())
    lengths = _data.iban_lengths()
    assert lengths["KZ"] == (20, "Kazakhstan")
    assert all(re.fullmatch(r"[A-Z]{2}", c) and 15 <= n <= 34 for c, (n, _) in lengths.items())


def test_mcc_mnc_and_schemes():
    countries, operators = _data.mcc_mnc()
    assert countries["401"] == "Kazakhstan" and countries["250"] == "Russia"
    assert operators[("401", "02")] == "Kcell" and operators[("401", "77")] == "Tele2"
    for first, last, scheme in _data.card_schemes():
        assert len(first) == len(last) and first <= last and scheme
