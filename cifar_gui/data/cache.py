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

CACHE_FORMAT = 2  # 2: load reports name the folders left out
_ARRAYS = ("x_train", "y_train", "x_test", "y_test")


def source_fingerprint(path: Path, files: list[Path] | None = None) -> str:
    """A key that changes whenever any file of the source changes.

    ``files``: the files the data set is read from (an image folder's scan, a batch folder's
    batches); without it, ``path`` itself when it is a file, else the files directly inside it.
    Never a recursive walk: a source of ``/`` must not make the key cost minutes.
    """
    path = path.absolute()
    parts = [f"v{CACHE_FORMAT}", str(path)]
    if files is None:
        files = [path] if path.is_file() else sorted(p for p in path.iterdir() if p.is_file())
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
                report=LoadReport(
                    from_cache=True,
                    skipped=[tuple(s) for s in meta["skipped"]],
                    excluded=[tuple(s) for s in meta["excluded"]],
                ),
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
                "excluded": [list(s) for s in dataset.report.excluded],
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
