"""The sweep core (issue 16): parsing, expansion, random search, the persisted queue, the table."""

from __future__ import annotations

import json
import math

import pytest

from cifar_gui.config import TrainConfig
from cifar_gui.run_store.lock import RunLock
from cifar_gui.run_store.record import RunRecord
from cifar_gui.sweep import SweepError, SweepSpec, expand, parse_axis
from cifar_gui.sweep.queue import SweepQueue, unfinished_sweeps
from cifar_gui.sweep.results import sweep_ids, sweep_table


def _spec(random=None, seed=0, **texts) -> SweepSpec:
    return SweepSpec(tuple(parse_axis(k, v) for k, v in texts.items()), random, seed)


def test_parse_values_and_types():
    assert parse_axis("learning_rate", "1e-3, 3e-4,1e-4").values == (1e-3, 3e-4, 1e-4)
    assert parse_axis("batch_size", "32, 64").values == (32, 64)
    assert parse_axis("preset", "plain, l2, dropout").values == ("plain", "l2", "dropout")
    axis = parse_axis("learning_rate", "1e-4..1e-2")
    assert (axis.low, axis.high, axis.is_range) == (1e-4, 1e-2, True)


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("learning_rate", "1e-3, abc", "learning_rate: 'abc' is not a number"),
        ("batch_size", "32, 6.5", "batch_size: '6.5' is not a whole number"),
        ("dropout_rate", "0.2, 1.5", "dropout_rate: 1.5 is refused. Enter a number that is at least 0 and less than 1."),
        ("learning_rate", "1e-3,,1e-4", "learning_rate: has an empty value (write values as 1e-3, 3e-4)"),
        ("preset", "plain, resnet", "preset: 'resnet' is not one of plain, l2, dropout, modern, fast"),
        ("dropout_rate", "0.2, 0.20", "dropout_rate: lists 0.2 twice"),
        ("l2_factor", "0..1e-2", "l2_factor: a range drawn log-uniformly must start above 0"),
        ("learning_rate", "1e-2..1e-4", "learning_rate: the range 1e-2..1e-4 is empty (write low..high)"),
        ("data", "demo, cifar10", "data: cannot be swept"),
    ],
)  # fmt: skip
def test_parse_errors_are_one_sentence(field, text, message):
    with pytest.raises(SweepError) as caught:
        parse_axis(field, text)
    assert str(caught.value) == message
    assert "\n" not in str(caught.value)


def test_grid_order_and_count_are_stable():
    # Typed dropout first: still expanded in TrainConfig field order, the last setting fastest.
    spec = _spec(dropout_rate="0.2, 0.5", learning_rate="1e-3, 3e-4, 1e-4", preset="plain, l2")
    assert spec.fields == ["preset", "dropout_rate", "learning_rate"]
    combos = spec.combinations()
    assert spec.count == len(combos) == 12
    assert combos[0] == {"preset": "plain", "dropout_rate": 0.2, "learning_rate": 1e-3}
    assert combos[1] == {"preset": "plain", "dropout_rate": 0.2, "learning_rate": 3e-4}
    assert combos[3] == {"preset": "plain", "dropout_rate": 0.5, "learning_rate": 1e-3}
    assert combos[-1] == {"preset": "l2", "dropout_rate": 0.5, "learning_rate": 1e-4}
    assert len({json.dumps(c, sort_keys=True) for c in combos}) == 12


def test_range_without_random_search_is_refused():
    with pytest.raises(SweepError, match=r"learning_rate: a range .* needs random search"):
        _spec(learning_rate="1e-4..1e-2").combinations()


def test_random_search_is_seeded_and_log_uniform_within_range():
    spec = _spec(random=400, seed=7, learning_rate="1e-5..1e-1", dropout_rate="0.1..0.6",
                 preset="plain, dropout")  # fmt: skip
    combos = spec.combinations()
    assert combos == spec.combinations()  # the same seed, the same runs
    assert combos != _spec(random=400, seed=8, learning_rate="1e-5..1e-1",
                           dropout_rate="0.1..0.6", preset="plain, dropout").combinations()  # fmt: skip
    rates = [c["learning_rate"] for c in combos]
    assert all(1e-5 <= r <= 1e-1 for r in rates)
    # Log-uniform: each of the four decades gets about a quarter (uniform would put ~90% in the last).
    decades = [sum(1 for r in rates if 10**-k <= r < 10 ** (-k + 1)) for k in (5, 4, 3, 2)]
    assert all(60 <= n <= 140 for n in decades), decades
    drops = [c["dropout_rate"] for c in combos]
    assert all(0.1 <= d <= 0.6 for d in drops)
    assert abs(sum(drops) / len(drops) - 0.35) < 0.03  # uniform: the mean is the middle
    assert {c["preset"] for c in combos} == {"plain", "dropout"}


