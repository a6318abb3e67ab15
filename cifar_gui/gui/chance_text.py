"""The window's words for a run that learned nothing (the judgement is ``cifar_gui.chance``)."""

from __future__ import annotations

from cifar_gui.chance import chance_note
from cifar_gui.run_store.record import RunRecord


def run_chance_suffix(result) -> str:
    """ " — Accuracy 0.1000 is at chance level …" for a ``TrainingResult`` whose final
    validation or test accuracy is at chance (or that predicted one class for every test
    image); "" when the run learned something or it cannot be told."""
    names = RunRecord(result.run_dir).class_names()
    history = getattr(result, "history", None)
    note = chance_note(result.summary, history, len(names) if names else None)
    return f" — {note}" if note else ""
