"""The data explorer: sample images per class, class counts per split, shape and statistics.

It needs no TensorFlow; the data set loads on a worker thread so the tab opens at once.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFontMetrics, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.data import Dataset
from cifar_gui.data.summary import DataSummary
from cifar_gui.gui.class_names import shown_name, shown_names
from cifar_gui.gui.plain_text import plain_tooltip
from cifar_gui.gui.plot_legends import legend_below
from cifar_gui.gui.qt_images import image_to_pixmap
from cifar_gui.i18n import _ as core_text  # the data set's name: the core's catalogue

SAMPLES_PER_CLASS = 8
THUMBNAIL_SCALE = 2
LARGE_SIZE = 256


class _Thumbnail(QLabel):
    clicked = Signal(int)

    def __init__(self, index: int, pixmap: QPixmap, tip: str) -> None:
        super().__init__()
        self.index = index
        self.setPixmap(pixmap)
        self.setToolTip(plain_tooltip(tip))
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event) -> None:
        self.clicked.emit(self.index)
        super().mousePressEvent(event)


class DataExplorer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset: Dataset | None = None
        self.counts: dict[str, list[int]] = {}
        self.limit: int | None = None
        self.thumbnails: list[_Thumbnail] = []
        self.status = QLabel(self.tr("No data loaded yet."))
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.status.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.counts_plot = pg.PlotWidget()
        self.counts_plot.getPlotItem().setTitle(self.tr("Images per class"))
        legend_below(self.counts_plot.getPlotItem())  # never over a bar
        self.counts_plot.getPlotItem().getAxis("bottom").enableAutoSIPrefix(False)
        self.counts_plot.getPlotItem().invertY(True)  # the first class at the top
        for check in (self.counts_plot.getPlotItem().ctrl.logXCheck,
                      self.counts_plot.getPlotItem().ctrl.logYCheck):  # fmt: skip
            check.setEnabled(False)  # bars cannot follow a log axis: the menu does not offer it
        self.large = QLabel()
        self.large.setFixedSize(LARGE_SIZE, LARGE_SIZE)
        self.large.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.large_caption = QLabel()
        self.large_caption.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.large_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stats_label = QLabel()
        self.stats_label.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.stats_label.setWordWrap(True)
        self.stats_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        side = QVBoxLayout()
        side.addWidget(self.large)
        side.addWidget(self.large_caption)
        side.addWidget(self.stats_label)
        side.addWidget(self.counts_plot, 1)
        body = QHBoxLayout()
        body.addWidget(scroll, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(body, 1)

    def show_loading(self, source: str) -> None:
        self.status.setText(self.tr("Loading {source}…").format(source=source))

    def show_error(self, message: str) -> None:
        """Say why the data could not be loaded, and show nothing of the previous data set."""
        self.dataset = None
        self.counts = {}
        self._fill_grid(None)
        self.counts_plot.getPlotItem().clear()
        self.large.clear()
        self.large_caption.clear()
        self.stats_label.clear()
        self.status.setText(self.tr("Could not load the data: {message}").format(message=message))

    def set_split(self, counts: dict[str, list[int]], limit: int | None) -> None:
        """New counts for the current data set (the limit, split or seed changed)."""
        if self.dataset is None:
            return
        self.counts, self.limit = counts, limit
        self._fill_counts(self.dataset.class_names, counts)
        self.status.setText(self._status_text(self.dataset))

    @Slot(object)
    def show_summary(self, summary: DataSummary) -> None:
        dataset = summary.dataset
        self.dataset = dataset
        self.counts, self.limit = summary.counts, summary.limit
        self.status.setText(self._status_text(dataset))
        self._fill_grid(dataset)
        self._fill_counts(dataset.class_names, summary.counts)
        self.stats_label.setText(
            self.tr(
                "Image shape {shape}, uint8. Per-channel mean {mean}, std {std} (R, G, B)."
            ).format(
                shape="×".join(map(str, dataset.x_train.shape[1:])),
                mean=", ".join(f"{m:z.2f}" for m in summary.stats.mean),
                std=", ".join(f"{s:.2f}" for s in summary.stats.std),
            )
        )
        if len(dataset.x_train):
            self.show_large(0)

    def _status_text(self, dataset: Dataset) -> str:
        report = dataset.report
        note = self.tr(" (from cache)") if report.from_cache else ""
        text = self.tr("{name}: {train} training and {test} test images, loaded in {sec:.2f} s{note}.").format(
            name=core_text(dataset.name), train=len(dataset.x_train), test=len(dataset.x_test), sec=report.seconds, note=note
        )  # fmt: skip
        if self.limit is not None:
            text += " " + self.tr(
                "Training uses a balanced sample of {n} of them (Use N images); the counts "
                "show that sample."
            ).format(n=self.limit)
        if report.skipped:
            text += " " + self.tr("{n} unreadable files were skipped.").format(
                n=report.skipped_count
            )
        if report.excluded:
            names = ", ".join(
                self.tr("{folder} ({why})").format(folder=Path(folder).name, why=why)
                for folder, why in report.excluded[:8]
            )
            text += " " + self.tr("Folders left out: {names}.").format(names=names)
        return text

    def _fill_grid(self, dataset: Dataset | None) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.thumbnails: list[_Thumbnail] = []
        if dataset is None:
            return
        size = 32 * THUMBNAIL_SCALE
        for row, name in enumerate(shown_names(dataset.class_names)):
            label = QLabel(name)
            label.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
            self.grid.addWidget(label, row, 0)
            for col, index in enumerate(np.flatnonzero(dataset.y_train == row)[:SAMPLES_PER_CLASS]):
                thumb = _Thumbnail(int(index), image_to_pixmap(dataset.x_train[index], size), name)
                thumb.clicked.connect(self.show_large)
                self.grid.addWidget(thumb, row, col + 1)
                self.thumbnails.append(thumb)

    def _fill_counts(self, class_names: tuple[str, ...], counts: dict[str, list[int]]) -> None:
        class_names = shown_names(class_names)
        plot = self.counts_plot.getPlotItem()
        plot.clear()
        plot.enableAutoRange()  # another data set: forget the last one's zoom
        titles = {
            "train": self.tr("train"),
            "validation": self.tr("validation"),
            "test": self.tr("test"),
        }
        colours = {"train": (31, 119, 180), "validation": (255, 127, 14), "test": (44, 160, 44)}
        # Horizontal bars: every class name fits, in full, on the left axis.
        y = np.arange(len(class_names))
        height = 0.8 / max(len(counts), 1)
        for i, (part, values) in enumerate(counts.items()):
            offset = (i - (len(counts) - 1) / 2) * height
            bars = pg.BarGraphItem(x0=0, y=y + offset, height=height, width=values,
                                   brush=colours[part])  # fmt: skip
            plot.addItem(bars)
            if plot.legend is not None:
                plot.legend.addItem(bars, titles[part])
        axis = plot.getAxis("left")
        axis.setTicks([[(i, name) for i, name in enumerate(class_names)]])
        # pyqtgraph drops a tick label wider than its axis: make room for the longest name.
        metrics = QFontMetrics(axis.style.get("tickFont") or self.font())
        axis.setWidth(max((metrics.horizontalAdvance(n) for n in class_names), default=0) + 16)

    def show_large(self, index: int) -> None:
        if self.dataset is None:
            return
        self.large.setPixmap(image_to_pixmap(self.dataset.x_train[index], LARGE_SIZE))
        label = shown_name(self.dataset.class_names[int(self.dataset.y_train[index])])
        self.large_caption.setText(
            self.tr("Training image {i}: {label}").format(i=index, label=label)
        )
