"""Hand-built workspaces for graph and analysis tests: events and links written as short tuples.

``add_file(ws, case, events=[...], links=[...])`` imports one "file" through ``Workspace.import_batch``
exactly as ingest would hand it over. An event is ``(etype, (a_kind, a_key), (b_kind, b_key), time,
extra)``, a link ``(ltype, (a_kind, a_key), (b_kind, b_key))``. Row numbers start at 2 (row 1 = header).
"""

from __future__ import annotations

import hashlib
from typing import Any

import pandas as pd

from linkview.workspace import ImportBatch, SourceFile, empty_events, empty_links, empty_rejected

_COUNTER = [0]


def _event(row: int, etype: str, a: tuple[str, str] | None, b: tuple[str, str] | None, time: str,
           extra: dict[str, Any] | None = None) -> dict[str, Any]:
    d: dict[str, Any] = {
        "row": row, "etype": etype, "time": pd.Timestamp(time),
        "a_kind": a[0] if a else "", "a_key": a[1] if a else "", "a_display": a[1] if a else "", "a_valid": True,
        "b_kind": b[0] if b else "", "b_key": b[1] if b else "", "b_display": b[1] if b else "", "b_valid": True,
        "dev_kind": "", "dev_key": "", "dev_display": "", "imsi_key": "", "imsi_display": "",
        "target": "", "direction": "", "duration": float("nan"), "amount": float("nan"), "currency": "",
        "asset": "", "tx_hash": "", "cell": "", "lat": float("nan"), "lon": float("nan"), "note": "",
    }
    d.update(extra or {})
    if d["dev_key"] and not d["dev_kind"]:
        d["dev_kind"] = "imei"
    d["dev_display"] = d["dev_display"] or d["dev_key"]
    d["imsi_display"] = d["imsi_display"] or d["imsi_key"]
    return d


def _frame(rows: list[dict[str, Any]], template: pd.DataFrame) -> pd.DataFrame:
    if not rows:
        return template
    frame = pd.DataFrame(rows, columns=list(template.columns))
    return frame.astype(dict(template.dtypes))


def add_file(ws: Any, case: str, *, events: list[tuple] = (), links: list[tuple] = (), name: str | None = None,
             kind: str = "calls") -> Any:
    """Import one file's events and links into ``case``; returns the ImportResult."""
    _COUNTER[0] += 1
    name = name or f"file{_COUNTER[0]}.csv"
    ev = [_event(i + 2, *e) for i, e in enumerate(events)]
    lk = []
    for i, (ltype, a, b) in enumerate(links):
        lk.append({"row": len(ev) + i + 2, "n": 1, "ltype": ltype, "a_kind": a[0], "a_key": a[1],
                   "a_display": a[1], "a_valid": True, "b_kind": b[0], "b_key": b[1], "b_display": b[1],
                   "b_valid": True, "first_time": pd.NaT, "last_time": pd.NaT})
    sha = hashlib.sha256(f"{case}/{name}/{_COUNTER[0]}".encode()).hexdigest()
    source = SourceFile(path=f"/evidence/{name}", name=name, sha256=sha, size=100, kind=kind, spec={},
                        encoding="utf-8", rows_total=len(ev) + len(lk))
    batch = ImportBatch(case_number=case, source=source, events=_frame(ev, empty_events()),
                        links=_frame(lk, empty_links()), rejected=empty_rejected())
    return ws.import_batch(batch)


def phone(n: int) -> tuple[str, str]:
    """A Kazakh mobile number key: phone(1) -> ("phone", "+77010000001")."""
    return ("phone", f"+7701{n:07d}")


def eid(ws: Any, ident: tuple[str, str]) -> int:
    found = ws.entity_id(*ident)
    assert found is not None, ident
    return int(found)
