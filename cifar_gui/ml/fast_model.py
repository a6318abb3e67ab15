"""The ``fast`` preset's network: a small batch-normalised VGG-like net for CPU classrooms.

Designed from the CIFAR-10 speed-run literature (Page, "How to train your ResNet", the
"ResNet-9 in 79 seconds" line; Jordan, airbench): convolutions without bias followed by batch
normalisation and ReLU, downsampling early (the 32x32 and 16x16 stages have one convolution
each, where the reference spends two), widths doubling at each halving, max pooling, and a
linear classifier on a small pooled map. Batch-norm momentum 0.9 (Keras' meaning: the share of the old
running value) lets the running statistics follow a run of only a few epochs.

Cost: about 24 million multiply-adds per 32x32 image, against the reference CNN's 39 million,
with 0.55 million parameters (the reference has 0.81 million). On a 2-core CPU batch norm costs
more than its share of the arithmetic (measured: a net with the reference's convolutions plus
batch norm trained at about half the reference's images per second), hence so few layers.
"""

from __future__ import annotations

import keras
from keras import layers

# (filters, max-pool after this convolution) in order; the input is 32x32.
FAST_LAYERS = ((32, True), (64, True), (128, False), (128, True), (256, True))
BN_MOMENTUM = 0.9


def fast_body(x: keras.KerasTensor) -> keras.KerasTensor:
    """32x32xC normalised images -> a flat 1,024-vector (256 channels on a 2x2 map)."""
    for filters, pool in FAST_LAYERS:
        x = layers.Conv2D(filters, 3, padding="same", use_bias=False)(x)
        x = layers.BatchNormalization(momentum=BN_MOMENTUM)(x)
        x = layers.Activation("relu")(x)
        if pool:
            x = layers.MaxPooling2D(pool_size=2, strides=2)(x)
    return layers.Flatten()(x)
