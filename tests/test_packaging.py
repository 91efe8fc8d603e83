"""The packaging spec, checked fast (CONVENTIONS.md 12).

The real build (``uv run --group build python packaging/build.py``) takes minutes and is not run here.
These tests compile ``build.spec``, run it against stand-ins for PyInstaller's classes, and check that
the data it bundles exists and covers every data file of the package.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "build.spec"
PACKAGING = REPO / "packaging"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle():
    return _load("linkview_bundle_under_test", PACKAGING / "bundle.py")


def test_spec_and_scripts_compile():
    for path in (SPEC, PACKAGING / "entry.py", PACKAGING / "build.py", PACKAGING / "bundle.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")


def test_required_data_exists(bundle):
    missing = [rel for rel in bundle.REQUIRED if not (REPO / rel).exists()]
    assert missing == []
    bundle.check_required(REPO)


def test_every_data_file_of_the_package_is_bundled(bundle):
    bundled = {Path(src).resolve().relative_to(REPO).as_posix(): dest for src, dest in bundle.data_files(REPO)}
    package_data = [
        p.relative_to(REPO).as_posix() for p in (REPO / "linkview").rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    ]
    assert package_data, "no data files found below linkview/"
    for rel in package_data:
        assert rel in bundled, f"{rel} is not bundled"
        assert bundled[rel] == Path(rel).parent.as_posix()
    for folder in ("linkview/identifiers/data", "linkview/analysis/data", "linkview/data/demo"):
        assert any(dest.startswith(folder) for dest in bundled.values()), folder
    assert bundled["linkview/ingest/aliases.json"] == "linkview/ingest"


def test_resources_go_where_the_window_looks(bundle):
    bundled = {Path(src).resolve().relative_to(REPO).as_posix(): dest for src, dest in bundle.data_files(REPO)}
    assert bundled["resources/style.qss"] == "resources"
    assert bundled["resources/icons/app.svg"] == "resources/icons"
    for lang in ("kk", "ru"):
        assert bundled[f"resources/translations/linkview_{lang}.qm"] == "resources/translations"
    assert not [rel for rel in bundled if rel.endswith(".ts")], "translation sources are not needed at run time"


def test_missing_data_fails_loudly(bundle, tmp_path):
    with pytest.raises(bundle.MissingData) as info:
        bundle.data_files(tmp_path)
    for rel in ("linkview/identifiers/data", "linkview/ingest/aliases.json", "linkview/data/demo", "resources/icons"):
        assert rel in str(info.value)


class _Recorder:
    """Stands in for PyInstaller's Analysis, PYZ, EXE and COLLECT, keeping what they were given."""

    made: list = []

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.kind = type(self).__name__
        _Recorder.made.append(self)
        if self.kind == "Analysis":
            self.datas = [(dest + "/" + Path(src).name, src, "DATA") for src, dest in kwargs["datas"]]
            self.datas += [("PySide6/Qt/translations/qtbase_ru.qm", "x", "DATA"),
                           ("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA")]
            self.pure, self.scripts, self.binaries = [], [], []


def _run_spec(monkeypatch, hiddenimports: list[str]) -> dict:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = lambda package: list(hiddenimports)
    for name, module in {"PyInstaller": types.ModuleType("PyInstaller"),
                         "PyInstaller.utils": types.ModuleType("PyInstaller.utils"),
                         "PyInstaller.utils.hooks": hooks}.items():
        monkeypatch.setitem(sys.modules, name, module)
    _Recorder.made = []
    namespace = {"SPECPATH": str(REPO), "__name__": "__main__", "__file__": str(SPEC)}
    for kind in ("Analysis", "PYZ", "EXE", "COLLECT"):
        namespace[kind] = type(kind, (_Recorder,), {})
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)  # noqa: S102
    return namespace


def test_spec_builds_one_folder_with_a_window_and_a_console_program(monkeypatch):
    ns = _run_spec(monkeypatch, ["linkview", "linkview.cli", "linkview.cli.workspace_cmds"])
    analysis = ns["a"]
    assert analysis.args[0] == [str(PACKAGING / "entry.py")]
    assert "linkview.cli.workspace_cmds" in analysis.kwargs["hiddenimports"]
    excludes = analysis.kwargs["excludes"]
    for name in ("tkinter", "matplotlib", "IPython", "PyQt5", "PyQt6"):
        assert name in excludes
    for needed in ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg", "PySide6.QtOpenGL"):
        assert needed not in excludes
    programs = {exe.kwargs["name"]: exe.kwargs for exe in _Recorder.made if exe.kind == "EXE"}
    assert programs["LinkView"]["console"] is False
    assert programs["linkview-cli"]["console"] is True
    assert all(p["exclude_binaries"] for p in programs.values()), "onedir: binaries go to the folder"
    (collect,) = [c for c in _Recorder.made if c.kind == "COLLECT"]
    assert collect.kwargs["name"] == "LinkView"
    dests = [entry[0] for entry in analysis.datas]
    assert "PySide6/Qt/translations/qtbase_ru.qm" in dests
    assert "PySide6/Qt/translations/qtbase_de.qm" not in dests
    assert "resources/style.qss" in dests
    assert "linkview/ingest/aliases.json" in dests


def test_spec_refuses_a_package_without_command_modules(monkeypatch):
    with pytest.raises(SystemExit, match="command modules"):
        _run_spec(monkeypatch, ["linkview", "linkview.cli"])


def test_command_modules_are_found_the_way_the_cli_finds_them():
    """linkview.cli discovers ``*_cmds`` modules with pkgutil; the spec collects every linkview module."""
    import pkgutil

    import linkview.cli as cli

    names = [m.name for m in pkgutil.iter_modules(cli.__path__) if m.name.endswith("_cmds")]
    assert names, "no command modules in linkview/cli"


def test_linkview_never_imports_what_the_spec_leaves_out(monkeypatch):
    """An import of an excluded module would only fail in the frozen program; catch it here."""
    import ast

    excludes = _run_spec(monkeypatch, ["linkview.cli.workspace_cmds"])["EXCLUDES"]
    offenders = []
    for path in (REPO / "linkview").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            else:
                continue
            for name in names:
                if any(name == ex or name.startswith(ex + ".") for ex in excludes):
                    offenders.append(f"{path.relative_to(REPO)}:{node.lineno} imports {name}")
    assert offenders == [], "excluded from the bundle but imported:\n" + "\n".join(offenders)
