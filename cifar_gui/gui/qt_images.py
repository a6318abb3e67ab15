"""Conversions between numpy images and Qt images, and the heatmap overlay colours."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap


def array_to_qimage(image: np.ndarray) -> QImage:
    """An (H, W, 3) uint8 RGB array as a QImage that owns its pixels."""
    data = np.ascontiguousarray(image, dtype=np.uint8)
    qimage = QImage(
        data.data, data.shape[1], data.shape[0], data.strides[0], QImage.Format.Format_RGB888
    )
    return qimage.copy()  # the array may be freed; the copy owns its memory


def image_to_pixmap(image: np.ndarray, size: int) -> QPixmap:
    """An (H, W, 3) uint8 image enlarged without smoothing, so pixels stay sharp."""
    return QPixmap.fromImage(array_to_qimage(image)).scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
    )


def photo_to_pixmap(image: np.ndarray, size: int) -> QPixmap:
    """A photograph shown as given, scaled smoothly to fit ``size``."""
    return QPixmap.fromImage(array_to_qimage(image)).scaled(
        size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def qimage_to_png(image: QImage) -> bytes:
    """Encode a QImage (from the clipboard, say) as PNG bytes for the image decoder."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def heat_colours(heatmap: np.ndarray) -> np.ndarray:
    """A [0, 1] map as RGB in a perceptual "inferno"-like ramp (black, purple, orange, yellow)."""
    stops = np.array(
        [[0, 0, 4], [87, 16, 110], [188, 55, 84], [249, 142, 9], [252, 255, 164]], dtype=float
    )
    position = np.clip(heatmap, 0.0, 1.0) * (len(stops) - 1)
    low = np.floor(position).astype(int).clip(0, len(stops) - 2)
    fraction = (position - low)[..., None]
    return (stops[low] * (1 - fraction) + stops[low + 1] * fraction).astype(np.uint8)


def overlay_heatmap(image: np.ndarray, heatmap: np.ndarray, opacity: float = 0.5) -> np.ndarray:
    """Blend the heatmap's colours over a same-sized RGB image; cold areas stay visible."""
    colours = heat_colours(heatmap).astype(float)
    alpha = opacity * np.clip(heatmap, 0.0, 1.0)[..., None] ** 0.5
    return (image.astype(float) * (1 - alpha) + colours * alpha).astype(np.uint8)
