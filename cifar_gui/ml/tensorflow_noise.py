"""TensorFlow's start-up lines go to the log file, not the terminal, unless the user asks.

On a machine without CUDA every launch printed lines such as ``failed call to cuInit: UNKNOWN
ERROR (303)``, ``Could not find cuda drivers`` and the oneDNN notice: written by TensorFlow's
C++ runtime straight to file descriptor 2, before ``TF_CPP_MIN_LOG_LEVEL`` applies, so neither
Python's ``sys.stderr`` nor ``logging`` can hold them back. ``import_tensorflow_quietly()``
points descriptor 2 at a temporary file while TensorFlow loads and lists its devices (where
CUDA is initialised), then logs what was caught at INFO level: it lands in the log file, where
a GPU problem can still be read. With ``--verbose`` / ``CIFAR_GUI_VERBOSE=1`` nothing is caught
and TensorFlow logs everything.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
from collections.abc import Iterator

from cifar_gui.logs import verbose_requested

log = logging.getLogger(__name__)


@contextlib.contextmanager
def native_stderr_to_log(what: str) -> Iterator[None]:
    """Catch everything written to file descriptor 2 inside the block and log it."""
    with tempfile.TemporaryFile(mode="w+b") as caught:
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(caught.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            caught.seek(0)
            for line in caught.read().decode("utf-8", "replace").splitlines():
                if line.strip():
                    log.info("%s: %s", what, line)


def import_tensorflow_quietly() -> None:
    """Import TensorFlow and list its devices once, with its start-up noise sent to the log."""
    if "tensorflow" in sys.modules:
        return
    if verbose_requested():
        os.environ["TF_CPP_MIN_LOG_LEVEL"] = "0"
        import tensorflow as tf

        tf.config.list_physical_devices()
        return
    with native_stderr_to_log("TensorFlow start-up"):
        import tensorflow as tf

        tf.config.list_physical_devices()
