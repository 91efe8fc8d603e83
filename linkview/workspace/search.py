"""Finding entities from what a user typed: the identifier parser first, then substrings."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd
    from sqlalchemy.engine import Engine

__all__ = ["search", "parsed"]

_SEPARATORS = re.compile(r"[\s\-().]+")


def parsed(text: str) -> tuple[str, str] | None:
    """(kind, key) of ``text`` by ``linkview.identifiers.parse_entity``, or None when it cannot tell."""
    from linkview.errors import LinkViewError

    try:
        from linkview.identifiers import parse_entity
    except ImportError:
        return None
    try:
        ident = parse_entity(text)
    except (LinkViewError, ValueError, TypeError):
        return None
    if ident is None or not getattr(ident, "key", ""):
        return None
    return str(ident.kind), str(ident.key)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(engine: Engine, text: str, *, limit: int = 50) -> pd.DataFrame:
    """Entities for ``text``: id, kind, key, display, cases, match ("exact", "key", "substring", "variant")."""
    from linkview.workspace.engine import driver, read
    from linkview.workspace.queries import entities, frame

    text = str(text).strip()
    limit = max(int(limit), 0)
    found: dict[int, str] = {}
    if text and limit:
        ident = parsed(text)
        patterns = {_like(text), _like(text.casefold())}
        digits = _SEPARATORS.sub("", text)
        if digits != text and digits:
            patterns.add(_like(digits))
        if ident is not None:
            patterns.add(_like(ident[1]))
        with read(engine) as conn:
            cur = driver(conn)
            steps: list[tuple[str, str, tuple[Any, ...]]] = []
            if ident is not None:
                steps.append(("exact", "SELECT id FROM entities WHERE kind = ? AND key = ?", ident))
                steps.append(("key", "SELECT id FROM entities WHERE key = ? ORDER BY id", (ident[1],)))
            steps.append(("key", "SELECT id FROM entities WHERE key = ? ORDER BY id", (text,)))
            for pattern in sorted(patterns):
                steps.append(("substring", "SELECT id FROM entities WHERE key LIKE ? ESCAPE '\\' "
                              "OR display LIKE ? ESCAPE '\\' ORDER BY id", (pattern, pattern)))
            for pattern in sorted(patterns):
                steps.append(("variant", "SELECT DISTINCT entity_id FROM variants WHERE spelling LIKE ? "
                              "ESCAPE '\\' ORDER BY entity_id", (pattern,)))
            for match, sql, params in steps:
                if len(found) >= limit:
                    break
                for (entity_id,) in cur.execute(sql + " LIMIT ?", (*params, limit)):
                    found.setdefault(int(entity_id), match)
                    if len(found) >= limit:
                        break
    ids = list(found)
    if not ids:
        return frame([], (("id", "int"), ("kind", "text"), ("key", "text"), ("display", "text"),
                          ("cases", "raw"), ("match", "text")))
    ents = entities(engine, ids=ids).set_index("id").loc[ids].reset_index()
    out = ents[["id", "kind", "key", "display", "cases"]].copy()
    out["match"] = [found[i] for i in ids]
    return out
