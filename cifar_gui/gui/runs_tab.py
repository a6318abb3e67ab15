"""The runs tab: every saved run in a sortable table, its housekeeping (rename, delete, open
folder, export as zip), and the overlay of the selected runs' curves.

Listing reads only small JSON and CSV files (no TensorFlow), so the table fills at once; a
damaged run is listed with what is wrong and never stops the others from showing.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.chance import chance_note
from cifar_gui.gui.field_message import ERROR_COLOUR, ERROR_STYLE
from cifar_gui.gui.lesson_table import LessonTable
from cifar_gui.gui.plain_text import plain_labels, plain_tooltip
from cifar_gui.gui.run_comparison_plot import RunComparisonPlot
from cifar_gui.gui.setting_labels import status_text, value_text
from cifar_gui.gui.sweep_filter import SweepFilter
from cifar_gui.gui.table_items import number_cell, text_cell
from cifar_gui.gui.workers import BackgroundTasks
from cifar_gui.i18n import _ as core_text  # a data set's name: the core's catalogue
from cifar_gui.run_store.listing import RunInfo, delete_run, display_name, list_runs, rename_run
from cifar_gui.run_store.summary import RunSummary

STATUS_COLOURS = {"failed": "#c0392b", "damaged": "#c0392b", "running": "#2980b9",
                  "stopped": "#d35400", "interrupted": "#d35400"}  # fmt: skip


def _cell(text: str, sort_key=None) -> QTableWidgetItem:
    """Text cells sort by text, numeric ones (``sort_key`` given) by value, empty ones last."""
    return text_cell(text) if sort_key is None else number_cell(text, sort_key)


TABLE_SHARE = 420  # per mille of the tab's height for the table at first
LESSON_SHARE = 450  # per mille of the rest for the lesson table, below the plots


def suggested_more_epochs(summary: RunSummary | dict) -> int:
    """What *Resume…* offers: the planned epochs not yet trained, else 5 more. Raises
    ``RunFormatError`` for a dict that is no summary."""
    if isinstance(summary, dict):
        summary = RunSummary.from_json(summary)
    done, planned = summary.epochs_completed, summary.epochs_planned
    if isinstance(done, int) and isinstance(planned, int) and planned > done >= 0:
        return planned - done
    return 5


def _score(value) -> tuple[str, float]:
    ok = isinstance(value, int | float) and math.isfinite(value)
    return (f"{value:.4f}" if ok else "", float(value) if ok else math.nan)


def _started(started) -> tuple[str, float]:
    """A run's start (ISO 8601) in the window's locale's short date and time, e.g.
    "2026. 11. 30. 오후 2:05" in Korean, "11/30/2026 2:05 PM" in English, and its POSIX time to sort by (NaN when unreadable)."""
    try:
        moment = datetime.fromisoformat(str(started)).astimezone()
    except ValueError:
        return "", math.nan
    shown = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    locale = QLocale()
    # The short format, with the year in full (Qt's has two digits: "26. 11. 30.").
    pattern = locale.dateTimeFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return locale.toString(shown, pattern), moment.timestamp()


def _duration(seconds) -> str:
    if not isinstance(seconds, int | float):
        return ""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class RunsTab(QWidget):
    evaluationRequested = Signal(str)  # run folder
    classifyRequested = Signal(str)
    resumeRequested = Signal(str, int)  # run folder, further epochs

    def __init__(
        self,
        tasks: BackgroundTasks,
        runs_dir: Callable[[], Path],
        active_run: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.runs_dir = runs_dir
        self.active_run = active_run
        self.runs: list[RunInfo] = []
        self._build_table()
        row = self._build_buttons()
        self.sweep_filter = SweepFilter()
        self.sweep_filter.currentIndexChanged.connect(self._apply_sweep_filter)
        row.addWidget(self.sweep_filter)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.message.setWordWrap(True)
        self.comparison = RunComparisonPlot()
        self.comparison.said.connect(self._say)  # a CSV added or refused, a PNG saved
        self.lesson = LessonTable()  # the overfitting gap of the selected runs, as numbers
        self._build_layout(row)
        self._update_buttons()

    def _build_table(self) -> None:
        """The runs table: one row per run, newest first, several selectable."""
        headers = [self.tr("Name"), self.tr("Date"), self.tr("Data"), self.tr("Preset"),
                   self.tr("Settings"), self.tr("Epochs"), self.tr("Best val acc"),
                   self.tr("Test acc"), self.tr("Duration"), self.tr("Device"), self.tr("Status")]  # fmt: skip
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Compact rows: eight runs or more in view above the overlay at the default size.
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        # Newest first until the user sorts otherwise (Qt's default: the first column, Z to A).
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(self._double_clicked)

    def _build_buttons(self) -> QHBoxLayout:
        """The row of actions on the selected runs."""
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (
            ("refresh", self.tr("Refresh"), self.refresh),
            ("rename", self.tr("Rename…"), self._ask_rename),
            ("delete", self.tr("Delete…"), self._ask_delete),
            ("open", self.tr("Open folder"), self.open_folder),
            ("evaluate", self.tr("Evaluation"), self._request_evaluation),
            ("classify", self.tr("Classify with it"), self._request_classify),
            ("resume", self.tr("Resume…"), self._ask_resume),
            ("export", self.tr("Export zip…"), self._ask_export),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        return row

    def _build_layout(self, row: QHBoxLayout) -> None:
        """The table above, the overlay and the lesson table below, in splitters."""
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(row)
        top_layout.addWidget(self.message)
        top_layout.addWidget(self.table, 1)
        self.hint = QLabel(self.tr("Select several runs to overlay their curves."))
        top_layout.addWidget(self.hint)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        bottom = QSplitter(Qt.Orientation.Vertical)  # the overlay, then the lesson in numbers
        bottom.addWidget(self.comparison)
        bottom.addWidget(self.lesson)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 1)
        bottom.setSizes([1000 - LESSON_SHARE, LESSON_SHARE])
        bottom.setChildrenCollapsible(False)
        splitter.addWidget(bottom)
        # At the default window size the table shows eight runs or more, the plots keep a
        # readable height and the lesson table all its rows (the user can drag the dividers).
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([TABLE_SHARE, 1000 - TABLE_SHARE])
        splitter.setChildrenCollapsible(False)
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    # ---- listing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the runs folder, keeping the selection."""
        selected = set(self.selected_paths())
        self.runs = list_runs(self.runs_dir())
        self.table.setSortingEnabled(False)
        self.table.clearContents()
        self.table.setRowCount(len(self.runs))
        for row, run in enumerate(self.runs):
            for column, item in enumerate(self._row_items(run)):
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        # Qt sizes a column by the font's metrics, which come out a few pixels short of the
        # drawn text for some fonts (the end of "2026. 11. 30. 오후 2:43" or "10:00 AM" was cut).
        spare = self.table.fontMetrics().averageCharWidth()
        for column in range(self.table.columnCount() - 1):  # the last one stretches
            self.table.setColumnWidth(column, self.table.columnWidth(column) + spare)
        self.sweep_filter.set_runs(self.runs)
        self._apply_sweep_filter()
        if selected:
            self.select_paths(selected)
        self._update_buttons()

    def _row_items(self, run: RunInfo) -> list[QTableWidgetItem]:
        s, summary = run.settings, run.summary
        started = summary.started_at or ""
        date, when = _started(started)
        settings = ""
        if s:
            settings = self.tr("{optimizer} lr {lr}, batch {batch}").format(
                optimizer=s.get("optimizer", "?"), lr=s.get("learning_rate", "?"),
                batch=s.get("batch_size", "?"),
            )  # fmt: skip
        data = core_text((run.data or {}).get("name") or s.get("data", ""))
        done, planned = summary.epochs_completed, summary.epochs_planned
        epochs = f"{done}/{planned}" if done is not None else ""
        best_text, best = _score(summary.best_val_acc)
        test_text, test = _score(summary.test_acc)
        chance = self._chance_note(run)
        status = run.status
        seconds = summary.duration_seconds
        name = _cell(run.name)
        name.setData(Qt.ItemDataRole.UserRole, str(run.path))
        name.setToolTip(plain_tooltip(str(run.path)))
        shown = self.status_text(status)
        status_item = _cell(shown if not run.problem else f"{shown}: {run.problem}")
        if summary.error:
            status_item.setToolTip(plain_tooltip(summary.error))
        if status in STATUS_COLOURS:
            status_item.setForeground(QBrush(QColor(STATUS_COLOURS[status])))
        return [
            name,
            _cell(date, when),
            _cell(str(data)),
            _cell(value_text("preset", s.get("preset", ""))),
            _cell(settings),
            _cell(epochs, done if isinstance(done, int) else math.nan),
            self._accuracy_cell(best_text, best, chance),
            self._accuracy_cell(test_text, test, chance),
            _cell(_duration(seconds), seconds if isinstance(seconds, int | float) else math.nan),
            _cell(summary.device or ""),
            status_item,
        ]

    @staticmethod
    def _chance_note(run: RunInfo) -> str | None:
        """Why the run learned nothing (``cifar_gui.chance``), or None."""
        return chance_note(run.summary, None, run.num_classes)

    def _accuracy_cell(self, text: str, value: float, chance: str | None) -> QTableWidgetItem:
        """An accuracy; marked "(chance)" in red, with the reason on hover, for a run that
        learned nothing."""
        if not chance or not text:
            return _cell(text, value)
        item = _cell(self.tr("{acc} (chance)").format(acc=text), value)
        item.setForeground(QBrush(QColor(ERROR_COLOUR)))
        item.setToolTip(plain_tooltip(chance))
        return item

    @Slot()
    def _apply_sweep_filter(self, *_args) -> None:
        self.sweep_filter.apply(self.table, self.runs)

    def status_text(self, status: str) -> str:
        return status_text(status)

    # ---- selection --------------------------------------------------------------------------
    def selected_paths(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in rows]

    def select_paths(self, paths) -> None:
        paths = {str(p) for p in paths}
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) in paths:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def _selected_run(self) -> RunInfo | None:
        paths = self.selected_paths()
        return next((r for r in self.runs if str(r.path) == paths[0]), None) if paths else None

    def _selection_changed(self) -> None:
        chosen = set(self.selected_paths())
        self.comparison.set_runs([(r.name, r.path) for r in self.runs if str(r.path) in chosen])
        self.lesson.set_runs([(r.name, r.path) for r in self.runs if str(r.path) in chosen])
        self._update_buttons()

    def _update_buttons(self) -> None:
        count = len(self.selected_paths())
        for key in ("rename", "open", "evaluate", "classify", "resume", "export"):
            self.buttons[key].setEnabled(count == 1)
        self.buttons["delete"].setEnabled(count >= 1)
        self.hint.setVisible(count < 2)  # its advice taken, it gives the plots its line

    @Slot(int, int)
    def _double_clicked(self, row: int, _column: int) -> None:
        self.evaluationRequested.emit(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")

    # ---- actions ----------------------------------------------------------------------------
    def _ask_rename(self) -> None:
        run = self._selected_run()
        if run is None:
            return
        dialog = self.rename_dialog(run.name)
        if dialog.exec():
            self.rename(run.path, dialog.textValue())

    def rename_dialog(self, name: str) -> QInputDialog:
        """The Rename dialog, its text box wide enough for a long name (40 characters at
        least, the whole of the current name when it is longer, within reason)."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Rename run"))
        dialog.setLabelText(self.tr("Name:"))
        dialog.setTextValue(name)
        plain_labels(dialog)
        metrics = dialog.fontMetrics()
        wanted = max(metrics.horizontalAdvance("M" * 40), metrics.horizontalAdvance(name) + 40)
        for editor in dialog.findChildren(QLineEdit):
            editor.setMinimumWidth(min(wanted, 900))
        return dialog

    def rename(self, path: Path, name: str) -> bool:
        try:
            rename_run(path, name)
        except (OSError, ValueError) as exc:
            self._say(self.tr("Could not rename: {error}").format(error=exc), error=True)
            return False
        self.refresh()
        return True

    def _ask_delete(self) -> None:
        paths = self.selected_paths()
        if not paths:
            return
        names = "\n".join(display_name(p) for p in paths[:10])
        answer = QMessageBox.question(
            self, self.tr("Delete runs"),
            (self.tr("Delete this run and all its files? This cannot be undone.\n\n{names}")
             if len(paths) == 1 else
             self.tr("Delete {n} runs and all their files? This cannot be undone.\n\n{names}")
             ).format(n=len(paths), names=names),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(paths)

    def delete(self, paths: list[str]) -> int:
        """Delete the runs; the one training now is refused. Returns how many went."""
        deleted, refused = 0, []
        active = self.active_run()
        for path in paths:
            if active and Path(path) == Path(active):
                refused.append(self.tr("{name} is training now").format(name=display_name(path)))
                continue
            try:
                delete_run(path)
                deleted += 1
            except (OSError, ValueError) as exc:
                refused.append(str(exc))
        self.refresh()
        if refused:
            self._say(self.tr("Not deleted: {why}").format(why="; ".join(refused)), error=True)
        else:
            text = self.tr("1 run deleted") if deleted == 1 else self.tr("{n} runs deleted")
            self._say(text.format(n=deleted))
        return deleted

    def open_folder(self) -> None:
        run = self._selected_run()
        if run is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(run.path))):
            self._say(
                self.tr("No file manager could open {path}").format(path=run.path), error=True
            )

    def _request_evaluation(self) -> None:
        if run := self._selected_run():
            self.evaluationRequested.emit(str(run.path))

    def _request_classify(self) -> None:
        if run := self._selected_run():
            self.classifyRequested.emit(str(run.path))

    def _ask_resume(self) -> None:
        run = self._selected_run()
        if run is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Resume run"))
        dialog.setInputMode(QInputDialog.InputMode.IntInput)
        dialog.setIntRange(1, 100_000)
        dialog.setIntValue(suggested_more_epochs(run.summary))
        dialog.setLabelText(self.tr("Train {name} for how many more epochs?").format(name=run.name))
        plain_labels(dialog)  # the run's name as typed
        if dialog.exec():
            self.resumeRequested.emit(str(run.path), dialog.intValue())

    def _ask_export(self) -> None:
        run = self._selected_run()
        if run is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export run"), str(Path.home() / f"{run.path.name}.zip"),
            self.tr("Zip archives (*.zip)"),
        )  # fmt: skip
        if path:
            self.export(run.path, Path(path))

    def export(self, run_dir: Path, zip_path: Path) -> None:
        """Zip on a worker (a model is tens of MB); the message says where it went."""
        from cifar_gui.run_store.archive import export_run

        self._say(self.tr("Exporting {name}…").format(name=display_name(run_dir)))
        self.tasks.run(
            export_run, run_dir, zip_path, on_result=self._exported, on_error=self._export_failed
        )

    @Slot(object)
    def _exported(self, path) -> None:
        self._say(self.tr("Exported to {path}").format(path=path))

    @Slot(str, str)
    def _export_failed(self, message: str, _details: str) -> None:
        self._say(self.tr("Export failed: {error}").format(error=message), error=True)
