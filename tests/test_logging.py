"""The log: TensorFlow's start-up noise goes to the log file instead of the terminal, runs and
failures are written to a rotating file in the user's state folder, ``--verbose`` lets all through."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cifar_gui.logs import LOG_FILE, VERBOSE_ENV, log_dir, setup_logging

ROOT = Path(__file__).resolve().parents[1]
TF_NATIVE_LINE = re.compile(r"^[IWEF]\d{4} |absl::InitializeLog|cuInit|oneDNN", re.MULTILINE)
IMPORT_TF = "from cifar_gui.logs import setup_logging; setup_logging(); import cifar_gui.ml.devices"


def _import_tensorflow(tmp_path, **env) -> subprocess.CompletedProcess:
    env = {**os.environ, "CIFAR_GUI_LOG_DIR": str(tmp_path / "logs"), **env}
    env.pop("TF_CPP_MIN_LOG_LEVEL", None)  # the suite sets it; a user's shell does not
    return subprocess.run([sys.executable, "-c", IMPORT_TF], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=180)  # fmt: skip


@pytest.mark.slow  # imports TensorFlow twice in new processes (~15 s)
def test_tensorflow_start_up_lines_go_to_the_log_not_the_terminal(tmp_path):
    quiet = _import_tensorflow(tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    assert not TF_NATIVE_LINE.search(quiet.stderr), quiet.stderr
    verbose = _import_tensorflow(tmp_path, **{VERBOSE_ENV: "1"})
    assert verbose.returncode == 0, verbose.stderr
    log_text = (tmp_path / "logs" / LOG_FILE).read_text(encoding="utf-8")
    # What the user can ask to see is what the log kept (none at all on some machines).
    shown = TF_NATIVE_LINE.findall(verbose.stderr)
    assert ("TensorFlow start-up" in log_text) == bool(shown), (log_text, verbose.stderr)


def test_verbose_is_accepted_after_the_command_and_logs_debug(monkeypatch, tmp_path):
    from cifar_gui.cli import main

    monkeypatch.setenv(VERBOSE_ENV, "0")  # restored after the test: main() sets it
    try:
        code = main(["evaluate", str(tmp_path / "no-such-run"), "--verbose"])
        assert code != 0
        assert os.environ[VERBOSE_ENV] == "1"
        assert logging.getLogger("cifar_gui").getEffectiveLevel() == logging.DEBUG
    finally:
        setup_logging(verbose=False)
    assert logging.getLogger("cifar_gui").getEffectiveLevel() == logging.INFO
    assert not [
        h for h in logging.getLogger("cifar_gui").handlers if type(h) is logging.StreamHandler
    ]


def test_the_log_file_rotates_in_the_user_state_folder(monkeypatch, isolated_user_folders):
    monkeypatch.delenv("CIFAR_GUI_LOG_DIR")
    path = setup_logging(verbose=False)
    assert path == log_dir() / LOG_FILE
    assert path.is_relative_to(isolated_user_folders / "state")  # XDG_STATE_HOME on Linux
    handler = next(h for h in logging.getLogger("cifar_gui").handlers if hasattr(h, "maxBytes"))
    assert handler.maxBytes == 1_000_000 and handler.backupCount == 3
    logging.getLogger("cifar_gui.test").info("hello from the test")
    handler.flush()
    assert "INFO cifar_gui.test" in path.read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_run_and_its_failure_are_logged(tmp_path, small_demo):
    from cifar_gui.config import TrainConfig
    from cifar_gui.ml.training import train

    path = setup_logging(verbose=False)
    config = TrainConfig(data="demo", epochs=2, optimizer="sgd", learning_rate=10_000.0,
                         runs_dir=str(tmp_path))  # fmt: skip
    result = train(config, dataset=small_demo)
    assert result.status == "failed"
    text = path.read_text(encoding="utf-8")
    assert f"Run {result.run_dir}: training dropout on {small_demo.name} (2 epochs)" in text
    assert f"Run {result.run_dir} failed after 0 epochs (the loss became" in text
    assert "training diverged" in text
