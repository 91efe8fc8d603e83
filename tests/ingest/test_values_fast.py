"""Fixed-width times read with numpy: the same datetimes, NaT cells, rules and rejections as strptime.

The reference is ``_to_dt`` (pandas' strptime for one format), what every cell got before the numpy path;
``parse_times`` and ``times_of`` are also run with the numpy path switched off and must not notice.
"""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linkview.ingest import values
from linkview.ingest.common import Rejects
from linkview.ingest.timecols import times_of
from linkview.ingest.values import _parse_with, _to_dt, fast_fixed, parse_times

FIXED = ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S",
         "%d/%m/%Y %H:%M", "%d-%m-%Y %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%d.%m.%y %H:%M:%S", "%d.%m.%y"]
# (year, month, day, hour, minute, second): leap days, the ends of the day, and what does not exist
EDGES = [(2024, 2, 29, 0, 0, 0), (2000, 2, 29, 23, 59, 59), (1996, 2, 29, 12, 0, 0), (2023, 2, 29, 0, 0, 0),
         (1900, 2, 29, 0, 0, 0), (2100, 2, 29, 0, 0, 0), (2024, 2, 30, 0, 0, 0), (2024, 2, 31, 0, 0, 0),
         (2024, 4, 31, 0, 0, 0), (2024, 12, 31, 23, 59, 59), (2024, 1, 1, 0, 0, 0), (2024, 1, 0, 0, 0, 0),
         (2024, 0, 1, 0, 0, 0), (2024, 13, 1, 0, 0, 0), (2024, 99, 99, 99, 99, 99), (2024, 5, 5, 24, 0, 0),
         (2024, 5, 5, 23, 60, 0), (2024, 5, 5, 23, 59, 60), (1677, 12, 31, 0, 0, 0), (1678, 1, 1, 0, 0, 0),
         (2261, 12, 31, 23, 59, 59), (2262, 1, 1, 0, 0, 0), (3000, 1, 1, 0, 0, 0), (0, 1, 1, 0, 0, 0),
         (1969, 1, 1, 0, 0, 0), (2068, 12, 31, 0, 0, 0)]
# characters of times, of their separators and a few others (Cyrillic, Arabic-Indic digit, tab); no NUL:
# numpy's byte strings drop trailing NULs, so "…09\0" reads as "…09" (as it did before this path)
ALPHABET = "0123456789.:-/T жx٢\t+"


def _render(fmt: str, y: int, mo: int, d: int, h: int, mi: int, s: int) -> str:
    for directive, text in (("%Y", f"{y:04d}"), ("%y", f"{y % 100:02d}"), ("%m", f"{mo:02d}"), ("%d", f"{d:02d}"),
                            ("%H", f"{h:02d}"), ("%M", f"{mi:02d}"), ("%S", f"{s:02d}")):
        fmt = fmt.replace(directive, text)
    return fmt


def _strptime(cells, fmt: str) -> np.ndarray:
    return _to_dt(pd.Series(list(cells), dtype=str), fmt).to_numpy()


def _same(a, b) -> None:
    """Equal datetime64[ns] arrays, NaT in the same places."""
    a, b = np.asarray(a, dtype="datetime64[ns]"), np.asarray(b, dtype="datetime64[ns]")
    assert a.shape == b.shape
    diff = np.flatnonzero(a.view(np.int64) != b.view(np.int64))
    assert not len(diff), [(i, a[i], b[i]) for i in diff[:5]]


@pytest.mark.parametrize("fmt", FIXED)
def test_edges_read_as_strptime(fmt):
    cells = np.array([_render(fmt, *e) for e in EDGES], dtype=object)
    got = _parse_with(cells, fmt)
    _same(got, _strptime(cells, fmt))
    fast = fast_fixed(cells, fmt)
    read = ~np.isnat(fast)
    _same(fast[read], got[read])
    leap = cells[[0, 1, 3, 4]]
    assert np.isnat(_parse_with(leap, fmt)).tolist() == [False, False, True, "%y" not in fmt]


def test_known_values():
    cells = np.array(["29.02.2024 00:00:00", "31.12.2024 23:59:59", "01.01.1990 00:00:00", "29.02.2023 00:00:00",
                      "24.10.2024 24:00:00", "24.13.2024 10:00:00", "ab.10.2024 10:00:00", "", "24.10.2024 10:00",
                      "24.10.2024 10:00:00 ", "1.2.2024 9:05:00", "01.01.3000 00:00:00"], dtype=object)
    got = _parse_with(cells, "%d.%m.%Y %H:%M:%S")
    assert pd.Series(got[:3]).tolist() == [pd.Timestamp("2024-02-29"), pd.Timestamp("2024-12-31 23:59:59"),
                                           pd.Timestamp("1990-01-01")]
    assert np.isnat(got[3:10]).all() and np.isnat(got[11])
    assert got[10] == np.datetime64("2024-02-01T09:05:00")     # unpadded: left to strptime, which reads it


