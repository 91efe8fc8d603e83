"""Plain records the workspace returns for cases and sources."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["CaseInfo", "SourceInfo"]


@dataclass(frozen=True)
class CaseInfo:
    """A case and how much the workspace holds for it."""

    id: int
    number: str
    title: str
    notes: str
    created_at: str          # ISO 8601, UTC
    sources: int = 0
    events: int = 0
    links: int = 0
    entities: int = 0        # distinct entities seen in the case
    rejected: int = 0        # rejected-list entries (errors and warnings)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SourceInfo:
    """One imported file."""

    id: int
    case_id: int
    case_number: str
    name: str
    path: str
    sha256: str
    size: int
    kind: str
    spec: dict[str, Any] = field(default_factory=dict)
    encoding: str | None = None
    rows_total: int = 0
    rows_imported: int = 0
    rows_rejected: int = 0
    imported_by: str = ""
    imported_at: str = ""    # ISO 8601, UTC

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
