"""The Sweeps tab: one sweep's runs in a table (one column per swept setting, best validation
accuracy, test accuracy, time), the best run highlighted, CSV export, and its plots.

Every figure is the run's own ``summary.json`` (via ``cifar_gui.sweep.results``); sorting
moves whole rows, and a cell sorts by its number, not its text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from cifar_gui.atomic import atomic_write_text
from cifar_gui.gui.runs_tab import _cell, _duration, _score
from cifar_gui.gui.setting_labels import setting_label, status_text, value_text
from cifar_gui.gui.sweep_plots import SweepPlots
from cifar_gui.i18n import os_error_text
from cifar_gui.sweep.results import SweepTable, sweep_ids, sweep_table

BEST_BACKGROUND = "#d5f5e3"


class SweepView(QWidget):
    def __init__(self, runs_dir: Callable[[], Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runs_dir = runs_dir
        self.current: SweepTable | None = None
        self.chooser = QComboBox()
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.colour_by = QComboBox()
        self.colour_by.currentIndexChanged.connect(self._redraw)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(lambda: self.refresh())
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self._ask_export)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        row = QHBoxLayout()
        for widget in (QLabel(self.tr("Sweep")), self.chooser, refresh,
                       QLabel(self.tr("Colour by")), self.colour_by, self.export_button):  # fmt: skip
            row.addWidget(widget)
        row.addStretch(1)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.plots = SweepPlots()
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(row)
        top_layout.addWidget(self.message)
        top_layout.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.plots)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._show(None)

    # ---- choosing ---------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        """Re-list the sweeps in the runs folder and show ``select`` (else the one shown)."""
        keep = select or self.chooser.currentData()
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for sweep_id in sweep_ids(self.runs_dir()):
            self.chooser.addItem(sweep_id, sweep_id)
        index = self.chooser.findData(keep) if keep else 0
        self.chooser.setCurrentIndex(max(index, 0))
        self.chooser.blockSignals(False)
        self._chosen()

    @Slot()
    def _chosen(self, *_args) -> None:
        sweep_id = self.chooser.currentData()
        self._show(sweep_table(self.runs_dir(), sweep_id) if sweep_id else None)

    def _show(self, table: SweepTable | None) -> None:
        self.current = table
        self.export_button.setEnabled(bool(table and table.rows))
        self.message.setText("" if table else self.tr("No sweep yet: type several values in a "
                                                      "setting (1e-3, 3e-4) and press Start."))  # fmt: skip
        self._fill(table)
        self.colour_by.blockSignals(True)
        self.colour_by.clear()
        for setting in table.swept if table else []:
            self.colour_by.addItem(setting_label(setting), setting)
        self.colour_by.blockSignals(False)
        self._redraw()

    @Slot()
    def _redraw(self, *_args) -> None:
        if self.current is not None:
            self.plots.show_table(self.current, self.colour_by.currentData())
        else:
            self.plots.show_table(SweepTable("", [], []), None)

    # ---- the table --------------------------------------------------------------------------
    def _fill(self, table: SweepTable | None) -> None:
        swept = table.swept if table else []
        headers = ["#", *map(setting_label, swept), self.tr("Status"), self.tr("Best val acc"),
                   self.tr("Test acc"), self.tr("Time")]  # fmt: skip
        rows = table.rows if table else []
        best = table.best() if table else None
        self.table.setSortingEnabled(False)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            cells = [_cell(str(row.index), row.index)]
            for key in swept:
                value = row.combination.get(key)
                cells.append(_cell(value_text(key, value), value if _is_number(value) else None))
            cells += [_cell(status_text(row.status)), _cell(*_score(row.best_val_acc)),
                      _cell(*_score(row.test_acc)),
                      _cell(_duration(row.seconds), row.seconds if row.seconds is not None else -1)]  # fmt: skip
            cells[0].setData(Qt.ItemDataRole.UserRole, str(row.run_dir))
            for c, cell in enumerate(cells):
                cell.setToolTip(str(row.run_dir))
                if row is best:
                    _highlight(cell, self.tr("The best validation accuracy of this sweep"))
                self.table.setItem(r, c, cell)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()

    def row_values(self) -> list[dict[str, str]]:
        """The table as shown (header -> text), top to bottom, after any sorting."""
        headers = [
            self.table.horizontalHeaderItem(c).text() for c in range(self.table.columnCount())
        ]
        return [
            {h: self.table.item(r, c).text() for c, h in enumerate(headers)}
            for r in range(self.table.rowCount())
        ]

    # ---- export -----------------------------------------------------------------------------
    def _ask_export(self) -> None:
        if self.current is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the sweep table"), str(Path.home() / f"{self.current.sweep_id}.csv"),
            self.tr("CSV files (*.csv)"),
        )  # fmt: skip
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> bool:
        try:
            atomic_write_text(path, self.current.to_csv())
        except OSError as exc:
            self.message.setText(
                self.tr("Could not write {path}: {error}").format(
                    path=path, error=os_error_text(exc)
                )
            )
            return False
        self.message.setText(self.tr("Table written to {path}").format(path=path))
        return True


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _highlight(cell, tip: str) -> None:
    font = QFont(cell.font())
    font.setBold(True)
    cell.setFont(font)
    cell.setBackground(QBrush(QColor(BEST_BACKGROUND)))
    cell.setToolTip(tip)
