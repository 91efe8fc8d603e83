"""One exception hierarchy for LinkView.

Every error the program raises on purpose is a :class:`LinkViewError`, so the CLI and the
window can show its message to the user instead of a traceback.
"""

from __future__ import annotations

__all__ = [
    "LinkViewError",
    "InputError",
    "UnknownKindError",
    "WorkspaceError",
    "SchemaVersionError",
    "DuplicateSourceError",
    "CaseNotFound",
    "EntityNotFound",
    "Cancelled",
    "AnalysisError",
    "NoPath",
    "ExportError",
]


class LinkViewError(Exception):
    """Base class of every error LinkView raises on purpose."""


class InputError(LinkViewError):
    """A file or a value in it cannot be used. Names the file, row and column where known."""

    def __init__(self, message: str, *, file: str | None = None, row: int | None = None,
                 column: str | None = None):
        self.file, self.row, self.column = file, row, column
        where = []
        if file:
            where.append(str(file))
        if row is not None:
            where.append(f"row {row}")
        if column:
            where.append(f"column {column!r}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)
        self.reason = message


class UnknownKindError(LinkViewError, ValueError):
    """An identifier kind that LinkView does not know."""


class WorkspaceError(LinkViewError):
    """The workspace cannot be opened, read or written."""


class SchemaVersionError(WorkspaceError):
    """The workspace was written by a newer LinkView than this one."""


class DuplicateSourceError(WorkspaceError):
    """The same file (same SHA-256) was already imported into this case."""


class CaseNotFound(WorkspaceError, KeyError):
    """No case with that number in the workspace."""

    def __str__(self) -> str:  # KeyError quotes its message; keep it readable
        return str(self.args[0]) if self.args else "case not found"


class EntityNotFound(LinkViewError, KeyError):
    """No entity matches what the user wrote."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "entity not found"


class Cancelled(LinkViewError):
    """The user cancelled a long operation; nothing it was doing was kept."""


class AnalysisError(LinkViewError):
    """An analysis cannot run on this graph or with these arguments."""


class NoPath(AnalysisError):
    """No path joins the two entities within the limits given."""


class ExportError(LinkViewError):
    """An export cannot be written."""
