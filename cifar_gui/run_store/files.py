"""The name of every file in a run folder, in one place, and the version of the format.

Layout::

    RUN_DIR/config.json    settings, data source, preprocessing statistics, versions
    RUN_DIR/history.csv    one row per finished epoch (rewritten atomically after each)
    RUN_DIR/summary.json   status, best epoch, timings, device, test metrics
    RUN_DIR/model.keras    the model after the last finished epoch; after a run that early
                           stopping ended, the best epoch's (summary.json's ``model_epoch``
                           says which epoch it holds)
    RUN_DIR/best.keras     the model of the best validation epoch
    RUN_DIR/last.keras     only when model.keras holds the best epoch: the state after the
                           last finished epoch, from which a resume continues
    RUN_DIR/error.txt      the traceback of a failed run
    RUN_DIR/test_predictions.npy  class probabilities of every test image (after evaluation)
    RUN_DIR/confusion_by_epoch.npy  the validation confusion matrix of every epoch
    RUN_DIR/.lock          held by the process training the run (``lock``)
    RUN_DIR/tensorboard/   TensorBoard logs, when asked for

An exported run (a zip, ``archive``) holds the same names, plus ``class_names.json``.
"""

from __future__ import annotations

CONFIG = "config.json"
SUMMARY = "summary.json"
HISTORY = "history.csv"
MODEL = "model.keras"
BEST_MODEL = "best.keras"
LAST_MODEL = "last.keras"
ERROR = "error.txt"
PREDICTIONS = "test_predictions.npy"
CONFUSION = "confusion_by_epoch.npy"
LOCK = ".lock"
TENSORBOARD = "tensorboard"
CLASS_NAMES = "class_names.json"  # only inside an exported run (zip)

RUN_MARKERS = (CONFIG, SUMMARY)  # a folder holding either is a run folder
HISTORY_FIELDS = ("epoch", "loss", "acc", "val_loss", "val_acc", "lr", "seconds")

FORMAT_VERSION = 1
"""The version of ``summary.json`` and ``config.json`` this release writes (their
``format_version``). Runs written before the field existed are version 1. A later release that
changes the meaning of a field raises it; this release refuses a run of a higher version rather
than misread it."""
