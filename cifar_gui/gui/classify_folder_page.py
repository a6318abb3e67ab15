"""The Classify tab's folder page: every image under a folder through the model, chunk by
chunk on a worker thread, into a sortable table whose rows appear as they come; a progress
bar, Cancel, and *Export CSV…* (written by ``data.classification_csv``).

A new folder asked for while one is being classified replaces it: the older one is told to
stop and its rows are never shown.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.data.classification_csv import write_classification_csv
from cifar_gui.data.image_listing import image_files_in  # the same listing as `predict`
from cifar_gui.gui.class_names import shown_names
from cifar_gui.gui.classify_model_picker import ClassifyModelPicker
from cifar_gui.gui.field_message import ERROR_STYLE
from cifar_gui.gui.table_items import number_cell, text_cell
from cifar_gui.gui.workers import BackgroundTasks, FunctionWorker
from cifar_gui.i18n import os_error_text

FOLDER_CHUNK = 64  # images classified per step of a folder; its rows appear after each step
FOLDER_TASK = "classify-folder"  # BackgroundTasks key: the newest folder asked for wins


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


def classify_folder_files(loaded, folder: Path, arrived: list, report, cancelled) -> list:
    """On a worker: classify every image file under ``folder`` (``image_files_in``) with the
    ``LoadedModel``, ``FOLDER_CHUNK`` files at a time. After each chunk its ``FileResult``s are
    appended to ``arrived`` (read by the GUI thread as they come) and ``report(done, total)``
    is called; stops between chunks once ``cancelled()``. Returns every result so far."""
    from cifar_gui.ml.inference import classify_files

    files = image_files_in(folder)
    report(0, len(files))
    for start in range(0, len(files), FOLDER_CHUNK):
        if cancelled():
            break
        arrived.extend(classify_files(loaded, files[start : start + FOLDER_CHUNK]))
        report(min(start + FOLDER_CHUNK, len(files)), len(files))
    return list(arrived)


class ClassifyFolderPage(QWidget):
    """The folder table for the model in ``models``."""

    said = Signal(str, bool)  # a message for the tab's message line; True: an error
    wantShown = Signal()  # a folder is being classified: show this page

    def __init__(
        self, tasks: BackgroundTasks, models: ClassifyModelPicker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.models = models
        self.folder_results: list = []  # the rows in the table, in arrival order
        self._arrived: list = []  # the running folder's results, appended on its worker
        self._worker: FunctionWorker | None = None  # the folder being classified
        self._build()

    def _build(self) -> None:
        self.folder_button = QPushButton(self.tr("Classify folder…"))
        self.folder_button.clicked.connect(self._ask_folder)
        self.folder_cancel = QPushButton(self.tr("Cancel"))
        self.folder_cancel.clicked.connect(self.cancel_folder)
        self.folder_export = QPushButton(self.tr("Export CSV…"))
        self.folder_export.clicked.connect(self._ask_export_csv)
        self.folder_progress = QProgressBar()
        self.folder_status = QLabel()
        self.folder_status.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("File"), self.tr("Top class"), self.tr("Confidence"), self.tr("Top 3"),
             self.tr("Problem")]
        )  # fmt: skip
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        # The folder's order, with no arrow, until the user clicks a header (Qt's default
        # indicator, the first column descending, listed the files Z to A).
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        row = QHBoxLayout()
        for widget in (self.folder_button, self.folder_cancel, self.folder_progress):
            row.addWidget(widget)
        row.addWidget(self.folder_export)
        column = QVBoxLayout(self)
        column.addLayout(row)
        column.addWidget(self.folder_status)
        column.addWidget(self.table, 1)
        self.folder_cancel.setEnabled(False)
        self.folder_export.setEnabled(False)

    @property
    def running(self) -> bool:
        """A folder is being classified (until its last rows are in the table)."""
        return self._worker is not None

    def update_enabled(self) -> None:
        self.folder_button.setEnabled(self.models.loaded is not None)

    # ---- classifying ------------------------------------------------------------------------
    def _ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Classify every image in"))
        if folder:
            self.classify_folder(Path(folder))

    def classify_folder(self, folder: Path) -> None:
        """Classify every image under ``folder`` on a worker; one already running is replaced."""
        if self.models.loaded is None:
            self.said.emit(self.tr("Choose a model first."), True)
            return
        self._arrived = []  # a new list: a replaced worker still appends to its own
        self.wantShown.emit()
        self.table.setSortingEnabled(False)
        self.table.setRowCount(0)
        self.folder_results = []
        self.folder_progress.setValue(0)
        self.folder_status.setText(self.tr("Classifying {folder}…").format(folder=folder))
        self.folder_status.setStyleSheet("")
        self.folder_cancel.setEnabled(True)
        self.folder_export.setEnabled(False)
        self._worker = self.tasks.run(
            classify_folder_files, self.models.loaded, Path(folder), self._arrived,
            cancellable=True, latest=FOLDER_TASK, on_progress=self._progress,
            on_result=self._done, on_error=self._failed,
        )  # fmt: skip

    def cancel_folder(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            self.folder_status.setText(self.tr("Cancelling…"))

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        sender = self.sender()
        if sender is not None and sender is not self._worker:
            return  # a replaced folder's last step
        self.folder_progress.setMaximum(max(total, 1))
        self.folder_progress.setValue(done)
        self.add_rows(self._arrived[len(self.folder_results) :])

    def add_rows(self, results: list) -> None:
        """Append rows (sorting paused meanwhile, so each row's cells land in one row)."""
        if not results:
            return
        loaded = self.models.loaded
        names = shown_names(loaded.class_names) if loaded else ()
        sorting = self.table.isSortingEnabled()
        self.table.setSortingEnabled(False)
        for result in results:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, item in enumerate(folder_row_items(result, names)):
                self.table.setItem(row, column, item)
        self.folder_results.extend(results)
        self.table.setSortingEnabled(sorting)

    def _finished(self) -> None:
        self._worker = None
        self.folder_cancel.setEnabled(False)

    @Slot(object)
    def _done(self, results) -> None:
        cancelled = self._worker is not None and self._worker.cancel_event.is_set()
        self._finished()
        self.add_rows(results[len(self.folder_results) :])
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
    def _failed(self, message: str, _details: str) -> None:
        self._finished()
        self.folder_status.setText(
            self.tr("The folder could not be classified: {error}").format(error=message)
        )
        self.folder_status.setStyleSheet(ERROR_STYLE)

    # ---- export -----------------------------------------------------------------------------
    def _ask_export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the results"), "classification.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> bool:
        """One row per file: the file, top class, confidence, then every class's probability
        (``data.classification_csv``; English class names). False, said on the page, when the
        file cannot be written."""
        loaded = self.models.loaded
        names = loaded.class_names if loaded else ()
        try:
            write_classification_csv(path, self.folder_results, names)
        except OSError as exc:
            self.folder_status.setText(
                self.tr("Could not save: {error}").format(error=os_error_text(exc))
            )
            self.folder_status.setStyleSheet(ERROR_STYLE)
            return False
        self.folder_status.setText(self.tr("Saved {path}").format(path=path))
        self.folder_status.setStyleSheet("")
        return True
