"""Legends that never cover a curve: placed in a row of their own below the plot's x axis.

pyqtgraph's ``addLegend`` floats the legend inside the data area, where a rising accuracy
curve or a long bar runs underneath it. Here the legend is one more row of the plot item's
own grid layout, so the data area shrinks to make room instead. The legend never widens the
plot: it takes as many entries a row as fit the plot's width (at most ``columns``).

pyqtgraph draws a legend's names as HTML; a name here is shown as typed (a run renamed
``test <b>x</b>`` reads so, as in the runs table), through ``PlainLegend``.
"""

from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtWidgets import QSizePolicy

LEGEND_ROW = 4  # PlotItem's grid: 0 title, 1 top axis, 2 view box, 3 bottom axis
ENTRY_SPACING = 12  # pixels between two entries of a row (pyqtgraph's own is tighter)


class PlainLegend(pg.LegendItem):
    """A ``pg.LegendItem`` whose entries' names are text, never markup."""

    def addItem(self, item, name: str) -> None:
        """Add ``item`` under ``name``, shown literally (``<``, ``&`` escaped for its HTML)."""
        super().addItem(item, html.escape(str(name), quote=False))


def legend_below(plot_item: pg.PlotItem, columns: int = 3) -> pg.LegendItem:
    """A legend under ``plot_item``'s x axis with up to ``columns`` entries a row; items
    plotted with a ``name`` join it, and ``plot_item.clear()`` empties it, as with
    ``addLegend``."""
    legend = PlainLegend(colCount=columns)
    legend.setParentItem(plot_item)
    legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    legend.setMinimumWidth(0)  # its entries never make the plot wider than its widget
    plot_item.layout.addItem(legend, LEGEND_ROW, 1)
    plot_item.legend = legend
    legend.most_columns = columns

    def fit(*_args) -> None:
        fit_columns(legend, plot_item.getViewBox().width())

    plot_item.getViewBox().sigResized.connect(fit)
    return legend


def width_needed(legend: pg.LegendItem, columns: int) -> float:
    """The width of the legend's entries laid out ``columns`` to a row (row-major)."""
    widths = [0.0] * columns
    for index, (sample, label) in enumerate(legend.items):
        column = index % columns
        entry = sample.boundingRect().width() + label.boundingRect().width() + ENTRY_SPACING
        widths[column] = max(widths[column], entry)
    return sum(widths)


def fit_columns(legend: pg.LegendItem, width: float) -> int:
    """As many entries a row as fit ``width`` (one at least); returns the number chosen."""
    columns = max(legend.most_columns, 1)
    while columns > 1 and width_needed(legend, columns) > width:
        columns -= 1
    if columns != legend.columnCount:
        legend.setColumnCount(columns)
    return columns
