"""Running a plain function on a QThread and getting its result, or its error, back as signals.

After superqt's ``_qthreading``: the worker is a QObject moved to its own QThread; exceptions
are caught in the thread and carried back with their traceback, never lost.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

log = logging.getLogger(__name__)


def error_details(exc: BaseException) -> str:
    """What "Show details" shows for an error: the reason itself for the application's own
    errors (bad data, refused settings, a run that cannot resume), whose messages are written
    for the user; the traceback only for unexpected errors. The callers log every traceback."""
    if type(exc).__module__.startswith("cifar_gui."):
        return str(exc)
    return "".join(traceback.format_exception(exc))


def _name(function: Callable[..., Any]) -> str:
    return getattr(function, "__qualname__", None) or repr(function)


class FunctionWorker(QObject):
    """Runs ``function()``; a ``cancellable`` one is called as ``function(report, cancelled)``
    with ``report(done, total)`` emitting ``progress`` and ``cancelled()`` reading Cancel."""

    returned = Signal(object)
    errored = Signal(str, str)  # message, traceback
    progress = Signal(int, int)  # done, total (cancellable workers only)
    done = Signal()

    def __init__(self, function: Callable[..., Any], *, cancellable: bool = False) -> None:
        super().__init__()
        self._function = function
        self._cancellable = cancellable
        self.cancel_event = threading.Event()

    def cancel(self) -> None:
        """Thread-safe: the function sees it at its next check."""
        self.cancel_event.set()

    @Slot()
    def run(self) -> None:
        try:
            if self._cancellable:
                result = self._function(self.progress.emit, self.cancel_event.is_set)
            else:
                result = self._function()
        except Exception as exc:
            log.error("Background task %s failed", _name(self._function), exc_info=True)
            self.errored.emit(str(exc) or type(exc).__name__, error_details(exc))
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


class BackgroundTasks(QObject):
    """Owns the helper workers of one window: keeps each alive until its thread ends, and
    waits for all of them on shutdown so Qt never destroys a running QThread.

    Results must reach widgets through their own slots (bound methods), never lambdas: a
    lambda would run on the worker's thread.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: list[tuple[QThread, FunctionWorker]] = []

    def start(self, worker: FunctionWorker) -> FunctionWorker:
        thread = start_in_thread(worker, self, worker.run)
        self._running.append((thread, worker))
        thread.finished.connect(self._thread_finished)
        return worker

    @Slot()
    def _thread_finished(self) -> None:
        finished = [t for t, _w in self._running if t.isFinished()]
        self._running = [(t, w) for t, w in self._running if not t.isFinished()]
        for thread in finished:
            release_thread(thread)

    @property
    def busy(self) -> bool:
        return any(t.isRunning() for t, _w in self._running)

    def shutdown(self) -> None:
        """Ask every cancellable task to stop, then wait for all of them."""
        for _thread, worker in self._running:
            worker.cancel()
        for thread, _worker in list(self._running):
            thread.wait()

    def threads(self) -> list[QThread]:
        return [t for t, _w in self._running]
