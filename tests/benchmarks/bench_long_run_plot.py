"""The live training plots at the end of a long run: GUI-thread lag and the cost of a redraw.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_long_run_plot.py [--live-seconds 20]

- smoothing: time of one ``smooth()`` call (factor 0.6) over 50,000 per-batch values;
- redraw: time of one ``TrainingPlots.redraw()`` holding 35,000 batch points (both panels,
  smoothed, clipped and downsampled by pyqtgraph), and of a full re-smoothing (factor changed);
- lag: the plots first receive the run's earlier batches and epochs at once (35,000 batch
  points and 30 epochs in all, a 30-epoch CPU run at batch 32 as the worker's 30-a-second
  throttle lets them through), then the last ``--live-seconds`` arrive at the real rate (30
  batch updates a second, an epoch at each epoch's end) while a 10 ms QTimer probe on the GUI
  thread records how late each tick comes (target: p99 <= 50 ms, as for a short run).

Only the plots run here (no training thread), so the lag is the plots' own share.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import numpy as np
from _common import ROOT  # noqa: F401  (puts the checkout on sys.path)
from _lag_probe import LagProbe

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RATE = 30.0  # batch updates a second: cifar_gui.gui.training_worker.MAX_BATCH_SIGNALS_PER_SECOND


def _median_ms(call, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def smoothing_figure(points: int, repeats: int) -> None:
    from cifar_gui.gui.smoothing import smooth

    values = 2.3 * np.exp(-np.linspace(0, 3, points)) + np.random.default_rng(0).random(points)
    ms = _median_ms(lambda: smooth(values, 0.6), repeats)
    print(f"smoothing: {ms:.2f} ms per smooth() call over {points:,} values (median of {repeats})")


def _feed(plots, index: int, steps: int) -> None:
    """Batch ``index`` (0-based over the run) and, at an epoch's last batch, its epoch."""
    from cifar_gui.progress import BatchProgress, EpochResult

    epoch, step = index // steps + 1, index % steps + 1
    loss = 2.3 * np.exp(-index / 8000) + 0.05 * np.sin(index)
    acc = 0.1 + 0.8 * (1 - np.exp(-index / 8000))
    plots.add_batch(BatchProgress(epoch, step, steps, float(loss), float(acc), 1500.0))
    if step == steps:
        plots.add_epoch(EpochResult(epoch, loss, acc, loss * 1.1, acc * 0.95, 1e-3, 60.0))


def lag_figures(points: int, epochs: int, live_seconds: float, repeats: int) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from cifar_gui.gui.app import create_application
    from cifar_gui.gui.training_plots import TrainingPlots

    app = create_application(sys.argv)
    plots = TrainingPlots()
    plots.resize(1280, 480)
    plots.show()
    steps = points // epochs
    total = steps * epochs
    live = min(total, int(live_seconds * RATE))
    for index in range(total - live):
        _feed(plots, index, steps)
    plots.redraw()
    app.processEvents()
    redraw_ms = _median_ms(plots.redraw, repeats)
    smoothing = plots.smoothing.value()
    changed_ms = _median_ms(
        lambda: (plots.smoothing.setValue(0.7 if plots.smoothing.value() != 0.7 else 0.6),
                 plots.redraw()), repeats)  # fmt: skip
    plots.smoothing.setValue(smoothing)
    print(f"redraw with {total - live:,} batch points: {redraw_ms:.1f} ms; after a smoothing "
          f"change: {changed_ms:.1f} ms (medians of {repeats})")  # fmt: skip

    state = {"next": total - live}
    feeder = QTimer()
    feeder.setInterval(round(1000 / RATE))

    def feed():
        if state["next"] < total:
            _feed(plots, state["next"], steps)
            state["next"] += 1

    probe = LagProbe()
    feeder.timeout.connect(feed)
    redraws = plots.redraws
    feeder.start()
    probe.start()
    while state["next"] < total:
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()
    probe.stop()
    feeder.stop()
    shown = len(plots.loss.batch_curve.getData()[0])
    print(f"while the last {live:,} of {total:,} batch points and the last epochs arrive at "
          f"{RATE:.0f}/s {probe.summary()}; {plots.redraws - redraws} redraws; {len(plots.epochs)} epochs; "
          f"{shown:,} batch points on the loss curve")  # fmt: skip
    plots.close()
    QApplication.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=35_000)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--live-seconds", type=float, default=20.0)
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    smoothing_figure(50_000, args.repeats)
    lag_figures(args.points, args.epochs, args.live_seconds, args.repeats)


if __name__ == "__main__":
    main()
