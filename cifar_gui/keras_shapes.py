"""What a ``.keras`` model config will allocate, worked out from the config alone.

Keras builds every layer (allocating its weights) before it reads a single weight from the file,
and a prediction allocates each layer's output; a config that asks for ``Dense(10**9)`` fills the
memory on load. This walks the layer graph of an allow-listed config (``keras_allow_list``) with
the shape rules of each layer (``channels_last`` only) and returns the number of weights it needs
and its largest per-image activation, so that both can be bounded before Keras sees the file.

Shapes exclude the batch axis. No TensorFlow here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from cifar_gui.i18n import _
from cifar_gui.keras_allow_list import (
    CONVOLUTION_LAYERS,
    GLOBAL_POOLING_LAYERS,
    MERGE_LAYERS,
    PER_CHANNEL_LAYERS,
    POOLING_LAYERS,
    SHAPE_KEEPING_LAYERS,
)

MAX_DIMENSION = 1_000_000  # any one size, filter count or unit count in a config
MAX_LAYERS = 2_000  # the app's largest model has 35; the graph walk is quadratic at worst

Shape = tuple[int, ...]


class ShapeRefused(ValueError):
    """The config's shapes cannot be worked out or are implausible; the message says why."""


@dataclass(frozen=True)
class ModelSize:
    weights: int  # number of weight values the layers create
    largest_activation: int  # elements of the largest layer output, per image


def model_size(model: dict[str, Any]) -> ModelSize:
    """Weights and largest activation of a Functional or Sequential model config (its
    ``class_name`` and ``config``); raises ``ShapeRefused``."""
    layers = model.get("config", {}).get("layers")
    if not isinstance(layers, list) or not layers:
        raise ShapeRefused(_("the model has no layers"))
    if len(layers) > MAX_LAYERS:
        raise ShapeRefused(
            _("the model has {count:,} layers (at most {max_layers:,})").format(
                count=len(layers), max_layers=MAX_LAYERS
            )
        )
    try:
        if model.get("class_name") == "Sequential":
            return _sequential(model["config"], layers)
        return _functional(layers)
    except (AttributeError, TypeError, KeyError, IndexError) as exc:
        raise ShapeRefused(
            _("the layer list is malformed ({type})").format(type=type(exc).__name__)
        ) from exc


def _sequential(config: dict[str, Any], layers: list[Any]) -> ModelSize:
    first = layers[0]
    if _class(first) == "InputLayer":
        shape, layers = _input_shape(first.get("config", {})), layers[1:]
    else:
        shape = _shape(config.get("build_input_shape"), "build_input_shape", batch=True)
    weights, largest = 0, math.prod(shape)
    for layer in layers:
        shape, count = layer_output(_class(layer), layer.get("config", {}), [shape])
        weights, largest = weights + count, max(largest, math.prod(shape))
    return ModelSize(weights, largest)


def _functional(layers: list[Any]) -> ModelSize:
    """Walks the calls (``inbound_nodes``) of every layer until each has its input shapes; a
    layer called twice (a shared layer) may feed its own second call, and owns one set of
    weights."""
    shapes: dict[tuple[str, int], Shape] = {}
    weights, largest = 0, 0
    pending: list[tuple[Any, int, Any]] = []  # (layer, call index, call)
    for layer in layers:
        if _class(layer) == "InputLayer":
            shapes[(layer.get("name"), 0)] = _input_shape(layer.get("config", {}))
            largest = max(largest, math.prod(shapes[(layer.get("name"), 0)]))
        else:
            pending += [(layer, i, node) for i, node in enumerate(layer.get("inbound_nodes", []))]
    while pending:
        waiting = []
        for layer, index, node in pending:
            inputs = _inputs(node, shapes)
            if any(shape is None for shape in inputs):
                waiting.append((layer, index, node))
                continue
            shape, count = layer_output(_class(layer), layer.get("config", {}), inputs)
            shapes[(layer.get("name"), index)] = shape
            largest = max(largest, math.prod(shape))
            weights += count if index == 0 else 0  # a shared layer owns one set of weights
        if len(waiting) == len(pending):  # no call could be placed: a hole or a cycle
            raise ShapeRefused(
                _("layer {get!r} takes an input that no layer makes").format(
                    get=waiting[0][0].get("name")
                )
            )
        pending = waiting
    return ModelSize(weights, largest)


