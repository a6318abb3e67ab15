"""A run's test-set evaluation: loss and accuracy, the confusion matrix as a heatmap with
counts, per-class precision/recall/F1, and a gallery of the mistakes.

Clicking a confusion-matrix cell filters the gallery to that (true, predicted) pair; clicking
a gallery image sends it to the classification tab. Reading and evaluating run on workers.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.chance import chance_note
from cifar_gui.gui.class_names import shown_name, shown_names, test_image_name
from cifar_gui.gui.confusion_cells import matrix_cell, share_colour
from cifar_gui.gui.field_message import ERROR_STYLE
from cifar_gui.gui.plain_text import plain_tooltip
from cifar_gui.gui.qt_images import image_to_pixmap
from cifar_gui.gui.setting_labels import source_text
from cifar_gui.gui.table_items import number_cell, text_cell
from cifar_gui.gui.workers import BackgroundTasks
from cifar_gui.run_store.listing import display_name
from cifar_gui.run_store.stored_evaluation import StoredEvaluation, load_stored_evaluation

GALLERY_LIMIT = 300  # the most confident mistakes first; more would only slow the view down
ICON_SIZE = 64


READ_TASK = "evaluation-read"  # BackgroundTasks key: the newest run asked for wins


def _read_stored(path: Path) -> tuple[Path, object]:
    """On a worker: the run's stored evaluation (None if it has none), with its path."""
    return path, load_stored_evaluation(path)


def _evaluate(path: Path) -> Path:
    """On a worker: evaluate the run's model on its test set and store the figures in it."""
    from cifar_gui.ml.run_evaluation import evaluate_run

    evaluate_run(path)
    return path


