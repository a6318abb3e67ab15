"""Every text a window shows, gathered for the language tests: labels, buttons, tooltips, tab
titles, window titles, menus and actions, combo items, table headers and cells, list items,
progress-bar formats, spin-box affixes, plot titles, axis labels and legends.

``english_words(texts)`` then names the English words among them, outside an allow-list of
names that stay as they are in a Korean course (CIFAR-10, Keras, Adam, PNG ...).
"""

from __future__ import annotations

import re

import pyqtgraph as pg
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QProgressBar,
    QStatusBar,
    QTableWidget,
    QTabWidget,
    QWidget,
)

# Names a Korean ML course writes in Latin letters, and units and file formats.
ALLOWED = {
    "cifar",
    "keras",
    "tensorflow",
    "tensorboard",
    "adam",
    "adamw",
    "sgd",
    "rmsprop",
    "grad",
    "cam",
    "png",
    "csv",
    "json",
    "zip",
    "tar",
    "gz",
    "tgz",
    "py",
    "python",
    "batches",
    "gpu",
    "gpus",
    "cpu",
    "cnn",
    "mb",
    "ms",
    "rgb",
    "uint8",
    "float16",  # data types, named as in every framework
    "bfloat16",
    "float32",
    "nats",
    "gui",
    "mirroredstrategy",
    "fonts",
    "noto",
    "cjk",
    "sudo",
    "apt",
    "get",
    "install",
    "root",
    "english",
    "ko",
    "en",
    "e-3",
    "e-4",
    "f1",
    "l2",
    "relu",
    "softmax",
    "conv2d",
    "dense",
    "flatten",
    "dropout_rate",
}
WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")


def plot_texts(plot: pg.PlotItem) -> list[str]:
    """A pyqtgraph plot's title, axis labels (with units) and legend entries."""
    texts = [plot.titleLabel.text or ""]
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        if axis.isVisible() and axis.label.isVisible():
            texts.append(axis.labelText or "")
    legend = plot.legend
    if legend is not None:
        texts += [label.text for _sample, label in legend.items]
    return texts


def _table_texts(table: QTableWidget) -> list[str]:
    texts = []
    for header, count in ((table.horizontalHeaderItem, table.columnCount()),
                          (table.verticalHeaderItem, table.rowCount())):  # fmt: skip
        for index in range(count):
            item = header(index)
            if item is not None:
                texts += [item.text(), item.toolTip()]
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            item = table.item(row, column)
            if item is not None:
                texts += [item.text(), item.toolTip()]
    return texts


def widget_texts(widget: QWidget) -> list[str]:
    """The texts one widget shows itself (not its children's)."""
    texts = [widget.toolTip(), widget.windowTitle(), widget.statusTip()]
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            texts += [widget.tabText(i), widget.tabToolTip(i)]
    if isinstance(widget, QListWidget):
        for i in range(widget.count()):
            texts += [widget.item(i).text(), widget.item(i).toolTip()]
    if isinstance(widget, QTableWidget):
        texts += _table_texts(widget)
    if isinstance(widget, QProgressBar):
        texts += [widget.format(), widget.text()]
    if isinstance(widget, QAbstractSpinBox):
        texts += [widget.specialValueText(), getattr(widget, "prefix", str)(),
                  getattr(widget, "suffix", str)()]  # fmt: skip
    if isinstance(widget, QStatusBar):
        texts.append(widget.currentMessage())
    if isinstance(widget, QMenu):
        texts.append(widget.title())
    for action in widget.actions():
        texts += [action.text(), action.toolTip(), action.statusTip()]
        if action.menu() is not None:
            texts.append(action.menu().title())
    if isinstance(widget, pg.PlotWidget):
        texts += plot_texts(widget.getPlotItem())
    if isinstance(widget, pg.GraphicsLayoutWidget):
        for item in widget.ci.items:
            if isinstance(item, pg.PlotItem):
                texts += plot_texts(item)
    return texts


def window_texts(window: QWidget) -> dict[str, list[str]]:
    """``{object description: [texts]}`` for the window and every widget inside it, shown or
    not (every tab's widgets, menus included)."""
    found: dict[str, list[str]] = {}
    for widget in [window, *window.findChildren(QWidget)]:
        texts = [t for t in widget_texts(widget) if t and t.strip()]
        if texts:
            found[f"{type(widget).__name__} {widget.objectName()}".strip() + f" #{id(widget)}"] = (
                texts
            )
    return found


def english_words(text: str, allowed: set[str] = ALLOWED) -> list[str]:
    """The English words in ``text``: Latin-letter words of two or more letters that are not
    allowed names; rich-text tags, paths, file patterns, placeholders and numbers are ignored."""
    text = re.sub(r"<[^>]+>", " ", text)  # rich text tags
    text = re.sub(r"\S*[/\\]\S*", " ", text)  # paths and patterns: a file's own name is data
    text = re.sub(r"\*\.\w+", " ", text)
    text = re.sub(
        r"\b\d{8}-\d{6}-[\w-]+", " ", text
    )  # a run's folder name: 20261130-0231-dropout-44ed
    text = re.sub(r"\b\d+(\.\d+)?e[-+]?\d+\b", " ", text)  # 1e-3
    return [
        word for word in WORD.findall(text)
        if len(word) > 1 and word.lower() not in allowed
    ]  # fmt: skip
