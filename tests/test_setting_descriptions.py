"""Issue 11, item 1: each setting is described once (``TrainConfig``'s ``setting(...)``), and
that description makes its CLI flag, its row in the settings panel, its refusal and its place in
a settings file. Every field is walked, so a setting added without a description, a flag, a
widget or a round trip fails here."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest
from settings_values import NON_DEFAULT, non_default_config

from cifar_gui.cli import build_parser
from cifar_gui.cli_train_flags import SETTING_FLAGS
from cifar_gui.config import ConfigError, TrainConfig, setting_specs, spec_for
from cifar_gui.setting_spec import GENERIC_WIDGETS, GROUPS, describe

NAMES = [f.name for f in fields(TrainConfig)]
# The settings whose range is checked, with a value outside it and the range's words.
OUT_OF_RANGE = {
    "dropout_rate": ("1.5", "at least 0 and less than 1"),
    "learning_rate": ("0", "greater than 0 and at most 10,000"),
    "batch_size": ("0", "from 1 to 65,536"),
    "epochs": ("100001", "from 1 to 100,000"),
    "val_split": ("1", "greater than 0 and less than 1"),
    "gpu_memory_limit_mb": ("32", "from 64 to 10,000,000"),
    "limit_train": ("1", "from 2 to 1,000,000,000"),
}


def _argv(name: str, value: object) -> list[str]:
    flag = spec_for(name).flag
    if isinstance(value, bool):
        return [flag if value else "--no-" + flag[2:]]
    return [flag, str(value)]


def _from_command_line(argv: list[str]) -> TrainConfig:
    from cifar_gui.cli import _config_from_args

    return _config_from_args(build_parser().parse_args(["train", *argv]))


@pytest.mark.parametrize("name", NAMES)
def test_every_setting_has_a_whole_description(name):
    field = next(f for f in fields(TrainConfig) if f.name == name)
    spec = describe(field)  # KeyError: the field has no setting(...) description
    assert spec.label and spec.help and spec.flag.startswith("--")
    assert spec.group in GROUPS
    assert spec.widget in GENERIC_WIDGETS or spec.widget in ("data_source", "preset", "device")
    if spec.choice_labels:
        assert len(spec.choice_labels) == len(spec.choices)
    if spec.value_type in (int, float) and name not in ("seed",):
        assert spec.low is not None and spec.high is not None, "a number needs its range"
    assert spec.problem(getattr(TrainConfig(), name)) is None, "the default is allowed"


@pytest.mark.parametrize("name", NAMES)
def test_every_setting_has_a_flag_that_parses_to_its_value(name):
    assert [s.field for s in SETTING_FLAGS].count(name) == 1
    config = _from_command_line(_argv(name, NON_DEFAULT[name]))
    assert getattr(config, name) == NON_DEFAULT[name]
    assert config.to_dict() == {**TrainConfig().to_dict(), name: NON_DEFAULT[name]}


def test_train_help_shows_every_flag_with_its_default(capsys):
    from cifar_gui.cli import main

    with pytest.raises(SystemExit):
        main(["train", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for spec in setting_specs():
        assert spec.flag in text, spec.name
    assert "--limit-train N a class-balanced sample" in text and "(default: all)" in text
    assert "(default: the user's data folder)" in text  # runs_dir: what "none" means
    assert text.count("(default:") >= len(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_every_setting_round_trips_through_a_settings_file(name, tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({name: NON_DEFAULT[name]}), encoding="utf-8")
    loaded = TrainConfig.load(path)
    assert getattr(loaded, name) == NON_DEFAULT[name]
    assert type(getattr(loaded, name)) is type(NON_DEFAULT[name])


def test_the_whole_file_round_trips_byte_for_byte(tmp_path):
    path = tmp_path / "settings.json"
    text = json.dumps(non_default_config().to_dict(), indent=2)
    path.write_text(text, encoding="utf-8")
    assert json.dumps(TrainConfig.load(path).validate().to_dict(), indent=2) == text


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"epochs": 12, "epoch": 3}', "Unknown setting"),
        ('{"epochs": ' + "9" * 5000 + "}", "not valid JSON"),
        ("[" * 100_000, "not valid JSON"),
        ('{"run_name": "' + "x" * (2 * 1024 * 1024) + '"}', "is larger than 1,024 KB"),
    ],
    ids=["unknown key", "5000-digit number", "deep nesting", "2 MB file"],
)
def test_a_hostile_settings_file_is_refused_in_one_sentence(tmp_path, content, words):
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        TrainConfig.load(path)
    assert words in str(caught.value)


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("mixed_precision", "yes", "Use true or false."),
        ("run_name", "x" * 5000, "Use at most 4,096 characters."),
        ("data", "demo\n", "Remove the control characters"),
        ("epochs", 1e308, "Enter a whole number, not 1e+308."),
        ("monitor", "val_accuracy", "Choose val_acc or val_loss."),
    ],
)
def test_a_hostile_value_is_refused_by_its_description(name, value, words):
    config = TrainConfig.from_dict({name: value})
    assert words in config.problems()[name]


@pytest.mark.parametrize("name", sorted(OUT_OF_RANGE))
def test_an_out_of_range_value_is_refused_naming_the_setting_and_its_range(name, capsys):
    from cifar_gui.cli import main

    text, words = OUT_OF_RANGE[name]
    assert main(["train", *_argv(name, text), "--json"]) == 2
    event = json.loads(capsys.readouterr().out.splitlines()[0])
    assert event["message"].startswith(spec_for(name).flag + ": ")
    assert words in event["message"]


# ---- the settings panel ------------------------------------------------------------------------
def _set_by_hand(field, value) -> None:
    """Put ``value`` into the field's widget as a user would: type it, tick it, pick it."""
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

    editor = field.editor
    if isinstance(editor, QLineEdit):
        editor.setText(str(value))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(value)
    elif isinstance(editor, QComboBox) and editor.findData(value) >= 0:
        editor.setCurrentIndex(editor.findData(value))
    else:  # a GPU TensorFlow has not listed yet: offered as the panel offers a found one
        field.write(value)