def _inputs(node: Any, shapes: dict[tuple[str, int], Shape]) -> list[Shape | None]:
    args = node.get("args", []) if isinstance(node, dict) else []
    tensors = args[0] if len(args) == 1 and isinstance(args[0], list) else args
    found = []
    for tensor in tensors:
        history = tensor.get("config", {}).get("keras_history") if isinstance(tensor, dict) else 0
        if not (isinstance(history, list) and len(history) == 3):
            raise ShapeRefused(_("a layer input is not a tensor from another layer"))
        found.append(shapes.get((history[0], history[1])))
    if not found:
        raise ShapeRefused(_("a layer is called without inputs"))
    return found


def _class(layer: Any) -> str:
    return layer.get("class_name", "") if isinstance(layer, dict) else ""


def _input_shape(config: dict[str, Any]) -> Shape:
    shape = config.get("batch_shape", config.get("batch_input_shape"))
    return _shape(shape, _("input shape"), batch=True)


def _shape(value: Any, what: str, *, batch: bool = False) -> Shape:
    if not isinstance(value, list | tuple) or (batch and not value):
        raise ShapeRefused(
            _("{what} {value!r} is not a fixed shape").format(what=what, value=value)
        )
    dims = value[1:] if batch else value
    return tuple(_positive(d, what) for d in dims)


