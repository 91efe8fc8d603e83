"""Blockchain exports: Tronscan-style USDT (TRC20) CSV and Etherscan-style ERC-20 token CSV.

Times in explorers are UTC. Kazakhstan moved to one time zone (UTC+5) on 1 March 2024; before that
Almaty kept UTC+6, so local times of the scenario are shifted accordingly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from samples import formats

__all__ = ["Tx", "Chain", "to_utc", "write_tronscan", "write_etherscan", "USDT_TRC20", "USDT_ERC20"]

USDT_TRC20 = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"          # Tether USD contract on TRON
USDT_ERC20 = "0xdac17f958d2ee523a2206206994597c13d831ec7"  # Tether USD contract on Ethereum
_SINGLE_ZONE = int(np.datetime64("2024-03-01T00:00", "s").astype("int64"))


def to_utc(local: int) -> int:
    return int(local) - (6 if local < _SINGLE_ZONE else 5) * 3600


@dataclass
class Tx:
    utc: int
    hash: str
    block: int
    src: str
    dst: str
    amount: float


class Chain:
    """Every planted transfer of one chain; an export of a wallet lists those touching it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.txs: list[Tx] = []

    def add(self, rng: np.random.Generator, local_time: int, src: str, dst: str, amount: float) -> Tx:
        from samples import ids

        utc = to_utc(local_time)
        if self.name == "tron":   # ~3 s blocks; block 57,000,000 fell on New Year 2024
            block = 57_000_000 + (utc - 1_704_067_200) // 3
            h = ids.tx_hash_tron(rng)
        else:                     # ~12 s blocks; block 18,908,000 on New Year 2024
            block = 18_908_000 + (utc - 1_704_067_200) // 12
            h = ids.tx_hash_evm(rng)
        tx = Tx(utc, h, int(block), src, dst, round(float(amount), 6 if amount < 1 else 2))
        self.txs.append(tx)
        return tx

    def of(self, wallet: str) -> list[Tx]:
        return sorted((tx for tx in self.txs if wallet in (tx.src, tx.dst)), key=lambda tx: tx.utc)


def _qty(v: float) -> str:
    return f"{v:.6f}".rstrip("0").rstrip(".")


def write_tronscan(path: Path, rng: np.random.Generator, txs: list[Tx]) -> dict:
    utc = np.array([tx.utc for tx in txs], dtype=np.int64)
    stamps = formats.format_times(utc, "iso_space") if len(txs) else np.array([], dtype=str)
    if rng.random() < 0.5:
        header = ["Txhash", "Block", "UnixTimestamp", "DateTime (UTC)", "From", "To", "Quantity", "TokenSymbol"]
        cols = [[tx.hash for tx in txs], [str(tx.block) for tx in txs], [str(tx.utc) for tx in txs], list(stamps),
                [tx.src for tx in txs], [tx.dst for tx in txs], [_qty(tx.amount) for tx in txs], ["USDT"] * len(txs)]
    else:
        header = ["Txhash", "Block", "DateTime (UTC)", "From", "To", "Amount", "TokenSymbol"]
        cols = [[tx.hash for tx in txs], [str(tx.block) for tx in txs], list(stamps), [tx.src for tx in txs],
                [tx.dst for tx in txs], [_qty(tx.amount) for tx in txs], ["USDT"] * len(txs)]
    row = formats.write_csv(path, header=header, columns=cols, encoding="utf-8", delimiter=",", crlf=False)
    return {"rows": len(txs), "layout": "tronscan", "format": "csv", "encoding": "utf-8", "delimiter": ",",
            "header_row": row}


def write_etherscan(path: Path, txs: list[Tx]) -> dict:
    utc = np.array([tx.utc for tx in txs], dtype=np.int64)
    stamps = formats.format_times(utc, "iso_space") if len(txs) else np.array([], dtype=str)
    n = len(txs)
    header = ["Transaction Hash", "Blockno", "UnixTimestamp", "DateTime (UTC)", "From", "To", "TokenValue",
              "USDValueDayOfTx", "ContractAddress", "TokenName", "TokenSymbol"]
    cols = [[tx.hash for tx in txs], [str(tx.block) for tx in txs], [str(tx.utc) for tx in txs], list(stamps),
            [tx.src for tx in txs], [tx.dst for tx in txs], [_qty(tx.amount) for tx in txs],
            [f"${tx.amount:.2f}" for tx in txs], [USDT_ERC20] * n, ["Tether USD"] * n, ["USDT"] * n]
    row = formats.write_csv(path, header=header, columns=cols, encoding="utf-8", delimiter=",", crlf=True,
                            quote_all=True)
    return {"rows": n, "layout": "etherscan", "format": "csv", "encoding": "utf-8", "delimiter": ",",
            "header_row": row}
