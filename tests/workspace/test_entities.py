"""Entities, variants and sightings stored by imports equal a plain row-by-row model of the rules.

Random batches exercise what the vectorised code takes shortcuts for: Categorical and plain text columns
(a and b sharing one set of categories, as ingest hands them over, with "" among them; a display numbered
like its key), a kind column with one kind and one with several, a key under two kinds, empty and missing
displays, displays that differ only in spelling, raw spellings equal to the display or the key, repeated
rows, missing times, and a second import that meets entities already stored under another display.
"""

from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd
import pytest

from linkview.workspace import ImportBatch, SourceFile, Workspace, empty_rejected
from linkview.workspace.batch import EVENT_COLUMNS
from linkview.workspace.entities import ROLES

NAT = np.datetime64("NaT", "ns")


def _spelled(rng: np.random.Generator, values: np.ndarray, forms: list) -> np.ndarray:
    pick = rng.integers(0, len(forms), len(values))
    return np.array([forms[i](v) for i, v in zip(pick.tolist(), values.tolist(), strict=True)], dtype=object)


def _text_column(rng: np.random.Generator, values: np.ndarray, categories: list | None = None) -> pd.Series:
    """``values`` (None = missing) as plain text or as a Categorical, over ``categories`` when given."""
    if categories is not None:
        codes = pd.Index(categories).get_indexer(values)
        return pd.Series(pd.Categorical.from_codes(codes, categories=categories))
    if rng.random() < 0.5:
        return pd.Series(pd.Categorical(values))
    return pd.Series(values, dtype=object).astype("str")


