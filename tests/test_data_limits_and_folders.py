"""Issue 10 items 2, 10, 11 and issue 13 item 7 at the data layer (no TensorFlow): a limit takes
a seeded class-balanced sample, empty and system folders never become classes, every path that
CIFAR10_DIR accepts is a data source, and data paths from untrusted runs are bounded."""

from __future__ import annotations

import numpy as np
import pytest
from archive_factory import batch_files, write_archive, write_folder
from PIL import Image

from cifar_gui.data import Dataset, DataSourceError, folder_scan, load_source, resolve_source
from cifar_gui.data.fingerprint import stored_data_source
from cifar_gui.data.preprocessing import split_indices
from cifar_gui.data.sampling import balanced_quotas
from cifar_gui.data.training_split import one_class_problem, split_for_training


def _ordered_dataset(per_class=(400, 400, 400)) -> Dataset:
    """Images ordered by class, as an image folder loads them; pixel value = image number."""
    labels = np.concatenate([np.full(n, c, np.int32) for c, n in enumerate(per_class)])
    x = np.zeros((len(labels), 32, 32, 3), np.uint8)
    x[:, 0, 0, 0] = np.arange(len(labels)) % 256
    empty = np.empty((0, 32, 32, 3), np.uint8)
    names = tuple(f"c{i}" for i in range(len(per_class)))
    return Dataset("ordered", "/data/ordered", names, x, labels, empty, np.empty(0, np.int32))


def _image_folder(root, classes: dict[str, int]):
    for name, count in classes.items():
        (root / name).mkdir(parents=True, exist_ok=True)
        for i in range(count):
            Image.new("RGB", (8, 8), (i * 20 % 256, len(name) * 30 % 256, 0)).save(
                root / name / f"{i}.png"
            )
    return root


# ---- item 2: a limit is a seeded, class-balanced sample -----------------------------------------
def test_a_limit_on_class_ordered_images_takes_every_class_equally():
    data = _ordered_dataset()
    limited = data.limited(300, seed=777)
    assert limited.class_counts("train") == [100, 100, 100]  # the first 300 were all class 0
    assert np.array_equal(limited.x_train, data.limited(300, seed=777).x_train)
    assert not np.array_equal(limited.x_train, data.limited(300, seed=1).x_train)


def test_small_classes_give_all_they_have_and_the_rest_is_shared():
    assert balanced_quotas(np.array([5, 100, 100]), 105).tolist() == [5, 50, 50]
    assert balanced_quotas(np.array([5, 100, 100]), 100).tolist() == [5, 48, 47]
    assert balanced_quotas(np.array([3, 0, 4]), 1000).tolist() == [3, 0, 4]
    assert balanced_quotas(np.array([10, 10, 10]), 7).tolist() == [3, 2, 2]


def test_a_limit_on_a_cifar_archive_is_balanced_too(tmp_path):
    dataset = load_source(str(write_archive(tmp_path / "c.tar.gz", per_batch=40)))
    counts = dataset.limited(50, seed=3).class_counts("train")
    assert sum(counts) == 50 and counts == [5] * 10


def test_without_a_limit_the_split_is_the_reference_split():
    from sklearn.model_selection import train_test_split

    data = _ordered_dataset((70, 50, 80))
    split = split_for_training(data, limit_train=None, val_split=0.3, seed=777, stratify=False)
    reference_train, reference_val = train_test_split(
        np.arange(200), test_size=0.3, random_state=777
    )
    assert split.dataset is data
    assert split.train_idx.tolist() == list(reference_train)
    assert split.val_idx.tolist() == list(reference_val)
    assert split.train_idx.tolist() == split_indices(data.y_train, 0.3, 777)[0].tolist()


def test_one_class_training_data_is_named_and_blamed_on_the_right_setting():
    data = _ordered_dataset((10, 10))
    split = split_for_training(data, limit_train=2, val_split=0.3, seed=777, stratify=False)
    setting, reason = one_class_problem(data, split, 2)
    assert setting == "limit_train" and "one class" in reason
    single = _ordered_dataset((10,))
    single = Dataset("one", "/x", ("cat", "dog"), single.x_train, single.y_train,
                     single.x_test, single.y_test)  # fmt: skip
    split = split_for_training(single, limit_train=None, val_split=0.3, seed=1, stratify=False)
    assert one_class_problem(single, split, None) == (
        "data",
        "the training images would all be of one class (cat): a classifier needs images of "
        "at least two classes",
    )
    ok = split_for_training(data, limit_train=10, val_split=0.3, seed=777, stratify=False)
    assert one_class_problem(data, ok, 10) is None


