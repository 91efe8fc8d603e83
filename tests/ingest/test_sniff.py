"""Sniffing: encodings, delimiters, header rows, spreadsheets."""

from __future__ import annotations

import pytest

from linkview.errors import InputError
from linkview.ingest.readers import decode_bytes, find_header, read_table, sniff_delimiter

HEADER_RU = "Дата и время соединения;Абонент А;Абонент Б;Длительность соединения (сек.);Тип соединения"
ROW = "03.04.2024 10:11:12;+77011234567;87051112233;65;Исх"


def test_utf8_bom_and_cp1251_are_told_apart():
    text = HEADER_RU + "\n" + ROW + "\n"
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8-sig")
    assert decode_bytes(text.encode("cp1251")) == (text, "cp1251")


def test_bytes_that_are_neither_utf8_nor_cyrillic_are_refused():
    # Latin-1 accented text decodes as cp1251 garbage (no Cyrillic letters): refused, not guessed
    data = "Dátum;Hívó;Hívott\nÉjjel;ÁÉÍÓÖŐÚÜŰ;árvíztűrő\n".encode("latin-1", errors="replace")
    with pytest.raises(InputError, match="neither UTF-8 nor"):
        decode_bytes(data, path="x.csv")


def test_forced_encoding_that_does_not_fit_names_the_file():
    with pytest.raises(InputError, match="x.csv.*cannot be read as utf-8"):
        decode_bytes("Дата".encode("cp1251"), encoding="utf-8", path="x.csv")


@pytest.mark.parametrize("delim", [";", ",", "\t", "|"])
def test_delimiter_by_consistent_counts(delim):
    lines = ["Детализация абонента +7 701 123 45 67, период 01.04.2024 - 30.04.2024",
             delim.join(["Дата", "Абонент А", "Абонент Б", "Длительность"])]
    lines += [delim.join(["03.04.2024 10:11:12", "+77011234567", "87051112233", str(i)]) for i in range(10)]
    assert sniff_delimiter(lines) == delim


def test_header_found_below_title_lines():
    rows = [["Детализация абонента +7 701 123 45 67 за период 01.04.2024 - 30.04.2024"],
            ["Исх. № 12-3/4567", "", ""],
            [],
            HEADER_RU.split(";"),
            ROW.split(";")]
    assert find_header(rows) == 3
    assert find_header([ROW.split(";"), ROW.split(";")]) == -1


def test_read_table_rows_are_line_numbers(write):
    p = write("d.csv", "Детализация абонента +7 701 123 45 67\n\n" + HEADER_RU + "\n" + ROW + "\n\n" + ROW.replace("65", "7") + "\n",
              encoding="cp1251")
    t = read_table(p)
    assert (t.encoding, t.delimiter, t.header_row) == ("cp1251", ";", 3)
    assert t.title == ["Детализация абонента +7 701 123 45 67"]
    assert t.rows.tolist() == [4, 6]               # the blank line 5 is not a data row
    assert t.frame["Абонент Б"].tolist() == ["87051112233", "87051112233"]
    assert t.frame["Длительность соединения (сек.)"].tolist() == ["65", "7"]   # text, never numbers
    assert len(t.sha256) == 64 and t.size == p.stat().st_size


def test_quoted_cells_with_line_breaks_keep_true_line_numbers(write):
    p = write("q.csv", 'Дата;Абонент А;Абонент Б;Адрес БС\n'
                       '03.04.2024;+77011234567;87051112233;"г. Алматы,\nул. Абая 10"\n'
                       '04.04.2024;+77011234567;87051112234;Астана\n')
    t = read_table(p)
    assert t.rows.tolist() == [2, 4]
    assert t.frame["Адрес БС"].tolist() == ["г. Алматы,\r\nул. Абая 10", "Астана"]   # as in the file


def test_no_header_gives_positional_columns(write):
    p = write("rm.csv", "86,2419,1095984059,11\n30,11311,1095986277,28\n", newline="\n")
    t = read_table(p)
    assert t.header_row == 0 and t.columns == ["#1", "#2", "#3", "#4"]
    assert t.rows.tolist() == [1, 2]


def test_empty_and_whitespace_files_are_refused(write):
    with pytest.raises(InputError, match="empty"):
        read_table(write("e.csv", ""))
    with pytest.raises(InputError, match="empty"):
        read_table(write("e2.csv", "\ufeff \n\n", encoding="utf-8"))


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_table(tmp_path / "nope.csv")


def test_xlsx_cells_as_text_and_big_numbers_flagged(tmp_path):
    import datetime as dt

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Выписка по карте 4400 43** **** 1234"])
    ws.append([])
    ws.append(["Дата операции", "Карта получателя", "Сумма", "Телефон"])
    ws.append([dt.datetime(2024, 4, 3, 10, 11, 12), 4400430012341234, 1500.5, 77011234567])
    ws.append(["04.04.2024 09:00:00", "4400430012341236", "2 000,00", "87011234567"])
    p = tmp_path / "s.xlsx"
    wb.save(p)
    t = read_table(p)
    assert (t.fmt, t.header_row) == ("xlsx", 3)
    assert t.rows.tolist() == [4, 5]
    assert t.frame.iloc[0].tolist() == ["2024-04-03 10:11:12", "4400430012341234",
                                        "1500.5", "77011234567"]
    assert t.excel_numbers == {"Карта получателя": {4}}
    assert t.title == ["Выписка по карте 4400 43** **** 1234"]


def test_excel_2003_xml(tmp_path):
    xml = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="Детализация">
  <Table>
   <Row><Cell><Data ss:Type="String">Детализация абонента 8 (701) 123-45-67</Data></Cell></Row>
   <Row ss:Index="3"><Cell><Data ss:Type="String">Дата и время</Data></Cell><Cell><Data ss:Type="String">Абонент А</Data></Cell>
    <Cell><Data ss:Type="String">Абонент Б</Data></Cell><Cell><Data ss:Type="String">Длительность</Data></Cell></Row>
   <Row><Cell><Data ss:Type="DateTime">2024-04-03T10:11:12.000</Data></Cell><Cell><Data ss:Type="Number">77011234567</Data></Cell>
    <Cell ss:Index="3"><Data ss:Type="String">+7 705 111 22 33</Data></Cell><Cell><Data ss:Type="Number">65</Data></Cell></Row>
  </Table>
 </Worksheet>
</Workbook>"""
    p = tmp_path / "d.xml"
    p.write_text(xml, encoding="utf-8")
    t = read_table(p)
    assert (t.fmt, t.sheet, t.header_row) == ("xml2003", "Детализация", 3)
    assert t.rows.tolist() == [4]
    assert t.frame.iloc[0].tolist() == ["2024-04-03 10:11:12", "77011234567", "+7 705 111 22 33", "65"]


def test_xml_entity_expansion_is_refused(tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
            '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell>'
            '<Data>&lol2;</Data></Cell></Row></Table></Worksheet></Workbook>')
    p = tmp_path / "bomb.xml"
    p.write_text(bomb, encoding="utf-8")
    with pytest.raises(InputError, match="not a readable Excel 2003 XML"):
        read_table(p)


def test_forced_utf8_with_bom_keeps_rows_aligned(write):
    p = write("bom.csv", "\ufeffДетализация\n" + HEADER_RU + "\n" + ROW + "\n", encoding="utf-8")
    for enc in (None, "utf-8", "UTF8", "utf-8-sig"):
        t = read_table(p, encoding=enc)
        assert t.header_row == 2 and t.rows.tolist() == [3], enc
        assert t.frame.iloc[0, 0] == "03.04.2024 10:11:12", enc
