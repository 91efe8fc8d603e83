"""The analysis commands of the CLI (linkview/cli/analysis_cmds.py), on a generated scenario and by hand."""

from __future__ import annotations

import json

import pytest

from linkview.cli import main

pytestmark = pytest.mark.slow


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_rings_json_contract(cli_scenario, capsys):
    path, truth = cli_scenario
    code, out, _ = run(capsys, "rings", path, "--json")
    assert code == 0
    data = json.loads(out)
    assert sorted(sorted(r["cases"]) for r in data["rings"]) == sorted(sorted(r["cases"]) for r in truth["rings"])
    for r in data["rings"]:
        assert {"id", "score", "cases", "entities", "evidence"} <= set(r)
        assert isinstance(r["score"], float) and r["id"].startswith("R")
        for e in r["entities"]:
            assert {"kind", "key", "display", "cases"} <= set(e) and isinstance(e["cases"], list)
        for ev in r["evidence"]:
            assert set(ev["entity"]) == {"kind", "key"}
            assert {"case", "file", "sha256", "rows"} <= set(ev) and len(ev["sha256"]) == 64
            assert ev["case"] in r["cases"] and all(isinstance(x, int) for x in ev["rows"])
    keys = {e["key"] for r in data["rings"] for e in r["entities"]}
    assert keys & {e["key"] for r in truth["rings"] for e in r["entities"]}


def test_rings_table_min_cases_and_case_scope(cli_scenario, capsys):
    path, truth = cli_scenario
    code, out, _ = run(capsys, "rings", path, "--no-evidence")
    assert code == 0 and out.count(" cases: ") == len(truth["rings"])
    code, out, _ = run(capsys, "rings", path, "--min-cases", "99")
    assert code == 0 and "no ring links 99" in out
    first = truth["rings"][0]["cases"]
    code, out, _ = run(capsys, "rings", path, "--json", *[x for c in first for x in ("--case", c)])
    scoped = json.loads(out)["rings"]
    assert [sorted(r["cases"]) for r in scoped] == [sorted(first)]
    code, _, err = run(capsys, "rings", path, "--case", "000000000000000")
    assert code == 2 and "000000000000000" in err


def test_hubs_command(cli_scenario, capsys):
    path, truth = cli_scenario
    code, out, _ = run(capsys, "hubs", path)
    assert code == 0 and "102" in out and "Police" in out
    code, out, _ = run(capsys, "hubs", path, "--json")
    hubs = json.loads(out)["hubs"]
    assert {h["key"] for h in hubs} <= {h["key"] for h in truth["hubs"]} and all(h["reasons"] for h in hubs)


def _ring_phones(truth):
    ring = truth["rings"][0]
    return [e["key"] for e in ring["entities"] if e["kind"] == "phone" and len(e["cases"]) > 1]


def test_path_between_two_ring_phones_avoids_hubs(cli_scenario, capsys):
    path, truth = cli_scenario
    a, b = _ring_phones(truth)[:2]
    written = "8" + a[2:]                       # as an investigator types it: 8 701 ...
    code, out, _ = run(capsys, "path", path, written, b, "--json")
    assert code == 0
    nodes = json.loads(out)["paths"][0]["nodes"]
    assert nodes[0]["key"] == a and nodes[-1]["key"] == b
    hub_keys = {h["key"] for h in truth["hubs"]}
    assert not {n["key"] for n in nodes[1:-1]} & hub_keys
    steps = len(nodes) - 1
    code, out, _ = run(capsys, "path", path, a, b, "--all", "--max-len", steps + 1, "--json")
    assert code == 0
    lengths = [len(p["nodes"]) - 1 for p in json.loads(out)["paths"]]
    assert lengths[0] == steps and all(steps <= n <= steps + 1 for n in lengths)
    code, out, _ = run(capsys, "path", path, a, b)
    assert code == 0 and out.startswith("path 1:")


def test_path_and_trace_name_unknown_entities(cli_scenario, capsys):
    path, _ = cli_scenario
    code, _, err = run(capsys, "path", path, "87009999999", "102")
    assert code == 2 and "+77009999999" in err and "not in this workspace" in err
    code, _, err = run(capsys, "trace", path, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")
    assert code == 2 and "not in this workspace" in err


def test_trace_follows_a_money_path(cli_scenario, capsys):
    path, truth = cli_scenario
    mp = next(m for m in truth["money_paths"] if m["hops"][0]["kind"] == "card")
    start = mp["hops"][0]["key"]
    code, out, _ = run(capsys, "trace", path, start, "--hops", "2", "--json")
    assert code == 0
    flow = json.loads(out)
    assert flow["source"]["key"] == start and flow["direction"] == "forward" and flow["exact"] is True
    assert mp["hops"][1]["key"] in {e["target"]["key"] for e in flow["edges"]}
    assert all(isinstance(e["amount"], float) for e in flow["edges"])
    code, out, _ = run(capsys, "trace", path, mp["hops"][1]["key"], "--backward", "--hops", "1")
    assert code == 0 and "backward from" in out and start[-4:] in out.replace(" ", "")


def test_simbox_command(cli_scenario, capsys):
    path, truth = cli_scenario
    code, out, _ = run(capsys, "simbox", path, "--top", "3", "--json")
    assert code == 0
    top = json.loads(out)["simbox"]
    planted = {n for s in truth["simboxes"] for n in s["numbers"]} | {s["imei_key"] for s in truth["simboxes"]}
    assert len(top) == 3 and all(s["entity"]["key"] in planted for s in top)
    assert all("sims_per_imei" in s["features"] for s in top)
    code, out, _ = run(capsys, "simbox", path, "--top", "2")
    assert code == 0 and "sims_per_imei" in out


def test_communities_command(cli_scenario, capsys):
    path, _ = cli_scenario
    code, out, _ = run(capsys, "communities", path, "--json", "--top", "3")
    assert code == 0
    parts = json.loads(out)["communities"]
    assert 1 <= len(parts) <= 3 and parts[0]["size"] >= parts[-1]["size"]
    code, out, _ = run(capsys, "communities", path, "--method", "components")
    assert code == 0 and "most linked" in out


def test_missing_workspace_is_a_clear_error(tmp_path, capsys):
    code, _, err = run(capsys, "rings", tmp_path / "nope.linkview")
    assert code == 2 and "no workspace" in err


def test_commands_on_a_hand_built_workspace(tmp_path, sc, capsys):
    from linkview.workspace import Workspace

    path = tmp_path / "w.linkview"
    with Workspace.create(path) as ws:
        sc.add_file(ws, "100", kind="transfers", events=[
            ("transfer", ("card", "4400430000001234"), ("card", "4400430000005678"), "2024-01-05 12:00",
             {"amount": 1000.0, "currency": "KZT"})])
    code, out, _ = run(capsys, "rings", path, "--json")
    assert code == 0 and json.loads(out) == {"rings": []}
    code, out, _ = run(capsys, "trace", path, "4400 4300 0000 1234", "--json")
    assert code == 0 and json.loads(out)["totals"] == {"KZT": 1000.0}
    code, out, _ = run(capsys, "path", path, "4400430000001234", "4400430000005678")
    assert code == 0 and "transfer x1" in out
