"""Builders of hostile model, zip and image files, after the public proof-of-concept files for the
Keras safe-mode advisories of 2024-2026 and the findings of issue 13.

Every payload only touches ``marker`` (a file in the test's temporary folder): a test asserts
that it never appears. The builders need no TensorFlow: they rewrite the members of a genuine
``.keras`` file (``base``, saved by Keras in the test) or write zips and HDF5 files directly.
"""

from __future__ import annotations

import io
import json
import struct
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import h5py
import numpy as np

KERAS_MEMBERS = ("metadata.json", "config.json", "model.weights.h5")


def save_base_model(path: Path) -> Path:
    """A genuine, compiled Keras model as the app would save it (Adam, the app's loss and
    metric): the file every hostile model file is rewritten from. Imports Keras."""
    import keras

    inputs = keras.Input((32, 32, 3), name="image")
    x = keras.layers.Normalization(mean=[1.0, 2.0, 3.0], variance=[1.0, 1.0, 1.0])(inputs)
    x = keras.layers.Conv2D(4, 3, padding="same", activation="relu")(x)
    x = keras.layers.MaxPooling2D(2)(x)
    x = keras.layers.Flatten()(x)
    outputs = keras.layers.Dense(10, activation="softmax", name="probabilities")(x)
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["acc"])
    model.save(path)
    return path


