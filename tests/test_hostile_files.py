"""Hostile model, zip and image files (issue 13) run nothing, delete nothing, fill nothing and
hang nothing: each is refused in one line by ``cifar-gui predict`` before Keras sees it, and the
payload's marker file never appears. The files are built by ``hostile_files``."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import hostile_files as hf
import pytest


@pytest.fixture(scope="module")
def base_model(tmp_path_factory) -> Path:
    return hf.save_base_model(tmp_path_factory.mktemp("base") / "base.keras")


@pytest.fixture
def marker(tmp_path) -> Path:
    return tmp_path / "PAYLOAD_RAN"


@pytest.fixture
def image(tmp_path) -> Path:
    return hf.random_image(tmp_path / "cat.png")


@pytest.fixture
def no_keras_load(monkeypatch):
    """Fail if anything reaches Keras's loader: the checks must refuse first."""
    import keras

    calls = []
    monkeypatch.setattr(keras.saving, "load_model", lambda *a, **k: calls.append(a))
    return calls


def _installed() -> str:
    import keras

    return keras.version()


def _predict_one_line(model: Path, image: Path, capsys) -> str:
    from cifar_gui.cli import main

    capsys.readouterr()
    assert main(["predict", str(model), str(image)]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


@pytest.mark.parametrize("case", list(hf.CONFIG_CASES))
def test_hostile_configs_are_refused_in_one_line(
    case, base_model, tmp_path, marker, image, capsys, no_keras_load
):
    edit, expected = hf.CONFIG_CASES[case]
    hostile = hf.keras_with(base_model, tmp_path / "hostile.keras", lambda c: edit(c, marker))
    line = _predict_one_line(hostile, image, capsys)
    assert expected in line and "hostile.keras" in line
    assert no_keras_load == [] and not marker.exists()


def test_the_untouched_base_model_still_loads(base_model, image, capsys):
    """The control: what the hostile files are built from passes every check and predicts."""
    from cifar_gui.cli import main

    capsys.readouterr()
    assert main(["predict", str(base_model), str(image), "--json"]) == 0
    assert sum(json.loads(capsys.readouterr().out)["probabilities"].values()) == pytest.approx(1)


@pytest.mark.parametrize("case", list(hf.FILE_CASES))
def test_hostile_files_are_refused_in_one_line(
    case, base_model, tmp_path, marker, image, capsys, no_keras_load
):
    build, expected = hf.FILE_CASES[case]
    if "external" in case:
        marker.write_bytes(b"0123456789abcdef")  # the file the weights would be read from
    hostile = build(base_model, tmp_path, marker)
    line = _predict_one_line(hostile, image, capsys)
    assert expected in line and hostile.name in line
    assert no_keras_load == []


def test_a_savedmodel_folder_is_refused_with_how_to_convert(tmp_path, image, capsys):
    folder = tmp_path / "exported"
    folder.mkdir()
    (folder / "saved_model.pb").write_bytes(b"\x08\x01")
    line = _predict_one_line(folder, image, capsys)
    assert "a TensorFlow SavedModel, which this app does not open; convert it" in line


def test_an_older_keras_opens_no_model_file(base_model, image, capsys, monkeypatch, no_keras_load):
    """The floor (issue 13 item 1), with the version simulated: nothing is installed."""
    import cifar_gui.keras_file_check as check

    monkeypatch.setattr(check, "installed_keras_version", lambda: "3.3.3")
    line = _predict_one_line(base_model, image, capsys)
    assert "installed Keras 3.3.3" in line and "keras>=3.15.1" in line
    assert no_keras_load == []
    monkeypatch.setattr(check, "installed_keras_version", lambda: "3.15.1")
    assert check.check_keras_version() == "3.15.1"


def test_the_floor_in_pyproject_matches_the_run_time_check():
    from cifar_gui.keras_file_check import KERAS_FLOOR

    text = (Path(__file__).parents[1] / "pyproject.toml").read_text()
    floor = ".".join(map(str, KERAS_FLOOR))
    assert f'"keras>={floor}"' in text
    assert KERAS_FLOOR >= (3, 13, 2)  # the lowest release that closes every listed advisory


# ---- run zips -------------------------------------------------------------------------------
def _zip_cases(base: Path, tmp: Path) -> dict[str, tuple[Path, str]]:
    model = base.read_bytes()
    plain = hf.run_zip(tmp / "plain.zip", model)
    return {
        "encrypted member": (
            _rewrite(tmp / "enc.zip", hf.encrypted_flag(plain.read_bytes())),
            "which is encrypted",
        ),
        "unsupported compression method": (
            _rewrite(tmp / "method.zip", hf.patch_method(plain.read_bytes(), 97)),
            "compressed with a method this app does not read (97)",
        ),
        "two members with the same name": (
            hf.run_zip(tmp / "dup.zip", model, extra=[("model.keras", model)]),
            "holds two files named 'model.keras'",
        ),
        "stored model.keras that is itself a bomb": (
            hf.run_zip(
                tmp / "inner.zip", hf.many_members_keras(base, tmp / "inner.keras").read_bytes()
            ),
            "holds 7 files; at most 3 expected",
        ),
        "inner model declaring 3.9 GiB of weights": (
            hf.run_zip(tmp / "w.zip", hf.weights_bomb_keras(base, tmp / "w.keras").read_bytes()),
            "declares 1,040,000,000 values",
        ),
    }


def _rewrite(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_hostile_run_zips_are_refused_before_anything_is_extracted(
    base_model, tmp_path, image, capsys, no_keras_load
):
    from cifar_gui.run_store.archive import RunArchiveError, unpack_run_archive

    for case, (path, expected) in _zip_cases(base_model, tmp_path).items():
        line = _predict_one_line(path, image, capsys)
        assert expected in line, (case, line)
        into = tmp_path / f"unpacked-{path.stem}"
        with pytest.raises(RunArchiveError, match=expected.replace("(", r"\(").replace(")", r"\)")):
            unpack_run_archive(path, into)
        assert not into.exists(), case  # nothing extracted, not even the folder
    assert no_keras_load == []


def test_a_run_zip_with_an_unknown_extra_file_still_loads(base_model, tmp_path, image, capsys):
    """A later version may add files to an export: they are skipped, not extracted."""
    from cifar_gui.cli import main

    path = hf.run_zip(tmp_path / "run.zip", base_model.read_bytes(), extra=[("notes.txt", b"x")])
    capsys.readouterr()
    assert main(["predict", str(path), str(image)]) == 0


# ---- resume ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda c: c["compile_config"].update(loss="mean_squared_error"), "are not the ones"),
        (
            lambda c: c["compile_config"]["optimizer"].update(class_name="Nadam"),
            "'keras.optimizers'.'Nadam' is not on the allow-list",
        ),
        (lambda c: c.pop("compile_config"), "saved without its training settings"),
    ],
)
def test_resume_accepts_only_the_compile_settings_the_app_writes(
    base_model, tmp_path, edit, expected, no_keras_load
):
    from cifar_gui.ml.training import ResumeError, _load_for_resume
    from cifar_gui.run_store.record import RunRecord

    run = tmp_path / "run"
    run.mkdir()
    hf.keras_with(base_model, run / "model.keras", edit)
    with pytest.raises(ResumeError, match=expected):
        _load_for_resume(RunRecord(run))
    assert no_keras_load == []


