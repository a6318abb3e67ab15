"""Writes CIFAR-10 archives in the official "python version" format, for tests and benchmarks.

Batches are dicts with byte-string keys pickled with protocol 2, exactly as the official files
(written by Python 2) unpickle: ``data`` N x 3072 uint8 (R plane, G plane, B plane), ``labels``,
``filenames`` and ``batch_label``.
"""

from __future__ import annotations

import io
import pickle
import struct
import tarfile
from pathlib import Path

import numpy as np

CLASS_NAMES = [
    "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck",
]  # fmt: skip


class Python2Pickler(pickle._Pickler):
    """Writes byte strings as Python 2's cPickle did (BINSTRING), as in the official archive.

    Python 3's own protocol 2 writes them as ``_codecs.encode(text, 'latin1')`` calls instead,
    which is how the shared mini archive was made; the loader must accept both.
    """

    dispatch = pickle._Pickler.dispatch.copy()

    def save_py2_string(self, obj: bytes) -> None:
        if len(obj) < 256:
            self.write(pickle.SHORT_BINSTRING + bytes([len(obj)]) + obj)
        else:
            self.write(pickle.BINSTRING + struct.pack("<i", len(obj)) + obj)
        self.memoize(obj)

    dispatch[bytes] = save_py2_string


def dumps(obj, flavour: str = "python2") -> bytes:
    if flavour == "python3":
        return pickle.dumps(obj, protocol=2)
    buffer = io.BytesIO()
    Python2Pickler(buffer, protocol=2).dump(obj)
    return buffer.getvalue()


def batch_bytes(
    images: np.ndarray, labels: np.ndarray, label: str = "batch", flavour: str = "python2"
) -> bytes:
    """Pickle (N, 32, 32, 3) uint8 images as one official batch."""
    rows = images.transpose(0, 3, 1, 2).reshape(len(images), -1)
    batch = {
        b"batch_label": label.encode(),
        b"labels": [int(v) for v in labels],
        b"data": np.ascontiguousarray(rows, dtype=np.uint8),
        b"filenames": [f"img_{i}.png".encode() for i in range(len(images))],
    }
    return dumps(batch, flavour)


def meta_bytes(names: list[str] = CLASS_NAMES, flavour: str = "python2") -> bytes:
    meta = {
        b"label_names": [n.encode() for n in names],
        b"num_cases_per_batch": 10,
        b"num_vis": 3072,
    }
    return dumps(meta, flavour)


def random_split(count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(count, 32, 32, 3), dtype=np.uint8)
    labels = rng.integers(0, 10, size=count).astype(np.int64)
    return images, labels


def batch_files(
    per_batch: int = 20, test_count: int = 20, seed: int = 0, flavour: str = "python2"
) -> dict[str, bytes]:
    """The seven files of an archive: five training batches, the test batch and the metadata."""
    files = {"batches.meta": meta_bytes(flavour=flavour)}
    for i in range(1, 6):
        images, labels = random_split(per_batch, seed + i)
        files[f"data_batch_{i}"] = batch_bytes(images, labels, f"training {i}", flavour)
    images, labels = random_split(test_count, seed + 99)
    files["test_batch"] = batch_bytes(images, labels, "testing", flavour)
    return files


def write_tar(path: Path, files: dict[str, bytes], prefix: str = "cifar-10-batches-py/") -> Path:
    mode = "w:gz" if path.name.endswith("gz") else "w"
    with tarfile.open(path, mode) as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(prefix + name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def write_folder(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def write_archive(
    path: Path, per_batch: int = 20, test_count: int = 20, seed: int = 0, flavour: str = "python2"
) -> Path:
    return write_tar(path, batch_files(per_batch, test_count, seed, flavour))