@pytest.fixture
def panel(qtbot):
    from cifar_gui.gui.settings_panel import SettingsPanel

    panel = SettingsPanel()
    qtbot.addWidget(panel)
    return panel


@pytest.mark.parametrize("name", NAMES)
def test_every_setting_has_a_row_that_sets_its_value(panel, name):
    from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox

    from cifar_gui.i18n import _

    spec = spec_for(name)
    field = panel.fields[name]
    _set_by_hand(field, NON_DEFAULT[name])
    assert getattr(panel.config(), name) == NON_DEFAULT[name]
    group = next(g for g in panel.findChildren(QGroupBox) if g.isAncestorOf(field.editor))
    assert group.title() == _(GROUPS[spec.group])
    if isinstance(field.editor, QCheckBox):
        assert field.editor.text() == _(spec.label)
    else:
        form = group.layout()
        assert isinstance(form, QFormLayout)
        labels = [form.itemAt(r, QFormLayout.ItemRole.LabelRole) for r in range(form.rowCount())]
        assert _(spec.label) in [item.widget().text() for item in labels if item]
    assert panel.label_for(name) == _(spec.label)
    if spec.widget in GENERIC_WIDGETS or name == "preset":  # data, device: their own words
        assert _(spec.help)[1:] in field.editor.toolTip()


@pytest.mark.parametrize("name", NAMES)
def test_every_setting_shows_the_value_it_is_given(panel, name):
    panel.set_config(non_default_config())
    assert panel.fields[name].read() == NON_DEFAULT[name]
    assert panel.problems() == {}


def test_a_number_row_shows_its_unit_and_its_range(panel):
    from PySide6.QtWidgets import QLabel

    row = panel.fields["patience"].row
    assert row is not None and [w.text() for w in row.findChildren(QLabel)] == ["epochs"]
    assert "Enter a whole number from 0 to 1,000." in panel.fields["patience"].editor.toolTip()
    assert panel.fields["limit_train"].editor.placeholderText() == "all"


@pytest.mark.parametrize("name", sorted(OUT_OF_RANGE))
def test_the_panel_refuses_an_out_of_range_value_naming_the_setting(panel, name):
    reasons = []
    panel.validityChanged.connect(lambda ok, reason: reasons.append((ok, reason)))
    text, words = OUT_OF_RANGE[name]
    panel.fields[name].editor.setText(text)
    ok, reason = reasons[-1]
    assert not ok and reason.startswith(spec_for(name).label + ": ") and words in reason
    assert words in panel.fields[name].error.text()


@pytest.mark.parametrize(
    ("name", "start", "keys", "shown"),
    [
        ("epochs", "30", ["Up", "Up"], "32"),
        ("dropout_rate", "0.2", ["Down"], "0.15"),
        ("dropout_rate", "0.95", ["Up"], "0.95"),  # 1 is refused (open bound): no step there
        ("patience", "1000", ["Up"], "1000"),  # the closed bound is the last value reached
        ("batch_size", "1", ["Down"], "1"),
        ("dropout_rate", "0.1, 0.3", ["Up"], "0.1, 0.3"),  # a sweep's list stays
    ],
)
def test_a_number_field_steps_like_a_spin_box_within_its_range(
    panel, qtbot, name, start, keys, shown
):
    from PySide6.QtCore import Qt

    editor = panel.fields[name].editor
    editor.setText(start)
    for key in keys:
        qtbot.keyClick(editor, getattr(Qt.Key, f"Key_{key}"))
    assert editor.text() == shown
