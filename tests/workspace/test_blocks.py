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
        con.execute("UPDATE sources SET n_events = 4")
    con.close()
    with Workspace.open(path) as ws:
        assert ws.integrity_check() == [f"source #{res.source_id}: 4 events recorded, 3 in column blocks"]
    con = sqlite3.connect(path)
    with con:
        con.execute("UPDATE sources SET n_events = 3")
        con.execute("INSERT INTO event_blocks SELECT source_id, 1, first_id + 2, n, data FROM event_blocks")
        con.execute("UPDATE sources SET n_events = 6")
    con.close()
    with Workspace.open(path) as ws:
        assert ws.integrity_check() == [f"event blocks of sources #{res.source_id} and #{res.source_id} share ids"]


def test_raw_cells_round_trip_any_text():
    from linkview.workspace.blocks import cells_of_row, encode_cells, text_column, text_values

    repeated = np.array(["Исх", "Вх", "Исх", "", "Вх"] * 400, dtype=object)
    col = text_column(repeated)
    assert "codes" in col and col["codes"].dtype == np.int16          # few distinct values: coded
    assert text_values(col["ends"], col["text"], col["codes"], [0, 1, 3, 1999]) == ["Исх", "Вх", "", "Вх"]
    distinct = np.array([f"{i:05d} г. Алматы" for i in range(3000)], dtype=object)
    col = text_column(distinct)
    assert "codes" not in col                                          # every cell its own: stored as is
    assert text_values(col["ends"], col["text"], None, [2999]) == ["02999 г. Алматы"]
    odd = np.array(["a", None, float("nan"), 5, "€ \U0001f600"], dtype=object)
    col = text_column(odd)
    assert text_values(col["ends"], col["text"], col.get("codes"), range(5)) == ["a", "", "", "5", "€ \U0001f600"]
    data = encode_cells(["A", "Б"], np.array([7, 9, 12]), [np.array(["1", "2", "3"], dtype=object),
                                                         np.array(["x", "", "z"], dtype=object)])
    assert cells_of_row(data, 9) == {"A": "2", "Б": ""}
    assert cells_of_row(data, 8) is None
