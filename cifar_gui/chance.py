"""Whether a run has learned anything: the one judgement every view and the CLI use.

A classifier that guesses, or that predicts one class for every image, scores ``1 / K`` on
a balanced test set of ``K`` classes (CIFAR-10 and the demo data: 0.1). An accuracy at most
``CHANCE_MARGIN`` above that is read as "at chance": with the 1,000 test images of a small
run the binomial standard deviation of an accuracy of 0.1 is sqrt(0.1 * 0.9 / 1000) ≈ 0.0095,
so 0.02 is about two standard deviations, a score that cannot be told from guessing. Every
test image predicted as one class says the same whatever the accuracy (QA pass 3: runs of
500 images x 2 epochs ended at test accuracy 0.1000 with all 1,000 images predicted
"diagonal stripes", and nothing on screen said so). No Qt and no TensorFlow here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from cifar_gui.i18n import _, class_label

CHANCE_MARGIN = 0.02  # accuracy above 1/K still read as chance (about 2 SD for 1,000 images)


def chance_level(num_classes: int) -> float:
    """The accuracy of guessing among ``num_classes`` balanced classes (fraction, 0..1)."""
    return 1.0 / num_classes


def at_chance(accuracy: Any, num_classes: int | None) -> bool:
    """True when ``accuracy`` (a fraction) is at most ``1 / num_classes + CHANCE_MARGIN``;
    False when either is unknown (None, NaN, fewer than two classes)."""
    if not isinstance(num_classes, int) or num_classes < 2:
        return False
    if not isinstance(accuracy, int | float) or not math.isfinite(accuracy):
        return False
    return accuracy <= chance_level(num_classes) + CHANCE_MARGIN


def single_predicted_class(confusion: Any) -> int | None:
    """The class every image was predicted as, from a confusion matrix (``K x K`` counts,
    rows: true class, columns: predicted), or None when the predictions differ or it holds
    no images or is malformed."""
    try:
        columns = [sum(int(row[j]) for row in confusion) for j in range(len(confusion))]
    except (TypeError, ValueError, IndexError):
        return None
    filled = [j for j, count in enumerate(columns) if count > 0]
    return filled[0] if len(filled) == 1 else None


def _field(summary: Any, key: str) -> Any:
    """``summary[key]`` of a ``summary.json`` dict or a ``RunSummary``; None when absent."""
    try:
        return summary[key]
    except KeyError:
        return None


def _last_val_acc(history: Sequence[Mapping[str, Any]] | None) -> Any:
    return history[-1].get("val_acc") if history else None


def chance_note(
    summary: Any,
    history: Sequence[Mapping[str, Any]] | None = None,
    num_classes: int | None = None,
) -> str | None:
    """One sentence saying that a run has learned nothing, or None when it has (or when it
    cannot be told). ``summary``: the run's ``summary.json`` or ``RunSummary`` (its ``test_acc``,
    ``best_val_acc`` and stored ``evaluation``); ``history``: its epochs (the last one's
    ``val_acc`` is the final validation accuracy; without it, ``best_val_acc`` stands in);
    ``num_classes``: the data's classes when
    the evaluation does not name them."""
    evaluation = _field(summary, "evaluation") or {}
    names = evaluation.get("class_names") or []
    classes = len(names) if len(names) >= 2 else num_classes
    single = single_predicted_class(evaluation.get("confusion_matrix"))
    if single is not None and single < len(names) and classes and classes >= 2:
        return everything_as_one_class_text(evaluation, names[single])
    final_val = _last_val_acc(history) if history else _field(summary, "best_val_acc")
    accuracies = (_field(summary, "test_acc"), final_val)
    accuracy = next((a for a in accuracies if at_chance(a, classes)), None)
    if accuracy is None:
        return None
    return _(
        "Accuracy {acc:.4f} is at chance level ({chance:.2f} for {classes} classes): the model "
        "has learned nothing yet; train longer or raise the learning rate."
    ).format(acc=accuracy, chance=chance_level(classes), classes=classes)


def everything_as_one_class_text(evaluation: Mapping[str, Any], name: str) -> str:
    """ "All 1000 test images were predicted as 'diagonal stripes': …" for ``evaluation``."""
    count = evaluation.get("test_images")
    if not isinstance(count, int):
        count = sum(sum(int(v) for v in row) for row in evaluation.get("confusion_matrix", []))
    return _(
        "All {count} test images were predicted as '{name}': the model has learned nothing "
        "yet; train longer or raise the learning rate."
    ).format(count=count, name=class_label(name))


def result_chance_note(result: Any) -> str | None:
    """``chance_note`` for a finished run (a ``TrainingResult``: ``run_dir``, ``summary``,
    ``history``), its classes read from the run's ``config.json``; None for a failed run."""
    from cifar_gui.run_store.record import RunRecord  # the CLI imports this module at start

    if getattr(result, "status", None) == "failed":
        return None
    names = RunRecord(result.run_dir).class_names()
    history = getattr(result, "history", None)
    return chance_note(result.summary, history, len(names) if names else None)
