"""The suite's own set-up: lifecycle tests train the tiny stand-in network, network tests the
preset, and collecting the suite imports no Keras or TensorFlow."""

from __future__ import annotations

import pytest
import tiny_model

from cifar_gui.config import TrainConfig


def _config(tmp_path) -> TrainConfig:
    return TrainConfig(data="demo", epochs=1, evaluate_test=False, runs_dir=str(tmp_path))


def _conv_layers(run_dir) -> int:
    import keras

    model = keras.saving.load_model(run_dir / "model.keras", compile=False, safe_mode=True)
    return sum(isinstance(layer, keras.layers.Conv2D) for layer in model.layers)


def test_collection_imports_no_keras(modules_imported_by_collection):
    """Collecting must stay fast: Keras costs ~20 s on a cold start, before any test runs."""
    assert modules_imported_by_collection & {"keras", "tensorflow"} == set()


@pytest.mark.slow
def test_train_uses_the_model_builder_it_is_given(tmp_path, small_demo):
    from cifar_gui.ml.models import build_model
    from cifar_gui.ml.training import train

    calls = []

    def builder(*args, **kwargs):
        calls.append((args[0], args[1], kwargs["dropout_rate"]))
        return build_model(*args, **kwargs)

    result = train(_config(tmp_path), dataset=small_demo.limited(100), model_builder=builder)
    assert result.status == "completed", result.error
    assert calls == [("dropout", 10, 0.2)]
    assert (
        _conv_layers(result.run_dir) == 6
    )  # the reference network, though the test default is tiny


@pytest.mark.slow
def test_lifecycle_tests_train_the_tiny_model(tmp_path, small_demo, lifecycle_model):
    from cifar_gui.ml.training import train

    result = train(_config(tmp_path), dataset=small_demo.limited(100))
    assert lifecycle_model == "tiny" and _conv_layers(result.run_dir) == 1


@pytest.mark.slow
@pytest.mark.real_model
def test_network_tests_train_the_preset(tmp_path, small_demo, lifecycle_model):
    from cifar_gui.ml.training import train

    result = train(_config(tmp_path), dataset=small_demo.limited(100))
    assert lifecycle_model == "preset" and _conv_layers(result.run_dir) == 6


@pytest.mark.slow
def test_resume_passes_the_builder_on_when_no_epoch_was_saved(tmp_path, small_demo):
    from cifar_gui.ml import training
    from cifar_gui.run_store.record import RunRecord

    calls = []

    def builder(*args, **kwargs):
        calls.append(args[0])
        return tiny_model.build_tiny_model(*args, **kwargs)

    stopped = training.train(_config(tmp_path), dataset=small_demo.limited(100))
    record = RunRecord(stopped.run_dir)
    (record.path / "history.csv").unlink()  # as if killed before the first epoch was saved
    result = training.resume(record.path, dataset=small_demo.limited(100), model_builder=builder)
    assert result.status == "completed" and calls == ["dropout"]


def _runs_eagerly() -> bool:
    import tensorflow as tf

    import cifar_gui.ml.training  # noqa: F401  (importing it sets the mode if TF was not loaded)

    return tf.config.functions_run_eagerly()


def test_the_tiny_models_steps_run_eagerly(lifecycle_model):
    """Tracing each new tiny model cost ~3-4 s a run; its eager steps a fraction of that."""
    assert lifecycle_model == "tiny" and _runs_eagerly()


@pytest.mark.real_model
def test_the_networks_steps_are_traced_as_in_the_application(lifecycle_model):
    assert lifecycle_model == "preset" and not _runs_eagerly()


@pytest.mark.keras_graph
def test_keras_graph_keeps_the_tiny_models_steps_traced(lifecycle_model):
    assert lifecycle_model == "tiny" and not _runs_eagerly()
