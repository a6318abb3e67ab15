"""The image-classification tab: pick a model, give it images, see what it thinks and why.

Images come from files (one or many), drag and drop, the clipboard, or the model's own test
set; each is shown as given and as the 32x32 network input, with a Grad-CAM heatmap that can be
toggled. A folder is classified into a sortable table that exports as CSV. Decoding, model
loading and inference all run on worker threads; a newer request supersedes a pending one.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image
from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.atomic import atomic_write_text
from cifar_gui.data.image_listing import image_files_in  # the same listing as `predict`
from cifar_gui.data.images import IMAGE_SUFFIXES, DecodedImage, ImageError, decode_image
from cifar_gui.gui.class_names import shown_names, test_image_name
from cifar_gui.gui.field_message import ERROR_STYLE
from cifar_gui.gui.heatmap_controls import HeatmapControls
from cifar_gui.gui.layer_view import LayerView
from cifar_gui.gui.probability_chart import ProbabilityChart
from cifar_gui.gui.qt_images import image_to_pixmap, overlay_heatmap, photo_to_pixmap, qimage_to_png
from cifar_gui.gui.table_items import number_cell, text_cell
from cifar_gui.gui.workers import BackgroundTasks, FunctionWorker
from cifar_gui.run_store.listing import list_runs
from cifar_gui.run_store.record import RunRecord

VIEW_SIZE = 256
MAX_LISTED_IMAGES = 200  # more than this: the folder table is the better tool
FOLDER_CHUNK = 64  # images classified per step of a folder; its rows appear after each step


def percent(probability: float) -> str:
    """A probability as the folder table shows it, always with one decimal: "13.0%"."""
    return f"{probability:.1%}"


def folder_row_items(result, class_names) -> list:
    """The folder table's cells for one ``FileResult``: file, top class, confidence (sorted
    by value), the top three, and the problem of a file that could not be read."""
    items = [text_cell(str(result.path))]
    if result.probabilities is None:
        return [*items, text_cell(""), number_cell("", None), text_cell(""),
                text_cell(result.error or "")]  # fmt: skip
    order = np.argsort(result.probabilities)[::-1]
    top = float(result.probabilities[order[0]])
    top3 = ", ".join(f"{class_names[i]} {percent(result.probabilities[i])}" for i in order[:3])
    return [*items, text_cell(class_names[order[0]]), number_cell(percent(top), top),
            text_cell(top3), text_cell("")]  # fmt: skip


def decode_many(sources: list) -> tuple[list[DecodedImage], list[str]]:
    """Decode files or bytes; the bad ones become one-line reasons instead."""
    decoded, problems = [], []
    for source in sources:
        try:
            decoded.append(decode_image(source))
        except ImageError as exc:
            problems.append(str(exc))
    return decoded, problems


class ClassifyTab(QWidget):
    """``runs_dir`` is a callable so the tab follows the runs folder chosen in the settings."""

    modelChanged = Signal(str)  # the loaded model's path

    def __init__(
        self, tasks: BackgroundTasks, runs_dir: Callable[[], Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.runs_dir = runs_dir
        self.loaded = None  # cifar_gui.ml.inference.LoadedModel
        self.explainer = None
        self.explain_note: str | None = None
        self.analysis = None  # the Analysis on screen
        self.test_sets: dict[str, object] = {}  # data source -> Dataset, for random test images
        self._busy = False
        self._pending: DecodedImage | None = None
        self._pending_model: str | None = None
        self._loading_model = False
        self._folder_worker: FunctionWorker | None = None
        self.folder_results: list = []  # the rows in the folder table, in arrival order
        self._arrived: list = []
        self.listed_runs: dict = {}  # run folder -> RunInfo, for the runs in the model list
        self.setAcceptDrops(True)
        self._build()

    # ---- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.model_box = QComboBox()
        self.model_box.setMinimumContentsLength(40)
        self.model_box.activated.connect(self._model_chosen)
        self.open_model_button = QPushButton(self.tr("Open model file…"))
        self.open_model_button.clicked.connect(self._ask_model_file)
        self.model_status = QLabel(self.tr("No model loaded"))
        self.model_status.setWordWrap(True)
        self.model_status.setTextFormat(Qt.TextFormat.PlainText)  # a file's name is not HTML
        self.model_details = QPushButton(self.tr("Details…"))
        self.model_details.clicked.connect(self._show_model_details)
        self.model_details.hide()
        self._model_failure: tuple[str, str] | None = None  # (sentence, full detail)
        self._failure_details = ""  # set by the loading worker, read when it reports
        model_row = QHBoxLayout()
        model_row.addWidget(QLabel(self.tr("Model")))
        model_row.addWidget(self.model_box, 1)
        model_row.addWidget(self.open_model_button)

        self.open_images_button = QPushButton(self.tr("Open images…"))
        self.open_images_button.clicked.connect(self._ask_images)
        self.paste_button = QPushButton(self.tr("Paste"))
        self.paste_button.clicked.connect(self.paste)
        self.random_button = QPushButton(self.tr("Random test image"))
        self.random_button.clicked.connect(self.random_test_image)
        self.heatmap_box = QCheckBox(self.tr("Show heatmap (what the network looked at)"))
        self.heatmap_box.setChecked(True)
        self.heatmap_box.toggled.connect(self._redraw_images)
        input_row = QHBoxLayout()
        for widget in (self.open_images_button, self.paste_button, self.random_button):
            input_row.addWidget(widget)
        input_row.addStretch(1)
        input_row.addWidget(self.heatmap_box)
        QShortcut(QKeySequence.StandardKey.Paste, self, activated=self.paste)

        self.message = QLabel(self.tr("Drop image files or a folder here, or paste an image."))
        self.message.setWordWrap(True)

        self.inputs = QListWidget()
        self.inputs.setIconSize(QSize(48, 48))
        self.inputs.setMaximumWidth(240)
        self.inputs.currentItemChanged.connect(self._input_selected)

        self.original_view = QLabel()
        self.input_view = QLabel()
        for view in (self.original_view, self.input_view):
            view.setFixedSize(VIEW_SIZE, VIEW_SIZE)
            view.setAlignment(Qt.AlignmentFlag.AlignCenter)
            view.setStyleSheet("background: #f4f4f4; border: 1px solid #ddd;")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = ProbabilityChart()
        views = QGridLayout()
        views.addWidget(QLabel(self.tr("As given")), 0, 0)
        views.addWidget(QLabel(self.tr("Network input (32×32)")), 0, 1)
        views.addWidget(self.original_view, 1, 0)
        views.addWidget(self.input_view, 1, 1)
        views.addWidget(self.result_label, 2, 0, 1, 2)
        self.heatmap_controls = HeatmapControls()
        self.heatmap_controls.opacityChanged.connect(self._redraw_images)
        self.heatmap_box.toggled.connect(self.heatmap_controls.setEnabled)
        views.addWidget(self.heatmap_controls, 3, 0, 1, 2)
        views.setRowStretch(4, 1)
        images = QWidget()
        images.setLayout(views)
        single = QSplitter()
        single.addWidget(self.inputs)
        single.addWidget(images)
        single.addWidget(self.chart)
        single.setStretchFactor(2, 1)

        self.pages = QTabWidget()
        self.pages.addTab(single, self.tr("Images"))
        self.pages.addTab(self._build_folder_page(), self.tr("Folder"))
        self.layer_view = LayerView(self.tasks)  # issue 15: the layers and what each one sees
        self.layer_view.stepRequested.connect(self.step_image)
        self.pages.addTab(self.layer_view, self.tr("Inside the network"))

        layout = QVBoxLayout(self)
        layout.addLayout(model_row)
        status_row = QHBoxLayout()
        status_row.addWidget(self.model_status, 1)
        status_row.addWidget(self.model_details)
        layout.addLayout(status_row)
        layout.addLayout(input_row)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)
        self._update_enabled()

    def _build_folder_page(self) -> QWidget:
        self.folder_button = QPushButton(self.tr("Classify folder…"))
        self.folder_button.clicked.connect(self._ask_folder)
        self.folder_cancel = QPushButton(self.tr("Cancel"))
        self.folder_cancel.clicked.connect(self.cancel_folder)
        self.folder_export = QPushButton(self.tr("Export CSV…"))
        self.folder_export.clicked.connect(self._ask_export_csv)
        self.folder_progress = QProgressBar()
        self.folder_status = QLabel()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Top class"), self.tr("Confidence"), self.tr("Top 3"),
             self.tr("Problem")]
        )  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        row = QHBoxLayout()
        for widget in (self.folder_button, self.folder_cancel, self.folder_progress):
            row.addWidget(widget)
        row.addWidget(self.folder_export)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addLayout(row)
        column.addWidget(self.folder_status)
        column.addWidget(self.table, 1)
        self.folder_cancel.setEnabled(False)
        self.folder_export.setEnabled(False)
        return page

    def _update_enabled(self) -> None:
        ready = self.loaded is not None
        for widget in (self.open_images_button, self.paste_button, self.folder_button):
            widget.setEnabled(ready)
        self.random_button.setEnabled(ready and bool(self.loaded.data_source))
        if self._folder_worker is not None:
            self.folder_button.setEnabled(False)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")

    # ---- models -----------------------------------------------------------------------------
    def refresh_models(self, select: str | Path | None = None) -> None:
        """List the saved runs that have a model; ``select`` loads one (the run just trained)."""
        current = str(select) if select else self.model_box.currentData()
        self.model_box.clear()
        self.model_box.addItem(self.tr("— choose a run —"), None)
        self.listed_runs = {}
        for run in list_runs(self.runs_dir()):
            if run.problem or not RunRecord(run.path).model_path.is_file():
                continue
            acc = run.summary.best_val_acc
            label = (
                run.name
                if acc is None
                else self.tr("{name}  (val acc {acc:.3f})").format(name=run.name, acc=acc)
            )
            if run.status != "completed":
                states = {"stopped": self.tr("stopped"), "failed": self.tr("failed"),
                          "running": self.tr("running"), "interrupted": self.tr("interrupted")}  # fmt: skip
                label += "  [" + states.get(run.status, run.status) + "]"
            self.model_box.addItem(label, str(run.path))
            self.listed_runs[str(run.path)] = run
        index = self.model_box.findData(current) if current else -1
        self.model_box.setCurrentIndex(max(index, 0))
        if select and index >= 0:
            self.load_model(str(select))

    def newest_usable_index(self) -> int:
        """The list's newest completed run; else the newest with at least one finished epoch
        (a stopped run); -1 when no run has a trained epoch (failed before its first)."""
        runs = [(i, self.listed_runs.get(self.model_box.itemData(i)))
                for i in range(1, self.model_box.count())]  # fmt: skip
        for index, run in runs:
            if run is not None and run.status == "completed":
                return index
        for index, run in runs:
            if run is not None and (run.summary.epochs_completed or 0) > 0:
                return index
        return -1

    def load_newest(self) -> None:
        """The newest completed run's model (usually the one just trained); a run that failed
        or stopped before its first epoch is never chosen for the user. Nothing when a model
        is already on its way (one the user chose)."""
        index = self.newest_usable_index()
        if index > 0 and not self._loading_model:
            self.model_box.setCurrentIndex(index)
            self.load_model(self.model_box.itemData(index))

    @Slot(int)
    def _model_chosen(self, index: int) -> None:
        path = self.model_box.itemData(index)
        if path:
            self.load_model(path)

    def _ask_model_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a model"), str(self.runs_dir()),
            self.tr("Keras models and exported runs (*.keras *.zip);;All files (*)"),
        )  # fmt: skip
        if path:
            self.load_model(path)

    def load_model(self, path: str) -> None:
        """Load on a worker (safe mode); an image asked for meanwhile waits for it."""
        if self.loaded is not None and str(self.loaded.run_dir or self.loaded.path) == str(path):
            return
        if self._loading_model:
            self._pending_model = path
            return
        self._loading_model = True
        self.model_status.setText(self.tr("Loading {path}…").format(path=path))
        self.model_status.setStyleSheet("")
        self.model_details.hide()
        self._failure_details = ""

        def load():
            from cifar_gui.ml.inference import ModelLoadError, explainer_for, load_model

            try:
                loaded = load_model(path)
            except ModelLoadError as exc:
                self._failure_details = exc.details or ""  # before the error is reported
                raise
            explainer, note = explainer_for(loaded)
            return loaded, explainer, note

        worker = FunctionWorker(load)
        worker.returned.connect(self._model_loaded)
        worker.errored.connect(self._model_failed)
        self.tasks.start(worker)

    @Slot(object)
    def _model_loaded(self, result) -> None:
        self.loaded, self.explainer, self.explain_note = result
        self._loading_model = False
        names = ", ".join(shown_names(self.loaded.class_names))
        self.model_status.setText(
            self.tr("Loaded {path} — {n} classes: {names}").format(
                path=self.loaded.path, n=len(self.loaded.class_names), names=names
            )
        )
        self.modelChanged.emit(str(self.loaded.path))
        self.layer_view.set_model(self.loaded)
        self._update_enabled()
        if self._pending_model:
            path, self._pending_model = self._pending_model, None
            self.load_model(path)  # returns at once when it is the model just loaded
            if self._loading_model:
                return
        self._pending = None
        current = self.inputs.currentItem()
        if current is not None:  # the image on screen, through the new model
            self._request(current.data(Qt.ItemDataRole.UserRole))

    @Slot(str, str)
    def _model_failed(self, message: str, _traceback: str) -> None:
        """One sentence on screen; Keras's full message, if any, behind "Details…"."""
        self._loading_model = False
        self.model_status.setText(self.tr("Cannot use this model: {error}").format(error=message))
        self.model_status.setStyleSheet(ERROR_STYLE)
        self._model_failure = (message, self._failure_details)
        self.model_details.setVisible(bool(self._failure_details))
        if self._pending_model:
            path, self._pending_model = self._pending_model, None
            self.load_model(path)

    def model_details_box(self) -> QMessageBox:
        """The dialog behind "Details…": the sentence, and the full reason to expand."""
        message, details = self._model_failure or ("", "")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot use this model"), message)
        box.setDetailedText(details)
        box.setParent(self, box.windowFlags())
        return box

    @Slot()
    def _show_model_details(self) -> None:
        self.model_details_box().exec()

    # ---- inputs -----------------------------------------------------------------------------
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
        if self.loaded is None:
            self._say(self.tr("Choose a model first."), error=True)
            return
        if len(paths) > MAX_LISTED_IMAGES:
            self._say(
                self.tr(
                    "{n} files: the first {limit} are shown; use Classify folder for all of them."
                ).format(n=len(paths), limit=MAX_LISTED_IMAGES)
            )
            paths = paths[:MAX_LISTED_IMAGES]
        self._decode_in_background(lambda: decode_many(list(paths)))

    def open_bytes(self, data: bytes, name: str) -> None:
        def decode():
            decoded, problems = decode_many([data])
            for image in decoded:
                image.name = name
            return decoded, problems

        self._decode_in_background(decode)

    def _decode_in_background(self, decode) -> None:
        """``decode()`` returns (decoded images, reasons for the bad ones), on a worker."""
        worker = FunctionWorker(decode)
        worker.returned.connect(self._decoded)
        worker.errored.connect(self._input_failed)
        self.tasks.start(worker)

    @Slot(object)
    def _decoded(self, result) -> None:
        decoded, problems = result
        if problems:
            shown = problems[:3] + ([f"… (+{len(problems) - 3})"] if len(problems) > 3 else [])
            self._say(self.tr("Not used: {reasons}").format(reasons="; ".join(shown)), error=True)
        elif decoded:
            self._say("")
        self.add_images(decoded)

    @Slot(str, str)
    def _input_failed(self, message: str, _details: str) -> None:
        self._say(message, error=True)

    def add_images(self, images: list[DecodedImage]) -> None:
        """Append to the list and show the first of them."""
        first = None
        for image in images:
            item = QListWidgetItem(QIcon(image_to_pixmap(image.network_input, 48)), image.name)
            item.setData(Qt.ItemDataRole.UserRole, image)
            item.setToolTip(str(image.path or image.name))
            self.inputs.addItem(item)
            first = first or item
        if first is not None:
            self.pages.setCurrentIndex(0)
            self.inputs.setCurrentItem(first)

    @Slot()
    def paste(self) -> None:
        """An image on the clipboard, or image files copied in a file manager."""
        if self.loaded is None:
            self._say(self.tr("Choose a model first."), error=True)
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
        self._say(self.tr("The clipboard holds no image."), error=True)

    def random_test_image(self) -> None:
        """A random image of the model's own test set, with its true class."""
        if self.loaded is None or not self.loaded.data_source:
            return
        source = self.loaded.data_source
        class_names = self.loaded.class_names
        run_config = self.loaded.run_config or {}
        cached = self.test_sets.get(source)

        def pick():
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

        worker = FunctionWorker(pick)
        worker.returned.connect(self._random_picked)
        worker.errored.connect(self._input_failed)
        self.tasks.start(worker)

    @Slot(object)
    def _random_picked(self, result) -> None:
        source, dataset, image = result
        self.test_sets[source] = dataset
        self.add_images([image])

    # ---- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if mime.hasImage() or any(u.isLocalFile() for u in mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        folders = [p for p in paths if p.is_dir()]
        if folders:
            self.classify_folder(folders[0])
        elif paths:
            self.open_files(paths)
        elif mime.hasImage() and self.loaded is not None:
            self.open_bytes(qimage_to_png(mime.imageData()), self.tr("dropped image"))
        event.acceptProposedAction()

    # ---- classifying one image --------------------------------------------------------------
    def _input_selected(self, current, _previous=None) -> None:
        if current is not None:
            self._request(current.data(Qt.ItemDataRole.UserRole))

    def _request(self, image: DecodedImage) -> None:
        if self.loaded is None or self._loading_model:
            self._pending = image  # runs once the model is there
            return
        if self._busy:
            self._pending = image  # the newest request wins; older pending ones are dropped
            return
        self._busy = True
        loaded, explainer = self.loaded, self.explainer

        def run():
            from cifar_gui.ml.inference import analyse

            return analyse(loaded, explainer, image)

        worker = FunctionWorker(run)
        worker.returned.connect(self._analysed)
        worker.errored.connect(self._analysis_failed)
        self.tasks.start(worker)

    @Slot(int)
    def step_image(self, step: int) -> None:
        """Show the previous (-1) or next (+1) image of the list."""
        row = self.inputs.currentRow() + step
        if 0 <= row < self.inputs.count():
            self.inputs.setCurrentRow(row)

    def _next_pending(self) -> None:
        self._busy = False
        if self._pending is not None:
            image, self._pending = self._pending, None
            self._request(image)

    @Slot(object)
    def _analysed(self, analysis) -> None:
        current = self.inputs.currentItem()
        if current is None or current.data(Qt.ItemDataRole.UserRole) is analysis.image:
            self.analysis = analysis
            self._show_analysis()
            self.layer_view.show_image(analysis.image)
        self._next_pending()

    @Slot(str, str)
    def _analysis_failed(self, message: str, _details: str) -> None:
        self._say(self.tr("Classification failed: {error}").format(error=message), error=True)
        self._next_pending()

    def _show_analysis(self) -> None:
        analysis = self.analysis
        names = shown_names(self.loaded.class_names)
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
        if analysis.heatmap is None and self.explain_note:
            text += "\n" + self.tr("No heatmap: {why}").format(why=self.explain_note)
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

    # ---- a whole folder ---------------------------------------------------------------------
    def _ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Classify every image in"))
        if folder:
            self.classify_folder(Path(folder))

    def classify_folder(self, folder: Path) -> None:
        if self.loaded is None:
            self._say(self.tr("Choose a model first."), error=True)
            return
        if self._folder_worker is not None:
            self._say(self.tr("A folder is being classified; cancel it first."), error=True)
            return
        loaded = self.loaded
        arrived: list = []  # filled on the worker, chunk by chunk; rows are shown as they come
        self._arrived = arrived

        def run(report, cancelled):
            from cifar_gui.ml.inference import classify_files

            files = image_files_in(folder)
            report(0, len(files))
            for start in range(0, len(files), FOLDER_CHUNK):
                if cancelled():
                    break
                arrived.extend(classify_files(loaded, files[start : start + FOLDER_CHUNK]))
                report(min(start + FOLDER_CHUNK, len(files)), len(files))
            return list(arrived)

        self.pages.setCurrentIndex(1)
        self.table.setSortingEnabled(False)
        self.table.setRowCount(0)
        self.folder_results = []
        self.folder_progress.setValue(0)
        self.folder_status.setText(self.tr("Classifying {folder}…").format(folder=folder))
        self.folder_status.setStyleSheet("")
        worker = FunctionWorker(run, cancellable=True)
        worker.progress.connect(self._folder_progress)
        worker.returned.connect(self._folder_done)
        worker.errored.connect(self._folder_failed)
        self._folder_worker = worker
        self.folder_cancel.setEnabled(True)
        self.folder_export.setEnabled(False)
        self._update_enabled()
        self.tasks.start(worker)

    def cancel_folder(self) -> None:
        if self._folder_worker is not None:
            self._folder_worker.cancel()
            self.folder_status.setText(self.tr("Cancelling…"))

    @Slot(int, int)
    def _folder_progress(self, done: int, total: int) -> None:
        self.folder_progress.setMaximum(max(total, 1))
        self.folder_progress.setValue(done)
        self._add_folder_rows(self._arrived[len(self.folder_results) :])

    def _add_folder_rows(self, results: list) -> None:
        """Append rows (sorting paused meanwhile, so each row's cells land in one row)."""
        if not results:
            return
        names = shown_names(self.loaded.class_names) if self.loaded else ()
        sorting = self.table.isSortingEnabled()
        self.table.setSortingEnabled(False)
        for result in results:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, item in enumerate(folder_row_items(result, names)):
                self.table.setItem(row, column, item)
        self.folder_results.extend(results)
        self.table.setSortingEnabled(sorting)

    def _folder_finished(self) -> None:
        self._folder_worker = None
        self.folder_cancel.setEnabled(False)
        self._update_enabled()

    @Slot(object)
    def _folder_done(self, results) -> None:
        cancelled = self._folder_worker is not None and self._folder_worker.cancel_event.is_set()
        self._folder_finished()
        self._add_folder_rows(results[len(self.folder_results) :])
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        bad = sum(r.probabilities is None for r in results)
        text = self.tr("{n} images classified, {bad} unreadable").format(
            n=len(results) - bad, bad=bad
        )
        if cancelled:
            text = self.tr("Cancelled: ") + text
        self.folder_status.setText(text)
        self.folder_export.setEnabled(bool(results))

    @Slot(str, str)
    def _folder_failed(self, message: str, _details: str) -> None:
        self._folder_finished()
        self.folder_status.setText(
            self.tr("The folder could not be classified: {error}").format(error=message)
        )
        self.folder_status.setStyleSheet(ERROR_STYLE)

    def _ask_export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the results"), "classification.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> bool:
        """One row per file: the file, top class, confidence, then every class's probability."""
        import io

        names = self.loaded.class_names if self.loaded else ()
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["file", "top_class", "confidence", *names, "error"])
        for result in self.folder_results:
            if result.probabilities is None:
                writer.writerow([result.path, "", "", *([""] * len(names)), result.error])
                continue
            top = int(np.argmax(result.probabilities))
            writer.writerow(
                [result.path, names[top], f"{result.probabilities[top]:.6f}",
                 *(f"{p:.6f}" for p in result.probabilities), ""]
            )  # fmt: skip
        try:
            atomic_write_text(path, buffer.getvalue())
        except OSError as exc:
            self.folder_status.setText(self.tr("Could not save: {error}").format(error=exc))
            self.folder_status.setStyleSheet(ERROR_STYLE)
            return False
        self.folder_status.setText(self.tr("Saved {path}").format(path=path))
        return True
