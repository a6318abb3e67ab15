"""Time to accuracy: each preset with its own recipe against the reference, side by side.

Every preset trains in a fresh process through the app's own ``train()`` (what a user gets),
alternating on the same machine in one run; the clock counts training and validation from the
first batch (TensorFlow's import and the data loading excluded, the same for all). For each
preset it prints the validation accuracy per epoch, the reference's best accuracy, the time each
preset needs to first reach it, the ratio to the reference's, and the final test accuracy.

    python tests/benchmarks/bench_presets.py --data mini [--presets dropout,fast,modern]
        [--reference-epochs 30] [--estimate-reference]

``--estimate-reference`` (for the 40k archive, where 30 reference epochs take over an hour on
2 cores): the reference trains only ``--reference-epochs`` epochs to measure its seconds per
epoch; its best accuracy and the epoch where it first reaches it come from the notebook's own
curve (``shared/reference/seed_run.csv``), and its time to that accuracy is that epoch x the
measured seconds per epoch. The table says so.

Targets (issue 12): fast reaches the reference's best in <= 0.3x the reference's time to it, and
its final test accuracy is clearly above the reference's; modern's validation accuracy is at
least the reference's at every epoch from the second.
"""

from __future__ import annotations

import argparse
import csv
import tempfile

from _common import ROOT, SHARED_MINI, run_child

SHARED_40K = ROOT.parent / "shared/data/cifar10-40k/cifar-10-python.tar.gz"
SEED_RUN = ROOT.parent / "shared/reference/seed_run.csv"
REFERENCE = "dropout"

CHILD = r"""
import json, sys, time
from cifar_gui.config import TrainConfig
from cifar_gui.data import load_source
from cifar_gui.ml.training import train
from cifar_gui.progress import TrainingObserver
from cifar_gui.recipes import apply_recipe
source, preset, epochs, runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
dataset = load_source(source)
config = TrainConfig(data=source, runs_dir=runs)
apply_recipe(config, preset)
if epochs:
    config.epochs = epochs
rows, clock = [], {}
def on_batch(progress):
    clock.setdefault("start", time.perf_counter())
def on_epoch(r):
    rows.append({"epoch": r.epoch, "val_acc": r.val_acc, "t": time.perf_counter() - clock["start"]})
result = train(config, dataset=dataset, observer=TrainingObserver(on_batch=on_batch, on_epoch=on_epoch))
assert result.status == "completed", result.summary
print(json.dumps({"rows": rows, "test_acc": result.summary.get("test_acc"),
                  "recipe": {k: getattr(config, k) for k in ("optimizer", "learning_rate",
                  "schedule", "warmup_epochs", "batch_size", "epochs", "augment")}}))
"""


def seed_curve() -> list[float]:
    """The notebook's validation accuracy per epoch (``seed_run.csv``, 35,000 training images)."""
    with SEED_RUN.open(encoding="utf-8") as handle:
        return [float(row["val_acc"]) for row in csv.DictReader(handle)]


def time_to(rows: list[dict], target: float) -> tuple[int, float] | None:
    """(epoch, seconds) of the first epoch whose validation accuracy reaches ``target``."""
    return next(((r["epoch"], r["t"]) for r in rows if r["val_acc"] >= target - 1e-9), None)


def margins(rows: list[dict], reference: list[float]) -> str:
    """Each epoch's validation accuracy minus the reference's at the same epoch (signed, 3
    decimals), and whether it is at least the reference's at every epoch from the second."""
    diffs = [r["val_acc"] - reference[r["epoch"] - 1] for r in rows if r["epoch"] <= len(reference)]
    ok = all(d >= 0 for d in diffs[1:])
    return " ".join(f"{d:+.3f}" for d in diffs) + f"  (>= from epoch 2: {'yes' if ok else 'NO'})"


def reference_line(rows: list[dict], estimate: bool) -> tuple[float, int, float, str]:
    """The reference's best accuracy, the epoch it first reaches it, the time to it, and how."""
    if not estimate:
        best = max(r["val_acc"] for r in rows)
        epoch, seconds = time_to(rows, best)
        return best, epoch, seconds, "measured"
    curve = seed_curve()
    best = max(curve)
    epoch = curve.index(best) + 1
    per_epoch = rows[-1]["t"] / len(rows)
    return (
        best,
        epoch,
        epoch * per_epoch,
        (f"estimated: epoch {epoch} of seed_run.csv x {per_epoch:.1f} s/epoch measured here"),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="mini", help="mini, 40k or a path")
    parser.add_argument("--presets", default="fast,modern")
    parser.add_argument("--reference-epochs", type=int, default=0, help="0: its recipe's 30")
    parser.add_argument("--epochs", type=int, default=0, help="0: each preset's recipe")
    parser.add_argument("--estimate-reference", action="store_true")
    parser.add_argument("--keep-runs", default="", help="a folder to keep the run folders in")
    args = parser.parse_args()
    source = {"mini": str(SHARED_MINI), "40k": str(SHARED_40K)}.get(args.data, args.data)
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        runs = args.keep_runs or scratch
        results[REFERENCE] = run_child(CHILD, source, REFERENCE, str(args.reference_epochs), runs)
        for preset in args.presets.split(","):
            results[preset] = run_child(CHILD, source, preset, str(args.epochs), runs)
    ref_rows = results[REFERENCE]["rows"]
    best, ref_epoch, ref_seconds, how = reference_line(ref_rows, args.estimate_reference)
    print(f"data: {source}")
    print(
        f"reference ({REFERENCE}) best val_acc {best:.4f} at epoch {ref_epoch}, {ref_seconds:.0f} s ({how})"
    )
    print(
        f"{'preset':<10}{'epochs':>7}{'s/epoch':>9}{'reach':>7}{'time':>8}{'ratio':>7}{'test':>8}  val_acc per epoch"
    )
    for preset, result in results.items():
        rows = result["rows"]
        reached = time_to(rows, best)
        reach = (
            f"{reached[0]:>7}{reached[1]:>8.0f}{reached[1] / ref_seconds:>7.2f}"
            if reached
            else f"{'-':>7}{'-':>8}{'-':>7}"
        )
        test = result["test_acc"]
        curve = " ".join(f"{r['val_acc']:.3f}" for r in rows)
        print(
            f"{preset:<10}{len(rows):>7}{rows[-1]['t'] / len(rows):>9.1f}{reach}"
            f"{test if test is None else format(test, '.4f'):>8}  {curve}"
        )
    for preset, result in results.items():
        print(f"recipe {preset}: {result['recipe']}")
    reference = seed_curve() if args.estimate_reference else [r["val_acc"] for r in ref_rows]
    for preset, result in results.items():
        if preset != REFERENCE:
            print(
                f"{preset} vs the reference, epoch by epoch: {margins(result['rows'], reference)}"
            )


if __name__ == "__main__":
    main()