@st.composite
def _cell(draw, fmt: str) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.text(alphabet=ALPHABET, max_size=24))
    if kind == 1:
        fields = draw(st.sampled_from(EDGES))
    else:
        t = draw(st.datetimes(min_value=datetime(1600, 1, 1), max_value=datetime(2400, 12, 31)))
        fields = (t.year, t.month, t.day, t.hour, t.minute, t.second)
    text = _render(fmt, *fields)
    i = draw(st.integers(0, len(text)))
    ch = draw(st.sampled_from(ALPHABET))
    change = draw(st.integers(0, 9))
    if change == 1:
        text = text[:i] + text[i + 1:]
    elif change == 2:
        text = text[:i] + ch + text[i:]
    elif change == 3:
        text = text[:i] + ch + text[i + 1:]
    elif change == 4:
        text = text.replace("0", "", 1)
    elif change == 5:
        text = draw(st.sampled_from([" ", "  ", "\t"])) + text + draw(st.sampled_from(["", " "]))
    return text


@st.composite
def _column(draw):
    fmt = draw(st.sampled_from(FIXED))
    return fmt, draw(st.lists(_cell(fmt), min_size=0, max_size=40))


@settings(max_examples=400, deadline=None)
@given(_column())
def test_any_cells_read_as_strptime(case):
    fmt, cells = case
    cells = np.array(cells, dtype=object)
    got = _parse_with(cells, fmt)
    _same(got, _strptime(cells, fmt))
    fast = fast_fixed(cells, fmt)
    _same(fast[~np.isnat(fast)], got[~np.isnat(fast)])


def test_across_chunks(monkeypatch):
    """Bad cells on both sides of the slices the numpy path works in."""
    monkeypatch.setattr(values, "_CHUNK", 100)
    rng = np.random.default_rng(5)
    stamps = pd.Timestamp("1995-01-01") + pd.to_timedelta(rng.integers(0, 10**9, 1000), unit="s")
    cells = np.array(stamps.strftime("%d.%m.%Y %H:%M:%S"), dtype=object)
    for pos, text in [(0, ""), (99, "31.02.2024 10:00:00"), (100, "нет данных"), (199, "1.2.2024 9:05:00"),
                      (200, "24.10.2024 24:00:00"), (555, "24.10.2024"), (999, "x")]:
        cells[pos] = text
    got = _parse_with(cells, "%d.%m.%Y %H:%M:%S")
    _same(got, _strptime(cells, "%d.%m.%Y %H:%M:%S"))
    assert np.isnat(got).sum() == 6


def test_layouts():
    cells = np.array(["27.10.2024 13:05:09"], dtype=object)
    for fmt in ("%d.%m.%Y %H:%M:%S.%f", "%Y-%m-%dT%H:%M:%S%z", "%a %b %d %H:%M:%S %z %Y", "%H:%M:%S", "%d.%m",
                "%d.%m.%Y г.", "%d.%m.%Y %d", "%d.%m.%Y %y"):
        assert fast_fixed(cells, fmt) is None, fmt
    assert fast_fixed(np.array(["27.10.24"], dtype=object), "%d.%m.%y")[0] == np.datetime64("2024-10-27")
    assert len(fast_fixed(np.array([], dtype=object), "%d.%m.%Y")) == 0


