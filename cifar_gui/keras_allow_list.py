"""What a ``.keras`` file's ``config.json`` may name: the allow-list checked before Keras sees it.

Each entry is a ``(module, class_name)`` pair exactly as Keras 3 writes it. The layers are the
public ``keras.layers`` classes that only compute on tensors (no file paths, no code, no
unbounded output size), which covers every model this app builds (``cifar_gui.ml.models``:
Normalization, RandomFlip, RandomTranslation, Conv2D, BatchNormalization, Activation,
MaxPooling2D, Dropout, Flatten, Dense) and the usual small CNNs a colleague might build. The app
registers no custom objects. Refused on purpose: ``Lambda`` and every layer that carries code,
``TFSMLayer`` (loads a SavedModel from a path), the lookup and text layers (vocabulary files),
operations from ``keras.src.ops`` and every other ``keras.src`` module, functions (``builtins``
or otherwise), and layers that can enlarge their input without bound (Resizing, UpSampling,
padding, Reshape, transposed convolutions).

No TensorFlow here.
"""

from __future__ import annotations

# Layers whose output has the shape of their input and that hold no weights.
SHAPE_KEEPING_LAYERS = frozenset(
    {
        "Activation", "ReLU", "LeakyReLU", "ELU", "Softmax", "Dropout", "SpatialDropout2D",
        "GaussianNoise", "GaussianDropout", "Rescaling", "RandomFlip", "RandomTranslation",
        "RandomRotation", "RandomZoom", "RandomContrast", "RandomBrightness", "Identity",
    }
)  # fmt: skip
# Layers whose weights are counted per channel (shape-keeping too).
PER_CHANNEL_LAYERS = frozenset({"BatchNormalization", "LayerNormalization", "Normalization"})
POOLING_LAYERS = frozenset({"MaxPooling2D", "AveragePooling2D"})
GLOBAL_POOLING_LAYERS = frozenset({"GlobalAveragePooling2D", "GlobalMaxPooling2D"})
CONVOLUTION_LAYERS = frozenset({"Conv2D", "DepthwiseConv2D", "SeparableConv2D"})
MERGE_LAYERS = frozenset({"Add", "Multiply", "Average", "Maximum", "Minimum", "Concatenate"})
OTHER_LAYERS = frozenset({"InputLayer", "Dense", "Flatten"})
LAYERS = (
    SHAPE_KEEPING_LAYERS
    | PER_CHANNEL_LAYERS
    | POOLING_LAYERS
    | GLOBAL_POOLING_LAYERS
    | CONVOLUTION_LAYERS
    | MERGE_LAYERS
    | OTHER_LAYERS
)
MODELS = {
    ("keras.src.models.functional", "Functional"),
    ("keras", "Functional"),
    ("keras", "Sequential"),
    ("keras.src.models.sequential", "Sequential"),
}
INITIALIZERS = frozenset(
    {
        "GlorotUniform", "GlorotNormal", "HeUniform", "HeNormal", "LecunUniform", "LecunNormal",
        "Zeros", "Ones", "Constant", "RandomNormal", "RandomUniform", "TruncatedNormal",
        "VarianceScaling", "Orthogonal",
    }
)  # fmt: skip
REGULARIZERS = frozenset({"L1", "L2", "L1L2"})
CONSTRAINTS = frozenset({"MaxNorm", "MinMaxNorm", "NonNeg", "UnitNorm"})
# What the app writes (cifar_gui.ml.optimizers; Keras wraps one in LossScaleOptimizer under
# mixed precision) is all that resuming accepts; a prediction never compiles, so any standard
# optimizer may sit in a colleague's file.
APP_OPTIMIZERS = frozenset({"Adam", "AdamW", "SGD", "RMSprop", "LossScaleOptimizer"})
OPTIMIZERS = APP_OPTIMIZERS | {"Nadam", "Adamax", "Adagrad", "Adadelta", "Lion"}
APP_SCHEDULES = frozenset({"CosineDecay"})
SCHEDULES = APP_SCHEDULES | {"ExponentialDecay", "PiecewiseConstantDecay", "PolynomialDecay"}
APP_LOSS = "sparse_categorical_crossentropy"
APP_METRICS = ["acc"]
LOSSES = frozenset({APP_LOSS, "categorical_crossentropy", "SparseCategoricalCrossentropy"})
METRICS = frozenset({"acc", "accuracy", "sparse_categorical_accuracy", "categorical_accuracy"})
ACTIVATIONS = frozenset(
    {
        "linear", "relu", "relu6", "sigmoid", "hard_sigmoid", "softmax", "log_softmax", "tanh",
        "elu", "selu", "gelu", "silu", "swish", "mish", "softplus", "softsign", "leaky_relu",
        "exponential",
    }
)  # fmt: skip


def allowed_pairs(*, for_resume: bool) -> frozenset[tuple[str, str]]:
    """Every ``(module, class_name)`` a config may name; resuming narrows the compile part to
    what the app writes."""
    optimizers = APP_OPTIMIZERS if for_resume else OPTIMIZERS
    schedules = APP_SCHEDULES if for_resume else SCHEDULES
    pairs = set(MODELS)
    pairs |= {("keras.layers", name) for name in LAYERS}
    pairs |= {("keras.initializers", name) for name in INITIALIZERS}
    pairs |= {("keras.regularizers", name) for name in REGULARIZERS}
    pairs |= {("keras.constraints", name) for name in CONSTRAINTS}
    pairs |= {("keras.optimizers", name) for name in optimizers}
    pairs |= {("keras.optimizers.schedules", name) for name in schedules}
    pairs |= {("keras", "DTypePolicy"), ("keras", "FloatDTypePolicy")}
    if not for_resume:
        pairs |= {("keras.losses", name) for name in ("SparseCategoricalCrossentropy",)}
        pairs |= {("keras.metrics", name) for name in ("SparseCategoricalAccuracy", "Accuracy")}
    return frozenset(pairs)
