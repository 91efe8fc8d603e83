"""Importing hand-built batches and reading everything back."""

from __future__ import annotations

import pandas as pd
import pytest

from linkview.errors import CaseNotFound, DuplicateSourceError, WorkspaceError


def test_import_result_counts(ws, batch_a):
    res = ws.import_batch(batch_a())
    assert (res.case_number, res.file, res.sha256) == ("2024-001", "calls_a.csv", "a" * 64)
    assert (res.events, res.links, res.rejected_errors, res.rejected_warnings) == (3, 1, 1, 1)
    assert res.new_entities == 5  # two phones, a service number, an IMEI, an IMSI
    assert res.seconds > 0


def test_case_and_source_records(ws, batch_a):
    res = ws.import_batch(batch_a())
    case = ws.case("2024-001")
    assert case.id == res.case_id
    assert case.title == "Phone fraud, Almaty"
    assert (case.sources, case.events, case.links, case.entities, case.rejected) == (1, 3, 1, 5, 2)
    [src] = ws.sources()
    assert src.id == res.source_id and src.case_number == "2024-001"
    assert (src.name, src.path, src.size, src.kind, src.encoding) == (
        "calls_a.csv", "/evidence/calls_a.csv", 1234, "calls", "cp1251")
    assert src.spec == {"kind": "calls", "columns": {"a": "A", "b": "B"}}
    assert (src.rows_total, src.rows_imported, src.rows_rejected) == (4, 3, 1)
    assert src.imported_by == "investigator1"
    assert ws.sources(case_id=res.case_id) == [src]
    assert ws.sources(case_id=res.case_id + 100) == []
    with pytest.raises(CaseNotFound, match="2024-999"):
        ws.case("2024-999")


def test_events_read_back(ws, batch_a, ids):
    res = ws.import_batch(batch_a())
    ev = ws.events()
    assert list(ev.columns) == ["id", "case_id", "source_id", "row", "etype", "time", "a_id", "b_id", "dev_id",
                                "imsi_id", "target", "direction", "duration", "amount", "currency", "asset",
                                "tx_hash", "cell", "lat", "lon"]
    assert ev["row"].tolist() == [2, 3, 4]
    assert ev["etype"].tolist() == ["call", "sms", "call"]
    assert (ev["case_id"] == res.case_id).all() and (ev["source_id"] == res.source_id).all()
    assert ev["time"].dtype == "datetime64[ns]"
    assert ev["time"].iloc[0] == pd.Timestamp("2024-03-01 10:00:00")
    assert pd.isna(ev["time"].iloc[2])
    p1, p2 = ws.entity_id("phone", ids["phone_1"]), ws.entity_id("phone", ids["phone_2"])
    service = ws.entity_id("service", "1414")
    assert ev["a_id"].tolist() == [p1, p2, p1]
    assert ev["b_id"].tolist() == [p2, p1, service]
    assert ev["dev_id"].iloc[0] == ws.entity_id("imei", ids["imei"])
    assert ev["imsi_id"].iloc[0] == ws.entity_id("imsi", ids["imsi"])
    assert ev["dev_id"].isna().tolist() == [False, True, True]
    assert ev["duration"].iloc[0] == 60.0 and pd.isna(ev["duration"].iloc[1])
    assert ev["cell"].tolist() == ["1001/2002", "", ""]
    assert ev["target"].tolist() == ["a", "b", "a"]
    assert ev["lat"].iloc[0] == 43.25


def test_links_and_sightings(ws, batch_a, ids):
    res = ws.import_batch(batch_a())
    p1, imei = ws.entity_id("phone", ids["phone_1"]), ws.entity_id("imei", ids["imei"])
    lk = ws.links()
    assert lk[["row", "n", "ltype", "a_id", "b_id"]].values.tolist() == [[2, 1, "sim_in_handset", p1, imei]]
    assert lk["first_time"].iloc[0] == pd.Timestamp("2024-03-01 10:00:00")
    sg = ws.sightings(entity_ids=[p1, imei]).set_index("entity_id")
    # PHONE_1: a in rows 2 and 4, b in row 3, and the handset link of row 2 (counted once)
    assert sg.loc[p1, ["n_rows", "first_row", "roles", "case_number", "source_id"]].tolist() == [
        3, 2, "a,b", "2024-001", res.source_id]
    assert sg.loc[p1, "first_time"] == pd.Timestamp("2024-03-01 10:00:00")
    assert sg.loc[p1, "last_time"] == pd.Timestamp("2024-03-01 11:00:00")
    assert sg.loc[imei, ["n_rows", "first_row", "roles"]].tolist() == [1, 2, "b,dev"]
    assert len(ws.sightings()) == 5
    assert ws.sightings(case_ids=[res.case_id + 1]).empty


