"""Start the window: the application, its language and style, the runner, the session, the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from linkview.ui.i18n import choose_language, install_translators
from linkview.ui.resources import icon, style_sheet

__all__ = ["run", "create_application", "build_window", "ORGANIZATION", "APPLICATION"]

log = logging.getLogger(__name__)

ORGANIZATION = "LinkView"
APPLICATION = "LinkView"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused when one exists), named so QSettings finds LinkView's settings."""
    app = QApplication.instance() or QApplication(argv if argv is not None else [sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setWindowIcon(icon("app"))
    return app


def build_window(app: QApplication, settings: QSettings, lang: str | None = None):
    """Install the language and style, then create the runner, session and main window."""
    from linkview.ui.main_window import MainWindow
    from linkview.ui.session import Session
    from linkview.ui.tasks import TaskRunner

    language = choose_language(lang, settings)
    app.setProperty("linkview_language", language)
    translators = install_translators(app, language)
    app.setStyleSheet(style_sheet())
    runner = TaskRunner()
    session = Session(runner)
    window = MainWindow(session, runner, settings)
    # the window owns its collaborators from here on
    runner.setParent(window)
    session.setParent(window)
    window.translators = translators
    return window


def run(workspace: str | None = None, demo: bool = False, lang: str | None = None, smoke: bool = False) -> int:
    """Open the window (on a workspace, the demo, or the welcome page) and run until it closes."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = create_application()
    settings = QSettings()
    window = build_window(app, settings, lang)
    window.show()
    if workspace:
        if not window.open_workspace(Path(workspace), create=not Path(workspace).exists()):
            log.error("cannot open %s", workspace)
            if smoke:
                return 1
    elif demo:
        task = window.open_demo()
        if smoke:
            task.ended.connect(window.close)
            task.failed.connect(lambda message, details: app.exit(1))
    if smoke and not demo:
        QTimer.singleShot(0, window.close)
    return app.exec()
