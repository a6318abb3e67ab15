"""The window's run queue backed by a sweep's queue file, with Pause and Add runs.

``SweepRunQueue`` is the ``RunQueue`` the window already drives (start the next run when the
previous thread has ended), mirroring every change into the sweep's ``queue.json`` so that
the runs left survive a closed window. Pausing lets the run training now finish and starts no
other; closing the window *detaches* (the runs left stay pending on disk, offered at the next
start) where Cancel drops them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from cifar_gui.config import TrainConfig
from cifar_gui.gui.field_message import ERROR_STYLE
from cifar_gui.gui.run_queue import QueuedRun, QueuePanel, RunQueue
from cifar_gui.gui.setting_labels import combination_text
from cifar_gui.sweep.queue import FINISHED_STATES, SweepItem, SweepQueue

log = logging.getLogger(__name__)


class SweepRunQueue(RunQueue):
    """A ``RunQueue`` whose items are a sweep's; ``persisted`` is that sweep's queue file."""

    resumed = Signal()  # un-paused: the window starts the next run
    saveFailed = Signal(str)  # the queue file could not be written: say so, train on

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.persisted: SweepQueue | None = None
        self.paused = False
        self._detached = False  # the window closed: the file is no longer this queue's

    def start_sweep(self, sweep: SweepQueue) -> None:
        """Train a sweep's runs left (all of a new one). Raises ``SweepError`` when another
        window or CLI is training it."""
        sweep.acquire()
        sweep.recover()
        self._release()
        self.persisted, self.paused, self._detached = sweep, False, False
        super().enqueue([_queued(item) for item in sweep.items])

    def enqueue(self, runs: list[QueuedRun]) -> None:
        self._release()
        self.paused = False
        super().enqueue(runs)

    def _mirror(self, item: QueuedRun) -> SweepItem | None:
        if self.persisted is None or self._detached or item not in self.items:
            return None
        return self.persisted.items[self.items.index(item)]

    def _persist(self, change, *args) -> None:
        """Apply a change to the queue file; a full or read-only disk is said, not raised (the
        runs still train, but what is left would not survive a closed window)."""
        try:
            change(*args)
        except OSError as exc:
            log.warning("cannot save the sweep queue: %s", exc)
            self.saveFailed.emit(str(exc))

    def next_pending(self) -> QueuedRun | None:
        return None if self.paused else super().next_pending()

    @property
    def remaining(self) -> int:
        return sum(1 for item in self.items if item.state == "pending")

    def mark_running(self, item: QueuedRun) -> None:
        if (mirror := self._mirror(item)) is not None:
            self._persist(self.persisted.mark_running, mirror, item.run_dir)
        super().mark_running(item)

    def mark_finished(self, status: str, run_dir: str | None) -> None:
        item = self.current
        if item is not None and (mirror := self._mirror(item)) is not None:
            self._persist(self.persisted.mark_finished, mirror, status, run_dir)
        super().mark_finished(status, run_dir)
        if not self.active:
            self._release()

    def cancel_pending(self) -> None:
        if self.persisted is not None and not self._detached:
            self._persist(self.persisted.cancel_pending)
        self.paused = False
        super().cancel_pending()
        if not self.active:
            self._release()

    def set_paused(self, paused: bool) -> None:
        """Paused: the run training now finishes, the next waits until un-paused."""
        if paused == self.paused:
            return
        self.paused = paused
        self.changed.emit()
        if not paused:
            self.resumed.emit()

    def extend(self, base: TrainConfig, combinations: list[dict]) -> int:
        """Add runs to the sweep being trained; returns how many (0 when there is none)."""
        if self.persisted is None or not self.active:
            return 0
        added = self.persisted.extend(base, combinations)
        self.items.extend(_queued(item) for item in added)
        self.changed.emit()
        if self.current is None:
            self.resumed.emit()
        return len(added)

    def detach(self) -> None:
        """The window closes: a sweep's runs left stay on disk for the next start."""
        if self.persisted is None:
            self.cancel_pending()
            return
        log.info("leaving %d run(s) of %s for later", self.remaining, self.persisted.sweep_id)
        # The run stopped by the closing stays "running" on disk: the next start resumes it.
        self._detached = True
        self._release()

    def _release(self) -> None:
        if self.persisted is not None:
            self.persisted.release()


