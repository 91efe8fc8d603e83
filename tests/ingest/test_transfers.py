"""Transfers: bank statements, P2P lists, Etherscan and Tronscan exports."""

from __future__ import annotations

import pandas as pd
import pytest

from linkview.errors import InputError
from linkview.ingest import ImportSpec, read_file

EVM_A = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
EVM_B = "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"
TRON_A = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
TRON_B = "TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9"


def test_etherscan_normal_transactions(write):
    text = ('"Txhash","Blockno","UnixTimestamp","DateTime (UTC)","From","To","ContractAddress","Value_IN(ETH)",'
            '"Value_OUT(ETH)","CurrentValue @ $3000/Eth","TxnFee(ETH)","TxnFee(USD)","Historical $Price/Eth",'
            '"Status","ErrCode","Method"\n'
            f'"0xabc1","19000000","1704067200","2024-01-01 00:00:00","{EVM_A}","{EVM_B}","","0","1.5","4500",'
            '"0.001","3","3000","","","Transfer"\n'
            f'"0xabc2","19000001","1704070800","2024-01-01 01:00:00","{EVM_B}","{EVM_A}","","0.25","0","750",'
            '"0.001","3","3000","Error(0)","Out of gas","Transfer"\n')
    batch = read_file(write("export-0x5aae.csv", text, newline="\n"), case_number="1")
    ev = batch.events
    assert batch.source.kind == "transfers"
    assert ev["a_key"].tolist() == [EVM_A, EVM_B] and ev["b_key"].tolist() == [EVM_B, EVM_A]
    assert ev["a_kind"].tolist() == ["wallet_evm"] * 2
    assert ev["amount"].tolist() == [1.5, 0.25]
    assert ev["currency"].tolist() == ["ETH", "ETH"] and ev["asset"].tolist() == ["eth", "eth"]
    assert ev["tx_hash"].tolist() == ["0xabc1", "0xabc2"]
    assert ev["time"].tolist() == [pd.Timestamp("2024-01-01 00:00:00"), pd.Timestamp("2024-01-01 01:00:00")]
    # a failed transaction is imported, flagged and noted
    rej = batch.rejected
    assert rej["row"].tolist() == [3] and rej["severity"].tolist() == ["warning"] and rej["column"].tolist() == ["Status"]
    assert "status: Error(0)" in ev["note"].iloc[1]


def test_etherscan_token_transfers_and_backslash_x_addresses(write):
    text = ('"Txhash","Blockno","UnixTimestamp","DateTime (UTC)","From","To","TokenValue","USDValueDayOfTx",'
            '"ContractAddress","TokenName","TokenSymbol"\n'
            f'"0xdef1","19000000","1704067200","2024-01-01 00:00:00","\\x{EVM_A[2:]}","{EVM_B}","1,000.5","1000.5",'
            '"0xdac17f958d2ee523a2206206994597c13d831ec7","Tether USD","USDT"\n')
    ev = read_file(write("tokens.csv", text, newline="\n"), case_number="1").events
    assert ev["a_key"].tolist() == [EVM_A]          # \x… is the same wallet as 0x…
    assert (ev["amount"].iloc[0], ev["currency"].iloc[0], ev["asset"].iloc[0]) == (1000.5, "USDT", "erc20")


def test_tronscan_trc20_export(write):
    text = ("Token,Transaction Hash,Block,Time(UTC),From,To,Amount,Result\n"
            f"USDT,7c2d1f,60000000,2024-03-01 12:00:00,{TRON_A},{TRON_B},\"5,000.00\",SUCCESS\n"
            f"USDT,7c2d20,60000001,2024-03-01 12:05:00,{TRON_B},{TRON_A},250,SUCCESS\n")
    ev = read_file(write("tronscan.csv", text, newline="\n"), case_number="1").events
    assert ev["a_kind"].tolist() == ["wallet_tron", "wallet_tron"]
    assert ev["a_key"].tolist() == [TRON_A, TRON_B]
    assert ev["amount"].tolist() == [5000.0, 250.0]
    assert ev["currency"].tolist() == ["USDT"] * 2 and ev["asset"].tolist() == ["trc20"] * 2


