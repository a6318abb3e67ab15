"""Inside the network, for the image on the Classify tab: the model's layer table, any layer's
activations (feature maps or bars), the first convolution's filters as RGB tiles, and
histograms of the chosen layer's weights and of its activations for this image.

The sub-model that outputs every layer (``ml.activations.LayerProbe``) is built once per
model on a worker thread; each image is one forward pass on a worker (the newest image wins
when several are asked for meanwhile). Left/Right switch to the previous/next image.
"""

from __future__ import annotations

import statistics

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.gui.feature_maps import FeatureMapGrid, grid_shape, image_plot
from cifar_gui.gui.field_message import ERROR_STYLE
from cifar_gui.gui.model_table import ModelTable
from cifar_gui.gui.workers import BackgroundTasks

TIMES_KEPT = 20
MODEL_TASK = "layer-view-model"  # BackgroundTasks keys: the newest model and the newest image win
IMAGE_TASK = "layer-view-image"


def filter_mosaic(filters: np.ndarray) -> np.ndarray:
    """(n, kh, kw, 3) tiles in [0, 1] -> one RGB image with white 1-pixel gaps."""
    count, height, width, _ = filters.shape
    rows, columns = grid_shape(count)
    out = np.ones((rows * (height + 1) - 1, columns * (width + 1) - 1, 3), np.float32)
    for index in range(count):
        row, column = divmod(index, columns)
        top, left = row * (height + 1), column * (width + 1)
        out[top : top + height, left : left + width] = filters[index]
    return out


def _histogram_plot(
    title: str, x_label: str, y_label: str
) -> tuple[pg.PlotWidget, pg.PlotDataItem]:
    plot = pg.PlotWidget(title=title)
    plot.setLabel("bottom", x_label)
    plot.setLabel("left", y_label)
    plot.getAxis("bottom").enableAutoSIPrefix(False)  # 0.05, not "50 (x0.001)"
    curve = pg.PlotDataItem(stepMode="center", fillLevel=0, brush=(0, 114, 178, 120))
    plot.addItem(curve)
    return plot, curve


def _build_probe(loaded):
    """On a worker: (loaded, its ``LayerProbe``, its layer summary) for a ``LoadedModel``."""
    from cifar_gui.ml.activations import LayerProbe
    from cifar_gui.ml.model_summary import summarise_model

    with loaded.lock:  # the probe's warm-up pass shares the model's layers
        return loaded, LayerProbe(loaded.model), summarise_model(loaded.model)


def _run_probe(loaded, probe, image):
    """On a worker: (image, probe, every layer's output) for one ``DecodedImage``."""
    with loaded.lock:
        return image, probe, probe.run(image.network_input)


