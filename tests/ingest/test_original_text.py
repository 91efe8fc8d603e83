"""A text file keeps its own bytes in the workspace; damaged UTF-8 lines cost their rows, not the file."""

from __future__ import annotations

import hashlib

import pytest

from linkview.errors import InputError
from linkview.ingest import import_file, read_file
from linkview.workspace import blocks

HEADER = "Дата и время соединения;Абонент А;Абонент Б;Длительность (сек.);Тип соединения\n"


def _rows(n: int, start: int = 0) -> list[str]:
    return [f"{1 + (i // 1440) % 28:02d}.02.2024 {(i // 60) % 24:02d}:{i % 60:02d}:00;+77011234567;"
            f"8705{1000000 + i:07d};{i % 300};Исх" for i in range(start, start + n)]


def test_the_file_comes_back_byte_for_byte_and_rows_are_cut_from_it(tmp_path, ws, monkeypatch):
    monkeypatch.setattr(blocks, "TEXT_BYTES", 4096)       # several blocks for a small file
    path = tmp_path / "det.csv"
    title = "Детализация абонента +7 701 123 45 67\n"
    path.write_bytes((title + HEADER + "\n".join(_rows(300)) + "\n").replace("\n", "\r\n").encode("cp1251"))
    res = import_file(ws, path, case_number="1")
    assert res.events == 300
    data = ws.original_file(res.source_id)
    assert hashlib.sha256(data).hexdigest() == res.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    # file line 3 is the first data row; line 200 is in the fifth block of about 70 lines
    assert ws.source_row(res.source_id, 200) == dict(zip(HEADER.strip().split(";"), _rows(1, 197)[0].split(";"),
                                                         strict=True))
    assert ws.source_row(res.source_id, 3)["Абонент Б"] == "87051000000"
    assert ws.source_row(res.source_id, 1) is None          # the title line is not a data row
    assert ws.source_row(res.source_id, 303) is None        # past the end


def test_rows_with_too_many_cells_are_read_from_the_rejected_list(tmp_path, ws):
    path = tmp_path / "det.csv"
    rows = _rows(3)
    rows[1] += ";extra"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    res = import_file(ws, path, case_number="1")
    assert res.events == 2 and res.rejected_errors == 1
    assert list(ws.source_row(res.source_id, 3).values())[-1] == "extra"
    assert ws.original_file(res.source_id) == path.read_bytes()


def test_quoted_cells_are_unquoted_from_the_file(tmp_path, ws):
    path = tmp_path / "det.csv"
    rows = _rows(2)
    rows[0] = rows[0].replace("+77011234567", '"+7 701 123 45 67"')
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    res = import_file(ws, path, case_number="1")
    assert ws.original_file(res.source_id) == path.read_bytes()
    assert ws.source_row(res.source_id, 2)["Абонент А"] == "+7 701 123 45 67"


def test_a_cell_with_a_line_break_keeps_parsed_cells(tmp_path, ws):
    # rows are no longer lines: the parsed cells are stored, not the file
    path = tmp_path / "det.csv"
    rows = _rows(2)
    rows[0] = rows[0].replace("Исх", '"Исх\n(переадр.)"')
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    batch = read_file(path, case_number="1")
    assert batch.original is None and batch.cells is not None
    res = ws.import_batch(batch)
    assert ws.original_file(res.source_id) is None
    assert ws.source_row(res.source_id, 2)["Тип соединения"] == "Исх\n(переадр.)"
    assert ws.source_row(res.source_id, 4)["Абонент Б"] == "87051000001"


def test_a_damaged_utf8_line_is_rejected_by_row_and_column(tmp_path, by_row):
    path = tmp_path / "det.csv"
    lines = [(HEADER.strip()).encode("utf-8")] + [r.encode("utf-8") for r in _rows(400)]
    lines[5] = lines[5].replace("Исх".encode(), "Исх".encode()[:-1])      # a letter cut in half
    path.write_bytes(b"\n".join(lines) + b"\n")
    batch = read_file(path, case_number="1")
    assert batch.source.encoding == "utf-8"
    assert len(batch.events) == 399
    reasons = by_row(batch)
    assert list(reasons) == [6]
    (column, severity, reason), = reasons[6]
    assert (column, severity) == ("Тип соединения", "error") and "not valid UTF-8" in reason


def test_many_damaged_lines_mean_another_encoding(tmp_path):
    # cp1251 text is not "UTF-8 with damage": nearly every Cyrillic word fails
    path = tmp_path / "det.csv"
    path.write_bytes((HEADER + "\n".join(_rows(50)) + "\n").encode("cp1251"))
    assert read_file(path, case_number="1").source.encoding == "cp1251"


def test_a_big_cp1251_file_is_checked_to_its_end(tmp_path):
    # decoded only for its first megabyte: the byte cp1251 does not define is still found further on
    body = (HEADER + "\n".join(_rows(22000)) + "\n").encode("cp1251")
    assert len(body) > 1_100_000
    path = tmp_path / "det.csv"
    path.write_bytes(body)
    batch = read_file(path, case_number="1")
    assert (batch.source.encoding, len(batch.events)) == ("cp1251", 22000)
    assert batch.events["b_key"].iloc[-1] == "+77051021999"
    path.write_bytes(body[:-10] + b"\x98" + body[-10:])
    with pytest.raises(InputError, match="byte 0x98 at offset"):
        read_file(path, case_number="1")


def test_a_last_line_cut_short_before_a_final_newline_is_truncated(write, by_row):
    rows = _rows(3)
    rows[2] = rows[2][:25]
    batch = read_file(write("det.csv", HEADER + "\n".join(rows) + "\n", encoding="cp1251"), case_number="1")
    assert len(batch.events) == 2
    (column, severity, reason), = by_row(batch)[4]
    assert (column, severity) == ("Абонент А", "error") and reason.startswith("truncated")
