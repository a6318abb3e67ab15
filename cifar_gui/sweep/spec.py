"""What a sweep varies: each swept setting's values (or range), and the runs they expand to.

A value list is typed as ``1e-3, 3e-4, 1e-4`` (window and CLI alike); a range ``1e-4..1e-2``
is for random search only. Every value is checked by ``TrainConfig.problems()``, the rule a
single run obeys, so a sweep never starts a run that training would refuse.

Grid order is stable: settings in ``TrainConfig`` field order, the last one varying fastest,
each setting's values in the order typed. Random search draws N combinations with
``random.Random(seed)``: learning rate, weight decay and the L2 factor log-uniformly (their
useful values span decades, so a uniform draw would almost never try the small ones).
"""

from __future__ import annotations

import itertools
import math
import random
import secrets
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from cifar_gui.config import TrainConfig, setting_specs
from cifar_gui.i18n import _
from cifar_gui.recipes import apply_recipe, edited_fields

# From the settings' descriptions (``TrainConfig``'s ``setting(..., sweep=True)``): setting ->
# float, int, or the tuple of its choices; the ones random search draws log-uniformly; the
# short names a sweep's run names use.
SWEEPABLE: dict[str, Any] = {s.name: s.choices or s.value_type for s in setting_specs() if s.sweep}
LOG_UNIFORM = frozenset(s.name for s in setting_specs() if s.log_scale)
SHORT_NAMES = {s.name: s.short_name for s in setting_specs() if s.short_name}
MAX_RUNS = 1000  # a typo (a list of 50 by 50) must not queue thousands of runs
RANGE_MARK = ".."


class SweepError(ValueError):
    """A sweep that cannot run; ``field`` is the setting at fault (or ``None``), ``why`` one
    sentence without it."""

    def __init__(self, field: str | None, why: str) -> None:
        self.field, self.why = field, why
        super().__init__(f"{field}: {why}" if field else why)


@dataclass(frozen=True)
class Axis:
    """One swept setting: its ``values`` (a list), or a ``low``..``high`` range (random only)."""

    field: str
    values: tuple[Any, ...] = ()
    low: float | None = None
    high: float | None = None

    @property
    def is_range(self) -> bool:
        return self.low is not None


def format_value(value: Any) -> str:
    """A value as the user would type it: ``0.001``, ``32``, ``dropout``."""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _convert(field: str, text: str) -> Any:
    kind = SWEEPABLE[field]
    if isinstance(kind, tuple):
        if text not in kind:
            raise SweepError(
                field, _("{text!r} is not one of {kind}").format(text=text, kind=", ".join(kind))
            )
        return text
    try:
        value = int(text) if kind is int else float(text)
    except ValueError:
        what = _("a whole number") if kind is int else _("a number")
        raise SweepError(field, _("{text!r} is not {what}").format(text=text, what=what)) from None
    check = TrainConfig(**{field: value}).problems().get(field)
    if check:
        raise SweepError(field, _("{text} is refused. {check}").format(text=text, check=check))
    return value


def parse_axis(field: str, text: str) -> Axis:
    """``"1e-3, 3e-4"`` -> ``Axis(field, (0.001, 0.0003))``; ``"1e-4..1e-2"`` -> a range.

    Raises ``SweepError`` (one sentence) for a setting that cannot be swept, an empty item, a
    value ``TrainConfig`` refuses, a value listed twice, or a range that is empty or (for a
    log-uniform setting) starts at zero.
    """
    if field not in SWEEPABLE:
        raise SweepError(field, _("cannot be swept"))
    items = [item.strip() for item in text.split(",")]
    if not text.strip() or any(not item for item in items):
        raise SweepError(field, _("has an empty value (write values as 1e-3, 3e-4)"))
    if len(items) == 1 and RANGE_MARK in items[0]:
        return _parse_range(field, items[0])
    values = tuple(_convert(field, item) for item in items)
    for index, value in enumerate(values):
        if value in values[:index]:
            raise SweepError(field, f"lists {format_value(value)} twice")
    return Axis(field, values)


def _parse_range(field: str, text: str) -> Axis:
    if isinstance(SWEEPABLE[field], tuple):
        raise SweepError(field, _("is a choice; list the choices instead of a range"))
    low_text, _mark, high_text = text.partition(RANGE_MARK)
    low, high = _convert(field, low_text.strip()), _convert(field, high_text.strip())
    if not low < high:
        raise SweepError(field, _("the range {text} is empty (write low..high)").format(text=text))
    if field in LOG_UNIFORM and low <= 0:
        raise SweepError(field, _("a range drawn log-uniformly must start above 0"))
    return Axis(field, low=low, high=high)