def test_entities_with_variants_and_cases(ws, batch_a, ids):
    ws.import_batch(batch_a())
    ent = ws.entities().set_index("key")
    assert sorted(ent["kind"]) == ["imei", "imsi", "phone", "phone", "service"]
    p2 = ent.loc[ids["phone_2"]]
    assert p2["display"] == "+7 702 765 43 21"
    assert p2["variants"] == ["+7 702 765 43 21", "8 702 765 43 21"]
    assert p2["cases"] == ["2024-001"]
    assert p2["first_seen"] == pd.Timestamp("2024-03-01 10:00:00")
    assert p2["last_seen"] == pd.Timestamp("2024-03-01 11:00:00")
    assert not ent.loc["1414", "valid"] and ent.loc[ids["phone_1"], "valid"]
    assert ent.loc[ids["imei"], "display"] == "35-123456-789012"
    only = ws.entities(kinds=["imei", "imsi"])
    assert sorted(only["kind"]) == ["imei", "imsi"]
    assert ws.entities(ids=[]).empty
    assert ws.entity_id("phone", "+70000000000") is None


def test_rejected_rows(ws, batch_a):
    res = ws.import_batch(batch_a())
    rj = ws.rejected()
    assert rj[["row", "column", "severity"]].values.tolist() == [[2, "Duration", "warning"], [5, "B", "error"]]
    assert (rj["file"] == "calls_a.csv").all() and (rj["case_number"] == "2024-001").all()
    assert rj.loc[rj["row"] == 5, "reason"].item() == "not a phone number"
    assert len(ws.rejected(source_id=res.source_id)) == 2
    assert ws.rejected(case_id=res.case_id + 1).empty


def test_duplicate_source_refused(ws, batch_a):
    ws.import_batch(batch_a())
    before = ws.cases()
    with pytest.raises(DuplicateSourceError) as err:
        ws.import_batch(batch_a())
    message = str(err.value)
    assert "calls_a.csv" in message and "2024-001" in message
    assert ws.sources()[0].imported_at in message
    assert ws.cases() == before
    # the same file in another case is a separate source
    other = ws.import_batch(batch_a(case="2024-777"))
    assert other.case_number == "2024-777" and other.new_entities == 0


def test_entity_identity_across_cases(ws, batch_a, batch_b, ids):
    ws.import_batch(batch_a())
    res_b = ws.import_batch(batch_b())
    p1 = ws.entity_id("phone", ids["phone_1"])
    assert res_b.new_entities == 1  # only +77770000001 is new; PHONE_1 is the same entity
    ent = ws.entities(ids=[p1]).iloc[0]
    assert ent["cases"] == ["2024-001", "2024-002"]
    assert ent["display"] == "+7 701 123 45 67"  # the first display is kept ...
    assert "87011234567" in ent["variants"]      # ... and the other spelling recorded
    assert ent["last_seen"] == pd.Timestamp("2024-04-02 09:30:00")
    cases = {c.number: c for c in ws.cases()}
    assert cases["2024-001"].entities == 5 and cases["2024-002"].entities == 2
    assert (cases["2024-002"].events, cases["2024-002"].sources) == (1, 1)
    sg = ws.sightings(entity_ids=[p1])
    assert sg["case_number"].tolist() == ["2024-001", "2024-002"]
    assert len(ws.entities()) == 6


def test_event_filters(ws, batch_a, batch_b, ids):
    a = ws.import_batch(batch_a())
    b = ws.import_batch(batch_b())
    p1, p2 = ws.entity_id("phone", ids["phone_1"]), ws.entity_id("phone", ids["phone_2"])
    imei = ws.entity_id("imei", ids["imei"])
    assert ws.events(case_ids=[b.case_id])["row"].tolist() == [7]
    assert ws.events(case_ids=[a.case_id, b.case_id])["row"].tolist() == [2, 3, 4, 7]
    assert ws.events(since="2024-03-01 10:30")["row"].tolist() == [3, 7]
    assert ws.events(until="2024-03-01 10:00")["row"].tolist() == [2]
    assert ws.events(etypes=["sms"])["row"].tolist() == [3]
    assert ws.events(entity_ids=[p2])["row"].tolist() == [2, 3]
    assert ws.events(entity_ids=[imei])["row"].tolist() == [2]
    assert ws.events(entity_ids=[p1], case_ids=[b.case_id])["row"].tolist() == [7]
    assert ws.events(case_ids=[])["row"].tolist() == []
    assert ws.links(entity_ids=[imei])["row"].tolist() == [2]
    assert ws.links(case_ids=[b.case_id]).empty


