"""One entry point from a data-source name (``auto``, ``demo``, ``cifar10`` or a path) to a Dataset."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from cifar_gui.data.cache import DatasetCache, source_fingerprint
from cifar_gui.data.cifar_archive import is_cifar_archive_file, is_cifar_batch_folder, load_cifar10
from cifar_gui.data.dataset import Dataset
from cifar_gui.data.demo import make_demo_dataset
from cifar_gui.data.discovery import ARCHIVE_NAME, candidate_locations, find_cifar10
from cifar_gui.data.errors import DataSourceError
from cifar_gui.data.image_folder import is_image_folder, load_image_folder

log = logging.getLogger(__name__)

AUTO = "auto"
DEMO = "demo"
CIFAR10 = "cifar10"
KINDS = ("demo", "cifar10", "image-folder")


@dataclass(frozen=True)
class ResolvedSource:
    kind: str  # one of KINDS
    path: Path | None = None

    def describe(self) -> str:
        return "built-in demo shapes" if self.path is None else f"{self.kind}: {self.path}"


def not_found_message() -> str:
    places = "\n  ".join(str(p) for p in candidate_locations())
    return (
        f"CIFAR-10 was not found on this machine. Put {ARCHIVE_NAME} (or its extracted "
        f"cifar-10-batches-py folder) in one of these places, or set CIFAR10_DIR to it:\n  {places}\n"
        "or run 'cifar-gui data download' on a machine with internet access."
    )


def resolve_source(spec: str) -> ResolvedSource:
    """Decide what ``spec`` names without loading it."""
    if spec in ("", DEMO):
        return ResolvedSource(DEMO)
    if spec in (AUTO, CIFAR10):
        found = find_cifar10()
        if found is not None:
            return ResolvedSource(CIFAR10, found)
        if spec == CIFAR10:
            raise DataSourceError(not_found_message())
        return ResolvedSource(DEMO)
    path = Path(spec).expanduser()
    if not path.exists():
        raise DataSourceError(f"{path}: no such file or folder")
    if is_cifar_archive_file(path) or is_cifar_batch_folder(path):
        return ResolvedSource(CIFAR10, path)
    if path.is_dir() and is_cifar_batch_folder(path / "cifar-10-batches-py"):
        return ResolvedSource(CIFAR10, path / "cifar-10-batches-py")
    if is_image_folder(path):
        return ResolvedSource("image-folder", path)
    raise DataSourceError(
        f"{path}: neither a CIFAR-10 archive or batch folder nor an image folder "
        "(ROOT/<class>/*.png)"
    )


def load_source(
    spec: str | ResolvedSource, *, use_cache: bool = True, cache: DatasetCache | None = None
) -> Dataset:
    """Load a data source, from the local cache when it is unchanged since the last load."""
    started = time.perf_counter()
    source = spec if isinstance(spec, ResolvedSource) else resolve_source(spec)
    if source.kind == DEMO:
        dataset = make_demo_dataset()
    else:
        assert source.path is not None
        cache = cache or DatasetCache()
        key = source_fingerprint(source.path) if use_cache else ""
        cached = cache.load(key) if use_cache else None
        if cached is not None:
            dataset = cached
            log.debug("%s: loaded from the cache", source.path)
        else:
            loader = load_cifar10 if source.kind == CIFAR10 else load_image_folder
            dataset = loader(source.path)
            if use_cache:
                cache.store(key, dataset)
    dataset.report.seconds = time.perf_counter() - started
    log.info("Data %s (%s): %d training and %d test images, %d classes, in %.1f s",
             dataset.name, dataset.source, len(dataset.x_train), len(dataset.x_test),
             dataset.num_classes, dataset.report.seconds)  # fmt: skip
    return dataset
