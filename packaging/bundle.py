"""What the frozen LinkView must carry besides Python modules; shared by ``build.spec`` and the tests.

Plain Python on purpose (no PyInstaller import), so ``tests/test_packaging.py`` checks the same list the
build uses without running the build.

Every non-``.py`` file below ``linkview/`` is bundled at the same relative place, because the code reads
it through :mod:`importlib.resources` (``linkview/identifiers/data``, ``linkview/analysis/data``,
``linkview/ingest/aliases.json``, the demo case files in ``linkview/data/demo``). The top-level
``resources/`` folder (icons, compiled translations, style sheet) goes to ``<bundle>/resources``, where
``linkview/ui/resources.py`` looks first (``sys._MEIPASS/resources``). Translation sources (``.ts``) stay
behind: only the compiled ``.qm`` catalogues are read at run time.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["REQUIRED", "MissingData", "check_required", "data_files"]

#: Paths (relative to the repository) that must exist and be non-empty, or the build fails.
REQUIRED = (
    "linkview/identifiers/data",
    "linkview/analysis/data",
    "linkview/analysis/data/public_entities.csv",
    "linkview/ingest/aliases.json",
    "linkview/data/demo",
    "linkview/data/demo/manifest.json",
    "resources",
    "resources/icons",
    "resources/icons/app.svg",
    "resources/translations",
    "resources/translations/linkview_kk.qm",
    "resources/translations/linkview_ru.qm",
    "resources/style.qss",
)

#: Files that are never bundled (caches, translation sources, notes for translators).
_SKIP_SUFFIXES = (".py", ".pyc", ".pyo", ".ts")
_SKIP_DIRS = ("__pycache__",)
_SKIP_NAMES = ("README.md", ".DS_Store", "Thumbs.db")


class MissingData(RuntimeError):
    """A file or folder the frozen program needs is absent or empty."""


def check_required(root: Path) -> None:
    """Raise :class:`MissingData` naming every required path that is missing or empty."""
    problems = []
    for rel in REQUIRED:
        path = root / rel
        if not path.exists():
            problems.append(f"{rel}: missing")
        elif path.is_dir() and not any(p.is_file() for p in path.rglob("*")):
            problems.append(f"{rel}: empty folder")
        elif path.is_file() and path.stat().st_size == 0:
            problems.append(f"{rel}: empty file")
    if problems:
        raise MissingData("LinkView build: required data is missing:\n  " + "\n  ".join(problems))


def _wanted(rel: Path) -> bool:
    return (rel.suffix not in _SKIP_SUFFIXES and rel.name not in _SKIP_NAMES
            and not any(part in _SKIP_DIRS for part in rel.parts))


def data_files(root: Path) -> list[tuple[str, str]]:
    """``(source file, destination folder in the bundle)`` pairs for PyInstaller's ``datas``.

    Fails with :class:`MissingData` when a required path is absent, so a broken checkout never yields a
    bundle that only breaks on the investigator's machine.
    """
    root = Path(root).resolve()
    check_required(root)
    pairs: list[tuple[str, str]] = []
    for top in ("linkview", "resources"):
        for path in sorted((root / top).rglob("*")):
            rel = path.relative_to(root)
            if _wanted(rel) and path.is_file():
                pairs.append((str(path), rel.parent.as_posix()))
    return pairs
