"""The Grad-CAM heatmap's colour scale and opacity control, shown under the classified image.

The colours come from a pyqtgraph colormap (perceptually uniform "inferno"), and the colour
bar is pyqtgraph's own ``ColorBarItem`` drawn from the same map, so the scale and the overlay
can never disagree.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from cifar_gui.gui.qt_images import HEATMAP_COLORMAP

DEFAULT_OPACITY = 45  # percent: the hottest areas are tinted, the photo stays readable
MAX_OPACITY = 90  # never a solid colour over the photo


class HeatmapControls(QWidget):
    """A colour bar from "not used" (0) to "used most" (1) and an opacity slider."""

    opacityChanged = Signal(float)  # 0 to MAX_OPACITY / 100

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour_bar = pg.ColorBarItem(
            values=(0, 1), colorMap=pg.colormap.get(HEATMAP_COLORMAP), interactive=False,
            orientation="horizontal", width=14, colorMapMenu=False, pen="k",
        )  # fmt: skip
        self.colour_bar.axis.enableAutoSIPrefix(False)
        # pyqtgraph drops tick labels that would reach past the bar's ends: the ends are
        # named by the labels below it instead.
        self.colour_bar.axis.setTicks([[(v, f"{v:g}") for v in (0.25, 0.5, 0.75)]])
        self.bar_view = pg.GraphicsLayoutWidget()
        self.bar_view.setBackground(None)
        self.bar_view.addItem(self.colour_bar)
        self.bar_view.setFixedHeight(48)
        self.bar_view.setToolTip(
            self.tr("Grad-CAM: how much each part of the picture raised the top class's score")
        )
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, MAX_OPACITY)
        self.slider.setValue(DEFAULT_OPACITY)
        self.slider.valueChanged.connect(self._moved)
        self.opacity_label = QLabel()
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Heatmap opacity")))
        row.addWidget(self.slider, 1)
        row.addWidget(self.opacity_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        ends = QHBoxLayout()
        ends.addWidget(QLabel(self.tr("0: not used")))
        ends.addStretch(1)
        ends.addWidget(QLabel(self.tr("Grad-CAM")))
        ends.addStretch(1)
        ends.addWidget(QLabel(self.tr("1: used most")))
        layout.addWidget(self.bar_view)
        layout.addLayout(ends)
        layout.addLayout(row)
        self._moved(self.slider.value())

    def opacity(self) -> float:
        """The heatmap's opacity at its hottest point, 0 (invisible) to 0.9."""
        return self.slider.value() / 100

    @Slot(int)
    def _moved(self, value: int) -> None:
        self.opacity_label.setText(f"{value}%")
        self.opacityChanged.emit(value / 100)
