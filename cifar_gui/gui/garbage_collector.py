"""Run Python's cyclic garbage collector on the GUI thread only.

Automatic collection runs on whichever thread happens to allocate. When that is a worker
(TensorFlow importing, a model training) and the garbage holds Qt objects made on the GUI
thread, Qt deletes widgets from the wrong thread and the process crashes. So automatic
collection is turned off and a timer on the GUI thread collects instead, with the thresholds
the interpreter would use (the PyQt "GarbageCollector" recipe).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 500


class MainThreadGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(CHECK_INTERVAL_MS)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return

    def stop(self) -> None:
        """Give collection back to the interpreter (after the event loop has ended)."""
        self.timer.stop()
        gc.enable()


_collector: MainThreadGarbageCollector | None = None


def install(app: QObject) -> MainThreadGarbageCollector:
    """Install once per application; call on the GUI thread."""
    global _collector
    if _collector is None:
        _collector = MainThreadGarbageCollector(app)
    return _collector