def _queued(item: SweepItem) -> QueuedRun:
    """A sweep item as the window's queue holds it; a run a crash left half-trained keeps its
    folder, so the window resumes it instead of starting it again."""
    state = item.state if item.state in FINISHED_STATES else "pending"
    return QueuedRun(combination_text(item.combination), item.config(), state, item.run_dir)


class SweepQueuePanel(QueuePanel):
    """The queue panel plus *Pause queue* and *Add runs*, and the sweep's name and runs left."""

    extendRequested = Signal()

    def __init__(self, queue: SweepRunQueue, parent: QWidget | None = None) -> None:
        super().__init__(queue, parent)
        self.pause_button = QPushButton(self.tr("Pause queue"))
        self.pause_button.setCheckable(True)
        self.pause_button.setToolTip(
            self.tr("The run training now finishes; the next starts when you resume the queue.")
        )
        self.pause_button.toggled.connect(queue.set_paused)
        self.extend_button = QPushButton(self.tr("Add runs"))
        self.extend_button.setToolTip(
            self.tr("Add the combinations now in the settings to this sweep's queue.")
        )
        self.extend_button.clicked.connect(self.extendRequested)
        row = self.layout().itemAt(0).layout()
        row.insertWidget(row.count() - 1, self.pause_button)
        row.insertWidget(row.count() - 1, self.extend_button)
        self.save_problem = QLabel()
        self.save_problem.setTextFormat(Qt.TextFormat.PlainText)  # names as typed
        self.save_problem.setWordWrap(True)
        self.save_problem.setStyleSheet(ERROR_STYLE)
        self.save_problem.hide()
        self.layout().addWidget(self.save_problem)
        queue.saveFailed.connect(self._save_failed)
        self.refresh()

    @Slot(str)
    def _save_failed(self, error: str) -> None:
        self.save_problem.setText(self.tr("The queue could not be saved ({error}): the runs "
                                          "left will not survive closing the window.").format(error=error))  # fmt: skip
        self.save_problem.show()

    def refresh(self) -> None:
        super().refresh()
        if not hasattr(self, "pause_button"):
            return
        queue: SweepRunQueue = self.queue
        sweep = queue.persisted.sweep_id if queue.persisted is not None else self.tr("Queue")
        self.title.setText(self._title(queue, sweep))
        self.pause_button.blockSignals(True)
        self.pause_button.setChecked(queue.paused)
        self.pause_button.setText(
            self.tr("Resume queue") if queue.paused else self.tr("Pause queue")
        )
        self.pause_button.blockSignals(False)
        self.pause_button.setEnabled(queue.active)
        self.extend_button.setEnabled(queue.active and queue.persisted is not None)

    def _title(self, queue: SweepRunQueue, sweep: str) -> str:
        """The header: the runs left, that the last one trains, or, once the queue has ended
        (the last run, Stop or Cancel), how many of its runs completed."""
        n = queue.remaining
        if queue.paused:
            text = (self.tr("{sweep}: paused, 1 run left") if n == 1
                    else self.tr("{sweep}: paused, {n} runs left"))  # fmt: skip
        elif n == 0 and queue.current is not None:  # not "0 runs left" while one still trains
            text = self.tr("{sweep}: the last run is training")
        elif not queue.active and queue.items:  # not "0 runs left" after a Stop
            done = sum(item.state == "completed" for item in queue.items)
            return self.tr("{sweep}: ended, {done} of {total} runs completed").format(
                sweep=sweep, done=done, total=len(queue.items)
            )
        else:
            text = self.tr("{sweep}: 1 run left") if n == 1 else self.tr("{sweep}: {n} runs left")
        return text.format(sweep=sweep, n=n)
