"""The Classify tab's images: opened, dropped, pasted or drawn at random from the model's own
test set; each is shown as given and as the 32x32 network input, with what the model thinks
(the probability chart) and why (a Grad-CAM heatmap that can be toggled and faded).

Decoding and analysis run on worker threads, with the values of the moment passed in. The
newest image asked for wins: stepping quickly through the list analyses the image the user
stopped at, never a queue of the ones passed by. An image chosen while a model is loading is
analysed once the model is there.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.data.images import IMAGE_SUFFIXES, DecodedImage, ImageError, decode_image
from cifar_gui.gui.class_names import shown_names, test_image_name
from cifar_gui.gui.classify_model_picker import ClassifyModelPicker
from cifar_gui.gui.heatmap_controls import HeatmapControls
from cifar_gui.gui.plain_text import plain_tooltip
from cifar_gui.gui.probability_chart import ProbabilityChart
from cifar_gui.gui.qt_images import image_to_pixmap, overlay_heatmap, photo_to_pixmap, qimage_to_png
from cifar_gui.gui.workers import BackgroundTasks

VIEW_SIZE = 256
MAX_LISTED_IMAGES = 200  # more than this: the folder table is the better tool
ANALYSIS_TASK = "classify-analysis"  # BackgroundTasks key: the newest image asked for wins


def decode_many(sources: list) -> tuple[list[DecodedImage], list[str]]:
    """Decode files or bytes; the bad ones become one-line reasons instead."""
    decoded, problems = [], []
    for source in sources:
        try:
            decoded.append(decode_image(source))
        except ImageError as exc:
            problems.append(str(exc))
    return decoded, problems


def decode_named(data: bytes, name: str) -> tuple[list[DecodedImage], list[str]]:
    """``decode_many`` for one image's encoded bytes (pasted or dropped), captioned ``name``."""
    decoded, problems = decode_many([data])
    for image in decoded:
        image.name = name
    return decoded, problems


def pick_test_image(source: str, class_names: tuple, run_config: dict, cached):
    """On a worker: ``(source, dataset, image)``, a random test image of the data ``source``
    (the ``Dataset`` in ``cached`` when the tab has it already) with its true class.

    Raises ``ValueError`` when the data is not what the model was trained on (changed since,
    no test images, other classes)."""
    from cifar_gui.data import load_source
    from cifar_gui.data.fingerprint import data_difference
    from cifar_gui.data.images import decoded_from_array

    dataset = cached if cached is not None else load_source(source)
    if difference := data_difference(run_config, dataset):
        raise ValueError(difference)
    if not len(dataset.x_test):
        raise ValueError(f"{source}: has no test images")
    if dataset.num_classes != len(class_names):
        raise ValueError(f"{source}: its classes do not match the model's")
    index = int(np.random.default_rng().integers(len(dataset.x_test)))
    label = int(dataset.y_test[index])
    image = decoded_from_array(
        dataset.x_test[index], test_image_name(index, dataset.class_names[label]), label
    )
    return source, dataset, image


def analyse_image(loaded, explainer, image: DecodedImage):
    """On a worker: ``ml.inference.analyse`` (probabilities and the top class's heatmap)."""
    from cifar_gui.ml.inference import analyse

    return analyse(loaded, explainer, image)


