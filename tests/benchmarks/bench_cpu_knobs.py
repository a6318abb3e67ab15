"""What the CPU offers: training throughput under each TensorFlow/Keras knob, side by side.

Plain ``model.fit`` of the app's own models (``build_model`` with the preset's recipe: optimizer,
schedule, augmentation), training images only; images per second from the median epoch time
(the first epoch, which traces the graphs, not counted) and the ratio to the same preset's
TensorFlow defaults. Knobs inside one process (``IN_PROCESS``) are measured with all variants in
one process taking turns epoch by epoch; knobs of the whole process (``PROCESS``) in one process
each, the processes taking turns. Variants:

- TensorFlow's defaults (oneDNN on, intra- and inter-op threads = cores, NHWC, no XLA);
- oneDNN off (``TF_ENABLE_ONEDNN_OPTS=0``);
- intra-op / inter-op thread counts (``tf.config.threading``);
- ``steps_per_execution`` (several batches per call into the graph);
- XLA (``jit_compile=True``);
- bfloat16 mixed precision (``mixed_bfloat16``: oneDNN runs it on AVX512-BF16/AMX units);
- channels-first against channels-last (the reference's convolution stack built both ways);
- a larger batch.

    python tests/benchmarks/bench_cpu_knobs.py [--rounds 3] [--limit 5000] [--process-rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics

from _common import SHARED_MINI, run_child

CHILD = r"""
import json, os, sys, time
variants = json.loads(sys.argv[1])
threads = json.loads(sys.argv[5])
import tensorflow as tf
import keras
if threads:
    tf.config.threading.set_intra_op_parallelism_threads(threads[0])
    tf.config.threading.set_inter_op_parallelism_threads(threads[1])
from cifar_gui.config import TrainConfig
from cifar_gui.data import load_source
from cifar_gui.ml.models import build_model
from cifar_gui.ml.optimizers import build_optimizer
from cifar_gui.ml.training import prepare_data
from cifar_gui.recipes import apply_recipe
source, limit, rounds = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
dataset = load_source(source)

def conv_stack(fmt):  # the reference's convolution stack, built in the asked layout
    keras.config.set_image_data_format(fmt)
    shape = (3, 32, 32) if fmt == "channels_first" else (32, 32, 3)
    inputs = keras.Input(shape=shape)
    h = keras.layers.Rescaling(1 / 255)(inputs)
    for filters in (32, 64, 128):
        h = keras.layers.Conv2D(filters, 3, padding="same", activation="relu")(h)
        h = keras.layers.Conv2D(filters, 3, padding="same", activation="relu")(h)
        h = keras.layers.MaxPooling2D(2, 2, padding="same")(h)
    h = keras.layers.Dense(256, activation="relu")(keras.layers.Flatten()(h))
    model = keras.Model(inputs, keras.layers.Dense(10, activation="softmax")(h))
    keras.config.set_image_data_format("channels_last")
    return model

