"""A restricted unpickler for the CIFAR-10 batch files.

The official archive stores each batch as a pickle. A plain ``pickle.load`` of a file a user
picked can run any code the file asks for, so this unpickler rebuilds only dicts, lists, strings,
bytes, numbers and numpy arrays, and refuses every other global before anything is called.
"""

from __future__ import annotations

import _codecs
import io
import pickle
from typing import Any, BinaryIO

import numpy as np

_TEXT_CODECS = {"latin1", "latin-1", "iso-8859-1", "ascii", "utf-8", "utf8"}


def _encode_text(text: str, encoding: str = "utf-8") -> bytes:
    """``_codecs.encode`` as Python 2 pickles use it for byte strings, limited to text codecs."""
    if not isinstance(text, str) or str(encoding).lower() not in _TEXT_CODECS:
        raise pickle.UnpicklingError(f"refused codec {encoding!r}")
    return _codecs.encode(text, encoding)


def _reconstruct(subtype: Any, shape: Any, dtype: Any) -> np.ndarray:
    if subtype is not np.ndarray:
        raise pickle.UnpicklingError("refused array subtype")
    return np.ndarray.__new__(np.ndarray, shape, dtype)


def _make_dtype(spec: Any, align: bool = False, copy: bool = False) -> np.dtype:
    result = np.dtype(spec, align, copy)
    if result.hasobject:
        raise pickle.UnpicklingError("refused object dtype")
    return result


_ALLOWED: dict[tuple[str, str], Any] = {
    ("_codecs", "encode"): _encode_text,
    ("numpy", "ndarray"): np.ndarray,
    ("numpy", "dtype"): _make_dtype,
    ("numpy.core.multiarray", "_reconstruct"): _reconstruct,
    ("numpy._core.multiarray", "_reconstruct"): _reconstruct,
}


class RestrictedUnpickler(pickle.Unpickler):
    """Unpickler whose only reachable callables are the handful above."""

    def find_class(self, module: str, name: str) -> Any:
        try:
            return _ALLOWED[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(
                f"refused to load '{module}.{name}': the file asks to run code, "
                "which a CIFAR-10 batch never does"
            ) from None

    def persistent_load(self, pid: Any) -> Any:
        raise pickle.UnpicklingError("refused persistent reference")


def safe_loads(data: bytes | BinaryIO) -> Any:
    """Unpickle ``data`` allowing only plain containers and numpy arrays.

    Python 2 strings (the official archive) come back as ``bytes``: numpy takes its array data
    as is, without a decode and re-encode of every pixel. Raises ``pickle.UnpicklingError`` (or
    another ``Exception``) on anything else.
    """
    stream = io.BytesIO(data) if isinstance(data, bytes | bytearray) else data
    return RestrictedUnpickler(stream, encoding="bytes").load()
