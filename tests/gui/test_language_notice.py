"""Choosing a language in *View > Language* says "applies at the next start" in the language
just chosen: whoever picks 한국어 may not read the English the window still shows."""

from PySide6.QtWidgets import QMainWindow

from cifar_gui.gui import language


def _choose(choice, qtbot, monkeypatch):
    said = []
    monkeypatch.setattr(
        language.QMessageBox, "information", lambda _parent, title, text: said.append((title, text))
    )
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = language.LanguageMenu(window)
    menu.actions[choice].trigger()
    return said


def test_the_notice_speaks_korean_when_korean_is_chosen(qtbot, monkeypatch):
    said = _choose("ko", qtbot, monkeypatch)
    assert said == [
        (
            "언어",
            "새 언어는 CIFAR GUI를 다음에 시작할 때 적용됩니다. 이 창과 진행 중인 실행은 그대로 계속됩니다.",
        )
    ]
    assert language.stored_choice() == "ko"


def test_the_notice_speaks_english_when_english_is_chosen(qtbot, monkeypatch):
    said = _choose("en", qtbot, monkeypatch)
    assert said[0][0] == "Language" and said[0][1].startswith("The new language applies")
