"""*Help > About CIFAR GUI* gives what a bug report needs: versions and folders."""

import platform

import PySide6
from PySide6.QtWidgets import QMainWindow

from cifar_gui import __version__
from cifar_gui.gui.help_menu import about_text, add_help_menu
from cifar_gui.logs import log_dir
from cifar_gui.paths import default_runs_dir


def test_the_help_menu_offers_the_log_folder_and_about(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    add_help_menu(window)
    (help_menu,) = [a.menu() for a in window.menuBar().actions() if a.text() == "&Help"]
    assert [a.text() for a in help_menu.actions()] == ["Open &log folder", "&About CIFAR GUI"]


def test_about_names_the_versions_and_folders(qtbot):
    text = about_text()
    for expected in (
        f"<b>CIFAR GUI</b></td><td>{__version__}<",
        f"<b>Python</b></td><td>{platform.python_version()}<",
        f"<b>Runs folder</b></td><td>{default_runs_dir()}<",
        f"<b>Log folder</b></td><td>{log_dir()}<",
    ):
        assert expected in text
    assert "<b>tensorflow</b></td><td>2." in text  # from metadata: TensorFlow is not imported
    assert f"<b>PySide6</b></td><td>{PySide6.__version__}<" in text  # pip's PySide6_Essentials
    assert "not installed" not in text
