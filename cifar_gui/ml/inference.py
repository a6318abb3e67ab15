"""Loading trained models safely and classifying image files with them."""

from __future__ import annotations

import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import keras
import numpy as np

from cifar_gui.data.errors import DataSourceError
from cifar_gui.data.fingerprint import stored_data_source
from cifar_gui.data.images import DecodedImage, ImageError, load_image_array
from cifar_gui.i18n import _
from cifar_gui.keras_file_check import (
    KerasFileRefused,
    check_keras_file,
    same_release_line,
    version_sentence,
)
from cifar_gui.ml.evaluation import predict_probabilities
from cifar_gui.ml.explain import ExplainError, GradCam
from cifar_gui.run_store.archive import RunArchiveError, is_run_archive, unpack_run_archive
from cifar_gui.run_store.files import CONFIG, MODEL
from cifar_gui.run_store.record import RunRecord


class ModelLoadError(ValueError):
    """The file is not a usable model; the message says why in one sentence, and ``details``
    holds the full reason (Keras's own error, say) when there is more to tell."""

    def __init__(self, message: str, details: str | None = None) -> None:
        super().__init__(message)
        self.details = details


@dataclass
class LoadedModel:
    model: keras.Model
    class_names: tuple[str, ...]
    path: Path
    run_dir: Path | None = None  # the run folder it came from, if any
    data_source: str | None = None  # the data it was trained on, from the run's config.json
    run_config: dict | None = None  # that config.json, to check the data against (fingerprint)
    # One prediction at a time: the GUI may classify a folder while the user looks at an image.
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)


def resolve_model_path(path: str | Path) -> tuple[Path, RunRecord | None]:
    """A run folder means its ``model.keras``; a ``.keras`` file is taken as it is."""
    path = Path(path)
    if path.is_dir() and (path / "saved_model.pb").is_file():
        try:
            check_keras_file(path)  # says what a SavedModel is and how to convert it
        except KerasFileRefused as exc:
            raise ModelLoadError(str(exc)) from exc
    if path.is_dir():
        model_path = path / MODEL
        if not model_path.is_file():
            raise ModelLoadError(
                _("{path}: this run folder has no {model_file} (no epoch finished?)").format(
                    path=path, model_file=MODEL
                )
            )
        return model_path, RunRecord(path)
    if not path.is_file():
        raise ModelLoadError(_("{path}: no such file or folder").format(path=path))
    parent = RunRecord(path.parent)
    return path, parent if (path.parent / CONFIG).is_file() else None


def load_model(path: str | Path) -> LoadedModel:
    """Load a model someone may have sent: every check of ``keras_file_check`` (version floor,
    layout, allow-list, sizes) first, then Keras in safe mode, without the compile settings.

    ``path`` is a run folder, a ``.keras`` file, or a run exported as a zip. Raises
    ``ModelLoadError`` with one sentence.
    """
    if Path(path).is_file() and is_run_archive(path):
        with tempfile.TemporaryDirectory(prefix="cifar-gui-import-") as folder:
            try:
                record = unpack_run_archive(path, folder)
            except RunArchiveError as exc:
                raise ModelLoadError(str(exc)) from exc
            try:
                loaded = _load_model_file(record.model_path, record)
            except ModelLoadError as exc:  # name the zip, not the temporary copy
                inside = f"{path}:{MODEL}"
                message = str(exc).replace(str(record.model_path), inside)
                raise ModelLoadError(message, exc.details) from exc
        loaded.path, loaded.run_dir = Path(path), None
        return loaded
    model_path, record = resolve_model_path(path)
    return _load_model_file(model_path, record)


