"""Source rows behind entities: the answer to "why are these cases linked?" (DESIGN.md, provenance).

Analysis stays pure: :func:`linkview.analysis.rings` takes an ``evidence`` callback, and
:func:`evidence_lookup` makes one from an open workspace.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["entity_evidence", "evidence_lookup"]


def entity_evidence(ws: Any, entity_id: int, *, cases: Iterable[str] | None = None,
                    limit: int = 1000) -> list[dict[str, Any]]:
    """Where ``entity_id`` was seen: one item per (case, source file) with the row numbers.

    Each item is ``{"case", "file", "sha256", "source_id", "rows", "what"}``; ``rows`` are the 1-based row
    numbers a person sees when opening the file, sorted; ``what`` lists the event or link types of those
    rows. ``cases`` restricts to those case numbers. At most ``limit`` rows are read per entity.
    """
    prov = ws.provenance(int(entity_id), limit=limit)
    if prov is None or len(prov) == 0:
        return []
    if cases is not None:
        prov = prov[prov["case_number"].astype(str).isin({str(c) for c in cases})]
    out = []
    for (case, sid, file, sha), grp in prov.groupby(["case_number", "source_id", "file", "sha256"], sort=True):
        out.append({
            "case": str(case), "file": str(file), "sha256": str(sha), "source_id": int(sid),
            "rows": sorted({int(r) for r in grp["row"].dropna()}),
            "what": sorted({str(w) for w in grp["what"].dropna()}),
        })
    return out


def evidence_lookup(ws: Any, *, limit: int = 1000) -> Callable[[int, Iterable[str]], list[dict[str, Any]]]:
    """A callback ``f(entity_id, cases) -> [evidence items]`` over ``ws`` for the analysis functions."""

    def lookup(entity_id: int, cases: Iterable[str]) -> list[dict[str, Any]]:
        return entity_evidence(ws, entity_id, cases=cases, limit=limit)

    return lookup
