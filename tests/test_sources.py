"""Finding CIFAR-10 offline, the demo fallback, and the decoded-data cache."""

from __future__ import annotations

import numpy as np
import pytest
from archive_factory import batch_files, write_archive, write_folder

from cifar_gui.data import DataSourceError, load_source, resolve_source
from cifar_gui.data.cache import DatasetCache
from cifar_gui.data.discovery import find_cifar10


def test_auto_falls_back_to_the_demo_when_no_cifar_is_found():
    assert find_cifar10() is None
    assert resolve_source("auto").kind == "demo"
    dataset = load_source("auto")
    assert dataset.name == "Demo shapes" and len(dataset.class_names) == 10


def test_cifar10_not_found_tells_where_to_put_it(isolated_user_folders):
    with pytest.raises(DataSourceError) as error:
        resolve_source("cifar10")
    message = str(error.value)
    assert "cifar-10-python.tar.gz" in message and "CIFAR10_DIR" in message
    assert str(isolated_user_folders / ".keras" / "datasets") in message


@pytest.mark.parametrize(
    "layout", ["cifar-10-batches-py", "cifar-10-batches-py-target/cifar-10-batches-py"]
)
def test_found_in_the_keras_cache_layouts(isolated_user_folders, layout):
    folder = write_folder(isolated_user_folders / ".keras/datasets" / layout, batch_files(2, 2))
    source = resolve_source("auto")
    assert source.kind == "cifar10" and source.path == folder
    assert len(load_source("cifar10").x_train) == 10


def test_found_through_cifar10_dir(tmp_path, monkeypatch):
    archive = write_archive(tmp_path / "my-copy.tgz", per_batch=2, test_count=2)
    monkeypatch.setenv("CIFAR10_DIR", str(archive))
    assert resolve_source("cifar10").path == archive
    monkeypatch.setenv("CIFAR10_DIR", str(tmp_path))
    write_archive(tmp_path / "cifar-10-python.tar.gz", per_batch=2, test_count=2)
    assert resolve_source("cifar10").path == tmp_path / "cifar-10-python.tar.gz"


def test_paths_are_recognised_by_kind(tmp_path):
    archive = write_archive(tmp_path / "cifar-10-python.tar.gz", per_batch=2, test_count=2)
    assert resolve_source(str(archive)).kind == "cifar10"
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(DataSourceError, match="neither a CIFAR-10 archive"):
        resolve_source(str(tmp_path / "notes.txt"))
    with pytest.raises(DataSourceError, match="no such file"):
        resolve_source(str(tmp_path / "missing"))


def test_second_load_comes_from_the_cache_and_is_identical(tmp_path):
    archive = write_archive(tmp_path / "cifar-10-python.tar.gz", per_batch=30, test_count=10)
    first = load_source(str(archive))
    second = load_source(str(archive))
    assert not first.report.from_cache and second.report.from_cache
    for part in ("x_train", "y_train", "x_test", "y_test"):
        assert np.array_equal(getattr(first, part), getattr(second, part))
    assert second.class_names == first.class_names


def test_a_changed_source_is_loaded_again(tmp_path):
    archive = write_archive(tmp_path / "cifar-10-python.tar.gz", per_batch=5, test_count=5)
    before = load_source(str(archive))
    write_archive(archive, per_batch=7, test_count=5, seed=3)
    after = load_source(str(archive))
    assert not after.report.from_cache
    assert len(after.x_train) == 35 != len(before.x_train)


def test_a_damaged_cache_entry_is_rebuilt(tmp_path):
    archive = write_archive(tmp_path / "cifar-10-python.tar.gz", per_batch=5, test_count=5)
    load_source(str(archive))
    cache = DatasetCache()
    for npy in cache.root.rglob("x_train.npy"):
        npy.write_bytes(b"garbage")
    again = load_source(str(archive))
    assert not again.report.from_cache and again.x_train.shape == (25, 32, 32, 3)
    assert load_source(str(archive)).report.from_cache


def test_an_unwritable_cache_only_costs_speed(tmp_path, monkeypatch):
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("CIFAR_GUI_CACHE_DIR", str(blocker))
    archive = write_archive(tmp_path / "cifar-10-python.tar.gz", per_batch=2, test_count=2)
    assert len(load_source(str(archive)).x_train) == 10
