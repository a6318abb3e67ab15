"""GUI fixtures: isolated QSettings, a main window that is always closed cleanly, and checks
(after napari's ``_dangling_qthreads`` / ``dangling_qtimers``) that no test leaves a thread
running or a timer ticking."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThread
from PySide6.QtWidgets import QMessageBox

from cifar_gui import APP_NAME

from . import leak_checks


@pytest.fixture(scope="package", autouse=True)
def collect_garbage_on_the_gui_thread(qapp):
    """As the application does: a worker thread must never free Qt objects (see the module)."""
    from cifar_gui.gui import garbage_collector

    collector = garbage_collector.install(qapp)
    yield
    collector.stop()
    garbage_collector._collector = None


@pytest.fixture(autouse=True)
def isolated_qsettings(qapp, tmp_path):
    """Every test reads and writes its own settings file, never the user's."""
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings")
    )
    yield tmp_path / "qsettings"


@pytest.fixture(autouse=True)
def no_leaked_threads():
    """Fail a test that leaves a Python thread running (Qt-started threads are checked below)."""

    def alive():
        return {
            t for t in threading.enumerate()
            if t.is_alive() and not isinstance(t, threading._DummyThread) and not t.daemon
        }  # fmt: skip

    before = alive()
    yield
    deadline = time.monotonic() + 5
    while alive() - before and time.monotonic() < deadline:
        time.sleep(0.05)
    leaked = alive() - before
    assert not leaked, f"threads left running: {leaked}"


@pytest.fixture(autouse=True)
def no_dangling_qthreads():
    """Fail a test that leaves a QThread running, with the stack that started it."""
    with leak_checks.no_dangling_qthreads():
        yield


@pytest.fixture(autouse=True)
def no_dangling_qtimers(qapp):
    """Fail a test that leaves a QTimer ticking once its widgets are closed and deleted."""
    with leak_checks.no_dangling_qtimers():
        yield


@pytest.fixture
def confirm_dialogs(monkeypatch):
    """Answer Yes to every confirmation (closing during training, download)."""
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2] if len(args) > 2 else "")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


@pytest.fixture
def make_window(qtbot, confirm_dialogs):
    """Create main windows; each is closed at the end and must leave no QThread running."""
    from cifar_gui.gui.main_window import MainWindow

    windows = []

    def factory(**kwargs):
        window = MainWindow(**kwargs)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        return window

    yield factory
    for window in windows:
        threads = window.findChildren(QThread)
        window.close()
        for thread in threads:
            thread.wait(10_000)
        assert not [t for t in threads if t.isRunning()], "a QThread outlived its window"


@pytest.fixture
def ready_window(make_window, qtbot):
    """A window whose TensorFlow has loaded, set up for short demo runs."""
    window = make_window()
    qtbot.waitUntil(lambda: window.tensorflow is not None, timeout=120_000)
    fields = window.settings_panel.fields
    fields["data"].write("demo")
    fields["limit_train"].editor.setText("300")
    fields["learning_rate"].editor.setText("0.001")
    fields["epochs"].editor.setText("2")
    return window


class FakeClock:
    """``time`` for the progress panel: ``monotonic()`` returns ``now``, set by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    """The progress panel's clock, under the test's hand."""
    from cifar_gui.gui import progress_panel

    fake = FakeClock()
    monkeypatch.setattr(progress_panel, "time", fake)
    return fake


@pytest.fixture
def panel(qtbot, clock):
    """A progress panel on the fake ``clock``."""
    from cifar_gui.gui.progress_panel import ProgressPanel

    widget = ProgressPanel()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def tasks(qapp):
    """A ``BackgroundTasks`` of its own, shut down (every thread waited for) after the test."""
    from cifar_gui.gui.workers import BackgroundTasks

    owner = BackgroundTasks()
    yield owner
    owner.shutdown()
