"""The run folder as a typed format (``cifar_gui.run_store``): ``summary.json`` and
``config.json`` as dataclasses with a format version, read back from runs of the previous
release, refused in one line when newer or damaged, and every file name in one place."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cifar_gui import i18n
from cifar_gui.cli import main
from cifar_gui.run_store import files
from cifar_gui.run_store.config_file import ConfigFile
from cifar_gui.run_store.fields import RunFormatError
from cifar_gui.run_store.listing import display_name, list_runs, rename_run
from cifar_gui.run_store.record import RunRecord
from cifar_gui.run_store.summary import RunSummary

ROOT = Path(__file__).resolve().parents[1]

# ---- runs as the previous release (0.1.0, without format_version) wrote them, by hand ------
OLD_SUMMARY = {
    "name": "첫 번째 실행",
    "status": "completed",
    "started_at": "2026-11-20T08:00:00+00:00",
    "finished_at": "2026-11-20T08:03:12+00:00",
    "duration_seconds": 191.532,
    "epochs_completed": 3,
    "epochs_planned": 3,
    "best_epoch": 2,
    "best_val_acc": 0.5125,
    "best_val_loss": 1.3781,
    "monitor": "val_acc",
    "model_epoch": 3,
    "device": "CPU",
    "test_loss": 1.401,
    "test_acc": 0.498,
    "error": None,
    "evaluation": {
        "loss": 1.401,
        "accuracy": 0.498,
        "class_names": ["cat", "dog"],
        "confusion_matrix": [[30, 20], [30, 20]],
        "data_source": "demo",
        "test_images": 100,
        "model_epoch": 3,
        "evaluated_at": "2026-11-20T08:03:12+00:00",
    },
}
OLD_CONFIG = {
    "settings": {"preset": "dropout", "epochs": 3, "batch_size": 32, "data": "demo"},
    "data": {
        "name": "demo",
        "source": "demo",
        "fingerprint": {
            "class_names": ["cat", "dog"],
            "train_counts": [200, 200],
            "test_counts": [50, 50],
            "content_hash": "0123456789abcdef0123456789abcdef",
        },
        "train_images": 280,
        "val_images": 120,
        "test_images": 100,
    },
    "class_names": ["cat", "dog"],
    "preprocessing": {"mean": [0.5, 0.5, 0.5], "std": [0.25, 0.25, 0.25]},
    "versions": {"cifar_gui": "0.1.0", "keras": "3.15.1"},
    "created_at": "2026-11-20T08:00:00+00:00",
}
OLD_HISTORY = (
    "epoch,loss,acc,val_loss,val_acc,lr,seconds\n"
    "1,1.9,0.3,1.6,0.41,0.0001,60.1\n2,1.5,0.45,1.3781,0.5125,0.0001,60.3\n"
    "3,1.3,0.52,1.41,0.5,0.0001,61\n"
)


def _write_run(folder: Path, summary: dict, config: dict) -> Path:
    folder.mkdir(parents=True)
    (folder / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    (folder / "config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    (folder / "history.csv").write_text(OLD_HISTORY, encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# ---- round trips ----------------------------------------------------------------------------
def test_a_summary_survives_a_round_trip_through_json_with_every_field():
    summary = RunSummary.from_json(
        {**OLD_SUMMARY, "unsaved_epochs": [2], "later_field": {"kept": True}}
    )
    text = json.dumps(summary.to_json())
    again = RunSummary.from_json(json.loads(text))
    assert again == summary
    assert again.best_val_acc == 0.5125 and again.unsaved_epochs == [2]
    assert again.extra == {"later_field": {"kept": True}}  # unknown fields are never dropped
    assert json.loads(text)["format_version"] == files.FORMAT_VERSION == 1


def test_a_config_file_survives_a_round_trip_through_json_with_every_field():
    config = ConfigFile.from_json({**OLD_CONFIG, "resumed_at": ["2026-11-21T09:00:00+00:00"]})
    again = ConfigFile.from_json(json.loads(json.dumps(config.to_json())))
    assert again == config
    assert again.settings["batch_size"] == 32 and again.class_names == ["cat", "dog"]
    assert again.data["fingerprint"]["content_hash"] == "0123456789abcdef0123456789abcdef"
    assert again.resumed_at == ["2026-11-21T09:00:00+00:00"]


def test_new_runs_are_written_with_the_format_version(tmp_path):
    record = RunRecord.create(tmp_path, "new")
    record.write_summary(RunSummary(status="running", epochs_planned=3))
    record.write_config(ConfigFile(settings={"epochs": 3}))
    for name in (files.SUMMARY, files.CONFIG):
        written = json.loads((record.path / name).read_text(encoding="utf-8"))
        assert written["format_version"] == 1, name


# ---- the previous release's runs --------------------------------------------------------------
def test_a_run_of_the_previous_release_loads_as_format_1(tmp_path):
    folder = _write_run(tmp_path / "runs" / "20261120-080000-old-ab12", OLD_SUMMARY, OLD_CONFIG)
    record = RunRecord(folder)
    summary, config = record.load_summary(), record.load_config()
    assert summary.format_version == 1 and config.format_version == 1
    assert (summary.status, summary.best_epoch, summary.test_acc) == ("completed", 2, 0.498)
    assert summary.evaluation["confusion_matrix"] == [[30, 20], [30, 20]]
    assert config.settings["preset"] == "dropout" and record.class_names() == ("cat", "dog")
    [run] = list_runs(tmp_path / "runs")
    assert run.problem is None and run.status == "completed" and run.name == "첫 번째 실행"
    assert run.summary.best_val_acc == 0.5125 and run.data["name"] == "demo"
    assert display_name(folder) == "첫 번째 실행"


def test_renaming_a_run_of_the_previous_release_keeps_every_field(tmp_path):
    folder = _write_run(tmp_path / "20261120-080000-old-ab12", OLD_SUMMARY, OLD_CONFIG)
    rename_run(folder, "  renamed  ")
    written = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert written == {**OLD_SUMMARY, "name": "renamed", "format_version": 1}


# ---- newer runs and damaged fields: one line, nothing rewritten -----------------------------
NEWER = "this run was saved by a newer cifar-gui (run format 2; this one reads up to 1)"


@pytest.mark.parametrize("name", ["summary.json", "config.json"])
def test_a_run_of_a_newer_format_is_refused_in_one_sentence(tmp_path, name):
    summary, config = dict(OLD_SUMMARY), dict(OLD_CONFIG)
    (summary if name == "summary.json" else config)["format_version"] = 2
    folder = _write_run(tmp_path / "runs" / "20991231-000000-new-ab12", summary, config)
    record = RunRecord(folder)
    load = record.load_summary if name == "summary.json" else record.load_config
    with pytest.raises(RunFormatError) as caught:
        load()
    message = str(caught.value)
    assert message == f"{folder / name}: {NEWER}: update cifar-gui to open it"
    assert "\n" not in message
    [run] = list_runs(tmp_path / "runs")
    assert run.status == "damaged" and NEWER in run.problem


def test_a_newer_run_is_never_rewritten_by_rename_or_evaluate(tmp_path, capsys):
    folder = _write_run(
        tmp_path / "20991231-000000-new-ab12",
        {**OLD_SUMMARY, "format_version": 2},
        {**OLD_CONFIG, "format_version": 2},
    )
    before = _snapshot(folder)
    with pytest.raises(RunFormatError, match="newer cifar-gui"):
        rename_run(folder, "mine now")
    capsys.readouterr()
    assert main(["evaluate", str(folder)]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert NEWER in line
    assert _snapshot(folder) == before


@pytest.mark.parametrize(
    ("name", "field", "value", "expected"),
    [
        ("summary.json", "best_val_acc", "0.9", 'best_val_acc must be a number, not "0.9"'),
        ("summary.json", "epochs_completed", True, "epochs_completed must be a whole number, not true"),
        ("summary.json", "status", "pwned", "status must be one of running, completed, stopped, failed, not \"pwned\""),
        ("summary.json", "evaluation", [1], "evaluation must be an object, not [1]"),
        ("config.json", "class_names", ["cat", 7], 'class_names must be a list of texts, not ["cat", 7]'),
        ("config.json", "settings", "x" * 100, 'settings must be an object, not "' + "x" * 38 + "…"),
        ("config.json", "format_version", "2", 'format_version must be a whole number, not "2"'),
    ],
)  # fmt: skip
def test_a_field_of_the_wrong_type_is_refused_in_one_line(tmp_path, name, field, value, expected):
    summary, config = dict(OLD_SUMMARY), dict(OLD_CONFIG)
    (summary if name == "summary.json" else config)[field] = value
    folder = _write_run(tmp_path / "runs" / "20261120-080000-bad-ab12", summary, config)
    record = RunRecord(folder)
    with pytest.raises(RunFormatError) as caught:
        record.load_summary() if name == "summary.json" else record.load_config()
    assert str(caught.value) == f"{folder / name}: {expected}"
    [run] = list_runs(tmp_path / "runs")
    assert run.status == "damaged" and f"{name} unreadable: " in run.problem
    assert expected in run.problem and "\n" not in run.problem


def test_the_refusal_speaks_korean_in_a_korean_window(tmp_path):
    folder = _write_run(tmp_path / "run", {**OLD_SUMMARY, "best_val_acc": "0.9"}, OLD_CONFIG)
    i18n.set_language("ko")
    try:
        with pytest.raises(RunFormatError) as caught:
            RunRecord(folder).load_summary()
        with pytest.raises(RunFormatError) as refused:
            ConfigFile.from_json({"format_version": 9})
    finally:
        i18n.set_language("en")
    assert str(caught.value) == (
        f'{folder / "summary.json"}: best_val_acc의 값은 숫자여야 합니다 (지금: "0.9")'
    )
    assert "cifar-gui를 업데이트" in str(refused.value) and "newer" not in str(refused.value)


# ---- the file names and the layer ------------------------------------------------------------
def test_the_file_names_are_those_earlier_releases_wrote():
    assert (files.CONFIG, files.SUMMARY, files.HISTORY) == (
        "config.json",
        "summary.json",
        "history.csv",
    )
    assert (files.MODEL, files.BEST_MODEL, files.LAST_MODEL) == (
        "model.keras",
        "best.keras",
        "last.keras",
    )
    assert (files.ERROR, files.PREDICTIONS, files.CONFUSION, files.LOCK) == (
        "error.txt", "test_predictions.npy", "confusion_by_epoch.npy", ".lock"
    )  # fmt: skip


def test_no_module_spells_a_run_file_name_but_files_py():
    names = {
        v for k, v in vars(files).items() if k.isupper() and isinstance(v, str) and "." in v
    } | {files.TENSORBOARD}
    literal = re.compile("|".join(rf"""(["']){re.escape(n)}\1""" for n in sorted(names)))
    # keras_file_check reads the members of a .keras file: its "config.json" is Keras's own.
    allowed = {"cifar_gui/run_store/files.py", "cifar_gui/keras_file_check.py"}
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "cifar_gui").rglob("*.py"))
        if str(path.relative_to(ROOT)) not in allowed
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if literal.search(line)
    ]
    assert found == []


