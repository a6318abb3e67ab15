"""Photos stored on their side with an EXIF orientation are read upright everywhere an image is
read: prediction input, the Classify tab's display, and image-folder training data."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from cifar_gui.data.image_folder import load_image_folder
from cifar_gui.data.images import decode_image, load_image, load_image_array

# EXIF orientation -> the transpose that makes the stored pixels upright (EXIF 2.3, table 6)
UPRIGHT = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _stored() -> Image.Image:
    """A 64x32 picture with four differently coloured quadrants (no symmetry at all)."""
    pixels = np.zeros((32, 64, 3), np.uint8)
    pixels[:16, :32] = (255, 0, 0)
    pixels[:16, 32:] = (0, 255, 0)
    pixels[16:, :32] = (0, 0, 255)
    pixels[16:, 32:] = (255, 255, 0)
    return Image.fromarray(pixels)


def _save(path, orientation: int, fmt: str = "PNG") -> Image.Image:
    image = _stored()
    exif = Image.Exif()
    exif[0x0112] = orientation
    image.save(path, format=fmt, exif=exif)
    transpose = UPRIGHT[orientation]
    return image if transpose is None else image.transpose(transpose)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_orientation_is_read_upright(tmp_path, orientation):
    path = tmp_path / "photo.png"  # PNG: lossless, so the pixels compare exactly
    upright = _save(path, orientation)
    loaded = load_image(path)
    assert loaded.size == upright.size
    np.testing.assert_array_equal(np.asarray(loaded), np.asarray(upright))


def test_a_phone_jpeg_with_orientation_6_is_classified_and_shown_upright(tmp_path):
    path = tmp_path / "horse.jpg"
    upright = _save(path, 6, "JPEG")
    assert upright.size == (32, 64)  # portrait once turned
    expected_input = np.asarray(upright.resize((32, 32), Image.Resampling.BOX))
    network_input = load_image_array(path)  # what predict and the Folder page classify
    sideways = np.asarray(_stored().resize((32, 32), Image.Resampling.BOX))
    assert np.abs(network_input.astype(int) - expected_input).mean() < 12  # JPEG noise only
    assert np.abs(network_input.astype(int) - sideways).mean() > 60
    decoded = decode_image(path)  # what the Classify tab shows
    assert decoded.display.shape == (64, 32, 3)
    np.testing.assert_array_equal(decoded.network_input, network_input)
    # the stored (sideways) pixels would put red at the top-right of the portrait; upright it
    # is the top-left quadrant of the stored picture turned clockwise: top-right is red.
    assert tuple(decoded.display[5, 28]) == pytest.approx((255, 0, 0), abs=40)
    assert tuple(decoded.display[5, 3]) == pytest.approx((0, 0, 255), abs=40)


def test_image_folder_training_data_is_upright(tmp_path):
    for name in ("cat", "dog"):
        (tmp_path / name).mkdir()
    upright = _save(tmp_path / "cat" / "a.png", 6)
    _save(tmp_path / "dog" / "b.png", 1)
    dataset = load_image_folder(tmp_path)
    cat = dataset.x_train[dataset.y_train == 0][0]
    expected = np.asarray(upright.resize((32, 32), Image.Resampling.BOX))
    np.testing.assert_array_equal(cat, expected)
