"""The image-classification tab: pick a model, give it images, see what it thinks and why.

The tab lays out and connects its parts, each in a file of its own:

- ``classify_model_picker``: the runs that have a model, *Open model file…*, the loading;
- ``classify_images_page``: images from files, drag and drop, the clipboard or the model's own
  test set, each with its prediction and Grad-CAM heatmap;
- ``classify_folder_page``: a whole folder into a sortable table, exported as CSV;
- ``layer_view``: inside the network, for the image on screen.

Loading, decoding and inference run on worker threads (``workers.BackgroundTasks``); for the
model, the analysis and the folder, the newest request wins.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from cifar_gui.gui.classify_folder_page import ClassifyFolderPage
from cifar_gui.gui.classify_images_page import ClassifyImagesPage
from cifar_gui.gui.classify_model_picker import ClassifyModelPicker
from cifar_gui.gui.field_message import ERROR_STYLE
from cifar_gui.gui.layer_view import LayerView
from cifar_gui.gui.qt_images import qimage_to_png
from cifar_gui.gui.workers import BackgroundTasks


class ClassifyTab(QWidget):
    """``runs_dir`` is a callable so the tab follows the runs folder chosen in the settings."""

    modelChanged = Signal(str)  # the loaded model's path

    def __init__(
        self, tasks: BackgroundTasks, runs_dir: Callable[[], Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.model_picker = ClassifyModelPicker(tasks, runs_dir)
        self.images_page = ClassifyImagesPage(tasks, self.model_picker)
        self.folder_page = ClassifyFolderPage(tasks, self.model_picker)
        self.layer_view = LayerView(tasks)  # issue 15: the layers and what each one sees
        self.setAcceptDrops(True)
        self._build()
        self._connect()
        self._name_parts()

    def _build(self) -> None:
        self.message = QLabel(self.tr("Drop image files or a folder here, or paste an image."))
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.message.setWordWrap(True)
        self.pages = QTabWidget()
        self.pages.addTab(self.images_page, self.tr("Images"))
        self.pages.addTab(self.folder_page, self.tr("Folder"))
        self.pages.addTab(self.layer_view, self.tr("Inside the network"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.model_picker)
        layout.addWidget(self.images_page.toolbar)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)
        QShortcut(QKeySequence.StandardKey.Paste, self, activated=self.images_page.paste)
        self._update_enabled()

    def _connect(self) -> None:
        picker, images, folder = self.model_picker, self.images_page, self.folder_page
        picker.modelChanged.connect(self.modelChanged)
        picker.modelLoaded.connect(self.layer_view.set_model)
        picker.settled.connect(self._update_enabled)
        for page in (images, folder):
            page.said.connect(self._say)
            page.wantShown.connect(lambda page=page: self.pages.setCurrentWidget(page))
        images.analysisShown.connect(self.layer_view.show_image)
        self.layer_view.stepRequested.connect(images.step_image)

    def _name_parts(self) -> None:
        """The parts' widgets and actions under the names the window and its tests use."""
        picker, images, folder = self.model_picker, self.images_page, self.folder_page
        for name in ("model_box", "open_model_button", "model_status", "model_details",
                     "refresh_models", "newest_usable_index", "load_newest", "load_model",
                     "model_details_box"):  # fmt: skip
            setattr(self, name, getattr(picker, name))
        for name in ("open_images_button", "paste_button", "random_button", "heatmap_box",
                     "heatmap_controls", "inputs", "original_view", "input_view",
                     "result_label", "chart", "open_files", "open_bytes", "add_images",
                     "paste", "random_test_image", "step_image"):  # fmt: skip
            setattr(self, name, getattr(images, name))
        for name in ("folder_button", "folder_cancel", "folder_export", "folder_progress",
                     "folder_status", "table", "classify_folder", "cancel_folder",
                     "export_csv"):  # fmt: skip
            setattr(self, name, getattr(folder, name))

    # ---- state kept by the parts ------------------------------------------------------------
    @property
    def loaded(self):
        """The ``LoadedModel`` in use (None before one has loaded)."""
        return self.model_picker.loaded

    @loaded.setter
    def loaded(self, value) -> None:
        self.model_picker.loaded = value

    @property
    def analysis(self):
        """The ``Analysis`` on screen (None before the first)."""
        return self.images_page.analysis

    @analysis.setter
    def analysis(self, value) -> None:
        self.images_page.analysis = value

    @property
    def folder_results(self) -> list:
        """The folder table's ``FileResult``s, in arrival order."""
        return self.folder_page.folder_results

    def _update_enabled(self) -> None:
        self.images_page.update_enabled()
        self.folder_page.update_enabled()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")

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
            self.folder_page.classify_folder(folders[0])
        elif paths:
            self.images_page.open_files(paths)
        elif mime.hasImage() and self.loaded is not None:
            self.images_page.open_bytes(qimage_to_png(mime.imageData()), self.tr("dropped image"))
        event.acceptProposedAction()
