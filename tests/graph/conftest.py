from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from linkview.workspace import Workspace

_spec = importlib.util.spec_from_file_location("linkview_tests_scenario", Path(__file__).with_name("scenario.py"))
_scenario = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_scenario)


@pytest.fixture
def sc():
    """The hand-built workspace helpers of ``scenario.py``."""
    return _scenario


@pytest.fixture
def ws(tmp_path):
    with Workspace.create(tmp_path / "test.linkview") as w:
        yield w
