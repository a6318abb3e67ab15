"""The lock held by the process training a run (or working through a sweep).

A run whose summary says ``running`` but whose lock is free was interrupted (a crash, a power
cut, SIGKILL) and can be resumed; one whose lock is held is training now, possibly in another
window. The lock is the OS's own (``flock`` on Linux and macOS, ``LockFileEx`` on Windows)
through ``filelock``, so the OS releases it when the process dies, and a run training in another
window shows as training on every platform. On a file system without OS locks (some network
shares) nothing is locked: the run trains, a warning is logged, and a ``running`` run there is
taken as interrupted.
"""

from __future__ import annotations

import errno
import logging
import os
from pathlib import Path

from filelock import FileLock, Timeout

from cifar_gui.i18n import _
from cifar_gui.run_store.files import LOCK

log = logging.getLogger(__name__)


class RunInUseError(RuntimeError):
    """Another process (or another window of this one) is training this run."""


class RunLock:
    """``RUN_DIR/.lock``, held while a run trains; released by the OS when the process dies.

    Each ``RunLock`` is its own lock: a second one on the same folder cannot be taken while the
    first is held, in this process or another (``filelock`` with ``thread_local=False`` and no
    singleton), which is how a second window of the same application is kept off a run.
    """

    def __init__(self, run_dir: str | os.PathLike[str]) -> None:
        self.path = Path(run_dir) / LOCK
        self._lock = FileLock(
            self.path,
            timeout=0,  # never wait: a held lock means the run is training elsewhere
            thread_local=False,  # acquired on one thread, released on another (the GUI's)
            fallback_to_soft=False,  # a soft lock outlives a crash: "in use" for ever
            preserve_lock_file=True,  # released, not deleted: no race with the next holder
        )

    def acquire(self) -> None:
        """Take the lock without waiting.

        Raises ``RunInUseError`` when another process or window holds it, and ``OSError`` when
        the folder cannot be written. A file system without OS locks is logged, not raised.
        """
        try:
            self._lock.acquire()
        except Timeout:
            raise RunInUseError(
                _("{parent}: this run is training elsewhere").format(parent=self.path.parent)
            ) from None
        except (NotImplementedError, OSError) as exc:
            if not _locks_unsupported(exc):
                raise
            log.warning("No OS file locks in %s (%s); the run is not locked", self.path.parent, exc)

    def release(self) -> None:
        """Let the lock go (nothing happens when it is not held)."""
        if self._lock.is_locked:
            self._lock.release(force=True)

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *_exc) -> None:
        self.release()


def _locks_unsupported(exc: BaseException) -> bool:
    """Whether ``exc`` says the file system has no OS locks (``ENOSYS``, ``ENOTSUP``)."""
    return isinstance(exc, NotImplementedError) or getattr(exc, "errno", None) in (
        errno.ENOSYS,
        errno.ENOTSUP,
        errno.EOPNOTSUPP,
    )


def is_in_use(run_dir: str | os.PathLike[str]) -> bool:
    """True while some process (or another window of this one) holds the run's lock.

    Never raises: an unreadable folder or a file system without OS locks reads as not in use.
    """
    lock = RunLock(run_dir)
    if not lock.path.exists():
        return False
    try:
        lock.acquire()
    except RunInUseError:
        return True
    except OSError:
        return False
    lock.release()
    return False