def _load_model_file(model_path: Path, record: RunRecord | None) -> LoadedModel:
    try:
        checked = check_keras_file(model_path)
    except KerasFileRefused as exc:
        raise ModelLoadError(str(exc), exc.details) from exc
    try:
        model = keras.saving.load_model(model_path, compile=False, safe_mode=True)
    except Exception as exc:
        raise load_failure(model_path, checked.writer_version, exc) from exc
    shape = tuple(model.input_shape[1:]) if not isinstance(model.input_shape, list) else None
    if shape != (32, 32, 3):
        raise ModelLoadError(
            _("{model_path}: expects inputs of shape {shape}, not 32x32 RGB images").format(
                model_path=model_path, shape=shape
            )
        )
    classes = model.output_shape[-1]
    names = record.class_names() if record else None
    if not names or len(names) != classes:
        names = tuple(f"class {i}" for i in range(classes))
    source, config = None, None
    if record is not None:
        try:
            config = record.read_config()
            source = stored_data_source(config)
        except (OSError, ValueError, DataSourceError):
            source = None
    return LoadedModel(
        model, names, model_path, record.path if record else None, source or None, config
    )


def load_failure(model_path: Path, writer: str, exc: BaseException) -> ModelLoadError:
    """One sentence for a file that passed the checks but that Keras cannot load: which Keras
    wrote it and which is installed when they differ; Keras's whole message as the details."""
    details = f"{type(exc).__name__}: {exc}"
    if not same_release_line(writer, keras.version()):
        return ModelLoadError(version_sentence(str(model_path), writer, keras.version()), details)
    first = details.splitlines()[0] if details.strip() else type(exc).__name__
    first = first if len(first) <= 160 else first[:157] + "..."
    return ModelLoadError(
        _("{model_path}: cannot load this model ({first})").format(
            model_path=model_path, first=first
        ),
        details,
    )


def classify_arrays(loaded: LoadedModel, images: np.ndarray) -> np.ndarray:
    with loaded.lock:
        return predict_probabilities(loaded.model, images)


def classify_file(loaded: LoadedModel, image_path: str | Path) -> np.ndarray:
    """Probabilities for one image file; raises ``ImageError`` for a bad file."""
    return classify_arrays(loaded, load_image_array(image_path)[None])[0]


@dataclass
class FileResult:
    path: Path
    probabilities: np.ndarray | None = None
    error: str | None = None


def classify_files(
    loaded: LoadedModel,
    paths: list[Path],
    *,
    on_progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    chunk_size: int = 64,
) -> list[FileResult]:
    """Classify many files in batches; bad files are reported, not fatal. Stops when asked,
    returning the results so far."""
    results: list[FileResult] = []
    for start in range(0, len(paths), chunk_size):
        if should_stop and should_stop():
            break
        chunk, images = [], []
        for path in paths[start : start + chunk_size]:
            try:
                images.append(load_image_array(path))
                chunk.append(FileResult(Path(path)))
            except ImageError as exc:
                results.append(FileResult(Path(path), error=str(exc)))
        if images:
            probabilities = classify_arrays(loaded, np.stack(images))
            for result, row in zip(chunk, probabilities, strict=True):
                result.probabilities = row
            results.extend(chunk)
        if on_progress:
            on_progress(min(start + chunk_size, len(paths)), len(paths))
    return results


@dataclass
class Analysis:
    """What the classification tab shows for one image."""

    image: DecodedImage
    probabilities: np.ndarray
    top_index: int
    heatmap: np.ndarray | None  # Grad-CAM of the top class, (32, 32) in [0, 1]
    explain_error: str | None = None


def analyse(loaded: LoadedModel, explainer: GradCam | None, image: DecodedImage) -> Analysis:
    """Probabilities (the same function as ``predict``) and the top class's heatmap."""
    probabilities = classify_arrays(loaded, image.network_input[None])[0]
    top = int(np.argmax(probabilities))
    if explainer is None:
        return Analysis(image, probabilities, top, None, _("this model has no heatmap"))
    with loaded.lock:
        heatmap = explainer.heatmap(image.network_input, top)
    return Analysis(image, probabilities, top, heatmap)


def explainer_for(loaded: LoadedModel) -> tuple[GradCam | None, str | None]:
    """A Grad-CAM for the model, or why there is none (a model without convolutions)."""
    try:
        return GradCam(loaded.model), None
    except ExplainError as exc:
        return None, str(exc)


def top_k(
    probabilities: np.ndarray, class_names: tuple[str, ...], k: int
) -> list[tuple[str, float]]:
    order = np.argsort(probabilities)[::-1][:k]
    return [(class_names[i], float(probabilities[i])) for i in order]
