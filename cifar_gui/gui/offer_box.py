"""A non-modal question the window asks at start-up ("continue the interrupted run?").

Non-modal, so the window stays usable while it waits; the callback runs only when the user
accepts. Used for interrupted runs and for unfinished sweeps.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget


def show_offer(
    parent: QWidget,
    title: str,
    text: str,
    accept_text: str,
    reject_text: str,
    on_accept: Callable[[], None],
) -> tuple[QMessageBox, QAbstractButton]:
    """Show the question; returns the box and its accept button (the caller keeps both, so
    they live as long as the window and tests can press them). All texts come translated."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a run's name as typed
    accept = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(reject_text, QMessageBox.ButtonRole.RejectRole)
    box.setModal(False)
    box.buttonClicked.connect(lambda button: on_accept() if button is accept else None)
    box.show()
    return box, accept
