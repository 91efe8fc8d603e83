"""build_graph against a real workspace filled with hand-built batches."""

from __future__ import annotations

import pandas as pd
import pytest

from linkview.errors import Cancelled
from linkview.graph import build_graph, entity_evidence, evidence_lookup, scope_events, weak_masked_card


def _two_cases(ws, sc):
    p1, p2, p3, p9 = sc.phone(1), sc.phone(2), sc.phone(3), sc.phone(9)
    sc.add_file(ws, "100", name="victim_a.csv", events=[
        ("call", p1, p2, "2024-01-01 10:00", {"duration": 30.0, "target": "b", "dev_key": "35000000000001"}),
        ("call", p1, p2, "2024-01-02 10:00", {"duration": 60.0, "target": "b"}),
        ("sms", p2, p1, "2024-01-03 10:00"),
        ("call", p2, ("service", "102"), "2024-01-04 10:00", {"duration": 5.0}),
    ], links=[("sim_in_handset", p2, ("imei", "35000000000001"))])
    sc.add_file(ws, "100", name="statement.csv", kind="transfers", events=[
        ("transfer", ("card", "4400430000001234"), ("card", "4400430000005678"), "2024-01-05 12:00",
         {"amount": 1000.0, "currency": "KZT"}),
        ("transfer", ("card", "4400430000001234"), ("card", "4400430000005678"), "2024-01-06 12:00",
         {"amount": 500.0, "currency": "KZT"}),
        ("transfer", ("card", "4400430000001234"), ("card", "4400430000005678"), "2024-01-06 13:00",
         {"amount": 10.0, "currency": "USD"}),
    ])
    sc.add_file(ws, "200", name="victim_b.csv", events=[
        ("call", p1, p3, "2024-02-01 09:00", {"duration": 20.0}),
        ("call", p9, p3, "2024-02-02 09:00", {"duration": 20.0}),
        ("transfer", ("masked_card", "440043*5678"), ("card", "4400430000009999"), "2024-02-03 09:00",
         {"amount": 7.0, "currency": "KZT"}),
        ("transfer", ("masked_card", "*5678"), ("card", "4400430000009999"), "2024-02-04 09:00",
         {"amount": 8.0, "currency": "KZT"}),
    ])


def test_nodes_carry_the_contract_attributes(ws, sc):
    _two_cases(ws, sc)
    G = build_graph(ws)
    p1 = sc.eid(ws, sc.phone(1))
    d = G.nodes[p1]
    assert (d["kind"], d["key"], d["valid"], d["hub"]) == ("phone", "+77010000001", True, None)
    assert d["cases"] == ("100", "200") and d["n_cases"] == 2
    assert d["first_seen"] == pd.Timestamp("2024-01-01 10:00") and d["last_seen"] == pd.Timestamp("2024-02-01 09:00")
    assert G.nodes[sc.eid(ws, sc.phone(3))]["cases"] == ("200",)
    assert G.graph["scope"]["case_ids"] is None and G.graph["workspace"].endswith("test.linkview")
    assert sorted(G.graph["case_numbers"].values()) == ["100", "200"]


def test_events_are_aggregated_per_pair_kind_and_currency(ws, sc):
    _two_cases(ws, sc)
    G = build_graph(ws)
    p1, p2 = sc.eid(ws, sc.phone(1)), sc.eid(ws, sc.phone(2))
    call = G.edges[p1, p2, "call"]
    assert call["count"] == 2 and call["duration"] == 90.0 and call["cases"] == ("100",)
    assert call["first"] == pd.Timestamp("2024-01-01 10:00") and call["last"] == pd.Timestamp("2024-01-02 10:00")
    assert G.edges[p2, p1, "sms"]["count"] == 1
    c1, c2 = sc.eid(ws, ("card", "4400430000001234")), sc.eid(ws, ("card", "4400430000005678"))
    kzt, usd = G.edges[c1, c2, "transfer:KZT"], G.edges[c1, c2, "transfer:USD"]
    assert (kzt["kind"], kzt["count"], kzt["amount"], kzt["currency"]) == ("transfer", 2, 1500.0, "KZT")
    assert (usd["count"], usd["amount"]) == (1, 10.0)
    assert G.number_of_edges(c1, c2) == 2


def test_static_links_and_candidate_cards(ws, sc):
    _two_cases(ws, sc)
    G = build_graph(ws)
    p2, imei = sc.eid(ws, sc.phone(2)), sc.eid(ws, ("imei", "35000000000001"))
    assert G.edges[p2, imei, "sim_in_handset"]["count"] == 1
    masked = sc.eid(ws, ("masked_card", "440043*5678"))
    full = sc.eid(ws, ("card", "4400430000005678"))
    cand = G.edges[masked, full, "candidate"]
    assert cand["candidate"] is True and cand["kind"] == "candidate"
    weak = sc.eid(ws, ("masked_card", "*5678"))
    assert not any(k == "candidate" for _, _, k in G.out_edges(weak, keys=True))
    # never merged: three card nodes stay three
    assert {masked, full, weak} <= set(G.nodes)
    assert weak_masked_card("masked_card", "*5678")


