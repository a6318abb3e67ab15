"""Combo boxes that the mouse wheel changes only once they have the focus.

Qt's combo boxes take every wheel event that passes over them: scrolling down a long settings
panel stops at the first combo box under the pointer and changes its value (Adam becomes
RMSprop without a click). Here an unfocused combo box ignores the wheel, so the event goes on
to the scroll area around it; a click or Tab gives it the focus, and then the wheel works.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QComboBox, QWidget


class FocusedWheelComboBox(QComboBox):
    """A ``QComboBox`` whose value the wheel changes only while it has the keyboard focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no focus from the wheel itself

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()  # the scroll area around it scrolls instead
