"""An x axis of epochs: ticks only at whole epochs, never "1.5" or "epoch (x0.001)".

pyqtgraph picks tick spacings of 1, 2 or 5 times a power of ten for any range, so a plot of
three epochs gets ticks at 1.0, 1.5, 2.0, ...: an epoch that does not exist. This axis keeps
only the spacings of at least one epoch (pyqtgraph's own choice among them) and shows no SI
prefix.
"""

from __future__ import annotations

import pyqtgraph as pg


class EpochAxis(pg.AxisItem):
    """A bottom axis whose ticks fall on whole epochs only."""

    def __init__(self, orientation: str = "bottom", **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickSpacing(self, minVal: float, maxVal: float, size: float):
        """pyqtgraph's (spacing, offset) levels without those under one epoch."""
        levels = super().tickSpacing(minVal, maxVal, size)
        whole = [(spacing, offset) for spacing, offset in levels if spacing >= 1]
        return whole or [(1.0, 0.0)]


def epoch_axes() -> dict[str, pg.AxisItem]:
    """``axisItems`` for a ``pg.PlotWidget`` whose x axis counts epochs."""
    return {"bottom": EpochAxis()}
