"""Source rows behind entities: the answer to "why are these cases linked?" (DESIGN.md, provenance).

Analysis stays pure: :func:`linkview.analysis.rings` takes an ``evidence`` callback, and
:func:`evidence_lookup` makes one from an open workspace.

Two paths give the same items:

- :func:`entity_evidence`: one entity at a time through ``ws.provenance`` (one query and one scan of the
  entity's sources per entity): the reference, fine for the inspector of one entity;
- :func:`evidence_many`: every requested entity at once, from one ``ws.sightings`` pass, one
  ``ws.events`` read restricted to those entities (and their cases) and one ``ws.links`` read, grouped
  with numpy on integer codes: what the ring search uses (``EvidenceLookup.many``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

__all__ = ["EvidenceLookup", "entity_evidence", "evidence_lookup", "evidence_many"]

#: at most this many row numbers per (entity, case, file) item; ``rows_total`` gives the full count
MAX_ROWS = 1000


def entity_evidence(ws: Any, entity_id: int, *, cases: Iterable[str] | None = None,
                    limit: int = 1000) -> list[dict[str, Any]]:
    """Where ``entity_id`` was seen: one item per (case, source file) with the row numbers.

    Each item is ``{"case", "file", "sha256", "source_id", "rows", "rows_total", "what"}``; ``rows`` are the
    1-based row numbers a person sees when opening the file, sorted; ``what`` lists the event or link
    types of those rows. ``cases`` restricts to those case numbers. At most ``limit`` rows are read per
    entity (``rows_total`` counts the rows read).
    """
    prov = ws.provenance(int(entity_id), limit=limit)
    if prov is None or len(prov) == 0:
        return []
    if cases is not None:
        prov = prov[prov["case_number"].astype(str).isin({str(c) for c in cases})]
    out = []
    for (case, sid, file, sha), grp in prov.groupby(["case_number", "source_id", "file", "sha256"], sort=True):
        rows = sorted({int(r) for r in grp["row"].dropna()})
        out.append({
            "case": str(case), "file": str(file), "sha256": str(sha), "source_id": int(sid),
            "rows": rows, "rows_total": len(rows),
            "what": sorted({str(w) for w in grp["what"].dropna()}),
        })
    return out


def evidence_many(ws: Any, requests: Sequence[tuple[int, Iterable[str] | None]], *,
                  max_rows: int = MAX_ROWS) -> list[list[dict[str, Any]]]:
    """:func:`entity_evidence` for many ``(entity_id, case numbers or None)`` requests in a few bulk reads.

    Returns one list of items per request, in order, each item as :func:`entity_evidence` gives it
    (sorted by case number, then source), except that ``rows`` holds at most ``max_rows`` row numbers per
    item (the first ones) while ``rows_total`` counts them all.
    """
    import numpy as np
    import pandas as pd

    requests = [(int(e), None if c is None else {str(x) for x in c}) for e, c in requests]
    if not requests:
        return []
    ids = sorted({e for e, _ in requests})
    case_id_of = {str(c.number): int(c.id) for c in ws.cases()}
    number_of = {v: k for k, v in case_id_of.items()}
    # wanted (entity, case id) pairs; an entity asked for with cases=None wants all of its cases
    si = ws.sightings(entity_ids=ids)
    if si.empty:
        return [[] for _ in requests]
    want_all = {e for e, c in requests if c is None}
    wanted: set[tuple[int, int]] = set()
    for e, cs in requests:
        if cs is not None:
            wanted.update((e, case_id_of[c]) for c in cs if c in case_id_of)
    s_ent = si["entity_id"].to_numpy(dtype=np.int64)
    s_case = si["case_id"].to_numpy(dtype=np.int64)
    keep = np.fromiter(((e in want_all) or ((e, c) in wanted) for e, c in zip(s_ent.tolist(), s_case.tolist(),
                                                                              strict=True)), dtype=bool,
                       count=len(si))
    if not keep.any():
        return [[] for _ in requests]
    case_scope = sorted({int(c) for c in s_case[keep]})
    ent_scope = sorted({int(e) for e in s_ent[keep]})

    # every (entity, source, row, type) naming one of the entities, events (any role) and links (a or b)
    ev = ws.events(case_ids=case_scope, entity_ids=ent_scope)
    lk = ws.links(case_ids=case_scope, entity_ids=ent_scope)
    wanted_ids = np.asarray(ent_scope, dtype=np.int64)
    ent_parts, src_parts, row_parts, what_parts = [], [], [], []
    what_codes: dict[str, int] = {}

    def code_of(values: Any) -> np.ndarray:
        codes, uniques = pd.factorize(pd.Series(values, dtype=object).fillna(""), sort=False)
        remap = np.array([what_codes.setdefault(str(u), len(what_codes)) for u in uniques], dtype=np.int64)
        return remap[codes] if len(codes) else np.zeros(0, dtype=np.int64)

    for frame, columns, type_column in ((ev, ("a_id", "b_id", "dev_id", "imsi_id"), "etype"),
                                        (lk, ("a_id", "b_id"), "ltype")):
        if frame.empty:
            continue
        src = frame["source_id"].to_numpy(dtype=np.int64)
        row = frame["row"].to_numpy(dtype=np.int64)
        kind = code_of(frame[type_column].to_numpy(dtype=object))
        for column in columns:
            if column not in frame:
                continue
            who = frame[column].to_numpy(dtype=np.float64, na_value=np.nan)
            who = np.where(np.isnan(who), -1, who).astype(np.int64)
            hit = np.isin(who, wanted_ids)
            ent_parts.append(who[hit])
            src_parts.append(src[hit])
            row_parts.append(row[hit])
            what_parts.append(kind[hit])
    if not ent_parts:
        return [[] for _ in requests]
    ent = np.concatenate(ent_parts)
    src = np.concatenate(src_parts)
    row = np.concatenate(row_parts)
    what = np.concatenate(what_parts)

    # the file, hash and case of every source; keep the (entity, case) pairs asked for
    info = {int(s.id): (str(s.case_number), str(s.name), str(s.sha256), int(s.case_id)) for s in ws.sources()}
    max_src = int(src.max()) + 1
    src_case = np.full(max_src, -1, dtype=np.int64)
    for sid, (_, _, _, cid) in info.items():
        if sid < max_src:
            src_case[sid] = cid
    case = src_case[src]
    pair_ok = np.fromiter(((e in want_all) or ((e, c) in wanted)
                           for e, c in zip(ent.tolist(), case.tolist(), strict=True)), dtype=bool, count=len(ent))
    ent, src, row, what, case = ent[pair_ok], src[pair_ok], row[pair_ok], what[pair_ok], case[pair_ok]

    # order: entity, case number (as text), source, row; case numbers ranked once
    numbers = sorted({number_of.get(int(c), "") for c in np.unique(case).tolist()})
    rank = {n: i for i, n in enumerate(numbers)}
    max_case = int(case.max()) + 1 if len(case) else 1
    case_rank = np.zeros(max_case, dtype=np.int64)
    for c in np.unique(case).tolist():
        case_rank[c] = rank[number_of.get(int(c), "")]
    order = np.lexsort((row, src, case_rank[case], ent))
    ent, src, row, what, case = ent[order], src[order], row[order], what[order], case[order]
    n = len(ent)
    group_start = np.r_[True, (ent[1:] != ent[:-1]) | (src[1:] != src[:-1])] if n else np.zeros(0, bool)
    new_row = np.r_[True, (row[1:] != row[:-1])] if n else np.zeros(0, bool)
    distinct = group_start | new_row
    starts = np.flatnonzero(group_start)
    ends = np.r_[starts[1:], n]
    names = [""] * len(what_codes)
    for word, code in what_codes.items():
        names[code] = word

    by_entity: dict[int, list[dict[str, Any]]] = {}
    ent_l, src_l, case_l = ent.tolist(), src.tolist(), case.tolist()
    for s_, e_ in zip(starts.tolist(), ends.tolist(), strict=True):
        rows_g = row[s_:e_][distinct[s_:e_]]
        sid = src_l[s_]
        number, file, sha, _ = info.get(sid, (number_of.get(case_l[s_], ""), "", "", case_l[s_]))
        kinds = sorted({names[k] for k in np.unique(what[s_:e_]).tolist()} - {""})
        by_entity.setdefault(ent_l[s_], []).append({
            "case": number, "file": file, "sha256": sha, "source_id": int(sid),
            "rows": rows_g[:max(int(max_rows), 0)].tolist(), "rows_total": int(len(rows_g)), "what": kinds,
        })
    out = []
    for e, cs in requests:
        items = by_entity.get(e, [])
        out.append([dict(i) for i in items if cs is None or i["case"] in cs])
    return out


class EvidenceLookup:
    """The ``evidence`` callback of :func:`linkview.analysis.rings` over an open workspace.

    Calling it, ``lookup(entity_id, cases)``, gives one entity's items (:func:`entity_evidence`);
    ``lookup.many([(entity_id, cases), ...])`` gives every entity's at once (:func:`evidence_many`), which
    the ring search prefers when the callback has it.
    """

    def __init__(self, ws: Any, *, limit: int = 1000, max_rows: int = MAX_ROWS):
        self.ws = ws
        self.limit = limit
        self.max_rows = max_rows

    def __call__(self, entity_id: int, cases: Iterable[str]) -> list[dict[str, Any]]:
        return entity_evidence(self.ws, entity_id, cases=cases, limit=self.limit)

    def many(self, requests: Sequence[tuple[int, Iterable[str] | None]]) -> list[list[dict[str, Any]]]:
        return evidence_many(self.ws, requests, max_rows=self.max_rows)


def evidence_lookup(ws: Any, *, limit: int = 1000,
                    max_rows: int = MAX_ROWS) -> Callable[[int, Iterable[str]], list[dict[str, Any]]]:
    """A callback ``f(entity_id, cases) -> [evidence items]`` over ``ws`` for the analysis functions,
    with a batched ``f.many(requests)`` (see :class:`EvidenceLookup`)."""
    return EvidenceLookup(ws, limit=limit, max_rows=max_rows)
