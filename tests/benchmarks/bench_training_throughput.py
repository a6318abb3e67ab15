"""Training throughput of the shared training function against plain ``model.fit(verbose=0)``.

Same model (the dropout preset), same data, split and batch size; each variant trains in a fresh
process, alternating, and the steady-state epoch time (median over epochs 2..N, first epoch
excluded for graph tracing) gives images per second. Ours includes everything a user gets:
the progress callback with Stop/Pause checks per batch, op determinism, and writing
history.csv, summary.json, model.keras and best.keras after every epoch.

    python tests/benchmarks/bench_training_throughput.py [--rounds 2] [--epochs 4] [--limit 3000]
        [--preset dropout] [--batch-size N]

``--preset`` trains that preset with its own recipe (``cifar_gui/recipes.py``: optimizer,
schedule, augmentation, batch size unless ``--batch-size`` is given) in both variants.

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
from cifar_gui.recipes import apply_recipe
source, limit, epochs, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
dataset = load_source(source)
config = TrainConfig(data=source, limit_train=limit, evaluate_test=False, runs_dir=sys.argv[5])
apply_recipe(config, sys.argv[6])  # the preset's own recipe; epochs and batch as asked
config.epochs = epochs
config.batch_size = batch or config.batch_size
"""

PLAIN = (
    SETUP
    + r"""
import keras
from cifar_gui.ml.training import prepare_data
from cifar_gui.ml.models import build_model
from cifar_gui.ml.optimizers import build_optimizer
prepared = prepare_data(config, dataset)
x, y = prepared.dataset.x_train.astype("float32"), prepared.dataset.y_train
keras.utils.set_random_seed(config.seed)
model = build_model(config.preset, 10, prepared.stats.mean, prepared.stats.std, augment=config.augment)
steps = -(-len(prepared.train_idx) // config.batch_size)
model.compile(optimizer=build_optimizer(config, steps), loss="sparse_categorical_crossentropy", metrics=["acc"])
ends = []
class EpochClock(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        ends.append(time.perf_counter())
model.fit(x[prepared.train_idx], y[prepared.train_idx], batch_size=config.batch_size, epochs=epochs,
          validation_data=(x[prepared.val_idx], y[prepared.val_idx]), verbose=0, callbacks=[EpochClock()])
print(json.dumps({"ends": ends, "train": len(prepared.train_idx), "batch": config.batch_size}))
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
    parser.add_argument("--batch-size", type=int, default=0, help="0: the preset's recipe")
    parser.add_argument("--preset", default="dropout")
    args = parser.parse_args()
    source = str(SHARED_MINI) if SHARED_MINI.is_file() else "demo"
    times: dict[str, list[float]] = {"plain model.fit": [], "cifar_gui train()": []}
    with tempfile.TemporaryDirectory() as runs:
        argv = (source, str(args.limit), str(args.epochs), str(args.batch_size), runs, args.preset)
        for _ in range(args.rounds):
            plain = run_child(PLAIN, *argv)
            times["plain model.fit"].append(steady_epoch_seconds(plain["ends"]))
            ours = run_child(OURS, *argv)
            times["cifar_gui train()"].append(steady_epoch_seconds(ours["ends"]))
    train_images = plain["train"]
    print(
        f"data: {source}, preset {args.preset}, {train_images} training images, "
        f"batch {plain['batch']}, "
        f"{args.epochs} epochs x {args.rounds} rounds (median epoch time of epochs 2..N)"
    )
    base = statistics.median(times["plain model.fit"])
    print(f"{'variant':<20}{'s/epoch':>10}{'images/s':>10}{'ratio':>8}")
    for name, values in times.items():
        seconds = statistics.median(values)
        print(f"{name:<20}{seconds:>10.2f}{train_images / seconds:>10.0f}{base / seconds:>8.3f}")


if __name__ == "__main__":
    main()
