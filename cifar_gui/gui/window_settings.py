"""What the window keeps between launches (QSettings): its geometry, the training settings and
the sweep's lists and ticks. Settings saved by another version that no longer parse are
dropped, and the window starts from the defaults.
"""

from __future__ import annotations

import contextlib
import json

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from cifar_gui.config import TrainConfig
from cifar_gui.gui.sweep_settings import SWEEP_KEY, SweepSettingsPanel

CONFIG_KEY = "training/config"
GEOMETRY_KEY = "window/geometry"


def restore_window_settings(window: QWidget, panel: SweepSettingsPanel) -> None:
    """Put back the geometry of ``window`` and what ``panel`` showed when it last closed."""
    settings = QSettings()
    geometry = settings.value(GEOMETRY_KEY)
    if geometry is not None:
        window.restoreGeometry(geometry)
    saved = settings.value(CONFIG_KEY)
    if saved:
        with contextlib.suppress(ValueError, TypeError):
            panel.set_config(TrainConfig.from_dict(json.loads(saved)))
    with contextlib.suppress(ValueError, TypeError):  # the sweep's lists and ticks
        panel.set_sweep_state(json.loads(settings.value(SWEEP_KEY) or "{}"))


def save_window_settings(window: QWidget, panel: SweepSettingsPanel) -> None:
    """Keep the geometry of ``window`` and what ``panel`` shows for the next launch."""
    settings = QSettings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(CONFIG_KEY, json.dumps(panel.config().to_dict()))
    settings.setValue(SWEEP_KEY, json.dumps(panel.sweep_state()))
    settings.sync()
