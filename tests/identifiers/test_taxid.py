"""IIN and BIN."""

from __future__ import annotations

import pytest

from linkview.identifiers import normalize
from linkview.identifiers.taxid import taxid_check_digit


@pytest.mark.parametrize(("raw", "birth", "sex"), [
    ("791028302728", "1979-10-28", "male"), ("061211600012", "2006-12-11", "female"),
    ("940101300123", "1994-01-01", "male"), ("900101300811", "1990-01-01", "male"),
])
def test_valid_iins(raw, birth, sex):
    ident = normalize("iin", raw)
    assert (ident.kind, ident.key, ident.valid) == ("iin", raw, True)
    assert ident.info_dict() == {"birth_date": birth, "sex": sex}
    assert normalize("taxid", raw).kind == "iin"


def test_second_weight_pass():
    # 900101300811: the first pass gives 10, the second gives the check digit 1
    first = sum(int(d) * w for d, w in zip("90010130081", range(1, 12), strict=True)) % 11
    assert first == 10
    assert taxid_check_digit("90010130081") == 1


@pytest.mark.parametrize("raw", ["971240001315", "940140000385"])
def test_valid_bins(raw):
    for kind in ("bin", "taxid", "iin"):
        ident = normalize(kind, raw)
        assert (ident.kind, ident.key, ident.valid) == ("bin", raw, True)
    assert normalize("bin", raw).info_dict()["entity_type"] == "resident legal entity"


def test_invalid_check_digit():
    ident = normalize("iin", "880101300017")
    assert ident.valid is False and "check digit" in ident.note
    assert ident.key == "880101300017"


@pytest.mark.parametrize(("raw", "part"), [("791328302728", "impossible birth date"),
                                           ("790230302728", "impossible birth date"),
                                           ("791028902728", "century"), ("971340001315", "registration month")])
def test_impossible_dates(raw, part):
    ident = normalize("taxid", raw)
    assert ident.valid is False and part in ident.note


def test_never_issued_when_both_passes_give_ten():
    found = None
    for serial in range(10000):
        first11 = f"8001013{serial:04d}"
        if taxid_check_digit(first11) is None:
            found = first11
            break
    assert found is not None
    for last in "0123456789":
        ident = normalize("iin", found + last)
        assert ident.valid is False and "never issued" in ident.note


def test_spellings_and_lengths():
    assert normalize("iin", "7910 2830 2728").key == "791028302728"
    assert normalize("iin", "ИИН: 791028302728").key == "791028302728"
    assert normalize("iin", 61211600012.0).key == "061211600012"  # a number cell dropped the leading 0
    assert normalize("iin", "12345").valid is False
    assert normalize("bin", "abc").kind == "bin"
