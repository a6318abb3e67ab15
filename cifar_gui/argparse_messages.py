"""argparse's own sentences ("usage:", "error:", "the following arguments are required" ...)
in our catalogue, so ``cifar-gui --help`` and its usage errors follow the user's language.

argparse looks its texts up through the module-level names ``argparse._`` and
``argparse.ngettext`` (stdlib gettext, the ``messages`` domain, which no system ships in Korean);
``route_argparse`` points them at ``cifar_gui.i18n``. The msgids below are argparse's own
(Python 3.11-3.13), listed here so that extraction puts them in the catalogue.
"""

from __future__ import annotations

import argparse

from cifar_gui import i18n
from cifar_gui.i18n import N_

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _plural_marks() -> None:  # pragma: no cover - never called; extraction reads the plural
    i18n.ngettext("expected %s argument", "expected %s arguments", 1)


def route_argparse() -> None:
    """Make argparse translate through our catalogue (idempotent; call before parsing)."""
    argparse._ = i18n._  # type: ignore[attr-defined]
    argparse.ngettext = i18n.ngettext  # type: ignore[attr-defined]
