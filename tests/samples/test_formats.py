"""Vectorised spellings and the writers."""

from __future__ import annotations

import numpy as np
from openpyxl import load_workbook

from samples import formats


def _unix(text: str) -> int:
    return int(np.datetime64(text, "s").astype("int64"))


def test_times_in_every_style():
    t = np.array([_unix("2024-03-05T07:08:09"), _unix("2024-12-31T23:59:59")])
    assert list(formats.format_times(t, "dmy_hms")) == ["05.03.2024 07:08:09", "31.12.2024 23:59:59"]
    assert list(formats.format_times(t, "dmy_hm")) == ["05.03.2024 07:08", "31.12.2024 23:59"]
    assert list(formats.format_times(t, "dmy")) == ["05.03.2024", "31.12.2024"]
    assert list(formats.format_times(t, "hms")) == ["07:08:09", "23:59:59"]
    assert list(formats.format_times(t, "iso_space")) == ["2024-03-05 07:08:09", "2024-12-31 23:59:59"]


def test_durations_as_h_mm_ss():
    assert list(formats.format_durations_hms(np.array([0, 59, 61, 3600, 7384]))) == [
        "0:00:00", "0:00:59", "0:01:01", "1:00:00", "2:03:04"]


def test_phone_styles_match_the_scalar_spellings():
    from samples import ids

    numbers = np.array([7011234567, 9161234567, 7272585965] * len(formats.PHONE_STYLES))
    styles = np.repeat(np.arange(len(formats.PHONE_STYLES)), 3)
    got = formats.format_phones(numbers, styles)
    for n, s, text in zip(numbers, styles, got, strict=True):
        assert text == ids.phone_spellings(int(n))[int(s)]


def test_amounts_use_space_thousands_and_comma_decimals():
    assert formats.amount_text(125000) == "125 000,00"
    assert formats.amount_text(1234567.5, nbsp=True) == "1\u00a0234\u00a0567,50"
    assert formats.amount_text(-990) == "-990,00"
    assert formats.amount_text(15, signed=True) == "+15,00"


def test_cp1251_csv_folds_kazakh_letters_and_tenge(tmp_path):
    path = tmp_path / "a.csv"
    row = formats.write_csv(path, header=["Город", "Сумма"], columns=[["Қарағанды"], ["5 000 ₸"]],
                            titles=["Выписка"], encoding="cp1251", delimiter=";", pad_titles=True)
    assert row == 2
    text = path.read_bytes().decode("cp1251")
    assert text.splitlines() == ["Выписка;", "Город;Сумма", "Караганды;5 000 KZT"]
    assert b"\r\n" in path.read_bytes()


def test_xlsx_cells_are_text_and_bytes_are_reproducible(tmp_path):
    cols = [["0077011234567", "440043******1234"], ["1,5", ""]]
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert formats.write_xlsx(a, header=["Номер", "X"], columns=cols, titles=["Т1", "Т2"]) == 3
    formats.write_xlsx(b, header=["Номер", "X"], columns=cols, titles=["Т1", "Т2"])
    assert a.read_bytes() == b.read_bytes()
    wb = load_workbook(a, read_only=True)
    rows = list(wb.active.iter_rows(values_only=True))
    wb.close()
    assert rows[2] == ("Номер", "X")
    assert rows[3] == ("0077011234567", "1,5")
    assert rows[4][0] == "440043******1234" and rows[4][1:] in ((), (None,))   # empty cell: not written
