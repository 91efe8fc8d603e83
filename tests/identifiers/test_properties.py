"""Hypothesis properties: idempotent keys, one key per spelling, batch == row by row, garbage never raises."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkview.identifiers import KINDS, normalize, normalize_series
from linkview.identifiers._base import luhn_ok
from linkview.identifiers.phones import phone_batch

SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

KZ = ("700", "701", "702", "705", "706", "707", "708", "747", "771", "775", "776", "777", "778")
RU = ("903", "905", "916", "926", "977", "999", "495", "812")

national = st.builds(lambda p, rest: p + rest, st.sampled_from(KZ + RU), st.from_regex(r"[0-9]{7}", fullmatch=True))


@st.composite
def spelled(draw, nsn: str) -> str:
    """A random spelling of +7 nsn: prefix, separators, brackets, Excel .0."""
    prefix = draw(st.sampled_from(["+7", "8", "7", "", "+7 ", "8 ", "810 7 ", "007 ", "+7-"]))
    groups = [nsn[:3], nsn[3:6], nsn[6:8], nsn[8:]]
    if draw(st.booleans()):
        groups[0] = f"({groups[0]})"
    sep = draw(st.sampled_from(["", " ", "-", " - "]))
    text = prefix + sep.join(groups)
    if prefix in ("7", "8") and draw(st.booleans()) and sep == "" and "(" not in text:
        text += ".0"
    before = draw(st.text(alphabet=" ()-", max_size=3))
    after = draw(st.text(alphabet=" ()-", max_size=3))
    return before + text + after


@SETTINGS
@given(national, st.data())
def test_random_spellings_give_one_key(nsn, data):
    expected = "+7" + nsn
    for _ in range(4):
        raw = data.draw(spelled(nsn))
        ident = normalize("phone", raw)
        assert ident.key == expected, raw
        assert ident.kind == "phone"


@SETTINGS
@given(st.lists(st.one_of(national.flatmap(spelled), st.text(max_size=12), st.none(),
                          st.integers(min_value=0, max_value=10**12), st.floats(allow_nan=True)), max_size=40))
def test_phone_batch_equals_one_by_one(values):
    index, distinct = phone_batch(values)
    for value, j in zip(values, index, strict=True):
        assert distinct[j] == normalize("phone", value), value


@SETTINGS
@given(st.sampled_from(["phone", "imei", "card", "auto", "iban", "wallet", "taxid", "email", "ip"]),
       st.lists(st.one_of(national.flatmap(spelled), st.text(max_size=20), st.none(), st.floats()), max_size=30))
def test_series_equals_row_by_row(kind, values):
    frame = normalize_series(kind, pd.Series(values, dtype=object))
    expected = [normalize(kind, v) for v in values]
    assert list(frame.itertuples(index=False, name=None)) == [
        (e.kind, e.key, e.display, e.valid, e.note) for e in expected]


def _imei(body: str) -> str:
    return next(body + d for d in "0123456789" if luhn_ok(body + d))


def _card(body: str) -> str:
    return next(body + d for d in "0123456789" if luhn_ok(body + d))


VALID_VALUES = {
    "phone": national.map(lambda n: "8" + n),
    "service": st.sampled_from(["1414", "102", "Kaspi.kz", "Halyk Bank"]),
    "subscriber": st.text(min_size=1, max_size=10),
    "imei": st.from_regex(r"[0-9]{14}", fullmatch=True).map(_imei),
    "imsi": st.from_regex(r"(401|250)[0-9]{12}", fullmatch=True),
    "card": st.from_regex(r"4[0-9]{14}", fullmatch=True).map(_card),
    "masked_card": st.from_regex(r"[0-9]{6}\*{6}[0-9]{4}", fullmatch=True),
    "iban": st.sampled_from(["KZ24722S000000686267", "KZ72998LTB0001497589", "DE89370400440532013000"]),
    "account": st.from_regex(r"[0-9]{20}", fullmatch=True),
    "iin": st.sampled_from(["791028302728", "061211600012", "940101300123", "900101300811"]),
    "bin": st.sampled_from(["971240001315", "940140000385"]),
    "wallet_tron": st.just("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
    "wallet_evm": st.from_regex(r"0x[0-9a-fA-F]{40}", fullmatch=True),
    "wallet_btc": st.sampled_from(["1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"]),
    "email": st.emails(),
    "ip": st.ip_addresses().map(str),
    "device": st.text(min_size=1, max_size=20),
    "ad_account": st.from_regex(r"[a-z]{2,6}:[0-9]{1,8}", fullmatch=True),
    "listing": st.from_regex(r"[a-z]{2,6}:[A-Za-z0-9]{1,8}", fullmatch=True),
    "person": st.text(alphabet="абвгдеёжзийклмнопрстуфхцчшщыэюяАБВЁabcXYZ ", min_size=1, max_size=30),
}


def test_every_kind_has_a_strategy():
    assert set(VALID_VALUES) == set(KINDS)


@SETTINGS
@given(st.sampled_from(sorted(VALID_VALUES)).flatmap(lambda k: st.tuples(st.just(k), VALID_VALUES[k])))
def test_key_is_idempotent_for_every_kind(pair):
    kind, raw = pair
    first = normalize(kind, raw)
    if not first.key:
        return
    again = normalize(first.kind, first.key)
    assert (again.kind, again.key) == (first.kind, first.key), raw


@SETTINGS
@given(st.sampled_from(list(KINDS) + ["wallet", "taxid", "auto"]),
       st.one_of(st.text(), st.binary(max_size=20), st.integers(), st.floats(), st.none(),
                 st.lists(st.integers(), max_size=3)))
def test_garbage_never_raises_and_idempotent(kind, raw):
    ident = normalize(kind, raw)
    assert isinstance(ident.key, str) and isinstance(ident.valid, bool)
    assert not ident.note.startswith("internal error"), (kind, raw, ident.note)
    if ident.key and ident.kind:
        again = normalize(ident.kind, ident.key)
        assert (again.kind, again.key) == (ident.kind, ident.key), (kind, raw)


phone_like = st.text(alphabet="0123456789787 ()-+.", min_size=8, max_size=20)


@SETTINGS
@given(st.lists(phone_like, max_size=40))
def test_phone_batch_equals_one_by_one_on_phone_punctuation(values):
    """The joined-text fast path and the per-value path agree on any mix of digits and punctuation."""
    index, distinct = phone_batch(values)
    for value, j in zip(values, index, strict=True):
        assert distinct[j] == normalize("phone", value), value
