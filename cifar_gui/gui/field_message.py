"""The one-line message under a settings field, in a space that is always reserved.

A message that appeared, or wrapped onto a second line, used to push every field below it
down while the user was typing, so the next click landed on the wrong field. This label
keeps one line's height whether it shows a message or not, never widens the panel, and
shortens a long message with "…" (the whole of it is in its tooltip and in the reason that
the window shows next to Start).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

ERROR_COLOUR = "#c0392b"  # every refusal and error text in the window
ERROR_STYLE = f"color: {ERROR_COLOUR};"


class FieldMessage(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)  # hidden, it still holds its line
        self.setSizePolicy(policy)
        self.setFixedHeight(self.fontMetrics().height() + 2)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def shown_text(self) -> str:
        """The text as drawn in the label's width (elided with "…" when it does not fit)."""
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, max(self.width(), 0)
        )

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setPen(QColor(ERROR_COLOUR))
        painter.drawText(
            self.rect(), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.shown_text(),
        )  # fmt: skip
        painter.end()
