"""Phones, service numbers and subscriber ids."""

from __future__ import annotations

import random

import pandas as pd
import phonenumbers
import pytest

from linkview.identifiers import normalize, normalize_series
from linkview.identifiers._phone_plan import plan7
from linkview.identifiers.phones import canonical_phone, phone_batch, phone_columns

ONE_NUMBER = [
    "+77011234567", "87011234567", "77011234567", "7011234567", "8 (701) 123-45-67", "+7 701 123 45 67",
    "8-701-123-45-67", "77011234567.0", "7.7011234567E+10", "810 7 701 123 45 67", "0077011234567",
    "007 701 123-45-67", " +7 (701) 1234567 ", "+7-701-123-4567", 77011234567, 77011234567.0,
    87011234567.0, "tel: +7 701 123 45 67", "8 701 123 45 67", "+77011234567.0", "8\u00a0701\u00a0123\u00a045\u00a067",
    "(+7) 701 123 45 67", "+(7) 701 123-45-67", "-+77011234567",
]


@pytest.mark.parametrize("raw", ONE_NUMBER, ids=repr)
def test_every_spelling_gives_one_key(raw):
    ident = normalize("phone", raw)
    assert (ident.kind, ident.key, ident.valid) == ("phone", "+77011234567", True)
    assert ident.display == "+7 701 123 45 67"
    assert ident.info_dict()["country"] == "Kazakhstan"


def test_russian_number_without_plus_is_not_read_as_kazakh():
    # phonenumbers.parse("79161234567", "KZ") gives the invalid +779161234567: we canonicalise first
    assert not phonenumbers.is_valid_number(phonenumbers.parse("79161234567", "KZ"))
    ident = normalize("phone", "79161234567")
    assert (ident.key, ident.valid) == ("+79161234567", True)
    assert ident.info_dict()["country"] == "Russia"
    assert normalize("phone", "8 916 123-45-67").key == "+79161234567"


@pytest.mark.parametrize("prefix", ["703", "704", "709", "750"])
def test_unallocated_kz_prefixes_are_kept_but_flagged(prefix):
    ident = normalize("phone", f"8{prefix}1234567")
    assert ident.kind == "phone"
    assert ident.key == f"+7{prefix}1234567"
    assert ident.valid is False
    assert prefix in ident.note and "Kazakhstan" in ident.note


@pytest.mark.parametrize(("prefix", "operator"), [
    ("701", "Kcell/Activ"), ("702", "Kcell/Activ"), ("775", "Kcell/Activ"), ("778", "Kcell/Activ"),
    ("705", "Beeline"), ("706", "Beeline"), ("771", "Beeline"), ("776", "Beeline"), ("777", "Beeline"),
    ("700", "Tele2/Altel"), ("707", "Tele2/Altel"), ("708", "Tele2/Altel"), ("747", "Tele2/Altel"),
    ("761", "Tele2/Altel"),
])
def test_kz_operator_allocation(prefix, operator):
    ident = normalize("phone", f"+7{prefix}5550102")
    assert ident.valid
    assert ident.note == f"Kazakhstan, {operator} allocation"
    assert ident.info_dict()["operator"] == f"{operator} (allocation)"


@pytest.mark.parametrize(("raw", "key", "name"), [
    ("1414", "1414", "eGov contact centre"), ("102", "102", "Police"), ("112", "112", "Emergency (single number)"),
    ("7111", "7111", ""), ("9595", "9595", ""),
])
def test_short_codes_are_services(raw, key, name):
    ident = normalize("phone", raw)
    assert (ident.kind, ident.key, ident.valid) == ("service", key, True)
    assert ident.info_dict().get("service", "") == name


@pytest.mark.parametrize(("raw", "key"), [("Kaspi.kz", "kaspi.kz"), ("Halyk", "halyk"), ("KASPI.KZ", "kaspi.kz"),
                                          ("Beeline  KZ", "beeline kz")])
def test_alphanumeric_senders_are_services(raw, key):
    ident = normalize("phone", raw)
    assert (ident.kind, ident.key, ident.display) == ("service", key, " ".join(raw.split()))
    assert normalize("service", raw).key == key


