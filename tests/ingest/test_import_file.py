"""import_file: read_file + Workspace.import_batch in one transaction."""

from __future__ import annotations

import pytest

from linkview.errors import Cancelled, DuplicateSourceError
from linkview.ingest import import_file
from linkview.workspace import Workspace

TEXT = ("Детализация абонента +7 701 123 45 67\n"
        "Дата и время;Абонент А;Абонент Б;Длительность;Тип;IMEI\n"
        "03.04.2024 10:11:12;+77011234567;87051112233;65;Исх;356938035643809\n"
        "03.04.2024 11:00:00;87051112233;87011234567;10;Вх;356938035643809\n"
        "03.04.1980 11:00:00;87051112233;87011234567;10;Вх;356938035643809\n")


@pytest.fixture
def ws(tmp_path):
    w = Workspace.create(tmp_path / "t.linkview")
    yield w
    w.close()


def test_import_file_stores_events_links_rejected_and_source(ws, write):
    path = write("det.csv", TEXT, encoding="cp1251")
    phases = []
    result = import_file(ws, path, case_number="241750031001123", case_title="Мошенничество OLX",
                         progress=lambda f, m: phases.append((round(f, 3), m)))
    assert (result.events, result.links, result.rejected_errors, result.rejected_warnings) == (2, 1, 1, 0)
    fractions = [f for f, _ in phases]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any(m.startswith("reading") for _, m in phases) and any(m.startswith("normalising") for _, m in phases)
    assert (0.8, "storing 2 events") in phases
    [src] = ws.sources()
    assert (src.name, src.kind, src.rows_total, src.encoding) == ("det.csv", "calls", 3, "cp1251")
    import hashlib

    assert src.sha256 == hashlib.sha256(path.read_bytes()).hexdigest() and src.size == path.stat().st_size
    assert src.spec["target"] == "+77011234567"
    rej = ws.rejected()
    assert rej[["row", "column", "severity"]].values.tolist() == [[5, "Дата и время", "error"]]
    case = ws.case("241750031001123")
    assert case.title == "Мошенничество OLX" and case.events == 2
    with pytest.raises(DuplicateSourceError):
        import_file(ws, path, case_number="241750031001123")


def test_cancel_leaves_nothing(ws, write):
    path = write("det.csv", TEXT, encoding="cp1251")
    calls = {"n": 0}

    def cancel_while_storing():
        calls["n"] += 1
        return calls["n"] > 6

    with pytest.raises(Cancelled):
        import_file(ws, path, case_number="1", should_cancel=cancel_while_storing)
    assert ws.sources() == [] and ws.events().empty
