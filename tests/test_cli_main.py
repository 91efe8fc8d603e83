"""The command-line entry point: dispatch, errors as messages, closed pipes."""

from __future__ import annotations

import subprocess
import sys


def test_closed_pipe_is_not_a_traceback():
    values = [f"8701{i:07d}" for i in range(20000)]
    proc = subprocess.Popen([sys.executable, "-m", "linkview", "normalize", "phone", *values],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()          # like `| head -1`
    err = proc.stderr.read().decode()
    proc.stderr.close()
    assert proc.wait(timeout=120) == 0
    assert first.startswith(b"raw")
    assert "Traceback" not in err


def test_errors_are_messages_with_exit_status_2(tmp_path):
    missing = tmp_path / "nothing.linkview"
    out = subprocess.run([sys.executable, "-m", "linkview", "cases", str(missing)],
                         capture_output=True, text=True)
    assert out.returncode == 2
    assert out.stderr.startswith("linkview: error:") and "Traceback" not in out.stderr
