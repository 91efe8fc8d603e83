"""The short examples in the identifiers docstrings run as tests."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["_base", "_codecs", "api", "banking", "handsets", "netids", "phones", "taxid", "wallets"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"linkview.identifiers.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0, f"{name} has no examples"