# ---- item 10: empty and system folders are left out and named ----------------------------------
def test_empty_hidden_and_system_folders_are_not_classes(tmp_path):
    root = _image_folder(tmp_path / "pets", {"cat": 3, "dog": 2, "__MACOSX": 2, ".thumbs": 1})
    (root / "bird").mkdir()
    (root / "notes").mkdir()
    (root / "notes" / "readme.txt").write_text("no images here")
    (root / "cat" / "._0.png").write_bytes(b"AppleDouble resource fork")
    dataset = load_source(str(root))
    assert dataset.class_names == ("cat", "dog")
    assert dataset.class_counts("train") == [3, 2]
    assert not dataset.report.skipped  # the "._" file is hidden, not a broken image
    excluded = {folder.rsplit("/", 1)[-1]: why for folder, why in dataset.report.excluded}
    assert excluded == {
        ".thumbs": "is a hidden or system folder",
        "__MACOSX": "is a hidden or system folder",
        "bird": "holds no image files",
        "notes": "holds no image files",
    }
    again = load_source(str(root))  # from the cache: the report comes back whole
    assert again.report.from_cache and again.report.excluded == dataset.report.excluded


def test_a_class_whose_images_are_all_unreadable_is_left_out(tmp_path):
    root = _image_folder(tmp_path / "pets", {"cat": 2, "dog": 2, "fox": 0})
    (root / "fox" / "broken.png").write_text("not a png")
    dataset = load_source(str(root))
    assert dataset.class_names == ("cat", "dog")
    assert (str(root / "fox"), "holds no readable image") in dataset.report.excluded
    assert [f.rsplit("/", 1)[-1] for f, _ in dataset.report.skipped] == ["broken.png"]


def test_test_images_of_a_left_out_class_are_not_loaded(tmp_path):
    _image_folder(tmp_path / "train", {"ant": 2, "bee": 2})
    (tmp_path / "train" / "wasp").mkdir()
    _image_folder(tmp_path / "test", {"ant": 1, "bee": 1, "wasp": 1})
    dataset = load_source(str(tmp_path))
    assert dataset.class_names == ("ant", "bee")
    assert dataset.class_counts("test") == [1, 1]
    assert (str(tmp_path / "test" / "wasp"), "is not a training class") in dataset.report.excluded


def test_one_usable_class_is_refused_when_chosen_naming_what_was_left_out(tmp_path):
    root = _image_folder(tmp_path / "pets", {"cat": 2, "__MACOSX": 2})
    (root / "bird").mkdir()
    with pytest.raises(DataSourceError) as caught:
        resolve_source(str(root))
    message = str(caught.value)
    assert "\n" not in message
    assert "found 1: cat/" in message
    assert "__MACOSX/ is a hidden or system folder" in message and "bird/ holds no image" in message


def test_an_empty_folder_is_refused(tmp_path):
    with pytest.raises(DataSourceError, match="at least two class folders"):
        resolve_source(str(tmp_path))


# ---- issue 13 item 7: data paths from a run's files are bounded -----------------------------------
@pytest.mark.parametrize("system_path", ["/", "/usr"])
def test_a_system_folder_named_by_a_run_is_refused_in_one_line(system_path):
    config = {"settings": {"data": system_path}, "data": {"source": system_path}}
    with pytest.raises(DataSourceError) as caught:
        load_source(stored_data_source(config))
    assert "\n" not in str(caught.value) and system_path in str(caught.value)


@pytest.mark.parametrize("value", [["/"], {"a": 1}, 7, "x\0y", "a" * 5000])
def test_a_data_source_that_is_not_a_plain_path_is_refused(value):
    with pytest.raises(DataSourceError, match="no usable data source"):
        stored_data_source({"data": {"source": value}})


def test_the_image_folder_scan_visits_a_bounded_number_of_entries(tmp_path, monkeypatch):
    root = _image_folder(tmp_path / "big", {"a": 6, "b": 6})
    monkeypatch.setattr(folder_scan, "MAX_ENTRIES", 10)
    with pytest.raises(DataSourceError, match="too many files to be an image folder"):
        resolve_source(str(root))
    monkeypatch.setattr(folder_scan, "MAX_ENTRIES", 14)  # 2 folders + 12 files
    assert resolve_source(str(root)).kind == "image-folder"


