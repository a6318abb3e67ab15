"""The lesson of a regularisation comparison as numbers, one column per run side by side: the
overfitting gap (validation minus training loss) at the last epoch and at its largest, and the
epoch where validation loss stopped falling (``cifar_gui.lesson``).

The smallest gap is the one closest to 0 (a negative gap, validation loss below training loss
under dropout or noise, is no better than a positive one of the same size); runs tied at the
precision shown are marked alike; a run that learned nothing (``cifar_gui.chance``) is never
called best at anything and is named as such."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.chance import chance_note
from cifar_gui.lesson import Overfitting, overfitting
from cifar_gui.run_store.record import RunRecord


def _loss(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:z.3f}"  # "z": never "-0.000"


def _epoch(value: int | None) -> str:
    return "—" if value is None else str(value)


class LessonTable(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lessons: list[tuple[str, Overfitting]] = []
        self.at_chance: list[bool] = []  # per lesson: the run learned nothing
        self.rows = (
            (self.tr("Epochs trained"), lambda o: str(o.epochs)),
            (self.tr("Gap at the last epoch (val − train loss)"),
             lambda o: _loss(o.final_gap)),
            (self.tr("Largest gap (at epoch)"),
             lambda o: f"{_loss(o.max_gap)} ({_epoch(o.max_gap_epoch)})"),
            (self.tr("Validation loss stopped falling at epoch"), lambda o: _epoch(o.best_epoch)),
            (self.tr("Lowest validation loss"), lambda o: _loss(o.best_val_loss)),
            (self.tr("Epochs trained after it"), lambda o: _epoch(o.epochs_after_best)),
            (self.tr("Validation loss rise since then"), lambda o: _loss(o.rise_after_best)),
        )  # fmt: skip
        self.table = QTableWidget(len(self.rows), 0)
        self.table.setVerticalHeaderLabels([label for label, _ in self.rows])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)  # compact, all in view
        self.table.setMinimumHeight(self.all_rows_height())
        self.conclusion = QLabel()
        self.conclusion.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.conclusion.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Overfitting, measured (losses in nats)")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.conclusion)

    def all_rows_height(self) -> int:
        """Pixels the table needs to show every row with its header and a scroll bar."""
        table, row = self.table, self.table.verticalHeader().defaultSectionSize()
        bar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, table)
        # The header's own size hint is too small before it has columns: one row's height.
        return row * (table.rowCount() + 1) + bar + 2 * table.frameWidth() + 2

    def set_runs(self, runs: list[tuple[str, Path]]) -> None:
        """(name, run folder) of each run compared; a run without a readable history is left
        out and named."""
        self.lessons, self.at_chance, unreadable = [], [], []
        for name, path in runs:
            try:
                history = RunRecord(path).read_history()
            except (OSError, ValueError, KeyError):
                unreadable.append(name)
                continue
            if history:
                self.lessons.append((name, overfitting(history)))
                self.at_chance.append(_learned_nothing(Path(path), history))
        self.table.setColumnCount(len(self.lessons))
        self.table.setHorizontalHeaderLabels([name for name, _ in self.lessons])
        for column, (_name, lesson) in enumerate(self.lessons):
            for row, (_label, text) in enumerate(self.rows):
                item = QTableWidgetItem(text(lesson))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self._mark_best()
        self.table.resizeColumnsToContents()
        text = self._conclusion()
        if unreadable:
            text += " " + self.tr("No readable history: {names}.").format(
                names=", ".join(unreadable)
            )
        self.conclusion.setText(text.strip())

    def _best(self, key) -> list[int]:
        """The runs with the lowest ``key`` at the precision shown (ties all), when two or more
        runs that learned something have one; a run at chance is never best."""
        values = [
            math.nan if chance else round(key(lesson), 3)
            for chance, (_n, lesson) in zip(self.at_chance, self.lessons, strict=True)
        ]
        finite = [v for v in values if not math.isnan(v)]
        if len(finite) < 2:
            return []
        return [i for i, v in enumerate(values) if v == min(finite)]

    def _mark_best(self) -> None:
        bold = QFont()
        bold.setBold(True)
        for row, key in ((1, _gap_size), (4, lambda o: o.best_val_loss)):
            for best in self._best(key):
                self.table.item(row, best).setFont(bold)

    def _conclusion(self) -> str:
        gap, low = self._best(_gap_size), self._best(lambda o: o.best_val_loss)
        text = ""
        if gap and low:
            epochs = sorted({self.lessons[i][1].best_epoch for i in low}, key=str)
            text = self.tr(
                "Smallest gap at the end, by size (closest to 0, either sign): {gap_runs} "
                "({gap}); lowest validation loss: {low_runs} ({low}, epoch {epoch})."
            ).format(
                gap_runs=self._names(gap), gap=_loss(_gap_size(self.lessons[gap[0]][1])),
                low_runs=self._names(low), low=_loss(self.lessons[low[0]][1].best_val_loss),
                epoch=", ".join(_epoch(e) for e in epochs),
            )  # fmt: skip
        chance = [i for i, flag in enumerate(self.at_chance) if flag]
        if chance:
            text += " " + self.tr(
                "Learned nothing (accuracy at chance), so best at nothing: {runs}."
            ).format(runs=self._names(chance))
        return text.strip()

    def _names(self, indices: list[int]) -> str:
        return ", ".join(self.lessons[i][0] for i in indices)


def _gap_size(lesson: Overfitting) -> float:
    """How far the last epoch's validation loss is from the training loss, either way."""
    return abs(lesson.final_gap)


def _learned_nothing(path: Path, history: list[dict]) -> bool:
    """The run's final validation or test accuracy is at chance (``cifar_gui.chance``)."""
    record = RunRecord(path)
    try:
        summary = record.read_summary()
    except (OSError, ValueError):
        summary = {}
    names = record.class_names()
    return chance_note(summary, history, len(names) if names else None) is not None