def test_bank_statement_signed_amounts_and_masked_cards(write):
    text = ("Выписка по карте 4400 43** **** 1234 за период 01.04.2024 - 30.04.2024\n"
            "Владелец: Иванов И.И.\n"
            "Дата операции;Сумма;Операция;Номер карты/счета контрагента\n"
            "03.04.2024 10:00:00;-5 000,00 ₸;Перевод;4400 43** **** 5678\n"
            "04.04.2024 11:30:00;+20 000,00 ₸;Пополнение;KZ24722S000000686267\n"
            "05.04.2024 12:00:00;-1 500,50 ₸;Перевод по номеру телефона;+7 701 123 45 67\n")
    batch = read_file(write("statement.csv", text, encoding="utf-8"), case_number="1")
    ev = batch.events
    owner = "440043*1234"
    assert batch.source.spec["target"] == "4400 43** **** 1234"
    assert ev["a_key"].tolist() == [owner, "KZ24722S000000686267", owner]
    assert ev["b_key"].tolist() == ["440043*5678", owner, "+77011234567"]
    assert ev["b_kind"].tolist() == ["masked_card", "masked_card", "phone"]
    assert ev["direction"].tolist() == ["out", "in", "out"]
    assert ev["target"].tolist() == ["a", "b", "a"]
    assert ev["amount"].tolist() == [5000.0, 20000.0, 1500.5]
    assert ev["currency"].tolist() == ["KZT"] * 3 and ev["asset"].tolist() == ["bank"] * 3
    assert ev["row"].tolist() == [4, 5, 6]


def test_statement_debit_credit_columns_and_owner_option(write):
    text = ("Дата;Приход;Расход;Контрагент;Назначение платежа\n"
            "03.04.2024;;5 000,00;4400430012345678;перевод\n"
            "04.04.2024;20 000,00;;87051112233;возврат долга\n"
            "05.04.2024;;;87051112233;комиссия\n")
    p = write("st.csv", text, encoding="cp1251")
    with pytest.raises(InputError, match="options.owner"):
        read_file(p, case_number="1")
    batch = read_file(p, case_number="1", spec=ImportSpec(options={"owner": "KZ24722S000000686267", "currency": "KZT"}))
    ev = batch.events
    assert ev["a_key"].tolist() == ["KZ24722S000000686267", "+77051112233"]
    assert ev["b_key"].tolist() == ["4400430012345678", "KZ24722S000000686267"]
    assert ev["amount"].tolist() == [5000.0, 20000.0] and ev["currency"].tolist() == ["KZT", "KZT"]
    assert ev["note"].tolist() == ["перевод", "возврат долга"]
    rej = batch.rejected.set_index("row")
    assert rej.loc[4, "severity"] == "error" and "no amount" in rej.loc[4, "reason"]


def test_transfer_list_with_excel_damaged_card(tmp_path, by_row):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Дата и время операции", "Карта отправителя", "Карта получателя", "Сумма", "ИИН получателя"])
    ws.append(["03.04.2024 10:00:00", "4400430012345678", 4400430012345670, "1 000", "791028302728"])
    ws.append(["03.04.2024 10:05:00", "4400430012345678", "4400430012345678", "abc", ""])
    p = tmp_path / "t.xlsx"
    wb.save(p)
    batch = read_file(p, case_number="1")
    rej = by_row(batch)
    assert ("Карта получателя", "warning") in [r[:2] for r in rej[2]]
    assert any("Excel" in r[2] for r in rej[2])
    assert rej[3] == [("Сумма", "error", "unreadable amount 'abc'")]
    ev = batch.events
    assert ev["b_key"].tolist() == ["4400430012345670"] and not ev["b_valid"].iloc[0]
    owns = batch.links
    assert owns[["ltype", "a_kind", "a_key", "b_key"]].values.tolist() == [
        ["owns", "iin", "791028302728", "4400430012345670"]]


def test_mobile_money_cash_in_has_only_a_receiver(write):
    text = ("txn_type,caller_id,recipient_id,timestamp,amount\n"
            "p2p,00180231659,00180788525,2020-01-01 00:15:51,55.16\n"
            "cashin,00180474788,,2020-01-01 00:28:17,29.22\n"
            "cashout,00184232415,,2020-01-01 00:18:59,81.86\n")
    ev = read_file(write("mm.csv", text, newline="\n"), case_number="1").events
    assert ev["a_key"].tolist() == ["1/00180231659", "", "1/00184232415"]      # opaque ids: unique per case
    assert ev["b_key"].tolist() == ["1/00180788525", "1/00180474788", ""]
    assert set(ev["a_kind"]) == {"subscriber", ""} and ev["asset"].tolist() == ["mobile_money"] * 3
    assert ev["note"].tolist() == ["p2p", "cashin", "cashout"]
