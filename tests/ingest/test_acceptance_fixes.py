"""Files that used to need a hand-written spec, and one bad row that used to cost the target."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from linkview.ingest import ImportSpec, import_file, read_file
from linkview.workspace import Workspace


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_text(text, encoding=encoding)
    return path


def test_headerless_call_log_columns_come_from_their_content(tmp_path):
    # caller, callee, unix time, duration: the Reality Mining layout, no header row
    rows = [f"{10 + i % 7},{200 + i % 11},{1095984059 + 60 * i},{i % 90}" for i in range(40)]
    path = _write(tmp_path / "log.csv", "\n".join(rows) + "\n")
    batch = read_file(path, case_number="1", spec=ImportSpec(kind="calls"))
    ev = batch.events
    assert len(ev) == 40
    assert set(ev["a_kind"]) == {"subscriber"} and set(ev["b_kind"]) == {"subscriber"}
    assert ev["a_key"].iloc[0] == "1/10" and ev["b_key"].iloc[0] == "1/200"
    assert ev["time"].iloc[1] == pd.Timestamp("2004-09-24 00:01:59")
    assert ev["duration"].iloc[5] == 5
    assert any("no header row: columns read from their content" in w for w in batch.warnings)


def test_headerless_file_without_times_still_asks_for_a_spec(tmp_path):
    from linkview.errors import InputError

    path = _write(tmp_path / "ids.csv", "1,2,3\n4,5,6\n7,8,9\n")
    try:
        read_file(path, case_number="1", spec=ImportSpec(kind="calls"))
    except InputError as exc:
        assert "missing required field" in str(exc) and "ids.csv" in str(exc)
    else:
        raise AssertionError("a headerless file with no time column was accepted")


def test_relative_seconds_are_imported_without_inventing_a_date(tmp_path):
    path = _write(tmp_path / "calls.csv", "timestamp,caller,callee,duration\n184,300,301,121\n3920,512,299,670\n")
    batch = read_file(path, case_number="7", spec=ImportSpec())
    assert len(batch.events) == 2 and batch.events["time"].isna().all()
    assert any("plain numbers" in w and "--epoch" in w for w in batch.warnings)
    dated = read_file(path, case_number="7", spec=ImportSpec(options={"epoch": "2013-09-01", "time_unit": "s"}))
    assert dated.events["time"].iloc[0] == pd.Timestamp("2013-09-01 00:03:04")


def test_one_garbage_row_does_not_cost_the_record_its_target(tmp_path):
    header = "Дата и время;Абонент А;Абонент Б;Длительность;IMEI\n"
    rows = [f"0{1 + i % 9}.03.2024 10:{i:02d}:00;+77012619890;8701555{i:04d};30;356938035643809"
            for i in range(30)]
    rows[7] = "01.03.2024 11:00:00;=cmd|' /C calc'!A0;+77012619890;12;356938035643809"
    path = _write(tmp_path / "det.csv", header + "\n".join(rows) + "\n", encoding="cp1251")
    batch = read_file(path, case_number="1", spec=ImportSpec(kind="calls"))
    assert "target: +77012619890" in batch.notes
    links = batch.links
    handset = links[links["ltype"] == "sim_in_handset"]
    assert list(zip(handset["a_key"], handset["b_key"], strict=True)) == [("+77012619890", "35693803564380")]


def test_anonymised_ids_of_two_cases_are_two_entities(tmp_path):
    rows = "\n".join(f"{i % 5},{5 + i % 3},{1095984059 + i},{i}" for i in range(12)) + "\n"
    one = _write(tmp_path / "study_a.csv", rows)
    two = _write(tmp_path / "study_b.csv", rows.replace("1095984", "1195984"))
    with Workspace.create(tmp_path / "w.linkview") as ws:
        import_file(ws, one, case_number="A", spec=ImportSpec(kind="calls"))
        import_file(ws, two, case_number="B", spec=ImportSpec(kind="calls"))
        ents = ws.entities(kinds=["subscriber"])
        assert sorted(ents["key"])[:2] == ["A/0", "A/1"]
        assert all(len(c) == 1 for c in ents["cases"])
