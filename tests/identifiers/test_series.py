"""normalize_series: one slow call per distinct value, equal to normalize row by row."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from linkview.identifiers import normalize, normalize_series

MIXED = {
    "phone": ["87011234567", "+7 701 123 45 67", None, np.nan, "", "1414", "Kaspi.kz", 77011234567.0,
              "79161234567", "8703 123 45 67", "x\ny", "+380501234567", "87011234567", pd.NA],
    "imei": ["352099001761481", "352099001761480", None, "35-209900-176148-1", "bad", 352099001761481],
    "card": ["4400 43** **** 1234", "4111111111111111", "4111111111111110", None, "*1234"],
    "taxid": ["791028302728", "971240001315", "880101300017", None, 61211600012.0],
    "wallet": ["TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", None, "x"],
    "auto": ["87011234567", "4400 43** **** 1234", "hello", None, "ivan@mail.ru", "1.2.3.4:80"],
    "person": ["Иванов Пётр", "ИВАНОВ  ПЕТР", None],
}


def _expected(kind, values):
    rows = [normalize(kind, v) for v in values]
    return [(r.kind, r.key, r.display, r.valid, r.note) for r in rows]


@pytest.mark.parametrize("kind", sorted(MIXED))
def test_series_equals_row_by_row(kind):
    values = MIXED[kind]
    series = pd.Series(values, index=[f"r{i}" for i in range(len(values))], dtype=object)
    frame = normalize_series(kind, series)
    assert list(frame.columns) == ["kind", "key", "display", "valid", "note"]
    assert list(frame.index) == list(series.index)
    got = list(frame.itertuples(index=False, name=None))
    assert got == _expected(kind, values)


def test_series_of_pandas_string_dtype_and_lists():
    values = ["87011234567", None, "8 701 123 45 67"]
    frame = normalize_series("phone", pd.Series(values, dtype="string"))
    assert frame["key"].tolist() == ["+77011234567", "", "+77011234567"]
    assert frame["valid"].tolist() == [True, False, True]
    assert frame["note"].iloc[1] == "empty"
    assert normalize_series("phone", values)["key"].tolist() == ["+77011234567", "", "+77011234567"]


def test_empty_series():
    frame = normalize_series("phone", pd.Series([], dtype=object))
    assert len(frame) == 0 and list(frame.columns) == ["kind", "key", "display", "valid", "note"]


def test_slow_path_once_per_distinct_value(monkeypatch):
    from linkview.identifiers import api

    calls = []
    real = api._NORMALIZERS["imei"]
    monkeypatch.setitem(api._NORMALIZERS, "imei", lambda raw: calls.append(raw) or real(raw))
    normalize_series("imei", pd.Series(["352099001761481"] * 50 + ["352099001761480"] * 50 + [None] * 5))
    assert sorted(c for c in calls if c is not None) == ["352099001761480", "352099001761481"]


def test_phone_numbers_classified_once_per_canonical_number(monkeypatch):
    from linkview.identifiers._phone_plan import plan7

    seen = []
    plan = plan7()
    real = plan.classify_digits
    monkeypatch.setattr(plan, "classify_digits",
                        lambda digits: seen.extend("".join(map(str, row)) for row in digits.tolist()) or real(digits))
    spellings = ["87011234567", "+7 701 123 45 67", "8 (701) 123-45-67", "77011234567.0", "7011234567"]
    normalize_series("phone", pd.Series(spellings * 3 + ["87051234567"]))
    assert sorted(seen) == ["7011234567", "7051234567"]


def test_unknown_kind():
    from linkview.errors import UnknownKindError

    with pytest.raises(UnknownKindError):
        normalize_series("nope", pd.Series(["1"]))


def test_unhashable_cells_do_not_raise():
    values = [["87011234567"], {"a": 1}, "87011234567", None]
    frame = normalize_series("phone", pd.Series(values, dtype=object))
    assert list(frame.itertuples(index=False, name=None)) == _expected("phone", values)


def test_duplicate_index_labels_are_kept():
    series = pd.Series(["87011234567", "1414", None], index=["a", "a", "b"])
    frame = normalize_series("phone", series)
    assert list(frame.index) == ["a", "a", "b"]
    assert frame["key"].tolist() == ["+77011234567", "1414", ""]
    assert frame["valid"].dtype == bool
