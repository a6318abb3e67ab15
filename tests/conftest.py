"""Shared fixtures: every test runs with its own empty data, cache and Keras folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, str(Path(__file__).parent))

# No network for the whole suite, subprocesses included (loopback stays open); and the tiny
# stand-in model for lifecycle tests, here and in the CLI subprocesses (see tiny_model).
NETWORK_GUARD = Path(__file__).parent / "network_guard"
MODEL_STUB = Path(__file__).parent / "model_stub"
sys.path[:0] = [str(NETWORK_GUARD), str(MODEL_STUB)]
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(NETWORK_GUARD), str(MODEL_STUB), os.environ.get("PYTHONPATH")) if p
)
import network_block  # noqa: E402
import tiny_model  # noqa: E402

network_block.install()
tiny_model.install()

SHARED_MINI = (
    Path(__file__).resolve().parents[2] / "shared/data/cifar10-mini/cifar-10-python.tar.gz"
)


_HEAVY_MODULES = ("keras", "tensorflow", "PySide6.QtWidgets", "sklearn")
_imported_by_collection = pytest.StashKey[frozenset[str]]()


def pytest_collection_finish(session) -> None:
    """Note which heavy modules collecting the tests imported (a test checks Keras is not)."""
    imported = frozenset(name for name in _HEAVY_MODULES if name in sys.modules)
    session.config.stash[_imported_by_collection] = imported


def pytest_collection_modifyitems(config, items) -> None:
    """Start the longest tests first, so that under pytest-xdist (``-n``) they do not end the
    run alone on one worker: those that carry their own long ``timeout`` (soak, Start/Stop x50).
    The order is stable, so every xdist worker collects the same list."""
    items.sort(key=lambda item: -_own_timeout(item))


def _own_timeout(item) -> float:
    marker = item.get_closest_marker("timeout")
    if marker is None:
        return 0.0
    value = marker.args[0] if marker.args else marker.kwargs.get("timeout", 0)
    return float(value or 0)


@pytest.fixture
def modules_imported_by_collection(pytestconfig) -> frozenset[str]:
    return pytestconfig.stash[_imported_by_collection]


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's real runs, caches, Keras folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("CIFAR_GUI_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("CIFAR_GUI_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("KERAS_HOME", str(home / ".keras"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("CIFAR_GUI_LOG_DIR", str(home / "logs"))
    monkeypatch.delenv("CIFAR_GUI_VERBOSE", raising=False)
    monkeypatch.delenv("CIFAR10_DIR", raising=False)
    return home


@pytest.fixture(autouse=True)
def lifecycle_model(request, monkeypatch) -> str:
    """Every test trains the tiny stand-in network unless marked ``real_model``.

    Only the model changes: saving, resume, stop, faults and the window behave the same with
    any Keras model, and the tiny one trains in a fraction of the time. The choice travels in
    an environment variable, so CLI subprocesses and the GUI's training thread follow it and
    Keras is not imported before a test trains. The tiny model's steps run eagerly, which
    saves tracing each new model; ``keras_graph`` keeps them traced.
    """
    if request.node.get_closest_marker("keras_graph"):
        monkeypatch.setenv(tiny_model.GRAPH_ENV, "1")
    else:
        monkeypatch.delenv(tiny_model.GRAPH_ENV, raising=False)
    if request.node.get_closest_marker("real_model"):
        monkeypatch.delenv(tiny_model.TINY_MODEL_ENV, raising=False)
        choice = "preset"
    else:
        monkeypatch.setenv(tiny_model.TINY_MODEL_ENV, "1")
        choice = "tiny"
    tiny_model.apply_execution_mode()  # eager for the tiny model (see tiny_model)
    return choice


@pytest.fixture(autouse=True)
def english_messages(monkeypatch):
    """Tests assert English messages whatever the machine's language: LANGUAGE (the first
    variable gettext reads, also in subprocesses) says English, and the core speaks it."""
    from cifar_gui import i18n

    monkeypatch.setenv("LANGUAGE", "en")
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def mini_archive() -> Path:
    """The shared real CIFAR-10 sample; tests that need it skip on a fresh clone."""
    if not SHARED_MINI.is_file():
        pytest.skip(f"{SHARED_MINI} is not present")
    return SHARED_MINI


@pytest.fixture(scope="session")
def small_demo():
    """A small demo data set, shared by the training tests (generation costs ~0.1 s)."""
    from cifar_gui.data.demo import make_demo_dataset

    return make_demo_dataset(train_size=400, test_size=100)


@pytest.fixture(scope="session")
def trained_run_template(tmp_path_factory) -> Path:
    """One small finished, evaluated run on the demo data (trained once per test session)."""
    from cifar_gui.config import TrainConfig
    from cifar_gui.data.demo import make_demo_dataset
    from cifar_gui.ml.training import train

    config = TrainConfig(
        data="demo",
        epochs=2,
        limit_train=400,
        learning_rate=1e-3,
        runs_dir=str(tmp_path_factory.mktemp("template-runs")),
        run_name="template",
    )
    result = train(config, dataset=make_demo_dataset(), model_builder=tiny_model.build_tiny_model)
    assert result.status == "completed", result.error
    return result.run_dir


@pytest.fixture
def trained_run(trained_run_template, isolated_user_folders) -> Path:
    """A copy of the template run in this test's own runs folder, free to change."""
    import shutil

    from cifar_gui.paths import default_runs_dir

    target = default_runs_dir() / trained_run_template.name
    shutil.copytree(trained_run_template, target)
    return target
