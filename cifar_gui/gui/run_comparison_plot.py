"""Several runs' curves overlaid: validation loss and accuracy (train optional), one colour
per run, named in one legend beside the two plots (``RunLegend``), so that however many runs
are selected the plots keep their height. Curves are rebuilt only when the selection changes.

Histories read from CSV files (*Add a history CSV…*: a course notebook's log handed out by a
teacher, ``cifar_gui.data.history_csv``) are drawn too, dash-dotted with square markers, in
colours of their own, and stay through selection changes until *Remove CSV curves*.
*Save PNG…* writes the whole figure, both panels and the legend, as one image."""

from __future__ import annotations

import math
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.data.errors import DataSourceError
from cifar_gui.data.history_csv import HistoryCurves, read_history_csv
from cifar_gui.gui.epoch_axis import epoch_axes
from cifar_gui.gui.run_legend import LEGEND_WIDTH, RunLegend
from cifar_gui.gui.training_plots import drawable, use_plot_style
from cifar_gui.gui.widget_png import save_widget_png
from cifar_gui.i18n import os_error_text
from cifar_gui.run_store.record import RunRecord

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
# Curves from CSV files: colours none of the runs take, a dash-dotted line and square markers.
EXTERNAL_PALETTE = ("#555555", "#8C564B", "#17BECF", "#BCBD22")
EXTERNAL_STYLE = Qt.PenStyle.DashDotLine
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
    """The overlay of the selected runs (``set_runs``) and of history CSV files
    (``add_history_csv``), with its legend, and its PNG export (``save_png``)."""

    said = Signal(str, bool)  # a sentence for the user (an added file, a refusal), is an error

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_plot_style()  # white, as the training plots, whichever is made first
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
        for button in self._build_buttons():
            side.addWidget(button)
        side.addWidget(self.note)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.loss_widget, 1)
        layout.addWidget(self.acc_widget, 1)
        layout.addLayout(side)
        self.runs: list[tuple[str, list[dict]]] = []
        self.curves: dict[str, list[pg.PlotDataItem]] = {"loss": [], "acc": []}
        self.external: list[HistoryCurves] = []  # in the order added
        # Per metric ("val_loss", "val_acc", "loss", "acc"): one curve per CSV file drawn.
        self.external_curves: dict[str, list[pg.PlotDataItem]] = {}
        self._update_buttons()

    def _build_buttons(self) -> list[QPushButton]:
        """Add a history CSV, remove them, save the figure."""
        self.add_csv_button = QPushButton(self.tr("Add a history CSV…"))
        self.add_csv_button.setToolTip(
            self.tr("Draw a training history from a CSV file (columns epoch, loss, acc, "
                    "val_loss, val_acc), such as the course notebook's, beside the runs")
        )  # fmt: skip
        self.add_csv_button.clicked.connect(self._ask_csv)
        self.remove_csv_button = QPushButton(self.tr("Remove CSV curves"))
        self.remove_csv_button.clicked.connect(self.remove_history_csvs)
        self.save_png_button = QPushButton(self.tr("Save PNG…"))
        self.save_png_button.setToolTip(self.tr("Save both plots and the legend as one image"))
        self.save_png_button.clicked.connect(self._ask_png)
        return [self.add_csv_button, self.remove_csv_button, self.save_png_button]

    def _update_buttons(self) -> None:
        self.remove_csv_button.setEnabled(bool(self.external))

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
            [(name, PALETTE[index % len(PALETTE)]) for index, (name, _rows) in enumerate(self.runs)],
            [(curves.name, _external_colour(index)) for index, curves in enumerate(self.external)],
        )  # fmt: skip
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
        self._draw_external()

    def _draw_external(self) -> None:
        """The CSV files' curves: validation dash-dotted with square markers, training
        (when shown) dotted, each file in its own colour."""
        self.external_curves = {"val_loss": [], "val_acc": [], "loss": [], "acc": []}
        for index, curves in enumerate(self.external):
            colour = _external_colour(index)
            for key, widget in (("loss", self.loss_widget), ("acc", self.acc_widget)):
                ctrl = widget.getPlotItem().ctrl
                logs = ctrl.logXCheck.isChecked(), ctrl.logYCheck.isChecked()
                self.external_curves[f"val_{key}"].append(widget.plot(
                    *drawable(curves.epochs, curves.values(f"val_{key}"), *logs), name=curves.name,
                    pen=pg.mkPen(colour, width=2, style=EXTERNAL_STYLE), symbol="s",
                    symbolSize=5, symbolBrush=colour, symbolPen=None,
                ))  # fmt: skip
                if self.show_train.isChecked():
                    self.external_curves[key].append(widget.plot(
                        *drawable(curves.epochs, curves.values(key), *logs),
                        name=self.tr("{name} (train)").format(name=curves.name),
                        pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DotLine),
                    ))  # fmt: skip

    # ---- history CSV files ------------------------------------------------------------------
    def add_history_csv(self, path: str | Path) -> bool:
        """Draw the history in the CSV file ``path`` (``data.history_csv``) beside the runs,
        until removed; the same file added again is read again in its place. A refused file
        is said in one sentence (``said``) and changes nothing. True when drawn."""
        try:
            curves = read_history_csv(path)
        except DataSourceError as exc:
            self.said.emit(str(exc), True)
            return False
        same = [index for index, old in enumerate(self.external) if old.path == curves.path]
        if same:
            self.external[same[0]] = curves
        else:
            self.external.append(curves)
        self._update_buttons()
        self.redraw()
        self.said.emit(
            self.tr("{name}: {count} epochs drawn").format(name=curves.name, count=len(curves.epochs)),
            False,
        )  # fmt: skip
        return True

    def remove_history_csvs(self) -> None:
        """Remove every curve read from a CSV file (the runs' curves stay)."""
        self.external = []
        self._update_buttons()
        self.redraw()

    def _ask_csv(self) -> None:
        folder = str(self.external[-1].path.parent) if self.external else ""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add a history CSV"), folder,
            self.tr("CSV files (*.csv);;All files (*)"),
        )  # fmt: skip
        if path:
            self.add_history_csv(path)

    # ---- export -----------------------------------------------------------------------------
    def save_png(self, path: str | Path) -> bool:
        """Both plots and the legend, as shown, in one PNG image written atomically. A failed
        write (a full disk, a read-only folder) is said in one sentence (``said``) and leaves
        the file as it was. True when saved."""
        try:
            save_widget_png(self, path)
        except OSError as exc:
            self.said.emit(
                self.tr("{path} could not be saved: {reason}").format(
                    path=path, reason=os_error_text(exc)
                ),
                True,
            )
            return False
        self.said.emit(self.tr("Saved {path}").format(path=path), False)
        return True

    def _ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the figure"), "comparison.png", self.tr("PNG images (*.png)")
        )
        if path:
            self.save_png(path)


def _external_colour(index: int) -> str:
    return EXTERNAL_PALETTE[index % len(EXTERNAL_PALETTE)]
