"""Conversions between numpy images and Qt images, and the heatmap overlay colours."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QPixmap

HEATMAP_COLORMAP = "inferno"  # pyqtgraph's bundled, perceptually uniform map


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
    """An (H, W) map in [0, 1] as (H, W, 3) uint8 RGB through pyqtgraph's "inferno" colormap
    (black, purple, orange, pale yellow); values outside [0, 1] are clipped."""
    values = np.clip(np.asarray(heatmap, dtype=float), 0.0, 1.0)
    colours = pg.colormap.get(HEATMAP_COLORMAP).map(values.ravel(), mode="byte")
    return np.asarray(colours, dtype=np.uint8)[:, :3].reshape((*values.shape, 3))


def overlay_heatmap(image: np.ndarray, heatmap: np.ndarray, opacity: float = 0.45) -> np.ndarray:
    """Blend the heatmap's colours over a same-sized RGB image.

    A pixel's blend weight is ``opacity * sqrt(heat)``: cold areas keep the photo as it is,
    and even the hottest keep ``1 - opacity`` of it, so the photo is never covered.
    """
    colours = heat_colours(heatmap).astype(float)
    alpha = opacity * np.clip(heatmap, 0.0, 1.0)[..., None] ** 0.5
    return (image.astype(float) * (1 - alpha) + colours * alpha).astype(np.uint8)
