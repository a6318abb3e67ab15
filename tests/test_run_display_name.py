"""Issue 10, item 15: a run name in any script is kept as the run's display name; the folder
name stays safe ASCII."""

from __future__ import annotations

import pytest

from cifar_gui.run_store.listing import display_name, list_runs, rename_run
from cifar_gui.run_store.record import RunRecord


@pytest.mark.slow
@pytest.mark.parametrize("name", ["첫 실험", "Выход/2", "  spaced  "])
def test_a_name_in_any_script_is_the_display_name(tmp_path, name):
    from cifar_gui.config import TrainConfig
    from cifar_gui.data.demo import make_demo_dataset
    from cifar_gui.ml.training import train

    config = TrainConfig(data="demo", preset="plain", epochs=1, batch_size=40,
                         evaluate_test=False, runs_dir=str(tmp_path), run_name=name)  # fmt: skip
    result = train(config, dataset=make_demo_dataset(train_size=80, test_size=10))
    assert result.status == "completed", result.error
    folder = result.run_dir.name
    assert folder.isascii() and "/" not in folder and result.run_dir.parent == tmp_path
    assert RunRecord(result.run_dir).read_summary()["name"] == name.strip()
    (run,) = list_runs(tmp_path)
    assert run.name == name.strip() == display_name(result.run_dir)


def test_a_run_without_a_given_name_is_shown_by_its_folder(tmp_path):
    record = RunRecord.create(tmp_path, "첫 실험")
    assert record.path.name.isascii()
    record.write_summary({"status": "completed", "name": None})
    assert display_name(record.path) == record.path.name
    rename_run(record.path, "두 번째")
    assert display_name(record.path) == "두 번째" == list_runs(tmp_path)[0].name
