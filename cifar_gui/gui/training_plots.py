"""Live loss and accuracy plots, as in the reference notebook: loss left, accuracy right,
train blue, validation orange, x in epochs.

Curves are created once; new points only mark the plots dirty, and a 30 Hz timer calls
``setData`` (the pyqtgraph examples' pattern), so a fast stream of batches cannot flood the GUI.
Batch points live in growing numpy buffers and are smoothed incrementally
(``cifar_gui.gui.plot_buffers``); pyqtgraph downsamples the batch line (keeping each pixel
column's peaks) and clips it to the view, so a redraw stays cheap on a long run.
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.atomic import atomic_write_text
from cifar_gui.gui.epoch_axis import epoch_axes
from cifar_gui.gui.plot_buffers import GrowingArray, SmoothedSeries
from cifar_gui.gui.plot_legends import legend_below
from cifar_gui.gui.widget_png import save_widget_png
from cifar_gui.i18n import os_error_text
from cifar_gui.improvement import best_index, mode_for
from cifar_gui.progress import BatchProgress, EpochResult

TRAIN_COLOUR = (31, 119, 180)  # matplotlib's default blue and orange, as in the notebook
VAL_COLOUR = (255, 127, 14)
# At most 30 redraws a second is the contract; 10 keep the curve fluid and leave the GUI thread
# free (a redraw of both panels costs ~10-30 ms of software rendering on a 2-core machine).
REDRAW_INTERVAL_MS = 100


def use_plot_style() -> None:
    """The plots' look, as in the notebook's matplotlib figures: black on white, antialiased.
    pyqtgraph reads these options when a plot is made: call before making one."""
    pg.setConfigOptions(antialias=True, background="w", foreground="k")


def drawable(x, y, x_log: bool = False, y_log: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """The points of (x, y) that an axis can show: finite, and positive on a log axis.

    Each bad point is left out on its own (the line joins its neighbours) rather than one NaN
    or one zero under log scale making pyqtgraph drop the whole line.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    keep = np.isfinite(x) & np.isfinite(y)
    if x_log:
        keep &= x > 0
    if y_log:
        keep &= y > 0
    return x[keep], y[keep]


class _MetricPlot:
    """One panel: a faint per-batch line, train and validation epoch points, the best epoch.

    Curves (``PlotDataItem``) follow the axes' log modes by themselves; the scatter markers
    and the best-epoch line do not, so they are placed in the axes' own coordinates here
    (log10 of the value on a log axis) and redrawn whenever a log mode changes, whether by
    the "Log scale" box or by pyqtgraph's context menu.
    """

    def __init__(self, widget: pg.PlotWidget, title: str, y_label: str, x_label: str,
                 train_name: str, val_name: str, batch_name: str) -> None:  # fmt: skip
        self.widget = widget
        item = widget.getPlotItem()
        self.item = item
        item.setTitle(title)
        item.setLabel("left", y_label)
        item.setLabel("bottom", x_label)
        # No grid: pyqtgraph draws it as part of each axis, which then dominates every redraw.
        item.getAxis("left").enableAutoSIPrefix(False)  # accuracy 0.17, not "170 (x0.001)"
        item.getAxis("bottom").enableAutoSIPrefix(False)  # epoch 0.004, not "4 (x0.001)"
        # Fixed axis sizes: new tick labels then never re-layout the plot on every redraw.
        item.getAxis("left").setWidth(56)
        item.getAxis("bottom").setHeight(40)
        legend_below(item)
        faint = pg.mkPen(color=(*TRAIN_COLOUR, 90), width=1)
        self.batch_curve = item.plot([], [], pen=faint, name=batch_name, antialias=False,
                                     skipFiniteCheck=True)  # fmt: skip
        # Thousands of batch points: draw the highs and lows of each pixel column, only in view.
        self.batch_curve.setDownsampling(auto=True, method="peak")
        self.batch_curve.setClipToView(True)
        self.train_curve = item.plot([], [], pen=pg.mkPen(TRAIN_COLOUR, width=2), name=train_name)
        self.val_curve = item.plot([], [], pen=pg.mkPen(VAL_COLOUR, width=2), name=val_name)
        self.points = pg.ScatterPlotItem(size=8, hoverable=True, hoverSize=11, tip=self._tip)
        item.addItem(self.points)
        self.best_line = pg.InfiniteLine(
            angle=90, pen=pg.mkPen((46, 160, 67), style=Qt.PenStyle.DashLine)
        )
        self.best_line.hide()
        item.addItem(self.best_line)

    def log_modes(self) -> tuple[bool, bool]:
        """(x, y): whether each axis is on a log scale now."""
        return self.item.ctrl.logXCheck.isChecked(), self.item.ctrl.logYCheck.isChecked()

    def on_log_mode_changed(self, callback) -> None:
        self.item.ctrl.logXCheck.toggled.connect(callback)
        self.item.ctrl.logYCheck.toggled.connect(callback)

    @staticmethod
    def _tip(x: float, y: float, data: object) -> str:
        name, epoch, value = data  # the real values: x and y are log10 on a log axis
        return f"{name}\nepoch {epoch:g}: {value:.4f}"

    def redraw_batches(self, batch_x, batch_y) -> None:
        self.batch_curve.setData(*drawable(batch_x, batch_y, *self.log_modes()))

    def redraw_epochs(self, epochs, train, val, best_epoch) -> None:
        x_log, y_log = self.log_modes()
        self.train_curve.setData(*drawable(epochs, train, x_log, y_log))
        self.val_curve.setData(*drawable(epochs, val, x_log, y_log))
        spots = []
        for values, name, colour in ((train, "train", TRAIN_COLOUR),
                                     (val, "validation", VAL_COLOUR)):  # fmt: skip
            for e, v in zip(*drawable(epochs, values, x_log, y_log), strict=True):
                spots.append({"pos": (_axis(e, x_log), _axis(v, y_log)), "data": (name, e, v),
                              "brush": pg.mkBrush(colour), "pen": None})  # fmt: skip
        self.points.setData(spots)
        if best_epoch is not None and (best_epoch > 0 or not x_log):
            self.best_line.setValue(_axis(best_epoch, x_log))
            self.best_line.show()
        else:
            self.best_line.hide()


