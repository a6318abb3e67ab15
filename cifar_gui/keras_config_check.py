"""The ``config.json`` of a ``.keras`` file, checked against the allow-list before Keras reads it.

Keras's safe mode blocks ``Lambda`` and a list of modules, but anything it can import by
``module`` and ``class_name`` is still called at load time, and operation classes from
``keras.src.ops`` used as layers walk around that list (they can make Keras download, and so
delete, files). Here every object named anywhere in the config must be an allow-listed
``(module, class_name)`` pair, every string must be a plain name (no path, URL or code), and
resuming accepts only the compile settings the app writes. No TensorFlow here.
"""

from __future__ import annotations

import re
from typing import Any

from cifar_gui.i18n import _
from cifar_gui.keras_allow_list import (
    ACTIVATIONS,
    APP_LOSS,
    APP_METRICS,
    LOSSES,
    METRICS,
    allowed_pairs,
)

# Layer names, dtype and policy names, padding modes...: letters, digits, "_", "-", ".", " ".
PLAIN_TEXT = re.compile(r"[A-Za-z0-9_.\- ]{0,128}")
MAX_DEPTH = 64
TENSOR = "__keras_tensor__"
COMPILE_KEYS = {
    "optimizer", "loss", "loss_weights", "metrics", "weighted_metrics", "run_eagerly",
    "steps_per_execution", "jit_compile", "auto_scale_loss",
}  # fmt: skip


class ConfigRefused(ValueError):
    """An entry of the config is outside the allow-list; the message names it."""


def check_config(config: Any, *, for_resume: bool = False) -> None:
    """Raise ``ConfigRefused`` naming the first entry of ``config`` (the parsed ``config.json``)
    outside the allow-list. ``for_resume`` also requires the app's own compile settings."""
    if not isinstance(config, dict) or not isinstance(config.get("config"), dict):
        raise ConfigRefused(_("config.json does not describe a Keras model"))
    pairs = allowed_pairs(for_resume=for_resume)
    compile_config = config.get("compile_config")
    model = {key: value for key, value in config.items() if key != "compile_config"}
    _walk(model, "model", pairs, 0)
    if for_resume and not compile_config:
        raise ConfigRefused(_("the model was saved without its training settings"))
    if compile_config or compile_config not in (None, {}):
        _check_compile(compile_config, pairs, for_resume)


def _walk(value: Any, where: str, pairs: frozenset[tuple[str, str]], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ConfigRefused(
            _("{where}: nested more than {max_depth} levels deep").format(
                where=where, max_depth=MAX_DEPTH
            )
        )
    if isinstance(value, dict):
        _check_object(value, where, pairs)
        for key, item in value.items():
            if key == "activation" and not (item is None or item in ACTIVATIONS):
                raise ConfigRefused(
                    _("{where}: activation {show} is not a standard one").format(
                        where=where, show=_show(item)
                    )
                )
            _walk(item, f"{where}.{key}", pairs, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(item, f"{where}[{index}]", pairs, depth + 1)
    elif isinstance(value, str) and not PLAIN_TEXT.fullmatch(value):
        raise ConfigRefused(
            _("{where}: the text {show} is not a plain name (a path?)").format(
                where=where, show=_show(value)
            )
        )


def _check_object(value: dict[str, Any], where: str, pairs: frozenset[tuple[str, str]]) -> None:
    if "class_name" not in value and "module" not in value:
        return
    module, name = value.get("module"), value.get("class_name")
    if name == TENSOR and module is None:
        return
    if (module, name) not in pairs:
        raise ConfigRefused(
            _("{where}: {show}.{show2} is not on the allow-list").format(
                where=where, show=_show(module), show2=_show(name)
            )
        )
    registered = value.get("registered_name")
    if registered not in (None, name):
        raise ConfigRefused(
            _("{where}: registered name {show} is not allowed").format(
                where=where, show=_show(registered)
            )
        )


def _check_compile(compile_config: Any, pairs: frozenset[tuple[str, str]], strict: bool) -> None:
    if not isinstance(compile_config, dict) or not set(compile_config) <= COMPILE_KEYS:
        raise ConfigRefused(_("compile_config holds unknown settings"))
    _walk(compile_config, "compile_config", pairs, 0)
    optimizer = compile_config.get("optimizer")
    if not isinstance(optimizer, dict):
        raise ConfigRefused(_("compile_config.optimizer is not an optimizer object"))
    loss, metrics = compile_config.get("loss"), compile_config.get("metrics")
    if strict:
        if loss != APP_LOSS or metrics != APP_METRICS:
            raise ConfigRefused(
                _(
                    "the loss {show} and metrics {show2} are not the ones this app trains with ({app_loss}, {app_metrics})"
                ).format(
                    show=_show(loss),
                    show2=_show(metrics),
                    app_loss=APP_LOSS,
                    app_metrics=", ".join(APP_METRICS),
                )
            )
        if compile_config.get("loss_weights") or compile_config.get("weighted_metrics"):
            raise ConfigRefused(_("loss weights and weighted metrics are not used by this app"))
        return
    for item in (loss, *(metrics or []), *(compile_config.get("weighted_metrics") or [])):
        name = item.get("class_name") if isinstance(item, dict) else item
        if item is not None and name not in LOSSES | METRICS:
            raise ConfigRefused(
                _("compile_config: {show} is not a standard loss or metric").format(
                    show=_show(name)
                )
            )


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"
