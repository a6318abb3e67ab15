"""Issue 10 item 5 in the Classify tab: "Random test image" refuses data that differs from the
data the model's run was trained on, naming both, instead of showing a test image of it."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.slow


def test_a_random_test_image_is_refused_from_other_data(ready_window, trained_run, qtbot):
    config_path = trained_run / "config.json"
    stored = json.loads(config_path.read_text())
    recorded = stored["data"]["fingerprint"]
    assert recorded["class_names"][0] == "horizontal stripes"
    # The run says it was trained on other images than those "demo" gives here.
    recorded.update(train_counts=[1] * 10, content_hash="0" * 32)
    config_path.write_text(json.dumps(stored))
    window = ready_window
    window.tabs.setCurrentWidget(window.classify_tab)
    tab = window.classify_tab
    qtbot.waitUntil(lambda: tab.loaded is not None, timeout=60_000)
    tab.random_button.click()
    qtbot.waitUntil(lambda: "differs from the data" in tab.message.text(), timeout=30_000)
    assert tab.analysis is None
    assert "6000 training / 1000 test images" in tab.message.text()  # the demo data now
    assert "10 training / 1000 test images" in tab.message.text()  # what the run recorded