def _batch(seed: int, n_events: int, n_links: int, *, name: str, case: str = "C-1",
           repeat_rows: bool = False) -> ImportBatch:
    rng = np.random.default_rng(seed)
    phones = np.array([f"+7701{n:07d}" for n in rng.choice(10**7, 40, replace=False)], dtype=object)
    shared = phones[:3]                       # these keys are also short codes of kind "service"
    display = {k: f"{k[:2]} {k[2:5]} {k[5:8]} {k[8:10]} {k[10:]}" for k in phones}
    forms = [lambda k: k, lambda k: "8" + k[2:], lambda k: display[k], lambda k: k[2:], lambda k: None,
             lambda k: ""]

    def party(n: int, mixed: bool) -> tuple[np.ndarray, ...]:
        keys = phones[rng.integers(0, len(phones), n)].astype(object)
        kinds = np.full(n, "phone", dtype=object)
        if mixed:
            svc = rng.random(n) < 0.15
            keys[svc] = shared[rng.integers(0, len(shared), int(svc.sum()))]
            kinds[svc] = "service"
        shown = np.array([display[k] for k in keys], dtype=object)
        odd = rng.random(n)
        shown[odd < 0.08] = "(" + keys[odd < 0.08] + ")"            # another display of the same key
        shown[(odd >= 0.08) & (odd < 0.14)] = ""                      # no display: the key is shown
        shown[(odd >= 0.14) & (odd < 0.18)] = None
        empty = rng.random(n) < 0.05
        keys[empty], kinds[empty], shown[empty] = "", "", ""
        raw = _spelled(rng, np.where(empty, phones[0], keys), forms)
        return keys, kinds, shown, raw

    a_key, a_kind, a_disp, a_raw = party(n_events, mixed=True)
    b_key, b_kind, b_disp, b_raw = party(n_events, mixed=False)
    words = sorted({w for w in np.concatenate([a_key, b_key, a_disp, b_disp]).tolist() if w is not None})
    shared_cats = rng.random() < 0.5         # ingest: one set of categories for both parties
    ev = pd.DataFrame({
        "row": np.sort(rng.integers(2, 2 + n_events // 2, n_events)) if repeat_rows
        else np.arange(2, 2 + n_events) * 2,
        "etype": pd.array(rng.choice(["call", "sms"], n_events), dtype=str),
        "time": np.where(rng.random(n_events) < 0.1, NAT,
                         np.datetime64("2024-01-01", "ns") + rng.integers(0, 10**6, n_events).astype("m8[s]")),
    })
    for role, key, kind, shown, raw in (("a", a_key, a_kind, a_disp, a_raw), ("b", b_key, b_kind, b_disp, b_raw)):
        cats = words if shared_cats else None
        ev[f"{role}_kind"] = _text_column(rng, kind)
        ev[f"{role}_key"] = _text_column(rng, key, cats)
        ev[f"{role}_display"] = _text_column(rng, shown, cats)
        if role == "b" and not shared_cats:   # ingest's phones: the display numbered like the key it is made of
            codes, uniques = pd.factorize(key)
            ev["b_key"] = pd.Categorical.from_codes(codes, categories=uniques)
            ev["b_display"] = pd.Categorical.from_codes(codes, categories=[display.get(k, "") for k in uniques])
        ev[f"{role}_valid"] = rng.random(n_events) < 0.9
        ev[f"{role}_raw"] = _text_column(rng, raw)
    imeis = np.array([f"35{n:012d}" for n in rng.choice(10**6, 4, replace=False)], dtype=object)
    dev = np.where(rng.random(n_events) < 0.6, imeis[rng.integers(0, 4, n_events)], "").astype(object)
    ev["dev_kind"] = _text_column(rng, np.where(dev != "", "imei", ""))
    ev["dev_key"] = _text_column(rng, dev)
    ev["dev_display"] = _text_column(rng, np.where(rng.random(n_events) < 0.2, dev + "0", dev))
    ev["dev_valid"] = pd.array(np.where(rng.random(n_events) < 0.2, None, rng.random(n_events) < 0.7),
                               dtype="boolean")
    ev["dev_raw"] = pd.Series(np.where(dev != "", dev + "9", None), dtype=object).astype("str")
    ev["dev_note"] = pd.Series(np.where(rng.random(n_events) < 0.5, "note " + dev, ""), dtype="str")
    imsi = np.where(rng.random(n_events) < 0.5, "40101" + pd.Series(dev, dtype=str).str[-10:], "").astype(object)
    imsi[imsi == "40101"] = ""
    ev["imsi_key"] = _text_column(rng, imsi)
    ev["imsi_display"] = _text_column(rng, imsi)
    for col in EVENT_COLUMNS:
        if col not in ev.columns:
            ev[col] = np.nan if col in ("duration", "amount", "lat", "lon") else ""
    for col in ("target", "direction", "currency", "asset", "tx_hash", "cell", "note"):
        ev[col] = ev[col].astype(str)

    lk_rows = rng.choice(ev["row"].to_numpy(), n_links) if n_events else np.arange(2, 2 + n_links)
    l_a = phones[rng.integers(0, len(phones), n_links)]
    l_b = imeis[rng.integers(0, len(imeis), n_links)]
    t0 = np.datetime64("2024-01-01", "ns") + rng.integers(0, 10**6, n_links).astype("m8[s]")
    links = pd.DataFrame({
        "row": lk_rows.astype(np.int64), "n": np.ones(n_links, dtype=np.int64),
        "ltype": pd.array(["sim_in_handset"] * n_links, dtype=str),
        "a_kind": pd.array(["phone"] * n_links, dtype=str), "a_key": pd.array(l_a, dtype=str),
        "a_display": pd.array([display[k] if i % 3 else "" for i, k in enumerate(l_a)], dtype=str),
        "a_valid": np.ones(n_links, dtype=bool),
        "b_kind": pd.array(["imei"] * n_links, dtype=str), "b_key": pd.array(l_b, dtype=str),
        "b_display": pd.array(l_b, dtype=str), "b_valid": np.ones(n_links, dtype=bool),
        "first_time": np.where(rng.random(n_links) < 0.2, NAT, t0),
        "last_time": np.where(rng.random(n_links) < 0.2, NAT, t0 + np.timedelta64(60, "s")),
        "a_raw": pd.array(_spelled(rng, l_a, forms[:4]), dtype=str),
    })
    src = SourceFile(path=f"/evidence/{name}", name=name, sha256=f"{seed:064d}", size=1, kind="calls", spec={},
                     encoding="utf-8", rows_total=n_events)
    return ImportBatch(case_number=case, source=src, events=ev, links=links, rejected=empty_rejected())


def _text(value: object) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def _column(frame: pd.DataFrame, col: str | None) -> list:
    return frame[col].astype(object).tolist() if col in frame.columns else [None] * len(frame)


def _seconds(t: object) -> int | None:
    return None if pd.isna(t) else int((pd.Timestamp(t) - pd.Timestamp(0)) // pd.Timedelta(seconds=1))


def _model(batches: list[ImportBatch]) -> tuple[dict, set, dict]:
    """What the rules say the tables hold, one cell at a time: (entities, variants, sightings)."""
    entities: dict[tuple[str, str], tuple[str, bool, str]] = {}
    variants: set[tuple[str, str, str]] = set()
    seen: dict[tuple[str, str, int], dict] = {}
    roles = [(table, *spec) for table in ("events", "links") for spec in ROLES[table]]
    for source, batch in enumerate(batches, start=1):
        first: dict[tuple[str, str], tuple] = {}
        spelled: dict[tuple[str, str], set[str]] = {}
        for p, (table, role, kind_col, key_col, display_col, valid_col) in enumerate(roles):
            frame = batch.events if table == "events" else batch.links
            kinds = [kind_col[1:]] * len(frame) if kind_col.startswith("=") else _column(frame, kind_col)
            times = (_column(frame, "time"),) * 2 if table == "events" else \
                (_column(frame, "first_time"), _column(frame, "last_time"))
            in_role: set[tuple[str, str]] = set()
            for pos, (row, kind, key, shown, raw, flag, note, t0, t1) in enumerate(zip(
                    _column(frame, "row"), kinds, _column(frame, key_col), _column(frame, display_col),
                    _column(frame, f"{role}_raw"), _column(frame, valid_col), _column(frame, f"{role}_note"),
                    *times, strict=True)):
                if not _text(key):
                    continue
                entity = (_text(kind), _text(key))
                names = spelled.setdefault(entity, set())
                if entity not in in_role:         # a role's first row of an entity shows its display or key
                    in_role.add(entity)
                    names.add(_text(shown) or entity[1])
                names |= {_text(v) for v in (shown, raw) if _text(v)}
                rank = (0 if table == "events" else 1, pos, p)
                valid = True if flag is None or pd.isna(flag) else bool(flag)
                if entity not in first or rank < first[entity][0]:
                    first[entity] = (rank, _text(shown) or entity[1], valid, _text(note))
                s = seen.setdefault((*entity, source), {"rows": set(), "roles": set(), "t0": [], "t1": []})
                s["rows"].add(int(row))
                s["roles"].add(role)
                s["t0"] += [t for t in [_seconds(t0)] if t is not None]
                s["t1"] += [t for t in [_seconds(t1)] if t is not None]
        for entity, (_rank, shown, valid, note) in first.items():
            entities.setdefault(entity, (shown, valid, note))
        for entity, names in spelled.items():
            variants |= {(*entity, name) for name in names if name != entities[entity][0]}
    order = ("a", "b", "dev", "imsi")
    sightings = {k: (len(s["rows"]), min(s["rows"]), ",".join(r for r in order if r in s["roles"]),
                     min(s["t0"], default=None), max(s["t1"], default=None)) for k, s in seen.items()}
    return entities, variants, sightings


def _stored(path) -> tuple[list, set, dict]:
    with sqlite3.connect(path) as con:
        entities = con.execute("SELECT id, kind, key, display, valid, note FROM entities ORDER BY id").fetchall()
        variants = set(con.execute("SELECT e.kind, e.key, v.spelling FROM variants AS v "
                                   "JOIN entities AS e ON e.id = v.entity_id").fetchall())
        sightings = {(kind, key, source): rest for kind, key, source, *rest in con.execute(
            "SELECT e.kind, e.key, s.source_id, s.n_rows, s.first_row, s.roles, s.first_time, s.last_time "
            "FROM sightings AS s JOIN entities AS e ON e.id = s.entity_id")}
    con.close()
    return entities, variants, {k: tuple(v) for k, v in sightings.items()}


@pytest.mark.parametrize("seed", range(8))
def test_stored_tables_equal_the_row_by_row_model(tmp_path, seed):
    batches = [_batch(seed, 300, 25, name="first.csv", repeat_rows=seed % 2 == 1),
               _batch(seed + 100, 150, 10, name="second.csv", case="C-2", repeat_rows=seed % 3 == 0)]
    path = tmp_path / "w.linkview"
    with Workspace.create(path) as ws:
        for batch in batches:
            before = {r[0] for r in _stored(path)[0]}
            result = ws.import_batch(batch)
            entities = _stored(path)[0]
            new = [(kind, key) for eid, kind, key, *_ in entities if eid not in before]
            assert result.new_entities == len(new)
            # new entities get ids after every stored one, in the order of the (kind, key) index
            assert min((eid for eid, *_ in entities if eid not in before), default=1) > max(before, default=0)
            assert new == sorted(new)
    entities, variants, sightings = _stored(path)
    want_entities, want_variants, want_sightings = _model(batches)
    assert {(kind, key): (display, bool(valid), note) for _id, kind, key, display, valid, note in entities} \
        == want_entities
    assert variants == want_variants
    assert sightings == want_sightings


def test_a_known_entity_keeps_its_display_and_gains_the_new_one_as_a_variant(tmp_path):
    first = _batch(1, 60, 5, name="first.csv")
    second = _batch(1, 60, 5, name="second.csv", case="C-2")
    second.source.sha256 = "f" * 64
    for col in ("a_display", "b_display"):
        second.events[col] = second.events[col].astype(object).map(
            lambda s: f"<{s}>" if isinstance(s, str) and s else s).astype("str")
    with Workspace.create(tmp_path / "w.linkview") as ws:
        ws.import_batch(first)
        shown = dict(zip(ws.entities()["key"], ws.entities()["display"], strict=True))
        result = ws.import_batch(second)
        after = ws.entities()
    assert result.new_entities == 0
    assert dict(zip(after["key"], after["display"], strict=True)) == shown
    got = _stored(tmp_path / "w.linkview")[1]
    assert got == _model([first, second])[1]
    assert any(spelling.startswith("<") for _kind, _key, spelling in got)
