"""``linkview normalize`` and ``linkview detect``."""

from __future__ import annotations

import json

import pytest

from linkview.cli import main


def test_normalize_values_table(capsys):
    assert main(["normalize", "phone", "87011234567", "+7 701 123 45 67", "77031234567"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["raw", "kind", "key", "valid", "note"]
    assert out.count("+77011234567") == 2
    assert "prefix 703 is not a valid Kazakhstan number" in out


def test_normalize_values_json(capsys):
    assert main(["normalize", "iin", "791028302728", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["key"] == "791028302728" and data[0]["info"]["birth_date"] == "1979-10-28"


def _calls_csv(path, encoding):
    text = ("Детализация по номеру 87011234567\n"
            "Дата;Абонент Б;IMEI\n"
            "01.02.2024 10:00:00;8 (701) 123-45-67;35-209900-176148-1\n"
            "01.02.2024 10:05:00;79161234567;352099001761480\n"
            "01.02.2024 11:00:00;Kaspi.kz;\n"
            "01.02.2024 12:00:00;;352099001761481\n")
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["cp1251", "utf-8-sig", "utf-8"])
def test_normalize_csv_column(tmp_path, capsys, encoding):
    path = _calls_csv(tmp_path / "calls.csv", encoding)
    assert main(["normalize", "phone", "--file", str(path), "--column", "абонент б", "--header-row", "2",
                 "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["key"] for r in rows] == ["+77011234567", "+79161234567", "kaspi.kz", ""]
    assert [r["kind"] for r in rows] == ["phone", "phone", "service", "phone"]
    assert rows[0]["raw"] == "8 (701) 123-45-67"


def test_normalize_csv_by_position_with_limit_and_summary(tmp_path, capsys):
    path = _calls_csv(tmp_path / "calls.csv", "cp1251")
    assert main(["normalize", "imei", "--file", str(path), "--column", "#3", "--header-row", "2",
                 "--limit", "2"]) == 0
    out = capsys.readouterr().out
    rows = [line.split() for line in out.splitlines()[2:4]]
    assert [row[2] for row in rows] == ["35209900176148", "35209900176148"]  # key column
    assert "2 rows, 2 filled, 1 distinct identifiers, 0 flagged invalid" in out


def test_normalize_xlsx_column(tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Номер", "Карта"])
    sheet.append(["87011234567", "4400 43** **** 1234"])
    sheet.append([77011234567, 4400431234567890])
    path = tmp_path / "t.xlsx"
    book.save(path)
    assert main(["normalize", "card", "--file", str(path), "--column", "Карта", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["key"] == "440043*1234"
    assert rows[1]["valid"] is False and "Excel" in rows[1]["note"]
    assert main(["normalize", "phone", "--file", str(path), "--column", "Номер", "--json"]) == 0
    assert [r["key"] for r in json.loads(capsys.readouterr().out)] == ["+77011234567", "+77011234567"]


def test_detect_command(capsys):
    assert main(["detect", "4400-43XX-XXXX-1234", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "hello"]) == 0
    out = capsys.readouterr().out
    assert "masked_card" in out and "wallet_tron" in out and "kind not recognised" in out


@pytest.mark.parametrize("argv", [
    ["normalize", "nonsense", "1"],
    ["normalize", "phone"],
    ["normalize", "phone", "--file", "/nonexistent/file.csv", "--column", "A"],
])
def test_errors_are_reported_not_raised(argv, capsys):
    assert main(argv) == 2
    assert "linkview: error:" in capsys.readouterr().err


def test_missing_column_lists_columns(tmp_path, capsys):
    path = _calls_csv(tmp_path / "calls.csv", "utf-8")
    assert main(["normalize", "phone", "--file", str(path), "--column", "nope", "--header-row", "2"]) == 2
    err = capsys.readouterr().err
    assert "no column 'nope'" in err and "'Абонент Б'" in err


def test_help_names_every_kind():
    from linkview.cli import identifier_cmds
    from linkview.identifiers import ALIASES, KINDS

    for kind in KINDS + ALIASES:
        assert f" {kind}," in f" {identifier_cmds._KINDS_HELP}," or f" {kind};" in identifier_cmds._KINDS_HELP