def test_service_kind_keeps_full_numbers_as_phones():
    assert normalize("service", "87011234567").kind == "phone"
    assert normalize("service", "1414").kind == "service"


@pytest.mark.parametrize(("raw", "key", "valid"), [
    ("+380501234567", "+380501234567", True),
    ("00380501234567", "+380501234567", True),
    ("380501234567", "+380501234567", True),
    ("+996 555 123 456", "+996555123456", True),
    ("+12025550123", "+12025550123", True),
    ("+999123456789", "+999123456789", False),
])
def test_international_numbers(raw, key, valid):
    ident = normalize("phone", raw)
    assert (ident.kind, ident.key, ident.valid) == ("phone", key, valid)


@pytest.mark.parametrize(("raw", "note_part"), [
    ("7.70112346E+10", "scientific notation"),
    ("2123456", "code is missing"),
    ("12", "too short"),
    ("+7 701, +7 702", "not a phone number"),
    ("+7701123456789", "10 digits after +7"),
    ("+76123456789", "not a valid Kazakhstan number"),
])
def test_damaged_or_odd_numbers_are_flagged(raw, note_part):
    ident = normalize("phone", raw)
    assert ident.kind == "phone" and ident.valid is False
    assert note_part in ident.note
    assert ident.key  # kept: a flagged value is never lost


def test_excel_scientific_notation_that_lost_digits_never_links_to_a_real_number():
    damaged = normalize("phone", "7.70112346E+10")
    assert damaged.key != normalize("phone", "77011234600").key


def test_toll_free_and_fixed_lines():
    free = normalize("phone", "8 800 080 0000")
    assert free.valid and "toll-free" in free.note
    astana = normalize("phone", "8 (7172) 12-34-56")
    assert (astana.key, astana.valid) == ("+77172123456", True)
    assert astana.info_dict()["line_type"] == "fixed line"


@pytest.mark.parametrize("raw", [None, float("nan"), "", "   "])
def test_empty_cells(raw):
    ident = normalize("phone", raw)
    assert (ident.kind, ident.key, ident.display, ident.valid, ident.note) == ("phone", "", "", False, "empty")


def test_subscriber_ids():
    assert normalize("subscriber", "86.0").key == "86"
    assert normalize("subscriber", 86.0).key == "86"
    assert normalize("subscriber", " A-17 ").key == "A-17"
    assert normalize("subscriber", "86").valid
    assert normalize("subscriber", None).note == "empty"


def test_canonical_forms():
    assert canonical_phone("810 7 701 123 45 67") == ("intl", "77011234567")
    assert canonical_phone("1414") == ("short", "1414")
    assert canonical_phone("Kaspi.kz") == ("sender", "Kaspi.kz")
    assert canonical_phone("123 45 67") == ("local", "1234567")
    assert canonical_phone(None) == ("empty", "")


