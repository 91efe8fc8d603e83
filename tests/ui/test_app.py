"""Start-up, languages, resources, settings and the chart saved with the workspace."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QLocale, QSettings, QSize

from linkview.ui import resources
from linkview.ui.i18n import choose_language

pytestmark = pytest.mark.gui


def test_every_entity_kind_and_action_has_an_icon():
    from linkview.identifiers import KINDS

    for kind in KINDS:
        assert resources.resource_path("icons", f"kind_{kind}.svg").is_file(), kind
    for name in ("new", "open", "import", "expand", "hide", "pin", "unpin", "fit", "undo", "redo", "layout",
                 "search"):
        assert resources.resource_path("icons", f"action_{name}.svg").is_file(), name


def test_icons_render(qapp):
    pixmap = resources.kind_icon("phone").pixmap(32, 32)
    assert not pixmap.isNull()
    assert not resources.kind_icon("no_such_kind").pixmap(32, 32).isNull()    # the question mark


def test_resources_found_in_a_bundle(tmp_path, monkeypatch):
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    resources.resource_root.cache_clear()
    try:
        assert resources.resource_root() == tmp_path / "resources"
    finally:
        resources.resource_root.cache_clear()


def test_compiled_translations_exist():
    for lang in ("kk", "ru"):
        assert resources.translation_file(lang) is not None, lang
    assert resources.translation_file("en") is None


def test_language_choice(tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert choose_language("kk", settings) == "kk"
    assert choose_language(None, settings, QLocale("ru_RU")) == "ru"
    assert choose_language(None, settings, QLocale("de_DE")) == "en"
    settings.setValue("language", "kk")
    assert choose_language(None, settings, QLocale("ru_RU")) == "kk"


@pytest.mark.parametrize(("lang", "titles"), [("ru", ["&Файл", "&Правка", "&Схема", "&Вид", "&Справка"]),
                                               ("kk", ["&Файл", "Тү&зету", "&Сызба", "&Көрініс", "&Анықтама"])])
def test_menus_are_translated(qtbot, settings, lang, titles):
    from linkview.ui.app import build_window, create_application
    from linkview.ui.i18n import remove_translators

    app = create_application()
    window = build_window(app, settings, lang)
    qtbot.addWidget(window)
    try:
        assert [a.text() for a in window.menuBar().actions()] == titles
    finally:
        window.close()
        remove_translators(app, window.translators)


def test_geometry_and_docks_are_remembered(qtbot, settings):
    from linkview.ui.app import build_window, create_application

    app = create_application()
    first = build_window(app, settings, "en")
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 560)           # inside the offscreen screen, so restoring it is not clamped
    first.rings_dock.hide()
    size = first.size()
    first.close()
    assert settings.value("window/geometry") is not None

    second = build_window(app, settings, "en")
    qtbot.addWidget(second)
    second.show()
    assert second.size() == size
    assert size != QSize(1440, 900)       # not the default size: the remembered one
    assert second.rings_dock.isHidden()
    assert not second.cases_dock.isHidden()
    second.close()


def test_chart_is_saved_with_the_workspace(opened, qtbot, settings, workspace_path):
    from linkview.ui.app import build_window, create_application
    from linkview.ui.main_window import CHART_NAME

    panel = opened.chart_panel
    first_id = int(panel.state.ids[0])
    panel.state.select([first_id])
    panel.action_pin.trigger()
    panel.set_measure("n_cases")
    ids = sorted(panel.state.ids.tolist())
    opened.close()
    saved = opened.session.ws is None
    assert saved

    app = create_application()
    again = build_window(app, settings, "en")
    qtbot.addWidget(again)
    again.show()
    assert again.open_workspace(workspace_path)
    assert again.session.ws.load_chart(CHART_NAME) is not None
    state = again.chart_panel.state
    assert sorted(state.ids.tolist()) == ids
    assert state.is_pinned(first_id)
    assert state.style.size_by == "n_cases"
    assert again.chart_panel.measure_combo.currentData() == "n_cases"
    assert again.recent_workspaces()[0] == str(workspace_path)
    again.close()


def test_smoke_flag_opens_and_closes(tmp_path, workspace_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-m", "linkview", "--smoke", "--lang", "ru", str(workspace_path)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
