"""Why a run failed, in one line a user can act on (out of memory, a full or read-only disk)."""

from __future__ import annotations

import errno

import tensorflow as tf

from cifar_gui.i18n import _


def explain_failure(exc: Exception) -> str:
    """A one-line reason for ``exc``: advice for the failures a user can fix (device or host
    memory, a full disk or quota, a read-only disk, permissions), else the exception's type and
    the first line of its text (at most 300 characters; the full text goes to ``error.txt``)."""
    if isinstance(exc, tf.errors.ResourceExhaustedError):
        return _("out of memory on the device: try a smaller batch size")
    if isinstance(exc, MemoryError):
        return _("out of memory: try a smaller batch size or fewer training images")
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("the disk is full ({filename}): free space and resume").format(
            filename=exc.filename or _("runs folder")
        )
    if isinstance(exc, OSError) and exc.errno == errno.EROFS:
        return _("the runs folder is on a read-only disk ({filename})").format(
            filename=exc.filename or ""
        )
    if isinstance(exc, PermissionError):
        return _("cannot write the run folder ({error})").format(error=exc)
    first_line = (str(exc).strip().splitlines() or [""])[0]
    return f"{type(exc).__name__}: {first_line[:300]}"  # the full text is in error.txt
