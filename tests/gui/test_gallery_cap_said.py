"""QA pass 3, N2: "Show all mistakes" stood greyed beside "300 of 891 misclassified test
images": the button only clears a confusion-cell filter and the gallery is capped. The button
now says what it does and the header says the gallery is capped."""

from __future__ import annotations

import numpy as np


def _view_with_mistakes(qtbot, tmp_path, mistakes):
    from cifar_gui.gui.evaluation_view import EvaluationView
    from cifar_gui.gui.workers import BackgroundTasks
    from cifar_gui.run_store.stored_evaluation import StoredEvaluation

    view = EvaluationView(BackgroundTasks())
    qtbot.addWidget(view)
    names = ["a", "b"]
    labels = np.zeros(mistakes + 5, dtype=np.int64)
    guesses = np.array([1] * mistakes + [0] * 5)
    probabilities = np.eye(2)[guesses] * 0.8 + 0.1
    figures = {"class_names": names, "per_class": {}, "test_acc": 0.5, "test_loss": 1.0,
               "confusion_matrix": [[5, mistakes], [0, 0]]}  # fmt: skip
    images = np.zeros((len(labels), 32, 32, 3), np.uint8)
    stored = StoredEvaluation(
        tmp_path, figures, labels=labels, probabilities=probabilities, images=images
    )
    view.show_stored(stored)
    return view


def test_a_capped_gallery_says_it_shows_the_most_confident_only(qtbot, tmp_path):
    from cifar_gui.gui.evaluation_view import GALLERY_LIMIT

    view = _view_with_mistakes(qtbot, tmp_path, GALLERY_LIMIT + 20)
    assert view.gallery.count() == GALLERY_LIMIT
    assert view.gallery_label.text().startswith(
        f"The {GALLERY_LIMIT} most confident of {GALLERY_LIMIT + 20} misclassified test images "
        f"(the gallery shows {GALLERY_LIMIT} at most)"
    )
    assert view.show_all_button.text() == "Clear the cell filter"
    assert f"at most the {GALLERY_LIMIT} most confident" in view.show_all_button.toolTip()
    assert not view.show_all_button.isEnabled()  # no cell filter to clear


def test_an_uncapped_gallery_counts_every_mistake(qtbot, tmp_path):
    view = _view_with_mistakes(qtbot, tmp_path, 12)
    assert view.gallery.count() == 12
    assert view.gallery_label.text().startswith("12 of 12 misclassified test images")
