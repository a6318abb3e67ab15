"""Mixed precision where it pays (issue 12, the CPU path): float16 on a GPU, bfloat16 on a CPU
with bfloat16 units (1.3x faster on this project's CPU, docs/benchmarks.md), float32 on any
other CPU, where half precision is slower; the user is told which."""

from __future__ import annotations

import pytest

from cifar_gui import cpu_features
from cifar_gui.config import TrainConfig


@pytest.fixture
def cpuinfo(tmp_path, monkeypatch):
    """Point the flag reader at a fake /proc/cpuinfo with the given flags."""

    def write(flags: str):
        path = tmp_path / "cpuinfo"
        path.write_text(f"processor\t: 0\nmodel name\t: Some CPU\nflags\t\t: {flags}\n\n")
        monkeypatch.setattr(cpu_features, "CPUINFO", path)
        cpu_features.cpu_has_bfloat16.cache_clear()

    yield write
    cpu_features.cpu_has_bfloat16.cache_clear()


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ("fpu sse2 avx2 avx512f amx_bf16 amx_tile", True),  # Sapphire Rapids
        ("fpu avx2 avx512f avx512_bf16", True),  # Cooper Lake, Zen 4
        ("fpu sse2 avx2 avx512f avx512_vnni", False),  # Ice Lake: no bfloat16 units
        ("fpu sse2 avx2", False),
    ],
)
def test_bfloat16_units_are_read_from_the_cpu_flags(cpuinfo, flags, expected):
    cpuinfo(flags)
    assert cpu_features.cpu_has_bfloat16() is expected


def test_an_unreadable_cpuinfo_means_no_bfloat16(monkeypatch, tmp_path):
    monkeypatch.setattr(cpu_features, "CPUINFO", tmp_path / "missing")
    cpu_features.cpu_has_bfloat16.cache_clear()
    try:
        assert cpu_features.cpu_has_bfloat16() is False
    finally:
        cpu_features.cpu_has_bfloat16.cache_clear()


@pytest.mark.parametrize(("bf16", "policy"), [(True, "mixed_bfloat16"), (False, None)])
def test_the_cpu_policy_follows_its_units(monkeypatch, bf16, policy):
    from cifar_gui.ml import devices

    monkeypatch.setattr(devices, "cpu_has_bfloat16", lambda: bf16)
    assert devices.precision_policy(True, "cpu") == policy
    assert devices.precision_policy(False, "cpu") is None
    monkeypatch.setattr(devices.tf.config, "list_physical_devices", lambda kind=None: ["GPU:0"])
    assert devices.precision_policy(True, "auto") == "mixed_float16"
    assert devices.precision_policy(True, "cpu") == policy  # a pinned CPU stays a CPU


@pytest.mark.parametrize("bf16", [True, False])
def test_the_settings_accept_mixed_precision_on_a_cpu_only_with_bfloat16(monkeypatch, bf16):
    monkeypatch.setattr("cifar_gui.config.cpu_has_bfloat16", lambda: bf16)
    problems = TrainConfig(device="cpu", mixed_precision=True).problems()
    assert ("mixed_precision" in problems) is (not bf16)


def test_a_bfloat16_model_computes_in_bfloat16_with_a_float32_softmax():
    import keras

    from cifar_gui.ml.models import build_model

    model = build_model("dropout", 10, [125.0] * 3, [63.0] * 3, mixed_precision="mixed_bfloat16")
    convs = [layer for layer in model.layers if isinstance(layer, keras.layers.Conv2D)]
    assert {layer.compute_dtype for layer in convs} == {"bfloat16"}
    assert {layer.variable_dtype for layer in convs} == {"float32"}  # weights stay float32
    assert model.get_layer("probabilities").compute_dtype == "float32"
    assert keras.mixed_precision.global_policy().name == "float32"  # restored afterwards


@pytest.mark.slow  # seconds of training: not in the quick loop
@pytest.mark.parametrize(("bf16", "said"), [(True, "mixed_bfloat16"), (False, "is off")])
def test_a_run_says_what_mixed_precision_became_and_trains(
    tmp_path, small_demo, monkeypatch, bf16, said
):
    from cifar_gui.ml import devices
    from cifar_gui.ml.training import train
    from cifar_gui.progress import TrainingObserver

    monkeypatch.setattr(devices, "cpu_has_bfloat16", lambda: bf16)
    messages = []
    config = TrainConfig(data="demo", epochs=1, mixed_precision=True, evaluate_test=False,
                         runs_dir=str(tmp_path))  # fmt: skip
    result = train(
        config, dataset=small_demo, observer=TrainingObserver(on_message=messages.append)
    )
    assert result.status == "completed"
    assert result.summary["device"] == ("CPU, mixed_bfloat16" if bf16 else "CPU")  # Runs table
    assert [m for m in messages if "Mixed precision" in m] == [
        next(m for m in messages if said in m)
    ]
