"""Finding 7 in the sweep table: a run that learned nothing is never the sweep's best run."""

from __future__ import annotations

import json
from pathlib import Path

from cifar_gui.run_store.listing import read_run
from cifar_gui.sweep.results import SweepRow, SweepTable, _learned_nothing


def _row(index, best, at_chance):
    return SweepRow(index, {"learning_rate": 1e-3}, Path(f"r{index}"), "completed", best, None,
                    1.0, at_chance)  # fmt: skip


def test_a_run_at_chance_is_never_the_best():
    table = SweepTable("s", ["learning_rate"], [_row(1, 0.11, True), _row(2, 0.10, True)])
    assert table.best() is None  # before: run 1, at 0.11 of 10 classes, was called best
    table.rows.append(_row(3, 0.09, False))  # a run of more classes, above its chance
    assert table.best().index == 3


def test_a_runs_summary_and_classes_say_whether_it_learned(tmp_path):
    folder = tmp_path / "20260101-100000-a"
    folder.mkdir()
    (folder / "summary.json").write_text(json.dumps({"status": "completed", "test_acc": 0.1}))
    names = [str(i) for i in range(10)]
    (folder / "config.json").write_text(json.dumps({"settings": {}, "class_names": names}))
    assert _learned_nothing(read_run(folder))
    (folder / "summary.json").write_text(json.dumps({"status": "completed", "test_acc": 0.4}))
    assert not _learned_nothing(read_run(folder))
