"""Data loading against the reference notebook's pipeline, side by side in one run.

Reference: extract the archive, unpickle the batches, normalise the whole set in float64
((x - mean) / std over axes 0,1,2) and split the float arrays with train_test_split.
Ours: stream the archive with the safe loader (uint8), exact channel statistics, index split;
and a second load from the local cache. Each measurement runs in a fresh process, so the
peak resident memory (ru_maxrss) is its own.

    python tests/benchmarks/bench_data_loading.py [--rounds 2] [--workdir /tmp/cifar-bench]

Targets (issue #2): time ratio <= 0.25 and peak-memory ratio <= 0.40 on the full-size archive.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path

from _common import SHARED_MINI, full_size_archive, run_child

REFERENCE = r"""
import json, pickle, resource, sys, tarfile, tempfile, time
import numpy as np
from sklearn.model_selection import train_test_split
t0 = time.perf_counter()
with tempfile.TemporaryDirectory() as tmp:
    with tarfile.open(sys.argv[1]) as tar:
        tar.extractall(tmp, filter="data")
    def read(name):
        with open(f"{tmp}/cifar-10-batches-py/{name}", "rb") as f:
            d = pickle.load(f, encoding="bytes")
        return d[b"data"].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1), np.array(d[b"labels"])
    parts = [read(f"data_batch_{i}") for i in range(1, 6)]
    x_train = np.concatenate([p[0] for p in parts]); y_train = np.concatenate([p[1] for p in parts])
    x_test, y_test = read("test_batch")
x_train = x_train.astype("float64"); x_test = x_test.astype("float64")
mean = np.mean(x_train, axis=(0, 1, 2)); std = np.std(x_train, axis=(0, 1, 2))
x_train = (x_train - mean) / std; x_test = (x_test - mean) / std
x_tr, x_val, y_tr, y_val = train_test_split(x_train, y_train, test_size=0.3, random_state=777)
seconds = time.perf_counter() - t0
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "train": len(x_tr)}))
"""

OURS = r"""
import json, resource, sys, time
import numpy as np
from sklearn.model_selection import train_test_split
from cifar_gui.data import load_source
from cifar_gui.data.preprocessing import channel_stats, split_indices
t0 = time.perf_counter()
data = load_source(sys.argv[1], use_cache=sys.argv[2] == "cache")
load_seconds = time.perf_counter() - t0
stats = channel_stats(data.x_train)
train_idx, val_idx = split_indices(data.y_train, 0.3, 777)
seconds = time.perf_counter() - t0
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "train": len(train_idx), "from_cache": data.report.from_cache, "load_seconds": load_seconds}))
"""


def measure(archive: Path, rounds: int, cache_dir: str) -> dict[str, dict[str, float]]:
    env = dict(os.environ, CIFAR_GUI_CACHE_DIR=cache_dir)
    runs: dict[str, list[dict]] = {"reference": [], "ours": [], "ours_cached": []}
    for _ in range(rounds):  # interleaved, so drift on a noisy machine hits both alike
        runs["reference"].append(run_child(REFERENCE, str(archive), env=env))
        runs["ours"].append(run_child(OURS, str(archive), "nocache", env=env))
        run_child(OURS, str(archive), "cache", env=env)  # make sure the cache is filled
        cached = run_child(OURS, str(archive), "cache", env=env)
        assert cached["from_cache"], "the second load did not come from the cache"
        runs["ours_cached"].append(cached)
    return {
        name: {
            "seconds": statistics.median(r["seconds"] for r in results),
            "peak_mb": statistics.median(r["peak_mb"] for r in results),
            "load_only": statistics.median(r.get("load_seconds", r["seconds"]) for r in results),
        }
        for name, results in runs.items()
    }


def report(label: str, archive: Path, results: dict[str, dict[str, float]]) -> None:
    ref = results["reference"]
    print(f"\n{label}: {archive}")
    print(
        f"{'pipeline':<14}{'seconds':>9}{'(load only)':>13}{'peak MB':>9}"
        f"{'time ratio':>12}{'memory ratio':>14}"
    )
    for name, r in results.items():
        print(
            f"{name:<14}{r['seconds']:>9.3f}{r['load_only']:>13.3f}{r['peak_mb']:>9.0f}"
            f"{r['seconds'] / ref['seconds']:>12.3f}{r['peak_mb'] / ref['peak_mb']:>14.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--workdir", default=os.path.join(tempfile.gettempdir(), "cifar-gui-bench"))
    args = parser.parse_args()
    workdir = Path(args.workdir)
    with tempfile.TemporaryDirectory() as cache_dir:
        if SHARED_MINI.is_file():
            report(
                "shared mini archive (12,000 images)",
                SHARED_MINI,
                measure(SHARED_MINI, args.rounds, cache_dir),
            )
        full = full_size_archive(workdir / "full")
        report("full-size archive (60,000 images)", full, measure(full, args.rounds, cache_dir))


if __name__ == "__main__":
    main()
