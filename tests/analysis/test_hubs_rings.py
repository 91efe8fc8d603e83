"""hubs() and rings() on hand-built graphs that follow the graph contract."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from linkview.analysis import Hub, hubs, public_entities, rings
from linkview.errors import AnalysisError, Cancelled


def node(G, n, kind, key, cases, hub=None, last="2024-03-01"):
    G.add_node(n, kind=kind, key=key, display=key, valid=True, cases=tuple(cases), n_cases=len(cases),
               first_seen=pd.Timestamp("2024-01-01"), last_seen=pd.Timestamp(last), hub=hub)


def edge(G, u, v, kind, count=1, amount=None, currency="KZT"):
    attrs = {"kind": kind, "count": count}
    if amount is not None:
        attrs.update(amount=float(amount), currency=currency)
    G.add_edge(u, v, key=f"{kind}:{currency}" if amount is not None else kind, **attrs)


def world():
    """Two rings sharing case C3, a taxi number every victim calls, victims and their friends.

    Ring 1 (cases C1-C3): phones 10, 11 in handset 12; mule card 13 (masked candidate 14 in C2).
    Ring 2 (cases C3-C5): phone 20 and wallet 21 (transfers to exchange wallet 90).
    """
    G = nx.MultiDiGraph()
    cases = [f"C{i}" for i in range(1, 9)]
    node(G, 90, "wallet_tron", "TExchangeHot", cases[:8])                 # exchange hot wallet
    node(G, 91, "phone", "+77273900900", cases[:8])                       # taxi: not in any list
    node(G, 92, "service", "102", cases[:6])                              # police
    node(G, 10, "phone", "+77010000010", ["C1", "C2"])
    node(G, 11, "phone", "+77010000011", ["C2", "C3"])
    node(G, 12, "imei", "35000000000012", ["C1"])                         # connector: single case
    node(G, 13, "card", "4400430000001313", ["C1", "C3"])
    node(G, 14, "masked_card", "440043*1313", ["C2"])
    node(G, 15, "masked_card", "*1313", ["C1", "C2", "C4"])               # weak: never links
    edge(G, 10, 12, "sim_in_handset")
    edge(G, 11, 12, "sim_in_handset")
    edge(G, 14, 13, "candidate")
    node(G, 20, "phone", "+77010000020", ["C3", "C4"], last="2024-06-01")
    node(G, 21, "wallet_tron", "TRing2Wallet", ["C4", "C5"], last="2024-06-01")
    edge(G, 20, 21, "owns")
    edge(G, 21, 90, "transfer", amount=900, currency="USDT")
    # victims (one per case) and their private contacts, each in one case
    for i, c in enumerate(cases):
        v, friend, card = 100 + i, 200 + i, 300 + i
        node(G, v, "phone", f"+7705000{i:04d}", [c])
        node(G, friend, "phone", f"+7706000{i:04d}", [c])
        node(G, card, "card", f"55000000{i:08d}", [c])
        edge(G, v, friend, "call", count=20)
        edge(G, v, 91, "call")
        edge(G, v, 92, "call")
        edge(G, card, 90, "transfer", amount=50, currency="USDT")
    # ring contacts with the victims
    edge(G, 10, 100, "call", 3)
    edge(G, 10, 101, "call", 2)
    edge(G, 11, 101, "call")
    edge(G, 11, 102, "call")
    edge(G, 300, 13, "transfer", amount=1000)
    edge(G, 302, 13, "transfer", amount=2000)
    edge(G, 301, 14, "transfer", amount=500)
    edge(G, 20, 102, "call")                # the victim of C3 was called by both rings
    edge(G, 20, 103, "call")
    edge(G, 303, 21, "transfer", amount=100, currency="USDT")
    edge(G, 304, 21, "transfer", amount=100, currency="USDT")
    return G


def test_hub_reasons_list_marks_service_and_statistics():
    G = world()
    found = {h.node: h for h in hubs(G, min_cases=3)}
    assert set(found) == {90, 91, 92}
    assert any("service" in r for r in found[92].reasons)
    assert any(r.startswith("public: Police") for r in found[92].reasons)
    assert all(any(r.startswith("statistical") for r in found[n].reasons) for n in (90, 91))
    assert isinstance(found[90], Hub) and found[90].n_cases == 8
    assert found[90].to_dict()["reasons"] == found[90].reasons


def test_user_marks_override_hub_detection():
    G = world()
    G.nodes[92]["hub"] = False          # the investigator says: not a hub
    G.nodes[10]["hub"] = True
    found = {h.node: h for h in hubs(G)}
    assert 92 not in found
    assert found[10].reasons == ["marked as a hub by the investigator"]


def test_shipped_public_list_is_used_without_statistics():
    G = nx.MultiDiGraph()
    node(G, 1, "wallet_evm", "0x28c6c06298d514db089934071355e5743bf21d60", ["A"])
    node(G, 2, "phone", "+77010000002", ["A"])
    found = hubs(G, statistical=False)
    assert [h.node for h in found] == [1] and "Binance" in found[0].reasons[0]
    assert ("service", "112") in public_entities()


def test_two_rings_sharing_a_case_stay_apart():
    G = world()
    found = rings(G)
    assert [sorted(r.cases) for r in sorted(found, key=lambda r: r.cases)] == [
        ["C1", "C2", "C3"], ["C3", "C4", "C5"]]
    by_cases = {tuple(r.cases): r for r in found}
    r1, r2 = by_cases[("C1", "C2", "C3")], by_cases[("C3", "C4", "C5")]
    assert r1.nodes == {10, 11, 12, 13, 14}
    assert r2.nodes == {20, 21}
    # no hub, victim, friend or weak masked card in any ring
    for r in found:
        assert not r.nodes & {90, 91, 92, 15}
        assert not any(100 <= n < 400 for n in r.nodes)
    roles = {e["node"]: e["role"] for e in r1.entities}
    assert roles[12] == "connector" and roles[10] == "bridge"
    assert r1.money == {"KZT": 3500.0}
    assert r2.money == {"USDT": 200.0}
    assert r1.counterparts == 6                  # victims 100-102 and cards 300-302
    assert r1.victims == 0                       # no node says it is the subject of a record


def test_rings_respect_min_cases_and_given_hubs():
    G = world()
    assert rings(G, min_cases=4) == []
    # without hub detection the taxi number glues every case into one group
    glued = rings(G, hubs=[92])
    assert len(glued) == 1 and len(glued[0].cases) == 8
    with pytest.raises(AnalysisError):
        rings(G, min_cases=0)


def test_a_victim_in_two_cases_does_not_glue_two_rings():
    G = world()
    # the victim of C1 shows up again in C5 (defrauded twice): seen in two cases, but only through calls
    G.nodes[100]["cases"] = ("C1", "C5")
    edge(G, 21, 100, "transfer", amount=1, currency="USDT")
    found = rings(G)
    assert sorted(tuple(r.cases) for r in found) == [("C1", "C2", "C3"), ("C3", "C4", "C5")]
    assert all(100 not in r.nodes for r in found)


def test_ring_score_evidence_and_json_contract():
    G = world()
    calls = []

    def evidence(n, cases):
        calls.append((n, tuple(cases)))
        return [{"case": c, "file": f"cdr_{c}.csv", "sha256": "ab" * 32, "source_id": 1, "rows": [2, 5]}
                for c in cases]

    found = rings(G, evidence=evidence)
    assert [r.id for r in found] == ["R1", "R2"]
    assert found[0].score >= found[1].score
    d = found[0].to_dict()
    assert set(d) >= {"id", "score", "cases", "entities", "evidence"}
    assert all(set(e) >= {"kind", "key", "display", "cases"} for e in d["entities"])
    ev = d["evidence"][0]
    assert set(ev) >= {"entity", "case", "file", "sha256", "rows"} and set(ev["entity"]) == {"kind", "key"}
    # evidence is asked only for the cross-case members, in their own cases
    assert all(len(c) >= 2 for _, c in calls)
    assert {n for n, _ in calls} == {10, 11, 13, 20, 21}
    parts = found[0].score_parts
    assert found[0].score == pytest.approx(sum(parts.values()), abs=0.01)


def test_rings_cancel():
    with pytest.raises(Cancelled):
        rings(world(), should_cancel=lambda: True)


def test_only_entities_active_in_others_records_seed_rings():
    G = world()
    for n in G.nodes:
        G.nodes[n]["active_in"] = 2 if n in (10, 11, 13, 20, 21) else 0
    # the victim of C1 shows up in the record of ring 2's phone (filed in C4): it only answered there
    G.nodes[100]["cases"] = ("C1", "C4")
    G.nodes[100]["active_in"] = 1
    edge(G, 20, 100, "call")
    for v in range(100, 108):
        G.nodes[v]["subject_of"] = (G.nodes[v]["cases"][0],)     # the victims' own call records
    found = sorted(rings(G), key=lambda r: r.cases)
    assert [r.cases for r in found] == [["C1", "C2", "C3"], ["C3", "C4", "C5"]]
    assert all(100 not in r.nodes for r in found)
    assert [r.victims for r in found] == [3, 3]  # 100-102 called by ring 1; 102, 103 and 100 by ring 2
    assert 12 in found[0].nodes and 14 in found[0].nodes     # joined through identity links


def test_an_unlisted_public_number_that_straddles_rings_is_left_out():
    G = world()
    # a landline no list knows, called by the victims of C2 and C4 only: too few cases for statistics
    node(G, 95, "phone", "+77172555105", ["C2", "C4"])
    edge(G, 101, 95, "call")
    edge(G, 103, 95, "call")
    found = rings(G)
    assert sorted(r.cases for r in found) == [["C1", "C2", "C3"], ["C3", "C4", "C5"]]
    assert all(95 not in r.nodes for r in found)
    # a lone phone whose cases lie within one ring joins it
    node(G, 96, "phone", "+77010000096", ["C1", "C2"])
    edge(G, 96, 100, "call")
    edge(G, 96, 101, "call")
    ring1 = next(r for r in rings(G) if r.cases == ["C1", "C2", "C3"])
    assert 96 in ring1.nodes


def test_structural_hub_straddles_rings_it_does_not_belong_to():
    G = world()
    for v in range(100, 108):
        G.nodes[v]["subject_of"] = (G.nodes[v]["cases"][0],)     # the victims' own call records
    node(G, 95, "phone", "+77172555105", ["C2", "C4", "C6"])   # a landline no list knows
    for v in (101, 103, 105):
        edge(G, v, 95, "call")
    node(G, 96, "phone", "+77010000096", ["C1", "C2", "C3"])   # a call-back number of ring 1 only
    for v in (100, 101, 102):
        edge(G, v, 96, "call")
    G.nodes[90]["hub"] = G.nodes[91]["hub"] = True            # too few cases for statistics: marked
    found = {h.node: h for h in hubs(G)}
    assert 95 in found and found[95].reasons[0].startswith("structural: seen in 3 cases")
    assert 15 not in found                     # the weak masked card *1313 links nothing
    assert 96 not in found and 100 not in found
    # without the structural rule the landline is still found: a fixed line that only victims call;
    # the call-back number 96, which only victims call too, is a mobile number and is not
    alone = {h.node: h for h in hubs(G, structural=False)}
    assert alone[95].reasons[0].startswith("fixed line called in 3 cases") and 96 not in alone
    assert 95 not in {h.node for h in hubs(G, structural=False, statistical=False)}


def test_a_taxi_within_one_rings_cases_is_a_hub_and_not_a_member():
    G = world()
    for v in range(100, 108):
        G.nodes[v]["subject_of"] = (G.nodes[v]["cases"][0],)
        G.nodes[v]["active_in"] = 0
    node(G, 97, "phone", "+77172600600", ["C1", "C2", "C3"])   # Astana taxi, called by ring 1's victims only
    for v in (100, 101, 102):
        edge(G, v, 97, "call")
    found = {h.node: h for h in hubs(G, public={})}
    assert found[97].reasons[0].startswith("fixed line called in 3 cases")
    assert all(97 not in r.nodes for r in rings(G))


def test_members_with_their_own_records_stay_and_victims_stay_out():
    """Every entity seen in two cases of a ring is a member, also when it is active in nobody else's
    records (a wallet with its own exports, a phone only the ring's phones call); a victim's IIN, card and
    masked card seen in two cases (its own statement, the mule's statement) are not; nor is a single
    login's IP address, while the ad account's device is a connector."""
    G = world()
    for n in G.nodes:
        G.nodes[n]["active_in"] = 2 if n in (10, 11, 13, 20, 21) else 0
        G.nodes[n]["subject_of"] = ()
    node(G, 30, "wallet_tron", "TRing1Export", ["C1", "C2", "C3"])      # exports filed in two cases
    G.nodes[30].update(active_in=0, subject_of=("C1", "C2"))
    edge(G, 13, 30, "transfer", amount=3000)
    node(G, 31, "phone", "+77010000031", ["C1", "C2"])                   # called by the ring's phones only
    G.nodes[31].update(active_in=0, subject_of=())
    edge(G, 10, 31, "call")
    edge(G, 11, 31, "call")
    node(G, 32, "ad_account", "olx:32", ["C1", "C2"])
    G.nodes[32].update(active_in=1, subject_of=())
    edge(G, 32, 10, "uses")
    node(G, 33, "ip", "10.0.0.33", ["C1"])
    node(G, 34, "device", "dev-34", ["C1"])
    edge(G, 32, 33, "uses")
    edge(G, 32, 34, "uses")
    # the victim of C1: its IIN, card (its own statement in C1) and masked card (in the mule's statement)
    node(G, 40, "iin", "900101300811", ["C1", "C3"])
    node(G, 41, "card", "4400430000004141", ["C1", "C3"])
    node(G, 42, "masked_card", "440043*4141", ["C3"])
    G.nodes[41].update(active_in=0, subject_of=("C1",))
    for n in (40, 42):
        G.nodes[n].update(active_in=0, subject_of=())
    edge(G, 40, 41, "owns")
    edge(G, 42, 41, "candidate")
    edge(G, 42, 13, "transfer", amount=700)
    found = sorted(rings(G), key=lambda r: r.cases)
    assert [r.cases for r in found] == [["C1", "C2", "C3"], ["C3", "C4", "C5"]]
    roles = {e["node"]: e["role"] for e in found[0].entities}
    assert {n for n, r in roles.items() if r == "bridge"} == {10, 11, 13, 30, 31, 32}
    assert roles[34] == "connector" and 33 not in roles
    assert not found[0].nodes & {40, 41, 42}
    # members first in the JSON contract
    listed = [e["role"] for e in found[0].to_dict()["entities"]]
    assert listed == sorted(listed, key=lambda r: r != "bridge")


def test_a_victim_calling_the_fraudsters_back_is_not_a_member():
    G = world()
    for n in G.nodes:
        G.nodes[n]["active_in"] = 2 if n in (10, 11, 13, 20, 21) else 0
    # the victim of C1 called ring 1's phones back; their call records (filed in C2) show it calling
    G.nodes[100]["cases"] = ("C1", "C2")
    G.nodes[100]["active_in"] = 2
    edge(G, 100, 10, "call")
    edge(G, 100, 11, "call")
    found = sorted(rings(G), key=lambda r: r.cases)
    assert [r.cases for r in found] == [["C1", "C2", "C3"], ["C3", "C4", "C5"]]
    assert 100 not in found[0].nodes       # it also calls the police (92) and the taxi: a private phone
