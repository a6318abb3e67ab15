"""Helpers shared by the benchmark scripts: archives to measure on and child-process runs."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
SHARED_MINI = ROOT.parent / "shared/data/cifar10-mini/cifar-10-python.tar.gz"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def full_size_archive(folder: Path) -> Path:
    """A 50,000 + 10,000 image archive in the official format.

    Built from the shared real images (repeated) when present, so it compresses like the real
    archive; from random pixels otherwise. Made once and reused from ``folder``.
    """
    from archive_factory import batch_bytes, meta_bytes, random_split

    path = folder / "cifar-10-python.tar.gz"
    if path.is_file():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    if SHARED_MINI.is_file():
        from cifar_gui.data.cifar_archive import load_cifar10

        mini = load_cifar10(SHARED_MINI)
        pool_x = np.concatenate([mini.x_train, mini.x_test])
        pool_y = np.concatenate([mini.y_train, mini.y_test])
    else:
        pool_x, pool_y = random_split(12_000, seed=0)
    files = {"batches.meta": meta_bytes()}
    rng = np.random.default_rng(0)
    for name in [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]:
        pick = rng.integers(0, len(pool_x), 10_000)
        files[name] = batch_bytes(pool_x[pick], pool_y[pick], name)
    tmp = path.with_suffix(".partial")
    with tarfile.open(tmp, "w:gz", compresslevel=6) as tar:
        import io

        for name, data in files.items():
            info = tarfile.TarInfo("cifar-10-batches-py/" + name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    tmp.rename(path)
    return path


def run_child(code: str, *args: str, env: dict | None = None) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON object as its last line."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, env=env
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])
