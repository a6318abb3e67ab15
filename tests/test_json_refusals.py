"""Files from others that are not usable JSON are refused in the user's words, never in
Python's parser's ("use sys.set_int_max_str_digits() to increase the limit")."""

import pytest

from cifar_gui.config import ConfigError, TrainConfig
from cifar_gui.run_store.record import RunRecord
from cifar_gui.sweep.queue import QUEUE_FILE, SweepQueue
from cifar_gui.sweep.spec import SweepError

BAD = {
    "a 5000-digit number": ('{"epochs": ' + "9" * 5000 + "}", "a number with too many digits"),
    "broken syntax": ('{"epochs": 3,\n "seed": }', "breaks off at line 2, column 10"),
    "deep nesting": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
}


@pytest.mark.parametrize("text, reason", BAD.values(), ids=list(BAD))
def test_a_settings_file_names_the_problem_in_a_sentence(tmp_path, text, reason):
    path = tmp_path / "settings.json"
    path.write_text(text)
    with pytest.raises(ConfigError) as refused:
        TrainConfig.load(path)
    message = str(refused.value)
    assert reason in message and message.endswith(").")
    assert "sys." not in message and "char " not in message and "Expecting" not in message


@pytest.mark.parametrize("text, reason", BAD.values(), ids=list(BAD))
def test_a_sweep_queue_names_the_problem_in_a_sentence(tmp_path, text, reason):
    (tmp_path / QUEUE_FILE).write_text(text)
    with pytest.raises(SweepError) as refused:
        SweepQueue.load(tmp_path)
    assert reason in str(refused.value) and "sys." not in str(refused.value)


def test_a_run_file_names_the_problem_in_a_sentence(tmp_path):
    (tmp_path / "summary.json").write_text('{"best_val_acc": ' + "1" * 5000 + "}")
    with pytest.raises(ValueError, match="a number with too many digits") as refused:
        RunRecord(tmp_path).read_json("summary.json")
    assert "sys." not in str(refused.value)


def test_several_refused_settings_read_as_one_sentence():
    with pytest.raises(ConfigError) as refused:
        TrainConfig.from_dict({"rm_rf": 1, "epochz": 3})
    # QA pass 3, N6: one sentence naming both, not two sentences per key joined by ";"
    assert str(refused.value) == "Unknown settings epochz, rm_rf: check their spelling."
