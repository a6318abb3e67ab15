"""A model's layers as a table: type, output shape, parameters and the settings that matter.

The same table serves the window (the model chosen in the Classify tab, the preset about to be
trained) and ``cifar-gui model``. Parameter counts are the sizes of each layer's trainable and
non-trainable weights, so their sum equals ``keras.Model.count_params()``.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

import keras

from cifar_gui.i18n import _, display_width, pad
from cifar_gui.layer_settings_text import settings_text
from cifar_gui.ml.models import build_model

# The reference normalisation is irrelevant to the table: any mean/std gives the same layers.
_NEUTRAL_STATS = ((0.0, 0.0, 0.0), (1.0, 1.0, 1.0))


@dataclass(frozen=True)
class LayerRow:
    """One layer. ``output_shape`` leaves out the batch axis; ``settings`` is name -> text."""

    name: str
    kind: str
    output_shape: tuple[int | None, ...]
    trainable: int
    non_trainable: int
    settings: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.trainable + self.non_trainable


@dataclass(frozen=True)
class ModelSummary:
    name: str
    layers: tuple[LayerRow, ...]

    @property
    def trainable(self) -> int:
        return sum(row.trainable for row in self.layers)

    @property
    def non_trainable(self) -> int:
        return sum(row.non_trainable for row in self.layers)

    @property
    def total(self) -> int:
        return self.trainable + self.non_trainable

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the layers in order and the totals."""
        return {
            "name": self.name,
            "layers": [
                {**asdict(row), "output_shape": list(row.output_shape), "total": row.total}
                for row in self.layers
            ],
            "trainable": self.trainable,
            "non_trainable": self.non_trainable,
            "total": self.total,
        }


def _size(weights) -> int:
    return sum(math.prod(int(d) for d in w.shape) for w in weights)


def _regulariser_text(regulariser) -> str | None:
    if regulariser is None:
        return None
    config = regulariser.get_config()
    parts = [f"{k.upper()} {v:g}" for k, v in config.items() if isinstance(v, float) and v]
    return ", ".join(parts) or type(regulariser).__name__


def layer_settings(layer: keras.layers.Layer) -> dict[str, str]:
    """The settings a student compares between presets, as short texts."""
    settings: dict[str, str] = {}
    config = layer.get_config()
    if "filters" in config:
        settings["filters"] = str(config["filters"])
    if "units" in config:
        settings["units"] = str(config["units"])
    for key, label in (("kernel_size", "kernel"), ("pool_size", "pool"), ("strides", "stride")):
        if config.get(key) is not None:
            settings[label] = "×".join(str(v) for v in config[key])
    if "padding" in config and ("kernel" in settings or "pool" in settings):
        settings["padding"] = str(config["padding"])
    if isinstance(layer, keras.layers.Dropout):
        settings["rate"] = f"{config['rate']:g}"
    activation = config.get("activation")
    if isinstance(activation, str) and activation != "linear":
        settings["activation"] = activation
    text = _regulariser_text(getattr(layer, "kernel_regularizer", None))
    if text:
        settings["regularisation"] = text
    return settings


def summarise_model(model: keras.Model) -> ModelSummary:
    """Every layer in order (the input layer left out: it has no weights and no settings)."""
    rows = []
    for layer in model.layers:
        if isinstance(layer, keras.layers.InputLayer):
            continue
        shape = layer.output.shape
        rows.append(
            LayerRow(
                name=layer.name,
                kind=type(layer).__name__,
                output_shape=tuple(None if d is None else int(d) for d in shape[1:]),
                trainable=_size(layer.trainable_weights),
                non_trainable=_size(layer.non_trainable_weights),
                settings=layer_settings(layer),
            )
        )
    return ModelSummary(model.name, tuple(rows))


def preset_summary(
    preset: str,
    *,
    num_classes: int = 10,
    dropout_rate: float = 0.2,
    l2_factor: float = 1e-3,
    augment: bool | None = None,
) -> ModelSummary:
    """The table of a preset before training (builds it, untrained; ~0.2 s on a CPU).

    Raises ``ValueError`` for an unknown preset.
    """
    mean, std = _NEUTRAL_STATS
    model = build_model(
        preset,
        num_classes,
        mean,
        std,
        dropout_rate=dropout_rate,
        l2_factor=l2_factor,
        augment=augment,
    )
    return summarise_model(model)


def format_summary(summary: ModelSummary) -> str:
    """The table as aligned plain text (the CLI's output)."""
    header = (
        _("layer"),
        _("type"),
        _("output shape"),
        _("trainable"),
        _("non-trainable"),
        _("settings"),
    )
    lines = [header]
    for row in summary.layers:
        shape = "×".join("?" if d is None else str(d) for d in row.output_shape)
        settings = settings_text(row.settings)
        lines.append(
            (row.name, row.kind, shape, f"{row.trainable:,}", f"{row.non_trainable:,}", settings)
        )
    widths = [max(display_width(line[i]) for line in lines) for i in range(len(header) - 1)]
    text = [
        "  ".join(
            pad(cell, w, right=i in (3, 4))
            for i, (cell, w) in enumerate(zip(line, widths, strict=False))
        )
        + "  "
        + line[-1]
        for line in lines
    ]
    text.append(
        _(
            "total: {total:,} parameters ({trainable:,} trainable, {non_trainable:,} non-trainable)"
        ).format(
            total=summary.total,
            trainable=summary.trainable,
            non_trainable=summary.non_trainable,
        )
    )
    return "\n".join(line.rstrip() for line in text)
