"""A scenario written once per test session, shared by the generator tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samples.generate import generate_scenario

SEED = 5


@pytest.fixture(scope="session")
def scenario(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("scenario")
    generate_scenario(out, cases=8, rows=150, seed=SEED)
    return out


@pytest.fixture(scope="session")
def truth(scenario) -> dict:
    return json.loads((scenario / "ground_truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def manifest(scenario) -> dict:
    return json.loads((scenario / "manifest.json").read_text(encoding="utf-8"))
