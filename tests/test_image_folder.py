"""Image-folder data sets and single-image decoding: good files load, bad ones are reported."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from cifar_gui.data import DataSourceError, load_source, resolve_source
from cifar_gui.data.image_folder import load_image_folder
from cifar_gui.data.images import ImageError, load_image_array


def _save(path, image: Image.Image, **kwargs):
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, **kwargs)
    return path


def test_mixed_good_and_bad_files(tmp_path):
    root = tmp_path / "pets"
    _save(root / "cat" / "a.png", Image.new("RGB", (64, 48), (255, 0, 0)))
    _save(root / "cat" / "b.jpg", Image.new("RGB", (20, 20), (250, 10, 10)))
    _save(root / "dog" / "c.bmp", Image.new("L", (32, 32), 128))
    (root / "dog" / "not-an-image.png").write_text("just text")
    (root / "dog" / "empty.jpg").write_bytes(b"")
    good = (root / "cat" / "a.png").read_bytes()
    (root / "dog" / "truncated.png").write_bytes(good[: len(good) // 2])
    (root / "dog" / "readme.txt").write_text("ignored: not an image suffix")

    dataset = load_image_folder(root)
    assert dataset.class_names == ("cat", "dog")
    assert dataset.x_train.shape == (3, 32, 32, 3)
    assert dataset.y_train.tolist() == [0, 0, 1]
    assert dataset.x_train[0, 16, 16].tolist() == [255, 0, 0]
    assert dataset.x_train[2, 0, 0].tolist() == [128, 128, 128]
    skipped = {name.split("/")[-1]: why for name, why in dataset.report.skipped}
    assert set(skipped) == {"not-an-image.png", "empty.jpg", "truncated.png"}
    assert all(skipped.values())
    assert len(dataset.x_test) == 0


def test_train_and_test_layout(tmp_path):
    for split, count in (("train", 3), ("test", 2)):
        for name in ("ant", "bee"):
            for i in range(count):
                _save(tmp_path / split / name / f"{i}.png", Image.new("RGB", (8, 8), (i, 0, 0)))
    assert resolve_source(str(tmp_path)).kind == "image-folder"
    dataset = load_source(str(tmp_path))
    assert dataset.class_counts("train") == [3, 3]
    assert dataset.class_counts("test") == [2, 2]


def test_a_folder_with_one_class_is_refused(tmp_path):
    _save(tmp_path / "only" / "a.png", Image.new("RGB", (8, 8)))
    with pytest.raises(DataSourceError, match="at least two class folders"):
        load_image_folder(tmp_path)


@pytest.mark.parametrize(
    ("mode", "colour"),
    [
        ("RGBA", (0, 0, 255, 0)),
        ("P", 3),
        ("L", 200),
        ("I;16", 65535),
        ("1", 1),
        ("CMYK", (0, 0, 0, 0)),
    ],
)
def test_every_image_mode_becomes_rgb(tmp_path, mode, colour):
    path = _save(
        tmp_path / f"x_{mode.replace(';', '')}.png" if mode != "CMYK" else tmp_path / "x.jpg",
        Image.new(mode, (40, 40), colour),
    )
    array = load_image_array(path)
    assert array.shape == (32, 32, 3) and array.dtype == np.uint8
    if mode == "RGBA":  # fully transparent: white background
        assert array[0, 0].tolist() == [255, 255, 255]
    if mode == "I;16":
        assert array[0, 0].tolist() == [255, 255, 255]


def test_animated_gif_uses_the_first_frame(tmp_path):
    frames = [Image.new("RGB", (32, 32), c) for c in ((255, 0, 0), (0, 255, 0))]
    path = tmp_path / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    assert load_image_array(path)[5, 5, 0] > 200


def test_decompression_bomb_is_refused(tmp_path):
    path = _save(tmp_path / "bomb.png", Image.new("1", (8000, 8000)))
    assert path.stat().st_size < 200_000
    with pytest.raises(ImageError, match="too large"):
        load_image_array(path)


def test_missing_and_non_image_files(tmp_path):
    with pytest.raises(ImageError, match="no such file"):
        load_image_array(tmp_path / "nope.png")
    (tmp_path / "x.png").write_bytes(b"\x00" * 100)
    with pytest.raises(ImageError, match="not an image"):
        load_image_array(tmp_path / "x.png")