def test_resume_goes_through_the_model_checks(base_model, tmp_path, marker, no_keras_load):
    from cifar_gui.ml.training import ResumeError, _load_for_resume
    from cifar_gui.run_store.record import RunRecord

    run = tmp_path / "run"
    run.mkdir()
    hf.keras_with(
        base_model, run / "model.keras", lambda c: hf.insert_layer(c, hf.os_system_layer(marker))
    )
    with pytest.raises(ResumeError, match="not on the allow-list"):
        _load_for_resume(RunRecord(run))
    assert no_keras_load == [] and not marker.exists()


def test_resume_of_the_apps_own_settings_reaches_keras(base_model, tmp_path):
    from cifar_gui.ml.training import _load_for_resume
    from cifar_gui.run_store.record import RunRecord

    run = tmp_path / "run"
    run.mkdir()
    (run / "model.keras").write_bytes(base_model.read_bytes())
    model = _load_for_resume(RunRecord(run))
    assert type(model.optimizer).__name__ == "Adam"


# ---- versions (issue 10 item 12) ------------------------------------------------------------
def test_a_keras_2_file_gets_one_sentence_with_both_versions(base_model, tmp_path, image, capsys):
    def keras2(config):
        config["module"] = "keras.src.engine.functional"

    path = hf.with_metadata(base_model, tmp_path / "old.keras", "2.15.0", keras2)
    line = _predict_one_line(path, image, capsys)
    assert f"saved by Keras 2.15.0, but Keras {_installed()} is installed" in line
    assert "Keras 3 cannot read Keras 2 models: train it again here" in line


