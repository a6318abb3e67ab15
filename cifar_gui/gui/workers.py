"""Background work for the window: one small API, after superqt's ``_qthreading`` and Orange3's
``ConcurrentMixin``.

``BackgroundTasks.run(function, *args, on_result=..., on_error=...)`` runs ``function(*args)``
on a worker thread and hands its result, or its error, to slots on the GUI thread:

- arguments are passed in, not captured by a closure, so the task sees the values of the moment
  it was asked for;
- every error is logged with its traceback (Help > Open log folder) before ``on_error`` gets a
  one-line message and the details;
- ``latest="key"``: the newest request with the same key wins. While one runs, newer requests
  wait in a single slot (each replaces the one before, which never runs); the result of a
  superseded task is dropped, and a cancellable one is told to cancel;
- at most ``MAX_THREADS`` tasks run at once, the rest wait in order.

Every worker thread of the window, the training thread included, starts in ``start_in_thread``;
the priorities are set here and nowhere else: ``TASK_PRIORITY`` and ``TASK_NICENESS`` for these
tasks, ``TRAINING_PRIORITY`` and ``TRAINING_NICENESS`` for the training thread. On Linux, where
Qt's priorities do nothing for ordinary threads, only the training thread lowers its nice
value: it runs for minutes and must leave the GUI a core. The tasks are short and the user is
waiting for them; lowered, any other program on the machine starves them (in a test under
load, TensorFlow's import on a nice-10 task took over two minutes instead of six seconds).
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from cifar_gui.thread_priority import WORKER_NICENESS, lower_current_thread_priority

log = logging.getLogger(__name__)

MAX_THREADS = 4  # tasks load files, models and data: more threads than this only contend
TASK_PRIORITY = QThread.Priority.LowPriority  # below the GUI and the training thread
# Training: Qt's normal priority, ahead of the tasks (Windows and macOS go by this). On Linux
# Qt's priorities do nothing for ordinary threads; there the training thread lowers its own
# nice value instead, which TensorFlow's thread pools started from it inherit, so that the GUI
# thread gets a core when it needs one (see cifar_gui.thread_priority).
TRAINING_PRIORITY = QThread.Priority.NormalPriority
TRAINING_NICENESS = WORKER_NICENESS
TASK_NICENESS: int | None = None  # the GUI's own: short tasks the user waits for (see above)


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
    """Runs ``function(*args)``; a ``cancellable`` one is called as
    ``function(*args, report, cancelled)`` with ``report(done, total)`` emitting ``progress``
    and ``cancelled()`` reading Cancel. Its ``outcome`` (the result, or the error's message and
    details: the traceback for unexpected errors) is set on its thread before ``done``."""

    progress = Signal(int, int)  # done, total (cancellable workers only)
    done = Signal()

    def __init__(self, function: Callable[..., Any], *args: Any, cancellable: bool = False) -> None:
        super().__init__()
        self._function = function
        self._args = args
        self._cancellable = cancellable
        self.cancel_event = threading.Event()
        # Set on the worker's thread before ``done``: what ``BackgroundTasks`` hands over.
        self.outcome: tuple = ()  # ("result", value) or ("error", message, details)
        self.completed = False

    @property
    def name(self) -> str:
        return _name(self._function)

    def cancel(self) -> None:
        """Thread-safe: the function sees it at its next check."""
        self.cancel_event.set()

    @Slot()
    def run(self) -> None:
        try:
            if self._cancellable:
                result = self._function(*self._args, self.progress.emit, self.cancel_event.is_set)
            else:
                result = self._function(*self._args)
        except Exception as exc:
            log.error("Background task %s failed", self.name, exc_info=True)
            self.outcome = ("error", str(exc) or type(exc).__name__, error_details(exc))
        else:
            self.outcome = ("result", result)
        finally:
            self.completed = True
            self.done.emit()


def start_in_thread(
    worker: QObject,
    parent: QObject,
    run_slot: Callable[[], None],
    priority: QThread.Priority = QThread.Priority.InheritPriority,
    niceness: int | None = None,
    on_finished: Callable[[], None] | None = None,
) -> QThread:
    """Move ``worker`` to a new thread (a child of ``parent``) that quits when the worker says
    ``done``, and start it at ``priority``; with ``niceness`` the thread first lowers its own
    OS priority to that nice value (Linux; see ``cifar_gui.thread_priority``). ``on_finished``
    (a slot of a QObject on the GUI thread) is connected to the thread's ``finished`` before it
    starts: connected after, a quick function could end first and the signal would be lost.

    No ``deleteLater``: the caller keeps Python references to both until the thread has
    finished, then hands the thread to ``release_thread``. Mixing Qt's deferred deletion with
    Python's ownership of the worker is how double frees happen.
    """
    thread = QThread(parent)
    worker.moveToThread(thread)
    if niceness is not None:  # Direct: runs on the new thread itself, before run_slot
        thread.started.connect(
            lambda: lower_current_thread_priority(niceness), Qt.ConnectionType.DirectConnection
        )
    thread.started.connect(run_slot)
    # Direct: quit() is thread-safe, and a queued call would wait for the GUI event loop,
    # which is blocked while closeEvent waits for this very thread.
    worker.done.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    if on_finished is not None:
        thread.finished.connect(on_finished)
    thread.start(priority)
    return thread


def release_thread(thread: QThread) -> None:
    """Detach a finished thread from its parent so that dropping the last reference frees it."""
    thread.wait()
    thread.setParent(None)


@dataclass(eq=False)
class _Task:
    """One request: the worker, where its outcome goes, and the key that makes it "latest"."""

    worker: FunctionWorker
    on_result: Callable[[Any], None] | None
    on_error: Callable[[str, str], None] | None
    latest: str | None
    thread: QThread | None = None
    superseded: bool = False


class BackgroundTasks(QObject):
    """Owns the background tasks of one window: starts them (at most ``MAX_THREADS`` at once),
    routes their outcomes to the GUI thread, keeps each alive until its thread ends, and waits
    for all of them on shutdown so Qt never destroys a running QThread."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int = MAX_THREADS) -> None:
        super().__init__(parent)
        self._max_threads = max_threads
        self._running: list[_Task] = []
        self._queued: deque[_Task] = deque()
        self._waiting: dict[str, _Task] = {}  # key -> the newest request behind a running one
        self._closed = False

    def run(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[str, str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        cancellable: bool = False,
        latest: str | None = None,
    ) -> FunctionWorker:
        """Run ``function(*args)`` in the background; see the module's docstring.

        ``on_result(value)``, ``on_error(message, details)`` and ``on_progress(done, total)``
        are called on the GUI thread (``on_progress`` must be a slot of a QObject living
        there, since it is connected to the worker's signal). Returns the worker
        (``cancel()`` stops a cancellable one). After ``shutdown`` nothing new starts.
        """
        worker = FunctionWorker(function, *args, cancellable=cancellable)
        task = _Task(worker, on_result, on_error, latest)
        if on_progress is not None:
            worker.progress.connect(on_progress)
        if self._closed:
            log.info("Not started after shutdown: %s", worker.name)
            return worker
        if latest is not None and self._supersede(latest, task):
            return worker
        self._enqueue(task)
        return worker

    def _supersede(self, key: str, task: _Task) -> bool:
        """Mark older requests with ``key`` as superseded; True if ``task`` must wait."""
        waiting = self._waiting.pop(key, None)
        if waiting is not None:
            waiting.superseded = True  # never started: the newer request takes its place
        active = [t for t in (*self._running, *self._queued) if t.latest == key]
        for older in active:
            older.superseded = True
            older.worker.cancel()
        if any(t in self._running for t in active):
            self._waiting[key] = task
            return True
        return False

    def _enqueue(self, task: _Task) -> None:
        self._queued.append(task)
        self._start_queued()

    def _start_queued(self) -> None:
        while self._queued and len(self._running) < self._max_threads:
            task = self._queued.popleft()
            if task.superseded:
                continue
            worker = task.worker
            task.thread = start_in_thread(
                worker, self, worker.run, TASK_PRIORITY, TASK_NICENESS, self._thread_finished
            )
            self._running.append(task)

    @Slot()
    def _thread_finished(self) -> None:
        # By the worker's own flag, not QThread.isFinished(): this queued slot can run before
        # the thread has quite finished, and a task skipped here would never be delivered.
        for task in [t for t in self._running if t.worker.completed]:
            release_thread(task.thread)  # waits the moment left until the thread has ended
            try:
                self._deliver(task)  # still counted as running: ``busy`` until it is handed over
            finally:
                self._running.remove(task)
                if task.latest is not None and task.latest in self._waiting:
                    self._enqueue(self._waiting.pop(task.latest))
        self._start_queued()

    def _deliver(self, task: _Task) -> None:
        """Hand a finished task's outcome to its slots, unless a newer request replaced it."""
        if task.superseded or self._closed or not task.worker.outcome:
            return
        kind, *values = task.worker.outcome
        callback = task.on_result if kind == "result" else task.on_error
        if callback is not None:
            callback(*values)

    @property
    def busy(self) -> bool:
        """True until every task asked for has run and its outcome has been handed over (a
        finished thread stays counted until ``_thread_finished`` has delivered its result)."""
        return bool(self._queued or self._waiting or self._running)

    def shutdown(self) -> None:
        """Start nothing more, ask every cancellable task to stop, then wait for all of them."""
        self._closed = True
        self._queued.clear()
        self._waiting.clear()
        for task in self._running:
            task.worker.cancel()
        for task in self._running:
            release_thread(task.thread)  # waits; no outcome is handed over after shutdown
        self._running.clear()

    def threads(self) -> list[QThread]:
        return [t.thread for t in self._running]
