"""``--help`` in Korean is laid out by terminal columns: a Hangul syllable takes two, so
argparse's ``len()`` indented the usage lines short, wrapped help past the terminal's edge and
pushed the help of a translated metavar (``--config 파일``) off its column."""

import re

import pytest

from cifar_gui import i18n
from cifar_gui.argparse_messages import route_argparse
from cifar_gui.cli import build_parser
from cifar_gui.i18n import display_width


def _help(command: str, capsys, monkeypatch) -> list[str]:
    monkeypatch.setenv("COLUMNS", "80")
    i18n.set_language("ko")
    route_argparse()
    try:
        with pytest.raises(SystemExit):
            build_parser().parse_args([command, "--help"])
    finally:
        i18n.set_language("en")
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("command", ["train", "sweep", "predict"])
def test_korean_help_fits_the_terminal_and_keeps_its_columns(command, capsys, monkeypatch):
    lines = _help(command, capsys, monkeypatch)
    assert lines[0].startswith(f"사용법: cifar-gui {command} [")
    assert max(display_width(line) for line in lines) <= 80
    usage_column = display_width(f"사용법: cifar-gui {command} ")
    usage = lines[1 : lines.index("")]
    assert all(display_width(re.match(r" *", u)[0]) == usage_column for u in usage)
    # Every argument whose help starts on its own line (positionals with Korean names too)
    # starts it in the same column.
    columns = set()
    for line in lines:
        match = re.match(r"(  \S.*?)  +(\S.*)$", line)
        if match and display_width(match[1]) < 22:
            columns.add(display_width(line[: match.start(2)]))
    assert len(columns) == 1, columns


def test_config_help_lines_up_with_the_others(capsys, monkeypatch):
    lines = _help("train", capsys, monkeypatch)
    (config,) = [line for line in lines if line.startswith("  --config 파일")]
    help_start = config.index("시작할")
    assert display_width(config[:help_start]) == 24
