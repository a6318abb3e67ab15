"""The data explorer: sample images per class, class counts per split, shape and statistics.

It needs no TensorFlow; the data set loads on a worker thread so the tab opens at once.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.data import Dataset
from cifar_gui.data.preprocessing import channel_stats, split_indices

SAMPLES_PER_CLASS = 8
THUMBNAIL_SCALE = 2
LARGE_SIZE = 256


def image_to_pixmap(image: np.ndarray, size: int) -> QPixmap:
    """An (H, W, 3) uint8 image enlarged without smoothing, so pixels stay sharp."""
    data = np.ascontiguousarray(image)
    qimage = QImage(
        data.data, data.shape[1], data.shape[0], data.strides[0], QImage.Format.Format_RGB888
    )
    return QPixmap.fromImage(qimage.copy()).scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
    )


class _Thumbnail(QLabel):
    clicked = Signal(int)

    def __init__(self, index: int, pixmap: QPixmap, tip: str) -> None:
        super().__init__()
        self.index = index
        self.setPixmap(pixmap)
        self.setToolTip(tip)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mousePressEvent(self, event) -> None:
        self.clicked.emit(self.index)
        super().mousePressEvent(event)


class DataExplorer(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset: Dataset | None = None
        self.status = QLabel(self.tr("No data loaded yet."))
        self.status.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.counts_plot = pg.PlotWidget()
        self.counts_plot.getPlotItem().setTitle(self.tr("Images per class"))
        self.counts_plot.getPlotItem().addLegend()
        self.counts_plot.getPlotItem().getAxis("left").enableAutoSIPrefix(False)
        self.large = QLabel()
        self.large.setFixedSize(LARGE_SIZE, LARGE_SIZE)
        self.large.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.large_caption = QLabel()
        self.large_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stats_label = QLabel()
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
        self.status.setText(self.tr("Could not load the data: {message}").format(message=message))

    def show_dataset(self, dataset: Dataset, val_split: float = 0.3, seed: int = 777) -> None:
        self.dataset = dataset
        report = dataset.report
        note = self.tr(" (from cache)") if report.from_cache else ""
        text = self.tr("{name}: {train} training and {test} test images, loaded in {sec:.2f} s{note}.").format(
            name=dataset.name, train=len(dataset.x_train), test=len(dataset.x_test), sec=report.seconds, note=note
        )  # fmt: skip
        if report.skipped:
            text += " " + self.tr("{n} unreadable files were skipped.").format(
                n=report.skipped_count
            )
        self.status.setText(text)
        self._fill_grid(dataset)
        self._fill_counts(dataset, val_split, seed)
        stats = channel_stats(dataset.x_train)
        self.stats_label.setText(
            self.tr(
                "Image shape {shape}, uint8. Per-channel mean {mean}, std {std} (R, G, B)."
            ).format(
                shape="×".join(map(str, dataset.x_train.shape[1:])),
                mean=", ".join(f"{m:.2f}" for m in stats.mean),
                std=", ".join(f"{s:.2f}" for s in stats.std),
            )
        )
        if len(dataset.x_train):
            self.show_large(0)

    def _fill_grid(self, dataset: Dataset) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.thumbnails: list[_Thumbnail] = []
        size = 32 * THUMBNAIL_SCALE
        for row, name in enumerate(dataset.class_names):
            label = QLabel(name)
            self.grid.addWidget(label, row, 0)
            for col, index in enumerate(np.flatnonzero(dataset.y_train == row)[:SAMPLES_PER_CLASS]):
                thumb = _Thumbnail(int(index), image_to_pixmap(dataset.x_train[index], size), name)
                thumb.clicked.connect(self.show_large)
                self.grid.addWidget(thumb, row, col + 1)
                self.thumbnails.append(thumb)

    def _fill_counts(self, dataset: Dataset, val_split: float, seed: int) -> None:
        plot = self.counts_plot.getPlotItem()
        plot.clear()
        n = dataset.num_classes
        x = np.arange(n)
        try:
            train_idx, val_idx = split_indices(dataset.y_train, val_split, seed)
            parts = [
                ("train", dataset.y_train[train_idx]),
                ("validation", dataset.y_train[val_idx]),
            ]
        except ValueError:
            parts = [("train", dataset.y_train)]
        parts.append(("test", dataset.y_test))
        titles = {
            "train": self.tr("train"),
            "validation": self.tr("validation"),
            "test": self.tr("test"),
        }
        colours = [(31, 119, 180), (255, 127, 14), (44, 160, 44)]
        width = 0.8 / len(parts)
        self.counts = {}
        for i, ((name, labels), colour) in enumerate(zip(parts, colours, strict=False)):
            counts = np.bincount(labels, minlength=n)
            self.counts[name] = counts.tolist()
            offset = (i - (len(parts) - 1) / 2) * width
            bars = pg.BarGraphItem(x=x + offset, height=counts, width=width, brush=colour)
            plot.addItem(bars)
            if plot.legend is not None:
                plot.legend.addItem(bars, titles[name])
        plot.getAxis("bottom").setTicks(
            [[(i, name[:6]) for i, name in enumerate(dataset.class_names)]]
        )

    def show_large(self, index: int) -> None:
        if self.dataset is None:
            return
        self.large.setPixmap(image_to_pixmap(self.dataset.x_train[index], LARGE_SIZE))
        label = self.dataset.class_names[int(self.dataset.y_train[index])]
        self.large_caption.setText(
            self.tr("Training image {i}: {label}").format(i=index, label=label)
        )
