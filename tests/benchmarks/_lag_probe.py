"""A probe of GUI-thread lag: a 10 ms QTimer whose ticks record how late each one came."""

from __future__ import annotations


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``values`` by rank, without interpolation."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class LagProbe:
    """``start()``, let the event loop run, ``stop()``; ``lags`` holds each tick's lateness
    in ms (0 when on time) and ``summary()`` reads it as p50, p99 and max."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.interval_ms = interval_ms
        self.lags: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        if self._clock.isValid():
            self.lags.append(max(0.0, self._clock.nsecsElapsed() / 1e6 - self.interval_ms))
        self._clock.restart()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def summary(self) -> str:
        lags = self.lags
        return (f"({len(lags)} ticks): lag p50 {percentile(lags, 0.5):.1f} ms, "
                f"p99 {percentile(lags, 0.99):.1f} ms, max {max(lags):.1f} ms")  # fmt: skip
