"""History CSV files from others (a course notebook's log, a Keras CSVLogger file): read into
the values drawn, or refused in one sentence naming the file (``cifar_gui.data.history_csv``)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from cifar_gui.data.errors import DataSourceError
from cifar_gui.data.history_csv import MAX_BYTES, MAX_ROWS, read_history_csv

NOTEBOOK = (
    "epoch,loss,acc,val_loss,val_acc,epoch_seconds\n"
    "1,1.7470,0.3639,1.4444,0.4709,15\n"
    "2,1.3831,0.4986,1.2439,0.5505,7\n"
    "3,1.2292,0.5634,1.1219,0.6006,7\n"
)


def _write(tmp_path, text: str | bytes, name: str = "seed_run.csv"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_the_notebook_log_gives_its_epochs_and_values(tmp_path):
    curves = read_history_csv(_write(tmp_path, NOTEBOOK))
    assert curves.name == "seed_run"
    assert curves.epochs.dtype == np.int64
    assert curves.epochs.tolist() == [1, 2, 3]
    assert curves.values("val_acc").tolist() == [0.4709, 0.5505, 0.6006]
    assert curves.values("loss").tolist() == [1.7470, 1.3831, 1.2292]
    assert set(curves.metrics) == {"loss", "acc", "val_loss", "val_acc"}  # epoch_seconds ignored


def test_keras_names_a_byte_order_mark_and_crlf_are_accepted(tmp_path):
    text = "\ufeffepoch,accuracy,loss,val_accuracy,val_loss\r\n1,0.5,1.2,0.45,1.3\r\n2,0.6,1.0,0.5,1.1\r\n"
    curves = read_history_csv(_write(tmp_path, text.encode("utf-8")))
    assert curves.values("acc").tolist() == [0.5, 0.6]
    assert curves.values("val_acc").tolist() == [0.45, 0.5]
    assert curves.epochs.tolist() == [1, 2]


def test_a_blank_cell_is_nan_and_a_missing_metric_is_all_nan(tmp_path):
    curves = read_history_csv(_write(tmp_path, "epoch,val_acc\n1,0.4\n2,\n3,0.6\n\n"))
    values = curves.values("val_acc")
    assert values[0] == 0.4 and math.isnan(values[1]) and values[2] == 0.6
    assert np.isnan(curves.values("loss")).all() and len(curves.values("loss")) == 3


def test_whole_float_epochs_as_pandas_writes_them_are_accepted(tmp_path):
    curves = read_history_csv(_write(tmp_path, "epoch,val_loss\n1.0,2.5\n2.0,2.0\n"))
    assert curves.epochs.tolist() == [1, 2]


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("", "the file is empty"),
        ("loss,acc\n1.0,0.5\n", "no 'epoch' column"),
        ("epoch,seconds\n1,10\n", "none of the columns loss, acc, val_loss, val_acc"),
        ("epoch,acc,accuracy\n1,0.5,0.5\n", "the column acc appears twice"),
        ("epoch,val_acc\n1,0.5\n2,abc\n", "line 3: val_acc is not a finite number (abc)"),
        ("epoch,val_acc\n1,nan\n", "line 2: val_acc is not a finite number (nan)"),
        ("epoch,loss\n1,inf\n", "line 2: loss is not a finite number (inf)"),
        ("epoch,acc\n1,77\n", "line 2: acc 77 is not an accuracy between 0 and 1"),
        ("epoch,acc\n-1,0.5\n1,0.6\n", "line 2: epochs must be whole numbers from 1 to 1,000,000"),
        ("epoch,acc\n0,0.5\n0,0.6\n", "line 3: epochs must be whole numbers"),
        ("epoch,acc\n1,0.5\n1,0.6\n", "line 3: epochs must be whole numbers from 1 to 1,000,000"),
        ("epoch,acc\n2,0.5\n1,0.6\n", "line 3: epochs must be whole numbers"),
        ("epoch,acc\n1.5,0.5\n", "line 2: epochs must be whole numbers"),
        ("epoch,acc\nfirst,0.5\n", "line 2: epochs must be whole numbers"),
        ("epoch,acc\n1,0.5,9\n", "line 2 has 3 cells where the header has 2"),
        ("epoch,acc\n", "no values to draw"),
        ("epoch,acc\n1,\n2,\n", "no values to draw"),
        ('epoch,acc\n1,"0.5\n', "not a readable CSV table"),
    ],
)
def test_each_refusal_is_one_sentence_naming_the_file(tmp_path, text, sentence):
    path = _write(tmp_path, text)
    with pytest.raises(DataSourceError) as caught:
        read_history_csv(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert sentence in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_file_over_one_mebibyte_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = _write(tmp_path, "epoch,acc\n1,0.5\n" + " " * MAX_BYTES)
    import builtins

    opened = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    with pytest.raises(DataSourceError, match=r"bytes is too large for a training history"):
        read_history_csv(path)
    assert not [a for a in opened if str(a[0]) == str(path)]  # refused by its size alone


def test_more_than_ten_thousand_rows_are_refused(tmp_path):
    rows = "".join(f"{e},0.5\n" for e in range(1, MAX_ROWS + 2))
    with pytest.raises(DataSourceError, match=r"more than 10,000 rows"):
        read_history_csv(_write(tmp_path, "epoch,acc\n" + rows))
    ok = "".join(f"{e},0.5\n" for e in range(1, MAX_ROWS + 1))
    assert len(read_history_csv(_write(tmp_path, "epoch,acc\n" + ok, "ok.csv")).epochs) == MAX_ROWS


def test_not_utf8_a_folder_and_a_missing_file_are_refused(tmp_path):
    latin = _write(tmp_path, b"epoch,acc\n1,0.5\n" + b"\xff\xfe\n")
    with pytest.raises(DataSourceError, match=r"not UTF-8 text"):
        read_history_csv(latin)
    with pytest.raises(DataSourceError, match=r"not a regular file"):
        read_history_csv(tmp_path)
    with pytest.raises(DataSourceError, match=r"cannot be read \(no such file or folder\)"):
        read_history_csv(tmp_path / "absent.csv")


def test_refusals_speak_korean_when_the_app_does(tmp_path):
    from cifar_gui.i18n import set_language

    set_language("ko")
    try:
        with pytest.raises(DataSourceError) as caught:
            read_history_csv(_write(tmp_path, "loss,acc\n1.0,0.5\n"))
    finally:
        set_language("en")
    assert "epoch" in str(caught.value) and "no 'epoch' column" not in str(caught.value)


def test_a_keras_csvlogger_file_counting_from_zero_is_shifted_to_count_from_one(tmp_path):
    # keras.callbacks.CSVLogger writes the first epoch as 0; the plots count epochs from 1.
    curves = read_history_csv(
        _write(tmp_path, "epoch,accuracy,loss\n0,0.35,1.8\n1,0.5,1.4\n2,0.6,1.1\n")
    )
    assert curves.epochs.tolist() == [1, 2, 3]
    assert curves.values("acc").tolist() == [0.35, 0.5, 0.6]
