"""Starting the application: QApplication, translations, the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from cifar_gui import APP_NAME, __version__
from cifar_gui.gui import garbage_collector
from cifar_gui.gui import language as language_module
from cifar_gui.logs import install_excepthook
from cifar_gui.paths import resources_dir

RESOURCES = resources_dir()
log = logging.getLogger(__name__)


def install_translations(app: QApplication, language: str | None = None) -> list[QTranslator]:
    """Qt's own strings and ours (resources/translations/cifar_gui_<lang>.qm), the default
    QLocale and the core's messages (``cifar_gui.i18n``), all in one language: ``language``, or
    the one *View > Language* chose, or the desktop locale's (see ``gui/language.py``)."""
    return language_module.install_translations(app, language)


def application_icon() -> QIcon:
    """The SVG plus every rendered size, so each platform picks a sharp one."""
    icon = QIcon()
    svg = RESOURCES / "cifar-gui.svg"
    if svg.is_file():
        icon.addFile(str(svg))
    for png in sorted((RESOURCES / "icons").glob("cifar-gui-*.png")):
        icon.addFile(str(png))
    return icon


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_NAME)  # ties the window to cifar-gui.desktop and its icon
    app.setWindowIcon(application_icon())
    install_translations(app)
    garbage_collector.install(app)
    return app


def run_app(argv: list[str] | None = None) -> int:
    install_excepthook()
    app = create_application(list(sys.argv if argv is None else argv))
    from cifar_gui.gui.main_window import MainWindow

    window = MainWindow()
    window.show()
    if warning := language_module.font_warning(language_module.chosen_language()):
        log.warning("%s", warning)
        window.statusBar().showMessage(warning)
    return app.exec()