@dataclass(frozen=True)
class SweepSpec:
    """The swept settings; ``random`` N draws N combinations with ``seed`` instead of the grid."""

    axes: tuple[Axis, ...]
    random: int | None = None
    seed: int = 0

    def __post_init__(self) -> None:
        order = [f.name for f in fields(TrainConfig)]
        object.__setattr__(
            self, "axes", tuple(sorted(self.axes, key=lambda a: order.index(a.field)))
        )

    @property
    def fields(self) -> list[str]:
        return [axis.field for axis in self.axes]

    @property
    def count(self) -> int:
        """How many runs this sweep starts."""
        if self.random is not None:
            return self.random
        return math.prod(len(axis.values) for axis in self.axes) if self.axes else 0

    def combinations(self) -> list[dict[str, Any]]:
        """Setting -> value for each run, in the stable order described above.

        Raises ``SweepError`` for a range without random search, a random count below 1, or
        more than ``MAX_RUNS`` runs.
        """
        if self.random is None:
            ranged = next((a for a in self.axes if a.is_range), None)
            if ranged is not None:
                raise SweepError(ranged.field, _("a range (low..high) needs random search"))
        elif self.random < 1:
            raise SweepError(None, _("random search needs at least 1 run"))
        if self.count > MAX_RUNS:
            raise SweepError(
                None,
                _("{count} runs is more than the {max_runs} a sweep may queue").format(
                    count=self.count, max_runs=MAX_RUNS
                ),
            )
        if self.random is None:
            values = [axis.values for axis in self.axes]
            return [
                dict(zip(self.fields, combo, strict=True)) for combo in itertools.product(*values)
            ]
        rng = random.Random(self.seed)
        return [{axis.field: draw(axis, rng) for axis in self.axes} for _ in range(self.random)]


def draw(axis: Axis, rng: random.Random) -> Any:
    """One random value: a listed one, or from the range (log-uniform for ``LOG_UNIFORM``
    settings), rounded to 3 significant digits and kept inside the range."""
    if not axis.is_range:
        return rng.choice(axis.values)
    low, high = axis.low, axis.high
    if SWEEPABLE[axis.field] is int:
        return rng.randint(int(low), int(high))
    if axis.field in LOG_UNIFORM:
        value = math.exp(rng.uniform(math.log(low), math.log(high)))
    else:
        value = rng.uniform(low, high)
    return min(max(float(f"{value:.3g}"), low), high)


def new_sweep_id() -> str:
    """A name no other sweep has: ``sweep-YYYYmmdd-HHMMSS-xxxx`` (local time, 4 hex digits)."""
    return f"sweep-{datetime.now():%Y%m%d-%H%M%S}-{secrets.token_hex(2)}"


def combination_label(combination: dict[str, Any]) -> str:
    """``learning_rate=0.001, dropout_rate=0.2`` (the setting names the CLI's --config uses)."""
    return ", ".join(f"{key}={format_value(value)}" for key, value in combination.items())


@dataclass
class SweepRun:
    """One run of a sweep: its number (from 1), what it varies, and its complete settings."""

    index: int
    combination: dict[str, Any]
    config: TrainConfig


def expand(
    base: TrainConfig, combinations: list[dict[str, Any]], sweep_id: str, *, first_index: int = 1
) -> list[SweepRun]:
    """One ``TrainConfig`` per combination: ``base`` with the combination's values, tagged with
    ``sweep_id`` and named ``<base name or sweep-XXXX>-NN-lr0.001-dropout0.2`` (``XXXX``: the
    end of the sweep's id, so that two sweeps' runs never share a name in the Runs tab).
    A combination that changes the preset brings that preset's recipe
    (``cifar_gui/recipes.py``), except for the swept settings and those the user changed from
    the base preset's recipe, as choosing the preset in the window or with ``--preset`` does.

    Raises ``SweepError`` when a combination makes settings ``TrainConfig`` refuses.
    """
    runs = []
    for index, combination in enumerate(combinations, start=first_index):
        config = TrainConfig.from_dict(base.to_dict())
        if combination.get("preset", base.preset) != base.preset:  # its own recipe, as in a run
            apply_recipe(config, combination["preset"], set(combination) | edited_fields(base))
        for key, value in combination.items():
            setattr(config, key, value)
        config.sweep_id = sweep_id
        parts = [f"{SHORT_NAMES.get(k, k)}{format_value(v)}" for k, v in combination.items()]
        prefix = base.run_name or f"sweep-{sweep_id.rsplit('-', 1)[-1]}"
        config.run_name = "-".join([prefix, f"{index:02d}", *parts])
        if problems := config.problems():
            key, why = next(iter(problems.items()))
            raise SweepError(key, why)
        runs.append(SweepRun(index, dict(combination), config))
    return runs