class EvaluationView(QWidget):
    imageChosen = Signal(object, str)  # DecodedImage, the run folder (its model classifies it)
    evaluationStored = Signal(str)  # run folder: its summary changed

    def __init__(self, tasks: BackgroundTasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.run_dir: Path | None = None
        self.stored: StoredEvaluation | None = None
        self.filter: tuple[int, int] | None = None
        self.shown_indices = np.zeros(0, dtype=np.int64)
        self._evaluating = False

        header = self._build_header()
        self._build_tables()
        self._build_gallery()
        self._build_layout(header)

    def _build_header(self) -> QHBoxLayout:
        """The run's name (or what to do) and *Evaluate on the test set*."""
        self.title = QLabel(self.tr("Choose a run in the Runs tab, or train one."))
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.title.setWordWrap(True)
        self.evaluate_button = QPushButton(self.tr("Evaluate on the test set"))
        self.evaluate_button.clicked.connect(self.evaluate)
        self.evaluate_button.setEnabled(False)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.evaluate_button)
        return header

    def _build_tables(self) -> None:
        """The confusion matrix (a cell filters the gallery) and the per-class scores."""
        self.matrix = QTableWidget()
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.cellClicked.connect(self.filter_by_cell)
        self.matrix.setToolTip(self.tr("Rows: true class. Columns: predicted class. "
                                       "Click a cell to see its images."))  # fmt: skip
        # The class is a column of its own: a vertical header label would stay put when the
        # rows are sorted, putting one class's name on another's scores.
        self.scores = QTableWidget(0, 5)
        self.scores.setHorizontalHeaderLabels(
            [self.tr("Class"), self.tr("Precision"), self.tr("Recall"), self.tr("F1"),
             self.tr("Support")]
        )  # fmt: skip
        self.scores.verticalHeader().hide()
        self.scores.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Class-index order, with no arrow, until the user clicks a header (Qt's default
        # indicator, the first column descending, put the classes Z to A under the arrow).
        self.scores.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.scores.setSortingEnabled(True)

    def _build_gallery(self) -> None:
        """The mistakes as thumbnails, most confident first (at most ``GALLERY_LIMIT``);
        *Clear the cell filter* shows every cell's mistakes again after a matrix cell."""
        self.gallery_label = QLabel()
        self.gallery_label.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.gallery_label.setWordWrap(True)
        self.gallery_label.setToolTip(
            self.tr("The gallery shows at most the {limit} most confident mistakes.").format(
                limit=GALLERY_LIMIT
            )
        )
        self.show_all_button = QPushButton(self.tr("Clear the cell filter"))
        self.show_all_button.setToolTip(
            self.tr("Show the mistakes of every confusion-matrix cell again, not only those "
                    "of the cell clicked (at most the {limit} most confident).").format(
                limit=GALLERY_LIMIT)
        )  # fmt: skip
        self.show_all_button.clicked.connect(self.clear_filter)
        self.show_all_button.setEnabled(False)  # until a filtered gallery is shown
        self.gallery = QListWidget()
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.gallery.setResizeMode(QListView.ResizeMode.Adjust)
        self.gallery.setMovement(QListView.Movement.Static)
        self.gallery.setGridSize(QSize(ICON_SIZE + 56, ICON_SIZE + 40))
        self.gallery.setWordWrap(True)
        self.gallery.itemClicked.connect(self._gallery_clicked)

    def _build_layout(self, header: QHBoxLayout) -> None:
        """Tables on the left, the gallery on the right, the header above both."""
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(QLabel(self.tr("Confusion matrix (rows: true, columns: predicted)")))
        left_layout.addWidget(self.matrix, 3)
        left_layout.addWidget(QLabel(self.tr("Per-class scores")))
        left_layout.addWidget(self.scores, 2)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        gallery_header = QHBoxLayout()
        gallery_header.addWidget(self.gallery_label, 1)
        gallery_header.addWidget(self.show_all_button)
        right_layout.addLayout(gallery_header)
        right_layout.addWidget(self.gallery, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 800])
        self.chance_label = QLabel()  # a run that learned nothing, said under the title
        self.chance_label.setTextFormat(Qt.TextFormat.PlainText)  # class names as typed
        self.chance_label.setWordWrap(True)
        self.chance_label.setStyleSheet(ERROR_STYLE)
        self.chance_label.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.chance_label)
        layout.addWidget(splitter, 1)

    # ---- loading ----------------------------------------------------------------------------
    def show_run(self, run_dir: str | Path) -> None:
        """Read the run's stored evaluation on a worker (the gallery needs its test images)."""
        self.run_dir = Path(run_dir)
        if self.stored is not None and self.stored.run_dir != self.run_dir:
            self.stored = None  # never show one run's figures under another's name
            self._clear_tables()
        self.title.setText(self.tr("Reading the evaluation of {run}…").format(run=run_dir))
        self.evaluate_button.setEnabled(False)
        self.tasks.run(
            _read_stored, self.run_dir, latest=READ_TASK, on_result=self._stored_loaded,
            on_error=partial(self._read_failed, self.run_dir),
        )  # fmt: skip

    @Slot(object)
    def _stored_loaded(self, result) -> None:
        path, stored = result
        if path != self.run_dir:
            return  # the user has moved on to another run
        self.evaluate_button.setEnabled(not self._evaluating)
        if stored is None:
            self.stored = None
            self._clear_tables()
            self.title.setText(
                self.tr("{run} has not been evaluated on the test set yet.").format(
                    run=display_name(path)
                )
            )
            return
        self.show_stored(stored)

    def evaluate(self) -> None:
        """Evaluate the run's model on its test set now and store the figures in the run."""
        if self.run_dir is None or self._evaluating:
            return
        self._evaluating = True
        self.evaluate_button.setEnabled(False)
        self.title.setText(
            self.tr("Evaluating {run} on the test set…").format(run=display_name(self.run_dir))
        )
        self.tasks.run(
            _evaluate, self.run_dir, on_result=self._evaluated,
            on_error=partial(self._evaluation_failed, self.run_dir),
        )  # fmt: skip

    @Slot(object)
    def _evaluated(self, path) -> None:
        self._evaluating = False
        self.evaluationStored.emit(str(path))
        if path == self.run_dir:
            self.show_run(path)

    def _read_failed(self, path: Path, message: str, _details: str) -> None:
        if path != self.run_dir:
            return  # the user has moved on to another run
        self.evaluate_button.setEnabled(not self._evaluating)
        self.title.setText(self.tr("The evaluation failed: {error}").format(error=message))

    def _evaluation_failed(self, path: Path, message: str, _details: str) -> None:
        self._evaluating = False
        self.evaluate_button.setEnabled(self.run_dir is not None)
        if path == self.run_dir:  # not over another run's figures
            self.title.setText(self.tr("The evaluation failed: {error}").format(error=message))

    # ---- showing ----------------------------------------------------------------------------
    def _clear_tables(self) -> None:
        self.matrix.clear()
        self.matrix.setRowCount(0)
        self.matrix.setColumnCount(0)
        self.scores.setRowCount(0)
        self.gallery.clear()
        self.gallery_label.setText("")
        self.show_all_button.setEnabled(False)
        self.chance_label.hide()

    def show_stored(self, stored: StoredEvaluation) -> None:
        self.stored = stored
        self.run_dir = stored.run_dir
        figures = stored.figures
        self.title.setText(
            self.tr(
                "{run}: test accuracy {acc:.4f}, test loss {loss:.4f} on {n} images of {source}"
            ).format(
                run=display_name(stored.run_dir),
                acc=figures.get("test_acc", float("nan")),
                loss=figures.get("test_loss", float("nan")),
                n=figures.get("test_images", "?"),
                source=source_text(figures.get("data_source", "?")),
            )
            + self._model_epoch_note(figures.get("model_epoch"))
        )
        self._show_chance(figures)
        self._fill_matrix()
        self._fill_scores()
        self.filter = None
        self._fill_gallery()

    def _show_chance(self, figures: dict) -> None:
        """Say so when the model learned nothing (``cifar_gui.chance``): every test image
        predicted as one class, or a test accuracy at chance."""
        note = chance_note({"test_acc": figures.get("test_acc"), "evaluation": figures})
        self.chance_label.setText(note or "")
        self.chance_label.setVisible(bool(note))

    def _model_epoch_note(self, epoch) -> str:
        """Which epoch's model the figures describe (early stopping keeps the best one)."""
        if not isinstance(epoch, int):
            return ""
        return self.tr(" (model of epoch {epoch})").format(epoch=epoch)

    def _fill_matrix(self) -> None:
        names = shown_names(self.stored.class_names)
        confusion = self.stored.confusion
        self.matrix.clear()
        self.matrix.setRowCount(len(names))
        self.matrix.setColumnCount(len(names))
        # Numbered columns keep ten classes readable; each header names its class on hover.
        self.matrix.setHorizontalHeaderLabels([str(i) for i in range(len(names))])
        self.matrix.setVerticalHeaderLabels([f"{i} {name}" for i, name in enumerate(names)])
        for column, name in enumerate(names):
            self.matrix.horizontalHeaderItem(column).setToolTip(plain_tooltip(name))
        totals = confusion.sum(axis=1) if confusion.size else []
        for i in range(len(names)):
            for j in range(len(names)):
                count = int(confusion[i, j])
                fraction = count / totals[i] if totals[i] else 0.0
                tooltip = self.tr("true {t}, predicted {p}: {n} images ({f:.1%} of {t})").format(
                    t=names[i], p=names[j], n=count, f=fraction
                )
                self.matrix.setItem(i, j, matrix_cell(str(count), share_colour(fraction), tooltip))
        self.matrix.resizeColumnsToContents()

    def _fill_scores(self) -> None:
        per_class = self.stored.figures.get("per_class", {})
        self.scores.setSortingEnabled(False)  # rows are filled in place, then sorted once
        self.scores.setRowCount(len(per_class))
        for row, (name, scores) in enumerate(per_class.items()):
            self.scores.setItem(row, 0, text_cell(shown_name(name)))
            for column, key in enumerate(("precision", "recall", "f1", "support"), start=1):
                value = scores.get(key)
                if not isinstance(value, int | float):
                    self.scores.setItem(row, column, number_cell("", None))
                    continue
                text = str(int(value)) if key == "support" else f"{value:.4f}"
                self.scores.setItem(row, column, number_cell(text, value))
        self.scores.setSortingEnabled(True)
        self.scores.resizeColumnsToContents()

    @Slot(int, int)
    def filter_by_cell(self, true: int, predicted: int) -> None:
        self.filter = (true, predicted)
        self._fill_gallery()

    def clear_filter(self) -> None:
        self.filter = None
        self._fill_gallery()

    def _fit_gallery_grid(self, names: tuple[str, ...]) -> None:
        """Cells wide enough for the longest class name (Korean and English names differ in
        width) and tall enough for the caption's three lines: true →, predicted, confidence."""
        metrics = self.gallery.fontMetrics()
        widest = max((metrics.horizontalAdvance(f"{n} →") for n in names), default=0)
        width = min(max(ICON_SIZE + 56, widest + 16), 3 * ICON_SIZE)
        self.gallery.setGridSize(QSize(width, ICON_SIZE + 3 * metrics.lineSpacing() + 12))

    def _fill_gallery(self) -> None:
        self.gallery.clear()
        stored = self.stored
        self.show_all_button.setEnabled(False)
        if stored is None:
            return
        if stored.probabilities is None:
            self.gallery_label.setText(
                self.tr("No gallery: {why}").format(why=stored.gallery_note or "")
            )
            self.shown_indices = np.zeros(0, dtype=np.int64)
            return
        names = shown_names(stored.class_names)
        indices = stored.mistakes(*self.filter) if self.filter else stored.mistakes()
        self.shown_indices = indices[:GALLERY_LIMIT]
        guesses = stored.probabilities.argmax(axis=1)
        self._fit_gallery_grid(names)
        for index in self.shown_indices:
            true, guess = int(stored.labels[index]), int(guesses[index])
            confidence = float(stored.probabilities[index, guess])
            item = QListWidgetItem(
                QIcon(image_to_pixmap(stored.images[index], ICON_SIZE)),
                f"{names[true]} →\n{names[guess]}\n{confidence:.0%}",
            )
            item.setData(Qt.ItemDataRole.UserRole, int(index))
            item.setToolTip(
                plain_tooltip(
                    self.tr("test image #{i}: true {t}, predicted {p} ({c:.1%})").format(
                        i=int(index), t=names[true], p=names[guess], c=confidence
                    )
                )
            )
            self.gallery.addItem(item)
        if self.filter is None:
            what = self.tr("misclassified test images")
        else:
            what = self.tr("test images of {t} predicted as {p}").format(
                t=names[self.filter[0]], p=names[self.filter[1]]
            )
        self.gallery_label.setText(self._gallery_header(len(indices), what))
        self.show_all_button.setEnabled(self.filter is not None)

    def _gallery_header(self, total: int, what: str) -> str:
        """ "The 300 most confident of 891 misclassified test images …" when the gallery is
        capped at ``GALLERY_LIMIT``, else "12 of 12 …": a student never reads a cut list as all."""
        if total > GALLERY_LIMIT:
            return self.tr(
                "The {shown} most confident of {total} {what} (the gallery shows {shown} at "
                "most); click one to classify it"
            ).format(shown=GALLERY_LIMIT, total=total, what=what)
        return self.tr(
            "{shown} of {total} {what}, most confident first; click one to classify it"
        ).format(shown=total, total=total, what=what)

    @Slot(QListWidgetItem)
    def _gallery_clicked(self, item: QListWidgetItem) -> None:
        from cifar_gui.data.images import decoded_from_array

        stored = self.stored
        index = int(item.data(Qt.ItemDataRole.UserRole))
        label = int(stored.labels[index])
        image = decoded_from_array(
            stored.images[index], test_image_name(index, stored.class_names[label]), label
        )
        self.imageChosen.emit(image, str(stored.run_dir))
