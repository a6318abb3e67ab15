"""A built-in demo data set: ten procedural picture classes generated deterministically in memory.

It lets the application and its tests train without any file or network. Every image has random
colours, position, size and noise, so only the *shape* identifies the class, and a small CNN
learns it within a few epochs.
"""

from __future__ import annotations

import numpy as np

from cifar_gui.data.dataset import Dataset
from cifar_gui.i18n import N_

DEMO_CLASSES = (
    "horizontal stripes",
    "vertical stripes",
    "diagonal stripes",
    "disc",
    "square",
    "ring",
    "cross",
    "checkerboard",
    "triangle",
    "gradient",
)
DEMO_TRAIN_SIZE = 6000
DEMO_TEST_SIZE = 1000

_YY, _XX = np.mgrid[0:32, 0:32].astype(np.float32)


def _masks(label: int, rng: np.random.Generator, n: int) -> np.ndarray:
    """Foreground masks in [0, 1] of shape (n, 32, 32) for one class."""

    def u(lo: float, hi: float) -> np.ndarray:
        return rng.uniform(lo, hi, size=(n, 1, 1)).astype(np.float32)

    cy, cx, phase = u(10, 22), u(10, 22), u(0, 2 * np.pi)
    freq = u(0.45, 0.9)
    if label == 0:
        return (np.sin(_YY * freq + phase) > 0).astype(np.float32)
    if label == 1:
        return (np.sin(_XX * freq + phase) > 0).astype(np.float32)
    if label == 2:
        sign = np.where(rng.random((n, 1, 1)) < 0.5, 1.0, -1.0).astype(np.float32)
        return (np.sin((_XX + sign * _YY) * freq * 0.7 + phase) > 0).astype(np.float32)
    dist2 = (_XX - cx) ** 2 + (_YY - cy) ** 2
    if label == 3:
        return (dist2 < u(5, 10) ** 2).astype(np.float32)
    if label == 4:
        half = u(4, 9)
        return ((np.abs(_XX - cx) < half) & (np.abs(_YY - cy) < half)).astype(np.float32)
    if label == 5:
        inner = u(4, 7)
        return ((dist2 > inner**2) & (dist2 < (inner + u(2.5, 4)) ** 2)).astype(np.float32)
    if label == 6:
        width, reach = u(1.5, 3), u(6, 10)
        bar_h = (np.abs(_YY - cy) < width) & (np.abs(_XX - cx) < reach)
        bar_v = (np.abs(_XX - cx) < width) & (np.abs(_YY - cy) < reach)
        return (bar_h | bar_v).astype(np.float32)
    if label == 7:
        size = rng.integers(3, 7, size=(n, 1, 1)).astype(np.float32)
        return ((np.floor((_XX + phase) / size) + np.floor((_YY + phase) / size)) % 2).astype(
            np.float32
        )
    if label == 8:
        height = u(8, 14)
        top = cy - height / 2
        inside = (top <= _YY) & (top + height >= _YY) & (np.abs(_XX - cx) <= (_YY - top) * 0.6)
        return inside.astype(np.float32)
    angle = u(0, 2 * np.pi)
    ramp = (_XX - 16) * np.cos(angle) + (_YY - 16) * np.sin(angle)
    return np.clip(ramp / 32 + 0.5, 0, 1)


def _render(labels: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    n = len(labels)
    images = np.empty((n, 32, 32, 3), dtype=np.uint8)
    background = rng.uniform(0, 255, size=(n, 1, 1, 3)).astype(np.float32)
    # Foreground colour far enough from the background for the shape to stay visible.
    shift = rng.uniform(90, 160, size=(n, 1, 1, 3)).astype(np.float32)
    foreground = np.where(background > 127, background - shift, background + shift)
    for label in range(len(DEMO_CLASSES)):
        idx = np.flatnonzero(labels == label)
        if not len(idx):
            continue
        mask = _masks(label, rng, len(idx))[..., None]
        picture = background[idx] * (1 - mask) + foreground[idx] * mask
        picture += rng.normal(0, 12, size=picture.shape).astype(np.float32)
        images[idx] = np.clip(picture, 0, 255).astype(np.uint8)
    return images


def make_demo_dataset(
    train_size: int = DEMO_TRAIN_SIZE, test_size: int = DEMO_TEST_SIZE, seed: int = 2024
) -> Dataset:
    """The same images for the same arguments, on every machine."""
    rng = np.random.default_rng(seed)
    y_train = rng.permutation(np.arange(train_size) % len(DEMO_CLASSES)).astype(np.int32)
    y_test = rng.permutation(np.arange(test_size) % len(DEMO_CLASSES)).astype(np.int32)
    return Dataset(
        name=N_("Demo shapes"),  # shown through _() by the front ends
        source="demo",
        class_names=DEMO_CLASSES,
        x_train=_render(y_train, rng),
        y_train=y_train,
        x_test=_render(y_test, rng),
        y_test=y_test,
    )
