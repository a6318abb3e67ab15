"""A sweep's curves and scores: validation accuracy of every run overlaid, coloured by the
value of one swept setting, and that setting against each run's best validation accuracy.

Colours come from pyqtgraph's ``viridis`` colour map (ordered, readable in grey and with the
common colour-vision deficiencies): the smallest value dark blue, the largest yellow. A
setting drawn log-uniformly (learning rate, weight decay, L2 factor) gets a log x axis, named
"(log scale)", whose labelled ticks are the swept values themselves (1, 2 and 5 times each
power of ten when there are many), with unlabelled marks at 1..9 times each power of ten so the
spacing reads as logarithmic; a choice (preset, optimizer) one tick per choice.
"""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from cifar_gui.gui.epoch_axis import epoch_axes
from cifar_gui.gui.parallel_coordinates import ParallelCoordinates
from cifar_gui.gui.plot_legends import legend_below
from cifar_gui.gui.setting_labels import setting_label, value_text
from cifar_gui.run_store.record import RunRecord
from cifar_gui.sweep.results import SweepTable
from cifar_gui.sweep.spec import LOG_UNIFORM

COLOUR_MAP = "viridis"
COLOUR_SPAN = 0.85  # viridis's last, pale yellow is hard to see on a white plot
VALUE_TICKS = 6  # up to this many swept values are labelled themselves on a log axis


def _ordered_values(values: list[Any]) -> list[Any]:
    distinct = list(dict.fromkeys(values))
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in distinct):
        return sorted(distinct)
    return distinct  # choices: in the order the sweep lists them


def log_ticks(setting: str, values: list[float]) -> list[list[tuple[float, str]]]:
    """pyqtgraph tick levels for a log x axis over ``values`` (positive numbers; positions are
    log10 of the value): labelled ticks at the values themselves, as the sweep table writes
    them (at most ``VALUE_TICKS`` distinct ones; else at 1, 2 and 5 times each power of ten),
    then unlabelled marks at 1..9 times each power of ten."""
    low, high = min(values), max(values)
    powers = range(math.floor(math.log10(low)), math.floor(math.log10(high)) + 1)
    grid = [m * 10.0**p for p in powers for m in range(1, 10)]
    distinct = sorted(set(values))
    if len(distinct) <= VALUE_TICKS:
        labelled = [(math.log10(v), value_text(setting, v)) for v in distinct]
    else:
        labelled = [(math.log10(g), f"{g:g}") for g in grid if _leading(g) in (1, 2, 5)]
    taken = [position for position, _ in labelled]
    marks = [(math.log10(g), "") for g in grid
             if not any(math.isclose(math.log10(g), t, abs_tol=1e-9) for t in taken)]  # fmt: skip
    return [labelled, marks]


def _leading(value: float) -> int:
    """The first digit of a positive number: 3 for 0.0003."""
    return round(value / 10.0 ** math.floor(math.log10(value) + 1e-9))


class SweepPlots(QWidget):
    """``show(table, setting)`` redraws both plots; ``curves`` and ``points`` hold what is drawn
    (run number -> curve; (x, y) per run) for tests and exports."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overlay = pg.PlotWidget(
            title=self.tr("Validation accuracy of each run"), axisItems=epoch_axes()
        )
        self.overlay.getPlotItem().setLimits(yMin=-0.02, yMax=1.02)  # an accuracy: 0 to 1
        self.overlay.setLabel("bottom", self.tr("epoch"))
        self.overlay.setLabel("left", self.tr("validation accuracy"))
        legend_below(self.overlay.getPlotItem(), columns=2)  # never over a curve
        self.scatter = pg.PlotWidget(title=self.tr("Best validation accuracy by setting"))
        self.scatter.setLabel("left", self.tr("best validation accuracy"))
        for widget in (self.overlay, self.scatter):
            widget.getAxis("left").enableAutoSIPrefix(False)
            widget.getAxis("bottom").enableAutoSIPrefix(False)  # 0.0003, not "0.3 (x0.001)"
        self.parallel = ParallelCoordinates()
        self.views = QTabWidget()
        self.views.addTab(self.scatter, self.tr("By setting"))
        self.views.addTab(self.parallel, self.tr("All settings"))
        self.note = QLabel()
        plots = QHBoxLayout()
        plots.addWidget(self.overlay)
        plots.addWidget(self.views)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(plots, 1)
        layout.addWidget(self.note)
        self.curves: dict[int, pg.PlotDataItem] = {}
        self.points: list[tuple[float, float]] = []
        self.colours: dict[Any, str] = {}
        self._shown_sweep: str | None = None

    def show_table(self, table: SweepTable, setting: str | None) -> None:
        self.overlay.clear()
        self.scatter.clear()
        self.curves, self.points, self.colours = {}, [], {}
        self.parallel.show_table(table)
        if table.sweep_id != self._shown_sweep:  # a new sweep: with several settings, all at once
            self._shown_sweep = table.sweep_id
            self.views.setCurrentWidget(self.parallel if len(table.swept) > 1 else self.scatter)
        if not table.rows or setting is None:
            return
        values = _ordered_values([row.combination.get(setting) for row in table.rows])
        colour_map = pg.colormap.get(COLOUR_MAP)
        for rank, value in enumerate(values):
            position = COLOUR_SPAN * rank / (len(values) - 1) if len(values) > 1 else 0.5
            self.colours[value] = colour_map.map(position, mode="qcolor").name()
        self._draw_curves(table, setting)
        self._draw_points(table, setting, values)

    def _draw_curves(self, table: SweepTable, setting: str) -> None:
        named, unreadable = set(), []
        for row in table.rows:
            try:
                history = RunRecord(row.run_dir).read_history()
            except (OSError, ValueError, KeyError):
                unreadable.append(str(row.index))
                continue
            value = row.combination.get(setting)
            colour = self.colours[value]
            name = (
                None
                if value in named
                else f"{setting_label(setting)} = {value_text(setting, value)}"
            )
            named.add(value)
            self.curves[row.index] = self.overlay.plot(
                [int(r["epoch"]) for r in history],
                [float(r.get("val_acc", math.nan)) for r in history],
                name=name, pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=5,
                symbolBrush=colour, symbolPen=None,
            )  # fmt: skip
        self.note.setText(
            self.tr("No readable history: {runs}").format(runs=", ".join(unreadable))
            if unreadable
            else ""
        )

    def _draw_points(self, table: SweepTable, setting: str, values: list[Any]) -> None:
        numeric = all(isinstance(v, int | float) for v in values)
        log_x = numeric and setting in LOG_UNIFORM and min(values) > 0
        axis = self.scatter.getAxis("bottom")
        if log_x:
            axis.setTicks(log_ticks(setting, values))
        else:
            axis.setTicks(None if numeric else [[(i, str(v)) for i, v in enumerate(values)]])
        self.scatter.setLogMode(x=log_x, y=False)
        label = setting_label(setting)
        if log_x:
            label = self.tr("{setting} (log scale)").format(setting=label)
        self.scatter.setLabel("bottom", label)
        spots = []
        for row in table.rows:
            if row.best_val_acc is None:
                continue
            value = row.combination.get(setting)
            x = float(value) if numeric else float(values.index(value))
            self.points.append((x, row.best_val_acc))
            spots.append({"pos": (math.log10(x) if log_x else x, row.best_val_acc),
                          "brush": pg.mkBrush(self.colours[value]), "size": 11,
                          "data": row.index})  # fmt: skip
        self.scatter.addItem(pg.ScatterPlotItem(spots=spots, pen=pg.mkPen("k")))
