"""The window's words for a run that learned nothing (the judgement is ``cifar_gui.chance``)."""

from __future__ import annotations

from cifar_gui.chance import result_chance_note


def run_chance_suffix(result) -> str:
    """ " — Accuracy 0.1000 is at chance level …" for a ``TrainingResult`` whose final
    validation or test accuracy is at chance (or that predicted one class for every test
    image); "" when the run learned something or it cannot be told."""
    note = result_chance_note(result)
    return f" — {note}" if note else ""
