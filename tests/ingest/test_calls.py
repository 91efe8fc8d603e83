"""Call records: operator exports in their real shapes, and every kind of bad input."""

from __future__ import annotations

import zlib
from pathlib import Path

import pandas as pd
import pytest

from linkview.errors import InputError
from linkview.ingest import ImportSpec, preview, read_file

TITLE = ("Детализация соединений абонента +7 701 123 45 67 за период 01.04.2024 - 30.04.2024\n"
         "Исх. № 12-3/4567 от 02.05.2024;;;;;;;\n")
HEADER = ("Дата и время соединения;Абонент А;Абонент Б;Длительность соединения (сек.);Тип соединения;"
          "IMEI;IMSI;LAC/TAC-CellId\n")
ROWS = [
    "03.04.2024 10:11:12;+77011234567;87051112233;65;Исх;356938035643809;401021234567890;12322/116175413",
    "03.04.2024 11:00:00;8 (705) 111-22-33;87011234567;0:02:05;Вх;356938035643800;401021234567890;12322/116175414",
    "04.04.2024 09:30:00;77011234567;7771234567;0;SMS_MO;490154203237518;401021234567890;12322 / 116175413",
    "05.04.2024 20:00:00;+7 701 123 45 67;+77471112233;1:00;Переадресация;356938035643809;401021234567890;",
]


def _file(write, rows=ROWS, *, encoding="cp1251", title=TITLE, header=HEADER, name="det.csv", end="\n"):
    return write(name, title + header + "\n".join(rows) + end, encoding=encoding)


def test_operator_export_cp1251_with_title(write):
    path = _file(write)
    batch = read_file(path, case_number="241750031001123")
    src = batch.source
    assert (src.kind, src.encoding, src.rows_total) == ("calls", "cp1251", 4)
    assert src.spec["header_row"] == 3 and src.spec["target"] == "+77011234567"
    assert src.spec["columns"]["a"] == "Абонент А" and src.spec["columns"]["lac_cid"] == "LAC/TAC-CellId"
    ev = batch.events
    assert ev["row"].tolist() == [4, 5, 6, 7]
    assert ev["a_key"].tolist() == ["+77011234567", "+77051112233", "+77011234567", "+77011234567"]
    assert ev["b_key"].tolist() == ["+77051112233", "+77011234567", "+77771234567", "+77471112233"]
    assert ev["target"].tolist() == ["a", "b", "a", "a"]
    assert ev["direction"].tolist() == ["out", "in", "out", "fwd"]
    assert ev["etype"].tolist() == ["call", "call", "sms", "call"]
    assert ev["duration"].tolist() == [65.0, 125.0, 0.0, 60.0]
    assert ev["time"].iloc[0] == pd.Timestamp("2024-04-03 10:11:12")
    assert ev["cell"].tolist() == ["12322/116175413", "12322/116175414", "12322/116175413", ""]
    # the handset is the target's on every row, whichever side the target is on
    assert ev["dev_key"].tolist() == ["35693803564380", "35693803564380", "49015420323751", "35693803564380"]
    assert ev["imsi_key"].tolist() == ["401021234567890"] * 4
    links = batch.links.set_index(["ltype", "b_key"])
    assert set(batch.links["a_key"]) == {"+77011234567"}
    assert links.loc[("sim_in_handset", "35693803564380"), "n"] == 3
    assert links.loc[("sim_in_handset", "35693803564380"), "row"] == 4
    assert links.loc[("sim_in_handset", "49015420323751"), "n"] == 1
    assert links.loc[("sim_imsi", "401021234567890"), "n"] == 4
    assert links.loc[("sim_in_handset", "35693803564380"), "last_time"] == pd.Timestamp("2024-04-05 20:00:00")
    assert batch.rejected.empty
    # the file itself goes with the batch (read line by line: its rows are cut from it when asked);
    # each spelling goes with its event
    assert batch.cells is None
    original = batch.original
    assert (original.encoding, original.delimiter, original.data_from) == ("cp1251", ";", 4)
    assert original.names == HEADER.strip().split(";")
    pieces = original.blocks.result()
    assert b"".join(zlib.decompress(payload) for _first, _n, payload in pieces) == Path(path).read_bytes()
    assert [(first, n) for first, n, _payload in pieces] == [(1, 7)]
    assert ev["a_raw"].tolist()[:2] == ["+77011234567", "8 (705) 111-22-33"]
    assert ev["dev_raw"].iloc[0] == "356938035643809"


def test_other_party_never_gets_the_targets_imei(write):
    # no title: the target is the number on every row
    batch = read_file(_file(write, title=""), case_number="1")
    ev = batch.events
    assert batch.source.spec["target"] is None
    assert (ev.loc[ev["target"] == "b", "a_key"] == "+77051112233").all()
    assert not ((batch.links["a_key"] == "+77051112233").any())
    assert set(batch.links["a_key"]) == {"+77011234567"}


