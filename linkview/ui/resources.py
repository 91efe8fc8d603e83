"""The one way the window reaches its files: icons, translations and the style sheet.

The files live in ``resources/`` at the top of the source tree. They are found, in this order, in a
PyInstaller bundle (``sys._MEIPASS/resources``), inside an installed package (``linkview/resources``
through :mod:`importlib.resources`, for a wheel that force-includes the folder) and in the source
checkout (``<repository>/resources``).
"""

from __future__ import annotations

import functools
import importlib.resources
import sys
from pathlib import Path

from linkview.errors import LinkViewError

__all__ = ["resource_root", "resource_path", "icon", "kind_icon", "translation_file", "style_sheet",
           "LANGUAGES"]

#: Languages the window is translated to (English is the source language).
LANGUAGES = ("kk", "ru", "en")


def _candidates() -> list[Path]:
    found: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "resources")
    try:
        packaged = importlib.resources.files("linkview").joinpath("resources")
        if isinstance(packaged, Path):
            found.append(packaged)
    except ModuleNotFoundError:  # pragma: no cover - linkview is always importable here
        pass
    found.append(Path(__file__).resolve().parents[2] / "resources")
    return found


@functools.cache
def resource_root() -> Path:
    """The folder holding ``icons/``, ``translations/`` and ``style.qss``."""
    for candidate in _candidates():
        if (candidate / "icons").is_dir():
            return candidate
    raise LinkViewError("LinkView's resources folder is missing; reinstall the program")


def resource_path(*parts: str) -> Path:
    """A file below the resources folder (it may not exist: callers check)."""
    return resource_root().joinpath(*parts)


@functools.cache
def icon(name: str):
    """The QIcon drawn from ``icons/<name>.svg`` (an empty icon if there is no such file)."""
    from PySide6.QtGui import QIcon

    path = resource_path("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()


def kind_icon(kind: str):
    """The icon of an entity kind, or a question mark for a kind without one."""
    path = resource_path("icons", f"kind_{kind}.svg")
    return icon(f"kind_{kind}" if path.is_file() else "kind_unknown")


def translation_file(lang: str) -> Path | None:
    """The compiled ``.qm`` catalogue of a language, or None (English needs none)."""
    path = resource_path("translations", f"linkview_{lang}.qm")
    return path if path.is_file() else None


def style_sheet() -> str:
    """The application's Qt style sheet (empty when the file is absent)."""
    path = resource_path("style.qss")
    return path.read_text(encoding="utf-8") if path.is_file() else ""
