"""Where the application keeps its files, following the XDG conventions on Linux.

Environment variables let tests and power users redirect everything:
``CIFAR_GUI_DATA_DIR`` (runs) and ``CIFAR_GUI_CACHE_DIR`` (decoded data sets).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cifar_gui import APP_NAME


def _xdg(var: str, fallback: str) -> Path:
    value = os.environ.get(var)
    return Path(value) if value else Path.home() / fallback


def user_data_dir() -> Path:
    """Folder for things the user made (runs); survives cache clean-ups."""
    if override := os.environ.get("CIFAR_GUI_DATA_DIR"):
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    return _xdg("XDG_DATA_HOME", ".local/share") / APP_NAME


def user_cache_dir() -> Path:
    """Folder for data that can be rebuilt at any time (decoded data set caches)."""
    if override := os.environ.get("CIFAR_GUI_CACHE_DIR"):
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home())) / APP_NAME / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / APP_NAME
    return _xdg("XDG_CACHE_HOME", ".cache") / APP_NAME


def default_runs_dir() -> Path:
    return user_data_dir() / "runs"


def keras_home() -> Path:
    """Keras's own cache root, as ``keras.utils.get_file`` computes it."""
    if value := os.environ.get("KERAS_HOME"):
        return Path(value)
    return Path.home() / ".keras"


def resources_dir() -> Path:
    """The icons, desktop file and translations: ``cifar_gui/resources`` in an installed wheel
    (pyproject maps the top-level folder there), ``resources/`` in a source checkout."""
    package = Path(__file__).resolve().parent
    packaged = package / "resources"
    if (packaged / "cifar-gui.svg").is_file():
        return packaged
    return package.parent / "resources"
