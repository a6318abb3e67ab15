"""The window's Help menu: *Open log folder* shows the folder of ``cifar-gui.log`` (see
``cifar_gui.logs``) in the desktop's file manager, so a teacher can send the log."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox

from cifar_gui.logs import log_dir

log = logging.getLogger(__name__)


def open_log_folder(parent: QMainWindow) -> bool:
    """Create the log folder if needed and open it; says in one sentence when it cannot."""
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("Log folder %s cannot be created: %s", folder, exc)
        opened = False
    else:
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
    if not opened:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("HelpMenu", "Log folder"),
            QCoreApplication.translate(
                "HelpMenu", "The log folder could not be opened; it is {folder}"
            ).format(folder=folder),
        )
    return opened


def add_help_menu(window: QMainWindow) -> QAction:
    """Add *Help > Open log folder* to ``window``'s menu bar; returns the action."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("HelpMenu", "&Help"))
    action = QAction(QCoreApplication.translate("HelpMenu", "Open &log folder"), window)
    action.triggered.connect(lambda: open_log_folder(window))
    menu.addAction(action)
    return action
