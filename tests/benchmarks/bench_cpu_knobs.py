"""What the CPU offers: training throughput under each TensorFlow/Keras knob, side by side.

Each variant trains in a fresh process with plain ``model.fit`` (the app's own models, built by
``build_model`` with the preset's recipe: optimizer, schedule, augmentation), training images
only, and reports the median epoch time of epochs 2..N (the first traces the graphs) as images
per second and as a ratio to the preset's default variant, measured in the same run. Variants:

- TensorFlow's defaults (oneDNN on, intra- and inter-op threads = cores, NHWC, no XLA);
- oneDNN off (``TF_ENABLE_ONEDNN_OPTS=0``);
- intra-op / inter-op thread counts (``tf.config.threading``);
- ``steps_per_execution`` (several batches per call into the graph);
- XLA (``jit_compile=True``);
- bfloat16 mixed precision (``mixed_bfloat16``: oneDNN runs it on AVX512-BF16/AMX units);
- channels-first against channels-last (the reference's convolution stack built both ways);
- a larger batch.

    python tests/benchmarks/bench_cpu_knobs.py [--epochs 3] [--limit 3000] [--only NAME,...]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics

from _common import SHARED_MINI, run_child

CHILD = r"""
import json, os, sys, time
variant = json.loads(sys.argv[1])
import tensorflow as tf
import keras
if variant.get("threads"):
    tf.config.threading.set_intra_op_parallelism_threads(variant["threads"][0])
    tf.config.threading.set_inter_op_parallelism_threads(variant["threads"][1])
if variant.get("policy"):
    keras.mixed_precision.set_global_policy(variant["policy"])
from cifar_gui.config import TrainConfig
from cifar_gui.data import load_source
from cifar_gui.ml.models import build_model
from cifar_gui.ml.optimizers import build_optimizer
from cifar_gui.ml.training import prepare_data
from cifar_gui.recipes import apply_recipe
source, limit, epochs = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
dataset = load_source(source)
config = TrainConfig(data=source, limit_train=limit, evaluate_test=False)
apply_recipe(config, variant["preset"])
config.batch_size = variant.get("batch") or config.batch_size
prepared = prepare_data(config, dataset)
x = prepared.dataset.x_train[prepared.train_idx].astype("float32")
y = prepared.dataset.y_train[prepared.train_idx]
keras.utils.set_random_seed(config.seed)
fmt = variant.get("data_format")
if fmt:  # the reference's convolution stack, built in the asked layout
    keras.config.set_image_data_format(fmt)
    if fmt == "channels_first":
        x = x.transpose(0, 3, 1, 2).copy()
    inputs = keras.Input(shape=x.shape[1:])
    h = keras.layers.Rescaling(1 / 255)(inputs)
    for filters in (32, 64, 128):
        h = keras.layers.Conv2D(filters, 3, padding="same", activation="relu")(h)
        h = keras.layers.Conv2D(filters, 3, padding="same", activation="relu")(h)
        h = keras.layers.MaxPooling2D(2, 2, padding="same")(h)
    h = keras.layers.Dense(256, activation="relu")(keras.layers.Flatten()(h))
    model = keras.Model(inputs, keras.layers.Dense(10, activation="softmax")(h))
else:
    model = build_model(config.preset, 10, prepared.stats.mean, prepared.stats.std, augment=config.augment)
