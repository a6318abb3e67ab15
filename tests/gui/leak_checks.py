"""Checks that a test leaves no QThread running and no QTimer ticking, after napari's
``_dangling_qthreads`` and ``dangling_qtimers`` fixtures: ``start`` is wrapped for the duration
of the block to remember every thread and timer started and where; on leaving, a thread still
running after 5 s, or an active timer whose owner Qt has not deleted, fails with that stack."""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QThread, QTimer


def _started_where() -> str:
    return "".join(traceback.format_stack(limit=12)[:-2])  # less this function and the wrapper


def _alive(qobject) -> bool:
    """False once Qt has deleted the C++ object (accessing it raises RuntimeError)."""
    try:
        qobject.objectName()
    except RuntimeError:
        return False
    return True


@contextlib.contextmanager
def _tracking_starts(kind) -> Iterator[list]:
    started: list = []
    start = kind.start

    def tracked_start(obj, *args, **kwargs):
        started.append((obj, _started_where()))
        return start(obj, *args, **kwargs)

    kind.start = tracked_start
    try:
        yield started
    finally:
        kind.start = start


@contextlib.contextmanager
def no_dangling_qthreads(wait_ms: int = 5_000) -> Iterator[None]:
    """Fail (AssertionError) when a QThread started in the block is still running after it."""
    with _tracking_starts(QThread) as started:
        yield
    dangling = [
        where
        for thread, where in started
        if _alive(thread) and thread.isRunning() and not thread.wait(wait_ms)
    ]
    assert not dangling, "QThreads left running, started at:\n" + "\n".join(dangling)


@contextlib.contextmanager
def no_dangling_qtimers() -> Iterator[None]:
    """Fail (AssertionError) when a QTimer started in the block is still active after it and
    its owner was not deleted (qtbot closes its widgets with ``deleteLater``: those deletions
    are carried out first)."""
    with _tracking_starts(QTimer) as started:
        yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    dangling = [where for timer, where in started if _alive(timer) and timer.isActive()]
    assert not dangling, "QTimers left active, started at:\n" + "\n".join(dangling)
