"""import_file: read_file + Workspace.import_batch in one transaction."""

from __future__ import annotations

import pytest

from linkview.errors import Cancelled, DuplicateSourceError
from linkview.ingest import import_file

TEXT = ("Детализация абонента +7 701 123 45 67\n"
        "Дата и время;Абонент А;Абонент Б;Длительность;Тип;IMEI\n"
        "03.04.2024 10:11:12;+77011234567;87051112233;65;Исх;356938035643809\n"
        "03.04.2024 11:00:00;87051112233;87011234567;10;Вх;356938035643809\n"
        "03.04.1980 11:00:00;87051112233;87011234567;10;Вх;356938035643809\n")


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


def _big_calls_file(path, rows):
    """``rows`` call rows of one target, numbers and times vectorised; row 240,003 has a bad date and row
    249,000 a cell too many (returned: the file row numbers of those two)."""
    import numpy as np
    import pandas as pd

    i = np.arange(rows)
    when = pd.Series(np.datetime64("2024-01-01T00:00:00") + (i * 7).astype("timedelta64[s]"))
    text = when.dt.strftime("%d.%m.%Y %H:%M:%S").to_numpy(dtype=object)
    other = np.char.add("8705", np.char.zfill((i % 50_000).astype(str), 7)).astype(object)
    lines = pd.Series(text) + ";87011234567;" + pd.Series(other) + ";" + pd.Series((i % 300).astype(str)) + ";Исх"
    lines = lines.to_numpy(dtype=object)
    bad_date, too_many = 240_001, 248_998            # positions; the file rows are 2 further down
    lines[bad_date] = "31.13.2024 25:00:00;87011234567;87050000001;5;Исх"
    lines[too_many] = lines[too_many] + ";extra"
    path.write_text("Дата и время;Абонент А;Абонент Б;Длительность;Тип\n" + "\n".join(lines) + "\n",
                    encoding="utf-8")
    return bad_date + 2, too_many + 2


@pytest.mark.slow
def test_every_row_of_a_big_file_opens_its_source_row(ws, tmp_path):
    path = tmp_path / "big.csv"
    bad_date, too_many = _big_calls_file(path, 250_000)
    result = import_file(ws, path, case_number="1")
    assert result.events == 250_000 - 2 and result.rejected_errors == 2
    assert ws.source_row(result.source_id, 2) == {"Дата и время": "01.01.2024 00:00:00", "Абонент А": "87011234567",
                                                  "Абонент Б": "87050000000", "Длительность": "0", "Тип": "Исх"}
    # far beyond 200,000 rows: an imported row, the row with a bad date and the row with a cell too many
    row = 230_457
    i = row - 2
    assert ws.source_row(result.source_id, row) == {
        "Дата и время": (pd_time(i * 7)), "Абонент А": "87011234567", "Абонент Б": f"8705{i % 50_000:07d}",
        "Длительность": str(i % 300), "Тип": "Исх"}
    assert ws.source_row(result.source_id, bad_date)["Дата и время"] == "31.13.2024 25:00:00"
    assert ws.source_row(result.source_id, too_many)["#6"] == "extra"
    assert ws.source_row(result.source_id, 250_001)["Абонент Б"] == f"8705{249_999 % 50_000:07d}"
    assert ws.source_row(result.source_id, 250_002) is None
    # the rows behind a link and behind an entity's provenance open too
    callee = ws.entity_id("phone", f"+77050{(i % 50_000):06d}"[:12])
    prov = ws.provenance(callee)
    assert row in prov["row"].tolist()
    assert all(ws.source_row(result.source_id, r) for r in prov["row"].tolist()[-3:])


def pd_time(seconds):
    import pandas as pd

    return (pd.Timestamp("2024-01-01") + pd.Timedelta(seconds=int(seconds))).strftime("%d.%m.%Y %H:%M:%S")


def test_one_phone_written_three_ways_is_one_entity_with_three_variants(ws, write):
    text = ("Дата и время;Абонент А;Абонент Б;Длительность;Тип\n"
            "03.04.2024 10:11:12;8 (701) 555-12-34;87051112233;65;Исх\n"
            "03.04.2024 11:00:00;87015551234;87051112233;10;Исх\n"
            "03.04.2024 12:00:00;+7 701 555 12 34;8 705 111 22 33;10;Исх\n"
            "03.04.2024 13:00:00;87015551234;+77051112233;10;Исх\n")
    result = import_file(ws, write("three.csv", text), case_number="1")
    assert result.events == 4
    phones = ws.entities(kinds=["phone"]).set_index("key")
    assert sorted(phones.index) == ["+77015551234", "+77051112233"]
    assert phones.loc["+77015551234", "display"] == "+7 701 555 12 34"
    assert sorted(phones.loc["+77015551234", "variants"]) == ["+7 701 555 12 34", "8 (701) 555-12-34", "87015551234"]
    assert sorted(phones.loc["+77051112233", "variants"]) == ["+7 705 111 22 33", "+77051112233", "8 705 111 22 33",
                                                               "87051112233"]
    # the search box finds the number by any spelling seen
    assert ws.search("8 (701) 555-12-34")["key"].iloc[0] == "+77015551234"
    # a second file adds its own spellings to the same entity, once each
    again = text.replace("8 (701) 555-12-34", "7015551234").replace(";65;", ";66;")
    import_file(ws, write("again.csv", again), case_number="2")
    variants = ws.entities(kinds=["phone"]).set_index("key").loc["+77015551234", "variants"]
    assert sorted(variants) == ["+7 701 555 12 34", "7015551234", "8 (701) 555-12-34", "87015551234"]
    assert len(variants) == len(set(variants))
