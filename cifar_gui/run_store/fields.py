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
from dataclasses import fields
from typing import Any, ClassVar, Self

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


def json_field(kind: str, **options: Any) -> dict[str, Any]:
    """``dataclasses.field`` metadata: the field is read by ``FieldReader.<kind>`` (``text``,
    ``choice``, ``number``, ``whole``, ``object``, ``texts``, ``wholes``) with ``options``."""
    return {"json": (kind, options)}


def _json_fields(cls: type) -> list[tuple[str, str, dict[str, Any]]]:
    return [(f.name, *f.metadata["json"]) for f in fields(cls) if "json" in f.metadata]


def read_dataclass(cls: type, data: Any, where: str) -> Any:
    """An instance of the dataclass ``cls`` from the JSON object ``data`` (read from the file
    ``where``): each field marked with ``json_field`` read and checked by its kind, absent or
    null ones left at their default, ``format_version`` checked (``FieldReader.format_version``),
    and the fields ``cls`` does not know kept in its ``extra``. Raises ``RunFormatError``."""
    read = FieldReader(data, where)
    values: dict[str, Any] = {"format_version": read.format_version()}
    known = ["format_version"]
    for name, kind, options in _json_fields(cls):
        known.append(name)
        value = getattr(read, kind)(name, **options)
        if value is not None:
            values[name] = value
    return cls(**values, extra=read.others(tuple(known)))


def dataclass_json(instance: Any, omit_empty: tuple[str, ...] = ()) -> dict[str, Any]:
    """The JSON object of a dataclass read by ``read_dataclass``: ``format_version`` first, the
    fields in their order (those of ``omit_empty`` only when they are not empty or None), then
    the unknown fields it was read with."""
    data: dict[str, Any] = {"format_version": instance.format_version}
    for name, _kind, _options in _json_fields(type(instance)):
        value = getattr(instance, name)
        if name not in omit_empty or value:
            data[name] = value
    return {**data, **instance.extra}


class RunFile:
    """Base of the run's typed JSON files (dataclasses with ``json_field`` fields, a
    ``format_version`` and an ``extra``): ``FILE`` names the file, ``OMIT_EMPTY`` the fields
    written only when they hold something."""

    FILE: ClassVar[str]
    OMIT_EMPTY: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def from_json(cls, data: Any, where: str | None = None) -> Self:
        """The file's fields from ``data`` (its parsed JSON object; ``where``: its path, for
        messages). Raises ``RunFormatError`` in one line for a field of the wrong type or a
        newer format."""
        return read_dataclass(cls, data, where or cls.FILE)

    def to_json(self) -> dict[str, Any]:
        """The JSON object to write (``format_version`` first)."""
        return dataclass_json(self, self.OMIT_EMPTY)
