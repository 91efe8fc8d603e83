"""The scenario generator: deterministic, realistic files, and a ground truth that holds."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from openpyxl import load_workbook

from linkview.identifiers import normalize
from samples.generate import generate_scenario, main


def read_table(root: Path, entry: dict) -> pd.DataFrame:
    """A manifest file as text cells, with the header at the row the manifest states."""
    path = root / entry["file"]
    skip = entry["header_row"] - 1
    if entry["format"] == "xlsx":
        wb = load_workbook(path, read_only=True)
        rows = [["" if v is None else v for v in r] for r in wb.active.iter_rows(values_only=True)]
        wb.close()
        header = rows[skip]
        body = [r + [""] * (len(header) - len(r)) for r in rows[skip + 1:]]
        return pd.DataFrame(body, columns=header, dtype=object)
    return pd.read_csv(path, encoding=entry["encoding"], sep=entry["delimiter"], skiprows=skip, dtype=str,
                       keep_default_na=False)


def all_entities(truth: dict) -> list[dict]:
    out = [e for r in truth["rings"] for e in r["entities"]] + list(truth["hubs"])
    out += [e for v in truth["victims"] for e in v["entities"]]
    out += [h for m in truth["money_paths"] for h in m["hops"]]
    out += [{"kind": "imei", "key": s["imei_key"]} for s in truth["simboxes"]]
    out += [{"kind": "phone", "key": n} for s in truth["simboxes"] for n in s["numbers"]]
    return out


def test_same_seed_same_bytes_other_seed_other_data(tmp_path):
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for out, seed in ((a, 3), (b, 3), (c, 4)):
        generate_scenario(out, cases=4, rows=60, seed=seed)
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert any(p.suffix == ".xlsx" for p in files_a)
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel
    assert (a / "ground_truth.json").read_bytes() != (c / "ground_truth.json").read_bytes()


def test_every_key_is_the_normalised_form(truth):
    entities = all_entities(truth)
    assert {e["kind"] for e in entities} >= {"phone", "service", "imei", "imsi", "card", "masked_card", "iin",
                                             "iban", "wallet_tron", "wallet_evm", "ad_account", "email",
                                             "device", "listing"}
    for e in entities:
        ident = normalize(e["kind"], e["key"])
        assert (ident.kind, ident.key) == (e["kind"], e["key"]), (e, ident)
        assert ident.valid, (e, ident.note)


def test_manifest_lists_every_file_and_cases_are_erdr_numbers(scenario, manifest, truth):
    listed = {f["file"] for f in manifest["files"]}
    on_disk = {p.relative_to(scenario).as_posix() for p in scenario.rglob("*") if p.is_file()}
    assert on_disk - listed == {"ground_truth.json", "manifest.json"}
    assert listed <= on_disk
    assert manifest["cases"] == truth["cases"] and len(truth["cases"]) == 8
    for number in truth["cases"]:
        assert len(number) == 15 and number.isdigit()
        kinds = {f["kind"] for f in manifest["files"] if f["case"] == number}
        assert {"calls", "transfers"} <= kinds
        assert all(Path(f["file"]).parts[0] == f["case"] for f in manifest["files"])
    assert {f["kind"] for f in manifest["files"]} == {"calls", "transfers", "ads"}
    assert [c["number"] for c in manifest["case_info"]] == manifest["cases"]


def test_files_open_in_their_stated_encoding(scenario, manifest):
    seen = set()
    for entry in manifest["files"]:
        path = scenario / entry["file"]
        seen.add((entry["format"], entry["encoding"]))
        if entry["format"] == "xlsx":
            assert path.read_bytes()[:2] == b"PK"
        else:
            raw = path.read_bytes()
            text = raw.decode(entry["encoding"])          # strict: raises on a wrong encoding
            if entry["encoding"] == "cp1251":
                with pytest.raises(UnicodeDecodeError):  # Cyrillic in cp1251 is not UTF-8
                    raw.decode("utf-8")
            if entry["encoding"] == "utf-8-sig":
                assert raw.startswith(b"\xef\xbb\xbf")
            lines = text.splitlines()
            assert entry["delimiter"] in lines[entry["header_row"] - 1]
        table = read_table(scenario, entry)
        assert len(table) == entry["rows"], entry["file"]
    assert {("csv", "cp1251"), ("csv", "utf-8-sig"), ("csv", "utf-8"), ("xlsx", None)} <= seen


def test_call_records_use_operator_headers_and_mixed_spellings(scenario, manifest):
    styles = set()
    type_words = set()
    for entry in (f for f in manifest["files"] if f["kind"] == "calls"):
        table = read_table(scenario, entry)
        cols = set(table.columns)
        assert {"Абонент А", "Абонент Б", "Тип соединения", "IMEI", "IMSI"} <= cols
        assert {"Дата и время соединения"} <= cols or {"Дата", "Время"} <= cols
        assert {"LAC", "CID"} <= cols or "LAC/TAC-CellId" in cols
        type_words |= set(table["Тип соединения"])
        dates = table["Дата и время соединения"] if "Дата" not in table else table["Дата"]
        assert dates.str.fullmatch(r"\d\d\.\d\d\.2024( \d\d:\d\d:\d\d)?").all()   # day first, 2024
        for v in table["Абонент Б"]:
            if v.startswith("+7 "):
                styles.add("+7 ddd")
            elif v.startswith("8 ("):
                styles.add("8 (ddd)")
            elif v.endswith(".0"):
                styles.add("excel")
            elif v.startswith("+7"):
                styles.add("+7")
            elif v.startswith("8"):
                styles.add("8")
        # The IMEI column is the target's handset: 15 digits, check digit valid or sent as 0.
        assert table["IMEI"].str.fullmatch(r"\d{15}").all()
    assert len(styles) >= 4
    assert {"Исх", "Вх", "SMS_MO", "SMS_MT"} <= type_words and {"moc", "mtc"} & type_words


def test_rings_span_several_cases_and_their_cases_connect(truth):
    assert len(truth["rings"]) >= 2
    for ring in truth["rings"]:
        assert 2 <= len(ring["cases"]) <= 5
        g = nx.Graph()
        g.add_nodes_from(ring["cases"])
        for e in ring["entities"]:
            cases = [c for c in e["cases"] if c in ring["cases"]]
            nx.add_path(g, cases)
        assert nx.is_connected(g), ring["id"]
        assert sum(1 for e in ring["entities"] if len(e["cases"]) >= 2) >= 3


def test_overlapping_rings_share_a_case_and_nothing_else(truth):
    rings = {r["id"]: r for r in truth["rings"]}
    assert truth["overlapping_rings"]
    for pair in truth["overlapping_rings"]:
        a, b = (rings[i] for i in pair["rings"])
        assert set(a["cases"]) & set(b["cases"]) == set(pair["cases"]) != set()
        ka = {(e["kind"], e["key"]) for e in a["entities"]}
        kb = {(e["kind"], e["key"]) for e in b["entities"]}
        assert not ka & kb


def test_hubs_touch_many_cases_and_belong_to_no_ring(truth):
    ring_keys = {(e["kind"], e["key"]) for r in truth["rings"] for e in r["entities"]}
    kinds = defaultdict(int)
    for hub in truth["hubs"]:
        assert len(hub["cases"]) >= 3, hub
        assert (hub["kind"], hub["key"]) not in ring_keys
        kinds[hub["kind"]] += 1
    assert kinds["service"] >= 3 and kinds["phone"] >= 2 and kinds["wallet_tron"] >= 2 and kinds["wallet_evm"] >= 1
    assert {"7111", "102"} <= {h["key"] for h in truth["hubs"]}


def test_victims_and_their_contacts_are_not_ring_members(scenario, manifest, truth):
    ring_keys = {(e["kind"], e["key"]) for r in truth["rings"] for e in r["entities"]}
    victim_phones = set()
    for v in truth["victims"]:
        assert v["case"] in truth["cases"]
        keys = {(e["kind"], e["key"]) for e in v["entities"]}
        assert {"phone", "card", "iin"} <= {k for k, _ in keys}
        assert not keys & ring_keys
        victim_phones |= {k for kind, k in keys if kind == "phone"}
    ring_phones = {k for kind, k in ring_keys if kind == "phone"}
    hub_keys = {h["key"] for h in truth["hubs"]}
    # Everyone a victim talks to is family, a public number or the ring; family numbers stay in one case.
    family_cases: dict[str, set[str]] = defaultdict(set)
    for entry in manifest["files"]:
        if entry["kind"] != "calls" or entry["subject"]["role"] != "victim":
            continue
        table = read_table(scenario, entry)
        for col in ("Абонент А", "Абонент Б"):
            for raw in set(table[col]):
                key = normalize("phone", raw).key
                if key not in ring_phones and key not in hub_keys and key not in victim_phones:
                    family_cases[key].add(entry["case"])
    assert family_cases
    assert all(len(c) == 1 for c in family_cases.values())


def test_simbox_looks_like_one(scenario, manifest, truth):
    assert truth["simboxes"]
    for box in truth["simboxes"]:
        ring = next(r for r in truth["rings"] if r["id"] == box["ring"])
        assert ("imei", box["imei_key"]) in {(e["kind"], e["key"]) for e in ring["entities"]}
        assert len(box["numbers"]) >= 4
        for entry in (f for f in manifest["files"] if f["subject"]["key"] in box["numbers"]):
            table = read_table(scenario, entry)
            assert {v[:14] for v in table["IMEI"]} == {box["imei_key"]}
            words = table["Тип соединения"]
            outgoing = words.isin(["Исх", "moc"]).mean()
            assert outgoing > 0.9 and not words.str.startswith("SMS").any()
            callee = table["Абонент Б"].map(lambda v: normalize("phone", v).key)
            assert callee.nunique() > 0.6 * len(table)
            cell = table["LAC/TAC-CellId"] if "LAC/TAC-CellId" in table else table["LAC"] + "/" + table["CID"]
            assert cell.nunique() == 1


def test_money_paths_run_from_victims_through_ring_cards(truth):
    ring_keys = {r["id"]: {(e["kind"], e["key"]) for e in r["entities"]} for r in truth["rings"]}
    victim_keys = {(e["kind"], e["key"]) for v in truth["victims"] for e in v["entities"]}
    hubs = {(h["kind"], h["key"]) for h in truth["hubs"]}
    assert {m["currency"] for m in truth["money_paths"]} == {"KZT", "USDT"}
    for path in truth["money_paths"]:
        hops = [(h["kind"], h["key"]) for h in path["hops"]]
        assert len(hops) >= 3 and path["amount"] > 0
        if path["currency"] == "KZT":
            assert hops[0] in victim_keys
            assert all(h in ring_keys[path["ring"]] for h in hops[1:])
        else:
            assert hops[0] in hubs and hops[-1] in hubs


def test_statements_and_exports_carry_bank_and_chain_formats(scenario, manifest):
    layouts = defaultdict(list)
    for entry in manifest["files"]:
        layouts[entry["layout"]].append(entry)
    for entry in layouts["response"][:5]:
        table = read_table(scenario, entry)
        assert table["Сумма"].str.fullmatch(r"\d{1,3}([ \u00a0]\d{3})*,\d{2}").all()
        assert set(table["Валюта"]) <= {"₸", "KZT"}
    tron = read_table(scenario, layouts["tronscan"][0])
    assert {"Txhash", "Block", "From", "To", "TokenSymbol"} <= set(tron.columns)
    assert "UnixTimestamp" in tron.columns or "DateTime (UTC)" in tron.columns
    eth = read_table(scenario, layouts["etherscan"][0])
    assert eth["From"].str.fullmatch(r"0x[0-9a-f]{40}").all()
    ads = read_table(scenario, layouts["ad_response"][0])
    assert {"ID аккаунта", "IP-адрес", "Порт", "ID устройства", "ID объявления", "Карта оплаты"} <= set(ads.columns)
    assert ads["Карта оплаты"].str.contains(r"\*|X").any()


def test_cli_refuses_a_used_folder_unless_told(tmp_path, capsys):
    out = tmp_path / "s"
    assert main([str(out), "--cases", "3", "--rows", "40", "--seed", "1"]) == 0
    printed = capsys.readouterr().out
    assert "3 cases" in printed and "rings" in printed
    with pytest.raises(SystemExit):
        main([str(out), "--cases", "3", "--rows", "40", "--seed", "1"])
    capsys.readouterr()
    assert main([str(out), "--cases", "3", "--rows", "40", "--seed", "2", "--overwrite", "--quiet"]) == 0
    assert json.loads((out / "ground_truth.json").read_text(encoding="utf-8"))["seed"] == 2
    with pytest.raises(SystemExit):
        main([str(tmp_path / "t"), "--cases", "2"])


def test_only_csv_when_asked(tmp_path):
    summary = generate_scenario(tmp_path, cases=3, rows=40, seed=5, file_formats="csv")
    files = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))["files"]
    assert summary["files"] == len(files) and all(f["format"] == "csv" for f in files)


@pytest.mark.parametrize(("cases", "rows", "seed"), [(3, 20, 0), (4, 25, 1), (12, 20, 2)])
def test_small_and_odd_sizes_keep_the_invariants(tmp_path, cases, rows, seed):
    generate_scenario(tmp_path, cases=cases, rows=rows, seed=seed, file_formats="csv")
    truth = json.loads((tmp_path / "ground_truth.json").read_text(encoding="utf-8"))
    assert len(truth["cases"]) == cases and len(truth["rings"]) >= 2 and truth["overlapping_rings"]
    owners = defaultdict(set)
    for ring in truth["rings"]:
        assert 2 <= len(ring["cases"]) <= 5
        for e in ring["entities"]:
            owners[(e["kind"], e["key"])].add(ring["id"])
            assert set(e["cases"]) <= set(ring["cases"])      # ring entities never leak into other cases
    assert all(len(o) == 1 for o in owners.values())
    assert all(len(h["cases"]) >= 3 for h in truth["hubs"])
