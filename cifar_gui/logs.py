"""The application's log: a rotating file in the user's state folder, and the verbose switch.

``setup_logging()`` is called once by each entry point (the window, every CLI command). Records
of the ``cifar_gui`` loggers at INFO and above go to ``cifar-gui.log`` in ``log_dir()`` (1 MB a
file, the last three kept), so a teacher can read what happened in a lab after the fact;
``--verbose`` (or ``CIFAR_GUI_VERBOSE=1``) adds DEBUG records and a copy on stderr, and lets
TensorFlow's own start-up lines through (see ``cifar_gui.ml.tensorflow_noise``).
"""

from __future__ import annotations

import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import platformdirs

from cifar_gui import APP_NAME

VERBOSE_ENV = "CIFAR_GUI_VERBOSE"
LOG_FILE = "cifar-gui.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_file_handler: RotatingFileHandler | None = None


def verbose_requested() -> bool:
    """True when the user asked for everything (``--verbose`` sets the variable)."""
    return os.environ.get(VERBOSE_ENV, "").strip().lower() not in ("", "0", "false", "no")


def log_dir() -> Path:
    """The log folder: ``CIFAR_GUI_LOG_DIR`` if set, else platformdirs' user log folder
    (``~/.local/state/cifar-gui/log`` on Linux, ``%LOCALAPPDATA%\\cifar-gui\\Logs`` on Windows,
    ``~/Library/Logs/cifar-gui`` on macOS)."""
    if override := os.environ.get("CIFAR_GUI_LOG_DIR"):
        return Path(override)
    return platformdirs.user_log_path(APP_NAME, appauthor=False)


def install_excepthook() -> None:
    """Log an exception nobody caught (in a Qt slot, say) with its traceback, then hand it to
    the previous hook (which prints it)."""
    previous = sys.excepthook

    def hook(kind, value, tb) -> None:
        logging.getLogger("cifar_gui").critical("Uncaught exception", exc_info=(kind, value, tb))
        previous(kind, value, tb)

    sys.excepthook = hook


def setup_logging(verbose: bool | None = None) -> Path | None:
    """Send the package's records to the rotating log file; returns its path, or ``None`` when
    the folder cannot be written (the application then runs without a log file).

    Safe to call again: a second call only changes the level (a new log folder, as in tests,
    gets a new file handler).
    """
    global _file_handler
    verbose = verbose_requested() if verbose is None else verbose
    if verbose:
        os.environ[VERBOSE_ENV] = "1"  # TensorFlow's import and worker processes read it
    logger = logging.getLogger("cifar_gui")
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    path = log_dir() / LOG_FILE
    if _file_handler is not None and Path(_file_handler.baseFilename) != path.absolute():
        logger.removeHandler(_file_handler)
        _file_handler.close()
        _file_handler = None
    if _file_handler is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _file_handler = RotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
            )
        except OSError:
            path = None
        else:
            _file_handler.setFormatter(logging.Formatter(FORMAT))
            logger.addHandler(_file_handler)
    consoles = [h for h in logger.handlers if type(h) is logging.StreamHandler]
    if verbose and not consoles:
        console = logging.StreamHandler()
        console.setFormatter(logging.Formatter(FORMAT))
        logger.addHandler(console)
    elif not verbose:
        for console in consoles:
            logger.removeHandler(console)
    return path
