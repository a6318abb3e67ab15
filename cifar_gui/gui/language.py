"""The window's language: the desktop locale unless *View > Language* chose one, Qt's catalogue
and the core's (``cifar_gui.i18n``) always in the same language, and a check for a Hangul font.

The choice is stored in QSettings under ``view/language`` (``"system"``, ``"en"`` or ``"ko"``)
and applied at the next start: widgets already built keep their words, so a run in progress is
never disturbed.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QAction, QActionGroup, QFontDatabase
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from cifar_gui import i18n
from cifar_gui.paths import resources_dir

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, source: str) -> tuple[str, str]:
    """Marks ``source`` for lupdate under ``context`` (Qt's name, which lupdate looks for)
    without translating it now; returns both for ``in_language``."""
    return context, source


LANGUAGE_KEY = "view/language"
CHOICES = ("system", "en", "ko")
QT_LOCALES = {
    "en": (QLocale.Language.English, QLocale.Country.UnitedStates),
    "ko": (QLocale.Language.Korean, QLocale.Country.SouthKorea),
}


def stored_choice() -> str:
    """``"system"``, ``"en"`` or ``"ko"`` as saved by the View menu (``"system"`` when unset or
    unreadable: settings files are untrusted)."""
    value = QSettings().value(LANGUAGE_KEY, "system")
    return value if isinstance(value, str) and value in CHOICES else "system"


def chosen_language(choice: str | None = None) -> str:
    """The language the window shows: the stored choice, or the desktop locale's
    (``cifar_gui.i18n.detect_language``: ``LANG=ko_KR.UTF-8`` gives ``"ko"``) for ``"system"``."""
    choice = stored_choice() if choice is None else choice
    return i18n.detect_language() if choice == "system" else choice


def install_translations(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """Load Qt's own ``qtbase_<lang>.qm`` and ``resources/translations/cifar_gui_<lang>.qm`` for
    ``language`` (``None``: ``chosen_language()``), make that language's QLocale the default (so
    numbers and dates follow it) and switch the core's messages to it. Returns the installed
    translators (none for English, the source language)."""
    language = chosen_language() if language is None else language
    language = language if language in QT_LOCALES else "en"
    for old in getattr(app, "_cifar_gui_translators", []):
        app.removeTranslator(old)
    QLocale.setDefault(QLocale(*QT_LOCALES[language]))
    i18n.set_language(language)
    translators = []
    if language != "en":
        for name, folder in (
            ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            ("cifar_gui", str(resources_dir() / "translations")),
        ):
            translator = QTranslator(app)
            if translator.load(f"{name}_{language}", folder):
                app.installTranslator(translator)
                translators.append(translator)
            else:
                log.warning("no %s translation for %s in %s", name, language, folder)
    app._cifar_gui_translators = translators
    return translators


def hangul_font_missing() -> bool:
    """True when no installed font covers Hangul (Qt would draw empty boxes for Korean)."""
    return not QFontDatabase.families(QFontDatabase.WritingSystem.Korean)


def font_warning(language: str) -> str:
    """One line for the status bar and the log when ``language`` needs a font that is missing,
    else ``""``."""
    if language != "ko" or not hangul_font_missing():
        return ""
    return QCoreApplication.translate(
        "Language",
        "No installed font covers Hangul, so Korean text may show as boxes: install "
        "fonts-noto-cjk (sudo apt-get install fonts-noto-cjk).",
    )


RESTART_NOTICE = QT_TRANSLATE_NOOP(
    "LanguageMenu",
    "The new language applies the next time CIFAR GUI starts; this window, and any run in "
    "progress, carry on unchanged.",
)


def in_language(language: str, context_and_source: tuple[str, str]) -> str:
    """``(context, source)`` translated into ``language`` from the app's Qt catalogue, whatever
    language the window shows now; the English source when there is no translation."""
    context, source = context_and_source
    if language == "en":
        return source
    translator = QTranslator()
    if translator.load(f"cifar_gui_{language}", str(resources_dir() / "translations")):
        return translator.translate(context, source) or source
    return source


class LanguageMenu:
    """*View > Language*: System / English / 한국어, remembered, applied at the next start."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        menu = window.menuBar().addMenu(QCoreApplication.translate("LanguageMenu", "&View"))
        self.menu = menu.addMenu(QCoreApplication.translate("LanguageMenu", "&Language"))
        self.group = QActionGroup(window)
        self.actions: dict[str, QAction] = {}
        names = {
            "system": QCoreApplication.translate("LanguageMenu", "System (follow the desktop)"),
            "en": "English",  # each language in its own words, whatever the window shows
            "ko": "한국어",
        }
        current = stored_choice()
        for choice in CHOICES:
            action = QAction(names[choice], window, checkable=True)
            action.setChecked(choice == current)
            action.setData(choice)
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[choice] = action
        self.group.triggered.connect(self._chosen)

    def _chosen(self, action: QAction) -> None:
        choice = action.data()
        if choice == stored_choice():
            return
        QSettings().setValue(LANGUAGE_KEY, choice)
        # Said in the language just chosen: whoever picked 한국어 may not read the current one.
        language = chosen_language(choice)
        QMessageBox.information(
            self.window,
            in_language(language, QT_TRANSLATE_NOOP("LanguageMenu", "Language")),
            in_language(language, RESTART_NOTICE),
        )
