"""Receiving a worker's signals on the GUI thread, as the window does.

A plain function or ``list.append`` connected to a worker's signal runs on the worker's
thread, which PySide6 does not support well (PYSIDE-3124). A QObject with ``@Slot`` methods
living on the GUI thread gets queued deliveries, like the real receivers.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot


class SignalRecorder(QObject):
    def __init__(self, on_value: Callable[[object], None] | None = None) -> None:
        super().__init__()
        self.values: list = []
        self.on_value = on_value

    @Slot(object)
    def record(self, value: object) -> None:
        self.values.append(value)
        if self.on_value is not None:
            self.on_value(value)

    def __bool__(self) -> bool:
        return bool(self.values)

    def __len__(self) -> int:
        return len(self.values)
