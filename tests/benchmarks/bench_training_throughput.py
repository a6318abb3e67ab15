"""Training throughput of the shared training function against plain ``model.fit(verbose=0)``.

Same model (the dropout preset), same data, split and batch size; each variant trains in a fresh
process, alternating, and the steady-state epoch time (median over epochs 2..N, first epoch
excluded for graph tracing) gives images per second. Ours includes everything a user gets:
the progress callback with Stop/Pause checks per batch, op determinism, and writing
history.csv, summary.json, model.keras and best.keras after every epoch.

    python tests/benchmarks/bench_training_throughput.py [--rounds 2] [--epochs 4] [--limit 3000]

Target (issue #2): ours / plain >= 0.97.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile

from _common import SHARED_MINI, run_child

SETUP = r"""
import json, sys, time
import numpy as np
from cifar_gui.config import TrainConfig
from cifar_gui.data import load_source
source, limit, epochs, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
dataset = load_source(source)
config = TrainConfig(data=source, epochs=epochs, batch_size=batch, limit_train=limit,
                     evaluate_test=False, runs_dir=sys.argv[5])
"""

PLAIN = (
    SETUP
    + r"""
import keras
from cifar_gui.ml.training import prepare_data
from cifar_gui.ml.models import build_model
prepared = prepare_data(config, dataset)
x, y = prepared.dataset.x_train.astype("float32"), prepared.dataset.y_train
keras.utils.set_random_seed(config.seed)
model = build_model("dropout", 10, prepared.stats.mean, prepared.stats.std)
model.compile(optimizer=keras.optimizers.Adam(config.learning_rate), loss="sparse_categorical_crossentropy", metrics=["acc"])
ends = []
class EpochClock(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        ends.append(time.perf_counter())
model.fit(x[prepared.train_idx], y[prepared.train_idx], batch_size=batch, epochs=epochs,
          validation_data=(x[prepared.val_idx], y[prepared.val_idx]), verbose=0, callbacks=[EpochClock()])
print(json.dumps({"ends": ends, "train": len(prepared.train_idx)}))
"""
)

OURS = (
    SETUP
    + r"""
from cifar_gui.ml.training import train
from cifar_gui.progress import TrainingObserver
ends = []
result = train(config, dataset=dataset, observer=TrainingObserver(on_epoch=lambda r: ends.append(time.perf_counter())))
assert result.status == "completed", result.summary
print(json.dumps({"ends": ends}))
"""
)


def steady_epoch_seconds(ends: list[float]) -> float:
    return statistics.median(b - a for a, b in itertools.pairwise(ends))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--limit", type=int, default=3000, help="training images before the split")
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    source = str(SHARED_MINI) if SHARED_MINI.is_file() else "demo"
    times: dict[str, list[float]] = {"plain model.fit": [], "cifar_gui train()": []}
    with tempfile.TemporaryDirectory() as runs:
        argv = (source, str(args.limit), str(args.epochs), str(args.batch_size), runs)
        for _ in range(args.rounds):
            plain = run_child(PLAIN, *argv)
            times["plain model.fit"].append(steady_epoch_seconds(plain["ends"]))
            ours = run_child(OURS, *argv)
            times["cifar_gui train()"].append(steady_epoch_seconds(ours["ends"]))
    train_images = plain["train"]
    print(
        f"data: {source}, {train_images} training images, batch {args.batch_size}, "
        f"{args.epochs} epochs x {args.rounds} rounds (median epoch time of epochs 2..N)"
    )
    base = statistics.median(times["plain model.fit"])
    print(f"{'variant':<20}{'s/epoch':>10}{'images/s':>10}{'ratio':>8}")
    for name, values in times.items():
        seconds = statistics.median(values)
        print(f"{name:<20}{seconds:>10.2f}{train_images / seconds:>10.0f}{base / seconds:>8.3f}")


if __name__ == "__main__":
    main()
