"""Help > Open log folder opens the folder the log is written to."""

from __future__ import annotations

from PySide6.QtGui import QDesktopServices

from cifar_gui.logs import log_dir


def test_open_log_folder_opens_the_log_folder(make_window, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = make_window()
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[-1] == "&Help"
    window.open_log_action.trigger()
    assert [url.toLocalFile() for url in opened] == [str(log_dir())]
    assert log_dir().is_dir()
