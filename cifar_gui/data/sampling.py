"""Seeded, class-balanced samples of a training set: what "use N images" takes.

Taking the first N images of a folder ordered by class gives one class; taking N at random
gives a sample whose class shares wobble. Here every class gets an equal share (classes with
fewer images give all they have and the rest is shared among the others), the images within
a class are drawn with ``numpy.random.default_rng(seed)``, and the same seed always gives the
same sample.
"""

from __future__ import annotations

import numpy as np


def balanced_quotas(counts: np.ndarray, limit: int) -> np.ndarray:
    """Images to take per class: as equal as the class sizes allow, summing to
    ``min(limit, counts.sum())``. Leftover single images go to the lowest class indices.

    ``counts``: int array (classes,) of images per class. Returns an int64 array of that shape.
    """
    counts = np.asarray(counts, dtype=np.int64)
    quotas = np.zeros_like(counts)
    open_classes = [c for c in range(len(counts)) if counts[c] > 0]
    remaining = min(int(limit), int(counts.sum()))
    while open_classes and remaining > 0:
        share = remaining // len(open_classes)
        small = [c for c in open_classes if counts[c] - quotas[c] <= share]
        if not small:  # every open class can give its share: split the rest evenly
            for rank, c in enumerate(open_classes):
                quotas[c] += share + (1 if rank < remaining % len(open_classes) else 0)
            break
        for c in small:  # these give all they have; their unused share goes to the others
            remaining -= counts[c] - quotas[c]
            quotas[c] = counts[c]
        open_classes = [c for c in open_classes if c not in small]
    return quotas


def balanced_sample(labels: np.ndarray, limit: int, seed: int, num_classes: int) -> np.ndarray:
    """Indices (ascending, int64) of a class-balanced sample of ``limit`` images.

    ``labels``: int array (N,) with values in ``0..num_classes-1``. The same ``seed`` gives
    the same indices; all N indices when ``limit >= N``.
    """
    labels = np.asarray(labels)
    quotas = balanced_quotas(np.bincount(labels, minlength=num_classes), limit)
    rng = np.random.default_rng(seed)
    chosen = [
        rng.choice(np.flatnonzero(labels == c), size=int(quotas[c]), replace=False)
        for c in range(num_classes)
        if quotas[c]
    ]
    return np.sort(np.concatenate(chosen)) if chosen else np.zeros(0, dtype=np.int64)