@pytest.mark.parametrize("scope", [
    {}, {"case_ids": [1]}, {"since": "2024-03-01 10:30"}, {"until": "2024-03-01 11:00"},
    {"etypes": ["call"]}, {"entity_ids": [1, 3]}, {"case_ids": [2], "entity_ids": [1]},
])
def test_filtered_reads_equal_filtering_everything(ws, batch_a, batch_b, scope):
    ws.import_batch(batch_a())
    ws.import_batch(batch_b())
    every = ws.events()
    keep = pd.Series(True, index=every.index)
    if "case_ids" in scope:
        keep &= every["case_id"].isin(scope["case_ids"])
    if "since" in scope:
        keep &= every["time"] >= pd.Timestamp(scope["since"])
    if "until" in scope:
        keep &= every["time"] <= pd.Timestamp(scope["until"])
    if "etypes" in scope:
        keep &= every["etype"].isin(scope["etypes"])
    if "entity_ids" in scope:
        named = pd.Series(False, index=every.index)
        for col in ("a_id", "b_id", "dev_id", "imsi_id"):
            named |= every[col].isin(scope["entity_ids"]).fillna(False).astype(bool)
        keep &= named
    expected = every[keep.fillna(False).astype(bool)].reset_index(drop=True)
    pd.testing.assert_frame_equal(ws.events(**scope), expected)
    assert len(expected) > 0 or scope.get("case_ids") == [2]
    assert every["id"].tolist() == [1, 2, 3, 4]


def test_bad_batches_are_refused(ws, batch_a):
    batch = batch_a()
    batch.events = batch.events.drop(columns=["etype"])
    with pytest.raises(WorkspaceError, match="lacks columns etype"):
        ws.import_batch(batch)
    batch = batch_a()
    batch.events.loc[1, "a_kind"] = ""
    with pytest.raises(WorkspaceError, match="row 3: a identifier"):
        ws.import_batch(batch)
    batch = batch_a()
    batch.case_number = "  "
    with pytest.raises(WorkspaceError, match="no case number"):
        ws.import_batch(batch)
    assert ws.cases() == [] and ws.entities().empty


def test_progress_reports(ws, batch_a):
    seen = []
    ws.import_batch(batch_a(), progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert all(isinstance(m, str) and m for _, m in seen)


def test_audit_records_import(ws, batch_a):
    res = ws.import_batch(batch_a())
    log = ws.audit_log()
    assert log["action"].tolist() == ["create", "import"]
    detail = log["detail"].iloc[-1]
    assert detail["source_id"] == res.source_id and detail["sha256"] == "a" * 64 and detail["events"] == 3
    assert log["user"].iloc[-1] == "investigator1"
    assert str(log["at"].dtype) == "datetime64[ns, UTC]"


def test_links_only_and_empty_batches(ws, batch_a):
    from linkview.workspace import empty_events, empty_rejected

    links_only = batch_a(case="2024-ads")
    links_only.events = empty_events()
    links_only.rejected = empty_rejected()
    res = ws.import_batch(links_only)
    assert (res.events, res.links, res.new_entities) == (0, 1, 2)
    assert ws.case("2024-ads").events == 0 and len(ws.links()) == 1
    assert ws.events().empty and list(ws.events().columns)[:3] == ["id", "case_id", "source_id"]
    nothing = batch_a(case="2024-empty")
    nothing.source.sha256 = "e" * 64
    nothing.events, nothing.links, nothing.rejected = empty_events(), links_only.links.iloc[:0], empty_rejected()
    res = ws.import_batch(nothing)
    assert (res.events, res.links, res.new_entities) == (0, 0, 0)
    assert ws.integrity_check() == []


def test_times_given_as_text_or_with_a_zone(ws, batch_b):
    batch = batch_b()
    batch.events["time"] = batch.events["time"].dt.tz_localize("Asia/Almaty")
    ws.import_batch(batch)
    assert ws.events()["time"].tolist() == [pd.Timestamp("2024-04-02 09:30:00")]  # the wall time as written
