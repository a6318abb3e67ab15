"""``--help`` laid out by the width a terminal gives each character, not by ``len()``.

A Hangul syllable takes two terminal columns (East Asian Width "W", Unicode Standard Annex #11),
but argparse measures and wraps every text with ``len()``: in Korean the usage lines after the
first are indented short of ``사용법: cifar-gui train``, a help text wraps at up to twice the
terminal's width, and a translated metavar (``--config 파일``) pushes its help two columns to the
right. ``DisplayWidthHelpFormatter`` wraps by display width and corrects those offsets, and
never ends a line with "(default:" ("(기본값:") away from the value that follows it. No Qt,
no TensorFlow.
"""

from __future__ import annotations

import argparse
import re

from cifar_gui.i18n import _, display_width

GLUE = "\u00a0"  # joins two words for the wrapping only; printed as a plain space
_SPACES = re.compile(r"[ \t\n\r\f\v]+")  # str.split() would split at GLUE too


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap of ``text`` (whitespace runs count as one space) into lines of at most
    ``width`` display columns; a word wider than ``width`` stands alone on its line."""
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for word in _SPACES.split(text.strip()):
        if not word:
            continue
        size = display_width(word)
        if line and used + 1 + size > width:
            lines.append(" ".join(line))
            line, used = [], 0
        used += size + (1 if line else 0)
        line.append(word)
    if line:
        lines.append(" ".join(line))
    return lines


def default_label() -> str:
    """ "(default:" in the current language ("(기본값:" in Korean), as the setting flags' help
    writes it (``cli_train_flags``)."""
    return _("(default: {value})").split("{value}")[0].rstrip()


def wrap_help(text: str, width: int) -> list[str]:
    """``wrap`` with "(default:" kept on the line of its value ("(기본값: 777)" whole)."""
    label = default_label()
    glued = text.replace(label + " ", label + GLUE)
    return [line.replace(GLUE, " ") for line in wrap(glued, width)]


class DisplayWidthHelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, measuring text in terminal columns (see the module docstring)."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap_help(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in wrap_help(text, width - len(indent)))

    def _format_usage(self, usage, actions, groups, prefix) -> str:
        shown_prefix = prefix if prefix is not None else argparse._("usage: ")
        extra = display_width(shown_prefix) - len(shown_prefix)
        if extra <= 0:
            return super()._format_usage(usage, actions, groups, prefix)
        self._width -= extra  # the lines are wrapped this much narrower, then shifted right
        try:
            text = super()._format_usage(usage, actions, groups, prefix)
        finally:
            self._width += extra
        first, *rest = text.split("\n")
        return "\n".join([first, *((" " * extra + line) if line else line for line in rest)])

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        invocation = self._format_action_invocation(action)
        extra = display_width(invocation) - len(invocation)
        head = " " * self._current_indent + invocation
        first, newline, rest = text.partition("\n")
        padding = first[len(head) :]
        if extra > 0 and first.startswith(head) and padding.startswith(" " * (2 + extra)):
            first = head + padding[extra:]  # the help column starts where the others' do
        return first + newline + rest
