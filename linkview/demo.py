"""The bundled demo: a small generated scenario of six cases, imported once into a workspace.

``ensure_demo_workspace()`` builds ``demo.linkview`` in the user's data folder from the files in
``linkview/data/demo`` (read through :mod:`importlib.resources`, so a packaged build finds them) and
reuses it afterwards. The workspace is built under a temporary name and renamed when complete, so a
half-built demo never appears; a demo built from other demo files (an older release) is rebuilt.

The files were written by ``python -m samples.generate linkview/data/demo --cases 6 --rows 200
--seed 4``; ``ground_truth.json`` next to them says which rings, hubs and SIM boxes were planted.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from linkview.errors import Cancelled, LinkViewError, WorkspaceError

__all__ = ["DEMO_NAME", "demo_files", "demo_manifest", "default_demo_path", "user_data_dir",
           "ensure_demo_workspace"]

DEMO_NAME = "demo.linkview"
_MARK = "demo_built"


def user_data_dir() -> Path:
    """The per-user data folder of LinkView (created on first use by the callers that write to it)."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "LinkView"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "LinkView"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "LinkView"


def default_demo_path() -> Path:
    return user_data_dir() / DEMO_NAME


def demo_files() -> Traversable:
    """The folder of bundled demo files (a Traversable: may live inside a zip in a packaged build)."""
    return resources.files("linkview").joinpath("data", "demo")


def demo_manifest() -> dict:
    """``manifest.json`` of the demo: cases, their titles and every file with its kind and format."""
    return json.loads(demo_files().joinpath("manifest.json").read_text(encoding="utf-8"))


def _fingerprint(manifest: dict) -> str:
    text = json.dumps(manifest, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(text).hexdigest()


def _is_complete(path: Path, fingerprint: str, n_cases: int) -> bool:
    """True when ``path`` is a demo workspace built from these very demo files."""
    from linkview.workspace import Workspace

    try:
        with Workspace.open(path) as ws:
            log = ws.audit_log()
            marks = log[log["action"] == _MARK]
            if not len(marks) or marks.iloc[-1]["detail"].get("fingerprint") != fingerprint:
                return False
            return len(ws.cases()) == n_cases
    except LinkViewError:
        return False


def _remove_one(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _remove(path: Path) -> None:
    """A workspace file and its SQLite side files."""
    for side in ("", "-wal", "-shm", "-journal"):
        _remove_one(path.with_name(path.name + side))


def _spec(entry: dict):
    from linkview.ingest import ImportSpec

    return ImportSpec(kind=entry["kind"], encoding=entry.get("encoding"), delimiter=entry.get("delimiter"),
                      header_row=entry.get("header_row"))


def _build(tmp: Path, manifest: dict, fingerprint: str, progress, should_cancel) -> None:
    from linkview.ingest import import_file
    from linkview.workspace import Workspace

    folder = demo_files()
    files = manifest["files"]
    total_rows = sum(max(1, f.get("rows", 1)) for f in files) or 1
    done = 0
    with Workspace.create(tmp) as ws:
        for info in manifest.get("case_info", [{"number": n, "title": ""} for n in manifest["cases"]]):
            ws.create_case(info["number"], info.get("title", ""))
        for entry in files:
            if should_cancel and should_cancel():
                raise Cancelled("building the demo workspace was cancelled")
            weight = max(1, entry.get("rows", 1))

            def step(fraction: float, message: str, _done=done, _w=weight, _name=entry["file"]) -> None:
                if progress:
                    progress(min(1.0, (_done + fraction * _w) / total_rows), f"{_name}: {message}")

            with resources.as_file(folder.joinpath(*entry["file"].split("/"))) as real:
                import_file(ws, real, case_number=entry["case"], spec=_spec(entry), progress=step,
                            should_cancel=should_cancel)
            done += weight
        ws.log(_MARK, {"fingerprint": fingerprint, "files": len(files), "cases": len(manifest["cases"])})


def ensure_demo_workspace(path: Path | None = None, *,
                          progress: Callable[[float, str], None] | None = None,
                          should_cancel: Callable[[], bool] | None = None) -> Path:
    """Build the demo workspace at ``path`` (default: the user data folder) unless it is already there.

    Returns the path of the workspace. A workspace at ``path`` that is not a complete demo built from
    the bundled files is replaced. Raises :class:`~linkview.errors.Cancelled` (leaving nothing behind)
    when ``should_cancel()`` turns true.
    """
    path = Path(path) if path is not None else default_demo_path()
    manifest = demo_manifest()
    fingerprint = _fingerprint(manifest)
    if path.exists() and _is_complete(path, fingerprint, len(manifest["cases"])):
        if progress:
            progress(1.0, "demo workspace ready")
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(f"cannot create folder {path.parent} for the demo workspace: {exc}") from exc
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    _remove(tmp)
    try:
        _build(tmp, manifest, fingerprint, progress, should_cancel)
        for side in ("-wal", "-shm", "-journal"):
            _remove_one(path.with_name(path.name + side))
        os.replace(tmp, path)
    except BaseException:
        _remove(tmp)
        raise
    _remove(tmp)
    if progress:
        progress(1.0, "demo workspace ready")
    return path