def test_the_cache_key_does_not_walk_subfolders(tmp_path, monkeypatch):
    root = _image_folder(tmp_path / "pets", {"cat": 2, "dog": 2})
    deep = root / "cat" / "deeper" / "and-deeper"
    deep.mkdir(parents=True)

    def no_walk(*_args, **_kwargs):
        raise AssertionError("walked the folder tree")

    monkeypatch.setattr(type(root), "rglob", no_walk)
    assert load_source(str(root)).class_counts("train") == [2, 2]


# ---- item 11: whatever CIFAR10_DIR accepts, --data accepts ----------------------------------------
@pytest.mark.parametrize(
    "layout",
    [
        "cifar-10-batches-py-target/cifar-10-batches-py",  # Keras 3
        "cifar-10-batches-py",  # Keras 2
    ],
)
def test_a_keras_datasets_folder_is_a_cifar_source(tmp_path, monkeypatch, layout):
    datasets = tmp_path / "datasets"
    write_folder(datasets / layout, batch_files())
    (datasets / "mnist.npz").write_bytes(b"another data set lying there")
    resolved = resolve_source(str(datasets))
    assert resolved.kind == "cifar10" and resolved.path == datasets / layout
    assert len(load_source(str(datasets)).y_train) == 5 * 20
    monkeypatch.setenv("CIFAR10_DIR", str(datasets))
    assert resolve_source("cifar10").path == resolved.path


def test_keras_3s_downloaded_archive_without_a_suffix_is_accepted(tmp_path, monkeypatch):
    datasets = tmp_path / "datasets"
    datasets.mkdir()
    archive = write_archive(datasets / "cifar-10-batches-py-target_archive")
    assert resolve_source(str(datasets)).path == archive
    assert resolve_source(str(archive)).kind == "cifar10"
    monkeypatch.setenv("CIFAR10_DIR", str(datasets))
    assert resolve_source("cifar10").path == archive


def test_a_relative_path_is_stored_absolute(tmp_path, monkeypatch):
    _image_folder(tmp_path / "data", {"cat": 1, "dog": 1})
    monkeypatch.chdir(tmp_path)
    assert load_source("data").source == str(tmp_path / "data")


def test_classifying_a_folder_skips_system_folders_and_hidden_files(tmp_path):
    from cifar_gui.gui.classify_folder_page import image_files_in

    root = _image_folder(tmp_path / "photos", {"trip": 2, "__MACOSX": 2, ".cache": 1})
    (root / "trip" / "._0.png").write_bytes(b"AppleDouble")
    (root / "top.jpg").write_bytes(b"listed by suffix; decoding is checked later")
    names = [p.relative_to(root).as_posix() for p in image_files_in(root)]
    assert names == ["top.jpg", "trip/0.png", "trip/1.png"]


def test_classifying_a_folder_walks_a_bounded_tree(tmp_path, monkeypatch):
    root = tmp_path / "deep"
    for i in range(30):
        (root / f"d{i:02d}").mkdir(parents=True)
        Image.new("RGB", (4, 4)).save(root / f"d{i:02d}" / "x.png")
    assert len(folder_scan.image_files_under(root, 10)) == 10
    monkeypatch.setattr(folder_scan, "MAX_ENTRIES", 12)
    assert len(folder_scan.image_files_under(root, 1000)) < 30


def test_data_info_names_the_folders_left_out(tmp_path, capsys):
    import json

    from cifar_gui.cli import main

    root = _image_folder(tmp_path / "pets", {"cat": 2, "dog": 2, "__MACOSX": 1})
    (root / "bird").mkdir()
    assert main(["data", "info", str(root), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["classes"] == ["cat", "dog"]
    assert info["excluded_folders"] == [
        {"folder": str(root / "__MACOSX"), "reason": "is a hidden or system folder"},
        {"folder": str(root / "bird"), "reason": "holds no image files"},
    ]
    assert main(["data", "info", str(root)]) == 0
    text = capsys.readouterr().out
    assert "left out 2 folders:" in text and f"{root / 'bird'}: holds no image files" in text


def test_a_tar_of_many_members_is_refused_without_reading_it_all(tmp_path, monkeypatch):
    import io
    import tarfile

    from cifar_gui.data import cifar_archive

    monkeypatch.setattr(cifar_archive, "MAX_MEMBERS", 20)
    path = tmp_path / "backup.tar"
    with tarfile.open(path, "w") as tar:
        for i in range(25):
            info = tarfile.TarInfo(f"file{i}.txt")
            info.size = 1
            tar.addfile(info, io.BytesIO(b"x"))
    with pytest.raises(DataSourceError, match="more than 20 members; not a CIFAR-10"):
        load_source(str(path))
