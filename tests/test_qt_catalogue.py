"""Issue 14: the window's Korean catalogue (resources/translations/cifar_gui_ko.ts -> .qm) is
in sync with the sources, translated entry by entry, compiled, and consistent in its terms."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "cifar_gui_ko.ts"
QM = ROOT / "resources" / "translations" / "cifar_gui_ko.qm"
PO = ROOT / "resources" / "translations" / "locale" / "ko" / "LC_MESSAGES" / "cifar_gui.po"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[pvm]|&(?=\w)")

# The glossary of resources/translations/README.md: an English term in a source string means
# this Korean term in its translation, everywhere: in the window's catalogue and the core's
# (the settings' labels live in the core since they are described once, beside TrainConfig).
GLOSSARY = {
    "epoch": "에포크",
    "learning rate": "학습률",
    "validation": "검증",
    "batch size": "배치 크기",
    "overfitting": "과대적합",
    "dropout": "드롭아웃",
    "regularisation": "규제",
    "confusion matrix": "혼동 행렬",
    "precision": "정밀도",
    "recall": "재현율",
    "test set": "테스트 세트",
}


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed next to this Python")
    return str(path)


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, <translation> element) for every message of a .ts file."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found.append((name, message.findtext("source"), message.find("translation")))
    return found


def test_the_catalogue_holds_exactly_the_strings_of_the_sources(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "cifar_gui" / "gui").glob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)  # fmt: skip
    wanted = {(c, s) for c, s, _ in messages(fresh)}
    committed = {(c, s) for c, s, _ in messages(TS)}
    assert len(wanted) > 400
    assert wanted - committed == set(), "run scripts/update-qt-translations.sh: new strings"
    assert committed - wanted == set(), "strings no source uses any more"


def test_every_entry_is_translated_with_its_placeholders():
    entries = messages(TS)
    problems = []
    for context, source, translation in entries:
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            problems.append((context, source, "not translated"))
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append((context, source, text))
    assert problems == []
    assert len(entries) > 400


def test_the_compiled_catalogue_is_the_one_lrelease_makes_of_the_ts(tmp_path):
    copy = tmp_path / "cifar_gui_ko.ts"
    shutil.copy(TS, copy)
    built = tmp_path / "cifar_gui_ko.qm"
    report = subprocess.run([tool("pyside6-lrelease"), str(copy), "-qm", str(built)],
                            check=True, capture_output=True, text=True).stdout  # fmt: skip
    assert re.search(r"\((\d+) finished and 0 unfinished\)", report), report
    assert built.read_bytes() == QM.read_bytes(), "run scripts/update-qt-translations.sh"


@pytest.mark.parametrize("english, korean", sorted(GLOSSARY.items()))
def test_the_glossary_terms_are_used_consistently(english, korean):
    pattern = re.compile(rf"\b{re.escape(english)}", re.IGNORECASE)
    uses = [(s, t.text) for _c, s, t in messages(TS) if pattern.search(s)]
    core = [m for m in read_po(PO.open("rb")) if isinstance(m.id, str) and m.id]
    flag = re.compile(r"--[\w-]+")  # a flag's name (--more-epochs) is no term to translate
    uses += [(m.id, m.string) for m in core if pattern.search(flag.sub("", m.id))]
    wrong = [(s, t) for s, t in uses if korean not in (t or "")]
    assert uses, f"no source string says {english!r}"
    assert wrong == []


def test_the_hangul_the_translations_use_is_the_language_the_file_declares():
    root = ET.parse(TS).getroot()
    assert root.get("language") == "ko_KR"
    hangul = [t.text for _c, _s, t in messages(TS) if re.search("[가-힣]", t.text or "")]
    assert len(hangul) > 0.9 * len(messages(TS)) - 40  # the rest: CIFAR GUI, F1, Grad-CAM, ...
