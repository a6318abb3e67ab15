"""How a training run reports progress and takes orders, with no TensorFlow and no Qt.

The training function calls the plain callables of a ``TrainingObserver``; the CLI prints them
and the GUI's worker re-emits them as Qt signals. ``TrainingControl`` carries the Stop and Pause
requests as ``threading.Event``s that any thread may set.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RunStarted:
    run_dir: str
    settings: dict[str, Any]
    class_names: tuple[str, ...]
    train_size: int
    val_size: int
    test_size: int
    steps_per_epoch: int
    device: str
    history: tuple[dict[str, float], ...] = ()  # epochs finished before this start (a resume)


@dataclass(frozen=True)
class BatchProgress:
    epoch: int  # 1-based
    step: int  # 1-based, within the epoch
    steps: int  # batches per epoch, as model.fit counts them (0 while not known yet)
    loss: float  # running mean over the epoch so far, as Keras logs it
    acc: float
    images_per_second: float
    epochs: int = 0  # the epoch model.fit ends at (the run's planned epochs); 0 if not known


@dataclass(frozen=True)
class EpochResult:
    epoch: int  # 1-based
    loss: float
    acc: float
    val_loss: float
    val_acc: float
    learning_rate: float
    seconds: float
    logs: dict[str, float] = field(default_factory=dict)
    # The epoch's validation confusion matrix (rows: true class), when it was counted.
    confusion: tuple[tuple[int, ...], ...] | None = None

    def row(self) -> dict[str, float]:
        return {
            "epoch": self.epoch,
            "loss": self.loss,
            "acc": self.acc,
            "val_loss": self.val_loss,
            "val_acc": self.val_acc,
            "lr": self.learning_rate,
            "seconds": self.seconds,
        }


def _ignore(*_args: Any) -> None:
    return None


@dataclass
class TrainingObserver:
    """Callbacks for each event of a run; any left out are ignored. Called on the training thread."""

    on_start: Callable[[RunStarted], None] = _ignore
    on_batch: Callable[[BatchProgress], None] = _ignore
    on_epoch: Callable[[EpochResult], None] = _ignore
    on_message: Callable[[str], None] = _ignore  # human-readable notes (device, warnings)
    on_paused: Callable[[bool], None] = _ignore


class TrainingControl:
    """Stop and pause requests, checked by the training loop between batches."""

    def __init__(self) -> None:
        self.stop_event = threading.Event()
        self.pause_event = threading.Event()

    def request_stop(self) -> None:
        self.stop_event.set()

    def pause(self) -> None:
        self.pause_event.set()

    def resume(self) -> None:
        self.pause_event.clear()

    @property
    def stop_requested(self) -> bool:
        return self.stop_event.is_set()

    @property
    def paused(self) -> bool:
        return self.pause_event.is_set()

    def wait_while_paused(self, poll_seconds: float = 0.05) -> None:
        """Block while paused; a stop request ends the wait at once."""
        while self.pause_event.is_set() and not self.stop_event.is_set():
            self.stop_event.wait(poll_seconds)
