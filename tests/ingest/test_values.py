"""Values: explicit time formats, durations, amounts, connection types."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from linkview.ingest.values import fast_fixed, parse_amounts, parse_durations, parse_times, parse_types


def _s(*values: str) -> pd.Series:
    return pd.Series(list(values), dtype=str)


def test_day_first_is_explicit():
    times, rule = parse_times(_s("03.04.2024 10:11:12", "12.01.2024 00:00:05"))
    assert times.tolist() == [pd.Timestamp("2024-04-03 10:11:12"), pd.Timestamp("2024-01-12 00:00:05")]
    assert rule == "format %d.%m.%Y %H:%M:%S"
    times, _ = parse_times(_s("04/03/2024 10:11:12"), options={"dayfirst": False})
    assert times.iloc[0] == pd.Timestamp("2024-04-03 10:11:12")


def test_impossible_dates_are_not_guessed():
    times, _ = parse_times(_s("03.04.2024 10:11:12", "31.02.2024 10:00:00", "13.13.2024 10:00:00", "вчера", ""))
    assert times.isna().tolist() == [False, True, True, True, True]


def test_mixed_precision_and_unpadded_forms():
    times, rule = parse_times(_s("03.04.2024 10:11:12", "3.4.2024 9:05:00", "03.04.2024 10:11"))
    assert times.tolist() == [pd.Timestamp("2024-04-03 10:11:12"), pd.Timestamp("2024-04-03 09:05:00"),
                              pd.Timestamp("2024-04-03 10:11:00")]
    assert "%d.%m.%Y %H:%M" in rule


def test_zoned_times_become_naive_utc():
    times, _ = parse_times(_s("Wed Sep 15 19:17:44 +0100 2010", "Mon Feb 11 07:18:23 +0000 2011"))
    assert times.tolist() == [pd.Timestamp("2010-09-15 18:17:44"), pd.Timestamp("2011-02-11 07:18:23")]
    times, _ = parse_times(_s("2022-03-29T21:41:18+00:00", "2022-03-29T23:41:18+02:00"))
    assert times.tolist() == [pd.Timestamp("2022-03-29 21:41:18")] * 2


def test_unix_seconds_and_epoch():
    times, rule = parse_times(_s("1095984059", "1095986277"))
    assert times.iloc[0] == pd.Timestamp("2004-09-24 00:00:59") and "seconds since 1970" in rule
    times, _ = parse_times(_s("1095984059000"))
    assert times.iloc[0] == pd.Timestamp("2004-09-24 00:00:59")
    times, rule = parse_times(_s("184", "2418982"), options={"time_unit": "s", "epoch": "2013-02-01"})
    assert times.tolist() == [pd.Timestamp("2013-02-01 00:03:04"), pd.Timestamp("2013-02-28 23:56:22")]
    _, rule = parse_times(_s("184", "3920"))
    assert rule.startswith("plain numbers")


def test_fast_fixed_matches_strptime():
    rng = np.random.default_rng(1)
    stamps = pd.Timestamp("1999-01-01") + pd.to_timedelta(rng.integers(0, 10**9, 500), unit="s")
    text = pd.Series(stamps.strftime("%d.%m.%Y %H:%M:%S"), dtype=str)
    fast = fast_fixed(text, "%d.%m.%Y %H:%M:%S")
    assert (fast == pd.Series(stamps)).all()
    assert fast_fixed(text, "%a %b %d") is None
    leap = fast_fixed(_s("29.02.2023 00:00:00", "29.02.2024 00:00:00", "31.04.2024 00:00:00"), "%d.%m.%Y %H:%M:%S")
    assert np.isnat(leap).tolist() == [True, False, True]


def test_durations():
    secs, bad = parse_durations(_s("65", "0:01:05", "01:05", "1:00:00", "", "x", "12,5", "-1"))
    assert secs.iloc[:4].tolist() == [65.0, 65.0, 65.0, 3600.0]
    assert np.isnan(secs.iloc[4]) and np.isnan(secs.iloc[5])
    assert secs.iloc[6] == 12.5 and secs.iloc[7] == -1.0
    assert bad.tolist() == [False, False, False, False, False, True, False, False]


def test_amounts():
    amount, ccy, bad = parse_amounts(_s("1 500,00 ₸", "1\u00a0500.00 KZT", "-250,5", "1,234.56", "2 000 тг",
                                        "1e-05", "100 USDT", "abc", ""))
    assert amount.iloc[:7].tolist() == [1500.0, 1500.0, -250.5, 1234.56, 2000.0, 1e-05, 100.0]
    assert ccy.iloc[:7].tolist() == ["KZT", "KZT", "", "", "KZT", "", "USDT"]
    assert bad.tolist() == [False] * 7 + [True, False]


@pytest.mark.parametrize(("text", "direction", "etype"), [
    ("Исх", "out", "call"), ("Вх", "in", "call"), ("moc", "out", "call"), ("mtc", "in", "call"),
    ("SMS_MO", "out", "sms"), ("SMS_MT", "in", "sms"), ("Переадресация", "fwd", "call"),
    ("Incoming", "in", "call"), ("Outgoing", "out", "call"), ("Missed", "in", "missed"),
    ("Исходящий вызов", "out", "call"), ("GPRS", "", "data"),
])
def test_types(text, direction, etype):
    d, e, unknown, empty = parse_types(_s(text))
    assert (d.iloc[0], e.iloc[0], bool(unknown.iloc[0])) == (direction, etype, False)


def test_unknown_type_is_flagged():
    _, _, unknown, empty = parse_types(_s("видеозвонок", ""))
    assert unknown.tolist() == [True, False] and empty.tolist() == [False, True]
