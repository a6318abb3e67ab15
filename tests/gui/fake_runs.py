"""Run folders written by hand (summary, config, history; a stand-in model file): enough for
the runs table, the overlay and the Classify tab's model list, without training anything."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path


def write_run(root: Path, folder: str, *, name: str, status: str = "completed", done: int = 3,
              planned: int = 3, best: float | None = 0.5, test: float | None = None,
              seconds: float | None = 60.0, history: list[dict] | None = None,
              model: bool = True) -> Path:  # fmt: skip
    path = root / folder
    path.mkdir(parents=True)
    summary = {"name": name, "status": status, "epochs_completed": done, "epochs_planned": planned,
               "started_at": f"2026-01-{folder[6:8]}T10:00:00+00:00", "device": "CPU"}  # fmt: skip
    for key, value in (("best_val_acc", best), ("test_acc", test), ("duration_seconds", seconds)):
        if value is not None:
            summary[key] = value
    (path / "summary.json").write_text(json.dumps(summary), encoding="utf-8")
    settings = {"preset": "dropout", "optimizer": "adam", "learning_rate": 0.001, "batch_size": 32}
    (path / "config.json").write_text(json.dumps({"settings": settings}), encoding="utf-8")
    if history:
        keys = list(history[0])
        lines = [",".join(keys)] + [",".join(str(row[k]) for k in keys) for row in history]
        (path / "history.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if model:
        with zipfile.ZipFile(path / "model.keras", "w") as archive:
            archive.writestr("config.json", "{}")
    return path
