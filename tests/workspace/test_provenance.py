"""Evidence: provenance rows, source rows and search."""

from __future__ import annotations

import pandas as pd


def test_provenance_of_one_entity(ws, batch_a, batch_b, ids):
    a = ws.import_batch(batch_a())
    b = ws.import_batch(batch_b())
    p1 = ws.entity_id("phone", ids["phone_1"])
    prov = ws.provenance(p1)
    assert list(prov.columns[:7]) == ["case_number", "source_id", "file", "sha256", "row", "what", "role"]
    rows = prov[["case_number", "file", "sha256", "row", "what", "role", "table"]].values.tolist()
    assert rows == [
        ["2024-001", "calls_a.csv", "a" * 64, 2, "call", "a", "events"],
        ["2024-001", "calls_a.csv", "a" * 64, 2, "sim_in_handset", "a", "links"],
        ["2024-001", "calls_a.csv", "a" * 64, 3, "sms", "b", "events"],
        ["2024-001", "calls_a.csv", "a" * 64, 4, "call", "a", "events"],
        ["2024-002", "calls_b.xlsx", "b" * 64, 7, "call", "b", "events"],
    ]
    assert prov["source_id"].tolist() == [a.source_id] * 4 + [b.source_id]
    assert prov["time"].iloc[0] == pd.Timestamp("2024-03-01 10:00:00")
    assert len(ws.provenance(p1, limit=2)) == 2


def test_provenance_between_two_entities(ws, batch_a, ids):
    ws.import_batch(batch_a())
    p1, p2 = ws.entity_id("phone", ids["phone_1"]), ws.entity_id("phone", ids["phone_2"])
    imei, imsi = ws.entity_id("imei", ids["imei"]), ws.entity_id("imsi", ids["imsi"])
    pair = ws.provenance(p1, other_id=p2)
    assert pair[["row", "what", "role", "other_role"]].values.tolist() == [[2, "call", "a", "b"], [3, "sms", "b", "a"]]
    handset = ws.provenance(p1, other_id=imei)
    assert handset[["row", "what", "role", "other_role", "table"]].values.tolist() == [
        [2, "call", "a", "dev", "events"], [2, "sim_in_handset", "a", "b", "links"]]
    # an IMSI is found through the rows of the sources where it was sighted
    assert ws.provenance(imsi)[["row", "role"]].values.tolist() == [[2, "imsi"]]
    assert ws.provenance(imei, other_id=imsi)["row"].tolist() == [2]
    assert ws.provenance(p2, other_id=ws.entity_id("service", "1414")).empty


def test_source_rows(ws, batch_a, ids):
    res = ws.import_batch(batch_a())
    assert ws.source_row(res.source_id, 2) == {"A": "87011234567", "B": "+7 702 765 43 21"}
    # no raw cells kept for row 4: the stored fields are shown, with display forms
    row4 = ws.source_row(res.source_id, 4)
    assert row4["etype"] == "call" and row4["a"] == "+7 701 123 45 67" and row4["b"] == "1414"
    assert row4["duration"] == 5.0 and "time" not in row4
    # a rejected row keeps its cells
    assert ws.source_row(res.source_id, 5) == {"A": "87011234567", "B": "hello"}
    assert ws.source_row(res.source_id, 99) is None
    assert ws.source_row(res.source_id + 10, 2) is None


def test_search(ws, batch_a, batch_b, ids):
    ws.import_batch(batch_a())
    ws.import_batch(batch_b())
    p1 = ws.entity_id("phone", ids["phone_1"])
    by_key = ws.search(ids["phone_1"])
    assert by_key["id"].iloc[0] == p1 and by_key["match"].iloc[0] in {"exact", "key"}
    assert by_key["cases"].iloc[0] == ["2024-001", "2024-002"]
    # a spelling the user copies from a document: the parser or the digits-only substring finds it
    spelled = ws.search("8 (701) 123-45-67")
    assert p1 in spelled["id"].tolist()
    assert ws.search("123 45")["id"].tolist()[:1] == [p1]
    # a variant spelling only
    assert ws.entity_id("phone", ids["phone_2"]) in ws.search("8 702 765")["id"].tolist()
    assert ws.search("1414")["kind"].tolist()[0] == "service"
    assert ws.search("no such thing %_").empty
    assert list(ws.search("").columns) == ["id", "kind", "key", "display", "cases", "match"]
    assert len(ws.search("+7", limit=2)) == 2


def test_source_row_from_cell_arrays(ws, batch_a):
    import json

    batch = batch_a()
    batch.source.spec = {**batch.source.spec, "raw_columns": ["A", "B"]}
    batch.events["raw"] = [json.dumps(["87011234567", "87027654321"]), json.dumps(["x", "y", "extra"]), None]
    res = ws.import_batch(batch)
    assert ws.source_row(res.source_id, 2) == {"A": "87011234567", "B": "87027654321"}
    assert ws.source_row(res.source_id, 3) == {"A": "x", "B": "y", "#3": "extra"}


def test_raw_cells_given_as_dicts(ws, batch_a):
    batch = batch_a()
    batch.events["raw"] = [{"A": "87011234567", "Сумма": 5}, None, None]
    res = ws.import_batch(batch)
    assert ws.source_row(res.source_id, 2) == {"A": "87011234567", "Сумма": 5}
