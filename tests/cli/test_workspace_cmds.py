"""linkview new / import / cases / sources / rejected, end to end through main()."""

from __future__ import annotations

import json

import pytest

from linkview.cli import main
from linkview.export.safe_csv import neutralise, write_rows

DET = ("Детализация абонента +7 701 123 45 67\n"
       "Дата и время;Абонент А;Абонент Б;Длительность;Тип\n"
       "03.04.2024 10:11:12;+77011234567;87051112233;65;Исх\n"
       "=HYPERLINK(\"http://evil\");87051112233;87011234567;10;Вх\n"
       "03.04.1980 11:00:00;87051112233;87011234567;10;Вх\n")


@pytest.fixture
def files(tmp_path):
    det = tmp_path / "det.csv"
    det.write_bytes(DET.replace("\n", "\r\n").encode("cp1251"))
    junk = tmp_path / "junk.csv"
    junk.write_text("a;b\n1;2\n", encoding="utf-8")
    return tmp_path, det, junk


def test_new_import_cases_sources_rejected(files, capsys):
    tmp, det, junk = files
    ws = str(tmp / "w.linkview")
    assert main(["new", ws]) == 0
    assert main(["new", ws]) == 2                      # exists already
    capsys.readouterr()

    spec_out = tmp / "spec.json"
    rc = main(["import", ws, "--case", "241750031001123", "--title", "OLX", "--save-spec", str(spec_out), str(det)])
    out = capsys.readouterr().out
    assert rc == 0
    assert "det.csv: calls, 3 data rows -> 1 events" in out
    assert "rejected: 2 errors, 0 warnings" in out
    assert "error: row 4, column 'Дата и время': unreadable date/time '=HYPERLINK(\"http://evil\")'" in out
    assert "error: row 5, column 'Дата и время': date/time 1980-04-03 11:00:00 is before 1990" in out
    assert json.loads(spec_out.read_text(encoding="utf-8"))["columns"]["a"] == "Абонент А"

    # a file nothing can be imported from: non-zero exit, the reason on stderr; the same file again too
    rc = main(["import", ws, "--case", "241750031001123", str(junk), str(det)])
    captured = capsys.readouterr()
    assert rc == 1
    assert "junk.csv: not imported:" in captured.err and "det.csv: not imported:" in captured.err

    # the saved spec reads the file the same way into another case; --json for scripts
    assert main(["import", ws, "--case", "2", "--spec", str(spec_out), "--json", str(det)]) == 0
    [res] = json.loads(capsys.readouterr().out)
    assert (res["events"], res["rejected_errors"], res["case_number"]) == (1, 2, "2")
    assert res["first_reasons"][0]["row"] == 4

    assert main(["cases", ws, "--json"]) == 0
    cases = {c["number"]: c for c in json.loads(capsys.readouterr().out)}
    assert cases["241750031001123"]["title"] == "OLX" and cases["241750031001123"]["events"] == 1
    assert cases["2"]["sources"] == 1
    assert main(["cases", ws]) == 0
    table = capsys.readouterr().out
    assert "241750031001123" in table and "OLX" in table

    assert main(["sources", ws, "--case", "241750031001123"]) == 0
    out = capsys.readouterr().out
    import hashlib

    assert hashlib.sha256(det.read_bytes()).hexdigest() in out and "det.csv" in out

    assert main(["rejected", ws, "--case", "241750031001123"]) == 0
    out = capsys.readouterr().out
    assert "before 1990" in out

    csv_out = tmp / "rejected.csv"
    assert main(["rejected", ws, "--case", "241750031001123", "--csv", str(csv_out)]) == 0
    data = csv_out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")                     # UTF-8 with BOM for Excel
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "case;file;row;column;severity;reason;raw"
    lines = text.split("\r\n")
    bad = [ln for ln in lines if "unreadable date/time" in ln][0]
    # the reason starts with text, but the raw JSON holds the formula: no cell may start with "="
    import csv
    import io

    for row in csv.reader(io.StringIO(text), delimiter=";"):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    assert "HYPERLINK" in bad


def test_import_without_workspace(tmp_path, capsys):
    rc = main(["import", str(tmp_path / "none.linkview"), "--case", "1", str(tmp_path / "x.csv")])
    assert rc == 2 and "linkview new" in capsys.readouterr().err


def test_neutralise_and_write_rows(tmp_path):
    assert neutralise("=1+2") == "'=1+2"
    assert neutralise("+77011234567") == "'+77011234567"
    assert neutralise("-5") == "'-5" and neutralise(-5) == "-5"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("\tcmd") == "'\tcmd" and neutralise("\rcmd") == "'\rcmd"
    assert neutralise("Иванов") == "Иванов" and neutralise(None) == "" and neutralise(float("nan")) == ""
    out = tmp_path / "x.csv"
    assert write_rows(out, ["ФИО", "=cmd"], [["Иванов", "=2+2"], ["Петров", 3.5]]) == 2
    assert out.read_bytes().decode("utf-8-sig") == "ФИО;'=cmd\r\nИванов;'=2+2\r\nПетров;3.5\r\n"


def test_sources_verify_and_extract_the_kept_file(files, capsys):
    import sqlite3

    tmp, det, _junk = files
    ws = str(tmp / "w.linkview")
    assert main(["new", ws]) == 0
    assert main(["import", ws, "--case", "1", str(det)]) == 0
    capsys.readouterr()
    assert main(["sources", ws, "--verify", "--json"]) == 0
    [src] = json.loads(capsys.readouterr().out)
    assert src["original"] == "verified"
    out = tmp / "back.csv"
    assert main(["sources", ws, "--extract", str(src["id"]), str(out)]) == 0
    assert out.read_bytes() == det.read_bytes()
    assert "matches the one recorded" in capsys.readouterr().out
    # a kept file altered inside the workspace is reported, with exit 1
    con = sqlite3.connect(ws)
    con.execute("UPDATE sources SET sha256 = ? WHERE id = ?", ("0" * 64, src["id"]))
    con.commit()
    con.close()
    assert main(["sources", ws, "--verify"]) == 1
    captured = capsys.readouterr()
    assert "ALTERED" in captured.out and "no longer matches" in captured.err
    assert main(["sources", ws, "--extract", "99", str(out)]) == 2
    assert "no source #99" in capsys.readouterr().err
