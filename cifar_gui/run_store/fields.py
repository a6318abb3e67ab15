"""Typed reading of one JSON object of a run folder, which may come from someone else.

``summary.json`` and ``config.json`` are checked field by field before anything uses them: a
field of the wrong type is refused with one line naming the file, the field and what it
should be (``RunFormatError``), never a traceback later in a table or a plot. A missing field
is ``None`` (or empty): runs of earlier releases lack fields added since. Fields this release
does not know are kept as they are, so rewriting a file never drops them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from cifar_gui.i18n import N_, _
from cifar_gui.run_store.files import FORMAT_VERSION


class RunFormatError(ValueError):
    """A run file this release cannot read; the message is one sentence naming the file."""


# Whole sentences, one per kind of value, so that a language with another word order (Korean)
# can translate them.
_TEXT = N_("{where}: {field} must be text, not {value}")
_NUMBER = N_("{where}: {field} must be a number, not {value}")
_WHOLE = N_("{where}: {field} must be a whole number, not {value}")
_OBJECT = N_("{where}: {field} must be an object, not {value}")
_TEXT_LIST = N_("{where}: {field} must be a list of texts, not {value}")
_WHOLE_LIST = N_("{where}: {field} must be a list of whole numbers, not {value}")


def _shown(value: Any) -> str:
    """The offending value, short enough for one line."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


class FieldReader:
    """Reads the fields of ``data`` (a parsed JSON object) from the file ``where`` (its name or
    path, for the message); every method returns the value or the default when it is absent
    or null, and raises ``RunFormatError`` when it has another type."""

    def __init__(self, data: Mapping[str, Any], where: str) -> None:
        if not isinstance(data, Mapping):
            raise RunFormatError(_("{where}: expected a JSON object").format(where=where))
        self.data, self.where = data, where

    def _refuse(self, key: str, sentence: str) -> RunFormatError:
        return RunFormatError(
            _(sentence).format(where=self.where, field=key, value=_shown(self.data[key]))
        )

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, str):
            raise self._refuse(key, _TEXT)
        return value

    def choice(self, key: str, choices: tuple[str, ...]) -> str | None:
        value = self.text(key)
        if value is not None and value not in choices:
            raise RunFormatError(
                _("{where}: {field} must be one of {choices}, not {value}").format(
                    where=self.where, field=key, choices=", ".join(choices), value=_shown(value)
                )
            )
        return value

    def number(self, key: str) -> float | None:
        """An int or float (NaN and infinities included: a diverged loss is recorded as such)."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._refuse(key, _NUMBER)
        return value

    def whole(self, key: str) -> int | None:
        value = self.data.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise self._refuse(key, _WHOLE)
        return value

    def object(self, key: str) -> dict[str, Any] | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, dict):
            raise self._refuse(key, _OBJECT)
        return value

    def texts(self, key: str) -> list[str] | None:
        value = self.data.get(key)
        if value is not None and (
            not isinstance(value, list) or not all(isinstance(v, str) for v in value)
        ):
            raise self._refuse(key, _TEXT_LIST)
        return value

    def wholes(self, key: str) -> list[int] | None:
        value = self.data.get(key)
        if value is not None and (
            not isinstance(value, list)
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            raise self._refuse(key, _WHOLE_LIST)
        return value

    def format_version(self) -> int:
        """The file's ``format_version``: 1 when absent (written before the field existed).
        Raises ``RunFormatError`` for a version newer than this release reads."""
        version = self.whole("format_version")
        if version is None:
            return 1
        if version < 1:
            raise self._refuse("format_version", _WHOLE)
        if version > FORMAT_VERSION:
            raise RunFormatError(
                _(
                    "{where}: this run was saved by a newer cifar-gui (run format {version}; this one reads up to {supported}): update cifar-gui to open it"
                ).format(where=self.where, version=version, supported=FORMAT_VERSION)
            )
        return version

    def others(self, known: tuple[str, ...]) -> dict[str, Any]:
        """The fields not in ``known``, kept unread."""
        return {k: v for k, v in self.data.items() if k not in known}
