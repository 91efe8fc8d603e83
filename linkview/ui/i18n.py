"""Languages of the window: Kazakh, Russian and English (the source language).

The language comes from ``--lang``, else from the settings, else from the system locale. Qt's own strings
(standard buttons) are translated from Qt's catalogues where the installed Qt ships them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from linkview.ui.resources import LANGUAGES, translation_file

__all__ = ["choose_language", "install_translators", "remove_translators", "LANGUAGE_NAMES"]

#: Each language named in itself, for the Language menu.
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}


def choose_language(lang: str | None, settings: QSettings | None = None, locale: QLocale | None = None) -> str:
    """``lang`` if given, else the one saved in the settings, else the system's (kk, ru or en)."""
    if lang in LANGUAGES:
        return lang
    if settings is not None:
        saved = settings.value("language", "", str)
        if saved in LANGUAGES:
            return saved
    name = (locale or QLocale.system()).name()[:2].lower()
    return name if name in LANGUAGES else "en"


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Load LinkView's catalogue (and Qt's) for ``lang`` into ``app``; returns what was installed."""
    installed: list[QTranslator] = []
    if lang == "en":
        return installed
    path = translation_file(lang)
    if path is not None:
        own = QTranslator(app)
        if own.load(str(path)):
            app.installTranslator(own)
            installed.append(own)
    qt = QTranslator(app)
    if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
