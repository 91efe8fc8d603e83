"""Hub marks, saved charts and the audit log."""

from __future__ import annotations

import pytest

from linkview.errors import EntityNotFound, WorkspaceError


def test_hub_marks(ws, batch_a, ids):
    ws.import_batch(batch_a())
    p1, service = ws.entity_id("phone", ids["phone_1"]), ws.entity_id("service", "1414")
    assert ws.hub_marks() == {}
    ws.set_hub(service, True, reason="bank short number")
    ws.set_hub(p1, False)
    assert ws.hub_marks() == {service: True, p1: False}
    ws.set_hub(service, False, reason="changed my mind")
    ws.set_hub(p1, None)
    assert ws.hub_marks() == {service: False}
    with pytest.raises(EntityNotFound):
        ws.set_hub(99_999, True)
    actions = ws.audit_log()["action"].tolist()
    assert actions.count("set_hub") == 4
    assert ws.audit_log()["detail"].iloc[-1] == {"entity_id": p1, "value": None, "reason": ""}


def test_charts(ws):
    assert ws.chart_names() == [] and ws.load_chart("x") is None
    chart = {"nodes": [{"id": 1, "x": 0.5, "y": -2.0, "pinned": True}], "title": "Кольцо Алматы"}
    ws.save_chart("ring", chart)
    ws.save_chart("another", {"nodes": []})
    assert ws.load_chart("ring") == chart
    ws.save_chart("ring", {"nodes": [], "v": 2})
    assert ws.load_chart("ring") == {"nodes": [], "v": 2}
    assert ws.chart_names() == ["another", "ring"]
    assert ws.delete_chart("another") and not ws.delete_chart("another")
    with pytest.raises(WorkspaceError, match="cannot be saved"):
        ws.save_chart("bad", {"x": {1, 2}})
    with pytest.raises(WorkspaceError, match="needs a name"):
        ws.save_chart("  ", {})


def test_cases_and_log(ws):
    case = ws.create_case("2024-010", title="Investment scam", notes="from Astana")
    assert (case.number, case.title, case.notes, case.sources, case.events) == (
        "2024-010", "Investment scam", "from Astana", 0, 0)
    with pytest.raises(WorkspaceError, match="already exists"):
        ws.create_case("2024-010")
    with pytest.raises(WorkspaceError, match="needs a number"):
        ws.create_case(" ")
    assert [c.number for c in ws.cases()] == ["2024-010"]
    assert ws.case_ids(["2024-010"]) == [case.id]
    ws.log("export", {"format": "graphml", "nodes": 12})
    log = ws.audit_log()
    assert log["action"].tolist() == ["create", "create_case", "export"]
    assert log["detail"].iloc[-1] == {"format": "graphml", "nodes": 12}
    assert (log["user"] == "tester").all()