def test_the_literal_check_would_see_a_file_name(tmp_path):
    """The pattern above matches the ways a name is spelled in code, not a mention in text."""
    literal = re.compile(r"""(["'])summary\.json\1""")
    assert literal.search('path / "summary.json"') and literal.search("x['summary.json']")
    assert not literal.search('_("{path}: summary.json unreadable")')


def test_the_run_store_loads_without_tensorflow_or_qt():
    code = (
        "import sys, pkgutil, importlib, cifar_gui.run_store as p\n"
        "for m in pkgutil.iter_modules(p.__path__): importlib.import_module(f'{p.__name__}.{m.name}')\n"
        "print(sorted(n for n in ('tensorflow', 'keras', 'PySide6', 'pyqtgraph') if n in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("source", ["import keras\n", "from PySide6.QtCore import QObject\n",
                                    "def f():\n    import tensorflow\n"])  # fmt: skip
def test_ruff_refuses_tensorflow_and_qt_in_the_run_store(source):
    out = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "TID251", "--no-cache",
         "--output-format", "concise", "--stdin-filename", "cifar_gui/run_store/x.py", "-"],
        input=source, capture_output=True, text=True, cwd=ROOT, timeout=60,
    )  # fmt: skip
    assert "TID251" in out.stdout


# ---- the previous release's run, resumed (trains) ---------------------------------------------
@pytest.mark.slow
def test_a_run_of_the_previous_release_resumes_and_is_then_format_1(tmp_path, trained_run):
    from cifar_gui.ml.training import resume

    new_config = json.loads((trained_run / "config.json").read_text(encoding="utf-8"))
    old_config = {k: v for k, v in new_config.items() if k != "format_version"}
    assert set(old_config) == set(OLD_CONFIG)  # the previous release's keys, exactly
    old_summary = {
        **OLD_SUMMARY,
        "name": "template",
        "epochs_completed": 2,
        "epochs_planned": 2,
        "best_epoch": 2,
        "model_epoch": 2,
    }
    old_summary.pop("evaluation")
    (trained_run / "config.json").write_text(json.dumps(old_config, indent=2), encoding="utf-8")
    (trained_run / "summary.json").write_text(json.dumps(old_summary, indent=2), encoding="utf-8")
    result = resume(trained_run, more_epochs=1)
    assert result.status == "completed", result.error
    record = RunRecord(trained_run)
    assert len(record.read_history()) == 3 and record.load_summary().epochs_completed == 3
    config = record.load_config()
    assert config.format_version == 1 and len(config.resumed_at) == 1
    assert config.settings == {**old_config["settings"], "epochs": 3}


