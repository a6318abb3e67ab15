"""The window's Help menu: *Open log folder* shows the folder of ``cifar-gui.log`` (see
``cifar_gui.logs``) in the desktop's file manager, so a teacher can send the log; *About CIFAR
GUI* gives the versions and folders a bug report needs (TensorFlow's version is read from its
installed metadata, so the box never waits for TensorFlow to load)."""

from __future__ import annotations

import logging
import platform
from importlib import metadata

import pyqtgraph
import PySide6
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox

from cifar_gui import __version__
from cifar_gui.logs import log_dir
from cifar_gui.paths import default_runs_dir

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


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return QCoreApplication.translate("HelpMenu", "not installed")


def about_text() -> str:
    """The About box's text (rich text): the app's version, the versions of Python and the
    libraries it runs on, and the folders of its runs and its log."""
    rows = [
        ("CIFAR GUI", __version__),
        ("Python", platform.python_version()),
        *((name, _version(name)) for name in ("tensorflow", "keras")),  # not imported here
        ("PySide6", PySide6.__version__),  # installed as PySide6_Essentials or PySide6
        ("pyqtgraph", pyqtgraph.__version__),
        (QCoreApplication.translate("HelpMenu", "Runs folder"), str(default_runs_dir())),
        (QCoreApplication.translate("HelpMenu", "Log folder"), str(log_dir())),
    ]
    lines = "".join(f"<tr><td><b>{name}</b></td><td>{value}</td></tr>" for name, value in rows)
    intro = QCoreApplication.translate(
        "HelpMenu", "Train and inspect image classifiers on CIFAR-10 and your own images."
    )
    return f"<p>{intro}</p><table cellspacing='4'>{lines}</table>"


def show_about(parent: QMainWindow) -> None:
    """*Help > About CIFAR GUI*; its text can be selected and copied into a bug report."""
    box = QMessageBox(parent)
    box.setWindowTitle(QCoreApplication.translate("HelpMenu", "About CIFAR GUI"))
    box.setText(about_text())
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setIcon(QMessageBox.Icon.Information)
    box.exec()


def add_help_menu(window: QMainWindow) -> QAction:
    """Add *Help > Open log folder* and *Help > About CIFAR GUI* to ``window``'s menu bar;
    returns the first action."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("HelpMenu", "&Help"))
    action = QAction(QCoreApplication.translate("HelpMenu", "Open &log folder"), window)
    action.triggered.connect(lambda: open_log_folder(window))
    menu.addAction(action)
    about = QAction(QCoreApplication.translate("HelpMenu", "&About CIFAR GUI"), window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: show_about(window))
    menu.addAction(about)
    return action
