"""The Classify tab's model: the list of saved runs that have one, *Open model file…*, and the
loading itself, on a worker thread in Keras's safe mode.

The newest model chosen wins: choosing several quickly loads the last one (an older load still
running finishes unseen, and the ones between never start). A file that is not a usable model
is refused in one sentence, with Keras's whole message behind *Details…*; the model in use
before stays in use.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.gui.class_names import shown_names
from cifar_gui.gui.field_message import ERROR_STYLE
from cifar_gui.gui.workers import BackgroundTasks
from cifar_gui.run_store.listing import list_runs
from cifar_gui.run_store.record import RunRecord

log = logging.getLogger(__name__)

MODEL_TASK = "classify-model"  # BackgroundTasks key: the newest model chosen wins


@dataclass(frozen=True)
class ModelRefusal:
    """A file that is not a usable model: the sentence shown, and the full reason (Keras's own
    error, say; may be empty) behind *Details…*."""

    message: str
    details: str


def load_for_classify(path: str):
    """On a worker: ``(LoadedModel, GradCam or None, why there is no Grad-CAM or None)`` for
    the model file, run folder or run zip at ``path``; a ``ModelRefusal`` when it is not a
    usable model (``ml.inference.ModelLoadError``: hostile, damaged, the wrong shape or a
    Keras it cannot be read with)."""
    from cifar_gui.ml.inference import ModelLoadError, explainer_for, load_model

    try:
        loaded = load_model(path)
    except ModelLoadError as exc:
        log.warning("Model refused: %s", exc)
        return ModelRefusal(str(exc), exc.details or "")
    explainer, note = explainer_for(loaded)
    return loaded, explainer, note


def already_loaded(loaded, explainer, note):
    """The model in use, unchanged: chosen again while another one was still loading."""
    return loaded, explainer, note


class ClassifyModelPicker(QWidget):
    """``runs_dir`` is a callable so the list follows the runs folder chosen in the settings."""

    modelChanged = Signal(str)  # the newly loaded model's path
    modelLoaded = Signal(object)  # the LoadedModel now in use
    settled = Signal()  # nothing is loading any more: ``loaded`` (maybe None) is the model to use

    def __init__(
        self, tasks: BackgroundTasks, runs_dir: Callable[[], Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.runs_dir = runs_dir
        self.loaded = None  # cifar_gui.ml.inference.LoadedModel
        self.explainer = None  # its GradCam, if it has one
        self.explain_note: str | None = None  # why it has none
        self.loading: str | None = None  # the path on its way (the newest chosen), if any
        self.listed_runs: dict = {}  # run folder -> RunInfo, for the runs in the list
        self._failure: tuple[str, str] | None = None  # (sentence, full detail)
        self._build()

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
        model_row = QHBoxLayout()
        model_row.addWidget(QLabel(self.tr("Model")))
        model_row.addWidget(self.model_box, 1)
        model_row.addWidget(self.open_model_button)
        status_row = QHBoxLayout()
        status_row.addWidget(self.model_status, 1)
        status_row.addWidget(self.model_details)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(model_row)
        layout.addLayout(status_row)

    # ---- the list ---------------------------------------------------------------------------
    def refresh_models(self, select: str | Path | None = None) -> None:
        """List the saved runs that have a model; ``select`` loads one (the run just trained)."""
        current = str(select) if select else self.model_box.currentData()
        self.model_box.clear()
        self.model_box.addItem(self.tr("— choose a run —"), None)
        self.listed_runs = {}
        for run in list_runs(self.runs_dir()):
            if run.problem or not RunRecord(run.path).model_path.is_file():
                continue
            self.model_box.addItem(self._run_label(run), str(run.path))
            self.listed_runs[str(run.path)] = run
        index = self.model_box.findData(current) if current else -1
        self.model_box.setCurrentIndex(max(index, 0))
        if select and index >= 0:
            self.load_model(str(select))

    def _run_label(self, run) -> str:
        """The run's name, its best validation accuracy, and its state unless completed."""
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
        return label

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
        if index > 0 and self.loading is None:
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

    # ---- loading ----------------------------------------------------------------------------
    def current_path(self) -> str | None:
        """The run folder (or file) of the model in use, as ``load_model`` was given it."""
        if self.loaded is None:
            return None
        return str(self.loaded.run_dir or self.loaded.path)

    def load_model(self, path: str | Path) -> None:
        """Load on a worker (safe mode); the newest model asked for wins, and images asked
        for meanwhile wait for it (``settled``)."""
        path = str(path)
        if path == (self.loading or self.current_path()):
            return  # the model in use, or the one on its way
        self.loading = path
        self.model_status.setText(self.tr("Loading {path}…").format(path=path))
        self.model_status.setStyleSheet("")
        self.model_details.hide()
        outcome = {"on_result": self._loaded, "on_error": self._failed, "latest": MODEL_TASK}
        if path == self.current_path():  # chosen again while another one was loading
            self.tasks.run(
                already_loaded, self.loaded, self.explainer, self.explain_note, **outcome
            )
        else:
            self.tasks.run(load_for_classify, path, **outcome)

    @Slot(object)
    def _loaded(self, result) -> None:
        if isinstance(result, ModelRefusal):
            self._refused(result.message, result.details)
            return
        changed = result[0] is not self.loaded
        self.loaded, self.explainer, self.explain_note = result
        self.loading = None
        names = ", ".join(shown_names(self.loaded.class_names))
        self.model_status.setText(
            self.tr("Loaded {path} — {n} classes: {names}").format(
                path=self.loaded.path, n=len(self.loaded.class_names), names=names
            )
        )
        if changed:
            self.modelChanged.emit(str(self.loaded.path))
        self.modelLoaded.emit(self.loaded)
        self.settled.emit()

    @Slot(str, str)
    def _failed(self, message: str, _traceback: str) -> None:
        """An unexpected error (logged with its traceback by the worker): the sentence only."""
        self._refused(message, "")

    def _refused(self, message: str, details: str) -> None:
        """One sentence on screen; Keras's full message, if any, behind "Details…". The model
        in use before stays in use."""
        self.loading = None
        self.model_status.setText(self.tr("Cannot use this model: {error}").format(error=message))
        self.model_status.setStyleSheet(ERROR_STYLE)
        self._failure = (message, details)
        self.model_details.setVisible(bool(details))
        self.settled.emit()

    def model_details_box(self) -> QMessageBox:
        """The dialog behind "Details…": the sentence, and the full reason to expand."""
        message, details = self._failure or ("", "")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot use this model"), message)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a file's name as typed
        box.setDetailedText(details)
        box.setParent(self, box.windowFlags())
        return box

    @Slot()
    def _show_model_details(self) -> None:
        self.model_details_box().exec()
