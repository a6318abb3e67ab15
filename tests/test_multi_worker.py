"""Scaling out with TensorFlow's own engine: two CPU workers on loopback train one tiny epoch
with MultiWorkerMirroredStrategy and must end with the same weights."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from cifar_gui.cli import main

# Traced: TensorFlow's collective all-gather does not run eagerly (see tests/model_stub/tiny_model.py).
pytestmark = [pytest.mark.slow, pytest.mark.keras_graph]
ROOT = Path(__file__).resolve().parents[1]


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def test_two_workers_on_loopback_end_with_the_same_weights(tmp_path):
    import keras

    workers = [f"127.0.0.1:{port}" for port in _free_ports(2)]
    runs = tmp_path / "runs"
    processes = []
    for index in range(2):
        env = dict(os.environ, CUDA_VISIBLE_DEVICES="")
        env["TF_CONFIG"] = json.dumps(
            {"cluster": {"worker": workers}, "task": {"type": "worker", "index": index}}
        )
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "cifar_gui.cli", "train", "--multi-worker", "--data", "demo",
             "--epochs", "1", "--limit-train", "256", "--batch-size", "32", "--lr", "1e-3",
             "--runs-dir", str(runs), "--json"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env,
        ))  # fmt: skip
    results = []
    for process in processes:
        out, err = process.communicate(timeout=400)
        assert process.returncode == 0, err[-3000:]
        results.append(json.loads(out.splitlines()[-1]))
    assert [r["status"] for r in results] == ["completed", "completed"]
    chief, worker = (Path(r["run_dir"]) for r in results)
    assert chief.parent == runs and worker.parent == runs / ".workers"  # the table shows one run
    summary = json.loads((chief / "summary.json").read_text())
    assert summary["device"] == "MultiWorkerMirroredStrategy: 2 replicas"
    weights = [keras.saving.load_model(p / "model.keras").get_weights() for p in (chief, worker)]
    assert len(weights[0]) == len(weights[1])
    for a, b in zip(*weights, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-6, atol=1e-6)
    assert results[0]["test_acc"] == pytest.approx(results[1]["test_acc"])


@pytest.mark.parametrize(
    ("tf_config", "message"),
    [(None, "set TF_CONFIG"), ("{oops", "TF_CONFIG is not valid"),
     ('{"cluster": {"worker": ["a:1"]}, "task": {"type": "worker", "index": 3}}',
      "index 3 is not one of the 1 workers")],
)  # fmt: skip
def test_a_bad_tf_config_is_one_line(monkeypatch, capsys, tf_config, message):
    if tf_config is None:
        monkeypatch.delenv("TF_CONFIG", raising=False)
    else:
        monkeypatch.setenv("TF_CONFIG", tf_config)
    assert main(["train", "--multi-worker", "--data", "demo"]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
