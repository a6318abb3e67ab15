"""One entry point from a data-source name (``auto``, ``demo``, ``cifar10`` or a path) to a Dataset."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from cifar_gui.data.cache import DatasetCache, source_fingerprint
from cifar_gui.data.cifar_archive import EXPECTED, load_cifar10
from cifar_gui.data.dataset import Dataset
from cifar_gui.data.demo import make_demo_dataset
from cifar_gui.data.discovery import ARCHIVE_NAME, candidate_locations, cifar_location, find_cifar10
from cifar_gui.data.errors import DataSourceError
from cifar_gui.data.folder_scan import FolderScan, scan_image_folder
from cifar_gui.data.image_folder import load_image_folder
from cifar_gui.i18n import _, os_error_text

log = logging.getLogger(__name__)

AUTO = "auto"
DEMO = "demo"
CIFAR10 = "cifar10"
KINDS = ("demo", "cifar10", "image-folder")


@dataclass(frozen=True)
class ResolvedSource:
    kind: str  # one of KINDS
    path: Path | None = None  # absolute
    scan: FolderScan | None = field(default=None, compare=False, repr=False)  # image folders

    def describe(self) -> str:
        return _("built-in demo shapes") if self.path is None else f"{self.kind}: {self.path}"


def not_found_message() -> str:
    places = "\n  ".join(str(p) for p in candidate_locations())
    return _(
        "CIFAR-10 was not found on this machine. Put {archive_name} (or its extracted "
        "cifar-10-batches-py folder) in one of these places, or set CIFAR10_DIR to it:\n"
        "  {places}\nor run 'cifar-gui data download' on a machine with internet access."
    ).format(archive_name=ARCHIVE_NAME, places=places)


def resolve_source(spec: str) -> ResolvedSource:
    """Decide what ``spec`` names without loading it: a few file checks and, for an image
    folder, one bounded listing (``folder_scan``). Raises ``DataSourceError`` in one line.

    The same checks apply to what the user types or chooses and to a data source read from a
    run's ``config.json`` (which may come from someone else's zip).
    """
    if not isinstance(spec, str) or "\0" in spec or len(spec) > 4096:
        raise DataSourceError(_("the data source must be a path, 'auto', 'demo' or 'cifar10'"))
    if spec in ("", DEMO):
        return ResolvedSource(DEMO)
    if spec in (AUTO, CIFAR10):
        found = find_cifar10()
        if found is not None:
            return ResolvedSource(CIFAR10, found.absolute())
        if spec == CIFAR10:
            raise DataSourceError(not_found_message())
        return ResolvedSource(DEMO)
    path = Path(spec).expanduser().absolute()
    try:
        return _resolve_path(path)
    except OSError as exc:
        raise DataSourceError(
            _("{path}: cannot be read ({error})").format(path=path, error=os_error_text(exc))
        ) from exc


def _resolve_path(path: Path) -> ResolvedSource:
    if not path.exists():
        raise DataSourceError(_("{path}: no such file or folder").format(path=path))
    if (found := cifar_location(path)) is not None:
        return ResolvedSource(CIFAR10, found)
    if not path.is_dir():
        raise DataSourceError(
            _("{path}: neither a CIFAR-10 archive (.tar.gz, .tgz, .tar) nor a folder").format(
                path=path
            )
        )
    scan = scan_image_folder(path)
    if problem := scan.problem():
        raise DataSourceError(
            _("{problem} (nor is it a CIFAR-10 archive or batch folder)").format(problem=problem)
        )
    return ResolvedSource("image-folder", path, scan)


def _cache_files(source: ResolvedSource) -> list[Path] | None:
    """The files the data set is read from, for the cache key (no walk of the folder)."""
    assert source.path is not None
    if source.scan is not None:
        return source.scan.files()
    if source.path.is_dir():
        return [source.path / name for name in EXPECTED if (source.path / name).is_file()]
    return None


def load_source(
    spec: str | ResolvedSource, *, use_cache: bool = True, cache: DatasetCache | None = None
) -> Dataset:
    """Load a data source, from the local cache when it is unchanged since the last load."""
    started = time.perf_counter()
    source = spec if isinstance(spec, ResolvedSource) else resolve_source(spec)
    if source.kind == "image-folder" and source.scan is None and source.path is not None:
        source = ResolvedSource(source.kind, source.path, scan_image_folder(source.path))
    if source.kind == DEMO:
        dataset = make_demo_dataset()
    else:
        assert source.path is not None
        cache = cache or DatasetCache()
        try:
            key = source_fingerprint(source.path, _cache_files(source)) if use_cache else ""
            cached = cache.load(key) if use_cache else None
            if cached is not None:
                dataset = cached
                log.debug("%s: loaded from the cache", source.path)
            else:
                dataset = _load_uncached(source)
                if use_cache:
                    cache.store(key, dataset)
        except OSError as exc:
            raise DataSourceError(
                _("{filename}: cannot be read ({error})").format(
                    filename=exc.filename or source.path, error=os_error_text(exc)
                )
            ) from exc
    dataset.report.seconds = time.perf_counter() - started
    log.info("Data %s (%s): %d training and %d test images, %d classes, in %.1f s",
             dataset.name, dataset.source, len(dataset.x_train), len(dataset.x_test),
             dataset.num_classes, dataset.report.seconds)  # fmt: skip
    return dataset


def _load_uncached(source: ResolvedSource) -> Dataset:
    assert source.path is not None
    if source.kind == CIFAR10:
        return load_cifar10(source.path)
    return load_image_folder(source.path, scan=source.scan)
