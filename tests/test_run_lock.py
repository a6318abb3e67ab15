"""The run lock (``run_store/lock.py``, on ``filelock``): held by the process that trains, seen by
every other process and window, released by the OS when the holder dies."""

from __future__ import annotations

import errno
import logging
import signal
import subprocess
import sys

import pytest
from filelock import FileLock

from cifar_gui.run_store.lock import RunInUseError, RunLock, is_in_use

HOLDER = """
import sys, time
from cifar_gui.run_store.lock import RunLock
lock = RunLock(sys.argv[1])
lock.acquire()
print("held", flush=True)
time.sleep(60)
"""


def test_a_lock_held_by_another_process_is_seen_and_freed_when_it_dies(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert is_in_use(tmp_path)
        with pytest.raises(RunInUseError, match="training elsewhere"):
            RunLock(tmp_path).acquire()
    finally:
        holder.send_signal(signal.SIGKILL)  # no clean-up: only the OS can let the lock go
        holder.wait(10)
    assert not is_in_use(tmp_path)
    with RunLock(tmp_path):
        assert is_in_use(tmp_path)
    assert not is_in_use(tmp_path)


def test_a_second_window_of_the_same_process_is_kept_off(tmp_path):
    first = RunLock(tmp_path)
    first.acquire()
    with pytest.raises(RunInUseError):
        RunLock(tmp_path).acquire()
    first.release()
    first.release()  # twice is harmless
    RunLock(tmp_path).acquire()


def test_a_folder_never_locked_is_not_in_use(tmp_path):
    assert not is_in_use(tmp_path)
    assert not (tmp_path / ".lock").exists()  # asking creates nothing in the run folder


def test_a_file_system_without_os_locks_trains_unlocked_with_a_warning(
    tmp_path, monkeypatch, caplog
):
    def no_locks(self, *args, **kwargs):
        raise OSError(errno.ENOSYS, "Function not implemented")

    monkeypatch.setattr(FileLock, "acquire", no_locks)
    caplog.set_level(logging.WARNING, logger="cifar_gui.run_store.lock")
    (tmp_path / ".lock").touch()
    RunLock(tmp_path).acquire()  # no error: the run trains
    assert "not locked" in caplog.text
    assert not is_in_use(tmp_path)


def test_a_folder_that_cannot_be_written_is_an_error_not_in_use(tmp_path, monkeypatch):
    def denied(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(FileLock, "acquire", denied)
    with pytest.raises(PermissionError):
        RunLock(tmp_path).acquire()
