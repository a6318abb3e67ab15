"""Issue 10, item 14: files the app writes get the mode the user's umask gives (a teacher in the
same group can open a student's run), not the 0600 of a private temporary file."""

from __future__ import annotations

import json
import os
import stat
import sys
import zipfile

import pytest

from cifar_gui.atomic import atomic_copy, atomic_path, atomic_write_text, current_umask
from cifar_gui.run_store.archive import export_run
from cifar_gui.run_store.record import RunRecord

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture(params=[0o022, 0o002, 0o077])
def umask(request):
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_umask_is_read_without_changing_it(umask):
    assert current_umask() == umask
    assert current_umask() == umask


def test_new_files_get_the_umask_mode(umask, tmp_path):
    expected = 0o666 & ~umask
    atomic_write_text(tmp_path / "settings.json", "{}")
    atomic_copy(tmp_path / "settings.json", tmp_path / "copy.json")
    with atomic_path(tmp_path / "model.keras") as tmp:
        tmp.write_bytes(b"model")
    for name in ("settings.json", "copy.json", "model.keras"):
        assert _mode(tmp_path / name) == expected, name


def test_a_replaced_file_keeps_its_own_mode(umask, tmp_path):
    path = tmp_path / "summary.json"
    path.write_text("{}")
    path.chmod(0o640)
    atomic_write_text(path, '{"status": "completed"}')
    assert _mode(path) == 0o640 and json.loads(path.read_text())["status"] == "completed"


def test_a_run_and_its_export_are_readable_as_the_umask_allows(umask, tmp_path):
    record = RunRecord(tmp_path / "run")
    record.path.mkdir()
    record.write_config({"settings": {}, "class_names": ["a", "b"]})
    record.write_summary({"status": "completed"})
    record.write_history([{"epoch": 1, "loss": 1.0}])
    with zipfile.ZipFile(record.model_path, "w") as archive:
        archive.writestr("config.json", "{}")
    export_run(record.path, tmp_path / "run.zip")
    expected = 0o666 & ~umask
    for path in (record.path / "config.json", record.path / "summary.json",
                 record.path / "history.csv", tmp_path / "run.zip"):  # fmt: skip
        assert _mode(path) == expected, path.name


def test_the_data_cache_is_as_shared_as_the_umask_allows(umask, tmp_path):
    from cifar_gui.data.cache import DatasetCache
    from cifar_gui.data.demo import make_demo_dataset

    cache = DatasetCache(tmp_path / "cache")
    assert cache.store("demo-key", make_demo_dataset(train_size=20, test_size=10))
    (entry,) = [p for p in cache.root.iterdir() if p.is_dir()]
    assert _mode(entry) == 0o777 & ~umask
    assert {_mode(f) for f in entry.iterdir()} == {0o666 & ~umask}