setups = []
for v in variants:
    config = TrainConfig(data=source, limit_train=limit, evaluate_test=False)
    apply_recipe(config, v["preset"])
    config.batch_size = v.get("batch") or config.batch_size
    prepared = prepare_data(config, dataset)
    x = prepared.dataset.x_train[prepared.train_idx].astype("float32")
    y = prepared.dataset.y_train[prepared.train_idx]
    keras.utils.set_random_seed(config.seed)
    keras.mixed_precision.set_global_policy(v.get("policy", "float32"))
    if v.get("data_format"):
        model = conv_stack(v["data_format"])
        if v["data_format"] == "channels_first":
            x = x.transpose(0, 3, 1, 2).copy()
    else:
        model = build_model(config.preset, 10, prepared.stats.mean, prepared.stats.std, augment=config.augment)
    keras.mixed_precision.set_global_policy("float32")
    steps = -(-len(x) // config.batch_size)
    model.compile(optimizer=build_optimizer(config, steps), loss="sparse_categorical_crossentropy",
                  metrics=["acc"], steps_per_execution=v.get("spe", 1), jit_compile=v.get("jit", False))
    setups.append((model, x, y, config.batch_size))
seconds = [[] for _ in variants]
for round_ in range(rounds + 1):  # round 0 traces the graphs: not counted
    for i, (model, x, y, batch) in enumerate(setups):
        start = time.perf_counter()
        model.fit(x, y, batch_size=batch, epochs=round_ + 1, initial_epoch=round_, verbose=0)
        if round_:
            seconds[i].append(time.perf_counter() - start)
print(json.dumps({"seconds": seconds, "images": [len(s[1]) for s in setups]}))
"""

# Knobs that live inside one process: every variant gets its own model in one process and
# the variants take turns, one epoch each, round after round, so that the machine's drift
# (these shared machines vary by +-50% from one minute to the next) falls on all of them alike.
# The ratio is to the first variant of the same preset.
IN_PROCESS = [
    ("dropout: TensorFlow defaults", {"preset": "dropout"}),
    ("dropout: steps_per_execution 8", {"preset": "dropout", "spe": 8}),
    ("dropout: XLA (jit_compile)", {"preset": "dropout", "jit": True}),
    ("dropout: mixed_bfloat16", {"preset": "dropout", "policy": "mixed_bfloat16"}),
    ("dropout: batch 128", {"preset": "dropout", "batch": 128}),
    ("fast: TensorFlow defaults", {"preset": "fast"}),
    ("fast: steps_per_execution 8", {"preset": "fast", "spe": 8}),
    ("fast: XLA (jit_compile)", {"preset": "fast", "jit": True}),
    ("fast: mixed_bfloat16", {"preset": "fast", "policy": "mixed_bfloat16"}),
    ("modern: TensorFlow defaults", {"preset": "modern"}),
    ("modern: mixed_bfloat16", {"preset": "modern", "policy": "mixed_bfloat16"}),
    ("conv stack: channels-last (NHWC)", {"preset": "dropout", "data_format": "channels_last"}),
    ("conv stack: channels-first (NCHW)", {"preset": "dropout", "data_format": "channels_first"}),
]

# Knobs of the whole process (oneDNN, thread pools): the reference network in one process per
# setting, the processes taking turns round after round; the ratio is to the defaults' process.
PROCESS = [
    ("process: TensorFlow defaults", {}, None),
    ("process: oneDNN off", {"TF_ENABLE_ONEDNN_OPTS": "0"}, None),
    ("process: threads 1 intra / 1 inter", {}, [1, 1]),
    ("process: threads 2 intra / 1 inter", {}, [2, 1]),
    ("process: threads 4 intra / 2 inter", {}, [4, 2]),
]


def _child(variants: list[dict], source: str, limit: int, rounds: int, env=None, threads=None):
    out = run_child(
        CHILD, json.dumps(variants), source, str(limit), str(rounds), json.dumps(threads),
        env={**os.environ, **(env or {})},
    )  # fmt: skip
    return [
        images / statistics.median(times)
        for images, times in zip(out["images"], out["seconds"], strict=True)
    ]


def _table(rows: list[tuple[str, float]]) -> None:
    base: dict[str, float] = {}
    for name, ips in rows:
        group = name.split(":")[0]
        base.setdefault(group, ips)
        print(f"{name:<38}{ips:>10.0f}{ips / base[group]:>8.2f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="counted epochs per variant")
    parser.add_argument("--limit", type=int, default=5000, help="training images before the split")
    parser.add_argument("--process-rounds", type=int, default=2)
    args = parser.parse_args()
    source = str(SHARED_MINI) if SHARED_MINI.is_file() else "demo"
    print(
        f"data: {source}, limit {args.limit}; images/s of training (median of {args.rounds} epochs)"
    )
    print(f"{'variant':<38}{'images/s':>10}{'ratio':>8}")
    settings = [v for _name, v in IN_PROCESS]
    ips = _child(settings, source, args.limit, args.rounds)
    _table([(name, value) for (name, _v), value in zip(IN_PROCESS, ips, strict=True)])
    process: dict[str, list[float]] = {name: [] for name, _env, _threads in PROCESS}
    for _round in range(args.process_rounds):
        for name, env, threads in PROCESS:
            process[name] += _child([{"preset": "dropout"}], source, args.limit, 2, env, threads)
    _table([(name, statistics.median(values)) for name, values in process.items()])


if __name__ == "__main__":
    main()
