"""Guards against a broken Qt binding: PySide6 6.12.0 released a reference to ``True`` on every
signal emission, and the application crashed after a few thousand batch updates."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal, Slot


class _Emitter(QObject):
    value = Signal(object)


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    @Slot(object)
    def receive(self, _value: object) -> None:
        self.count += 1


def test_signal_emission_keeps_reference_counts_intact(qapp):
    emitter, receiver = _Emitter(), _Receiver()
    emitter.value.connect(receiver.receive)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(500):
        emitter.value.emit(1)
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert receiver.count == 500
    assert after == before, "this PySide6 version corrupts reference counts; pin another one"
