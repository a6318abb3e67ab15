"""The wheel ships every subpackage: pyproject.toml lists packages by hand (the resources/ folder
is mapped into ``cifar_gui.resources``), so a new subpackage missing from that list installs
without its code and the installed command fails on import (seen: ``cifar_gui.sweep``)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _listed_packages() -> set[str]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return set(tomllib.load(handle)["tool"]["setuptools"]["packages"])


def _source_packages() -> set[str]:
    return {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "cifar_gui").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }


def test_every_subpackage_is_in_the_wheel():
    found = _source_packages()
    assert {"cifar_gui", "cifar_gui.data", "cifar_gui.ml", "cifar_gui.gui"} <= found
    assert found - _listed_packages() == set()


def test_no_package_is_listed_that_does_not_exist():
    assert _listed_packages() - _source_packages() == {"cifar_gui.resources"}


def test_no_file_holds_a_merge_conflict_marker():
    import re
    import subprocess

    files = subprocess.run(
        ["git", "ls-files", "*.py", "*.md", "*.toml", "*.ts", "*.po", "*.sh", "Makefile"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    ).stdout.split()  # fmt: skip
    marker = re.compile(r"^(<<<<<<< |>>>>>>> |=======$)", re.M)
    bad = [name for name in files if marker.search((ROOT / name).read_text(encoding="utf-8"))]
    assert bad == []
