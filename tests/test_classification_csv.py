"""The Classify tab's CSV export, written without Qt (data/classification_csv.py)."""

from __future__ import annotations

import csv
import io
import types
from pathlib import Path

import numpy as np

from cifar_gui.data.classification_csv import classification_csv, write_classification_csv


def _results():
    good = types.SimpleNamespace(path=Path("/photos/cat.png"), error=None,
                                 probabilities=np.array([0.05, 0.905, 0.045]))  # fmt: skip
    bad = types.SimpleNamespace(path=Path("/photos/bad.jpg"), error="not an image",
                                probabilities=None)  # fmt: skip
    return [good, bad]


def test_one_row_per_file_with_every_class_and_the_problem():
    rows = list(csv.reader(io.StringIO(classification_csv(_results(), ("airplane", "cat", "dog")))))
    assert rows == [
        ["file", "top_class", "confidence", "airplane", "cat", "dog", "error"],
        ["/photos/cat.png", "cat", "0.905000", "0.050000", "0.905000", "0.045000", ""],
        ["/photos/bad.jpg", "", "", "", "", "", "not an image"],
    ]


def test_the_file_is_utf8_and_replaces_an_older_one_whole(tmp_path):
    out = tmp_path / "결과.csv"
    out.write_text("old contents that are much longer than the new ones " * 100)
    write_classification_csv(out, _results()[:1], ("비행기", "고양이", "개"))
    text = out.read_bytes().decode("utf-8")
    assert text.splitlines()[0] == "file,top_class,confidence,비행기,고양이,개,error"
    assert "old contents" not in text and text.endswith("\r\n")
