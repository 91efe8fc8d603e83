"""The real third-party files in ../shared/data, with counts checked by hand (awk, sort | uniq -d)."""

from __future__ import annotations

import pandas as pd
import pytest

from linkview.ingest import ImportSpec, read_file

pytestmark = pytest.mark.shared_data

RM_SPEC = ImportSpec(kind="calls", header_row=0, columns={"a": "#1", "b": "#2", "datetime": "#3", "duration": "#4"},
                     options={"time_unit": "s"})


def test_reality_mining(shared_data):
    # 52,050 lines, no header; `sort | uniq -d` finds 3 lines written twice
    batch = read_file(shared_data / "reality-mining-calls" / "ia-reality-call.csv", case_number="1", spec=RM_SPEC)
    assert batch.source.rows_total == 52050
    assert len(batch.events) == 52047
    rej = batch.rejected
    assert (rej["severity"] == "error").sum() == 3 and (rej["severity"] == "warning").sum() == 0
    assert rej["reason"].str.startswith("duplicate of row ").all()
    assert set(batch.events["a_kind"]) == {"subscriber"}
    # 6,809 distinct ids on either side (awk '{print $1; print $2}' | sort -u | wc -l)
    assert len(set(batch.events["a_key"]) | set(batch.events["b_key"])) == 6809
    assert batch.events["time"].min() == pd.Timestamp("2004-09-24 00:00:59")   # 1095984059 s, UTC


def test_copenhagen_calls_and_sms(shared_data):
    spec = ImportSpec(options={"epoch": "2013-01-01"})
    calls = read_file(shared_data / "copenhagen-cns-calls" / "calls.csv", case_number="1", spec=spec)
    assert len(calls.events) == 3600 and calls.rejected.empty
    # duration -1 is a missed call (366 rows: awk -F, '$4<0')
    missed = calls.events["note"] == "missed"
    assert missed.sum() == 366 and calls.events.loc[missed, "duration"].isna().all()
    sms = read_file(shared_data / "copenhagen-cns-calls" / "sms.csv", case_number="1", spec=spec)
    assert sms.source.rows_total == 24333
    assert set(sms.events["etype"]) == {"sms"}
    # 21 exact duplicate lines (sort | uniq -c, counts above 1 minus one)
    assert len(sms.events) == 24312 and len(sms.rejected) == 21


def test_copenhagen_without_epoch_imports_without_inventing_dates(shared_data):
    batch = read_file(shared_data / "copenhagen-cns-calls" / "calls.csv", case_number="1")
    assert len(batch.events) == 3600 and batch.events["time"].isna().all()
    assert any("plain numbers" in w and "--epoch" in w for w in batch.warnings)


def test_nodobo(shared_data):
    batch = read_file(shared_data / "nodobo-via-cellyzer" / "calls_.csv", case_number="1")
    assert batch.source.rows_total == 13035
    assert len(batch.events) == 13004
    rej = batch.rejected
    assert len(rej) == 31 and (rej["column"] == "timestamp").all()
    assert rej["reason"].str.contains(r"^date/time 1980-\d\d-\d\d .* is before 1990$").all()
    ev = batch.events
    # "+0100" times converted to UTC; Incoming rows are oriented other -> user, the user is the target
    first = ev.iloc[0]
    assert first["time"] == pd.Timestamp("2010-09-15 18:17:44")
    assert (first["a_key"], first["b_key"], first["target"], first["direction"]) == \
        ("1/7434677419", "1/7610039694", "b", "in")
    assert set(ev["direction"]) == {"in", "out"}
    assert (ev["note"] == "missed").sum() == 1824 - (rej["raw"].str.contains("Missed")).sum()


def test_lazarus_ethereum_transfers(shared_data):
    batch = read_file(shared_data / "eth-lazarus-and-phishing" / "LazarusTabularTxs1322519.csv", case_number="1")
    ev = batch.events
    assert len(ev) == 436 and batch.rejected.empty
    assert set(ev["a_kind"]) == {"wallet_evm"} and set(ev["b_kind"]) == {"wallet_evm"}
    assert ev["a_key"].iloc[0] == "0x03cf40b900971561ac6bd997ef1fe939dcbc95e2"        # written \x03cf…
    assert set(ev["currency"]) == {"ETH"} and set(ev["asset"]) == {"eth"}
    assert ev["amount"].min() >= 0 and (ev["amount"] == 1e-05).any()


def test_cider_mobile_money(shared_data):
    batch = read_file(shared_data / "cider-mobilemoney" / "mobilemoney.csv", case_number="1")
    ev = batch.events
    assert len(ev) == 10000 and batch.rejected.empty
    # cash-in rows (1,981) have only the receiver, cash-out rows (2,051) only the sender
    assert ((ev["a_key"] == "") & ev["note"].eq("cashin")).sum() == 1981
    assert ((ev["b_key"] == "") & ev["note"].eq("cashout")).sum() == 2051
    assert set(ev["asset"]) == {"mobile_money"}
