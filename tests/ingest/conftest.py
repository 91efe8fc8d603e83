"""Helpers for the ingest tests: small files written in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def write(tmp_path: Path):
    """write(name, text, encoding="utf-8", newline="\\r\\n") -> path of a text file in tmp_path."""

    def _write(name: str, text: str, encoding: str = "utf-8", newline: str = "\r\n") -> Path:
        p = tmp_path / name
        data = text.replace("\n", newline).encode(encoding)
        p.write_bytes(data)
        return p

    return _write


@pytest.fixture
def ws(tmp_path: Path):
    """A new workspace in tmp_path, closed after the test."""
    from linkview.workspace import Workspace

    w = Workspace.create(tmp_path / "t.linkview")
    yield w
    w.close()


@pytest.fixture
def by_row():
    """by_row(batch) -> {row: [(column, severity, reason)]} of a batch's rejected frame."""

    def _by_row(batch) -> dict[int, list[tuple[str, str, str]]]:
        out: dict[int, list[tuple[str, str, str]]] = {}
        for r in batch.rejected.itertuples():
            out.setdefault(int(r.row), []).append((r.column, r.severity, r.reason))
        return out

    return _by_row