def test_a_file_from_a_newer_keras_gives_one_sentence_and_the_detail(base_model, tmp_path):
    """A newer Keras wrote a setting this one does not know: Keras's own message is thousands
    of characters (the whole config); the user sees one sentence, the rest is the detail."""
    from cifar_gui.ml.inference import ModelLoadError, load_model

    def future(config):
        for layer in hf.layers_of(config):
            if layer["class_name"] == "Dense":
                layer["config"]["future_option"] = True

    path = hf.with_metadata(base_model, tmp_path / "new.keras", "3.99.0", future)
    with pytest.raises(ModelLoadError) as error:
        load_model(path)
    message = str(error.value)
    assert message == (
        f"{path}: saved by Keras 3.99.0, but Keras {_installed()} is installed; update Keras "
        f"(pip install -U keras) or ask for the model saved with Keras {_installed()}"
    )
    assert "future_option" in error.value.details


def test_the_cli_prints_the_newer_version_sentence_on_one_line(base_model, tmp_path, image, capsys):
    def future(config):
        hf.layers_of(config)[-1]["config"]["future_option"] = True

    path = hf.with_metadata(base_model, tmp_path / "new.keras", "3.99.0", future)
    line = _predict_one_line(path, image, capsys)
    assert "saved by Keras 3.99.0" in line and len(line) < 400


# ---- images ---------------------------------------------------------------------------------
def test_postscript_named_png_never_reaches_ghostscript(tmp_path, marker, capsys, monkeypatch):
    from PIL import EpsImagePlugin

    from cifar_gui.data.images import ImageError, decode_image, load_image_array

    started = []
    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", lambda *a, **k: started.append(a))
    eps = hf.eps_named_png(tmp_path / "photo.png", marker)
    for decode in (load_image_array, decode_image):
        with pytest.raises(ImageError, match="not an image file"):
            decode(eps)
    assert started == [] and not marker.exists()


