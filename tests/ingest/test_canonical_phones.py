"""canonical_phones is only a shortcut: the identifiers layer must read its output exactly as the input."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from linkview.identifiers import normalize_series
from linkview.ingest.common import canonical_phones

SPELLINGS = ["+77011234567", "87011234567", "77011234567", "7011234567", "8 (701) 123-45-67",
             "+7 701 123 45 67", "8-701-123-45-67", "77011234567.0", "1414", "Kaspi.kz", "", "00 7 701 1234567",
             "810 7 701 123 45 67", "+44 20 7946 0958", "8 800 080 0000", "12", "+", "9161234567", "89161234567",
             "Абонент", "  87011234567 ", "8\u00a0701\u00a0123\u00a045\u00a067", "٨٧٠١١٢٣٤٥٦٧", "7.7011234567E+10"]


def _same(values: list[str]) -> None:
    raw = normalize_series("phone", pd.Series(values, dtype=object))
    canon = normalize_series("phone", pd.Series(canonical_phones(np.array(values, dtype=object)), dtype=object))
    cols = ["kind", "key", "display", "valid", "note"]
    assert raw[cols].values.tolist() == canon[cols].values.tolist()


def test_known_spellings():
    _same(SPELLINGS)
    out = canonical_phones(np.array(SPELLINGS[:7], dtype=object)).tolist()
    assert out == ["+77011234567"] * 7


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="0123456789 -()+78", min_size=0, max_size=18), min_size=1, max_size=20))
def test_any_phone_like_text(values):
    _same(values)
