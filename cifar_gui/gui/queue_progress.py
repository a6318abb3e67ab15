"""Where a queued run stands in its queue (a sweep or Compare regularisation), for the progress
panel's Overall bar and ETA: its number, how many runs the queue holds, the epochs the runs
before it trained and the epochs the runs still pending will train.
"""

from __future__ import annotations

from dataclasses import dataclass

ENDED = ("completed", "stopped", "failed")  # a run that trained and will train no more


@dataclass(frozen=True)
class QueuePlan:
    """``run`` (from 1) of ``runs``; ``epochs_before``: epochs trained by the runs before it
    that ended; ``epochs_after``: epochs the pending runs after it will train (each run's own
    planned epochs: the runs of a preset or epochs sweep differ); ``paused``: the queue starts
    no run until it is resumed."""

    run: int
    runs: int
    epochs_before: int
    epochs_after: int
    paused: bool = False


def queue_plan(items: list, current, *, paused: bool = False) -> QueuePlan:
    """The plan of ``current``, one of ``items`` (``run_queue.QueuedRun``s). A run that ended
    counts the epochs it trained (``epochs_trained``; its planned epochs when that is not
    known, as for a run an earlier session finished); a cancelled run counts none.

    Raises ``ValueError`` when ``current`` is not in ``items``."""
    index = items.index(current)
    before = sum(_trained(item) for item in items[:index] if item.state in ENDED)
    after = sum(item.config.epochs for item in items[index + 1 :] if item.state == "pending")
    return QueuePlan(index + 1, len(items), before, after, paused)


def _trained(item) -> int:
    trained = getattr(item, "epochs_trained", None)
    return item.config.epochs if trained is None else int(trained)
