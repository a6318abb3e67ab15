"""GUI figures: start-up time, responsiveness while training, and Stop latency.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_gui.py [--rounds 3]

- start-up: from launching the process to the main window's first paint, against launching a
  process that only imports TensorFlow (target: window painted within 2.5 s);
- responsiveness: a 10 ms QTimer probe on the GUI thread while a batch-32 run trains on the
  demo data; lag = late-ness of each tick (target: p99 <= 50 ms);
- Stop latency: Stop pressed mid-epoch and during the validation pass, until the worker
  reports the run finished (target: within 1 s at batch 32).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from _common import ROOT
from _lag_probe import LagProbe

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STARTUP = r"""
import sys
from cifar_gui.gui.app import create_application
app = create_application(sys.argv)
from PySide6.QtCore import QEvent, QObject
from cifar_gui.gui.main_window import MainWindow
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", "tensorflow" in sys.modules, flush=True)
            import os; os._exit(0)
        return False
window = MainWindow()
spy = FirstPaint(); window.installEventFilter(spy)
window.show()
app.exec()
"""


def time_process(code: str, marker: str) -> float:
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    for line in proc.stdout:
        if line.startswith(marker):
            elapsed = time.perf_counter() - started
            proc.kill()
            proc.wait()
            return elapsed
    raise RuntimeError(f"the child never printed {marker!r}")


def startup(rounds: int) -> None:
    window, tf = [], []
    for _ in range(rounds):
        window.append(time_process(STARTUP, "painted"))
        tf.append(time_process("import tensorflow; print('imported', flush=True)", "imported"))
    w, t = statistics.median(window), statistics.median(tf)
    print(f"start-up: window painted after {w:.2f} s (median of {rounds}); "
          f"a bare 'import tensorflow' takes {t:.2f} s; ratio {w / t:.2f}")  # fmt: skip


def training_figures(stops: int) -> None:
    from PySide6.QtWidgets import QApplication

    from cifar_gui.gui.app import create_application
    from cifar_gui.gui.main_window import MainWindow

    app = create_application(sys.argv)
    window = MainWindow()
    window.show()
    while window.tensorflow is None:
        app.processEvents()
        time.sleep(0.01)
    fields = window.settings_panel.fields
    fields["data"].write("demo")
    fields["batch_size"].editor.setText("32")
    fields["learning_rate"].editor.setText("0.001")

    def run_until(predicate, timeout=600.0):
        deadline = time.monotonic() + timeout
        while not predicate() and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.001)

    # Responsiveness: a probe ticking every 10 ms during two epochs on 2,000 images.
    fields["limit_train"].editor.setText("2000")
    fields["epochs"].editor.setText("2")
    probe = LagProbe()
    window.start_training()
    probe.start()
    run_until(lambda: window.worker is None)
    probe.stop()
    print(f"responsiveness during training {probe.summary()}; {window.plots.redraws} plot redraws")

    # Stop latency, mid-epoch and during the validation pass: Stop is pressed on the GUI
    # thread when the chosen batch is shown, and timed until the GUI hears the run finished.
    from gui.recorder import SignalRecorder

    fields["epochs"].editor.setText("3")
    for where in ("mid-epoch", "validation"):
        latencies = []
        for _ in range(stops):
            state = {"pressed": None, "done": None}

            def on_batch(progress, state=state, where=where):
                last = progress.step == progress.steps
                wanted = last if where == "validation" else progress.step >= progress.steps // 2
                if progress.epoch == 2 and wanted and state["pressed"] is None:
                    state["pressed"] = time.perf_counter()
                    window.stop_training()

            batches = SignalRecorder(on_batch)
            finished = SignalRecorder(
                lambda _r, state=state: state.__setitem__("done", time.perf_counter())
            )
            window.start_training()
            window.worker.batchProgress.connect(batches.record)
            window.worker.finished.connect(finished.record)
            run_until(lambda: window.worker is None)
            latencies.append(state["done"] - state["pressed"])
        print(f"Stop latency {where}: median {statistics.median(latencies) * 1000:.0f} ms, "
              f"max {max(latencies) * 1000:.0f} ms over {stops} runs")  # fmt: skip
    window.close()
    QApplication.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--stops", type=int, default=3)
    args = parser.parse_args()
    startup(args.rounds)
    training_figures(args.stops)


if __name__ == "__main__":
    main()
