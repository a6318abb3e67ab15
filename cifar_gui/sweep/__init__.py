"""Sweeps (issue 16): several values for settings, one ordinary run per combination.

``spec`` parses the values and expands them (grid or seeded random search), ``queue`` keeps
the runs still to train in a file in the runs folder, ``results`` reads a sweep's runs back as
one table. No Qt and no TensorFlow here: the window and the CLI share all of it.
"""

from cifar_gui.sweep.spec import (
    SWEEPABLE,
    Axis,
    SweepError,
    SweepRun,
    SweepSpec,
    combination_label,
    expand,
    format_value,
    new_sweep_id,
    parse_axis,
)

__all__ = [
    "SWEEPABLE",
    "Axis",
    "SweepError",
    "SweepRun",
    "SweepSpec",
    "combination_label",
    "expand",
    "format_value",
    "new_sweep_id",
    "parse_axis",
]