def test_expand_tags_names_and_keeps_the_base():
    base = TrainConfig(epochs=3, data="demo")
    runs = expand(base, _spec(learning_rate="1e-3, 1e-4").combinations(), "sweep-x")
    assert [r.index for r in runs] == [1, 2]
    assert [r.config.learning_rate for r in runs] == [1e-3, 1e-4]
    assert all(r.config.sweep_id == "sweep-x" and r.config.epochs == 3 for r in runs)
    assert runs[0].config.run_name == "sweep-x-01-lr0.001"  # the sweep's tag: names never clash
    other = expand(base, _spec(learning_rate="1e-3").combinations(), "sweep-20261130-0102-ab12")
    assert other[0].config.run_name == "sweep-ab12-01-lr0.001"
    assert TrainConfig.from_dict(runs[1].config.to_dict()).sweep_id == "sweep-x"


def _queue(tmp_path, **texts) -> SweepQueue:
    spec = _spec(**texts)
    runs = expand(TrainConfig(data="demo"), spec.combinations(), "sweep-t1")
    return SweepQueue.create(tmp_path, runs, spec.fields, "grid")


def test_queue_persists_and_resumes_remaining_runs(tmp_path):
    queue = _queue(tmp_path, learning_rate="1e-3, 1e-4", dropout_rate="0.2, 0.5")
    queue.acquire()
    first = queue.next_pending()
    queue.mark_running(first, str(tmp_path / "run1"))
    queue.mark_finished(first, "completed", None)
    second = queue.next_pending()
    queue.mark_running(second)  # killed before its run folder existed
    assert unfinished_sweeps(tmp_path) == []  # this process still owns it
    queue.release()  # the window closed / the CLI was killed
    [found] = unfinished_sweeps(tmp_path)
    assert [i.state for i in found.items] == ["completed", "running", "pending", "pending"]
    assert found.items[0].run_dir == str(tmp_path / "run1")
    found.recover()
    assert [i.index for i in found.remaining] == [2, 3, 4]
    again = found.next_pending()  # the run killed before it had a folder starts again
    assert (again.index, again.config().dropout_rate, again.config().learning_rate) == (
        2,
        0.2,
        1e-4,
    )
    found.cancel_pending()
    assert unfinished_sweeps(tmp_path) == []


def test_queue_extend_numbers_on(tmp_path):
    queue = _queue(tmp_path, learning_rate="1e-3, 1e-4")
    added = queue.extend(TrainConfig(data="demo"), [{"learning_rate": 3e-5, "dropout_rate": 0.4}])
    assert [i.index for i in added] == [3]
    loaded = SweepQueue.load(queue.folder)
    assert loaded.swept == ["learning_rate", "dropout_rate"]
    tag = queue.sweep_id.rsplit("-", 1)[-1]
    assert loaded.items[-1].config().run_name == f"sweep-{tag}-03-lr3e-05-dropout0.4"


def test_a_damaged_or_hostile_queue_file_is_refused_in_one_sentence(tmp_path):
    queue = _queue(tmp_path, learning_rate="1e-3, 1e-4")
    data = json.loads(queue.path.read_text())
    data["items"][0]["settings"]["batch_size"] = -4
    queue.path.write_text(json.dumps(data))
    with pytest.raises(SweepError, match=r"not a readable sweep queue .*batch_size"):
        SweepQueue.load(queue.folder)
    assert unfinished_sweeps(tmp_path) == []
    queue.path.write_text("{")
    with pytest.raises(SweepError, match="not a readable sweep queue"):
        SweepQueue.load(queue.folder)


def _fake_run(tmp_path, name, settings, summary):
    record = RunRecord.create(tmp_path, name)
    record.write_config({"settings": settings})
    record.write_summary(summary)
    return record.path


def test_table_reads_each_runs_summary_and_finds_the_best(tmp_path):
    queue = _queue(tmp_path, learning_rate="1e-3, 1e-4")
    accs = [(0.41, 0.39, 12.5), (0.55, 0.52, 11.0)]
    for item, (val, test, seconds) in zip(queue.items, accs, strict=True):
        path = _fake_run(tmp_path, f"r{item.index}", item.settings, {
            "status": "completed", "best_val_acc": val, "test_acc": test, "duration_seconds": seconds})  # fmt: skip
        queue.mark_finished(item, "completed", str(path))
    _fake_run(tmp_path, "other", TrainConfig().to_dict(), {"status": "completed"})
    assert sweep_ids(tmp_path) == ["sweep-t1"]
    table = sweep_table(tmp_path, "sweep-t1")
    assert table.swept == ["learning_rate"]
    assert [(r.index, r.combination["learning_rate"]) for r in table.rows] == [(1, 1e-3), (2, 1e-4)]
    assert [(r.best_val_acc, r.test_acc, r.seconds) for r in table.rows] == accs
    assert table.best().index == 2
    lines = table.to_csv().splitlines()
    assert lines[0] == "run,learning_rate,status,best_val_acc,test_acc,duration_seconds,run_dir"
    assert lines[2].startswith("2,0.0001,completed,0.55,0.52,11.0,")
    assert math.isclose(float(lines[1].split(",")[3]), 0.41)


def test_lock_keeps_two_processes_off_one_sweep(tmp_path):
    queue = _queue(tmp_path, learning_rate="1e-3, 1e-4")
    with RunLock(queue.folder), pytest.raises(SweepError, match="is being trained elsewhere"):
        SweepQueue.load(queue.folder).acquire()
