"""A layer's settings as the user reads them, in the current language.

``ml.model_summary`` records each layer's settings under English keys (``filters``,
``kernel``, ``padding``: the identifiers ``cifar-gui model --json`` prints); the model table
and the text table show them through this, so a Korean window reads 필터 32, 커널 3×3.
No TensorFlow and no Qt here.
"""

from __future__ import annotations

from cifar_gui.i18n import N_, _

LABELS = {
    "filters": N_("filters"),
    "units": N_("units"),
    "kernel": N_("kernel"),
    "pool": N_("pool"),
    "stride": N_("stride"),
    "padding": N_("padding"),
    "rate": N_("rate"),
    "activation": N_("activation"),
    "regularisation": N_("regularisation"),
}
VALUES = {"same": N_("same size"), "valid": N_("none")}  # Keras's padding modes


def settings_text(settings: dict[str, str]) -> str:
    """``{"filters": "32", "padding": "same"}`` -> ``"filters 32, padding same size"`` (or its
    translation); keys without a label are shown as they are."""
    parts = []
    for key, value in settings.items():
        label = _(LABELS[key]) if key in LABELS else key
        shown = _(VALUES[value]) if key == "padding" and value in VALUES else value
        parts.append(f"{label} {shown}")
    return ", ".join(parts)
