"""Real third-party data from ../shared/data: published addresses and ids must read as they are."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from linkview.identifiers import detect, normalize, normalize_series

pytestmark = pytest.mark.shared_data


def _lines(path):
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize(("coin", "kinds"), [
    ("ETH", {"wallet_evm"}), ("USDT", {"wallet_evm", "wallet_tron", "wallet_btc"}), ("TRX", {"wallet_tron"}),
    ("XBT", {"wallet_btc", "wallet_tron"}), ("USDC", {"wallet_evm"}), ("LTC", {"wallet_btc"}),
])
def test_ofac_listed_addresses_validate(shared_data, coin, kinds):
    path = shared_data / "crypto-watchlists" / "ofac-sdn" / f"sanctioned_addresses_{coin}.txt"
    addresses = _lines(path)
    assert addresses
    for address in addresses:
        ident = normalize("wallet", address)
        assert ident.valid, address
        assert ident.kind in kinds, address
        assert detect(address) == ident.kind, address
        # a published mixed-case EVM address carries a correct EIP-55 checksum
        if ident.kind == "wallet_evm" and address != address.lower():
            assert ident.display == address


def test_ofac_xbt_list_mixes_in_one_tron_address(shared_data):
    addresses = _lines(shared_data / "crypto-watchlists" / "ofac-sdn" / "sanctioned_addresses_XBT.txt")
    kinds = Counter(normalize("wallet", a).kind for a in addresses)
    assert kinds["wallet_btc"] >= 400
    assert kinds["wallet_tron"] == 1  # a TRON address listed under XBT in the source: read as TRON


def test_ransomware_bitcoin_addresses(shared_data):
    frame = pd.read_csv(shared_data / "crypto-watchlists" / "ransomware" / "addresses.csv", dtype=str)
    out = normalize_series("wallet", frame["address"])
    assert (out["kind"] == "wallet_btc").mean() > 0.99
    assert out["valid"].mean() > 0.99


def test_lazarus_transfers_written_with_backslash_x(shared_data):
    frame = pd.read_csv(shared_data / "eth-lazarus-and-phishing" / "LazarusTabularTxs1322519.csv", dtype=str)
    for column in ("from", "to"):
        assert frame[column].str.startswith("\\x").all()
        out = normalize_series("wallet_evm", frame[column])
        assert out["valid"].all()
        assert (out["kind"] == "wallet_evm").all()
        assert out["key"].str.fullmatch(r"0x[0-9a-f]{40}").all()
        assert out["key"].tolist() == ["0x" + v[2:].lower() for v in frame[column]]


def test_mobile_money_ids_keep_leading_zeros_as_subscribers(shared_data):
    frame = pd.read_csv(shared_data / "cider-mobilemoney" / "mobilemoney.csv", dtype=str, nrows=2000)
    ids = frame["caller_id"]
    out = normalize_series("subscriber", ids)
    filled = ids.notna()
    assert (out.loc[filled, "key"] == ids[filled].str.strip()).all()
    assert out.loc[filled, "key"].str.startswith("0").any()
    assert out.loc[~filled, "note"].eq("empty").all()
