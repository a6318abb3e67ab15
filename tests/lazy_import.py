"""Module-level names for test files that import the module on first use, not at collection.

Collecting the suite must not import Keras (about 20 s on a cold start): a test file writes
``keras = LazyModule("keras")`` and uses ``keras.layers...`` in its tests as before.
"""

from __future__ import annotations

import importlib
from typing import Any


class LazyModule:
    """Stands for a module; the first attribute read imports it."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("_"):  # pytest probes every module-level name for markers
            raise AttributeError(attribute)
        return getattr(importlib.import_module(self._name), attribute)


def lazy_function(module: str, name: str):
    """A function that imports ``module`` when first called and forwards to ``module.name``."""

    def call(*args, **kwargs):
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = name
    return call