def test_the_cli_refuses_postscript_in_one_line(base_model, tmp_path, marker, capsys, monkeypatch):
    from PIL import EpsImagePlugin

    from cifar_gui.cli import main

    started = []
    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", lambda *a, **k: started.append(a))
    eps = hf.eps_named_png(tmp_path / "photo.png", marker)
    capsys.readouterr()
    assert main(["predict", str(base_model), str(eps)]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "photo.png: not an image file" in err[0]
    assert started == [] and not marker.exists()


def test_a_re_zipped_export_with_a_deflated_model_still_loads(base_model, tmp_path, image, capsys):
    """A student re-zips an export with the system's zip tool: the model is deflated, not stored;
    it is checked from an anonymous temporary copy and loads."""
    from cifar_gui.cli import main

    path = hf.write_zip(
        tmp_path / "rezipped.zip",
        [("model.keras", base_model.read_bytes()), ("config.json", b"{}")],
    )
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("model.keras").compress_type == zipfile.ZIP_DEFLATED
    capsys.readouterr()
    assert main(["predict", str(path), str(image)]) == 0
    assert capsys.readouterr().out.startswith(f"{image}: ")


@pytest.mark.slow
def test_resuming_a_run_with_a_hostile_model_changes_nothing_in_the_run(trained_run, marker):
    """Refused before the run folder is touched: its settings and summary stay byte for byte."""
    from cifar_gui.ml.training import ResumeError, resume

    model = trained_run / "model.keras"
    original = model.with_name("original.keras")
    model.rename(original)
    hf.keras_with(original, model, lambda c: hf.insert_layer(c, hf.os_system_layer(marker)))
    before = {name: (trained_run / name).read_bytes() for name in ("config.json", "summary.json")}
    with pytest.raises(ResumeError, match=r"cannot resume: .*'os'\.'system' is not on"):
        resume(trained_run, more_epochs=1)
    after = {name: (trained_run / name).read_bytes() for name in before}
    assert after == before and not marker.exists()


def test_a_file_from_an_older_keras_3_that_passes_loads(base_model, tmp_path, image, capsys):
    from cifar_gui.cli import main

    path = hf.with_metadata(base_model, tmp_path / "older.keras", "3.10.0")
    capsys.readouterr()
    assert main(["predict", str(path), str(image)]) == 0


def test_a_hostile_file_claiming_an_older_keras_is_still_refused_as_hostile(
    base_model, tmp_path, marker, image, capsys
):
    """The version a file claims never softens a refusal into advice about versions."""
    path = hf.with_metadata(
        base_model,
        tmp_path / "claims-older.keras",
        "3.10.0",
        lambda c: hf.insert_layer(c, hf.os_system_layer(marker)),
    )
    line = _predict_one_line(path, image, capsys)
    assert "refused: " in line and "'os'.'system' is not on the allow-list" in line
    assert "saved by Keras" not in line and not marker.exists()


# ---- run folders from someone else ----------------------------------------------------------
def test_oversized_run_files_are_refused_unread(tmp_path):
    """A run folder copied from a USB stick with a 3 GiB summary.json (sparse here) and a
    200 MiB history: refused from their size, the folder still listed with the problem."""
    from cifar_gui.run_store.listing import list_runs
    from cifar_gui.run_store.record import RunRecord

    run = tmp_path / "runs" / "2026-01-01-run"
    run.mkdir(parents=True)
    (run / "config.json").write_text('{"settings": {}}')
    with open(run / "summary.json", "wb") as handle:
        handle.truncate(3 << 30)
    with open(run / "history.csv", "wb") as handle:
        handle.truncate(200 << 20)
    record = RunRecord(run)
    with pytest.raises(ValueError, match="implausibly large"):
        record.read_summary()
    with pytest.raises(ValueError, match="implausibly large"):
        record.read_history()
    [listed] = list_runs(tmp_path / "runs")
    assert "summary.json unreadable" in listed.problem


def test_a_model_keras_cannot_load_inside_a_zip_is_named_by_the_zip(base_model, tmp_path):
    """Not the temporary copy's path, which means nothing to the user and is gone already."""
    from cifar_gui.ml.inference import ModelLoadError, load_model

    def future(config):
        hf.layers_of(config)[-1]["config"]["future_option"] = True

    inner = hf.with_metadata(base_model, tmp_path / "new.keras", "3.99.0", future)
    path = hf.run_zip(tmp_path / "run.zip", inner.read_bytes())
    with pytest.raises(ModelLoadError) as error:
        load_model(path)
    assert str(error.value).startswith(f"{path}:model.keras: saved by Keras 3.99.0")
    assert "cifar-gui-import-" not in str(error.value)
