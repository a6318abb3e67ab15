"""Running a plain function on a QThread and getting its result, or its error, back as signals.

After superqt's ``_qthreading``: the worker is a QObject moved to its own QThread; exceptions
are caught in the thread and carried back with their traceback, never lost.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot


class FunctionWorker(QObject):
    returned = Signal(object)
    errored = Signal(str, str)  # message, traceback
    done = Signal()

    def __init__(self, function: Callable[[], Any]) -> None:
        super().__init__()
        self._function = function

    @Slot()
    def run(self) -> None:
        try:
            result = self._function()
        except Exception as exc:  # noqa: BLE001 - carried back to the GUI thread
            self.errored.emit(str(exc) or type(exc).__name__, traceback.format_exc())
        else:
            self.returned.emit(result)
        finally:
            self.done.emit()


def start_in_thread(worker: QObject, parent: QObject, run_slot: Callable[[], None]) -> QThread:
    """Move ``worker`` to a new thread that quits when the worker says ``done``, and start it.

    The caller keeps references to both; the thread and worker delete themselves when finished.
    """
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(run_slot)
    worker.done.connect(thread.quit)
    thread.finished.connect(worker.deleteLater)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread
