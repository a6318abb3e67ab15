"""The official CIFAR-10 archive: layout, safety against hostile files, and clear errors."""

from __future__ import annotations

import gzip
import io
import os
import pickle
import tarfile

import numpy as np
import pytest
from archive_factory import CLASS_NAMES, batch_bytes, batch_files, write_folder, write_tar

from cifar_gui.data import DataSourceError
from cifar_gui.data.cifar_archive import load_cifar10


def test_archive_loads_with_channel_planes_in_the_right_place(tmp_path):
    files = batch_files(per_batch=4, test_count=3)
    image = np.zeros((1, 32, 32, 3), np.uint8)
    image[0, :, :, 0] = 200  # pure red
    image[0, 0, 0, 2] = 7  # one blue pixel in the top-left corner
    files["data_batch_1"] = batch_bytes(np.repeat(image, 4, axis=0), np.array([3, 1, 2, 9]))
    dataset = load_cifar10(write_tar(tmp_path / "cifar-10-python.tar.gz", files))
    assert dataset.x_train.shape == (20, 32, 32, 3)
    assert dataset.x_test.shape == (3, 32, 32, 3)
    assert dataset.x_train.dtype == np.uint8 and dataset.x_train.flags.c_contiguous
    assert dataset.class_names == tuple(CLASS_NAMES)
    assert dataset.y_train[:4].tolist() == [3, 1, 2, 9]
    assert (dataset.x_train[0, :, :, 0] == 200).all()
    assert dataset.x_train[0, 0, 0].tolist() == [200, 0, 7]


@pytest.mark.parametrize("flavour", ["python2", "python3"])
def test_extracted_folder_and_its_parent_both_load(tmp_path, flavour):
    """Python 2's cPickle wrote the official files; the shared mini archive uses Python 3's."""
    files = batch_files(per_batch=3, test_count=2, flavour=flavour)
    folder = write_folder(tmp_path / "cifar-10-batches-py", files)
    from_folder = load_cifar10(folder)
    from_parent = load_cifar10(tmp_path)
    from_tar = load_cifar10(write_tar(tmp_path / "c.tar.gz", files))
    assert np.array_equal(from_folder.x_train, from_tar.x_train)
    assert np.array_equal(from_parent.y_test, from_tar.y_test)


class _Exploit:
    """A pickle payload that would create a marker file if it were ever called."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_hostile_pickle_is_refused_and_its_payload_never_runs(tmp_path):
    marker = tmp_path / "pwned"
    files = batch_files(per_batch=2, test_count=2)
    files["data_batch_3"] = pickle.dumps({b"data": _Exploit(marker), b"labels": [0]}, protocol=2)
    archive = write_tar(tmp_path / "evil.tar.gz", files)
    with pytest.raises(DataSourceError) as error:
        load_cifar10(archive)
    assert "data_batch_3" in str(error.value) and str(archive) in str(error.value)
    assert "refused" in str(error.value)
    assert not marker.exists()


@pytest.mark.parametrize(
    "payload",
    [
        pickle.dumps(eval, protocol=2),  # a builtin by reference
        b"cposix\nsystem\n(S'true'\ntR.",  # protocol 0 GLOBAL + REDUCE
        pickle.dumps({b"data": np.array([object()], dtype=object)}, protocol=2),
    ],
)
def test_other_code_carrying_pickles_are_refused(tmp_path, payload):
    files = batch_files(per_batch=2, test_count=2)
    files["test_batch"] = payload
    with pytest.raises(DataSourceError, match="test_batch"):
        load_cifar10(write_tar(tmp_path / "c.tar.gz", files))


@pytest.mark.parametrize("bad_name", ["../escape/data_batch_1", "/etc/data_batch_1"])
def test_members_with_unsafe_paths_are_refused(tmp_path, bad_name):
    archive = tmp_path / "c.tar.gz"
    files = batch_files(per_batch=2, test_count=2)
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo(bad_name)
        info.size = 3
        tar.addfile(info, io.BytesIO(b"abc"))
        for name, data in files.items():
            info = tarfile.TarInfo("cifar-10-batches-py/" + name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with pytest.raises(DataSourceError, match="unsafe member path"):
        load_cifar10(archive)
    assert not (tmp_path.parent / "escape").exists()


def test_link_members_are_refused(tmp_path):
    archive = tmp_path / "c.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        link = tarfile.TarInfo("cifar-10-batches-py/data_batch_1")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        tar.addfile(link)
    with pytest.raises(DataSourceError, match="link member"):
        load_cifar10(archive)


def test_truncated_gzip_names_the_file(tmp_path):
    archive = write_tar(tmp_path / "c.tar.gz", batch_files(per_batch=50, test_count=50))
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) // 2])
    with pytest.raises(DataSourceError, match="not a readable CIFAR-10 archive") as error:
        load_cifar10(archive)
    assert str(archive) in str(error.value)


def test_a_file_that_is_not_an_archive(tmp_path):
    bogus = tmp_path / "cifar-10-python.tar.gz"
    bogus.write_bytes(gzip.compress(b"hello, not a tar file"))
    with pytest.raises(DataSourceError, match=str(bogus)):
        load_cifar10(bogus)


def test_wrong_shapes_are_refused(tmp_path):
    files = batch_files(per_batch=2, test_count=2)
    files["data_batch_2"] = pickle.dumps(
        {b"data": np.zeros((2, 100), np.uint8), b"labels": [0, 1]}, protocol=2
    )
    with pytest.raises(DataSourceError, match=r"data_batch_2.*3072"):
        load_cifar10(write_tar(tmp_path / "c.tar.gz", files))


def test_labels_out_of_range_are_refused(tmp_path):
    files = batch_files(per_batch=2, test_count=2)
    files["data_batch_4"] = batch_bytes(np.zeros((2, 32, 32, 3), np.uint8), np.array([0, 10]))
    with pytest.raises(DataSourceError, match=r"data_batch_4: label 10 is outside 0\.\.9"):
        load_cifar10(write_tar(tmp_path / "c.tar.gz", files))


def test_label_count_must_match_images(tmp_path):
    files = batch_files(per_batch=2, test_count=2)
    files["test_batch"] = pickle.dumps(
        {b"data": np.zeros((2, 3072), np.uint8), b"labels": [1]}, protocol=2
    )
    with pytest.raises(DataSourceError, match="test_batch: 2 images but labels"):
        load_cifar10(write_tar(tmp_path / "c.tar.gz", files))


def test_empty_batch_file_is_refused(tmp_path):
    files = batch_files(per_batch=2, test_count=2)
    files["data_batch_5"] = b""
    folder = write_folder(tmp_path / "cifar-10-batches-py", files)
    with pytest.raises(DataSourceError, match=r"data_batch_5: empty file"):
        load_cifar10(folder)


def test_folder_without_the_batches_says_what_is_missing(tmp_path):
    files = batch_files(per_batch=2, test_count=2)
    del files["data_batch_2"], files["test_batch"]
    folder = write_folder(tmp_path / "cifar-10-batches-py", files)
    with pytest.raises(DataSourceError, match="missing data_batch_2, test_batch"):
        load_cifar10(folder)
    with pytest.raises(DataSourceError, match="missing data_batch_2, test_batch"):
        load_cifar10(write_tar(tmp_path / "c.tar.gz", files))


def test_real_mini_archive(mini_archive):
    dataset = load_cifar10(mini_archive)
    assert dataset.x_train.shape == (10000, 32, 32, 3)
    assert dataset.x_test.shape == (2000, 32, 32, 3)
    assert dataset.class_names[0] == "airplane" and dataset.class_names[-1] == "truck"
    assert min(dataset.class_counts("train")) > 900  # near-uniform, as its README says
