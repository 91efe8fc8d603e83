"""normalize_parties: every spelling normalised once, taken to the rows; the same as cell by cell."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from linkview.identifiers import normalize
from linkview.ingest.common import normalize_parties

SPELLINGS = ["+77011234567", "87011234567", "77011234567", "7011234567", "8 (701) 123-45-67",
             "+7 701 123 45 67", "8-701-123-45-67", "77011234567.0", "1414", "Kaspi.kz", "", "00 7 701 1234567",
             "810 7 701 123 45 67", "+44 20 7946 0958", "8 800 080 0000", "12", "+", "9161234567", "89161234567",
             "Абонент", "  87011234567 ", "8\u00a0701\u00a0123\u00a045\u00a067", "٨٧٠١١٢٣٤٥٦٧", "7.7011234567E+10",
             '=HYPERLINK("http://x","y")', "   ", "!!!", None]


def _same(a: list, b: list) -> None:
    parties = normalize_parties("phone", [np.array(a, dtype=object), np.array(b, dtype=object)])
    cells = a + b
    cols = {c: parties.column(c, 0, len(cells)) for c in parties.FIELDS}
    for i, raw in enumerate(cells):
        ident = normalize("phone", raw)
        blank = raw is None or not str(raw).strip()
        assert parties.empty[i] == blank, raw
        if blank:
            assert cols["key"][i] == "" and parties.key_codes[i] == -1
            continue
        got = tuple(cols[c][i] for c in ("key", "display", "valid", "note"))
        assert got == (ident.key, ident.display, ident.valid, ident.note), raw
        assert cols["kind"][i] == (ident.kind if ident.key else ""), raw
    # one key code per key: the spellings of one number share it
    keys = np.asarray(cols["key"], dtype=object)
    for k in set(keys[parties.key_codes >= 0]):
        assert len(set(parties.key_codes[keys == k])) == 1


def test_known_spellings():
    _same(SPELLINGS, list(reversed(SPELLINGS)))
    parties = normalize_parties("phone", [np.array(SPELLINGS[:7], dtype=object)])
    assert set(parties.column("key", 0, 7)) == {"+77011234567"} and set(parties.key_codes) == {0}
    assert parties.bad.tolist() == [False] * 7


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="0123456789 -()+78", min_size=0, max_size=18), min_size=1, max_size=20))
def test_any_phone_like_text(values):
    _same(values, values[::-1])
