"""Checks on a zip file from someone else, made from its central directory before any member is
read: member count, names, duplicates, encryption, compression method and sizes.

Used for run exports and for ``.keras`` model files (also zips). No TensorFlow here.
"""

from __future__ import annotations

import io
import struct
import tempfile
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import IO

from cifar_gui.i18n import _

SUPPORTED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
ENCRYPTED_FLAG = 0x1  # general purpose bit 0 (APPNOTE.TXT 4.4.4)


class ZipRefused(ValueError):
    """The zip is refused before anything in it is read; the message says why (no path)."""


@dataclass(frozen=True)
class ZipLimits:
    """What a zip may hold. ``member_bytes`` maps each accepted name to its largest
    uncompressed size; other names are refused, or with ``others_bytes`` tolerated up to that
    size (and never read). ``max_ratio`` applies to members over 1 MiB."""

    member_bytes: Mapping[str, int]
    required: tuple[str, ...]
    max_total_bytes: int
    max_ratio: int = 100
    max_members: int | None = None  # default: one per name in member_bytes
    others_bytes: int | None = None


def checked_members(archive: zipfile.ZipFile, limits: ZipLimits) -> dict[str, zipfile.ZipInfo]:
    """The members of ``archive`` by name, after every check in ``limits``; raises ``ZipRefused``.

    Nothing is decompressed: only the central directory is read.
    """
    infos = archive.infolist()
    most = limits.max_members or len(limits.member_bytes)
    if len(infos) > most:
        raise ZipRefused(
            _("holds {count} files; at most {most} expected").format(count=len(infos), most=most)
        )
    members: dict[str, zipfile.ZipInfo] = {}
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        if name in seen:
            raise ZipRefused(_("holds two files named {name!r}").format(name=name[:80]))
        seen.add(name)
        _check_member(info, limits)
        if name in limits.member_bytes:
            members[name] = info
    missing = [name for name in limits.required if name not in members]
    if missing:
        raise ZipRefused(_("has no {missing}").format(missing=", ".join(missing)))
    total = sum(info.file_size for info in infos)
    if total > limits.max_total_bytes:
        raise ZipRefused(
            _("would unpack to {total:,} bytes in all (at most {max_total_bytes:,})").format(
                total=total, max_total_bytes=limits.max_total_bytes
            )
        )
    return members


def _check_member(info: zipfile.ZipInfo, limits: ZipLimits) -> None:
    name = info.filename[:80]
    limit = limits.member_bytes.get(info.filename, limits.others_bytes)
    if limit is None:
        raise ZipRefused(_("holds an unexpected file {name!r}").format(name=name))
    if info.flag_bits & ENCRYPTED_FLAG:
        raise ZipRefused(_("holds {name}, which is encrypted").format(name=name))
    if info.compress_type not in SUPPORTED_METHODS:
        raise ZipRefused(
            _(
                "holds {name}, compressed with a method this app does not read ({compress_type})"
            ).format(name=name, compress_type=info.compress_type)
        )
    if info.file_size > limit:
        raise ZipRefused(
            _(
                "holds {name}, which is implausibly large ({file_size:,} bytes unpacked; at most {limit:,} expected)"
            ).format(name=name, file_size=info.file_size, limit=limit)
        )
    if info.file_size > 1024**2 and info.file_size > limits.max_ratio * info.compress_size:
        raise ZipRefused(
            _(
                "holds {name}, which is implausibly large for its packed size (more than {max_ratio}:1, a zip bomb)"
            ).format(name=name, max_ratio=limits.max_ratio)
        )


def read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The member's bytes, never more than its stated (already checked) size plus one."""
    with archive.open(info) as source:
        data = source.read(info.file_size + 1)
    if len(data) != info.file_size:
        raise ZipRefused(
            _("holds {filename}, which does not match its stated size").format(
                filename=info.filename[:80]
            )
        )
    return data


def copy_bounded(source: IO[bytes], target: IO[bytes], limit: int) -> int:
    """Copy at most ``limit`` + 1 bytes: a lying size header cannot fill the disk."""
    copied = 0
    while chunk := source.read(min(1024 * 1024, limit + 1 - copied)):
        target.write(chunk)
        copied += len(chunk)
        if copied > limit:
            break
    return copied


def open_member_seekable(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> IO[bytes]:
    """A seekable file over one (size-checked) member, to read a zip inside a zip.

    A stored member is a window onto the outer file: seeking costs nothing (Python 3.11's
    ``ZipExtFile`` re-reads from the start on every backward seek, which turns the few hundred
    seeks of reading a zip into gigabytes read). A deflated one is unpacked, bounded by its
    checked size, into an anonymous temporary file that disappears when closed.
    """
    if info.compress_type == zipfile.ZIP_STORED and archive.fp is not None:
        archive.fp.seek(info.header_offset)
        header = archive.fp.read(zipfile.sizeFileHeader)
        if len(header) != zipfile.sizeFileHeader or header[:4] != zipfile.stringFileHeader:
            raise ZipRefused(
                _("holds {filename}, whose header is damaged").format(filename=info.filename[:80])
            )
        fields = struct.unpack(zipfile.structFileHeader, header)
        start = info.header_offset + len(header) + fields[10] + fields[11]  # name, extra field
        return _Window(archive.fp, start, info.file_size)
    spool = tempfile.TemporaryFile(prefix="cifar-gui-member-")  # noqa: SIM115 (the caller closes it)
    with archive.open(info) as source:
        copied = copy_bounded(source, spool, info.file_size)
    if copied != info.file_size:
        spool.close()
        raise ZipRefused(
            _("holds {filename}, which does not match its stated size").format(
                filename=info.filename[:80]
            )
        )
    spool.seek(0)
    return spool


class _Window(io.RawIOBase):
    """Read-only view of ``length`` bytes of ``raw`` from ``start``."""

    def __init__(self, raw: IO[bytes], start: int, length: int) -> None:
        super().__init__()
        self._raw, self._start, self._length, self._pos = raw, start, length, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._length}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def readinto(self, buffer) -> int:
        count = min(len(buffer), self._length - self._pos)
        if count <= 0:
            return 0
        self._raw.seek(self._start + self._pos)
        data = self._raw.read(count)
        buffer[: len(data)] = data
        self._pos += len(data)
        return len(data)
