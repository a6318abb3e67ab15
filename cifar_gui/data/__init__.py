"""Data sources and preprocessing in numpy: no TensorFlow and no Qt, so it imports instantly."""

from cifar_gui.data.dataset import Dataset, LoadReport
from cifar_gui.data.errors import DataSourceError
from cifar_gui.data.sources import ResolvedSource, load_source, resolve_source

__all__ = [
    "DataSourceError",
    "Dataset",
    "LoadReport",
    "ResolvedSource",
    "load_source",
    "resolve_source",
]
