"""The built-in demo data and the reference preprocessing formulas."""

from __future__ import annotations

import numpy as np
from sklearn.model_selection import train_test_split

from cifar_gui.data.demo import DEMO_CLASSES, make_demo_dataset
from cifar_gui.data.preprocessing import channel_stats, normalise, split_indices


def test_demo_is_deterministic_balanced_and_varied():
    first = make_demo_dataset(200, 50)
    again = make_demo_dataset(200, 50)
    other = make_demo_dataset(200, 50, seed=1)
    assert np.array_equal(first.x_train, again.x_train)
    assert not np.array_equal(first.x_train, other.x_train)
    assert first.class_counts("train") == [20] * 10
    assert first.class_names == DEMO_CLASSES
    # No two images alike, and every class uses the whole colour range.
    assert len({img.tobytes() for img in first.x_train}) == 200
    assert first.x_train.std() > 40


def test_demo_classes_are_told_apart_by_shape_not_colour():
    data = make_demo_dataset(1000, 10)
    mean_colour = data.x_train.reshape(1000, -1, 3).mean(axis=1)
    per_class = np.array([mean_colour[data.y_train == c].mean(axis=0) for c in range(10)])
    assert np.ptp(per_class, axis=0).max() < 40  # colour says little about the class
    vertical = data.x_train[data.y_train == 1].astype(float)
    horizontal = data.x_train[data.y_train == 0].astype(float)
    # Vertical stripes vary along x, horizontal ones along y.
    assert np.abs(np.diff(vertical, axis=2)).mean() > 2 * np.abs(np.diff(vertical, axis=1)).mean()
    assert (
        np.abs(np.diff(horizontal, axis=1)).mean() > 2 * np.abs(np.diff(horizontal, axis=2)).mean()
    )


def test_channel_stats_match_the_reference_float64_formula():
    images = make_demo_dataset(300, 10).x_train
    stats = channel_stats(images)
    reference = images.astype(np.float64)
    np.testing.assert_allclose(stats.mean, reference.mean(axis=(0, 1, 2)), rtol=1e-12)
    np.testing.assert_allclose(stats.std, reference.std(axis=(0, 1, 2)), rtol=1e-12)
    expected = (reference - reference.mean(axis=(0, 1, 2))) / reference.std(axis=(0, 1, 2))
    np.testing.assert_allclose(normalise(images, stats), expected, atol=1e-5)


def test_split_is_the_reference_train_test_split():
    data = make_demo_dataset(500, 10)
    train_idx, val_idx = split_indices(data.y_train, 0.3, 777)
    x_tr, x_val, y_tr, y_val = train_test_split(
        data.x_train, data.y_train, test_size=0.3, random_state=777
    )
    assert np.array_equal(data.x_train[train_idx], x_tr)
    assert np.array_equal(data.x_train[val_idx], x_val)
    assert np.array_equal(data.y_train[val_idx], y_val)
    assert np.array_equal(data.y_train[train_idx], y_tr)
    assert (len(train_idx), len(val_idx)) == (350, 150)


def test_reference_split_sizes_on_the_full_training_set():
    labels = np.arange(50_000) % 10
    train_idx, val_idx = split_indices(labels, 0.3, 777)
    assert (len(train_idx), len(val_idx)) == (35_000, 15_000)
    assert -(-len(train_idx) // 32) == 1094  # steps per epoch at batch 32


def test_stratified_split_keeps_class_balance():
    labels = np.repeat(np.arange(10), 30)
    _, val_idx = split_indices(labels, 0.2, 1, stratify=True)
    assert np.bincount(labels[val_idx]).tolist() == [6] * 10
