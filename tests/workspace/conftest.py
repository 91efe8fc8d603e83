"""Fixtures of the workspace tests: fresh workspaces and hand-built import batches."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from linkview.workspace import ImportBatch, SourceFile, Workspace, empty_links, empty_rejected

HERE = Path(__file__).resolve().parent

PHONE_1, PHONE_2 = "+77011234567", "+77027654321"
IMEI, IMSI = "35123456789012", "401011234567890"


def _load_synth():
    spec = importlib.util.spec_from_file_location("workspace_synth", HERE / "synth.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def synth():
    """The synthetic batch generator of ``synth.py``."""
    return _load_synth()


@pytest.fixture
def ws(tmp_path):
    """A new, empty workspace, closed after the test."""
    with Workspace.create(tmp_path / "test.linkview", user="tester") as workspace:
        yield workspace


def _events(rows: list[dict]) -> pd.DataFrame:
    base = {"etype": "call", "time": pd.NaT, "a_kind": "", "a_key": "", "a_display": "", "a_valid": True,
            "b_kind": "", "b_key": "", "b_display": "", "b_valid": True, "dev_kind": "", "dev_key": "",
            "dev_display": "", "imsi_key": "", "imsi_display": "", "target": "", "direction": "",
            "duration": np.nan, "amount": np.nan, "currency": "", "asset": "", "tx_hash": "", "cell": "",
            "lat": np.nan, "lon": np.nan, "note": ""}
    frame = pd.DataFrame([{**base, **r} for r in rows])
    frame["time"] = pd.to_datetime(frame["time"]).astype("datetime64[ns]")
    frame["row"] = frame["row"].astype("int64")
    for col in ("a_valid", "b_valid"):
        frame[col] = frame[col].astype(bool)
    return frame


def calls_a(case: str = "2024-001") -> ImportBatch:
    """Three call rows, one handset link, one rejected row and one warning, with raw cells for two rows."""
    events = _events([
        {"row": 2, "etype": "call", "time": "2024-03-01 10:00:00", "a_kind": "phone", "a_key": PHONE_1,
         "a_display": "+7 701 123 45 67", "b_kind": "phone", "b_key": PHONE_2, "b_display": "+7 702 765 43 21",
         "dev_kind": "imei", "dev_key": IMEI, "dev_display": "35-123456-789012", "imsi_key": IMSI,
         "imsi_display": IMSI, "target": "a", "direction": "out", "duration": 60.0, "cell": "1001/2002",
         "lat": 43.25, "lon": 76.95, "raw": json.dumps({"A": "87011234567", "B": "+7 702 765 43 21"})},
        {"row": 3, "etype": "sms", "time": "2024-03-01 11:00:00", "a_kind": "phone", "a_key": PHONE_2,
         "a_display": "8 702 765 43 21", "b_kind": "phone", "b_key": PHONE_1, "b_display": "+7 701 123 45 67",
         "target": "b", "direction": "in", "raw": json.dumps({"A": "8 702 765 43 21", "B": "87011234567"})},
        {"row": 4, "etype": "call", "a_kind": "phone", "a_key": PHONE_1, "a_display": "+7 701 123 45 67",
         "b_kind": "service", "b_key": "1414", "b_display": "1414", "b_valid": False, "target": "a",
         "direction": "out", "duration": 5.0, "raw": None},
    ])
    events["raw"] = events["raw"].astype(object).where(events["raw"].notna(), None)
    links = empty_links()
    links.loc[0] = {"row": 2, "n": 1, "ltype": "sim_in_handset", "a_kind": "phone", "a_key": PHONE_1,
                    "a_display": "+7 701 123 45 67", "a_valid": True, "b_kind": "imei", "b_key": IMEI,
                    "b_display": "35-123456-789012", "b_valid": True,
                    "first_time": pd.Timestamp("2024-03-01 10:00:00"), "last_time": pd.Timestamp("2024-03-01 10:00:00")}
    rejected = pd.DataFrame({
        "row": [5, 2], "column": ["B", "Duration"], "severity": ["error", "warning"],
        "reason": ["not a phone number", "duration missing, taken as 5 s"],
        "raw": [json.dumps({"A": "87011234567", "B": "hello"}), json.dumps({"A": "x"})],
    })
    src = SourceFile(path="/evidence/calls_a.csv", name="calls_a.csv", sha256="a" * 64, size=1234,
                     kind="calls", spec={"kind": "calls", "columns": {"a": "A", "b": "B"}},
                     encoding="cp1251", rows_total=4)
    return ImportBatch(case_number=case, source=src, events=events, links=links, rejected=rejected,
                       case_title="Phone fraud, Almaty", user="investigator1")


def calls_b(case: str = "2024-002") -> ImportBatch:
    """One call of PHONE_1 in another file (and, by default, another case); no links, no rejects."""
    events = _events([
        {"row": 7, "etype": "call", "time": "2024-04-02 09:30:00", "a_kind": "phone", "a_key": "+77770000001",
         "a_display": "+7 777 000 00 01", "b_kind": "phone", "b_key": PHONE_1, "b_display": "87011234567",
         "target": "a", "direction": "out", "duration": 30.0},
    ])
    src = SourceFile(path="/evidence/calls_b.xlsx", name="calls_b.xlsx", sha256="b" * 64, size=999,
                     kind="calls", spec={"kind": "calls", "sheet": 0}, encoding=None, rows_total=1)
    return ImportBatch(case_number=case, source=src, events=events, links=empty_links(),
                       rejected=empty_rejected(), user="investigator2")


@pytest.fixture
def batch_a():
    """Factory of the ``calls_a`` batch (optionally for another case number)."""
    return calls_a


@pytest.fixture
def batch_b():
    """Factory of the ``calls_b`` batch."""
    return calls_b


@pytest.fixture
def ids():
    """The identifiers the hand-built batches use."""
    return {"phone_1": PHONE_1, "phone_2": PHONE_2, "imei": IMEI, "imsi": IMSI}
