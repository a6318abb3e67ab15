"""The window's one background-work API (gui/workers.py): arguments passed in, errors logged
with their traceback, the newest request winning, a limit on threads, one priority."""

import logging
import os
import sys
import threading
import time

from PySide6.QtCore import QObject, QThread, Slot

from cifar_gui.gui.workers import MAX_THREADS, TASK_NICENESS, TASK_PRIORITY, BackgroundTasks


class Sink(QObject):
    """Slots on the GUI thread, recording what reached them and on which thread."""

    def __init__(self):
        super().__init__()
        self.results, self.errors, self.threads = [], [], []

    @Slot(object)
    def result(self, value):
        self.results.append(value)
        self.threads.append(QThread.currentThread())

    @Slot(str, str)
    def error(self, message, details):
        self.errors.append((message, details))


def test_arguments_are_passed_in_and_the_result_arrives_on_the_gui_thread(qtbot, tasks):
    sink, values = Sink(), [1, 2]
    tasks.run(sum, list(values), on_result=sink.result, on_error=sink.error)
    values.append(100)  # a change after the request does not reach the task
    qtbot.waitUntil(lambda: bool(sink.results), timeout=30_000)
    assert sink.results == [3]
    assert sink.threads == [QThread.currentThread()]


def test_an_error_is_logged_with_its_traceback_and_reaches_on_error(qtbot, tasks, caplog):
    def explode(divisor):
        return 1 / divisor

    sink = Sink()
    with caplog.at_level(logging.ERROR, logger="cifar_gui.gui.workers"):
        tasks.run(explode, 0, on_result=sink.result, on_error=sink.error)
        qtbot.waitUntil(lambda: bool(sink.errors), timeout=30_000)
    assert sink.errors[0][0] == "division by zero"
    assert "ZeroDivisionError" in sink.errors[0][1]
    record = next(r for r in caplog.records if "explode" in r.getMessage())
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError


def test_the_newest_request_wins(qtbot, tasks):
    """While the first runs, two more come: the middle one never runs, and only the newest
    result is shown (the first's result is dropped: the user has moved on)."""
    release, ran = threading.Event(), []

    def work(value):
        ran.append(value)
        if value == "first":
            release.wait(5)
        return value

    sink = Sink()
    for value in ("first", "middle", "newest"):
        tasks.run(work, value, on_result=sink.result, latest="analysis")
    assert tasks.busy
    release.set()
    qtbot.waitUntil(lambda: bool(sink.results), timeout=30_000)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=30_000)
    assert ran == ["first", "newest"]
    assert sink.results == ["newest"]


def test_a_superseded_cancellable_task_is_told_to_cancel(qtbot, tasks):
    started, seen = threading.Event(), []

    def work(label, report, cancelled):
        started.set()
        while label == "old" and not cancelled():
            time.sleep(0.01)
        seen.append((label, "cancelled" if cancelled() else "finished"))
        return label

    sink = Sink()
    tasks.run(work, "old", cancellable=True, on_result=sink.result, latest="folder")
    assert started.wait(5)
    tasks.run(work, "new", cancellable=True, on_result=sink.result, latest="folder")
    qtbot.waitUntil(lambda: bool(sink.results), timeout=30_000)
    assert seen == [("old", "cancelled"), ("new", "finished")]
    assert sink.results == ["new"]


def test_at_most_max_threads_run_at_once_and_at_low_priority(qtbot):
    tasks = BackgroundTasks(max_threads=2)
    release, lock = threading.Event(), threading.Lock()
    running = {"now": 0, "most": 0, "priorities": []}

    def work(_index):
        with lock:
            running["now"] += 1
            running["most"] = max(running["most"], running["now"])
            running["priorities"].append(QThread.currentThread().priority())
            if sys.platform.startswith("linux"):
                running.setdefault("nice", []).append(
                    os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
                )
        release.wait(5)
        with lock:
            running["now"] -= 1

    for index in range(5):
        tasks.run(work, index)
    qtbot.waitUntil(lambda: running["now"] == 2, timeout=30_000)
    assert len(tasks.threads()) == 2
    release.set()
    qtbot.waitUntil(lambda: not tasks.busy, timeout=10000)
    assert running["most"] == 2
    assert running["priorities"] == [TASK_PRIORITY] * 5
    if sys.platform.startswith("linux"):  # Qt ignores thread priorities there
        gui_nice = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        # Not lowered: another program would starve a task the user is waiting for.
        assert running["nice"] == [gui_nice] * 5 and TASK_NICENESS is None
    assert MAX_THREADS >= 2
    tasks.shutdown()


def test_nothing_starts_after_shutdown(qtbot):
    tasks, ran = BackgroundTasks(), []
    tasks.shutdown()
    tasks.run(ran.append, 1)
    qtbot.wait(100)
    assert ran == [] and not tasks.busy


def test_a_result_is_delivered_whenever_the_hand_over_runs(qtbot, tasks):
    """The hand-over may run (for another task's thread) before any queued signal of this
    task has been processed: the result must come from the worker itself, not be lost."""
    sink = Sink()
    worker = tasks.run(sum, [40, 2], on_result=sink.result)
    deadline = time.monotonic() + 30
    while not worker.completed and time.monotonic() < deadline:
        time.sleep(0.01)  # no Qt events processed meanwhile
    tasks._thread_finished()  # as if another task's thread had just ended
    assert sink.results == [42]
    assert not tasks.busy


def test_a_thread_that_ends_at_once_still_reports_its_end(qtbot):
    """``finished`` is connected before the thread starts: a function that returns at once
    may end its thread before the caller could have connected anything."""
    from cifar_gui.gui.workers import FunctionWorker, start_in_thread

    class Owner(QObject):
        def __init__(self):
            super().__init__()
            self.ended = 0

        @Slot()
        def thread_ended(self):
            self.ended += 1

    owner, worker = Owner(), FunctionWorker(int)
    thread = start_in_thread(worker, owner, worker.run, on_finished=owner.thread_ended)
    assert thread.wait(10_000)  # ended before any event was processed
    qtbot.waitUntil(lambda: owner.ended == 1, timeout=10_000)
    thread.setParent(None)