def test_utf8_bom_split_date_and_time(write):
    text = ("Дата;Время;MSISDN;Номер собеседника;Тип;Длительность\n"
            "03.04.2024;10:11:12;77011234567;87051112233;Исходящий;65\n"
            "03.04.2024;11:00:00;77011234567;87051112233;Входящий;125\n")
    p = write("bom.csv", "\ufeff" + text, encoding="utf-8")
    batch = read_file(p, case_number="1")
    ev = batch.events
    assert batch.source.encoding == "utf-8-sig"
    assert ev["time"].tolist() == [pd.Timestamp("2024-04-03 10:11:12"), pd.Timestamp("2024-04-03 11:00:00")]
    # owner layout: the incoming call is oriented other -> owner
    assert ev["a_key"].tolist() == ["+77011234567", "+77051112233"]
    assert ev["target"].tolist() == ["a", "b"]


def test_xlsx_export(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Детализация абонента 8 701 123 45 67"])
    ws.append(["Дата и время", "Абонент А", "Абонент Б", "Длительность", "Тип соединения", "IMEI"])
    ws.append(["03.04.2024 10:11:12", 77011234567, "87051112233", 65, "moc", 356938035643809])
    ws.append(["03.04.2024 10:12:12", "87051112233", 77011234567, "0:00:10", "mtc", "356938035643809"])
    p = tmp_path / "d.xlsx"
    wb.save(p)
    batch = read_file(p, case_number="1")
    ev = batch.events
    assert ev["row"].tolist() == [3, 4]
    assert ev["a_key"].tolist() == ["+77011234567", "+77051112233"]
    assert ev["dev_key"].tolist() == ["35693803564380"] * 2
    assert batch.source.spec["sheet"] == "Sheet"


def test_missing_required_column_names_field_and_aliases(write):
    p = write("x.csv", "Дата и время;Абонент А;Длительность\n03.04.2024 10:11:12;+77011234567;65\n")
    with pytest.raises(InputError) as err:
        read_file(p, case_number="1")
    msg = str(err.value)
    assert "x.csv" in msg and "missing required field(s) for calls: parties" in msg
    assert "'абонент б'" in msg and "'callee'" in msg


def test_no_header_needs_a_spec(write):
    p = write("rm.csv", "86,2419,1095984059,11\n30,11311,1095986277,28\n", newline="\n")
    with pytest.raises(InputError, match="no header row"):
        read_file(p, case_number="1")
    spec = ImportSpec(kind="calls", header_row=0, columns={"a": "#1", "b": "#2", "datetime": "#3", "duration": "#4"},
                      options={"time_unit": "s"})
    batch = read_file(p, case_number="1", spec=spec)
    assert batch.events["a_kind"].tolist() == ["subscriber"] * 2       # small integer ids: anonymised
    assert batch.events["a_key"].tolist() == ["1/86", "1/30"]        # ids are unique within their case only
    assert batch.events["time"].iloc[0] == pd.Timestamp("2004-09-24 00:00:59")
    with pytest.raises(InputError, match="column '#7'"):
        read_file(p, case_number="1", spec=ImportSpec(kind="calls", header_row=0, columns={"a": "#7"}))


def test_bad_rows_are_rejected_with_row_column_and_raw(write, by_row):
    rows = ROWS[:2] + [
        "Итого соединений: 2;;;;;;;",                                                    # 6: garbage
        "03.04.1989 10:00:00;+77011234567;87051112233;65;Исх;;;",                         # 7: before 1990
        "03.04.2099 10:00:00;+77011234567;87051112233;65;Исх;;;",                         # 8: future
        ROWS[0],                                                                          # 9: duplicate of 4
        "03.04.2024 12:00:00;+77011234567;;65;Исх;;;",                                    # 10: no callee
        "03.04.2024 12:00:00;+77011234567;!!!;65;Исх;;;",                                 # 11: unreadable party
        "03.04.2024 13:00:00;+77011234567;+77031234567;65;Исх;12345;;",                   # 12: invalid but parseable
        "03.04.2024 14:00:00;+77011234567;87051112233;abc;Исх;;;",                        # 13: bad duration (warning)
        "03.04.2024 15:00:00;+77011234567;87051112233;65;GPRS;;;",                        # 14: data session
        "03.04.2024 16:00:00;+77011234567;87051112233;6",                                 # 15: truncated last line
    ]
    batch = read_file(_file(write, rows, end=""), case_number="1")
    rej = by_row(batch)
    assert rej[6][0][:2] == ("Дата и время соединения", "error")
    assert "unreadable date/time 'Итого соединений: 2'" in rej[6][0][2]
    assert rej[7] == [("Дата и время соединения", "error", "date/time 1989-04-03 10:00:00 is before 1990")]
    assert rej[8] == [("Дата и время соединения", "error", "date/time 2099-04-03 10:00:00 is in the future")]
    assert rej[9] == [("(whole row)", "error", "duplicate of row 4")]
    assert rej[10] == [("Абонент Б", "error", "no callee number")]
    assert rej[11][0][:2] == ("Абонент Б", "error") and "'!!!'" in rej[11][0][2]
    assert rej[12][0][:2] == ("Абонент Б", "warning") and "'+77031234567' is not a valid" in rej[12][0][2]
    assert rej[12][1][:2] == ("IMEI", "warning") and "'12345'" in rej[12][1][2]
    assert rej[13] == [("Длительность соединения (сек.)", "warning", "unreadable duration 'abc'")]
    assert rej[14][0][:2] == ("Тип соединения", "error") and "data session 'GPRS'" in rej[14][0][2]
    assert rej[15][0][1] == "error" and "truncated" in rej[15][0][2]
    # good rows and flagged rows are in, errors are out
    assert batch.events["row"].tolist() == [4, 5, 12, 13]
    assert batch.source.rows_total == 12
    # raw cells of a rejected row as JSON, keyed by header
    import json

    raw = json.loads(batch.rejected.set_index("row").loc[7, "raw"])
    assert raw["Дата и время соединения"] == "03.04.1989 10:00:00"
    truncated = json.loads(batch.rejected.set_index("row").loc[15, "raw"])
    assert truncated["Длительность соединения (сек.)"] == "6"


def test_row_with_too_many_cells(write, by_row):
    rows = ROWS[:1] + ["03.04.2024 12:00:00;+77011234567;87051112233;65;Исх;;;;x;y;z", ROWS[1],
                       ";".join(["junk"] * 20), ROWS[2]]
    batch = read_file(_file(write, rows), case_number="1")
    rej = by_row(batch)
    assert rej[5][0][1:] == ("error", "row has 11 cells, the header has 8")
    assert rej[7][0][1:] == ("error", "row has 20 cells, the header has 8")
    import json

    assert len(json.loads(batch.rejected.set_index("row").loc[7, "raw"])) == 20
    assert batch.events["row"].tolist() == [4, 6, 8]


def test_empty_and_header_only_files(write):
    with pytest.raises(InputError, match="empty"):
        read_file(write("e.csv", ""), case_number="1")
    with pytest.raises(InputError, match="no data rows"):
        read_file(write("h.csv", TITLE + HEADER, encoding="cp1251"), case_number="1")


def test_preview_reports_mapping_and_target(write):
    pv = preview(_file(write))
    assert (pv.kind, pv.header_row, pv.delimiter, pv.target) == ("calls", 3, ";", "+77011234567")
    assert pv.mapping["duration"] == "Длительность соединения (сек.)" and pv.missing == []
    assert len(pv.sample) == 4 and pv.rows_seen == 4
    assert pv.to_dict()["sample"][0]["Абонент А"] == "+77011234567"


def test_progress_and_cancel(write):
    from linkview.errors import Cancelled

    seen = []
    read_file(_file(write), case_number="1", progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[0] == 0.0 and fractions[-1] == 0.8
    assert any(m.startswith("normalising") for _, m in seen)
    with pytest.raises(Cancelled):
        read_file(_file(write), case_number="1", should_cancel=lambda: True)


def test_party_kind_override(write):
    spec = ImportSpec(party_kind="subscriber")
    batch = read_file(_file(write), case_number="1", spec=spec)
    assert set(batch.events["a_kind"]) == {"subscriber"}
    assert batch.source.spec["party_kind"] == "subscriber"


def test_owner_layout_without_type_leaves_direction_unknown(write):
    p = write("o.csv", "Дата и время;MSISDN;Номер собеседника\n"
                       "03.04.2024 10:11:12;77011234567;87051112233\n"
                       "03.04.2024 10:12:12;77011234567;87771234567\n")
    ev = read_file(p, case_number="1").events
    assert ev["a_key"].tolist() == ["+77011234567"] * 2
    assert ev["target"].tolist() == ["a", "a"] and ev["direction"].tolist() == ["", ""]


def test_wrong_encoding_names_the_file(tmp_path):
    p = tmp_path / "latin.csv"
    p.write_bytes("Dátum;Hívó;Hívott\nÉjjel;Árvíztűrő;tükörfúrógép\n".encode("latin-1", errors="replace"))
    with pytest.raises(InputError, match=r"latin\.csv: neither UTF-8 nor"):
        read_file(p, case_number="1")
    # with the encoding forced the text reads; its Hungarian headers are no known layout
    with pytest.raises(InputError, match="no header row"):
        read_file(p, case_number="1", spec=ImportSpec(encoding="latin-1"))
