"""A restricted unpickler for the CIFAR-10 batch files.

The official archive stores each batch as a pickle. A plain ``pickle.load`` of a file a user
picked can run any code the file asks for, so this unpickler rebuilds only dicts, lists, strings,
bytes, numbers and numpy arrays and scalars, and refuses every other global before anything
is called.

numpy pickles an array in one of two ways: ``_reconstruct`` plus ``ndarray.__setstate__``
(protocols 0-4, and older numpy at every protocol) or ``_frombuffer`` (protocol 5, numpy 1.16 and
later); scalars go through ``scalar``. Each lives in ``numpy.core`` (numpy 1.x) or ``numpy._core``
(numpy 2.x), and all four spellings are accepted. Object dtypes are refused in every path: an
object array's state is a list of arbitrary Python objects.
"""

from __future__ import annotations

import _codecs
import io
import pickle
from typing import Any, BinaryIO

import numpy as np

from cifar_gui.i18n import _

_TEXT_CODECS = {"latin1", "latin-1", "iso-8859-1", "ascii", "utf-8", "utf8"}


def _encode_text(text: str, encoding: str = "utf-8") -> bytes:
    """``_codecs.encode`` as Python 2 pickles use it for byte strings, limited to text codecs."""
    if not isinstance(text, str) or str(encoding).lower() not in _TEXT_CODECS:
        raise pickle.UnpicklingError(_("refused codec {encoding!r}").format(encoding=encoding))
    return _codecs.encode(text, encoding)


def _empty_bytes(*args: Any) -> bytes:
    """``bytes()`` as protocols 0-2 pickle an empty byte string; ``bytes(n)`` would allocate."""
    if args:
        raise pickle.UnpicklingError(_("refused bytes() with arguments"))
    return b""


def _reconstruct(subtype: Any, shape: Any, dtype: Any) -> np.ndarray:
    if subtype is not np.ndarray:
        raise pickle.UnpicklingError(_("refused array subtype"))
    return np.ndarray.__new__(np.ndarray, shape, dtype)


def _make_dtype(spec: Any, align: bool = False, copy: bool = False) -> np.dtype:
    return _plain_dtype(np.dtype(spec, align, copy))


def _plain_dtype(dtype: Any) -> np.dtype:
    if not isinstance(dtype, np.dtype) or dtype.hasobject:
        raise pickle.UnpicklingError(_("refused object dtype"))
    return dtype


def _frombuffer(buffer: Any, dtype: Any, shape: Any, order: Any) -> np.ndarray:
    """numpy's protocol-5 array constructor, for plain (non-object) dtypes and in-band buffers."""
    if not isinstance(buffer, bytes | bytearray | memoryview) or order not in ("C", "F"):
        raise pickle.UnpicklingError(_("refused array buffer"))
    array = np.frombuffer(buffer, dtype=_plain_dtype(dtype))
    return array.reshape(shape, order=order)


def _scalar(dtype: Any, data: Any = None) -> Any:
    """A numpy scalar from its dtype and raw bytes (how numpy pickles ``np.float64(1.5)``)."""
    dtype = _plain_dtype(dtype)
    if not isinstance(data, bytes) or len(data) != dtype.itemsize:
        raise pickle.UnpicklingError(_("refused scalar state"))
    return np.frombuffer(data, dtype=dtype, count=1)[0]


_ALLOWED: dict[tuple[str, str], Any] = {
    ("_codecs", "encode"): _encode_text,
    ("__builtin__", "bytes"): _empty_bytes,
    ("builtins", "bytes"): _empty_bytes,
    ("numpy", "ndarray"): np.ndarray,
    ("numpy", "dtype"): _make_dtype,
    ("numpy.core.multiarray", "_reconstruct"): _reconstruct,
    ("numpy._core.multiarray", "_reconstruct"): _reconstruct,
    ("numpy.core.numeric", "_frombuffer"): _frombuffer,
    ("numpy._core.numeric", "_frombuffer"): _frombuffer,
    ("numpy.core.multiarray", "scalar"): _scalar,
    ("numpy._core.multiarray", "scalar"): _scalar,
}


class RestrictedUnpickler(pickle.Unpickler):
    """Unpickler whose only reachable callables are the handful above."""

    def find_class(self, module: str, name: str) -> Any:
        try:
            return _ALLOWED[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(
                _(
                    "refused to load '{module}.{name}': the file asks to run code, which a CIFAR-10 batch never does"
                ).format(module=module, name=name)
            ) from None

    def persistent_load(self, pid: Any) -> Any:
        raise pickle.UnpicklingError(_("refused persistent reference"))


def safe_loads(data: bytes | BinaryIO) -> Any:
    """Unpickle ``data`` allowing only plain containers and numpy arrays.

    Python 2 strings (the official archive) come back as ``bytes``: numpy takes its array data
    as is, without a decode and re-encode of every pixel. Raises ``pickle.UnpicklingError`` (or
    another ``Exception``) on anything else.
    """
    stream = io.BytesIO(data) if isinstance(data, bytes | bytearray) else data
    return RestrictedUnpickler(stream, encoding="bytes").load()