def read_keras(base: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(base) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, members: list[tuple[str, bytes]], method=zipfile.ZIP_DEFLATED) -> Path:
    """Members in order, duplicates allowed (zipfile only warns)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        with zipfile.ZipFile(path, "w", method) as archive:
            for name, data in members:
                archive.writestr(name, data)
    return path


def keras_with(
    base: Path, path: Path, edit: Callable[[dict[str, Any]], None], method=zipfile.ZIP_DEFLATED
) -> Path:
    """A copy of ``base`` whose config.json ``edit`` changed in place."""
    members = read_keras(base)
    config = json.loads(members["config.json"])
    edit(config)
    members["config.json"] = json.dumps(config).encode()
    return write_zip(path, list(members.items()), method)


def with_metadata(base: Path, path: Path, version: str, edit=None) -> Path:
    """A copy of ``base`` that says Keras ``version`` wrote it (config edited by ``edit``)."""
    members = read_keras(base)
    members["metadata.json"] = json.dumps({"keras_version": version}).encode()
    config = json.loads(members["config.json"])
    if edit:
        edit(config)
    members["config.json"] = json.dumps(config).encode()
    return write_zip(path, list(members.items()))


def layers_of(config: dict[str, Any]) -> list[dict[str, Any]]:
    return config["config"]["layers"]


def insert_layer(config: dict[str, Any], layer: dict[str, Any]) -> None:
    """Put ``layer`` right after the input, feeding nothing (Keras deserialises it anyway)."""
    entry = {"name": "payload", "inbound_nodes": [], **layer}
    layers_of(config).insert(1, entry)


def os_system_layer(marker: Path) -> dict[str, Any]:
    """CVE-2025-1550: a config naming a Python function as a layer class."""
    return {"module": "os", "class_name": "system", "config": f"touch {marker}"}


def get_file_layer(marker: Path) -> dict[str, Any]:
    """CVE-2025-8747: keras.utils.get_file as a layer, fetching onto the disk."""
    return {
        "module": "keras.utils",
        "class_name": "get_file",
        "config": {"fname": str(marker), "origin": f"file://{marker}.src", "cache_dir": "/"},
    }


def unsafe_chain_layers(marker: Path) -> list[dict[str, Any]]:
    """CVE-2025-9906: switch safe mode off first, then a Lambda with code."""
    return [
        {"module": "keras.config", "class_name": "enable_unsafe_deserialization", "config": {}},
        {
            "module": "keras.layers",
            "class_name": "Lambda",
            "config": {
                "name": "code",
                "function": {
                    "class_name": "__lambda__",
                    "config": {"code": f"__import__('os').system('touch {marker}')"},
                },
            },
        },
    ]


def tfsm_layer(savedmodel: Path) -> dict[str, Any]:
    """CVE-2026-1462: TFSMLayer loads (and runs) a SavedModel from anywhere on the disk."""
    return {
        "module": "keras.layers",
        "class_name": "TFSMLayer",
        "config": {"name": "tfsm", "filepath": str(savedmodel), "call_endpoint": "serve"},
    }


def operation_layer(marker: Path) -> dict[str, Any]:
    """Issue 13 item 2: an operation class from keras.src.ops used as a layer."""
    return {
        "module": "keras.src.ops.core",
        "class_name": "Switch",
        "config": {"name": str(marker)},
        "registered_name": "Switch",
    }


def path_in_argument(config: dict[str, Any], marker: Path) -> None:
    """A plain allowed layer whose argument is a file path."""
    dense = next(layer for layer in layers_of(config) if layer["class_name"] == "Dense")
    dense["config"]["kernel_initializer"]["config"]["seed"] = str(marker)


def custom_object_layer(config: dict[str, Any]) -> None:
    """A registered custom class (the app registers none)."""
    dense = next(layer for layer in layers_of(config) if layer["class_name"] == "Dense")
    dense["registered_name"] = "evil>Payload"


def giant_dense(config: dict[str, Any]) -> None:
    """Dense(10**6) after the flatten: a billion weights, allocated before any is read."""
    dense = next(layer for layer in layers_of(config) if layer["class_name"] == "Dense")
    dense["config"]["units"] = 1_000_000


def weights_declaring(size: int) -> bytes:
    """An HDF5 weights file of a few kB that declares ``size`` float32 values (3.9 GiB for
    ~1.05e9): chunked and compressed, nothing is ever written."""
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as weights:
        weights.create_dataset(
            "layers/dense/vars/0", shape=(size,), dtype="float32", chunks=(1 << 20,),
            compression="gzip",
        )  # fmt: skip
    return buffer.getvalue()


def weights_bomb_keras(base: Path, path: Path, size: int = 1_040_000_000) -> Path:
    members = read_keras(base)
    members["model.weights.h5"] = weights_declaring(size)
    return write_zip(path, list(members.items()))


def external_weights_keras(base: Path, path: Path, outside: Path) -> Path:
    """A weights dataset whose data lives in another file on the disk (HDF5 external storage)."""
    members = read_keras(base)
    buffer = io.BytesIO()
    with (
        h5py.File(io.BytesIO(members["model.weights.h5"]), "r") as source,
        h5py.File(buffer, "w") as target,
    ):
        source.copy(source["layers"], target, "layers")
        target.create_dataset(
            "stolen", shape=(16,), dtype="uint8", external=[(str(outside), 0, 16)]
        )
    members["model.weights.h5"] = buffer.getvalue()
    return write_zip(path, list(members.items()))


def many_members_keras(base: Path, path: Path, extra: int = 4, size: int = 8 << 20) -> Path:
    """Issue 13 item 3: more members of zeros than a .keras has (255 MiB each in the report;
    ``size`` keeps the test quick, the refusal does not depend on it)."""
    members = list(read_keras(base).items())
    members += [(f"padding{i}.bin", bytes(size)) for i in range(extra)]
    return write_zip(path, members)


def lying_size_keras(base: Path, path: Path, claimed: int = 3 << 30) -> Path:
    """A central directory that says model.weights.h5 unpacks to ``claimed`` bytes."""
    members = read_keras(base)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
        archive.getinfo("model.weights.h5").file_size = claimed
    return path


def ratio_bomb_keras(base: Path, path: Path, size: int = 40 << 20) -> Path:
    """model.weights.h5 replaced by ``size`` bytes of zeros, deflated ~1000:1."""
    members = read_keras(base)
    members["model.weights.h5"] = bytes(size)
    return write_zip(path, list(members.items()))


def hdf5_zip_polyglot(base: Path, path: Path) -> Path:
    """CVE-2025-9905: a file that is an HDF5 file (signature at offset 0) and a zip (directory at
    the end); Keras picks the HDF5 loader for a ``.h5`` name."""
    buffer = io.BytesIO()
    with h5py.File(buffer, "w") as legacy:
        legacy.attrs["model_config"] = json.dumps({"class_name": "Lambda"})
    path.write_bytes(buffer.getvalue() + base.read_bytes())
    return path


def zip_then_hdf5(base: Path, path: Path) -> Path:
    """A zip from its first byte with an HDF5 superblock at offset 512 (HDF5 looks there too)."""
    data = bytearray(base.read_bytes())
    data[512:520] = b"\x89HDF\r\n\x1a\n"
    path.write_bytes(bytes(data))
    return path


def patch_method(data: bytes, method: int) -> bytes:
    """Set every member's compression method field (local and central headers) to ``method``."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (start := out.find(signature, start)) >= 0:
            out[start + offset : start + offset + 2] = struct.pack("<H", method)
            start += 4
    return bytes(out)


