"""A local cache of decoded data sets as ``.npy`` files, so a second load takes a fraction of a second.

Entries are keyed by the source's path, sizes and modification times: editing or replacing the
source makes a new key. A broken or unwritable cache is never an error, only a slower load.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np

from cifar_gui.atomic import current_umask
from cifar_gui.data.dataset import Dataset, LoadReport
from cifar_gui.paths import user_cache_dir

CACHE_FORMAT = 1
_ARRAYS = ("x_train", "y_train", "x_test", "y_test")


def source_fingerprint(path: Path) -> str:
    """A key that changes whenever any file of the source changes."""
    path = path.resolve()
    parts = [f"v{CACHE_FORMAT}", str(path)]
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for file in files:
        stat = file.stat()
        parts.append(
            f"{file.relative_to(path) if file != path else ''}|{stat.st_size}|{stat.st_mtime_ns}"
        )
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


class DatasetCache:
    def __init__(self, root: Path | None = None) -> None:
        self.root = (root or user_cache_dir()) / "datasets"

    def _entry(self, key: str) -> Path:
        return self.root / key

    def load(self, key: str) -> Dataset | None:
        entry = self._entry(key)
        try:
            meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
            arrays = {name: np.load(entry / f"{name}.npy", allow_pickle=False) for name in _ARRAYS}
            dataset = Dataset(
                name=meta["name"],
                source=meta["source"],
                class_names=tuple(meta["class_names"]),
                report=LoadReport(from_cache=True, skipped=[tuple(s) for s in meta["skipped"]]),
                **arrays,
            )
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - a damaged entry is dropped and rebuilt
            shutil.rmtree(entry, ignore_errors=True)
            return None
        return dataset

    def store(self, key: str, dataset: Dataset) -> bool:
        """Write the entry into a temporary folder, then rename it into place; False on failure."""
        entry = self._entry(key)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f".{key}.", dir=self.root))
        except OSError:
            return False
        with contextlib.suppress(OSError):  # mkdtemp's 0700: a shared cache folder stays shared
            staging.chmod(0o777 & ~current_umask())
        try:
            for name in _ARRAYS:
                np.save(staging / f"{name}.npy", getattr(dataset, name), allow_pickle=False)
            meta = {
                "name": dataset.name,
                "source": dataset.source,
                "class_names": list(dataset.class_names),
                "skipped": [list(s) for s in dataset.report.skipped],
            }
            (staging / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
            os.replace(staging, entry)
            return True
        except OSError:
            return False
        finally:
            with contextlib.suppress(OSError):
                if staging.exists():
                    shutil.rmtree(staging, ignore_errors=True)