class ClassifyImagesPage(QWidget):
    """The list of images and what the model in ``models`` makes of the chosen one. The row of
    ways in (``toolbar``) is laid out by the tab, above its pages."""

    said = Signal(str, bool)  # a message for the tab's message line; True: an error
    wantShown = Signal()  # images were added: show this page
    analysisShown = Signal(object)  # the DecodedImage whose analysis is on screen

    def __init__(
        self, tasks: BackgroundTasks, models: ClassifyModelPicker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.models = models
        self.analysis = None  # the ml.inference.Analysis on screen
        self.test_sets: dict[str, object] = {}  # data source -> Dataset, for random test images
        self._build_toolbar()
        self._build_views()
        models.settled.connect(self._analyse_current)

    def _build_toolbar(self) -> None:
        self.open_images_button = QPushButton(self.tr("Open images…"))
        self.open_images_button.clicked.connect(self._ask_images)
        self.paste_button = QPushButton(self.tr("Paste"))
        self.paste_button.clicked.connect(self.paste)
        self.random_button = QPushButton(self.tr("Random test image"))
        self.random_button.clicked.connect(self.random_test_image)
        self.heatmap_box = QCheckBox(self.tr("Show heatmap (what the network looked at)"))
        self.heatmap_box.setChecked(True)
        self.heatmap_box.toggled.connect(self._redraw_images)
        self.toolbar = QWidget()
        row = QHBoxLayout(self.toolbar)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.open_images_button, self.paste_button, self.random_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.heatmap_box)

    def _build_views(self) -> None:
        self.inputs = QListWidget()
        self.inputs.setIconSize(QSize(48, 48))
        self.inputs.setMaximumWidth(240)
        self.inputs.currentItemChanged.connect(self._input_selected)
        self.original_view, self.input_view = QLabel(), QLabel()
        for view in (self.original_view, self.input_view):
            view.setFixedSize(VIEW_SIZE, VIEW_SIZE)
            view.setAlignment(Qt.AlignmentFlag.AlignCenter)
            view.setStyleSheet("background: #f4f4f4; border: 1px solid #ddd;")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = ProbabilityChart()
        self.heatmap_controls = HeatmapControls()
        self.heatmap_controls.opacityChanged.connect(self._redraw_images)
        self.heatmap_box.toggled.connect(self.heatmap_controls.setEnabled)
        views = QGridLayout()
        views.addWidget(QLabel(self.tr("As given")), 0, 0)
        views.addWidget(QLabel(self.tr("Network input (32×32)")), 0, 1)
        views.addWidget(self.original_view, 1, 0)
        views.addWidget(self.input_view, 1, 1)
        views.addWidget(self.result_label, 2, 0, 1, 2)
        views.addWidget(self.heatmap_controls, 3, 0, 1, 2)
        views.setRowStretch(4, 1)
        images = QWidget()
        images.setLayout(views)
        splitter = QSplitter()
        splitter.addWidget(self.inputs)
        splitter.addWidget(images)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    def update_enabled(self) -> None:
        """The ways in need a model; a random test image needs the data it was trained on."""
        loaded = self.models.loaded
        for widget in (self.open_images_button, self.paste_button):
            widget.setEnabled(loaded is not None)
        self.random_button.setEnabled(loaded is not None and bool(loaded.data_source))

    def _refuse_without_model(self) -> bool:
        if self.models.loaded is None:
            self.said.emit(self.tr("Choose a model first."), True)
            return True
        return False

    # ---- ways in ----------------------------------------------------------------------------
    def _ask_images(self) -> None:
        filters = " ".join(f"*{s}" for s in IMAGE_SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open images"), "",
            self.tr("Images ({patterns});;All files (*)").format(patterns=filters),
        )  # fmt: skip
        if paths:
            self.open_files([Path(p) for p in paths])

    def open_files(self, paths: list[Path]) -> None:
        """Decode on a worker, list the good ones, name the bad ones."""
        if self._refuse_without_model():
            return
        if len(paths) > MAX_LISTED_IMAGES:
            self.said.emit(
                self.tr(
                    "{n} files: the first {limit} are shown; use Classify folder for all of them."
                ).format(n=len(paths), limit=MAX_LISTED_IMAGES),
                False,
            )
            paths = paths[:MAX_LISTED_IMAGES]
        self.tasks.run(decode_many, list(paths), on_result=self._decoded, on_error=self._failed)

    def open_bytes(self, data: bytes, name: str) -> None:
        """One encoded image (pasted or dropped), captioned ``name``, decoded on a worker."""
        self.tasks.run(decode_named, data, name, on_result=self._decoded, on_error=self._failed)

    @Slot(object)
    def _decoded(self, result) -> None:
        decoded, problems = result
        if problems:
            shown = problems[:3] + ([f"… (+{len(problems) - 3})"] if len(problems) > 3 else [])
            self.said.emit(self.tr("Not used: {reasons}").format(reasons="; ".join(shown)), True)
        elif decoded:
            self.said.emit("", False)
        self.add_images(decoded)

    @Slot(str, str)
    def _failed(self, message: str, _details: str) -> None:
        self.said.emit(message, True)

    def add_images(self, images: list[DecodedImage]) -> None:
        """Append to the list and show the first of them."""
        first = None
        for image in images:
            item = QListWidgetItem(QIcon(image_to_pixmap(image.network_input, 48)), image.name)
            item.setData(Qt.ItemDataRole.UserRole, image)
            item.setToolTip(plain_tooltip(str(image.path or image.name)))
            self.inputs.addItem(item)
            first = first or item
        if first is not None:
            self.wantShown.emit()
            self.inputs.setCurrentItem(first)

    @Slot()
    def paste(self) -> None:
        """An image on the clipboard, or image files copied in a file manager."""
        if self._refuse_without_model():
            return
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasImage():
            image = QGuiApplication.clipboard().image()
            if not image.isNull():
                self.open_bytes(qimage_to_png(image), self.tr("pasted image"))
                return
        if mime is not None and mime.hasUrls():
            paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
            if paths:
                self.open_files(paths)
                return
        self.said.emit(self.tr("The clipboard holds no image."), True)

    def random_test_image(self) -> None:
        """A random image of the model's own test set, with its true class."""
        loaded = self.models.loaded
        if loaded is None or not loaded.data_source:
            return
        source = loaded.data_source
        self.tasks.run(
            pick_test_image, source, loaded.class_names, loaded.run_config or {},
            self.test_sets.get(source), on_result=self._random_picked, on_error=self._failed,
        )  # fmt: skip

    @Slot(object)
    def _random_picked(self, result) -> None:
        source, dataset, image = result
        self.test_sets[source] = dataset
        self.add_images([image])

    @Slot(int)
    def step_image(self, step: int) -> None:
        """Show the previous (-1) or next (+1) image of the list."""
        row = self.inputs.currentRow() + step
        if 0 <= row < self.inputs.count():
            self.inputs.setCurrentRow(row)

    # ---- classifying one image --------------------------------------------------------------
    def _input_selected(self, current, _previous=None) -> None:
        if current is not None:
            self._request(current.data(Qt.ItemDataRole.UserRole))

    @Slot()
    def _analyse_current(self) -> None:
        """The image on screen, through the model now in use (after a model has loaded)."""
        self._input_selected(self.inputs.currentItem())

    def _request(self, image: DecodedImage) -> None:
        models = self.models
        if models.loaded is None or models.loading is not None:
            return  # the model is on its way: ``settled`` asks again for the current image
        self.tasks.run(
            analyse_image, models.loaded, models.explainer, image, latest=ANALYSIS_TASK,
            on_result=self._analysed, on_error=self._analysis_failed,
        )  # fmt: skip

    @Slot(object)
    def _analysed(self, analysis) -> None:
        current = self.inputs.currentItem()
        if current is None or current.data(Qt.ItemDataRole.UserRole) is analysis.image:
            self.analysis = analysis
            self._show_analysis()
            self.analysisShown.emit(analysis.image)

    @Slot(str, str)
    def _analysis_failed(self, message: str, _details: str) -> None:
        self.said.emit(self.tr("Classification failed: {error}").format(error=message), True)

    def _show_analysis(self) -> None:
        analysis = self.analysis
        names = shown_names(self.models.loaded.class_names)
        top = analysis.top_index
        text = self.tr("{name}: {cls} ({p:.1%})").format(
            name=analysis.image.name, cls=names[top], p=float(analysis.probabilities[top])
        )
        true = analysis.image.true_index
        if true is not None:
            verdict = self.tr("correct") if true == top else self.tr("wrong")
            text += self.tr(" — true class: {cls} ({verdict})").format(
                cls=names[true], verdict=verdict
            )
        if analysis.heatmap is None and self.models.explain_note:
            text += "\n" + self.tr("No heatmap: {why}").format(why=self.models.explain_note)
        self.result_label.setText(text)
        self.chart.show_probabilities(analysis.probabilities, names, true)
        self._redraw_images()

    def _redraw_images(self, *_args) -> None:
        if self.analysis is None:
            return
        image = self.analysis.image
        display, network_input = image.display, image.network_input
        heatmap = self.analysis.heatmap
        if self.heatmap_box.isChecked() and heatmap is not None:
            opacity = self.heatmap_controls.opacity()
            network_input = overlay_heatmap(network_input, heatmap, opacity)
            resized = Image.fromarray((heatmap * 255).astype(np.uint8)).resize(
                (display.shape[1], display.shape[0]), Image.Resampling.BILINEAR
            )
            display = overlay_heatmap(display, np.asarray(resized, np.float32) / 255, opacity)
        self.original_view.setPixmap(photo_to_pixmap(display, VIEW_SIZE))
        self.input_view.setPixmap(image_to_pixmap(network_input, VIEW_SIZE))
