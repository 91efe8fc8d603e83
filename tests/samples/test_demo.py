"""The bundled demo files and the demo workspace built from them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from linkview import demo
from linkview.errors import Cancelled
from linkview.workspace import Workspace
from samples.generate import generate_scenario

DEMO = Path(demo.__file__).parent / "data" / "demo"


def test_bundled_demo_is_the_generator_output(tmp_path):
    manifest = demo.demo_manifest()
    generate_scenario(tmp_path, cases=6, rows=200, seed=manifest["seed"])
    fresh = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    bundled = sorted(p.relative_to(DEMO).as_posix() for p in DEMO.rglob("*") if p.is_file())
    assert fresh == bundled
    for rel in fresh:
        assert (tmp_path / rel).read_bytes() == (DEMO / rel).read_bytes(), rel


def test_bundled_demo_is_small_and_complete():
    manifest = demo.demo_manifest()
    truth = json.loads(demo.demo_files().joinpath("ground_truth.json").read_text(encoding="utf-8"))
    assert len(manifest["cases"]) == 6 and truth["cases"] == manifest["cases"]
    assert sum(p.stat().st_size for p in DEMO.rglob("*") if p.is_file()) < 1_000_000
    assert 300 <= sum(f["rows"] for f in manifest["files"]) <= 5000
    assert {r["scheme"] for r in truth["rings"]} == {"bank_call", "marketplace", "investment"}
    assert truth["overlapping_rings"] and truth["simboxes"]
    for entry in manifest["files"]:
        assert demo.demo_files().joinpath(*entry["file"].split("/")).is_file()


def test_user_data_dir_follows_the_platform(monkeypatch, tmp_path):
    if sys.platform == "win32":
        monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    elif sys.platform != "darwin":
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    else:
        pytest.skip("macOS uses ~/Library/Application Support")
    assert demo.default_demo_path() == tmp_path / "LinkView" / "demo.linkview"


def test_cancelling_leaves_nothing_behind(tmp_path):
    calls = []

    def cancel_after_two() -> bool:
        calls.append(1)
        return len(calls) > 2

    target = tmp_path / "demo.linkview"
    with pytest.raises(Cancelled):
        demo.ensure_demo_workspace(target, should_cancel=cancel_after_two)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_demo_workspace_lists_every_case_and_is_reused(tmp_path):
    target = tmp_path / "sub" / "demo.linkview"
    fractions: list[float] = []
    path = demo.ensure_demo_workspace(target, progress=lambda f, _m: fractions.append(f))
    assert path == target and target.is_file()
    assert fractions[-1] == 1.0 and all(0.0 <= f <= 1.0 for f in fractions)
    assert [p.name for p in target.parent.iterdir()] == ["demo.linkview"]   # no temp file left
    manifest = demo.demo_manifest()
    with Workspace.open(target) as ws:
        cases = ws.cases()
        assert sorted(c.number for c in cases) == sorted(manifest["cases"])
        titles = {c.number: c.title for c in cases}
        assert all(titles[i["number"]] == i["title"] for i in manifest["case_info"])
        assert sum(c.sources for c in cases) == len(manifest["files"])
        assert all(c.events > 0 for c in cases)
    stamp = target.stat().st_mtime_ns
    assert demo.ensure_demo_workspace(target) == target
    assert target.stat().st_mtime_ns == stamp                                # reused, not rebuilt


def test_a_foreign_file_at_the_demo_path_is_replaced(tmp_path, monkeypatch):
    target = tmp_path / "demo.linkview"
    target.write_bytes(b"not a workspace")
    built = []
    monkeypatch.setattr(demo, "_build", lambda tmp, *a: (built.append(tmp), Workspace.create(tmp).close()))
    demo.ensure_demo_workspace(target)
    assert built and target.read_bytes()[:15] == b"SQLite format 3"