def _mixed(seed: int, n: int = 3000) -> pd.Series:
    """A column in one or two formats, with blanks, spaces, unpadded, impossible and foreign cells."""
    rng = np.random.default_rng(seed)
    fmts = [str(f) for f in rng.choice(FIXED + ["%Y-%m-%dT%H:%M:%S%z", "%d.%m.%Y %H:%M:%S.%f"], size=2, replace=False)]
    stamps = pd.Timestamp("2019-01-01") + pd.to_timedelta(rng.integers(0, 2 * 10**8, n), unit="s")
    second = rng.random(n) < 0.2
    cells = np.where(second, stamps.strftime(fmts[1].replace("%z", "+0300")), stamps.strftime(fmts[0])).astype(object)
    odd = ["", "   ", "31.02.2024 10:00:00", "2024-02-30 10:00:00", "24.10.2024 24:00:00", "нет данных", "—",
           "1.2.2024 9:05:00", " 27.10.2024 13:05:09 ", "27.10.2024  13:05:09", "29.02.2024 23:59:59",
           "2024-02-29 00:00:00", "27.10.24 13:05:09", "01.01.3000 00:00:00", "x"]
    where = rng.choice(n, size=n // 10, replace=False)
    cells[where] = rng.choice(np.array(odd, dtype=object), size=len(where))
    return pd.Series(cells, dtype=str)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("options", [{}, {"dayfirst": False}, {"time_format": "%d.%m.%Y %H:%M:%S"}])
def test_parse_times_as_without_the_numpy_path(monkeypatch, seed, options):
    column = _mixed(seed)
    times, rule = parse_times(column, options=options)
    monkeypatch.setattr(values, "fast_fixed", lambda cells, fmt: None)
    slow, slow_rule = parse_times(column, options=options)
    assert rule == slow_rule
    _same(times, slow)
    assert times.index.equals(column.index)


def test_out_of_range_year_is_unreadable():
    """pandas reads year 3000 at a coarser unit than nanoseconds: a NaT cell, not a failed import (in the
    sample looked at for the format) nor a wrapped-round date (further down)."""
    cells = ["27.10.2024 13:05:09"] * 6000
    cells[3] = cells[5999] = "01.01.3000 00:00:00"
    times, rule = parse_times(pd.Series(cells, dtype=str))
    assert rule == "format %d.%m.%Y %H:%M:%S"
    assert np.flatnonzero(times.isna()).tolist() == [3, 5999]


def _rejections(column: pd.Series) -> tuple[list, list]:
    frame = pd.DataFrame({"Дата": column})
    ctx = SimpleNamespace(mapping={"datetime": "Дата"}, table=SimpleNamespace(frame=frame, path="cdr.csv"),
                          options={}, notes=[], warnings=[], rejects=Rejects(len(frame)))
    times_of(ctx)
    items = [(pos.tolist(), col, sev, reason if isinstance(reason, str) else list(reason))
             for pos, col, sev, reason in ctx.rejects.items]
    return items, ctx.notes


def test_rejections_unchanged(monkeypatch):
    column = pd.Series(["27.10.2024 13:05:09", "31.02.2024 10:00:00", "", "   ", "24.10.2024 24:00:00",
                        "01.01.1985 00:00:00", "нет данных", "1.2.2024 9:05:00", "01.01.3000 00:00:00"], dtype=str)
    items, notes = _rejections(column)
    assert items == [
        ([2, 3], "Дата", "error", "no date/time"),
        ([1, 4, 6, 8], "Дата", "error", ["unreadable date/time '31.02.2024 10:00:00'",
                                         "unreadable date/time '24.10.2024 24:00:00'",
                                         "unreadable date/time 'нет данных'",
                                         "unreadable date/time '01.01.3000 00:00:00'"]),
        ([5], "Дата", "error", ["date/time 1985-01-01 00:00:00 is before 1990"]),
    ]
    assert notes == ["times in 'Дата' read as format %d.%m.%Y %H:%M:%S"]
    for seed in range(4):
        column = _mixed(seed)
        items, notes = _rejections(column)
        monkeypatch.setattr(values, "fast_fixed", lambda cells, fmt: None)
        assert _rejections(column) == (items, notes)
        monkeypatch.undo()


def test_now_and_today_are_no_times():
    # pandas would read them as the moment of the import: false evidence
    text = pd.Series(["now", "01.02.2024 10:00:00", "Today", " NOW "], dtype=str)
    times, _rule = parse_times(text, options={})
    assert times.isna().tolist() == [True, False, True, True]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda x: f"{x:.2f}"),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False).map(lambda x: f"{x:.3f}".replace(".", ",")),
    st.integers(-10**12, 10**12).map(str),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).map(lambda x: f"{x:,.2f}"),
    st.sampled_from(["", " ", "-0", "007", "1e-05", "12 KZT", "(15.5)", "1,234", "1.234.567", "+5", "٣٤", "abc"]),
    st.text(alphabet="0123456789-.,₸ ", max_size=8)), max_size=60))
def test_plain_amounts_read_in_c_equal_the_cell_by_cell_reading(cells):
    nums, curs, bad = values.parse_amounts(pd.Series(cells, dtype=object))
    for cell, num, cur, is_bad in zip(cells, nums, curs, bad, strict=True):
        ref, ref_cur = values._amount_one(cell)
        assert (is_bad, cur) == (ref is None, ref_cur), cell
        if ref is not None:
            assert (num == ref or (np.isnan(num) and np.isnan(ref))) and np.signbit(num) == np.signbit(ref), cell
