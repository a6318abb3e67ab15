"""QA pass 3, N8: in Korean ``--help`` at 80 columns "(기본값:" ended a line and "777)" began the
next, and ``--gpu-memory-limit`` read "(기본값: 제한 없음: 필요한 만큼 메모리 사용)" with two
colons (English: "(default: no cap: memory grows as needed)")."""

import pytest

from cifar_gui import i18n
from cifar_gui.argparse_messages import route_argparse
from cifar_gui.cli import build_parser


def _help(command: str, language: str, capsys, monkeypatch) -> str:
    monkeypatch.setenv("COLUMNS", "80")
    i18n.set_language(language)
    route_argparse()
    try:
        with pytest.raises(SystemExit):
            build_parser().parse_args([command, "--help"])
    finally:
        i18n.set_language("en")
    return capsys.readouterr().out


@pytest.mark.parametrize(("language", "label"), [("ko", "(기본값:"), ("en", "(default:")])
@pytest.mark.parametrize("command", ["train", "sweep", "predict"])
def test_no_line_ends_with_the_default_label(command, language, label, capsys, monkeypatch):
    text = _help(command, language, capsys, monkeypatch)
    assert label in text
    assert not [line for line in text.splitlines() if line.rstrip().endswith(label)]
    assert "\u00a0" not in text  # the glue is for the wrapping only


def test_the_seed_default_stays_whole_in_korean(capsys, monkeypatch):
    text = _help("train", "ko", capsys, monkeypatch)
    assert "(기본값: 777)" in text


@pytest.mark.parametrize(
    ("language", "wanted"),
    [("ko", "(기본값: 제한 없음, 필요한 만큼 메모리 사용)"),
     ("en", "(default: no cap, memory grows as needed)")],
)  # fmt: skip
def test_the_gpu_memory_default_has_one_colon(language, wanted, capsys, monkeypatch):
    words = " ".join(_help("train", language, capsys, monkeypatch).split())
    assert wanted in words
    assert "no cap:" not in words and "제한 없음:" not in words
