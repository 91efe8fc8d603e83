"""The column blocks behind fast event reads, and the integrity check that ties them to the table."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from linkview.workspace.blocks import decode, encode, text_codes


def test_encode_decode_round_trip():
    codes, vocab = text_codes(np.array(["call", None, "sms", "", "call"], dtype=object))
    assert vocab == ["call", "sms"] and codes.tolist() == [0, -1, 1, -1, 0]
    cols = {"row": np.array([2, 3, 4, 5, 6], dtype=np.int32), "etype": (codes, vocab),
            "time": np.array([1, -(2**63), 3, 4, 5], dtype=np.int64), "amount": np.array([1.5, np.nan, 0, 2, 3])}
    n, back = decode(encode(cols))
    assert n == 5
    assert back["row"].tolist() == [2, 3, 4, 5, 6] and back["row"].dtype == np.int32
    assert back["etype"][0].tolist() == codes.tolist() and back["etype"][1] == vocab
    assert back["time"].tolist() == cols["time"].tolist()
    np.testing.assert_array_equal(back["amount"], cols["amount"])


def test_blocks_refuse_objects_and_ragged_columns():
    with pytest.raises(TypeError, match="cannot go into a block"):
        encode({"x": np.array(["a"], dtype=object)})
    with pytest.raises(ValueError, match="expected 2"):
        encode({"a": np.zeros(2), "b": np.zeros(3)})
    with pytest.raises(ValueError, match="format"):
        decode(encode({"a": np.zeros(1)}).replace(b"lvcols1", b"other01"))


def test_integrity_check_notices_a_tampered_file(tmp_path, batch_a):
    from linkview.workspace import Workspace

    path = tmp_path / "t.linkview"
    with Workspace.create(path) as ws:
        res = ws.import_batch(batch_a())
        assert ws.integrity_check() == []
    con = sqlite3.connect(path)
    with con:
        con.execute("DELETE FROM events WHERE row = 3")
    con.close()
    with Workspace.open(path) as ws:
        assert ws.integrity_check() == [f"source #{res.source_id}: 3 events recorded, 3 in column blocks, 2 stored"]
