"""A queue of training runs trained back to back ("Compare regularisation"), and its panel.

The queue holds settings, not workers: the main window starts the next run when the previous
one's thread has ended, so only one run trains at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from cifar_gui.config import TrainConfig
from cifar_gui.gui.setting_labels import value_text

COMPARED_PRESETS = ("plain", "l2", "dropout")


@dataclass
class QueuedRun:
    label: str
    config: TrainConfig
    state: str = "pending"  # pending, running, then the run's status, or cancelled
    run_dir: str | None = None
    epochs_trained: int | None = None  # once it ended: the epochs it trained (None: unknown)


class RunQueue(QObject):
    changed = Signal()
    finished = Signal(list)  # the QueuedRuns of the batch that just ended

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[QueuedRun] = []

    def enqueue(self, runs: list[QueuedRun]) -> None:
        self.items = [*runs]
        self.changed.emit()

    def next_pending(self) -> QueuedRun | None:
        return next((item for item in self.items if item.state == "pending"), None)

    @property
    def current(self) -> QueuedRun | None:
        return next((item for item in self.items if item.state == "running"), None)

    @property
    def active(self) -> bool:
        return any(item.state in ("pending", "running") for item in self.items)

    def mark_running(self, item: QueuedRun) -> None:
        item.state = "running"
        self.changed.emit()

    def mark_finished(self, status: str, run_dir: str | None) -> None:
        """The current run ended; when nothing is left, say the batch is finished."""
        item = self.current
        if item is None:
            return
        item.state, item.run_dir = status, run_dir
        self.changed.emit()
        if not self.active:
            self.finished.emit(list(self.items))

    def cancel_pending(self) -> None:
        for item in self.items:
            if item.state == "pending":
                item.state = "cancelled"
        self.changed.emit()
        if not self.active and self.items:
            self.finished.emit(list(self.items))


class QueuePanel(QWidget):
    """What the queue holds and each run's state, with Cancel for the runs not yet started."""

    def __init__(self, queue: RunQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.title = QLabel(self.tr("Queue"))
        self.list = QListWidget()
        self.list.setMaximumHeight(80)
        self.cancel_button = QPushButton(self.tr("Cancel queue"))
        self.cancel_button.setToolTip(
            self.tr("The runs not yet started are dropped; the one training now finishes.")
        )
        self.cancel_button.clicked.connect(queue.cancel_pending)
        row = QHBoxLayout()
        row.addWidget(self.title, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list)
        queue.changed.connect(self.refresh)
        self.refresh()

    def state_text(self, state: str) -> str:
        return {
            "pending": self.tr("pending"), "running": self.tr("training…"),
            "completed": self.tr("completed"), "stopped": self.tr("stopped"),
            "failed": self.tr("failed"), "cancelled": self.tr("cancelled"),
        }.get(state, state)  # fmt: skip

    def refresh(self) -> None:
        self.list.clear()
        for index, item in enumerate(self.queue.items, start=1):
            label = value_text("preset", item.label)  # a comparison's preset, in words
            self.list.addItem(f"{index}. {label}: {self.state_text(item.state)}")
        self.cancel_button.setEnabled(any(i.state == "pending" for i in self.queue.items))
        self.setVisible(bool(self.queue.items))
