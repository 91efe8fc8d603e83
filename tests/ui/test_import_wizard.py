"""The import wizard, driven page by page as a user would: files and case, mapping, import, summary."""

from __future__ import annotations

import threading

import pytest

pytestmark = pytest.mark.gui


def _to_mapping_page(window, qtbot, path, *, new_case=("2024-0003", "Unrelated case")):
    wizard = window.show_import_wizard()      # a child of the window: closed with it
    files = wizard.files_page
    files.add_files([str(path)])
    files.new.setChecked(True)
    files.number.setText(new_case[0])
    files.title.setText(new_case[1])
    assert files.isComplete()
    with qtbot.waitSignal(wizard.mapping_page.preview_updated, timeout=30000):
        wizard.next()
    return wizard


def test_import_through_the_wizard(opened, qtbot, call_files):
    window = opened
    wizard = _to_mapping_page(window, qtbot, call_files["other"])
    mapping = wizard.mapping_page
    assert mapping.kind_combo.currentData() == "calls"
    assert mapping.encoding_combo.currentData() == ""          # detected, not forced
    assert mapping.header_spin.value() == 2                    # a title line sits above the header
    assert mapping.field_combos["a"].currentData() == "Абонент А"
    assert mapping.field_combos["datetime"].currentData() == "Дата и время соединения"
    assert mapping.sample_model.rowCount() > 0
    assert mapping.isComplete()
    # every mapping is editable: unmap a required field, the page is incomplete; map it back
    mapping.set_field("b", "")
    assert not mapping.isComplete()
    mapping.set_field("b", "Абонент Б")
    assert mapping.isComplete()

    with qtbot.waitSignal(wizard.import_ended, timeout=60000) as blocker:
        wizard.next()
    results = blocker.args[0]
    assert len(results) == 1 and results[0].events > 0
    assert wizard.currentPage() is wizard.import_page and wizard.import_page.isComplete()
    with qtbot.waitSignal(window.session.graph_changed, timeout=30000):
        wizard.next()                                          # summary page
    summary = wizard.summary_page
    assert summary.model.rowCount() == 1
    assert summary.model.value(0, "file") == "unrelated.csv"
    cases = window.cases_dock.model
    assert cases.rowCount() == 3
    row = cases.row_of(window.session.ws.case("2024-0003").id)
    assert cases.data(cases.index(row, 1)) == "Unrelated case"
    assert int(cases.data(cases.index(row, 3))) == results[0].events
    assert window.session.ws.case("2024-0003").id in window.session.scope
    wizard.accept()


def test_rejected_rows_are_summarised(opened, qtbot, make_calls, tmp_path):
    bad = make_calls(tmp_path / "files" / "bad.csv", "+77016660000", ["+77016660001"], extra_bad_row=True)
    wizard = _to_mapping_page(opened, qtbot, bad, new_case=("2024-0009", ""))
    with qtbot.waitSignal(wizard.import_ended, timeout=60000):
        wizard.next()
    wizard.next()
    reasons = wizard.summary_page.reasons_model
    assert reasons.rowCount() >= 1
    assert reasons.value(0, "severity") == "error"
    assert reasons.value(0, "reason")
    wizard.accept()


def test_cancelled_import_keeps_nothing(opened, qtbot, call_files, monkeypatch):
    import linkview.ui.import_wizard as module

    real = module.import_files
    started = threading.Event()

    def slow_import(ws, files, *, progress, should_cancel, **kwargs):
        started.set()
        while not should_cancel():          # the user presses Cancel while the files are read
            threading.Event().wait(0.01)
        return real(ws, files, progress=progress, should_cancel=should_cancel, **kwargs)

    monkeypatch.setattr(module, "import_files", slow_import)
    cases_before = len(opened.session.ws.cases())
    wizard = _to_mapping_page(opened, qtbot, call_files["other"])
    with qtbot.waitSignal(wizard.import_ended, timeout=60000) as blocker:
        wizard.next()
        assert started.wait(10)
        wizard.import_page.cancel_button.click()
    assert blocker.args[0] == []
    assert wizard.import_page.task.outcome == "cancelled"
    assert not wizard.import_page.isComplete()
    assert len(opened.session.ws.cases()) == cases_before
    wizard.reject()


def test_saved_spec_is_offered_and_applied(opened, qtbot, call_files, tmp_path, monkeypatch):
    import linkview.ui.import_wizard as module

    monkeypatch.setattr(module, "specs_dir", lambda: tmp_path / "specs")
    wizard = _to_mapping_page(opened, qtbot, call_files["other"])
    mapping = wizard.mapping_page
    path = mapping.save_spec("Kcell calls")
    assert path.is_file() and path.parent == tmp_path / "specs"
    assert mapping.spec_combo.findData(str(path)) > 0
    from linkview.ingest import ImportSpec

    saved = ImportSpec.load(path)
    assert saved.kind == "calls" and saved.columns["a"] == "Абонент А" and saved.header_row == 2
    with qtbot.waitSignal(mapping.preview_updated, timeout=30000):
        mapping.apply_spec(path)
    assert mapping.isComplete()
    wizard.reject()
