"""The canvas speaks the window's language: status line and legend come from the .qm catalogues."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication


def test_canvas_status_and_legend_are_russian(make_view):
    from linkview.ui.i18n import install_translators, remove_translators

    app = QApplication.instance()
    translators = install_translators(app, "ru")
    try:
        assert translators, "the Russian catalogue should load"
        view, _, _ = make_view(100)
        status = view.status.text()
        assert "связ" in status and "100" in status
        assert view.legend.entries()[-1] == "Толщина линии: число событий"
        assert view.legend.toolTip().startswith("Щёлкните")
    finally:
        remove_translators(app, translators)
    view.legend.set_collapsed(True)
    assert view.legend.entries() == ["▸ Legend"]
