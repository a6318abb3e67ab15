"""A line edit for a number that steps like a spin box: Up and Down add or take a step.

The settings panel keeps numbers in line edits, not spin boxes: a spin box would clamp a typed
1.5 to its maximum where the user must read why 1.5 is refused, and it cannot hold a sweep's
list ("1e-3, 3e-4"). What a spin box does well, stepping with the arrow keys within the
allowed range, is here: a text that is not one number is left as it is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from cifar_gui.setting_spec import SettingSpec


def stepped(value: float, spec: SettingSpec, direction: int) -> float:
    """``value`` one key step (``spec.key_step()``) up (``direction`` 1) or down (-1), kept in
    the setting's range: a closed bound is the last value reached, an open one (val_split's
    1) is never reached, the value stays. Rounded to 10 decimals (0.1 + 0.2 shows as 0.3)."""
    result = round(value + direction * (spec.key_step() or 0), 10)
    if spec.high is not None and (result >= spec.high if spec.high_open else result > spec.high):
        result = value if spec.high_open else spec.high
    if spec.low is not None and (result <= spec.low if spec.low_open else result < spec.low):
        result = value if spec.low_open else spec.low
    return result


class NumberEdit(QLineEdit):
    """A ``QLineEdit`` whose Up/Down keys step the setting ``spec`` describes within its range;
    ``text_of`` writes a value as the field shows it (whole numbers stay whole)."""

    def __init__(self, spec: SettingSpec, text_of, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec, self.text_of = spec, text_of

    def keyPressEvent(self, event: QKeyEvent) -> None:
        direction = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        if direction is None or not self.spec.key_step():
            super().keyPressEvent(event)
            return
        try:
            value = float(self.text())
        except ValueError:  # empty, a typo or a sweep's list: nothing to step
            super().keyPressEvent(event)
            return
        self.setText(self.text_of(stepped(value, self.spec, direction)))