def _axis(value: float, log: bool) -> float:
    """Where ``value`` lies on an axis: pyqtgraph's log axes are laid out in log10 units."""
    return math.log10(value) if log else float(value)


class TrainingPlots(QWidget):
    """The two live panels with their controls (smoothing, log scale, PNG and CSV export)."""

    problem = Signal(str)  # an export that failed, in one sentence for the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_plot_style()
        self.loss_widget = pg.PlotWidget(axisItems=epoch_axes())
        self.acc_widget = pg.PlotWidget(axisItems=epoch_axes())
        common = dict(x_label=self.tr("epoch"), train_name=self.tr("train"),
                      val_name=self.tr("validation"), batch_name=self.tr("train (running, per batch)"))  # fmt: skip
        self.loss = _MetricPlot(self.loss_widget, self.tr("Loss"), self.tr("loss"), **common)
        self.acc_widget.getPlotItem().setLimits(yMin=-0.02, yMax=1.02)  # an accuracy: 0 to 1
        self.acc = _MetricPlot(self.acc_widget, self.tr("Accuracy"), self.tr("accuracy"), **common)
        for panel in (self.loss, self.acc):
            panel.on_log_mode_changed(self._log_mode_changed)

        self.smoothing = QDoubleSpinBox()
        self.smoothing.setRange(0.0, 0.99)
        self.smoothing.setSingleStep(0.1)
        self.smoothing.setValue(0.6)
        self.smoothing.setToolTip(self.tr("Smoothing of the per-batch line (0: none)"))
        self.smoothing.valueChanged.connect(self._mark_dirty)
        self.log_scale = QCheckBox(self.tr("Log scale for loss"))
        self.log_scale.toggled.connect(self._set_log)
        self.export_png_button = QPushButton(self.tr("Save PNG…"))
        self.export_png_button.clicked.connect(self._ask_png)
        self.export_csv_button = QPushButton(self.tr("Save CSV…"))
        self.export_csv_button.clicked.connect(self._ask_csv)
        self.best_label = QLabel()
        self.best_label.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        # Its text appears after the first epoch: it must never widen the plots (the window
        # would shift under the pointer mid-run), so it is cut to the room there is.
        self.best_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Smoothing")))
        controls.addWidget(self.smoothing)
        controls.addWidget(self.log_scale)
        controls.addWidget(self.best_label, 1)
        controls.addWidget(self.export_png_button)
        controls.addWidget(self.export_csv_button)
        panels = QHBoxLayout()
        panels.addWidget(self.loss_widget)
        panels.addWidget(self.acc_widget)
        layout = QVBoxLayout(self)
        layout.addLayout(panels, 1)
        layout.addLayout(controls)

        self.redraws = 0
        self._dirty = False
        self._epochs_dirty = False
        self._timer = QTimer(self)
        self._timer.setInterval(REDRAW_INTERVAL_MS)
        self._timer.timeout.connect(self._redraw_if_dirty)
        self._timer.start()
        self.reset()

    # ---- data -------------------------------------------------------------------------------
    def reset(self, monitor: str = "val_acc") -> None:
        self.monitor = monitor
        self._batch_x = GrowingArray()
        self._batch_loss = SmoothedSeries()
        self._batch_acc = SmoothedSeries()
        self.epochs: list[EpochResult] = []
        for widget in (self.loss_widget, self.acc_widget):
            widget.getPlotItem().enableAutoRange()  # a new run: forget the last one's zoom
        self._mark_dirty(epochs=True)

    @Slot(object)
    def add_batch(self, progress: BatchProgress) -> None:
        self._batch_x.append(progress.epoch - 1 + progress.step / max(progress.steps, 1))
        self._batch_loss.append(progress.loss)
        self._batch_acc.append(progress.acc)
        self._mark_dirty()

    @property
    def batch_x(self) -> np.ndarray:
        """Each batch point's x (epochs, float64), as fed; a read-only view."""
        return self._batch_x.view()

    @property
    def batch_loss(self) -> np.ndarray:
        """Each batch point's running loss as Keras logged it (unsmoothed); a read-only view."""
        return self._batch_loss.raw.view()

    @property
    def batch_acc(self) -> np.ndarray:
        """Each batch point's running accuracy (0..1, unsmoothed); a read-only view."""
        return self._batch_acc.raw.view()

    @Slot(object)
    def add_epoch(self, result: EpochResult) -> None:
        self.epochs.append(result)
        self._mark_dirty(epochs=True)

    def load_history(self, rows: list[dict]) -> None:
        """Show a finished run's history (no per-batch line), or a resumed run's past epochs."""
        self.reset(self.monitor)
        for row in rows:
            self.epochs.append(
                EpochResult(int(row["epoch"]), row.get("loss", math.nan), row.get("acc", math.nan),
                            row.get("val_loss", math.nan), row.get("val_acc", math.nan),
                            row.get("lr", math.nan), row.get("seconds", math.nan))
            )  # fmt: skip
        self._mark_dirty(epochs=True)

    @property
    def best_epoch(self) -> EpochResult | None:
        """The epoch the run keeps as best (``cifar_gui.improvement``, as ``best.keras``)."""
        values = [getattr(e, self.monitor) for e in self.epochs]
        index = best_index(values, mode_for(self.monitor))
        return None if index is None else self.epochs[index]

    # ---- drawing ----------------------------------------------------------------------------
    def _mark_dirty(self, *_args, epochs: bool = False) -> None:
        self._dirty = True
        self._epochs_dirty = self._epochs_dirty or epochs

    def _set_log(self, on: bool) -> None:
        self.loss_widget.getPlotItem().setLogMode(y=on)  # the panel's log-mode hook redraws
        self._mark_dirty(epochs=True)

    def _log_mode_changed(self, *_args) -> None:
        self._mark_dirty(epochs=True)
        self.redraw()  # at once: markers must never sit at the other scale's places

    def _redraw_if_dirty(self) -> None:
        if self._dirty:
            self.redraw()

    def redraw(self) -> None:
        """Update the per-batch lines; the epoch points only when an epoch was added."""
        self._dirty = False
        self.redraws += 1
        factor = self.smoothing.value()
        self.loss.redraw_batches(self.batch_x, self._batch_loss.smoothed(factor))
        self.acc.redraw_batches(self.batch_x, self._batch_acc.smoothed(factor))
        if not self._epochs_dirty:
            return
        self._epochs_dirty = False
        epochs = [e.epoch for e in self.epochs]
        best = self.best_epoch
        best_x = best.epoch if best else None
        self.loss.redraw_epochs(epochs, [e.loss for e in self.epochs],
                                [e.val_loss for e in self.epochs], best_x)  # fmt: skip
        self.acc.redraw_epochs(epochs, [e.acc for e in self.epochs],
                               [e.val_acc for e in self.epochs], best_x)  # fmt: skip
        if best:
            self.best_label.setText(
                self.tr(
                    "Best epoch {epoch}: validation accuracy {acc:.4f}, loss {loss:.4f}"
                ).format(epoch=best.epoch, acc=best.val_acc, loss=best.val_loss)
            )
        else:
            self.best_label.setText("")
        self.best_label.setToolTip(self.best_label.text())

    # ---- export -----------------------------------------------------------------------------
    def save_png(self, path: str | Path) -> None:
        """Both panels and their controls as a PNG image, written atomically. Raises
        ``OSError`` (the file is then left as it was)."""
        self._epochs_dirty = True
        self.redraw()
        save_widget_png(self, path)

    def save_csv(self, path: str | Path) -> None:
        """Epoch rows then batch rows (``kind,epoch,loss,acc,val_loss,val_acc``), written
        atomically (UTF-8). Raises ``OSError`` (the file is then left as it was)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["kind", "epoch", "loss", "acc", "val_loss", "val_acc"])
        for e in self.epochs:
            writer.writerow(["epoch", e.epoch, e.loss, e.acc, e.val_loss, e.val_acc])
        batches = (a.tolist() for a in (self.batch_x, self.batch_loss, self.batch_acc))
        for x, loss, acc in zip(*batches, strict=True):
            writer.writerow(["batch", f"{x:.4f}", loss, acc, "", ""])
        atomic_write_text(path, buffer.getvalue())

    def _ask_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the figure"), "training.png",
                                              self.tr("PNG images (*.png)"))  # fmt: skip
        if path:
            self._export(self.save_png, path)

    def _ask_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the data"), "training.csv",
                                              self.tr("CSV files (*.csv)"))  # fmt: skip
        if path:
            self._export(self.save_csv, path)

    def _export(self, save, path: str) -> bool:
        """``save(path)``; a failure is said in one sentence (``problem``), not lost."""
        try:
            save(path)
        except OSError as exc:
            self.problem.emit(
                self.tr("{path} could not be saved: {reason}").format(
                    path=path, reason=os_error_text(exc)
                )
            )
            return False
        return True
