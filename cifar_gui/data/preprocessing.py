"""The reference notebook's preprocessing, computed on uint8 images without float copies.

Reference: per-channel mean and std over the whole training set (axes 0, 1, 2, population std),
then ``train_test_split(test_size=0.3, random_state=777)``. Here the statistics are exact (from
per-channel histograms) and the split returns indices, so no float64 copy of the data is made.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from cifar_gui.i18n import _


@dataclass(frozen=True)
class ChannelStats:
    mean: tuple[float, float, float]
    std: tuple[float, float, float]

    def to_dict(self) -> dict[str, list[float]]:
        return {"mean": list(self.mean), "std": list(self.std)}


def channel_stats(images: np.ndarray) -> ChannelStats:
    """Exact per-channel mean and population std of uint8 images (N, H, W, 3)."""
    if images.dtype != np.uint8 or images.ndim != 4 or not len(images):
        raise ValueError(_("channel_stats needs a non-empty uint8 (N, H, W, C) array"))
    channels = images.shape[-1]
    histogram = np.zeros((channels, 256), dtype=np.int64)
    pixels = images.reshape(-1, channels)
    # Chunks keep bincount's int64 copy of its input small (a whole set would need 1.2 GB).
    for start in range(0, len(pixels), 1 << 21):
        chunk = pixels[start : start + (1 << 21)]
        for channel in range(channels):
            histogram[channel] += np.bincount(chunk[:, channel], minlength=256)
    values = np.arange(256, dtype=np.float64)
    means, stds = [], []
    for channel in range(channels):
        counts = histogram[channel].astype(np.float64)
        total = counts.sum()
        mean = float(counts @ values / total)
        var = float(counts @ (values - mean) ** 2 / total)
        means.append(mean)
        stds.append(float(np.sqrt(var)))
    return ChannelStats(mean=tuple(means), std=tuple(stds))  # type: ignore[arg-type]


def normalise(images: np.ndarray, stats: ChannelStats) -> np.ndarray:
    """``(x - mean) / std`` as float32: what the model's normalisation layer computes."""
    mean = np.asarray(stats.mean, dtype=np.float32)
    std = np.asarray(stats.std, dtype=np.float32)
    return (images.astype(np.float32) - mean) / std


def split_indices(
    labels: np.ndarray, val_split: float, seed: int, stratify: bool = False
) -> tuple[np.ndarray, np.ndarray]:
    """Train and validation indices, identical to splitting the arrays themselves.

    ``train_test_split`` permutes positions, so splitting ``arange(n)`` gives exactly the rows
    that the reference's ``train_test_split(x, y, ...)`` gives, without copying the images.
    """
    # Imported here: scikit-learn takes ~2 s to import, which the window must not wait for.
    from sklearn.model_selection import train_test_split

    indices = np.arange(len(labels))
    train_idx, val_idx = train_test_split(
        indices,
        test_size=val_split,
        random_state=seed,
        stratify=labels if stratify else None,
    )
    return np.asarray(train_idx), np.asarray(val_idx)
