"""workspace layer of LinkView: persistence of cases, sources, entities, events and links.

SQLAlchemy Core on SQLite, one ``.linkview`` file per workspace. :class:`Workspace` is the only way in;
it knows nothing of file formats: ingest hands it an :class:`ImportBatch` (see ``batch.py``).

The batch dataclasses are light and imported eagerly; :class:`Workspace` (SQLAlchemy, pandas) loads on
first use so ``linkview --help`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from linkview.workspace.batch import (
    EVENT_COLUMNS,
    LINK_COLUMNS,
    REJECTED_COLUMNS,
    ImportBatch,
    ImportResult,
    SourceFile,
    empty_events,
    empty_links,
    empty_rejected,
)

if TYPE_CHECKING:
    from linkview.workspace.models import CaseInfo, SourceInfo
    from linkview.workspace.store import Workspace

__all__ = [
    "Workspace",
    "CaseInfo",
    "SourceInfo",
    "SourceFile",
    "ImportBatch",
    "ImportResult",
    "EVENT_COLUMNS",
    "LINK_COLUMNS",
    "REJECTED_COLUMNS",
    "empty_events",
    "empty_links",
    "empty_rejected",
]

_LAZY = {
    "Workspace": "linkview.workspace.store",
    "CaseInfo": "linkview.workspace.models",
    "SourceInfo": "linkview.workspace.models",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