def _positive(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_DIMENSION:
        raise ShapeRefused(
            _("{what}: {value!r} is not a size between 1 and {max_dimension:,}").format(
                what=what, value=value, max_dimension=MAX_DIMENSION
            )
        )
    return value


def _pair(value: Any, what: str) -> tuple[int, int]:
    pair = (value, value) if isinstance(value, int) else value
    if not isinstance(pair, list | tuple) or len(pair) != 2:
        raise ShapeRefused(
            _("{what}: {value!r} is not one or two sizes").format(what=what, value=value)
        )
    return _positive(pair[0], what), _positive(pair[1], what)


def _spatial(shape: Shape, config: dict[str, Any], kernel_key: str, strides_key: str) -> Shape:
    """Output height and width of a convolution or pooling window (Keras's conv_output_length)."""
    if len(shape) != 3 or config.get("data_format", "channels_last") != "channels_last":
        raise ShapeRefused(
            _("expects a channels_last image tensor, not shape {shape}").format(shape=shape)
        )
    kernel = _pair(config.get(kernel_key), kernel_key)
    strides = _pair(config.get(strides_key) or kernel, strides_key)
    dilation = _pair(config.get("dilation_rate", 1), "dilation_rate")
    padding = config.get("padding", "valid")
    out = []
    for size, k, s, d in zip(shape[:2], kernel, strides, dilation, strict=True):
        span = (k - 1) * d + 1
        if padding == "same":
            out.append(-(-size // s))
        elif padding == "valid" and size >= span:
            out.append((size - span) // s + 1)
        else:
            raise ShapeRefused(
                _("window {kernel} with padding {padding!r} does not fit {shape}").format(
                    kernel=kernel, padding=padding, shape=shape
                )
            )
    return out[0], out[1]


def layer_output(kind: str, config: dict[str, Any], inputs: list[Shape]) -> tuple[Shape, int]:
    """(output shape, weight count) of one allow-listed layer given its input shapes."""
    if not isinstance(config, dict):
        raise ShapeRefused(_("{kind}: its config is not an object").format(kind=kind))
    shape = inputs[0]
    bias = bool(config.get("use_bias", True))
    if kind in MERGE_LAYERS:
        return _merge(kind, config, inputs), 0
    if len(inputs) != 1:
        raise ShapeRefused(
            _("{kind} takes one input, not {count}").format(kind=kind, count=len(inputs))
        )
    if kind in SHAPE_KEEPING_LAYERS:
        return shape, 0
    if kind in PER_CHANNEL_LAYERS:
        return shape, _per_channel_weights(kind, config, shape[-1])
    if kind == "Flatten":
        return (math.prod(shape),), 0
    if kind == "Dense":
        units = _positive(config.get("units"), "units")
        return (*shape[:-1], units), shape[-1] * units + units * bias
    if kind in GLOBAL_POOLING_LAYERS:
        return ((1, 1, shape[-1]) if config.get("keepdims") else (shape[-1],)), 0
    if kind in POOLING_LAYERS:
        return (*_spatial(shape, config, "pool_size", "strides"), shape[-1]), 0
    if kind in CONVOLUTION_LAYERS:
        return _convolution(kind, config, shape, bias)
    raise ShapeRefused(_("{kind}: no shape rule for this layer").format(kind=kind))


def _per_channel_weights(kind: str, config: dict[str, Any], channels: int) -> int:
    """BatchNormalization: gamma, beta, moving mean and variance; LayerNormalization: gamma and
    beta; Normalization: none when mean and variance are in the config, else both and a count
    (as each layer's ``build`` creates them). The last axis is the channel axis."""
    scale_and_centre = bool(config.get("scale", True)) + bool(config.get("center", True))
    if kind == "BatchNormalization":
        return (2 + scale_and_centre) * channels
    if kind == "LayerNormalization":
        return scale_and_centre * channels
    given = config.get("mean") is not None and config.get("variance") is not None
    return 0 if given else 2 * channels + 1


def _convolution(kind: str, config: dict[str, Any], shape: Shape, bias: bool):
    height, width = _spatial(shape, config, "kernel_size", "strides")
    kh, kw = _pair(config.get("kernel_size"), "kernel_size")
    channels = shape[-1]
    if kind == "Conv2D":
        filters = _positive(config.get("filters"), "filters")
        groups = _positive(config.get("groups", 1), "groups")
        if channels % groups or filters % groups:
            raise ShapeRefused(
                _("Conv2D: {groups} groups do not divide {channels} channels").format(
                    groups=groups, channels=channels
                )
            )
        return (height, width, filters), kh * kw * channels // groups * filters + filters * bias
    multiplier = _positive(config.get("depth_multiplier", 1), "depth_multiplier")
    depthwise = kh * kw * channels * multiplier
    if kind == "DepthwiseConv2D":
        out = channels * multiplier
        return (height, width, out), depthwise + out * bias
    filters = _positive(config.get("filters"), "filters")
    return (height, width, filters), depthwise + channels * multiplier * filters + filters * bias


def _merge(kind: str, config: dict[str, Any], inputs: list[Shape]) -> Shape:
    if len(inputs) < 2:
        raise ShapeRefused(_("{kind} needs at least two inputs").format(kind=kind))
    if kind != "Concatenate":
        if len(set(inputs)) != 1:
            raise ShapeRefused(
                _("{kind}: inputs of different shapes {inputs}").format(kind=kind, inputs=inputs)
            )
        return inputs[0]
    axis = config.get("axis", -1)
    rank = len(inputs[0])
    if not isinstance(axis, int) or axis == 0 or not -rank <= axis <= rank:
        raise ShapeRefused(_("Concatenate: axis {axis!r} is not a feature axis").format(axis=axis))
    index = axis - 1 if axis > 0 else rank + axis
    rest = {shape[:index] + shape[index + 1 :] for shape in inputs}
    if len(rest) != 1 or any(len(shape) != rank for shape in inputs):
        raise ShapeRefused(
            _("Concatenate: shapes {inputs} do not fit together").format(inputs=inputs)
        )
    total = sum(shape[index] for shape in inputs)
    return (*inputs[0][:index], total, *inputs[0][index + 1 :])
