"""Party kinds of transfer layouts (wallets never fall back to subscriber ids) and currency labels."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from linkview.ingest import read_file
from linkview.ingest.values import currency_words, normalize_currency

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def _etherscan(rng: random.Random, rows: int, mixed_case: bool) -> str:
    def addr() -> str:
        h = "".join(rng.choice("0123456789abcdef") for _ in range(40))
        # mixed case that is not EIP-55: a flagged, still an EVM wallet
        return "0x" + (h[:20].upper() + h[20:] if mixed_case else h)

    pool = [addr() for _ in range(12)]
    out = ['"Txhash","Blockno","UnixTimestamp","DateTime (UTC)","From","To","ContractAddress","Value_IN(ETH)",'
           '"Value_OUT(ETH)","CurrentValue @ $3000/Eth","TxnFee(ETH)","TxnFee(USD)","Historical $Price/Eth",'
           '"Status","ErrCode","Method"']
    for i in range(rows):
        a, b = rng.sample(pool, 2)
        out.append(f'"0x{i:064x}","{19000000 + i}","{1704067200 + 60 * i}","2024-01-01 {i // 60:02d}:{i % 60:02d}:00",'
                   f'"{a}","{b}","","0","1.{i}","1","0.001","3","3000","","","Transfer"')
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("mixed_case", [False, True])
def test_generated_etherscan_gives_evm_wallets(write, mixed_case):
    text = _etherscan(random.Random(7), 40, mixed_case)
    batch = read_file(write("export.csv", text, newline="\n"), case_number="1")
    ev = batch.events
    assert set(ev["a_kind"]) == {"wallet_evm"} and set(ev["b_kind"]) == {"wallet_evm"}
    assert ev["a_key"].str.match(r"^0x[0-9a-f]{40}$").all()
    assert set(ev["currency"]) == {"ETH"} and set(ev["asset"]) == {"eth"}
    assert batch.source.spec.get("party_kind") in (None, "auto")
    if mixed_case:       # bad checksums are flagged, not read as anonymised ids
        assert not ev["a_valid"].all()


def test_tronscan_with_bad_checksums_stays_tron(write):
    rng = random.Random(3)
    lines = ["Txn Hash,Block,Time(UTC),From,To,Amount,Token"]
    for i in range(30):
        a = "T" + "".join(rng.choice(B58) for _ in range(33))     # checksum almost surely wrong
        b = "T" + "".join(rng.choice(B58) for _ in range(33))
        lines.append(f"h{i},{i},2024-01-01 00:00:{i:02d},{a},{b},{i}.5,Tether USD")
    ev = read_file(write("tron.csv", "\n".join(lines) + "\n", newline="\n"), case_number="1").events
    assert set(ev["a_kind"]) == {"wallet_tron"} and set(ev["b_kind"]) == {"wallet_tron"}
    assert set(ev["currency"]) == {"USDT"} and set(ev["asset"]) == {"trc20"}


def test_generic_sender_receiver_cards_are_not_subscribers(write):
    text = ("Дата,Отправитель,Получатель,Сумма,Валюта\n"
            "01.02.2024 10:00:00,4400 43** **** 1234,KZ24722S000000686267,1500,тг\n"
            "01.02.2024 11:00:00,5169 49** **** 9876,KZ72998LTB0001497589,200,₽\n")
    ev = read_file(write("p2p.csv", text, newline="\n"), case_number="1").events
    assert ev["a_kind"].tolist() == ["masked_card"] * 2 and ev["b_kind"].tolist() == ["iban"] * 2
    assert ev["currency"].tolist() == ["KZT", "RUB"]


def test_mobile_money_ids_still_subscribers(write):
    text = ("txn_type,caller_id,recipient_id,timestamp,amount\n"
            "p2p,00180231659,00180788525,2020-01-01 00:15:51,55.16\n"
            "p2p,00180474788,00180231659,2020-01-01 00:28:17,29.22\n")
    ev = read_file(write("mm.csv", text, newline="\n"), case_number="1").events
    assert set(ev["a_kind"]) == {"subscriber"}


@pytest.mark.shared_data
def test_lazarus_backslash_x_file_gives_evm_wallets(shared_data):
    p = shared_data / "eth-lazarus-and-phishing" / "LazarusTabularTxs1322519.csv"
    batch = read_file(p, case_number="1")
    ev = batch.events
    assert len(ev) > 0
    assert set(ev["a_kind"]) == {"wallet_evm"} and set(ev["b_kind"]) == {"wallet_evm"}
    assert ev["a_key"].str.startswith("0x").all() and ev["b_key"].str.startswith("0x").all()
    assert set(ev["currency"]) == {"ETH"}


@pytest.mark.parametrize(("label", "code"), [
    ("₸", "KZT"), ("тг", "KZT"), ("тг.", "KZT"), ("тенге", "KZT"), ("Тенге", "KZT"), ("KZT", "KZT"), (" kzt ", "KZT"),
    ("руб", "RUB"), ("руб.", "RUB"), ("₽", "RUB"), ("RUB", "RUB"),
    ("$", "USD"), ("USD", "USD"), ("usd", "USD"),
    ("TETHER USD", "USDT"), ("Tether USD", "USDT"), ("USDT", "USDT"), ("USD₮", "USDT"), ("usdt", "USDT"),
    ("eth", "ETH"), ("trx", "TRX"), ("Btc", "BTC"),
    ("doge", "DOGE"), ("Some Token", "SOME TOKEN"), ("", ""),
])
def test_currency_labels(label, code):
    assert normalize_currency(pd.Series([label])).tolist() == [code]


def test_currency_table_is_a_data_file():
    from importlib import resources

    text = resources.files("linkview.ingest").joinpath("currencies.csv").read_text(encoding="utf-8")
    assert "label,code" in text
    assert currency_words()["тенге"] == "KZT" and currency_words()["tetherusd"] == "USDT"


def test_currency_in_amount_text_and_column(write):
    text = ("Дата,Отправитель,Получатель,Сумма,Валюта\n"
            "01.02.2024 10:00:00,4400430012345678,KZ24722S000000686267,1 500 ₸,\n"
            "01.02.2024 11:00:00,4400430012345678,KZ24722S000000686267,10,USD₮\n"
            "01.02.2024 12:00:00,4400430012345678,KZ24722S000000686267,10,$\n"
            "01.02.2024 13:00:00,4400430012345678,KZ24722S000000686267,10,xyz\n")
    ev = read_file(write("p2p.csv", text, newline="\n"), case_number="1").events
    assert ev["currency"].tolist() == ["KZT", "USDT", "USD", "XYZ"]
