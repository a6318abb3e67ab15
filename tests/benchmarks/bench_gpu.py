"""GPU training speed: the shared ``train()`` against plain ``model.fit`` and against the
reference notebook's 6 ms/step (batch 32, on the GPU it was run on), with and without mixed
precision, at batch 32 and 256. Run it whenever a GPU machine is at hand; it prints a table
in under 5 minutes (each variant in a fresh process, 3 epochs, the median step time of
epochs 2-3 so that graph tracing is excluded). ``train()`` runs 32 batches per call on a GPU
(the app's automatic ``steps_per_execution``); one variant runs it at 1 per call, as plain
``fit``, to show what that brings. For batch 32 it also prints the whole reference experiment's
estimated wall time (30 epochs of 1,094 steps at the measured ms/step, validation included;
issue 12's target: under 60 s) and every variant's epoch-1 validation accuracy, which must
agree within noise (the same updates per step; seeded, but GPU kernels are not deterministic).

    python tests/benchmarks/bench_gpu.py [--limit 12000] [--epochs 3]
    python tests/benchmarks/bench_gpu.py --allow-cpu --limit 600 --epochs 2   # dry run here
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile

from _common import SHARED_MINI, run_child

REFERENCE_MS_PER_STEP = 6.0  # shared/reference/seed-notebook.md, batch 32

CHILD = r"""
import json, sys, time, itertools, statistics
import tensorflow as tf
import keras
from cifar_gui.config import TrainConfig
from cifar_gui.data import load_source
variant, source, limit, epochs, batch, mixed, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6] == "1", sys.argv[7]
per_call = int(sys.argv[8]) or None  # batches per call into the graph; 0: the app's automatic
gpus = tf.config.list_physical_devices("GPU")
for gpu in gpus:
    tf.config.experimental.set_memory_growth(gpu, True)
dataset = load_source(source)
config = TrainConfig(data=source, epochs=epochs, batch_size=batch, limit_train=limit, evaluate_test=False,
                     runs_dir=runs, mixed_precision=mixed, device="auto", deterministic=False,
                     steps_per_execution=per_call)
ends, first_val_acc = [], []
if variant == "plain":
    from cifar_gui.ml.training import prepare_data
    from cifar_gui.ml.models import build_model
    prepared = prepare_data(config, dataset)
    x, y = prepared.dataset.x_train.astype("float32"), prepared.dataset.y_train
    model = build_model("dropout", 10, prepared.stats.mean, prepared.stats.std, mixed_precision=mixed)
    model.compile(optimizer=keras.optimizers.Adam(1e-4), loss="sparse_categorical_crossentropy", metrics=["acc"])
    class Clock(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            ends.append(time.perf_counter())
            first_val_acc.append(float(logs["val_acc"]))
    model.fit(x[prepared.train_idx], y[prepared.train_idx], batch_size=batch, epochs=epochs,
              validation_data=(x[prepared.val_idx], y[prepared.val_idx]), verbose=0, callbacks=[Clock()])
    train_size = len(prepared.train_idx)
else:
    from cifar_gui.ml.training import train
    from cifar_gui.progress import TrainingObserver
    sizes = []
    result = train(config, dataset=dataset, observer=TrainingObserver(
        on_start=lambda s: sizes.append(s.train_size), on_epoch=lambda r: (ends.append(time.perf_counter()), first_val_acc.append(r.val_acc))))
    assert result.status == "completed", result.summary
    train_size = sizes[0]
steps = -(-train_size // batch)
epoch_seconds = statistics.median(b - a for a, b in itertools.pairwise(ends))
print(json.dumps({"ms_per_step": 1000 * epoch_seconds / steps, "steps": steps, "val_acc_1": first_val_acc[0],
                  "device": gpus[0].name if gpus else "CPU",
                  "card": tf.config.experimental.get_device_details(gpus[0]).get("device_name", "?") if gpus else "CPU"}))
"""

VARIANTS = [  # (label, variant, batch, mixed precision, batches per call: 0 = the app's automatic)
    ("plain model.fit, batch 32", "plain", 32, False, 1),
    ("cifar_gui train(), batch 32, 1 per call", "ours", 32, False, 1),
    ("cifar_gui train(), batch 32", "ours", 32, False, 0),
    ("train(), batch 32, mixed precision", "ours", 32, True, 0),
    ("plain model.fit, batch 256", "plain", 256, False, 1),
    ("cifar_gui train(), batch 256", "ours", 256, False, 0),
    ("train(), batch 256, mixed precision", "ours", 256, True, 0),
]
# The reference experiment at full size: 35,000 training images at batch 32 (1,094 steps), 30
# epochs; a step's time here includes its share of the validation pass (the same 30% split).
REFERENCE_STEPS, REFERENCE_EPOCHS = 1094, 30


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--limit", type=int, default=12_000, help="training images before the split"
    )
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--allow-cpu", action="store_true", help="run without a GPU (dry run)")
    args = parser.parse_args()
    probe = run_child(
        "import json, tensorflow as tf; print(json.dumps({'gpus': len(tf.config.list_physical_devices('GPU'))}))"
    )
    if not probe["gpus"] and not args.allow_cpu:
        print("No GPU visible to TensorFlow: this benchmark needs one (--allow-cpu for a dry run).")
        return 2
    source = str(SHARED_MINI) if SHARED_MINI.is_file() else "demo"
    results = {}
    with tempfile.TemporaryDirectory() as runs:
        for label, variant, batch, mixed, per_call in VARIANTS:
            if mixed and not probe["gpus"]:
                continue  # float16 on a CPU is refused by the settings
            results[label] = run_child(CHILD, variant, source, str(args.limit), str(args.epochs),
                                       str(batch), "1" if mixed else "0", runs, str(per_call))  # fmt: skip
    card = next(iter(results.values()))["card"]
    print(
        f"device: {card}; data: {source}, {args.limit} images before the 70/30 split, "
        f"{args.epochs} epochs per variant (median step time of epochs 2..N)"
    )
    print(f"{'variant':<42}{'ms/step':>9}{'images/s':>10}{'vs fit':>8}{'vs 6 ms':>9}"
          f"{'30 epochs':>11}{'val acc 1':>11}")  # fmt: skip
    for label, result in results.items():
        batch = 256 if "256" in label else 32
        plain = results[f"plain model.fit, batch {batch}"]["ms_per_step"]
        ms = result["ms_per_step"]
        versus_reference = f"{REFERENCE_MS_PER_STEP / ms:>9.2f}" if batch == 32 else f"{'':>9}"
        # The whole reference experiment (batch 32 only): 30 epochs of 1,094 steps, estimated.
        whole = (
            f"{REFERENCE_EPOCHS * REFERENCE_STEPS * ms / 1000:>10.0f}s"
            if batch == 32
            else f"{'':>11}"
        )
        print(
            f"{label:<42}{ms:>9.2f}{batch * 1000 / ms:>10.0f}{plain / ms:>8.3f}{versus_reference}"
            f"{whole}{result['val_acc_1']:>11.4f}"
        )
    print(json.dumps({k: round(v["ms_per_step"], 3) for k, v in results.items()}), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
