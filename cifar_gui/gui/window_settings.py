"""What the window keeps between launches (QSettings): its geometry and the training settings.

A sweep (a list typed in a field, several choices ticked, random search) is not kept: the
window always opens on one run, each swept field at its first value, so that Start never
starts several runs the user did not set up in this session. The sweep an earlier version
saved is removed. Settings saved by another version that no longer parse are dropped, and the
window starts from the defaults.
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


def save_window_settings(window: QWidget, panel: SweepSettingsPanel) -> None:
    """Keep the geometry of ``window`` and the one run ``panel`` shows (a sweep's fields at
    their first value) for the next launch."""
    settings = QSettings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(CONFIG_KEY, json.dumps(panel.config().to_dict()))
    settings.remove(SWEEP_KEY)  # an earlier version's sweep: never restored
    settings.sync()
