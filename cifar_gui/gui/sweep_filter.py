"""The Runs tab's sweep filter: every run, or only one sweep's (by the sweep id in its
settings)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTableWidget, QWidget

from cifar_gui.run_store.listing import RunInfo


class SweepFilter(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setToolTip(self.tr("List every run, or only the runs of one sweep"))
        self.addItem(self.tr("All runs"), None)

    def set_runs(self, runs: list[RunInfo]) -> None:
        """Offer each sweep these runs belong to, newest first, keeping the current choice."""
        keep = self.currentData()
        self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        for sweep_id in sorted({str(r.settings["sweep_id"]) for r in runs
                                if r.settings.get("sweep_id")}, reverse=True):  # fmt: skip
            self.addItem(self.tr("Sweep {id}").format(id=sweep_id), sweep_id)
        self.setCurrentIndex(max(self.findData(keep), 0) if keep else 0)
        self.blockSignals(False)

    def apply(self, table: QTableWidget, runs: list[RunInfo]) -> None:
        """Hide the rows (column 0 holds the run folder) of runs outside the chosen sweep."""
        chosen = self.currentData()
        by_path = {str(r.path): r for r in runs}
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            run = by_path.get(item.data(Qt.ItemDataRole.UserRole)) if item else None
            hidden = chosen is not None and (run is None or run.settings.get("sweep_id") != chosen)
            table.setRowHidden(row, hidden)
