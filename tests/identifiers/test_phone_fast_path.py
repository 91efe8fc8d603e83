"""The batch path for +7 numbers (spellings canonicalised together, the compiled plan of phonenumbers'
rules run over all numbers at once) gives exactly what phonenumbers says number by number."""

from __future__ import annotations

import numpy as np
import pandas as pd
import phonenumbers
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkview.identifiers import normalize, normalize_series
from linkview.identifiers.phones import phone_columns

COUNTRY = {"KZ": "Kazakhstan", "RU": "Russia"}


def test_fast_path_equals_phonenumbers_on_20000_random_numbers_over_every_prefix():
    rng = np.random.default_rng(20260)
    n = 20_000
    prefixes = np.arange(n) % 1000                       # every 3-digit prefix, 20 numbers each
    tails = rng.integers(0, 10_000_000, n)
    nsn = [f"{p:03d}{t:07d}" for p, t in zip(prefixes.tolist(), tails.tolist(), strict=True)]
    style = rng.integers(0, 5, n)
    forms = [lambda s: "+7" + s, lambda s: "8" + s, lambda s: "7" + s,
             lambda s: f"8 ({s[:3]}) {s[3:6]}-{s[6:8]}-{s[8:]}", lambda s: f"+7 {s[:3]} {s[3:6]} {s[6:8]} {s[8:]}"]
    values = [forms[k](s) for s, k in zip(nsn, style.tolist(), strict=True)]
    out = normalize_series("phone", pd.Series(values, dtype=object))
    for i, s in enumerate(nsn):
        number = phonenumbers.parse("+7" + s, None)
        valid = phonenumbers.is_valid_number(number)
        assert out["kind"].iat[i] == "phone", values[i]
        assert out["key"].iat[i] == phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        assert bool(out["valid"].iat[i]) == valid, values[i]
        if valid:
            region = phonenumbers.region_code_for_number(number)
            note = out["note"].iat[i]
            assert note.startswith(COUNTRY.get(region, "")) or note.startswith("toll-free"), (values[i], note)


FIELDS = ("kind", "key", "display", "valid", "note")


def _rows_of(frame: pd.DataFrame) -> list[tuple]:
    return list(frame[list(FIELDS)].itertuples(index=False, name=None))


def _one_by_one(values: list[object]) -> list[tuple]:
    expected = []
    for value in values:
        ident = normalize("phone", value)
        expected.append(tuple(getattr(ident, f) for f in FIELDS))
    return expected


def _sample(seed: int) -> list[object]:
    """+7 numbers of 9-11 digits after +7 over every 3-digit prefix, Kazakh fixed lines (every 4-digit
    prefix 7100-7299, whose validity depends on up to 6 digits), Russian fixed lines and the 930
    mobiles (7 digits decide), in canonical and other spellings, and garbage."""
    rng = np.random.default_rng(seed)

    def tails(count: int, width: int) -> list[str]:
        return [f"{t:0{width}d}" for t in rng.integers(0, 10**width, count).tolist()]

    nsns = [f"{p:03d}{t}" for p in range(1000) for t in tails(12, 7)]
    nsns += [f"{p:04d}{t}" for p in range(7100, 7300) for t in tails(3, 6)]
    nsns += [f"{p}{t}" for p in ("495", "499", "812", "343", "383", "846", "3012", "4012", "8512")
             for t in tails(10, 10 - len(p))]
    nsns += [f"9300{p:03d}{t}" for p in range(1000) for t in tails(1, 3)]
    values: list[object] = ["+7" + n for n in nsns]
    values += ["8" + n for n in nsns[::7]] + [f"8 ({n[:3]}) {n[3:6]}-{n[6:8]}-{n[8:]}" for n in nsns[3::11]]
    values += ["+7" + n[:9] for n in nsns[::5]] + ["+7" + n + str(n[-1]) for n in nsns[1::5]]  # 9 and 11 digits
    values += [f"{n}" for n in nsns[2::13]] + [f"7{n}.0" for n in nsns[4::17]]
    alphabet = list("0123456789+()- .eEx/АБ")
    values += ["".join(rng.choice(alphabet, int(k))) for k in rng.integers(0, 16, 3000)]
    values += [None, float("nan"), 77011234567, 87011234567.0, 7011234567, "1414", "102", "Kaspi.kz", "",
               "=SUM(A1)", "+380501234567", "8703 123 45 67", "  ", "7٧٠١١٢٣٤٥٦٧", "+7 701 123 45 67 доб. 12"]
    rng.shuffle(values)
    return values


def test_series_equals_one_by_one_on_every_prefix_length_and_garbage():
    values = _sample(2026)
    assert len(values) > 25_000
    frame = normalize_series("phone", pd.Series(values, dtype=object))
    assert _rows_of(frame) == _one_by_one(values)
    index, columns = phone_columns(values)  # without pandas.factorize: the dictionary of phones.py
    assert [tuple(columns[f][j] for f in FIELDS) for j in index] == _rows_of(frame)


def test_series_of_canonical_numbers_only():
    """The shape of a big call-record import: distinct ``+7`` + 10 digits, nothing else."""
    rng = np.random.default_rng(7)
    values = sorted({f"+7{p:03d}{t:07d}" for p in range(1000) for t in rng.integers(0, 10**7, 8).tolist()})
    frame = normalize_series("phone", pd.Series(values, dtype=object))
    assert _rows_of(frame) == _one_by_one(values)


@pytest.mark.parametrize("odd", ["x\ny", "7٧٠١١٢٣٤٥٦٧.0"], ids=["line break", "Excel digits of other scripts"])
def test_values_that_leave_the_fast_path(odd):
    """A line break makes every value go one by one; Excel's ``.0`` keeps Arabic-Indic digits, which
    the automaton does not take: the regex path classifies the numbers then, with the same results."""
    values = _sample(5)[:3000] + [odd]
    frame = normalize_series("phone", pd.Series(values, dtype=object))
    assert _rows_of(frame) == _one_by_one(values)


def test_regex_path_when_the_plan_has_no_automaton(monkeypatch):
    from linkview.identifiers._phone_plan import plan7

    monkeypatch.setattr(plan7(), "automaton", lambda width: None)
    values = _sample(11)[:5000]
    frame = normalize_series("phone", pd.Series(values, dtype=object))
    assert _rows_of(frame) == _one_by_one(values)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(
    st.from_regex(r"\+7[0-9]{9,11}", fullmatch=True),
    st.from_regex(r"[78]?[0-9]{10}", fullmatch=True),
    st.from_regex(r"\+77(?:1[0-9]|2[0-9])[0-9]{7}", fullmatch=True),     # Kazakh fixed lines
    st.from_regex(r"\+7(?:[348][0-9]{2}|9300)[0-9]{6,7}", fullmatch=True),  # Russian fixed lines, 930
    st.text(alphabet="0123456789+()- .eE٧", max_size=14), st.text(max_size=8), st.none(), st.floats(),
    st.integers(0, 10**12)), max_size=60))
def test_series_equals_one_by_one_on_random_columns(values):
    frame = normalize_series("phone", pd.Series(values, dtype=object))
    assert _rows_of(frame) == _one_by_one(values)
