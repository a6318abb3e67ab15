"""Class probabilities as a sorted horizontal bar chart, the top class highlighted."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget

TOP_COLOUR = "#d35400"
OTHER_COLOUR = "#7f8c8d"
TRUE_COLOUR = "#27ae60"


class ProbabilityChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.widget = pg.PlotWidget()
        self.widget.setMenuEnabled(False)
        self.widget.setMouseEnabled(x=False, y=False)
        self.widget.hideButtons()
        self.widget.setLabel("bottom", self.tr("probability"))
        self.widget.setXRange(0, 1, padding=0.02)
        self.widget.getAxis("bottom").enableAutoSIPrefix(False)
        self.bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[])
        self.widget.addItem(self.bars)
        self.labels: list[pg.TextItem] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.widget)
        self.order: list[int] = []
        self.values = np.zeros(0)

    def clear(self) -> None:
        self.show_probabilities(np.zeros(0), ())

    def show_probabilities(
        self,
        probabilities: np.ndarray,
        class_names: tuple[str, ...],
        true_index: int | None = None,
    ) -> None:
        """Bars from the most to the least likely class, top to bottom; a bar of the true
        class (for a test image) is green when the top class is wrong."""
        values = np.asarray(probabilities, dtype=float)
        self.order = [int(i) for i in np.argsort(values)[::-1]]
        self.values = values
        rows = len(self.order)
        y = np.arange(rows)[::-1]  # the most likely class at the top
        brushes = []
        for rank, index in enumerate(self.order):
            if rank == 0:
                brushes.append(pg.mkBrush(TOP_COLOUR))
            elif index == true_index:
                brushes.append(pg.mkBrush(TRUE_COLOUR))
            else:
                brushes.append(pg.mkBrush(OTHER_COLOUR))
        self.bars.setOpts(
            x0=np.zeros(rows), y=y, width=values[self.order] if rows else [], brushes=brushes
        )
        ticks = [(float(y[r]), class_names[i]) for r, i in enumerate(self.order)]
        axis = self.widget.getAxis("left")
        axis.setTicks([ticks])
        # pyqtgraph hides a tick label wider than its axis: make room for the longest name.
        metrics = QFontMetrics(self.font())
        axis.setWidth(max((metrics.horizontalAdvance(n) for n in class_names), default=0) + 16)
        for label in self.labels:
            self.widget.removeItem(label)
        self.labels = []
        for rank, index in enumerate(self.order):
            inside = values[index] > 0.85  # no room to the right: white, inside the bar
            label = pg.TextItem(f"{values[index]:.1%}", color="w" if inside else "k",
                                anchor=(1, 0.5) if inside else (0, 0.5))  # fmt: skip
            label.setPos(values[index] - 0.01 if inside else values[index] + 0.01, float(y[rank]))
            self.widget.addItem(label)
            self.labels.append(label)
        self.widget.setYRange(-0.6, max(rows - 0.4, 0.4), padding=0)
