"""Loading trained models safely and classifying image files with them."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import keras
import numpy as np

from cifar_gui.data.images import load_image_array
from cifar_gui.ml.evaluation import predict_probabilities
from cifar_gui.runs import MODEL_FILE, RunRecord


class ModelLoadError(ValueError):
    """The file is not a usable model; the message says why."""


@dataclass
class LoadedModel:
    model: keras.Model
    class_names: tuple[str, ...]
    path: Path


def resolve_model_path(path: str | Path) -> tuple[Path, RunRecord | None]:
    """A run folder means its ``model.keras``; a ``.keras`` file is taken as it is."""
    path = Path(path)
    if path.is_dir():
        model_path = path / MODEL_FILE
        if not model_path.is_file():
            raise ModelLoadError(
                f"{path}: this run folder has no {MODEL_FILE} (no epoch finished?)"
            )
        return model_path, RunRecord(path)
    if not path.is_file():
        raise ModelLoadError(f"{path}: no such file or folder")
    parent = RunRecord(path.parent)
    return path, parent if (path.parent / "config.json").is_file() else None


def load_model(path: str | Path) -> LoadedModel:
    """Load in Keras safe mode: a model that carries code (Lambda layers, custom objects) is refused."""
    model_path, record = resolve_model_path(path)
    if not zipfile.is_zipfile(model_path):
        raise ModelLoadError(
            f"{model_path}: not a Keras model file (.keras archives are zip files)"
        )
    try:
        model = keras.saving.load_model(model_path, compile=False, safe_mode=True)
    except Exception as exc:
        raise ModelLoadError(f"{model_path}: cannot load this model ({exc})") from exc
    shape = tuple(model.input_shape[1:]) if not isinstance(model.input_shape, list) else None
    if shape != (32, 32, 3):
        raise ModelLoadError(f"{model_path}: expects inputs of shape {shape}, not 32x32 RGB images")
    classes = model.output_shape[-1]
    names = record.class_names() if record else None
    if not names or len(names) != classes:
        names = tuple(f"class {i}" for i in range(classes))
    return LoadedModel(model, names, model_path)


def classify_arrays(loaded: LoadedModel, images: np.ndarray) -> np.ndarray:
    return predict_probabilities(loaded.model, images)


def classify_file(loaded: LoadedModel, image_path: str | Path) -> np.ndarray:
    """Probabilities for one image file; raises ``ImageError`` for a bad file."""
    return classify_arrays(loaded, load_image_array(image_path)[None])[0]


def top_k(
    probabilities: np.ndarray, class_names: tuple[str, ...], k: int
) -> list[tuple[str, float]]:
    order = np.argsort(probabilities)[::-1][:k]
    return [(class_names[i], float(probabilities[i])) for i in order]
