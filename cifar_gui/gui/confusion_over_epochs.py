"""How the validation confusion changes epoch by epoch (after ConfusionFlow, Hinterreiter et
al., 2020): each class's validation accuracy as a line over the epochs (which classes are
learned first, which never), and the confusion matrix at any epoch through a slider, with the
change from the previous epoch highlighted.

``ConfusionOverEpochs`` shows one series; ``ConfusionEpochsPage`` picks it: the run training
now (live, epoch by epoch), any saved run, or an exported run zip.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.gui.class_names import shown_names
from cifar_gui.gui.confusion_cells import change_colour, matrix_cell, share_colour
from cifar_gui.gui.epoch_axis import epoch_axes
from cifar_gui.gui.field_message import ERROR_STYLE
from cifar_gui.gui.plot_legends import legend_below
from cifar_gui.gui.workers import BackgroundTasks
from cifar_gui.run_store.confusion_history import (
    is_known,
    load_confusion_run,
    per_class_accuracy,
)
from cifar_gui.run_store.listing import list_runs

# Tableau 10: ten classes, ten distinguishable line colours.
CLASS_COLOURS = ("#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F",
                 "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC")  # fmt: skip


READ_TASK = "confusion-read"  # BackgroundTasks key: the newest run asked for wins


def _read_run(path: str) -> tuple[str, object]:
    """On a worker: the run at ``path`` (a folder or an exported zip), with its path."""
    return path, load_confusion_run(path)


class ConfusionOverEpochs(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.class_names: tuple[str, ...] = ()
        self.series = np.zeros((0, 0, 0), np.int64)
        self.accuracy_plot = pg.PlotWidget(
            title=self.tr("Validation accuracy of each class"), axisItems=epoch_axes()
        )
        self.accuracy_plot.setLabel("bottom", self.tr("epoch"))
        self.accuracy_plot.setLabel("left", self.tr("accuracy (recall)"))
        self.accuracy_plot.setYRange(0, 1)
        self.accuracy_plot.getAxis("left").enableAutoSIPrefix(False)
        self.legend = legend_below(self.accuracy_plot.getPlotItem(), columns=5)  # off the lines
        self.curves: list[pg.PlotDataItem] = []
        self.epoch_line = pg.InfiniteLine(
            angle=90, pen=pg.mkPen("#888", style=Qt.PenStyle.DashLine)
        )
        self.accuracy_plot.addItem(self.epoch_line)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setMinimum(1)
        self.slider.valueChanged.connect(self._fill_matrix)
        self.epoch_label = QLabel()
        self.epoch_label.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.show_change = QCheckBox(self.tr("Highlight the change from the previous epoch"))
        self.show_change.setChecked(True)
        self.show_change.toggled.connect(self._fill_matrix)
        self.matrix = QTableWidget()
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.note.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Epoch")))
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.epoch_label)
        controls.addWidget(self.show_change)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(controls)
        column.addWidget(self.matrix, 1)
        column.addWidget(self.note)
        splitter = QSplitter()
        splitter.addWidget(self.accuracy_plot)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.set_series((), np.zeros((0, 0, 0), np.int64))

    # ---- data -------------------------------------------------------------------------------
    def set_series(self, class_names, series: np.ndarray) -> None:
        """Show a whole series (E, K, K); the slider goes to the last epoch."""
        self.class_names = shown_names(class_names)
        self.series = np.asarray(series, np.int64)
        self.accuracy_plot.clear()
        self.legend.clear()
        self.accuracy_plot.addItem(self.epoch_line)
        self.curves = []
        for index, name in enumerate(self.class_names):
            pen = pg.mkPen(CLASS_COLOURS[index % len(CLASS_COLOURS)], width=2)
            curve = self.accuracy_plot.plot([], [], pen=pen, symbol="o", symbolSize=5,
                                            symbolBrush=pen.color(), name=name)  # fmt: skip
            self.curves.append(curve)
        self._update_curves()
        self._update_slider(follow=True)

    def add_epoch(self, epoch: int, matrix: np.ndarray) -> None:
        """One more epoch (live); the slider follows when it was at the last epoch."""
        matrix = np.asarray(matrix, np.int64)
        if len(self.curves) != matrix.shape[0]:
            names = self.class_names if len(self.class_names) == matrix.shape[0] else ()
            names = names or tuple(self.tr("class {i}").format(i=i) for i in range(matrix.shape[0]))
            self.set_series(names, np.zeros((0, *matrix.shape), np.int64))
        series = self.series[: epoch - 1]
        gap = np.full((epoch - 1 - len(series), *matrix.shape), -1, np.int64)
        follow = self.slider.value() >= len(self.series)
        self.series = np.concatenate([series, gap, matrix[None]])
        self._update_curves()
        self._update_slider(follow=follow)

    def _update_curves(self) -> None:
        accuracy = per_class_accuracy(self.series) if len(self.series) else None
        epochs = np.arange(1, len(self.series) + 1)
        for index, curve in enumerate(self.curves):
            if accuracy is None:
                curve.setData([], [])
            else:
                curve.setData(epochs, accuracy[:, index], connect="finite")

    def _update_slider(self, follow: bool) -> None:
        count = len(self.series)
        self.slider.blockSignals(True)
        self.slider.setMaximum(max(count, 1))
        if follow:
            self.slider.setValue(max(count, 1))
        self.slider.blockSignals(False)
        self.slider.setEnabled(count > 1)
        self._fill_matrix()

    # ---- the matrix at one epoch ------------------------------------------------------------
    def epoch(self) -> int:
        return self.slider.value()

    def change(self) -> np.ndarray | None:
        """The chosen epoch's matrix minus the previous one's; None at epoch 1 or unknown."""
        index = self.epoch() - 1
        if index < 1 or index >= len(self.series):
            return None
        now, before = self.series[index], self.series[index - 1]
        return now - before if is_known(now) and is_known(before) else None

    @Slot()
    def _fill_matrix(self, *_args) -> None:
        names, index = self.class_names, self.epoch() - 1
        self.matrix.clear()
        self.matrix.setRowCount(len(names))
        self.matrix.setColumnCount(len(names))
        self.matrix.setHorizontalHeaderLabels([str(i) for i in range(len(names))])
        self.matrix.setVerticalHeaderLabels([f"{i} {name}" for i, name in enumerate(names)])
        if not 0 <= index < len(self.series):
            self.epoch_label.setText("")
            self.note.setText(self.tr("No epoch recorded yet."))
            return
        self.epoch_line.setValue(index + 1)
        self.epoch_label.setText(
            self.tr("{n} of {total}").format(n=index + 1, total=len(self.series))
        )
        matrix = self.series[index]
        if not is_known(matrix):
            self.note.setText(
                self.tr("Epoch {n}: no confusion matrix was recorded.").format(n=index + 1)
            )
            return
        change = self.change() if self.show_change.isChecked() else None
        totals = matrix.sum(axis=1)
        for i in range(len(names)):
            for j in range(len(names)):
                self.matrix.setItem(i, j, self._cell(matrix, change, totals, i, j))
        self.matrix.resizeColumnsToContents()
        self.note.setText(self._describe(matrix, self.change()))

    def _cell(self, matrix, change, totals, i: int, j: int) -> QTableWidgetItem:
        count = int(matrix[i, j])
        delta = None if change is None else int(change[i, j])
        text = str(count) if not delta else f"{count} ({delta:+d})"
        if change is not None:
            colour = change_colour(delta, i == j, int(totals[i]))
        else:
            colour = share_colour(count / totals[i] if totals[i] else 0.0)
        tooltip = self.tr("true {t}, predicted {p}: {n} images").format(
            t=self.class_names[i], p=self.class_names[j], n=count
        )
        return matrix_cell(text, colour, tooltip)

    def _describe(self, matrix: np.ndarray, change: np.ndarray | None) -> str:
        total = int(matrix.sum())
        accuracy = np.trace(matrix) / total if total else float("nan")
        text = self.tr("Epoch {n}: validation accuracy {acc:.1%} ({total} images).").format(
            n=self.epoch(), acc=accuracy, total=total
        )
        if change is not None:
            off = change.copy()
            np.fill_diagonal(off, 0)
            i, j = np.unravel_index(np.argmax(np.abs(off)), off.shape)
            if off[i, j]:
                text += " " + self.tr(
                    "Largest change in confusion since the previous epoch: {t} taken for {p} "
                    "{d:+d}."
                ).format(t=self.class_names[i], p=self.class_names[j], d=int(off[i, j]))
        return text


class ConfusionEpochsPage(QWidget):
    """Chooses the series: the run training now, a saved run, or an exported zip."""

    def __init__(
        self, tasks: BackgroundTasks, runs_dir: Callable[[], Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.runs_dir = runs_dir
        self.live_run: str | None = None  # the folder of the run training now
        self.shown: str | None = None  # the folder or zip on screen
        self.run_box = QComboBox()
        self.run_box.setMinimumContentsLength(40)
        self.run_box.activated.connect(self._run_chosen)
        self.open_button = QPushButton(self.tr("Open exported run…"))
        self.open_button.clicked.connect(self._ask_zip)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.status.setWordWrap(True)
        self.view = ConfusionOverEpochs()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Run")))
        row.addWidget(self.run_box, 1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)

    def refresh(self) -> None:
        """List the saved runs (the one on screen stays selected)."""
        self.run_box.clear()
        self.run_box.addItem(self.tr("— choose a run —"), None)
        for run in list_runs(self.runs_dir()):
            label = run.name
            if str(run.path) == self.live_run:
                label = self.tr("{name} (training now)").format(name=run.name)
            self.run_box.addItem(label, str(run.path))
        self.run_box.setCurrentIndex(max(self.run_box.findData(self.shown), 0))

    # ---- live -------------------------------------------------------------------------------
    def start_live(self, started) -> None:
        """A run started (``RunStarted``); a resumed run shows its earlier epochs first."""
        self.live_run = self.shown = started.run_dir
        from cifar_gui.run_store.confusion_history import ConfusionFileError, read_confusion

        try:
            earlier = read_confusion(started.run_dir, epochs=len(started.history))
        except ConfusionFileError:
            earlier = np.zeros((0, 0, 0), np.int64)
        if earlier.ndim != 3 or earlier.shape[1:] != (len(started.class_names),) * 2:
            earlier = np.zeros((0, len(started.class_names), len(started.class_names)), np.int64)
        self.view.set_series(started.class_names, earlier)
        self.status.setText(self.tr("Training now: {folder}").format(folder=started.run_dir))
        self.status.setStyleSheet("")
        self.refresh()

    @Slot(object)
    def add_epoch(self, result) -> None:
        """An ``EpochResult`` of the run training now."""
        if result.confusion is not None and self.shown == self.live_run:
            self.view.add_epoch(result.epoch, np.asarray(result.confusion))

    def run_ended(self) -> None:
        """The live run's thread ended: what is on screen is now a saved run."""
        if self.live_run is not None and self.shown == self.live_run:
            self.status.setText(
                self.tr("{folder}: {n} epochs").format(
                    folder=self.live_run, n=len(self.view.series)
                )
            )
        self.live_run = None
        self.refresh()

    # ---- saved runs and zips ----------------------------------------------------------------
    @Slot(int)
    def _run_chosen(self, index: int) -> None:
        path = self.run_box.itemData(index)
        if path:
            self.open_run(path)

    def _ask_zip(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open an exported run"), str(self.runs_dir()),
            self.tr("Exported runs (*.zip);;All files (*)"),
        )  # fmt: skip
        if path:
            self.open_run(path)

    def open_run(self, path: str) -> None:
        """A run folder or exported zip, read on a worker (a zip holds the model too)."""
        self.shown = str(path)
        if self.shown == self.live_run:
            self.status.setText(self.tr("Training now: {folder}").format(folder=path))
            return
        self.status.setText(self.tr("Reading {path}…").format(path=path))
        self.status.setStyleSheet("")
        self.tasks.run(
            _read_run, str(path), latest=READ_TASK, on_result=self._loaded,
            on_error=partial(self._failed, str(path)),
        )  # fmt: skip

    @Slot(object)
    def _loaded(self, result) -> None:
        path, run = result
        if path != self.shown:
            return
        self.view.set_series(run.class_names, run.series)
        self.status.setText(self.tr("{name}: {n} epochs").format(name=run.name, n=len(run.series)))

    def _failed(self, path: str, message: str, _details: str) -> None:
        if path != self.shown:
            return  # another run is on screen now (the one training, say)
        self.view.set_series((), np.zeros((0, 0, 0), np.int64))
        self.status.setText(message)
        self.status.setStyleSheet(ERROR_STYLE)
