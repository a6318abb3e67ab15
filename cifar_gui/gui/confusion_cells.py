"""The cells of a confusion-matrix table: the count, a colour from a pyqtgraph colormap, a text
colour that stays readable on it, and a tooltip. Used by the Evaluation tab's matrix and by
"Confusion over epochs".

Colours come from Peter Kovesi's perceptually uniform CET maps, as shipped by pyqtgraph
(``pg.colormap.get``): "CET-L12" (light grey to blue) for the share of a true class's images in
a cell, "CET-D3" (green, white, red) for how a cell changed since the previous epoch.
"""

from __future__ import annotations

from functools import cache

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTableWidgetItem

from cifar_gui.gui.plain_text import plain_tooltip

SHARE_COLORMAP = "CET-L12"
CHANGE_COLORMAP = "CET-D3"  # 0: green (better), 0.5: white, 1: red (worse)


@cache
def _colormap(name: str) -> pg.ColorMap:
    return pg.colormap.get(name)


def share_colour(fraction: float) -> QColor:
    """The colour of a cell holding ``fraction`` (0 to 1, clipped) of its true class's images."""
    return _colormap(SHARE_COLORMAP).map(min(max(fraction, 0.0), 1.0), mode="qcolor")


def change_colour(change: int, diagonal: bool, row_total: int) -> QColor:
    """Green where the epoch improved the cell (more correct on the diagonal, fewer confused off
    it), red where it got worse, the stronger the more of the class's ``row_total`` images moved
    (a quarter of the way for one image, all the way at a third of the class); white where
    nothing changed."""
    if change == 0 or row_total <= 0:
        return QColor("white")
    strength = min(1.0, 0.25 + 3 * abs(change) / row_total)
    better = (change > 0) == diagonal
    return _colormap(CHANGE_COLORMAP).map(0.5 + (-0.5 if better else 0.5) * strength, "qcolor")


def matrix_cell(text: str, background: QColor, tooltip: str) -> QTableWidgetItem:
    """A centred, read-only cell on ``background``, its text white where the colour is dark
    (relative luminance below 0.45, ITU-R BT.709 weights on the 8-bit channels)."""
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    item.setBackground(QBrush(background))
    luminance = (
        0.2126 * background.red() + 0.7152 * background.green() + 0.0722 * background.blue()
    ) / 255
    if luminance < 0.45:
        item.setForeground(QBrush(QColor("white")))
    item.setToolTip(plain_tooltip(tooltip))
    return item
