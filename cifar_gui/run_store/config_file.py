"""``config.json``: what a run was trained with, as a dataclass read with every field's type
checked.

Written when a run starts and when it is resumed; read by resume, evaluate, predict, the
Classify tab, the runs table and sweeps. ``settings`` is ``TrainConfig.to_dict()``, checked by
``TrainConfig.from_dict`` where a run is trained again; ``data`` is what the run was trained on
(name, absolute source, fingerprint, image counts: ``data.fingerprint``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cifar_gui.i18n import _
from cifar_gui.run_store.fields import RunFile, RunFormatError, json_field
from cifar_gui.run_store.files import CONFIG, FORMAT_VERSION


@dataclass
class ConfigFile(RunFile):
    """The fields of ``config.json``; times are ISO 8601 UTC strings."""

    settings: dict[str, Any] | None = field(  # TrainConfig.to_dict(); None: the file has none
        default=None, metadata=json_field("object")
    )
    data: dict[str, Any] = field(  # name, source, fingerprint, image counts
        default_factory=dict, metadata=json_field("object")
    )
    class_names: list[str] | None = field(default=None, metadata=json_field("texts"))
    preprocessing: dict[str, Any] | None = field(  # ChannelStats.to_dict(): mean, std
        default=None, metadata=json_field("object")
    )
    versions: dict[str, Any] = field(  # of the app and its libraries
        default_factory=dict, metadata=json_field("object")
    )
    created_at: str | None = field(default=None, metadata=json_field("text"))
    resumed_at: list[str] = field(  # one time per resume
        default_factory=list, metadata=json_field("texts")
    )
    format_version: int = FORMAT_VERSION
    extra: dict[str, Any] = field(default_factory=dict)  # fields this release does not know

    FILE = CONFIG
    OMIT_EMPTY = ("resumed_at",)  # as earlier releases wrote it

    def training_settings(self) -> dict[str, Any]:
        """``settings``, for training the run again; raises ``RunFormatError`` when the file
        has none (``TrainConfig.from_dict`` checks them)."""
        if self.settings is None:
            raise RunFormatError(_("config.json has no settings"))
        return self.settings
