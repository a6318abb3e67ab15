"""Starting the application: QApplication, translations, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from cifar_gui import APP_NAME, __version__
from cifar_gui.gui import garbage_collector

RESOURCES = Path(__file__).resolve().parents[2] / "resources"


def install_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own strings and ours (resources/translations/cifar_gui_<locale>.qm) for the locale."""
    translators = []
    locale = QLocale()
    for name, folder in (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("cifar_gui", str(RESOURCES / "translations")),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            translators.append(translator)
    return translators


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = RESOURCES / "cifar-gui.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    install_translations(app)
    garbage_collector.install(app)
    return app


def run_app(argv: list[str] | None = None) -> int:
    app = create_application(list(sys.argv if argv is None else argv))
    from cifar_gui.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    return app.exec()
