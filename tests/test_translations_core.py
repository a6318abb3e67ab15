"""The Korean edition of the Qt-free core and the command line (issue 14).

The catalogue is complete and up to date with the sources, the compiled ``.mo`` is the ``.po``,
and under ``LANG=ko_KR.UTF-8`` the command line answers in Korean (errors, ``--help``, the
training progress line, class names) while ``--json`` keeps its English keys and values.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cifar_gui import i18n

babel = pytest.importorskip("babel", reason="Babel is in the test extras (pip install -e .[test])")
from babel.messages.frontend import CommandLineInterface  # noqa: E402
from babel.messages.mofile import read_mo, write_mo  # noqa: E402
from babel.messages.pofile import read_po  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
KO_PO = TRANSLATIONS / "locale" / "ko" / "LC_MESSAGES" / "cifar_gui.po"
KO_MO = KO_PO.with_suffix(".mo")

# Names and notations that stay as they are in a Korean sentence.
ALLOWED_WORDS = {"cifar-gui", "CIFAR-10", "Keras", "TensorFlow", "JSON", "GPU", "CPU", "RGB", "F1"}


def _catalogue():
    with KO_PO.open("rb") as handle:
        return read_po(handle, locale="ko")


def _msgid(message) -> str:
    return message.id[0] if isinstance(message.id, tuple) else message.id


def _placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"\{[^{}]*\}|%\([a-z_]+\)[sr]|%[sr]", text))


def test_every_message_is_translated_with_its_placeholders():
    catalogue = _catalogue()
    messages = [m for m in catalogue if m.id]
    assert len(messages) > 300  # the core and the CLI, not a sample
    unfinished = [_msgid(m) for m in messages if m.fuzzy or not all(m.string)]
    assert unfinished == []
    wrong = [
        _msgid(m)
        for m in messages
        for s in (m.string if isinstance(m.string, tuple) else (m.string,))
        if _placeholders(_msgid(m)) != _placeholders(s)
    ]
    assert wrong == []  # a dropped {path} or %(prog)s would raise or lose the file name


def test_catalogue_holds_exactly_what_the_sources_mark(tmp_path):
    """Extraction as scripts/update-translations.sh does it: a new or changed message in the
    sources fails here until the script is run and the message translated."""
    pot = tmp_path / "cifar_gui.pot"
    CommandLineInterface().run(
        ["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "--no-default-keywords",
         "-k", "_", "-k", "N_", "-k", "ngettext:1,2", "--ignore-dirs", "gui .* _*",
         "-o", str(pot), str(ROOT / "cifar_gui")]
    )  # fmt: skip
    with pot.open("rb") as handle:
        extracted = {_msgid(m) for m in read_po(handle) if m.id}
    in_catalogue = {_msgid(m) for m in _catalogue() if m.id}
    assert sorted(extracted - in_catalogue) == []  # untranslated new messages
    assert sorted(in_catalogue - extracted) == []  # messages the sources no longer have
    assert (
        "epoch {epoch}/{epochs}  loss {loss:.4f}  acc {acc:.4f}  val_loss {val_loss:.4f}  val_acc {val_acc:.4f}  {duration}"
        in extracted
    )


def _entries(catalogue) -> dict:
    def frozen(value):
        return tuple(value) if isinstance(value, list | tuple) else value

    return {frozen(m.id): frozen(m.string) for m in catalogue if m.id}


def test_compiled_catalogue_is_the_po(tmp_path):
    """The shipped .mo is the .po compiled: message by message (a readable failure), then byte
    by byte (the .po keeps its POT-Creation-Date, so compiling is deterministic)."""
    compiled = tmp_path / "cifar_gui.mo"
    with compiled.open("wb") as handle:
        write_mo(handle, _catalogue())
    with KO_MO.open("rb") as shipped, compiled.open("rb") as fresh:
        assert _entries(read_mo(shipped)) == _entries(read_mo(fresh))
    assert KO_MO.read_bytes() == compiled.read_bytes()
    assert len(_entries(_catalogue())) > 300


def test_pyproject_ships_the_compiled_catalogue():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"translations/locale/*/LC_MESSAGES/*.mo"' in text


# ---- the language choice and the core's messages in Korean ---------------------------------
@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "ko_KR.UTF-8"}, "ko"),
        ({"LANG": "C"}, "en"),
        ({"LC_ALL": "ko_KR.UTF-8", "LANG": "en_US.UTF-8"}, "ko"),
        ({"LANGUAGE": "en", "LANG": "ko_KR.UTF-8"}, "en"),
        ({"LC_MESSAGES": "ko_KR.UTF-8"}, "ko"),
        ({}, "en"),
    ],
)
def test_language_follows_the_gettext_variables(environ, expected):
    assert i18n.detect_language(environ) == expected


def test_settings_refusals_read_in_korean_and_back_in_english():
    from cifar_gui.config import TrainConfig

    assert i18n.set_language("ko") == "ko"
    problems = TrainConfig(batch_size=0, learning_rate=0.0, optimizer="adagrad").problems()
    assert problems["batch_size"] == "1부터 65,536까지의 정수를 입력하세요."
    assert problems["learning_rate"] == "0 초과 10,000 이하의 수를 입력하세요."
    assert problems["optimizer"] == "adam, adamw, sgd 또는 rmsprop 중에서 고르세요."
    assert i18n.set_language("en") == "en"
    problems = TrainConfig(batch_size=0).problems()
    assert problems["batch_size"] == "Enter a whole number from 1 to 65,536."


def test_durations_and_class_names_in_korean():
    i18n.set_language("ko")
    assert i18n.format_duration(723) == "12분 3초"
    assert i18n.format_duration(3720) == "1시간 2분"
    assert i18n.format_duration(4.24) == "4.2초"
    assert i18n.class_label("airplane") == "비행기"
    assert i18n.class_label("horizontal stripes") == "가로 줄무늬"
    assert i18n.class_label("my_cats") == "my_cats"  # an image folder's own name stays
    i18n.set_language("en")
    assert i18n.format_duration(723) == "12 min 3 s"
    assert i18n.class_label("airplane") == "airplane"


def test_system_error_reasons_in_korean():
    import errno

    missing = FileNotFoundError(errno.ENOENT, "No such file or directory")
    refused = PermissionError(errno.EACCES, "Permission denied")
    i18n.set_language("ko")
    assert i18n.os_error_text(missing) == "그런 파일이나 폴더가 없습니다"
    assert i18n.os_error_text(refused) == "권한이 없습니다"
    i18n.set_language("en")
    assert i18n.os_error_text(refused) == "permission denied"


def test_terminal_columns_count_hangul_twice():
    assert i18n.display_width("고양이") == 6
    assert i18n.display_width("cat") == 3
    assert i18n.pad("고양이", 8) == "고양이  "
    assert i18n.pad("1,234", 8, right=True) == "   1,234"
    assert i18n.pad("가로 줄무늬", 4) == "가로 줄무늬"  # never cut


# ---- the command line under LANG ------------------------------------------------------------
def _environ(lang: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env["LANG"] = lang
    return env


def _cli(args: list[str], lang: str, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cifar_gui.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=_environ(lang),
        timeout=timeout,
    )


def _english_words(text: str) -> list[str]:
    """English words left in ``text`` once quoted values, paths, flags and names are removed."""
    for name in ALLOWED_WORDS:
        text = text.replace(name, " ")
    text = re.sub(r"'[^']*'", " ", text)
    text = re.sub(r"\S*/\S*", " ", text)
    text = re.sub(r"--?[A-Za-z][\w-]*", " ", text)
    words = re.findall(r"[A-Za-z][A-Za-z0-9_.-]*", text)
    return [w for w in words if len(w.strip(".")) > 1]


@pytest.mark.parametrize(
    ("args", "code", "korean"),
    [
        (
            ["train", "--epochs", "2.5"],
            2,
            "--epochs 인수: 정수를 입력하세요. 2.5은(는) 정수가 아닙니다.",
        ),
        (["train", "--preset", "nope"], 2, "--preset 인수: 잘못된 선택: 'nope'"),
        (["train", "--data", "MISSING"], 1, "그런 파일이나 폴더가 없습니다"),
        (["train", "--resume", "MISSING"], 1, "그런 폴더가 없습니다"),
        (["train", "--lr", "0"], 2, "--lr: 0 초과 10,000 이하의 수를 입력하세요."),
        (["train", "--more-epochs", "3"], 2, "--resume 실행_폴더와 함께만 쓸 수 있습니다"),
        (["train", "--more-epochs", "1.5"], 2, "1.5은(는) 정수가 아닙니다"),
        (["evaluate", "MISSING"], 1, "그런 폴더가 없습니다"),
        (["predict"], 2, "다음 인수가 필요합니다: 모델, 이미지"),
        (["frobnicate"], 2, "명령 인수: 잘못된 선택: 'frobnicate'"),
        (["train", "--bogus"], 2, "알 수 없는 인수: --bogus"),
        (["train", "--config", "MISSING"], 2, "읽을 수 없습니다(그런 파일이나 폴더가 없습니다)."),
        (["sweep", "--lr", "1e-3,abc"], 2, "--lr: 'abc'은(는) 수가 아닙니다"),
    ],
)
def test_cli_errors_in_korean_are_one_korean_line(args, code, korean, tmp_path):
    args = [str(tmp_path / "missing") if a == "MISSING" else a for a in args]
    result = _cli(args, "ko_KR.UTF-8")
    assert result.returncode == code
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("cifar-gui: 오류: ")
    assert korean in lines[0]
    assert _english_words(lines[0]) == [], lines[0]


def test_cli_speaks_english_under_lang_c():
    result = _cli(["train", "--epochs", "2.5"], "C")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "cifar-gui: error: argument --epochs: Enter a whole number, not 2.5."
    )


def test_help_in_korean():
    result = _cli(["train", "--help"], "ko_KR.UTF-8")
    assert result.returncode == 0
    assert result.stdout.startswith("사용법: cifar-gui train ")
    assert "\n옵션:\n" in result.stdout
    assert "이 도움말을 보여 주고 끝냅니다" in result.stdout
    assert re.search(r"학습할 에포크 수\s+\(기본값:\s+\d+\)", result.stdout)
    assert "show this help message" not in result.stdout
    assert "epochs to train" not in result.stdout


@pytest.mark.slow  # seconds of training or a TensorFlow subprocess: not in the quick loop
def test_data_info_text_shows_korean_class_names_and_json_keeps_english():
    text = _cli(["data", "info", "demo"], "ko_KR.UTF-8")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0] == "데모 도형 (demo)"
    assert lines[1] == "  학습 이미지 6000장, 테스트 이미지 1000장, 32x32 RGB"
    assert lines[2].split() == ["가로", "줄무늬", "학습", "600", "테스트", "100"]
    korean = json.loads(_cli(["data", "info", "demo", "--json"], "ko_KR.UTF-8").stdout)
    english = json.loads(_cli(["data", "info", "demo", "--json"], "C").stdout)
    for report in (korean, english):
        report.pop("load_seconds")
        report.pop("from_cache")
    assert korean == english
    assert korean["classes"][0] == "horizontal stripes"


def _train_args(runs: Path) -> list[str]:
    return ["train", "--data", "demo", "--epochs", "1", "--limit-train", "100", "--preset",
            "plain", "--batch-size", "50", "--runs-dir", str(runs)]  # fmt: skip


@pytest.mark.slow
def test_train_progress_in_korean_and_json_unchanged(tmp_path):
    korean = _cli(_train_args(tmp_path / "ko"), "ko_KR.UTF-8", timeout=300)
    assert korean.returncode == 0, korean.stderr
    epoch, done = korean.stdout.strip().splitlines()
    assert re.fullmatch(
        r"에포크 1/1  손실 \d+\.\d{4}  정확도 [01]\.\d{4}  검증 손실 \d+\.\d{4}"
        r"  검증 정확도 [01]\.\d{4}  (\d+\.\d초|\d+분 \d+초)",
        epoch,
    ), epoch
    assert done.startswith("완료: ") and "(model.keras: 에포크 1)" in done
    assert re.search(r"실행 폴더 .*: 학습 \d+장 / 검증 \d+장 / 테스트 \d+장", korean.stderr)

    runs = [_cli([*_train_args(tmp_path / lang), "--json"], env, timeout=300)
            for lang, env in (("ko-json", "ko_KR.UTF-8"), ("en-json", "C"))]  # fmt: skip
    events = []
    for result in runs:
        assert result.returncode == 0, result.stderr
        events.append([json.loads(line) for line in result.stdout.splitlines()])
    shape = [[(e["event"], sorted(e)) for e in run] for run in events]
    assert shape[0] == shape[1] == [
        ("epoch", ["acc", "epoch", "event", "loss", "seconds", "val_acc", "val_loss"]),
        ("done", ["best_epoch", "error", "event", "model_epoch", "run_dir", "status",
                  "test_acc", "test_loss"]),
    ]  # fmt: skip
    assert events[0][-1]["status"] == events[1][-1]["status"] == "completed"


def test_an_empty_text_stays_empty_in_korean():
    """gettext("") is the catalogue's header; a run without a data name must show nothing."""
    from cifar_gui import i18n

    assert i18n.set_language("ko") == "ko"
    try:
        assert i18n._("") == ""
        assert i18n._("Demo shapes") != "Demo shapes"  # the data set's name is translated
    finally:
        i18n.set_language("en")
