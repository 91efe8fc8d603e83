"""Architecture rules that must fail the build when broken (DESIGN.md, CONVENTIONS.md 1 and 3)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "linkview"
QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "qtpy")


def _imported_modules(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module


def test_only_ui_imports_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if rel.parts[0] == "ui":
            continue
        for lineno, module in _imported_modules(path):
            if module.split(".")[0] in QT_MODULES:
                offenders.append(f"linkview/{rel}:{lineno} imports {module}")
    assert offenders == [], "Qt imported outside linkview/ui:\n" + "\n".join(offenders)


def test_cli_help_does_not_load_heavy_libraries():
    code = (
        "import sys; import linkview.cli as c; c.build_parser();"
        "heavy = [m for m in ('pandas', 'networkx', 'sqlalchemy', 'PySide6', 'pyqtgraph', 'scipy', 'igraph')"
        " if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"linkview --help imports heavy libraries: {out.stdout.strip()}"


def test_help_lists_commands():
    out = subprocess.run([sys.executable, "-m", "linkview", "--help"], capture_output=True, text=True,
                         check=True)
    assert "usage: linkview" in out.stdout
