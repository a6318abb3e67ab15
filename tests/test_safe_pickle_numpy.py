"""The restricted unpickler reads every way numpy pickles plain arrays and scalars (numpy 1.x
and 2.x module names, protocols 0-5) and still refuses everything that could run code."""

from __future__ import annotations

import pickle
import sys
import types

import numpy as np
import pytest

from cifar_gui.data.safe_pickle import safe_loads


def _batch() -> dict:
    rng = np.random.default_rng(0)
    return {
        b"data": rng.integers(0, 256, (4, 3072), dtype=np.uint8),
        b"labels": np.array([3, 1, 4, 1], dtype=np.int64),
        b"fortran": np.asfortranarray(np.arange(12, dtype=np.float32).reshape(3, 4)),
        b"mean": np.float64(1.5),
        b"count": np.int32(7),
        b"flag": np.bool_(True),
        b"empty": np.zeros((0, 3), dtype=np.uint8),
    }


def _assert_same(loaded: dict, expected: dict) -> None:
    assert loaded.keys() == expected.keys()
    for key, value in expected.items():
        np.testing.assert_array_equal(loaded[key], value)
        assert np.asarray(loaded[key]).dtype == np.asarray(value).dtype, key
        assert np.shape(loaded[key]) == np.shape(value), key


@pytest.mark.parametrize("protocol", range(6))
def test_arrays_and_scalars_round_trip_at_every_protocol(protocol):
    batch = _batch()
    _assert_same(safe_loads(pickle.dumps(batch, protocol=protocol)), batch)


def test_protocol_5_arrays_come_through_frombuffer():
    """Python 3 re-saved batches: numpy._core.numeric._frombuffer (the reported refusal)."""
    data = pickle.dumps({b"data": np.arange(3072, dtype=np.uint8)}, protocol=5)
    assert b"_frombuffer" in data
    np.testing.assert_array_equal(safe_loads(data)[b"data"], np.arange(3072, dtype=np.uint8))


def test_numpy_1_module_names_are_accepted_for_reconstruct_and_scalar():
    """numpy 1.x wrote numpy.core.multiarray._reconstruct / .scalar (protocol 2 text globals)."""
    batch = _batch()
    data = pickle.dumps(batch, protocol=2).replace(
        b"numpy._core.multiarray\n", b"numpy.core.multiarray\n"
    )
    assert b"numpy.core.multiarray\n_reconstruct" in data and b"numpy._core" not in data
    _assert_same(safe_loads(data), batch)


def test_numpy_1_frombuffer_module_name_is_accepted(monkeypatch):
    """numpy 1.x at protocol 5 wrote numpy.core.numeric._frombuffer."""
    old = types.ModuleType("numpy.core.numeric")

    def _frombuffer(buffer, dtype, shape, order):  # pragma: no cover - never called here
        raise AssertionError

    _frombuffer.__module__, _frombuffer.__qualname__ = old.__name__, "_frombuffer"
    old._frombuffer = _frombuffer
    monkeypatch.setitem(sys.modules, old.__name__, old)
    array = np.arange(24, dtype=np.uint8).reshape(2, 3, 4)

    class OldNumpyPickler(pickle.Pickler):
        def reducer_override(self, obj):
            if isinstance(obj, np.ndarray):
                return _frombuffer, (obj.tobytes(), obj.dtype, obj.shape, "C")
            return NotImplemented

    import io

    stream = io.BytesIO()
    OldNumpyPickler(stream, protocol=5).dump({b"data": array})
    assert b"numpy.core.numeric" in stream.getvalue()
    monkeypatch.delitem(sys.modules, old.__name__)
    np.testing.assert_array_equal(safe_loads(stream.getvalue())[b"data"], array)


@pytest.mark.parametrize(
    "payload",
    [
        # _frombuffer with an object dtype
        b"cnumpy._core.numeric\n_frombuffer\n(C\x08\x00\x00\x00\x00\x00\x00\x00\x00"
        b"cnumpy\ndtype\n(S'O'\nI00\nI01\ntRK\x01\x85S'C'\ntR.",
        # a scalar of object dtype
        b"cnumpy.core.multiarray\nscalar\n(cnumpy\ndtype\n(S'O'\nI00\nI01\ntRS'x'\ntR.",
        # a scalar whose bytes do not match its dtype
        b"cnumpy.core.multiarray\nscalar\n(cnumpy\ndtype\n(S'f8'\nI00\nI01\ntRC\x01xtR.",
        # numpy functions that are not array constructors
        b"cnumpy\nload\n(S'/etc/passwd'\ntR.",
        b"cnumpy.core.numeric\nfrombuffer\n(C\x01xtR.",
        b"cbuiltins\nbytes\n(J\x00\x00\x00\x40tR.",  # bytes(1 GiB)
    ],
)
def test_everything_else_stays_refused(payload):
    with pytest.raises(pickle.UnpicklingError, match="refused"):
        safe_loads(payload)
