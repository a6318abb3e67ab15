"""Atomic file writes: a reader (or a crash) never sees half a file.

Everything is written to a temporary file in the same folder, flushed to disk, then renamed over
the target, which POSIX and Windows both do atomically within one file system.

The temporary file is created private (``mkstemp`` makes it 0600); before it takes the target's
name it gets the mode the file would have had if written directly: the mode of the file it
replaces, else 0666 less the user's umask. So a teacher in the same group can open a student's
run or export wherever the student's umask allows it, as with any other program.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    target = Path(path)
    with atomic_path(target) as tmp, open(tmp, "wb") as handle:
        handle.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_copy(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    with atomic_path(target) as tmp:
        shutil.copyfile(source, tmp)


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``target`` (same suffix) and move it into place on success.

    The suffix is kept because some writers (``keras.Model.save``) insist on it. On any error
    the temporary file is removed and the old target is left untouched.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(
        prefix=f".{target.stem}.", suffix=f".partial{target.suffix}", dir=target.parent
    )
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with contextlib.suppress(OSError):  # a file system without modes (FAT) keeps its own
            os.chmod(tmp, _mode_for(target))
        _fsync_file(tmp)  # the data reaches the disk before the name points at it
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(target.parent)


def _mode_for(target: Path) -> int:
    """The permission bits of the file being replaced, else those a plain ``open`` would give."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~current_umask()


_umask_lock = threading.Lock()


def current_umask() -> int:
    """The process's umask, read without changing it where the OS allows (Linux's /proc)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _umask_lock:  # elsewhere: set and restore it at once (the only portable way)
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