class LayerView(QWidget):
    stepRequested = Signal(int)  # -1: previous image, +1: next image

    def __init__(self, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.loaded = None  # the LoadedModel whose probe is (being) built
        self.probe = None
        self.image = None  # the DecodedImage shown
        self.activations = None  # its ImageActivations
        self.seconds: list[float] = []
        self._pending = None  # the image to show once the probe is built and this view is shown
        self._build()

    def _build(self) -> None:
        self.model_table = ModelTable()
        self.layer_box = QComboBox()
        self.layer_box.currentIndexChanged.connect(self._redraw)
        self.status = QLabel(self.tr("Choose a model and an image."))
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.status.setWordWrap(True)
        self.timing = QLabel()
        self.maps = FeatureMapGrid()
        self.filter_plot, self.filter_image = image_plot(
            self.tr("First convolution's filters (RGB)")
        )
        self.weight_plot, self.weight_curve = _histogram_plot(
            self.tr("Weights of this layer"), self.tr("weight"), self.tr("count")
        )
        self.activation_plot, self.activation_curve = _histogram_plot(
            self.tr("Activations for this image"), self.tr("activation"), self.tr("count")
        )
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Layer")))
        chooser.addWidget(self.layer_box, 1)
        chooser.addWidget(self.timing)
        lower = QGridLayout()
        lower.addWidget(self.filter_plot, 0, 0)
        lower.addWidget(self.weight_plot, 0, 1)
        lower.addWidget(self.activation_plot, 0, 2)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addLayout(chooser)
        column.addWidget(self.status)
        column.addWidget(self.maps, 3)
        column.addLayout(lower, 2)
        splitter = QSplitter()
        splitter.addWidget(self.model_table)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([460, 940])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        for key, step in ((Qt.Key.Key_Left, -1), (Qt.Key.Key_Right, 1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.stepRequested.emit(step))

    # ---- the model --------------------------------------------------------------------------
    def set_model(self, loaded) -> None:
        """Build the probe and the layer table for a ``LoadedModel`` on a worker."""
        if loaded is self.loaded:
            return
        self.loaded, self.probe, self.activations = loaded, None, None
        self.status.setText(self.tr("Preparing the layers of {name}…").format(name=loaded.path))
        self.status.setStyleSheet("")
        self.tasks.run(
            _build_probe, loaded, latest=MODEL_TASK, on_result=self._model_ready,
            on_error=self._failed,
        )  # fmt: skip

    @Slot(object)
    def _model_ready(self, result) -> None:
        loaded, probe, summary = result
        if loaded is not self.loaded:
            return  # another model was chosen meanwhile
        self.probe = probe
        self.seconds = []
        self.model_table.show_summary(summary, str(loaded.path))
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        for info in probe.info:
            shape = "×".join("?" if d is None else str(d) for d in info.output_shape)
            self.layer_box.addItem(f"{info.name}  ({info.kind}, {shape})")
        first_conv = next((i for i, info in enumerate(probe.info) if info.kind == "Conv2D"), 0)
        self.layer_box.setCurrentIndex(first_conv)
        self.layer_box.blockSignals(False)
        if probe.filters is not None:
            self.filter_image.setImage(filter_mosaic(probe.filters), levels=(0, 1))
        else:
            self.filter_image.clear()
        self.status.setText("")
        image, self._pending = self._pending or self.image, None
        if image is not None:
            self.show_image(image)

    # ---- one image --------------------------------------------------------------------------
    def show_image(self, image) -> None:
        """Run ``image`` (a ``DecodedImage``) through every layer, off the GUI thread (the
        newest image wins); while this view is hidden, only remember it (no forward pass
        nobody sees)."""
        if self.probe is None or not self.isVisible():
            self._pending = image
            return
        self._pending = None
        self.tasks.run(
            _run_probe, self.loaded, self.probe, image, latest=IMAGE_TASK,
            on_result=self._ran, on_error=self._failed,
        )  # fmt: skip

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pending is not None and self.probe is not None:
            self.show_image(self._pending)

    @Slot(object)
    def _ran(self, result) -> None:
        image, probe, activations = result
        if probe is not self.probe:
            return  # another model was chosen meanwhile
        self.image, self.activations = image, activations
        self.seconds = [*self.seconds[-(TIMES_KEPT - 1) :], activations.seconds]
        self.timing.setText(
            self.tr("{ms:.0f} ms per image (median of {n}, all {layers} layers)").format(
                ms=1000 * statistics.median(self.seconds), n=len(self.seconds),
                layers=len(probe.info),
            )
        )  # fmt: skip
        self._redraw()

    @Slot(str, str)
    def _failed(self, message: str, _details: str) -> None:
        self.status.setText(self.tr("Cannot look inside: {error}").format(error=message))
        self.status.setStyleSheet(ERROR_STYLE)

    # ---- drawing ----------------------------------------------------------------------------
    def current_layer(self) -> int:
        return self.layer_box.currentIndex()

    @Slot()
    def _redraw(self, *_args) -> None:
        index = self.current_layer()
        if self.probe is None or index < 0:
            return
        weights = self.probe.info[index].weights
        self._draw_histogram(self.weight_curve, weights)
        self.weight_plot.setTitle(
            self.tr("Weights of this layer") if weights else self.tr("This layer has no weights")
        )
        if self.activations is None:
            return
        self.maps.show_output(self.activations.outputs[index])
        self._draw_histogram(self.activation_curve, self.activations.histograms[index])

    @staticmethod
    def _draw_histogram(curve: pg.PlotDataItem, histogram) -> None:
        if histogram is None:
            curve.setData([], [])
        else:
            curve.setData(histogram.edges, histogram.counts)
