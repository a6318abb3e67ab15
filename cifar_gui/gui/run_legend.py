"""The legend of the runs overlay: one entry per run, its colour and its name, in a list of its
own beside the plots.

A legend inside a plot takes its room from the curves: with five or six runs selected it
squashed the Runs tab's plots to a few pixels. This list has a bounded width, scrolls when
the runs outnumber its height, and shows each name as plain text (``<b>`` stays ``<b>``), the
same as the runs table; a name too long for it is elided and whole in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from cifar_gui.gui.plain_text import plain_tooltip

LEGEND_WIDTH = 240  # pixels: about 30 characters of a run's name
SWATCH = QSize(18, 4)  # a line's sample, as drawn in the plots


def swatch(colour: str, dashed: bool = False) -> QIcon:
    """A short thick line of ``colour`` (a ``#rrggbb`` string), as the legend's icon; broken
    in two dashes for a curve read from a CSV file (drawn dash-dotted in the plots)."""
    pixmap = QPixmap(SWATCH)
    pixmap.fill(QColor(colour))
    if dashed:
        painter = QPainter(pixmap)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
        painter.fillRect(SWATCH.width() // 2 - 2, 0, 4, SWATCH.height(), QColor(0, 0, 0, 0))
        painter.end()
    return QIcon(pixmap)


class RunLegend(QListWidget):
    """Run names with their curve colours; read-only, never takes the keyboard focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIconSize(SWATCH)
        self.setFixedWidth(LEGEND_WIDTH)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a run's date and its suffix show
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_entries(
        self, entries: list[tuple[str, str]], external: list[tuple[str, str]] = ()
    ) -> None:
        """``(name, colour)`` of each run, in the order drawn, then of each history read from
        a CSV file (``external``: a broken swatch, the tooltip says so); replaces the
        previous ones."""
        self.clear()
        for name, colour in entries:
            item = QListWidgetItem(swatch(colour), name)
            item.setToolTip(plain_tooltip(name))
            self.addItem(item)
        for name, colour in external:
            item = QListWidgetItem(swatch(colour, dashed=True), name)
            item.setToolTip(
                plain_tooltip(self.tr("{name}: curves from a CSV file").format(name=name))
            )
            self.addItem(item)

    def names(self) -> list[str]:
        """The names listed, top to bottom."""
        return [self.item(row).text() for row in range(self.count())]
