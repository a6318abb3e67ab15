"""QA pass 3, N8: in Korean ``--help`` at 80 columns "(기본값:" ended a line and "777)" began the
next, and ``--gpu-memory-limit`` read "(기본값: 제한 없음: 필요한 만큼 메모리 사용)" with two
colons (English: "(default: no cap: memory grows as needed)")."""

import pytest

from cifar_gui import i18n
from cifar_gui.argparse_messages import route_argparse
from cifar_gui.cli import build_parser


@pytest.fixture
def help_of(capsys, monkeypatch):
    """``help_of(command, language)``: ``cifar-gui COMMAND --help`` at 80 columns."""

    def show(command: str, language: str) -> str:
        monkeypatch.setenv("COLUMNS", "80")
        i18n.set_language(language)
        route_argparse()
        with pytest.raises(SystemExit):
            build_parser().parse_args([command, "--help"])
        return capsys.readouterr().out

    yield show
    i18n.set_language("en")


@pytest.mark.parametrize(("language", "label"), [("ko", "(기본값:"), ("en", "(default:")])
@pytest.mark.parametrize("command", ["train", "sweep", "predict"])
def test_no_line_ends_with_the_default_label(command, language, label, help_of):
    text = help_of(command, language)
    assert label in text
    assert not [line for line in text.splitlines() if line.rstrip().endswith(label)]
    assert "\u00a0" not in text  # the glue is for the wrapping only


def test_the_seed_default_stays_whole_in_korean(help_of):
    text = help_of("train", "ko")
    assert "(기본값: 777)" in text


@pytest.mark.parametrize(
    ("language", "wanted"),
    [("ko", "(기본값: 제한 없음, 필요한 만큼 메모리 사용)"),
     ("en", "(default: no cap, memory grows as needed)")],
)  # fmt: skip
def test_the_gpu_memory_default_has_one_colon(language, wanted, help_of):
    words = " ".join(help_of("train", language).split())
    assert wanted in words
    assert "no cap:" not in words and "제한 없음:" not in words
