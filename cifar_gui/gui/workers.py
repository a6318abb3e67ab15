"""Running a plain function on a QThread and getting its result, or its error, back as signals.

After superqt's ``_qthreading``: the worker is a QObject moved to its own QThread; exceptions
are caught in the thread and carried back with their traceback, never lost.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot


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
    """Move ``worker`` to a new thread (a child of ``parent``) that quits when the worker says
    ``done``, and start it.

    No ``deleteLater``: the caller keeps Python references to both until the thread has
    finished, then hands the thread to ``release_thread``. Mixing Qt's deferred deletion with
    Python's ownership of the worker is how double frees happen.
    """
    thread = QThread(parent)
    worker.moveToThread(thread)
    thread.started.connect(run_slot)
    # Direct: quit() is thread-safe, and a queued call would wait for the GUI event loop,
    # which is blocked while closeEvent waits for this very thread.
    worker.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    thread.start()
    return thread


def release_thread(thread: QThread) -> None:
    """Detach a finished thread from its parent so that dropping the last reference frees it."""
    thread.wait()
    thread.setParent(None)
