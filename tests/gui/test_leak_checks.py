"""The GUI fixtures' leak checks catch what they are for, and pass what is cleaned up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QThread, QTimer

from .leak_checks import no_dangling_qthreads, no_dangling_qtimers


def test_a_timer_left_ticking_fails_with_where_it_was_started(qapp):
    timer = QTimer()
    try:
        with (
            pytest.raises(AssertionError, match="QTimers left active") as failure,
            no_dangling_qtimers(),
        ):
            timer.start(1000)
    finally:
        timer.stop()
    assert "test_a_timer_left_ticking_fails_with_where_it_was_started" in str(failure.value)


def test_a_stopped_timer_or_one_whose_owner_was_deleted_passes(qapp):
    owner = QObject()
    with no_dangling_qtimers():
        stopped = QTimer()
        stopped.start(1000)
        stopped.stop()
        QTimer(owner).start(1000)
        owner.deleteLater()


def test_a_thread_left_running_fails(qapp):
    thread = QThread()
    with pytest.raises(AssertionError, match="QThreads left running"), no_dangling_qthreads(50):
        thread.start()  # an event loop that nobody quits
    thread.quit()
    assert thread.wait(5_000)


def test_a_thread_that_ends_passes(qapp):
    thread = QThread()
    with no_dangling_qthreads():
        thread.start()
        thread.quit()