def _numbers_all_prefixes(seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    nsns = [f"{p:03d}{rng.randrange(10**7):07d}" for p in range(1000)]
    nsns += [f"{p:04d}{rng.randrange(10**6):06d}" for p in range(0, 10000, 7)]
    nsns += ["8001234567", "8091234567", "8081234567", "7511234567", "7172123456", "7272123456"]
    return nsns


def test_country_code_7_plan_agrees_with_phonenumbers():
    """The compiled +7 rules give what phonenumbers says, for every 3-digit prefix and many 4-digit ones."""
    plan = plan7()
    nsns = _numbers_all_prefixes()
    batch = plan.classify_many(nsns)
    for nsn, many in zip(nsns, batch, strict=True):
        number = phonenumbers.parse("+7" + nsn, None)
        assert phonenumbers.national_significant_number(number) == nsn
        region, kind = plan.classify(nsn)
        assert many == (region, kind), nsn
        assert region == phonenumbers.region_code_for_number(number), nsn
        assert (kind is not None) == phonenumbers.is_valid_number(number), nsn
        ident = normalize("phone", "+7" + nsn)
        assert ident.key == phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        assert ident.valid == phonenumbers.is_valid_number(number)


def test_plan_handles_other_lengths_like_phonenumbers():
    plan = plan7()
    for nsn in ["810812345678901", "8108123456789012", "701123456", "70112345678"]:
        number = phonenumbers.parse("+7" + nsn, None)
        valid = phonenumbers.is_valid_number(number)
        assert (plan.classify(phonenumbers.national_significant_number(number))[1] is not None) == valid


def test_batch_equals_one_by_one():
    values = ONE_NUMBER + ["79161234567", "1414", "Kaspi.kz", None, float("nan"), "x\ny", "8703 123 45 67",
                           "+380501234567", "", "bad!", 5, "+7 701 123 45 68", "87011234568"]
    index, distinct = phone_batch(values)
    cindex, columns = phone_columns(values)
    fields = ("kind", "key", "display", "valid", "note")
    for value, j, k in zip(values, index, cindex, strict=True):
        ident = normalize("phone", value)
        assert distinct[j] == ident, value
        assert tuple(columns[f][k] for f in fields) == tuple(getattr(ident, f) for f in fields), value
    # one slot per canonical number: every spelling of +77011234567 shares one
    assert len({index[i] for i in range(len(ONE_NUMBER))}) == 1


def test_number_with_words_around_it_is_not_a_sender():
    ident = normalize("phone", "+7 701 123 45 67 доб. 12")
    assert (ident.kind, ident.valid) == ("phone", False)
    assert ident.key == "+7 701 123 45 67 доб. 12"


def test_digits_of_other_scripts_fold_to_ascii():
    arabic = "٨٧٠١١٢٣٤٥٦٧"  # 87011234567 in Arabic-Indic digits
    full_width = "８７０１１２３４５６７"
    for raw in (arabic, full_width, "+7 ٧٠١ ١٢٣ ٤٥ ٦٧", "7٧٠١١٢٣٤٥٦٧.0"):   # Excel's .0 too
        ident = normalize("phone", raw)
        assert (ident.key, ident.valid) == ("+77011234567", True), raw


@pytest.mark.parametrize("raw", ['=HYPERLINK("http://x","y")', "+CMD|' /C calc'!A0", "@SUM(A1:A9)", "-Kaspi",
                                 "=Kaspi"])
def test_spreadsheet_formulas_are_no_senders(raw):
    for kind in ("phone", "service"):
        ident = normalize(kind, raw)
        assert (ident.kind, ident.valid) == ("service", False), (kind, raw)
        assert ident.note == "looks like a spreadsheet formula"
        assert ident.display == raw


@pytest.mark.parametrize(("raw", "note"), [
    ("Kaspi!", "not a sender name: '!' cannot be in one"),
    ("Halyk<script>", "not a sender name: '<' '>' cannot be in one"),
    ("VeryLongSender", "not a sender name: 14 characters, sender names have at most 11"),
])
def test_sender_names_follow_the_gsm_rules(raw, note):
    ident = normalize("phone", raw)
    assert (ident.kind, ident.valid, ident.note) == ("service", False, note)


@pytest.mark.parametrize("raw", ["Kaspi.kz", "HALYK", "Beeline KZ", "A-B_C&D.1", "Kcell 24", "ABCDEFGHIJK"])
def test_gsm_sender_names_stay_valid(raw):
    ident = normalize("phone", raw)
    assert (ident.kind, ident.valid, ident.note) == ("service", True, "alphanumeric sender")


def test_a_formula_without_letters_is_flagged_too():
    ident = normalize("phone", "=1+2")
    assert (ident.valid, ident.note) == (False, "not a phone number: looks like a spreadsheet formula")


def test_series_flags_formulas_like_one_by_one():
    values = pd.Series(["87011234567", '=HYPERLINK("http://x","y")', "Kaspi.kz", "+CMD|x"], dtype=object)
    frame = normalize_series("phone", values)
    assert frame["valid"].tolist() == [True, False, True, False]
    assert frame["note"].iloc[1] == frame["note"].iloc[3] == "looks like a spreadsheet formula"
