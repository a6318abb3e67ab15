"""Parallel coordinates for a sweep: one vertical axis per swept setting and a last one for the
best validation accuracy; each run is a line across them, coloured by its accuracy (viridis,
best brightest), so the settings of the good runs line up at a glance.

Each axis runs from its smallest value (bottom) to its largest (top): numbers on a log scale
for the settings drawn log-uniformly (their names say "(log scale)"), choices one step each in
the sweep's order.
"""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtWidgets import QVBoxLayout, QWidget

from cifar_gui.gui.setting_labels import setting_label, value_text
from cifar_gui.sweep.results import SweepTable
from cifar_gui.sweep.spec import LOG_UNIFORM

COLOUR_SPAN = 0.85  # as in sweep_plots: viridis's pale end is hard to see on white


def _position(value: Any, values: list[Any], log: bool) -> float:
    """``value`` on its axis, 0 (smallest) to 1 (largest); 0.5 when the axis has one value."""
    numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
    if not numeric:
        ordered = list(dict.fromkeys(values))
        return ordered.index(value) / (len(ordered) - 1) if len(ordered) > 1 else 0.5
    scale = math.log10 if log else float
    low, high = scale(min(values)), scale(max(values))
    return (scale(value) - low) / (high - low) if high > low else 0.5


class ParallelCoordinates(QWidget):
    """``show_table(table)`` draws it; ``lines`` maps run number -> its y on each axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(title=self.tr("Every swept setting and the best accuracy"))
        self.plot.hideAxis("left")
        self.plot.setMouseEnabled(x=False, y=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.lines: dict[int, list[float]] = {}

    def show_table(self, table: SweepTable) -> None:
        self.plot.clear()
        self.lines = {}
        rows = [r for r in table.rows if r.best_val_acc is not None]
        if not rows or not table.swept:
            return
        axes = [*table.swept, "best_val_acc"]
        columns = {k: [r.combination.get(k) for r in rows] for k in table.swept}
        columns["best_val_acc"] = [r.best_val_acc for r in rows]
        accuracy = columns["best_val_acc"]
        colour_map = pg.colormap.get("viridis")
        for index, row in enumerate(rows):
            ys = [_position(columns[k][index], columns[k], _is_log(k, columns[k])) for k in axes]
            self.lines[row.index] = ys
            shade = COLOUR_SPAN * _position(accuracy[index], accuracy, False)
            colour = colour_map.map(shade, mode="qcolor")
            self.plot.plot(list(range(len(axes))), ys, pen=pg.mkPen(colour, width=2))
        self._draw_axes(axes, columns)

    def _draw_axes(self, axes: list[str], columns: dict[str, list[Any]]) -> None:
        names = [
            self.tr("{setting} (log scale)").format(setting=setting_label(key))
            if _is_log(key, columns[key]) else setting_label(key)
            for key in axes[:-1]
        ]  # fmt: skip
        names.append(self.tr("Best val acc"))
        self.plot.getAxis("bottom").setTicks([list(enumerate(names))])
        for x, key in enumerate(axes):
            self.plot.addItem(pg.InfiniteLine(pos=x, angle=90, pen=pg.mkPen("#888")))
            for y, value in _axis_labels(columns[key], _is_log(key, columns[key])):
                text = f"{value:.4f}" if key == "best_val_acc" else value_text(key, value)
                label = pg.TextItem(text, color="#333", anchor=(-0.1, 0.5))
                label.setPos(x, y)
                self.plot.addItem(label)
        self.plot.setXRange(-0.3, len(axes) - 0.7)
        self.plot.setYRange(-0.15, 1.15)


def _is_log(key: str, values: list[Any]) -> bool:
    """Whether the axis of setting ``key`` is logarithmic: drawn log-uniformly, all numbers > 0."""
    numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
    return key in LOG_UNIFORM and numeric and min(values) > 0


def _axis_labels(values: list[Any], log: bool) -> list[tuple[float, Any]]:
    """(position, value) to write beside an axis: its ends for numbers, every choice else."""
    numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
    shown = [min(values), max(values)] if numeric else list(dict.fromkeys(values))
    return [(_position(v, values, log), v) for v in dict.fromkeys(shown)]
