"""Confusion-matrix cells take their colours from pyqtgraph's colormaps (not a hand-made ramp),
and their text stays readable on them."""

import pyqtgraph as pg
import pytest
from PySide6.QtGui import QColor

from cifar_gui.gui.confusion_cells import (
    CHANGE_COLORMAP,
    SHARE_COLORMAP,
    change_colour,
    matrix_cell,
    share_colour,
)


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.getRgb()[:3]


def test_share_colours_are_the_colormaps():
    colormap = pg.colormap.get(SHARE_COLORMAP)
    for fraction in (0.0, 0.3, 1.0):
        assert _rgb(share_colour(fraction)) == _rgb(colormap.map(fraction, mode="qcolor"))
    assert _rgb(share_colour(1.7)) == _rgb(share_colour(1.0))  # clipped


@pytest.mark.parametrize(
    ("change", "diagonal", "end"),
    [(+3, True, 0.0), (-3, False, 0.0), (-3, True, 1.0), (+3, False, 1.0)],
)
def test_change_colours_run_green_for_better_and_red_for_worse(change, diagonal, end):
    # A third of a 9-image class moved: full strength, the colormap's end.
    expected = pg.colormap.get(CHANGE_COLORMAP).map(end, mode="qcolor")
    assert _rgb(change_colour(change, diagonal, 9)) == _rgb(expected)
    assert _rgb(change_colour(0, diagonal, 9)) == (255, 255, 255)


def test_text_is_white_on_dark_cells_only(qtbot):
    dark = matrix_cell("90", share_colour(1.0), "tip")
    light = matrix_cell("1", share_colour(0.05), "tip")
    assert dark.foreground().color() == QColor("white")
    assert light.foreground().style().name == "NoBrush"  # the table's own (dark) text colour
    assert dark.toolTip() == "tip" and dark.text() == "90"
