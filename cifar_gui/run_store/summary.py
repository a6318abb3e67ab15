"""``summary.json``: where a run stands, as a dataclass read with every field's type checked.

Written when a run starts and after every epoch (``RunRecord.write_summary``), read by the
runs table, the CLI, the evaluation view, sweeps and resume. Any field may be missing (a run
killed before its first summary, a run of an earlier release); a field of the wrong type
refuses the file in one line (``fields.RunFormatError``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from cifar_gui.run_store.fields import FieldReader
from cifar_gui.run_store.files import FORMAT_VERSION, SUMMARY

STATUSES = ("running", "completed", "stopped", "failed")


@dataclass
class RunSummary:
    """The fields of ``summary.json``; times are ISO 8601 UTC strings, durations seconds,
    accuracies fractions (0..1), epochs counted from 1."""

    name: str | None = None  # the display name the user gave (any script), else None
    status: str | None = None  # one of STATUSES
    started_at: str | None = None
    finished_at: str | None = None
    duration_seconds: float | None = None  # training time over all sessions of the run
    epochs_completed: int | None = None
    epochs_planned: int | None = None
    best_epoch: int | None = None  # the best epoch by ``monitor`` (best.keras holds it)
    best_val_acc: float | None = None  # the best epoch's validation figures
    best_val_loss: float | None = None
    monitor: str | None = None  # "val_acc" or "val_loss"
    model_epoch: int | None = None  # the epoch whose weights model.keras holds
    device: str | None = None
    test_loss: float | None = None
    test_acc: float | None = None
    error: str | None = None  # one line: why the run failed
    evaluation: dict[str, Any] | None = None  # the stored test evaluation (``ml.evaluation``)
    unsaved_epochs: list[int] = field(default_factory=list)  # epochs trained but not saved
    format_version: int = FORMAT_VERSION
    extra: dict[str, Any] = field(default_factory=dict)  # fields this release does not know

    @classmethod
    def from_json(cls, data: Any, where: str = SUMMARY) -> RunSummary:
        """The summary in ``data`` (a parsed JSON object from the file ``where``). Raises
        ``RunFormatError`` in one line for a field of the wrong type or a newer format."""
        read = FieldReader(data, where)
        return cls(
            format_version=read.format_version(),
            name=read.text("name"),
            status=read.choice("status", STATUSES),
            started_at=read.text("started_at"),
            finished_at=read.text("finished_at"),
            duration_seconds=read.number("duration_seconds"),
            epochs_completed=read.whole("epochs_completed"),
            epochs_planned=read.whole("epochs_planned"),
            best_epoch=read.whole("best_epoch"),
            best_val_acc=read.number("best_val_acc"),
            best_val_loss=read.number("best_val_loss"),
            monitor=read.text("monitor"),
            model_epoch=read.whole("model_epoch"),
            device=read.text("device"),
            test_loss=read.number("test_loss"),
            test_acc=read.number("test_acc"),
            error=read.text("error"),
            evaluation=read.object("evaluation"),
            unsaved_epochs=read.wholes("unsaved_epochs") or [],
            extra=read.others(_KNOWN),
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON object for ``summary.json`` (``format_version`` first; the evaluation and
        the unsaved epochs only when there are any, as earlier releases wrote them)."""
        data = {"format_version": self.format_version}
        data.update((k, v) for k, v in asdict(self).items() if k in _KNOWN and k not in data)
        if data["evaluation"] is None:
            del data["evaluation"]
        if not data["unsaved_epochs"]:
            del data["unsaved_epochs"]
        return {**data, **self.extra}

    def __getitem__(self, key: str) -> Any:
        """A field by its name in ``summary.json``: ``summary["status"]`` is ``summary.status``."""
        if key in _KNOWN:
            return getattr(self, key)
        return self.extra[key]

    @property
    def display_name(self) -> str | None:
        """The name the user gave, if it is more than blanks."""
        return self.name if self.name and self.name.strip() else None


_KNOWN = tuple(f.name for f in fields(RunSummary) if f.name != "extra")
