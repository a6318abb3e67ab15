"""``config.json``: what a run was trained with, as a dataclass read with every field's type
checked.

Written when a run starts and when it is resumed; read by resume, evaluate, predict, the
Classify tab, the runs table and sweeps. ``settings`` is ``TrainConfig.to_dict()``, checked by
``TrainConfig.from_dict`` where a run is trained again; ``data`` is what the run was trained on
(name, absolute source, fingerprint, image counts: ``data.fingerprint``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from cifar_gui.i18n import _
from cifar_gui.run_store.fields import FieldReader, RunFormatError
from cifar_gui.run_store.files import CONFIG, FORMAT_VERSION


@dataclass
class ConfigFile:
    """The fields of ``config.json``; times are ISO 8601 UTC strings."""

    settings: dict[str, Any] | None = None  # TrainConfig.to_dict(); None: the file has none
    data: dict[str, Any] = field(default_factory=dict)  # name, source, fingerprint, counts
    class_names: list[str] | None = None  # in label order
    preprocessing: dict[str, Any] | None = None  # ChannelStats.to_dict(): mean, std per channel
    versions: dict[str, Any] = field(default_factory=dict)  # of the app and its libraries
    created_at: str | None = None
    resumed_at: list[str] = field(default_factory=list)  # one time per resume
    format_version: int = FORMAT_VERSION
    extra: dict[str, Any] = field(default_factory=dict)  # fields this release does not know

    @classmethod
    def from_json(cls, data: Any, where: str = CONFIG) -> ConfigFile:
        """The config in ``data`` (a parsed JSON object from the file ``where``). Raises
        ``RunFormatError`` in one line for a field of the wrong type or a newer format."""
        read = FieldReader(data, where)
        return cls(
            format_version=read.format_version(),
            settings=read.object("settings"),
            data=read.object("data") or {},
            class_names=read.texts("class_names"),
            preprocessing=read.object("preprocessing"),
            versions=read.object("versions") or {},
            created_at=read.text("created_at"),
            resumed_at=read.texts("resumed_at") or [],
            extra=read.others(_KNOWN),
        )

    def training_settings(self) -> dict[str, Any]:
        """``settings``, for training the run again; raises ``RunFormatError`` when the file
        has none (``TrainConfig.from_dict`` checks them)."""
        if self.settings is None:
            raise RunFormatError(_("config.json has no settings"))
        return self.settings

    def to_json(self) -> dict[str, Any]:
        """The JSON object for ``config.json`` (``format_version`` first; ``resumed_at`` only
        once the run was resumed, as earlier releases wrote it)."""
        data: dict[str, Any] = {
            "format_version": self.format_version,
            "settings": self.settings,
            "data": self.data,
            "class_names": self.class_names,
            "preprocessing": self.preprocessing,
            "versions": self.versions,
            "created_at": self.created_at,
        }
        if self.resumed_at:
            data["resumed_at"] = self.resumed_at
        return {**data, **self.extra}


_KNOWN = tuple(f.name for f in fields(ConfigFile) if f.name != "extra")
