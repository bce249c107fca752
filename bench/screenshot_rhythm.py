"""Screenshots of the rhythm finder (a step mid-breath, the two questions, the result) and of
cyclic sighing at its second inhale, light, in English and Dutch.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/screenshot_rhythm.py docs/screenshots

Rendered offscreen with the real widgets and a manual clock, so the pictures are
reproducible. The Dutch shots need the compiled catalogue (resources/translations/
herstel_nl.qm, made by lrelease or the build).
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QLocale, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QWidget

from herstel.core.clock import ManualClock
from herstel.core.rhythm import Pattern, SessionPlan
from herstel.core.rhythm_finder import RhythmFinder
from herstel.core.session import COUNTDOWN_SECONDS, SessionRun
from herstel.core.settings import Settings, Theme
from herstel.ui.common import i18n
from herstel.ui.common.theme import apply_theme
from herstel.ui.rhythm.finder_window import RhythmFinderWindow
from herstel.ui.rhythm.pages import QuestionsPage
from herstel.ui.session.window import SessionWindow

NOW = datetime(2026, 11, 24, 14, 5, tzinfo=UTC)
CHECKOUT_TRANSLATIONS = Path(__file__).resolve().parents[1] / "resources" / "translations"
SIZE = (760, 640)


class _NoScreenSaver(QObject):
    """Screenshots never touch the real screen saver (ScreenSaverInhibitor's interface)."""

    locked_changed = Signal(bool)

    def inhibit(self) -> None:
        pass

    def release(self) -> None:
        pass


def _no_inhibitor(_parent: object) -> Any:
    return _NoScreenSaver()


def _save(app: QApplication, widget: QWidget, target: Path) -> None:
    app.processEvents()
    widget.grab().save(str(target))
    print(target)


def finder_shots(app: QApplication, out: Path, language: str) -> None:
    clock = ManualClock(NOW)
    window = RhythmFinderWindow(
        RhythmFinder(clock),
        Settings(first_run_done=True),
        inhibitor=_no_inhibitor,
    )
    window.resize(*SIZE)
    window.show()
    _save(app, window, out / f"rhythm-finder-intro-{language}.png")
    window.intro.begin_button.click()
    answers = [(5, 5), (5, 4), (4, 4), (5, 3)]
    for index, (ease, calm) in enumerate(answers):
        session = window.session
        assert session is not None
        if index == 2:  # the third pace, most of the way through an in-breath
            clock.advance(COUNTDOWN_SECONDS + 3 * 11.0 + 3.6)
            session.tick()
            _save(app, window, out / f"rhythm-finder-step-{language}.png")
        clock.advance(COUNTDOWN_SECONDS + session.run.plan.duration)
        session.tick()
        page = window.current_page()
        assert isinstance(page, QuestionsPage)
        page.ease.set_value(ease)
        page.calm.set_value(calm)
        if index == 3:
            page.calm.setFocus()
            _save(app, window, out / f"rhythm-finder-questions-{language}.png")
        page.submit()
    session = window.session
    assert session is not None
    clock.advance(COUNTDOWN_SECONDS + session.run.plan.duration)
    session.tick()
    page = window.current_page()
    assert isinstance(page, QuestionsPage)
    page.ease.set_value(2)
    page.calm.set_value(4)
    page.submit()
    _save(app, window, out / f"rhythm-finder-result-{language}.png")
    window.close()
    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def sigh_shot(app: QApplication, target: Path) -> None:
    """Cyclic sighing in its short second inhale."""
    clock = ManualClock(NOW)
    run = SessionRun(SessionPlan.from_minutes(Pattern(3, 6, top_up=1), 5), clock)
    run.start()
    clock.advance(COUNTDOWN_SECONDS + 20.0 + 3.5)  # two breaths, then halfway up the top-up
    window = SessionWindow(run, inhibitor=_no_inhibitor(None))
    window.resize(680, 720)
    window.show()
    window.tick()
    _save(app, window, target)
    window.stop()
    window.close()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    apply_theme(app, Theme.LIGHT)
    for language, locale in (
        ("en", QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)),
        ("nl", QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)),
    ):
        QLocale.setDefault(locale)
        translator = None
        if language == "nl":  # this checkout's catalogue first, then the installed one
            translator = QTranslator()
            if not translator.load(locale, i18n.CATALOGUE, "_", str(CHECKOUT_TRANSLATIONS)):
                translator = i18n.load_app_translator(locale)
        if language == "nl" and translator is None:
            print("no compiled Dutch catalogue; skipping the Dutch shots", file=sys.stderr)
            continue
        if translator is not None:
            app.installTranslator(translator)
        finder_shots(app, out, language)
        sigh_shot(app, out / f"session-cyclic-sighing-{language}.png")
        if translator is not None:
            app.removeTranslator(translator)
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
