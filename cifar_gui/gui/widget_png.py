"""A widget as a PNG file, written atomically: what the plots' *Save PNG…* buttons do.

The widget is rendered as it is on screen (``QWidget.grab``: every child, at the widget's size
in device-independent pixels times the screen's ratio), encoded in memory, and only then
written through ``cifar_gui.atomic``: a full disk or a read-only folder leaves neither a
half-written image nor a damaged older file of that name.
"""

from __future__ import annotations

import errno
import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QWidget

from cifar_gui.atomic import atomic_write_bytes


def widget_png(widget: QWidget) -> bytes:
    """``widget`` rendered with its children, as PNG bytes. Raises ``OSError`` (ENOMEM) when
    Qt cannot encode it (an empty widget, or no memory for the image)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not widget.grab().save(buffer, "PNG"):
        raise OSError(errno.ENOMEM, os.strerror(errno.ENOMEM))
    buffer.close()
    return bytes(data.data())


def save_widget_png(widget: QWidget, path: str | os.PathLike[str]) -> None:
    """Write ``widget`` as a PNG image to ``path`` atomically. Raises ``OSError`` (the disk is
    full or read-only, permission denied, a folder of that name, ...); the target is then
    left as it was."""
    atomic_write_bytes(path, widget_png(widget))