@pytest.mark.slow
def test_a_run_of_a_newer_format_is_not_resumed_and_left_as_it_was(tmp_path):
    from cifar_gui.ml.training import ResumeError, resume

    folder = _write_run(
        tmp_path / "20991231-000000-new-ab12",
        {**OLD_SUMMARY, "format_version": 2},
        {**OLD_CONFIG, "format_version": 2},
    )
    before = _snapshot(folder)
    with pytest.raises(ResumeError) as caught:
        resume(folder, more_epochs=1)
    assert str(caught.value) == f"{folder / 'config.json'}: {NEWER}: update cifar-gui to open it"
    assert {k: v for k, v in _snapshot(folder).items() if k != ".lock"} == before


def test_a_run_file_nested_too_deeply_is_refused_in_one_line_not_a_traceback(tmp_path):
    """200 kB of brackets made Python's JSON parser raise RecursionError, which the runs table,
    the CLI and a sweep's queue did not catch: the window's Runs tab failed to list anything."""
    from cifar_gui.sweep.queue import SweepQueue
    from cifar_gui.sweep.spec import SweepError

    folder = _write_run(tmp_path / "runs" / "20261120-080000-deep-ab12", OLD_SUMMARY, OLD_CONFIG)
    (folder / "summary.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(RunFormatError) as caught:
        RunRecord(folder).load_summary()
    assert str(caught.value) == f"{folder / 'summary.json'}: nested too deeply to be a run file"
    [run] = list_runs(tmp_path / "runs")
    assert run.status == "damaged" and "nested too deeply" in run.problem
    queue = tmp_path / "runs" / ".sweeps" / "deep"
    queue.mkdir(parents=True)
    (queue / "queue.json").write_text("{" + '"a":{' * 50_000 + "}" * 50_001, encoding="utf-8")
    with pytest.raises(SweepError, match="not a readable sweep queue"):
        SweepQueue.load(queue)
