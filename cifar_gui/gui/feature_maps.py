"""One layer's activations for one image: every channel's feature map in a grid, or bars.

All maps share one colour scale (the layer's minimum to maximum for this image, a pyqtgraph
colormap with its colour bar), so a bright map is a strongly responding channel, not a
rescaled weak one. Each tile carries its channel index; clicking a tile enlarges it.
A layer with a flat output (Flatten, Dense) is drawn as one bar per unit.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QWidget

COLORMAP = "viridis"  # perceptually uniform, readable in grey and with colour-vision deficiencies
MAX_INDEX_LABELS = 256


def grid_shape(channels: int) -> tuple[int, int]:
    """(rows, columns) of a near-square grid holding ``channels`` tiles."""
    columns = max(1, math.ceil(math.sqrt(channels)))
    return math.ceil(channels / columns), columns


def mosaic(maps: np.ndarray) -> np.ndarray:
    """(H, W, C) -> one (rows*(H+1)-1, cols*(W+1)-1) float image; gaps and empty tiles NaN."""
    height, width, channels = maps.shape
    rows, columns = grid_shape(channels)
    out = np.full((rows * (height + 1) - 1, columns * (width + 1) - 1), np.nan, np.float32)
    for channel in range(channels):
        row, column = divmod(channel, columns)
        top, left = row * (height + 1), column * (width + 1)
        out[top : top + height, left : left + width] = maps[..., channel]
    return out


def image_plot(title: str | None = None, axes: bool = False) -> tuple[pg.PlotWidget, pg.ImageItem]:
    """A plot showing one row-major image top-down with square pixels."""
    plot = pg.PlotWidget(title=title)
    image = pg.ImageItem(axisOrder="row-major")
    plot.addItem(image)
    plot.invertY(True)
    plot.setAspectLocked(True)
    if not axes:
        plot.hideAxis("left")
        plot.hideAxis("bottom")
    return plot, image


class FeatureMapGrid(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.maps: np.ndarray | None = None
        self.levels = (0.0, 1.0)
        self.enlarged_channel: int | None = None
        self.colormap = pg.colormap.get(COLORMAP)

        self.grid_plot, self.grid_image = image_plot()
        self.colour_bar = pg.ColorBarItem(colorMap=self.colormap, interactive=False, width=12)
        self.colour_bar.setImageItem(self.grid_image, insert_in=self.grid_plot.getPlotItem())
        self.grid_plot.scene().sigMouseClicked.connect(self._clicked)
        self.labels: list[pg.TextItem] = []

        self.zoom_plot, self.zoom_image = image_plot(
            self.tr("Click a map to enlarge it"), axes=True
        )
        self.zoom_image.setColorMap(self.colormap)

        self.bar_plot = pg.PlotWidget()
        self.bar_plot.setLabel("bottom", self.tr("unit"))
        self.bar_plot.setLabel("left", self.tr("activation"))
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.8, brush="#0072B2")
        self.bar_plot.addItem(self.bars)

        maps_page = QWidget()
        row = QHBoxLayout(maps_page)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.grid_plot, 3)
        row.addWidget(self.zoom_plot, 2)
        self.pages = QStackedWidget()
        self.pages.addWidget(maps_page)
        self.pages.addWidget(self.bar_plot)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    # ---- showing ----------------------------------------------------------------------------
    def show_output(self, output: np.ndarray) -> None:
        """A (H, W, C) output as maps; anything else flattened into bars."""
        output = np.asarray(output, np.float32)
        if output.ndim == 3:
            self._show_maps(output)
        else:
            self._show_bars(output.ravel())

    def _show_maps(self, maps: np.ndarray) -> None:
        self.maps = maps
        low, high = float(np.nanmin(maps)), float(np.nanmax(maps))
        self.levels = (low, high if high > low else low + 1e-6)
        self.grid_image.setImage(mosaic(maps), levels=self.levels)
        self.colour_bar.setLevels(self.levels)
        self._label_tiles()
        self.grid_plot.autoRange(padding=0.02)
        self.pages.setCurrentIndex(0)
        channel = self.enlarged_channel if self.enlarged_channel is not None else 0
        self.enlarge(min(channel, maps.shape[2] - 1))

    def _label_tiles(self) -> None:
        for label in self.labels:
            self.grid_plot.removeItem(label)
        self.labels = []
        height, width, channels = self.maps.shape
        if channels > MAX_INDEX_LABELS:
            return
        _rows, columns = grid_shape(channels)
        for channel in range(channels):
            row, column = divmod(channel, columns)
            label = pg.TextItem(str(channel), color="w", anchor=(0, 0))
            label.setPos(column * (width + 1), row * (height + 1))
            self.grid_plot.addItem(label)
            self.labels.append(label)

    def _show_bars(self, values: np.ndarray) -> None:
        self.maps = None
        self.bars.setOpts(x=np.arange(len(values)), height=values, width=0.8)
        self.bar_plot.autoRange()
        self.pages.setCurrentIndex(1)

    # ---- enlarging --------------------------------------------------------------------------
    def channel_at(self, x: float, y: float) -> int | None:
        """The channel whose tile holds the mosaic point (x, y) (pixel (row, col) covers
        [col, col + 1) × [row, row + 1)), or None for a gap or outside."""
        if self.maps is None or x < 0 or y < 0:
            return None
        height, width, channels = self.maps.shape
        _rows, columns = grid_shape(channels)
        column, column_offset = divmod(int(x), width + 1)
        row, row_offset = divmod(int(y), height + 1)
        if column >= columns or column_offset >= width or row_offset >= height:
            return None
        channel = row * columns + column
        return channel if channel < channels else None

    def enlarge(self, channel: int) -> None:
        if self.maps is None or not 0 <= channel < self.maps.shape[2]:
            return
        self.enlarged_channel = channel
        self.zoom_image.setImage(self.maps[..., channel], levels=self.levels)
        self.zoom_plot.setTitle(self.tr("Channel {index}").format(index=channel))
        self.zoom_plot.autoRange(padding=0.02)

    def _clicked(self, event) -> None:
        point = self.grid_plot.getPlotItem().vb.mapSceneToView(event.scenePos())
        pixel = self.grid_image.mapFromView(point)
        channel = self.channel_at(pixel.x(), pixel.y())
        if channel is not None:
            self.enlarge(channel)
