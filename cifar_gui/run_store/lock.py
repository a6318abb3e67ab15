"""The lock held by the process training a run (or working through a sweep).

A run whose summary says ``running`` but whose lock is free was interrupted (a crash, a power
cut, SIGKILL) and can be resumed; one whose lock is held is training now, possibly in another
window. Uses ``flock`` where the OS has it; elsewhere nothing is locked and a ``running`` run
is taken as interrupted.
"""

from __future__ import annotations

import os
from pathlib import Path

from cifar_gui.i18n import _
from cifar_gui.run_store.files import LOCK

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None


class RunInUseError(RuntimeError):
    """Another process is training this run."""


class RunLock:
    """``RUN_DIR/.lock``, held while a run trains; released by the OS when the process dies."""

    def __init__(self, run_dir: str | os.PathLike[str]) -> None:
        self.path = Path(run_dir) / LOCK
        self._handle = None

    def acquire(self) -> None:
        """Raises ``RunInUseError`` when another process (or window) holds it."""
        handle = open(self.path, "a+b")  # noqa: SIM115 - kept open while the lock is held
        if fcntl is not None:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.close()
                raise RunInUseError(
                    _("{parent}: this run is training elsewhere").format(parent=self.path.parent)
                ) from None
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing releases the flock
            self._handle = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *_exc) -> None:
        self.release()


def is_in_use(run_dir: str | os.PathLike[str]) -> bool:
    """True while some process holds the run's lock."""
    lock = RunLock(run_dir)
    if fcntl is None or not lock.path.exists():
        return False
    try:
        lock.acquire()
    except RunInUseError:
        return True
    except OSError:
        return False
    lock.release()
    return False
