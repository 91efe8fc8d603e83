"""Import specs: JSON round trip, validation, reuse for the next file."""

from __future__ import annotations

import json

import pytest

from linkview.errors import InputError
from linkview.ingest import FIELDS, ImportSpec, read_file
from linkview.ingest.fields import detect_kind, fold_header, map_columns


def test_round_trip(tmp_path):
    spec = ImportSpec(kind="calls", encoding="cp1251", delimiter=";", header_row=0,
                      columns={"a": "#1", "b": "#2", "datetime": "#3"}, target="+77011234567",
                      party_kind="subscriber", options={"time_unit": "s", "epoch": "2013-01-01"})
    path = tmp_path / "kcell.json"
    spec.save(path)
    assert json.loads(path.read_text(encoding="utf-8"))["columns"]["a"] == "#1"
    assert ImportSpec.load(path) == spec


def test_bad_specs_are_refused(tmp_path):
    with pytest.raises(InputError, match="unknown import option"):
        ImportSpec(options={"timeunit": "s"})
    with pytest.raises(InputError, match="unknown kind"):
        ImportSpec(kind="sms")
    p = tmp_path / "bad.json"
    p.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json.*not valid JSON"):
        ImportSpec.load(p)
    p.write_text('{"kind": "calls", "colums": {}}', encoding="utf-8")
    with pytest.raises(InputError, match="unknown import spec field"):
        ImportSpec.load(p)
    with pytest.raises(InputError, match="not found"):
        ImportSpec.load(tmp_path / "missing.json")


def test_saved_spec_reads_the_next_file_the_same_way(write):
    first = write("a.csv", "Время начала;Кто звонил;Кому;Сек\n03.04.2024 10:11:12;87011234567;87051112233;5\n")
    spec = ImportSpec(kind="calls", columns={"datetime": "Время начала", "a": "Кто звонил", "b": "Кому",
                                             "duration": "Сек"})
    batch = read_file(first, case_number="1", spec=spec)
    saved = ImportSpec.from_dict(batch.source.spec)
    assert saved.columns == {"datetime": "Время начала", "a": "Кто звонил", "b": "Кому", "duration": "Сек"}
    assert (saved.header_row, saved.delimiter, saved.encoding) == (1, ";", "utf-8")
    second = write("b.csv", "Время начала;Кто звонил;Кому;Сек\n04.04.2024 10:00:00;87051112233;87011234567;7\n")
    ev = read_file(second, case_number="1", spec=saved).events
    assert ev["a_key"].tolist() == ["+77051112233"] and ev["duration"].tolist() == [7.0]


def test_unknown_field_in_spec(write):
    p = write("a.csv", "Дата;Абонент А;Абонент Б\n03.04.2024;87011234567;87051112233\n")
    with pytest.raises(InputError, match="unknown field 'caller'"):
        read_file(p, case_number="1", spec=ImportSpec(kind="calls", columns={"caller": "Абонент А"}))


def test_aliases_in_three_languages():
    for kind, fields in FIELDS.items():
        for name, info in fields.items():
            assert info.aliases.get("ru") is not None and info.aliases.get("en"), (kind, name)
    assert fold_header("Дата и время (UTC)") == "дата и время utc"
    assert map_columns("calls", ["Қоңырау шалушы", "Қабылдаушы", "Күні мен уақыты"]) == {
        "a": "Қоңырау шалушы", "b": "Қабылдаушы", "datetime": "Күні мен уақыты"}
    assert detect_kind(["Txhash", "DateTime (UTC)", "From", "To", "Value_IN(ETH)", "Value_OUT(ETH)"]) == "transfers"
    assert detect_kind(["ID аккаунта", "IP-адрес", "Время входа"]) == "ads"
    assert detect_kind(["timestamp", "caller", "callee", "duration"]) == "calls"
    # the more specific alias wins the column
    assert map_columns("transfers", ["Дата", "Контрагент", "Счет контрагента", "Сумма"])["counterparty"] == \
        "Счет контрагента"