def test_scope_by_case_time_and_neighbourhood(ws, sc):
    _two_cases(ws, sc)
    case_b = ws.case("200").id
    G = build_graph(ws, case_ids=[case_b])
    p1 = sc.eid(ws, sc.phone(1))
    assert G.nodes[p1]["cases"] == ("200",)
    assert sc.eid(ws, sc.phone(2)) not in G
    G = build_graph(ws, since="2024-01-02", until="2024-01-31")
    p1, p2 = sc.eid(ws, sc.phone(1)), sc.eid(ws, sc.phone(2))
    assert G.edges[p1, p2, "call"]["count"] == 1
    assert sc.eid(ws, sc.phone(3)) not in G
    p9 = sc.eid(ws, sc.phone(9))
    G1 = build_graph(ws, around=[p9], hops=1)
    assert set(G1.nodes) == {p9, sc.eid(ws, sc.phone(3))}
    G2 = build_graph(ws, around=[p9], hops=2)
    assert p1 in G2 and p2 not in G2
    ev = scope_events(ws, G2)
    assert set(ev["etype"]) == {"call"} and len(ev) == 2


def test_hub_marks_become_node_attributes(ws, sc):
    _two_cases(ws, sc)
    p1, p2 = sc.eid(ws, sc.phone(1)), sc.eid(ws, sc.phone(2))
    ws.set_hub(p1, True, "taxi")
    ws.set_hub(p2, False, "victim")
    G = build_graph(ws)
    assert G.nodes[p1]["hub"] is True and G.nodes[p2]["hub"] is False


def test_progress_and_cancel(ws, sc):
    _two_cases(ws, sc)
    seen = []
    build_graph(ws, progress=lambda f, m: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    with pytest.raises(Cancelled):
        build_graph(ws, should_cancel=lambda: True)


def test_empty_workspace_gives_an_empty_graph(ws):
    G = build_graph(ws)
    assert G.number_of_nodes() == 0 and G.number_of_edges() == 0


def test_evidence_names_file_hash_and_rows(ws, sc):
    _two_cases(ws, sc)
    p1 = sc.eid(ws, sc.phone(1))
    items = entity_evidence(ws, p1)
    by_case = {i["case"]: i for i in items}
    assert set(by_case) == {"100", "200"}
    assert by_case["100"]["file"] == "victim_a.csv" and by_case["100"]["rows"] == [2, 3, 4]
    assert len(by_case["100"]["sha256"]) == 64
    assert by_case["200"]["rows"] == [2]
    assert [i["case"] for i in evidence_lookup(ws)(p1, ["200"])] == ["200"]


def test_an_event_in_two_records_counts_once_but_keeps_both_cases(ws, sc):
    p1, p2 = sc.phone(1), sc.phone(2)
    call = ("call", p1, p2, "2024-03-01 12:00:05", {"duration": 42.0})
    sc.add_file(ws, "100", name="cdr_p1.csv", events=[call, ("call", p1, p2, "2024-03-02 12:00", {"duration": 5.0})])
    sc.add_file(ws, "200", name="cdr_p2.csv", events=[call])
    G = build_graph(ws)
    e = G.edges[sc.eid(ws, p1), sc.eid(ws, p2), "call"]
    assert (e["count"], e["duration"], e["cases"]) == (2, 47.0, ("100", "200"))


def test_record_subjects_and_active_parties(ws, sc):
    """The fraud phone calls in two victims' records; each victim only answers in the suspect's record."""
    fraud, v1, v2, friend = sc.phone(1), sc.phone(2), sc.phone(3), sc.phone(4)
    sc.add_file(ws, "100", events=[("call", fraud, v1, "2024-03-01 10:00", {"target": "b"}),
                                   ("call", v1, friend, "2024-03-01 11:00", {"target": "a"})])
    sc.add_file(ws, "200", events=[("call", fraud, v2, "2024-03-02 10:00", {"target": "b"})])
    sc.add_file(ws, "200", events=[("call", fraud, v1, "2024-03-01 10:00", {"target": "a"}),
                                   ("call", fraud, v2, "2024-03-02 10:00", {"target": "a"})])
    G = build_graph(ws)
    f, a, b = (G.nodes[sc.eid(ws, x)] for x in (fraud, v1, v2))
    assert f["active_in"] == 2 and f["subject_of"] == ("200",)
    assert a["active_in"] == 0 and a["subject_of"] == ("100",) and a["cases"] == ("100", "200")
    assert b["active_in"] == 0 and G.nodes[sc.eid(ws, friend)]["active_in"] == 0
