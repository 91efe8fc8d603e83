"""Dates and times in spreadsheets: a date cell reads as the date, a time cell as the time of day.

Call records often give the date and the time of a call in two columns; the import joins them, so the
date column must not carry a midnight (``2024-04-03 00:00:00 10:11:12`` reads as nothing). The .xls side
of this is in test_xls.py.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from linkview.ingest import read_file
from linkview.ingest.readers import read_table

HEADER = ["Дата", "Время", "Абонент А", "Абонент Б", "Длительность"]


def _xlsx(tmp_path, rows, formats=None):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for ref, fmt in (formats or {}).items():
        ws[ref].number_format = fmt
    p = tmp_path / "d.xlsx"
    wb.save(p)
    return p


def test_xlsx_date_and_time_in_two_columns(tmp_path):
    p = _xlsx(tmp_path, [HEADER,
                         [dt.datetime(2024, 4, 3), dt.time(10, 11, 12), "+77011234567", "87051112233",
                          dt.time(0, 10, 14)],
                         [dt.datetime(2024, 4, 4), dt.time(0, 0), "+77011234567", "87051112233", 10]],
              {"A2": "DD.MM.YYYY", "A3": "DD.MM.YYYY"})
    assert read_table(p).frame.values.tolist() == [
        ["2024-04-03", "10:11:12", "+77011234567", "87051112233", "00:10:14"],
        ["2024-04-04", "00:00:00", "+77011234567", "87051112233", "10"]]
    batch = read_file(p, case_number="1")
    assert batch.rejected.empty
    assert batch.events["time"].tolist() == [pd.Timestamp("2024-04-03 10:11:12"), pd.Timestamp("2024-04-04")]
    assert batch.events["duration"].tolist() == [614.0, 10.0]


def test_a_column_of_date_times_keeps_its_midnights_whole(tmp_path):
    # one format for the whole column: a midnight call is not cut to a date the time parser did not sample
    p = _xlsx(tmp_path, [["Дата и время", "Абонент А", "Абонент Б"],
                         [dt.datetime(2024, 4, 3, 23, 59, 59), "+77011234567", "87051112233"],
                         [dt.datetime(2024, 4, 4), "+77011234567", "87051112233"]])
    assert read_table(p).frame["Дата и время"].tolist() == ["2024-04-03 23:59:59", "2024-04-04 00:00:00"]


def test_excel_2003_xml_dates_and_times_of_day(tmp_path):
    def cell(kind, text):
        return f'<Cell><Data ss:Type="{kind}">{text}</Data></Cell>'

    head = "".join(cell("String", h) for h in HEADER)
    row = ("<Row>" + cell("DateTime", "2024-04-03T00:00:00.000") + cell("DateTime", "1899-12-31T10:11:12.000")
           + cell("String", "+77011234567") + cell("String", "87051112233")
           + cell("DateTime", "1899-12-31T00:01:05.000") + "</Row>")
    xml = ('<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Звонки"><Table>'
           f"<Row>{head}</Row>{row}</Table></Worksheet></Workbook>")
    p = tmp_path / "d.xml"
    p.write_text(xml, encoding="utf-8")
    t = read_table(p)
    assert t.frame.iloc[0].tolist() == ["2024-04-03", "10:11:12", "+77011234567", "87051112233", "00:01:05"]
    batch = read_file(p, case_number="1")
    assert batch.rejected.empty
    assert batch.events["time"].tolist() == [pd.Timestamp("2024-04-03 10:11:12")]
    assert batch.events["duration"].tolist() == [65.0]
