from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from linkview.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent.parent

_spec = importlib.util.spec_from_file_location("linkview_tests_scenario", REPO / "tests" / "graph" / "scenario.py")
_scenario = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_scenario)

#: generated scenarios used by the integration and CLI tests: (seed, cases, rows per call record)
SCENARIOS = [(2, 5, 40), (3, 6, 40), (11, 12, 60)]


@pytest.fixture
def sc():
    """The hand-built workspace helpers of ``tests/graph/scenario.py``."""
    return _scenario


@pytest.fixture
def ws(tmp_path):
    with Workspace.create(tmp_path / "test.linkview") as w:
        yield w


def generate_and_import(out: Path, seed: int, cases: int, rows: int) -> tuple[Path, dict]:
    """Run ``samples.generate`` and import every file of its manifest into a new workspace."""
    from linkview.ingest import import_file

    folder = out / f"scenario_{seed}"
    subprocess.run([sys.executable, "-m", "samples.generate", str(folder), "--cases", str(cases), "--rows",
                    str(rows), "--seed", str(seed), "--formats", "csv", "--quiet"], cwd=REPO, check=True)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    path = out / f"scenario_{seed}.linkview"
    with Workspace.create(path) as w:
        for f in manifest["files"]:
            import_file(w, folder / f["file"], case_number=f["case"])
    return path, json.loads((folder / "ground_truth.json").read_text(encoding="utf-8"))


_BUILT: dict[tuple[int, int, int], tuple[Path, dict]] = {}


def _built(params: tuple[int, int, int], tmp_path_factory) -> tuple[Path, dict]:
    if params not in _BUILT:
        _BUILT[params] = generate_and_import(tmp_path_factory.mktemp("scenarios"), *params)
    return _BUILT[params]


@pytest.fixture(scope="session", params=SCENARIOS, ids=lambda p: f"seed{p[0]}")
def scenario(request, tmp_path_factory):
    """(workspace path, ground truth) of a generated, imported scenario; built once per session."""
    return _built(request.param, tmp_path_factory)


@pytest.fixture(scope="session")
def cli_scenario(tmp_path_factory):
    """The first scenario (shared with the integration tests) for the command-line tests."""
    return _built(SCENARIOS[0], tmp_path_factory)
