"""Every import is one transaction: cancelled or killed imports leave the workspace as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from linkview.errors import Cancelled
from linkview.workspace import Workspace, blocks


def _state(ws):
    """Everything an import changes, as comparable values."""
    return {
        "cases": ws.cases(),
        "sources": ws.sources(),
        "entities": ws.entities()[["id", "kind", "key", "display"]].values.tolist(),
        "variants": ws.entities()["variants"].tolist(),
        "events": ws.events().values.tolist().__len__(),
        "event_ids": ws.events()["id"].tolist(),
        "links": len(ws.links()),
        "sightings": ws.sightings().values.tolist(),
        "rejected": len(ws.rejected()),
        "audit": ws.audit_log()["action"].tolist(),
    }


def test_cancel_after_first_chunk_rolls_back(ws, batch_a, synth, monkeypatch):
    monkeypatch.setattr(blocks, "BLOCK_ROWS", 500)   # events are written one block at a time
    ws.import_batch(batch_a())
    before = _state(ws)
    chunks = []

    def progress(fraction, message):
        if message.startswith("events"):
            chunks.append(message)

    big = synth.calls_batch(3_000, 400, seed=3, case="2024-001")
    with pytest.raises(Cancelled):
        ws.import_batch(big, progress=progress, should_cancel=lambda: len(chunks) >= 1)
    assert chunks == ["events 500/3,000"]
    assert _state(ws) == before
    assert ws.integrity_check() == []
    # and the same batch imports completely afterwards
    res = ws.import_batch(big)
    assert res.events == 3_000 and len(ws.events()) == 3_003
    assert ws.integrity_check() == []
    ev = ws.events()
    ev = ev[ev["source_id"] == res.source_id]
    assert ev["id"].tolist() == list(range(4, 3_004))      # six blocks, one id range
    assert ev["row"].tolist() == big.events["row"].tolist()


def test_cancel_before_writing(ws, batch_a):
    with pytest.raises(Cancelled):
        ws.import_batch(batch_a(), should_cancel=lambda: True)
    assert ws.cases() == [] and ws.audit_log()["action"].tolist() == ["create"]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_import_leaves_the_workspace_as_before(tmp_path, batch_a, synth):
    path = tmp_path / "crash.linkview"
    with Workspace.create(path) as ws:
        ws.import_batch(batch_a())
        before = _state(ws)
    marker = tmp_path / "writing"
    child = subprocess.Popen([sys.executable, str(synth.__file__), "crash", str(path), str(marker), "60000"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300
        while not marker.exists():
            if child.poll() is not None:
                out, err = child.communicate()
                pytest.fail(f"the import child ended early ({child.returncode}): {err.decode()[-2000:]}")
            if time.monotonic() > deadline:
                pytest.fail("the import child never started writing")
            time.sleep(0.05)
        wal = tmp_path / "crash.linkview-wal"
        assert wal.exists() and wal.stat().st_size > 0  # uncommitted pages are on disk
        os.kill(child.pid, signal.SIGKILL)
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate()
    assert child.returncode == -signal.SIGKILL
    with Workspace.open(path) as ws:
        assert ws.integrity_check() == []
        assert _state(ws) == before
        res = ws.import_batch(synth.calls_batch(2_000, 300, seed=7, case="2024-CRASH"))
        assert res.events == 2_000


def test_readers_see_the_state_before_an_import_in_progress(ws, batch_a, synth, monkeypatch):
    """The window keeps reading while a worker thread imports: it sees the old state, never half of one."""
    import threading

    monkeypatch.setattr(blocks, "BLOCK_ROWS", 500)
    ws.import_batch(batch_a())
    before = _state(ws)
    writing, release = threading.Event(), threading.Event()
    errors = []

    def progress(fraction, message):
        if message.startswith("events") and not writing.is_set():
            writing.set()
            if not release.wait(60):
                raise RuntimeError("the test never released the import")

    def run():
        try:
            ws.import_batch(synth.calls_batch(2_000, 300, seed=5, case="2024-003"), progress=progress)
        except Exception as exc:  # handed to the main thread below
            errors.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    try:
        assert writing.wait(60)
        assert _state(ws) == before
    finally:
        release.set()
        worker.join(60)
    assert not errors
    assert [c.number for c in ws.cases()] == ["2024-001", "2024-003"]
    assert len(ws.events()) == 2_003
