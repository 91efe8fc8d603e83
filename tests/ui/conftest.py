"""Fixtures of the window tests: call-record files written here, a small workspace built from them through
ingest, and a main window on its own settings file (never the user's)."""

from __future__ import annotations

from pathlib import Path

import pytest

# Two victims' cases joined by one fraudster's phone (+7 701 555 12 34) and handset; case 3 is separate.
FRAUD = "+77015551234"
FRAUD_IMEI = "356938035643809"


def write_calls(path: Path, target: str, others: list[str], *, imei: str = "", extra_bad_row: bool = False) -> Path:
    """A детализация of ``target`` as a Russian-locale CSV (cp1251, ';'), with a title line above the header."""
    lines = [f"Детализация по номеру {target}",
             "Дата и время соединения;Абонент А;Абонент Б;Длительность соединения (сек.);Тип соединения;IMEI"]
    for i, other in enumerate(others):
        lines.append(f"{1 + i % 27:02d}.03.2024 1{i % 10}:0{i % 6}:00;{target};{other};{30 + i};Исх;{imei}")
        lines.append(f"{1 + i % 27:02d}.03.2024 2{i % 4}:1{i % 6}:00;{other};{target};{12 + i};Вх;{imei}")
    if extra_bad_row:
        lines.append(f"31.13.2024 10:00:00;{target};not-a-number;5;Исх;{imei}")
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1251"))
    return path


@pytest.fixture
def make_calls():
    """The writer of call-record files, for tests that need one of their own."""
    return write_calls


@pytest.fixture
def call_files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "files"
    folder.mkdir()
    return {
        "victim1": write_calls(folder / "victim1_kcell.csv", "+77017770001",
                               [FRAUD, "8 (701) 555-12-34", "+77012223344", "+77013334455"]),
        "victim2": write_calls(folder / "victim2_beeline.csv", "87057770002",
                               ["+7 701 555 12 34", "+77054445566", "+77055556677"], extra_bad_row=True),
        "fraudster": write_calls(folder / "fraud_sim.csv", FRAUD, ["+77017770001", "+77057770002"],
                                 imei=FRAUD_IMEI),
        "other": write_calls(folder / "unrelated.csv", "+77779998877", ["+77471112233", "+77472223344"]),
    }


@pytest.fixture
def workspace_path(tmp_path: Path, call_files: dict[str, Path]) -> Path:
    """A workspace with cases 1 (victim 1 + the fraudster's SIM), 2 (victim 2); 'other' is left to import."""
    from linkview.ingest import import_file
    from linkview.workspace import Workspace

    path = tmp_path / "cases.linkview"
    with Workspace.create(path) as ws:
        import_file(ws, call_files["victim1"], case_number="2024-0001", case_title="Kaspi call, victim 1")
        import_file(ws, call_files["fraudster"], case_number="2024-0001")
        import_file(ws, call_files["victim2"], case_number="2024-0002", case_title="Fake bank, victim 2")
    return path


@pytest.fixture
def settings(tmp_path: Path):
    from PySide6.QtCore import QSettings

    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    s.setValue("language", "en")
    yield s
    s.sync()


@pytest.fixture
def window(qtbot, settings):
    """The main window with its runner and session, on an isolated settings file."""
    from PySide6.QtWidgets import QApplication

    from linkview.ui.app import build_window, create_application

    app = create_application()
    assert app is QApplication.instance()
    w = build_window(app, settings, "en")
    qtbot.addWidget(w)
    w.show()
    yield w
    w.close()
    w.runner.shutdown()
    from linkview.ui.i18n import remove_translators

    remove_translators(app, w.translators)


@pytest.fixture
def opened(window, workspace_path, qtbot):
    """The window on the small workspace, with the scope's graph and rings built and the chart filled."""
    with qtbot.waitSignal(window.chart_panel.chart_replaced, timeout=30000,
                          check_params_cb=lambda: len(window.chart_panel.state) > 0):
        assert window.open_workspace(workspace_path)
    return window
