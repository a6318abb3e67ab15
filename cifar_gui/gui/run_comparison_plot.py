"""Several runs' curves overlaid: validation loss and accuracy (train optional), one colour
per run, named in one legend beside the two plots (``RunLegend``), so that however many runs
are selected the plots keep their height. Curves are rebuilt only when the selection changes."""

from __future__ import annotations

import math
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from cifar_gui.gui.epoch_axis import epoch_axes
from cifar_gui.gui.run_legend import LEGEND_WIDTH, RunLegend
from cifar_gui.gui.training_plots import drawable
from cifar_gui.run_store.record import RunRecord

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
PLOT_MIN_HEIGHT = 200  # pixels of each plot widget: title, axes and a readable data area


def _column(rows: list[dict], key: str) -> list[float]:
    """One history column as floats; a missing or unreadable value is NaN (left out)."""
    values = []
    for row in rows:
        try:
            values.append(float(row.get(key, math.nan)))
        except (TypeError, ValueError):
            values.append(math.nan)
    return values


class RunComparisonPlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loss_widget = pg.PlotWidget(title=self.tr("Loss"), axisItems=epoch_axes())
        self.acc_widget = pg.PlotWidget(title=self.tr("Accuracy"), axisItems=epoch_axes())
        self.acc_widget.getPlotItem().setLimits(yMin=-0.02, yMax=1.02)  # an accuracy: 0 to 1
        for widget, label in (
            (self.loss_widget, self.tr("loss")),
            (self.acc_widget, self.tr("accuracy")),
        ):
            widget.setLabel("bottom", self.tr("epoch"))
            widget.setLabel("left", label)
            widget.setMinimumHeight(PLOT_MIN_HEIGHT)
            widget.getAxis("left").enableAutoSIPrefix(False)  # 0.42, not "420 (x0.001)"
            widget.getAxis("bottom").enableAutoSIPrefix(False)
            ctrl = widget.getPlotItem().ctrl  # a log axis chosen in the context menu
            ctrl.logXCheck.toggled.connect(self.redraw)
            ctrl.logYCheck.toggled.connect(self.redraw)
        self.show_train = QCheckBox(self.tr("Show training curves (dashed)"))
        self.show_train.toggled.connect(self.redraw)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.note.setWordWrap(True)
        self.note.setMaximumWidth(LEGEND_WIDTH)
        self.legend = RunLegend()  # the same colours in both plots: one legend for the two
        side = QVBoxLayout()  # beside the plots: their height is all theirs
        side.addWidget(self.legend, 1)
        side.addWidget(self.show_train)
        side.addWidget(self.note)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.loss_widget, 1)
        layout.addWidget(self.acc_widget, 1)
        layout.addLayout(side)
        self.runs: list[tuple[str, list[dict]]] = []
        self.curves: dict[str, list[pg.PlotDataItem]] = {"loss": [], "acc": []}

    def set_runs(self, runs: list[tuple[str, Path]]) -> None:
        """(name, folder) pairs; a run whose history cannot be read is named, not drawn."""
        self.runs, unreadable = [], []
        for name, folder in runs:
            try:
                self.runs.append((name, RunRecord(folder).read_history()))
            except (OSError, ValueError, KeyError):
                unreadable.append(name)
        self.note.setText(
            self.tr("No readable history: {names}").format(names=", ".join(unreadable))
            if unreadable
            else ""
        )
        self.redraw()

    def redraw(self, *_args) -> None:
        """Rebuild the curves; a NaN, or a value a log axis cannot show, is left out alone."""
        for widget in (self.loss_widget, self.acc_widget):
            widget.clear()
            widget.getPlotItem().enableAutoRange()
        self.curves = {"loss": [], "acc": []}
        self.legend.set_entries(
            [(name, PALETTE[index % len(PALETTE)]) for index, (name, _rows) in enumerate(self.runs)]
        )
        for index, (name, rows) in enumerate(self.runs):
            colour = PALETTE[index % len(PALETTE)]
            epochs = [int(row["epoch"]) for row in rows]
            for key, widget in (("loss", self.loss_widget), ("acc", self.acc_widget)):
                ctrl = widget.getPlotItem().ctrl
                logs = ctrl.logXCheck.isChecked(), ctrl.logYCheck.isChecked()
                val = widget.plot(
                    *drawable(epochs, _column(rows, f"val_{key}"), *logs), name=name,
                    pen=pg.mkPen(colour, width=2), symbol="o", symbolSize=5,
                    symbolBrush=colour, symbolPen=None,
                )  # fmt: skip
                self.curves[key].append(val)
                if self.show_train.isChecked():
                    train = widget.plot(
                        *drawable(epochs, _column(rows, key), *logs), name=self.tr("{name} (train)").format(name=name),
                        pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine),
                    )  # fmt: skip
                    self.curves[key].append(train)