def encrypted_flag(data: bytes) -> bytes:
    """Set the 'encrypted' general-purpose bit of every member."""
    out = bytearray(data)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := out.find(signature, start)) >= 0:
            flags = struct.unpack_from("<H", out, start + offset)[0] | 0x1
            struct.pack_into("<H", out, start + offset, flags)
            start += 4
    return bytes(out)


def run_zip(path: Path, model: bytes, *, extra: list[tuple[str, bytes]] = ()) -> Path:
    """A run export as the app writes it (model stored), with ``extra`` members appended."""
    others = [("config.json", b"{}"), ("class_names.json", b"[]"), *extra]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("model.keras", model, compress_type=zipfile.ZIP_STORED)
            for name, data in others:
                archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return path


def eps_named_png(path: Path, marker: Path) -> Path:
    """Issue 13 item 6: PostScript named .png; Ghostscript would write ``marker``, then loop."""
    path.write_bytes(
        b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 32 32\n"
        + f"({marker}) (w) file closefile\n".encode()
        + b"{} loop\nshowpage\n"
    )
    return path


def random_image(path: Path) -> Path:
    from PIL import Image

    Image.fromarray(np.random.default_rng(0).integers(0, 255, (40, 40, 3), np.uint8)).save(path)
    return path


# ---- the cases, shared by the CLI and the Classify-tab tests ---------------------------------
# Each: how to build the file, and what its one-line refusal must say.
def _layer(builder):
    return lambda config, marker: insert_layer(config, builder(marker))


def _chain(config, marker):
    for layer in reversed(unsafe_chain_layers(marker)):
        insert_layer(config, layer)


CONFIG_CASES = {
    "os.system as a layer (CVE-2025-1550)": (_layer(os_system_layer), "'os'.'system'"),
    "get_file as a layer (CVE-2025-8747)": (_layer(get_file_layer), "'get_file'"),
    "unsafe switch then Lambda (CVE-2025-9906)": (_chain, "'enable_unsafe_deserialization'"),
    "TFSMLayer (CVE-2026-1462)": (
        lambda config, marker: insert_layer(config, tfsm_layer(marker.parent)),
        "'TFSMLayer' is not on the allow-list",
    ),
    "operation as a layer (Switch)": (_layer(operation_layer), "'keras.src.ops.core'.'Switch'"),
    "file path in a layer argument": (path_in_argument, "is not a plain name"),
    "custom registered object": (lambda c, m: custom_object_layer(c), "'evil>Payload'"),
    "Dense(10**6): gigabytes built before any weight is read": (
        lambda c, m: giant_dense(c),
        "would create 1,025,000,112 weights",
    ),
}


FILE_CASES = {
    "3.9 GiB declared in a small weights file": (
        lambda base, tmp, marker: weights_bomb_keras(base, tmp / "w.keras"),
        "declares 1,040,000,000 values",
    ),
    "four extra members of zeros": (
        lambda base, tmp, marker: many_members_keras(base, tmp / "m.keras"),
        "holds 7 files; at most 3 expected",
    ),
    "central directory lies about the size": (
        lambda base, tmp, marker: lying_size_keras(base, tmp / "l.keras"),
        "model.weights.h5, which is implausibly large",
    ),
    "weights deflated 1000:1": (
        lambda base, tmp, marker: ratio_bomb_keras(base, tmp / "r.keras"),
        "a zip bomb",
    ),
    "weights read from another file (HDF5 external storage)": (
        lambda base, tmp, marker: external_weights_keras(base, tmp / "e.keras", marker),
        "reads its data from another file",
    ),
    "HDF5/zip polyglot named .h5 (CVE-2025-9905)": (
        lambda base, tmp, marker: hdf5_zip_polyglot(base, tmp / "p.h5"),
        "legacy HDF5 model (.h5), which this app does not open; convert it",
    ),
    "HDF5/zip polyglot named .keras": (
        lambda base, tmp, marker: hdf5_zip_polyglot(base, tmp / "p.keras"),
        "not a Keras model file",
    ),
    "zip with an HDF5 superblock at 512": (
        lambda base, tmp, marker: zip_then_hdf5(base, tmp / "z.keras"),
        "both a zip and an HDF5 file",
    ),
}
