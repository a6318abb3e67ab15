"""Decoding one image file into the network's 32x32 RGB uint8 input, with Pillow.

Handles any size, grayscale, palette, RGBA, 16-bit and animated images, turns phone photos
upright by their EXIF orientation, and refuses files that are not images or that would decode to
an enormous bitmap (decompression bombs).

Only the decoders of the formats listed in ``PILLOW_FORMATS`` are ever asked to read a file,
whatever its name: Pillow otherwise picks the decoder from the content, and its EPS decoder runs
Ghostscript on PostScript (a program: it can write files or loop forever).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from cifar_gui.i18n import _

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff", ".ppm")
# Pillow's names for the decoders of the suffixes above (PPM covers .ppm/.pgm/.pbm); no other
# decoder is tried, so EPS/PostScript, PDF and the rest never reach their plugins.
PILLOW_FORMATS = ("PNG", "JPEG", "BMP", "GIF", "WEBP", "TIFF", "PPM")
# 40 megapixels is a large photograph; beyond it decoding costs hundreds of MB for a 32x32 result.
MAX_PIXELS = 40_000_000
TARGET_SIZE = (32, 32)
DISPLAY_SIZE = 320  # the "as given" view keeps at most this many pixels on the longer side


class ImageError(ValueError):
    """The file is not an image this application can use; the message says why."""


def _open(source: str | Path | bytes) -> Image.Image:
    data = io.BytesIO(source) if isinstance(source, bytes) else source
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return Image.open(data, formats=PILLOW_FORMATS)


def to_rgb(image: Image.Image) -> Image.Image:
    """Flatten any mode to 8-bit RGB; transparent areas become white."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        values = np.asarray(image, dtype=np.float64)
        top = 65535.0 if image.mode.startswith("I;16") else max(float(values.max()), 1.0)
        gray = np.clip(values / top * 255.0, 0, 255).astype(np.uint8)
        return Image.fromarray(gray, mode="L").convert("RGB")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        canvas = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(canvas, rgba).convert("RGB")
    return image.convert("RGB")


def load_image(source: str | Path | bytes) -> Image.Image:
    """Open and fully decode ``source`` as RGB at its own size (first frame if animated), turned
    as its EXIF orientation says (a phone photo stored on its side comes back upright)."""
    name = _("image data") if isinstance(source, bytes) else str(source)
    try:
        image = _open(source)
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise ImageError(
                _(
                    "{name}: {width}x{height} pixels is too large to decode safely (limit {max_pixels} megapixels)"
                ).format(name=name, width=width, height=height, max_pixels=MAX_PIXELS // 1_000_000)
            )
        if getattr(image, "n_frames", 1) > 1:
            image.seek(0)
        image.load()
        return to_rgb(upright(image))
    except ImageError:
        raise
    except FileNotFoundError as exc:
        raise ImageError(_("{name}: no such file").format(name=name)) from exc
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(
            _("{name}: not an image file (or too large to decode safely)").format(name=name)
        ) from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageError(
            _("{name}: unreadable image ({error})").format(name=name, error=exc)
        ) from exc


def upright(image: Image.Image) -> Image.Image:
    """Apply the EXIF orientation tag (1-8) the way photo viewers do; others pass unchanged."""
    try:
        orientation = image.getexif().get(ImageOps.ExifTags.Base.Orientation, 1)
        if orientation not in range(2, 9):
            return image
        return ImageOps.exif_transpose(image)
    except (OSError, ValueError, SyntaxError, KeyError):  # damaged EXIF: the pixels as stored
        return image


def resize_to_input(image: Image.Image) -> np.ndarray:
    """Stretch to 32x32 (as Keras's image loaders do) with area averaging when shrinking."""
    if image.size != TARGET_SIZE:
        shrinking = image.size[0] > TARGET_SIZE[0] or image.size[1] > TARGET_SIZE[1]
        method = Image.Resampling.BOX if shrinking else Image.Resampling.BICUBIC
        image = image.resize(TARGET_SIZE, method)
    return np.asarray(image, dtype=np.uint8).reshape(32, 32, 3)


def load_image_array(source: str | Path | bytes) -> np.ndarray:
    """The (32, 32, 3) uint8 network input for one image file or encoded bytes."""
    return resize_to_input(load_image(source))


@dataclass
class DecodedImage:
    """One image ready to classify: how it looks as given, and the network's 32x32 input."""

    name: str
    display: np.ndarray  # (H, W, 3) uint8, at most DISPLAY_SIZE on the longer side
    network_input: np.ndarray  # (32, 32, 3) uint8
    true_index: int | None = None  # known for a test-set image
    path: Path | None = None


def decode_image(source: str | Path | bytes, name: str | None = None) -> DecodedImage:
    """Decode a file or encoded bytes; raises ``ImageError`` with a one-line reason."""
    image = load_image(source)
    network_input = resize_to_input(image)
    display = image.copy()
    display.thumbnail((DISPLAY_SIZE, DISPLAY_SIZE), Image.Resampling.LANCZOS)
    path = None if isinstance(source, bytes) else Path(source)
    label = name or (path.name if path else _("pasted image"))
    return DecodedImage(label, np.asarray(display, np.uint8), network_input, None, path)


def decoded_from_array(image: np.ndarray, name: str, true_index: int | None = None) -> DecodedImage:
    """A 32x32 data-set image (from the test set, say) as a decoded input."""
    image = np.ascontiguousarray(image, dtype=np.uint8)
    return DecodedImage(name, image, image, true_index)
