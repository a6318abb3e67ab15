"""Why a JSON text from a file was refused, said for a user rather than a programmer.

Python's own messages name parser internals ("Expecting value: line 1 column 1 (char 0)") or
give advice meant for developers ("use sys.set_int_max_str_digits() to increase the limit"),
always in English. Settings files, run files and sweep queues may come from anyone; their
refusals use these reasons instead. No Qt, no TensorFlow.
"""

from __future__ import annotations

import json

from cifar_gui.i18n import _


def json_problem(exc: ValueError | RecursionError) -> str:
    """Why ``json.loads`` refused a text, in the user's language and without Python's advice:
    where the syntax breaks (line and column), a number too long for Python to read (over 4,300
    digits, ``sys.get_int_max_str_digits``), or nesting deeper than the parser's recursion."""
    if isinstance(exc, json.JSONDecodeError):
        return _("the text breaks off at line {line}, column {column}").format(
            line=exc.lineno, column=exc.colno
        )
    if isinstance(exc, RecursionError):
        return _("it is nested too deeply")
    return _("it holds a number with too many digits")
