"""The run folder: one folder per training run, its files, and everything that reads them.

No TensorFlow and no Qt here (``cifar_gui/run_store/ruff.toml``): the runs table, the CLI and
the evaluation view read runs before TensorFlow has loaded. The modules:

- ``files``: the name of every file in a run folder, and the format version;
- ``fields``: the typed reading of a JSON object from someone else (one-line refusals);
- ``summary``, ``config_file``: ``summary.json`` and ``config.json`` as dataclasses;
- ``record``: ``RunRecord``, reading and writing one folder's files atomically;
- ``listing``: the runs of a folder for the runs table, renaming, deleting;
- ``lock``: the lock held by the process training a run;
- ``confusion_history``: the validation confusion matrix of every epoch;
- ``archive``: a run as one zip, written and read back safely;
- ``stored_evaluation``: a run's test-set evaluation with its test images.

Each module is imported by its own name; this package imports nothing.
"""