steps = -(-len(x) // config.batch_size)
model.compile(optimizer=build_optimizer(config, steps), loss="sparse_categorical_crossentropy",
              metrics=["acc"], steps_per_execution=variant.get("spe", 1),
              jit_compile=variant.get("jit", False))
ends = []
class EpochClock(keras.callbacks.Callback):
    def on_epoch_end(self, epoch, logs=None):
        ends.append((time.perf_counter(), float(logs["acc"])))
model.fit(x, y, batch_size=config.batch_size, epochs=epochs, verbose=0, callbacks=[EpochClock()])
print(json.dumps({"ends": ends, "images": len(x), "batch": config.batch_size}))
"""

# (name, baseline name, variant settings); a variant's ratio is to its baseline's images/s.
VARIANTS = [
    ("dropout: TensorFlow defaults", None, {"preset": "dropout"}),
    ("dropout: oneDNN off", "dropout: TensorFlow defaults", {"preset": "dropout", "env": {"TF_ENABLE_ONEDNN_OPTS": "0"}}),
    ("dropout: threads 1 intra / 1 inter", "dropout: TensorFlow defaults", {"preset": "dropout", "threads": [1, 1]}),
    ("dropout: threads 2 intra / 1 inter", "dropout: TensorFlow defaults", {"preset": "dropout", "threads": [2, 1]}),
    ("dropout: threads 4 intra / 2 inter", "dropout: TensorFlow defaults", {"preset": "dropout", "threads": [4, 2]}),
    ("dropout: steps_per_execution 8", "dropout: TensorFlow defaults", {"preset": "dropout", "spe": 8}),
    ("dropout: XLA (jit_compile)", "dropout: TensorFlow defaults", {"preset": "dropout", "jit": True}),
    ("dropout: mixed_bfloat16", "dropout: TensorFlow defaults", {"preset": "dropout", "policy": "mixed_bfloat16"}),
    ("dropout: batch 128", "dropout: TensorFlow defaults", {"preset": "dropout", "batch": 128}),
    ("conv stack: channels-last (NHWC)", None, {"preset": "dropout", "data_format": "channels_last"}),
    ("conv stack: channels-first (NCHW)", "conv stack: channels-last (NHWC)", {"preset": "dropout", "data_format": "channels_first"}),
    ("fast: TensorFlow defaults", None, {"preset": "fast"}),
    ("fast: steps_per_execution 8", "fast: TensorFlow defaults", {"preset": "fast", "spe": 8}),
    ("fast: XLA (jit_compile)", "fast: TensorFlow defaults", {"preset": "fast", "jit": True}),
    ("fast: mixed_bfloat16", "fast: TensorFlow defaults", {"preset": "fast", "policy": "mixed_bfloat16"}),
    ("modern: TensorFlow defaults", None, {"preset": "modern"}),
    ("modern: mixed_bfloat16", "modern: TensorFlow defaults", {"preset": "modern", "policy": "mixed_bfloat16"}),
]  # fmt: skip


def measure(settings: dict, source: str, limit: int, epochs: int) -> dict:
    """One variant in a fresh process: images/s (median of epochs 2..N) and the last train acc."""
    env = {**os.environ, **settings.get("env", {})}
    try:
        out = run_child(CHILD, json.dumps(settings), source, str(limit), str(epochs), env=env)
    except RuntimeError as exc:  # a knob this TensorFlow build cannot run
        return {"error": str(exc).strip().splitlines()[-1][:100]}
    times = [b[0] - a[0] for a, b in itertools.pairwise(out["ends"])]
    return {"ips": out["images"] / statistics.median(times), "acc": out["ends"][-1][1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--limit", type=int, default=3000, help="training images before the split")
    parser.add_argument("--only", default="", help="comma-separated name prefixes")
    args = parser.parse_args()
    source = str(SHARED_MINI) if SHARED_MINI.is_file() else "demo"
    wanted = [p for p in args.only.split(",") if p]
    results: dict[str, dict] = {}
    print(f"data: {source}, limit {args.limit}, {args.epochs} epochs (median of epochs 2..N)")
    print(f"{'variant':<38}{'images/s':>10}{'ratio':>8}{'train acc':>11}")
    for name, base, settings in VARIANTS:
        if wanted and not any(name.startswith(p) for p in wanted):
            continue
        result = results[name] = measure(settings, source, args.limit, args.epochs)
        if "error" in result:
            print(f"{name:<38}  fails: {result['error']}")
            continue
        ratio = result["ips"] / results[base]["ips"] if base in results else 1.0
        print(f"{name:<38}{result['ips']:>10.0f}{ratio:>8.2f}{result['acc']:>11.3f}", flush=True)


if __name__ == "__main__":
    main()
