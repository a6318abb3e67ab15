"""``summary.json``: where a run stands, as a dataclass read with every field's type checked.

Written when a run starts and after every epoch (``RunRecord.write_summary``), read by the
runs table, the CLI, the evaluation view, sweeps and resume. Any field may be missing (a run
killed before its first summary, a run of an earlier release); a field of the wrong type
refuses the file in one line (``fields.RunFormatError``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cifar_gui.run_store.fields import RunFile, json_field
from cifar_gui.run_store.files import FORMAT_VERSION, SUMMARY

STATUSES = ("running", "completed", "stopped", "failed")


def _field(kind: str, **options: Any) -> Any:
    return field(default=None, metadata=json_field(kind, **options))


@dataclass
class RunSummary(RunFile):
    """The fields of ``summary.json``; times are ISO 8601 UTC strings, durations seconds,
    accuracies fractions (0..1), epochs counted from 1. ``summary["status"]`` is
    ``summary.status`` (a field by its name in the file)."""

    name: str | None = _field("text")  # the display name the user gave (any script)
    status: str | None = _field("choice", choices=STATUSES)
    started_at: str | None = _field("text")
    finished_at: str | None = _field("text")
    duration_seconds: float | None = _field("number")  # training time over all sessions
    epochs_completed: int | None = _field("whole")
    epochs_planned: int | None = _field("whole")
    best_epoch: int | None = _field("whole")  # the best epoch by ``monitor`` (best.keras)
    best_val_acc: float | None = _field("number")  # the best epoch's validation figures
    best_val_loss: float | None = _field("number")
    monitor: str | None = _field("text")  # "val_acc" or "val_loss"
    model_epoch: int | None = _field("whole")  # the epoch whose weights model.keras holds
    device: str | None = _field("text")
    test_loss: float | None = _field("number")
    test_acc: float | None = _field("number")
    error: str | None = _field("text")  # one line: why the run failed
    evaluation: dict[str, Any] | None = field(  # the stored test evaluation
        default=None, metadata=json_field("object")
    )
    unsaved_epochs: list[int] = field(  # epochs trained but not saved (disk full, kept going)
        default_factory=list, metadata=json_field("wholes")
    )
    format_version: int = FORMAT_VERSION
    extra: dict[str, Any] = field(default_factory=dict)  # fields this release does not know

    FILE = SUMMARY
    OMIT_EMPTY = ("evaluation", "unsaved_epochs")  # as earlier releases wrote them

    def __getitem__(self, key: str) -> Any:
        """A field by its name in ``summary.json``: ``summary["status"]`` is ``summary.status``."""
        if key in self.__dataclass_fields__ and key != "extra":
            return getattr(self, key)
        return self.extra[key]

    @property
    def display_name(self) -> str | None:
        """The name the user gave, if it is more than blanks."""
        return self.name if self.name and self.name.strip() else None
