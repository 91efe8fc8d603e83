"""SIM-box features on hand-made call records; communities, components and centrality."""

from __future__ import annotations

import doctest
import importlib

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from linkview.analysis import THRESHOLDS, centrality, communities, components, simbox
from linkview.errors import AnalysisError


def _calls(rows):
    frame = pd.DataFrame(rows, columns=["etype", "time", "a_id", "b_id", "dev_id", "imsi_id", "target",
                                        "duration", "cell"])
    frame["time"] = pd.to_datetime(frame["time"])
    return frame


def records():
    """SIM box: SIMs 1-4 in handset 500 (IMSIs 601-604), one cell, 200 short calls, nobody calls back.
    Person: phone 9 makes 40 calls to 5 friends over weeks, friends call back, SMS, several cells."""
    rng = np.random.default_rng(7)
    rows = []
    start = pd.Timestamp("2024-05-01 09:00")
    for i in range(200):
        sim = 1 + i % 4
        rows.append(("call", start + pd.Timedelta(minutes=i // 4), sim, 1000 + i, 500, 600 + sim, "a",
                     float(rng.integers(2, 25)), "12300/111"))
    for i in range(40):
        t = start + pd.Timedelta(hours=7 * i)
        friend = 2000 + i % 5
        rows.append(("call", t, 9, friend, 700, 800, "a", 120.0 + i, f"12300/{200 + i % 4}"))
        rows.append(("call", t + pd.Timedelta(minutes=30), friend, 9, 700, 800, "b", 60.0, f"12300/{200 + i % 3}"))
        rows.append(("sms", t + pd.Timedelta(minutes=40), 9, friend, 700, 800, "a", np.nan, ""))
    return _calls(rows)


def test_simbox_phone_scores_and_explanations():
    scores = simbox(records(), min_calls=20)
    by = {(s.level, s.entity): s for s in scores}
    box = by[("phone", 1)]
    person = by[("phone", 9)]
    assert box.score > person.score
    f = box.features
    assert f["distinct_callees"]["value"] == 50 and f["distinct_callees"]["fired"]
    assert f["reciprocity"]["value"] == 0 and f["reciprocity"]["fired"]
    assert f["cells"]["value"] == 1 and f["cells"]["fired"]
    assert f["sims_per_imei"]["value"] == 4 and f["sims_per_imei"]["fired"]
    assert f["short_share"]["value"] == 1.0 and f["sms_share"]["value"] == 0.0
    assert f["out_in_ratio"]["op"] == THRESHOLDS["out_in_ratio"][0]
    assert set(box.fired) == {k for k, v in f.items() if v["fired"]}
    assert person.features["reciprocity"]["value"] == 1.0 and not person.features["reciprocity"]["fired"]
    assert person.features["cells"]["value"] == 4 and person.features["sms_share"]["value"] > 0.3
    assert person.features["sims_per_imei"]["value"] == 1
    assert box.to_dict()["features"]["cells"]["threshold"] == THRESHOLDS["cells"][1]


def test_simbox_handset_level_and_top():
    scores = simbox(records(), min_calls=20)
    hand = [s for s in scores if s.level == "handset"]
    assert hand[0].entity == 500 and hand[0].calls == 200
    assert hand[0].features["sims_per_imei"]["value"] == 4
    assert hand[0].features["distinct_callees"]["value"] == 200
    assert scores[0].score == max(s.score for s in scores)
    assert len(simbox(records(), top=2)) == 2


def test_simbox_ignores_quiet_phones_and_unknown_features():
    ev = records()
    assert all(s.entity not in (2000, 2001) for s in simbox(ev, min_calls=20))
    few = ev[ev["a_id"] == 9].copy()
    few["target"] = ""                  # nothing known about cells or handsets
    s = simbox(few, min_calls=10)[0]
    assert s.features["cells"]["value"] is None and not s.features["cells"]["fired"]
    assert simbox(ev.iloc[0:0]) == []


def test_sim_in_handset_links_count_sims():
    ev = records()
    links = pd.DataFrame({"ltype": ["sim_in_handset"] * 3, "a_id": [9, 30, 31], "b_id": [700, 700, 700]})
    person = {(s.level, s.entity): s for s in simbox(ev, links=links)}[("phone", 9)]
    assert person.features["sims_per_imei"]["value"] == 3


def two_cliques():
    G = nx.MultiDiGraph()
    for base in (0, 10):
        for i in range(5):
            for j in range(i + 1, 5):
                G.add_edge(base + i, base + j, key="call", kind="call", count=3)
    G.add_edge(4, 10, key="call", kind="call", count=1)
    G.add_node(99, kind="phone")
    return G


@pytest.mark.parametrize("method", ["leiden", "louvain"])
def test_communities_find_the_two_groups(method):
    found = communities(two_cliques(), method=method)
    assert sorted(sorted(c) for c in found if len(c) > 1) == [[0, 1, 2, 3, 4], [10, 11, 12, 13, 14]]
    assert {99} in found


def test_communities_are_repeatable_and_can_drop_hubs():
    G = two_cliques()
    assert communities(G, seed=3) == communities(G, seed=3)
    G.nodes[4]["hub"] = True
    parts = communities(G, method="components", hubs=None)
    assert all(4 not in p for p in parts)
    with pytest.raises(AnalysisError):
        communities(G, method="magic")


def test_components_ignore_direction():
    parts = components(two_cliques())
    assert [len(p) for p in parts] == [10, 1]


def test_centrality_measures():
    G = two_cliques()
    bet = centrality(G, measure="betweenness")
    assert max(bet, key=bet.get) in (4, 10)
    pr = centrality(G, measure="pagerank", weight="count")
    assert pytest.approx(sum(pr.values())) == 1.0
    deg = centrality(G)
    assert deg[4] == pytest.approx(5 / 10)
    with pytest.raises(AnalysisError):
        centrality(G, measure="fame")


@pytest.mark.parametrize("module", ["linkview.analysis.hubs", "linkview.analysis.rings",
                                    "linkview.analysis.paths", "linkview.analysis.flow",
                                    "linkview.analysis.simbox", "linkview.analysis.communities",
                                    "linkview.graph.build"])
def test_docstring_examples_run(module):
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
