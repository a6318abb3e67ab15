"""Legends that never cover a curve: placed in a row of their own below the plot's x axis.

pyqtgraph's ``addLegend`` floats the legend inside the data area, where a rising accuracy
curve or a long bar runs underneath it. Here the legend is one more row of the plot item's
own grid layout, so the data area shrinks to make room instead.
"""

from __future__ import annotations

import pyqtgraph as pg

LEGEND_ROW = 4  # PlotItem's grid: 0 title, 1 top axis, 2 view box, 3 bottom axis


def legend_below(plot_item: pg.PlotItem, columns: int = 3) -> pg.LegendItem:
    """A legend under ``plot_item``'s x axis with ``columns`` entries a row; items plotted
    with a ``name`` join it, and ``plot_item.clear()`` empties it, as with ``addLegend``."""
    legend = pg.LegendItem(colCount=columns)
    legend.setParentItem(plot_item)
    plot_item.layout.addItem(legend, LEGEND_ROW, 1)
    plot_item.legend = legend
    return legend
