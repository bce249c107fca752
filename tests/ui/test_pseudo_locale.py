"""No visible text escapes translation: every screen under a pseudo-locale.

A translator that answers every message with ``⟦source⟧`` is installed before
any screen is built; then every screen of ``helpers.screens.SCREENS`` is walked in
each of its states. Every text a person sees or a screen reader reads (labels,
buttons, group titles, tabs, combo items, list items, table headers, window
titles, menu actions, tooltips, accessible names and descriptions, spin box
suffixes, placeholders) must consist of wrapped pieces only. What may stand
outside the brackets: numbers, times, dates and the locale's day and month
names, pattern notation ("4-6"), punctuation, and the app's name "Herstel".
A text built from translated parts ("⟦Rest rhythm⟧ · 4-6 · ⟦5 min⟧") passes;
an English word outside the brackets fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from helpers.screens import SCREENS, Env, Stop, menu_actions
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QSpinBox,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from herstel import APP_NAME
from herstel.core.clock import ManualClock

OPEN, CLOSE = "⟦", "⟧"
WRAPPED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
TAGS = re.compile(r"<[^>]+>")

pytestmark = pytest.mark.qt_log_ignore(
    r"^This plugin does not support (propagateSizeHints|raise)\(\)$"
)


class PseudoTranslator(QTranslator):
    """Every message, from every context (Qt's own included), comes back in brackets."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        return OPEN + source_text + CLOSE

    def isEmpty(self) -> bool:
        return False


def locale_words() -> set[str]:
    """Day and month names, AM/PM: what QLocale writes into dates and times."""
    locale = QLocale()
    words = {locale.amText(), locale.pmText()}
    for kind in QLocale.FormatType:
        for day in range(1, 8):
            words.add(locale.dayName(day, kind))
            words.add(locale.standaloneDayName(day, kind))
        for month in range(1, 13):
            words.add(locale.monthName(month, kind))
            words.add(locale.standaloneMonthName(month, kind))
    return {w for w in words if w}


def untranslated(text: str, allowed: set[str]) -> str:
    """What of ``text`` stands outside the brackets and is not neutral ("" when all is)."""
    rest = unescape(TAGS.sub(" ", text)).replace("&&", "").replace("&", "")
    while True:
        stripped = WRAPPED.sub(" ", rest)
        if stripped == rest:
            break
        rest = stripped
    words = re.findall(r"[^\W\d_]+", rest)
    left = [w for w in words if w != APP_NAME and w not in allowed]
    return " ".join(left)


def texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for everything a person or a screen reader gets from ``widget``."""
    if isinstance(widget, QLabel) and widget.pixmap().isNull():
        yield "label", widget.text()
    if isinstance(widget, QAbstractButton):
        yield "button", widget.text()
    if isinstance(widget, QGroupBox):
        yield "group title", widget.title()
    if isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield "tab", widget.tabText(index)
            yield "tab tooltip", widget.tabToolTip(index)
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            yield "combo item", widget.itemText(index)
    if isinstance(widget, QListWidget):
        for row in range(widget.count()):
            item = widget.item(row)
            yield "list item", item.text()
            yield "list item (read)", str(item.data(Qt.ItemDataRole.AccessibleTextRole) or "")
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QListWidget):
        model = widget.model()
        if model is not None:
            for column in range(model.columnCount()):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                yield "column header", str(header or "")
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        yield "suffix", widget.suffix()
        yield "prefix", widget.prefix()
    if isinstance(widget, QAbstractSpinBox):
        yield "special value", widget.specialValueText()
    if isinstance(widget, QLineEdit):
        yield "placeholder", widget.placeholderText()
    if widget.isWindow():
        yield "window title", widget.windowTitle()
    yield "tooltip", widget.toolTip()
    yield "accessible name", widget.accessibleName()
    yield "accessible description", widget.accessibleDescription()


def leaks(stop: Stop, allowed: set[str]) -> list[str]:
    found = []
    widgets: list[QObject] = []
    if stop.root.isVisible():
        widgets = [stop.root, *(w for w in stop.root.findChildren(QWidget) if w.isVisible())]
    for widget in widgets:
        assert isinstance(widget, QWidget)
        for what, text in texts_of(widget):
            left = untranslated(text, allowed)
            if left:
                name = widget.objectName() or type(widget).__name__
                found.append(f"{stop.name}: {what} of {name}: {text!r} (untranslated: {left!r})")
    for menu in stop.menus:
        for action in menu_actions(menu):
            for what, text in (("menu action", action.text()), ("menu title", menu.title())):
                left = untranslated(text, allowed)
                if left:
                    found.append(f"{stop.name}: {what}: {text!r} (untranslated: {left!r})")
    return found


@pytest.fixture
def pseudo_locale(qapp: QCoreApplication) -> Iterator[PseudoTranslator]:
    translator = PseudoTranslator()
    assert QCoreApplication.installTranslator(translator)
    assert QCoreApplication.translate("Probe", "Hello") == "⟦Hello⟧"
    yield translator
    # The screens are closed by now (qtbot tears down first); delete them before the
    # language changes back, so none of them retranslates on its way out.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def env(qtbot: QtBot, tmp_path: Path, fake_inhibitor_class: type[Any]) -> Env:
    from helpers.screens import NOW

    return Env(qtbot, tmp_path, fake_inhibitor_class, ManualClock(NOW))


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_visible_text_is_translatable(
    pseudo_locale: PseudoTranslator, env: Env, screen: str
) -> None:
    allowed = locale_words()
    problems: list[str] = []
    checked = 0
    for stop in SCREENS[screen](env):
        checked += 1
        problems.extend(leaks(stop, allowed))
    assert checked
    assert not problems, "texts that no translation reaches:\n" + "\n".join(dict.fromkeys(problems))


def test_the_check_itself_catches_a_plain_english_label(
    pseudo_locale: PseudoTranslator, env: Env
) -> None:
    window = QWidget()
    env.keep(window)
    window.setWindowTitle(QCoreApplication.translate("Probe", "Probe"))
    wrapped = QLabel(QCoreApplication.translate("Probe", "Breathe in"), window)
    plain = QLabel("Breathe out", window)
    neutral = QLabel(f"{APP_NAME} · 4-6 · 12:30 · 5", window)
    built = QLabel(f"{wrapped.text()} · 4-6 · {QCoreApplication.translate('Probe', '5 min')}")
    built.setParent(window)
    plain.move(0, 30)
    env.show(window)
    found = leaks(Stop("probe", window), locale_words())
    assert len(found) == 1
    assert "'Breathe out'" in found[0]
    assert neutral.isVisible() and built.isVisible()
