"""Screenshots of the home window and a session mid-breath, light and dark (for the README),
and of the session in the high-contrast theme, light and dark, in English and Dutch.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/screenshot_app.py docs/screenshots

Rendered offscreen with the real widgets, a realistic day of data and a manual
clock, so the pictures are reproducible.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QLocale
from PySide6.QtWidgets import QApplication

from herstel.core.checkin import SIGNAL_ITEMS, CheckAnswers, CheckKind, check_day
from herstel.core.clock import ManualClock
from herstel.core.records import EndedHow, SessionRecord, Trigger, new_session_id
from herstel.core.rhythm import Pattern, SessionPlan
from herstel.core.session import SessionRun
from herstel.core.settings import Settings, Theme
from herstel.storage.database import Database
from herstel.ui.common import i18n
from herstel.ui.common.theme import (
    HIGH_CONTRAST_DARK,
    HIGH_CONTRAST_LIGHT,
    apply_theme,
    build_palette,
    style_sheet,
)
from herstel.ui.home.today_glance import TodayGlance
from herstel.ui.home.window import HomeWindow
from herstel.ui.reminders.panel import ReminderPanel
from herstel.ui.session.window import SessionWindow
from herstel.ui.shell.tray import TrayStatus

NOW = datetime(2026, 11, 24, 14, 5, tzinfo=UTC)


def seeded_database(path: Path) -> Database:
    db = Database.open(path)
    values = [5, 4, 3, 4, 5, 2]
    for hours, minutes in ((3, 5), (1, 5)):
        started = NOW - timedelta(hours=hours)
        record = SessionRecord(
            new_session_id(),
            started,
            "4-6",
            minutes * 60.0,
            30,
            minutes * 60.0,
            30,
            EndedHow.COMPLETED,
            Trigger.REMINDER,
        )
        after = CheckAnswers(
            CheckKind.AFTER,
            dict(zip(SIGNAL_ITEMS, values, strict=True)),
            4,
            True,
            started + timedelta(minutes=minutes),
        )
        db.save_session(record, None, after, None, "answered")
    return db


def session_shot(app: QApplication, target: Path) -> None:
    """A 4-6 session most of the way through an in-breath, saved to ``target``."""
    clock = ManualClock(NOW)
    run = SessionRun(SessionPlan.from_minutes(Pattern(4, 6), 5), clock)
    run.start()
    clock.advance(3 + 60 + 2.6)  # countdown, six breaths, most of an in-breath
    window = SessionWindow(run, show_count=False, reduced_motion=False)
    window.resize(680, 720)
    window.show()
    window.tick()
    app.processEvents()
    window.grab().save(str(target))
    window.stop()
    window.close()  # deletes itself (WA_DeleteOnClose): let that happen before the wrapper goes
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        db = seeded_database(Path(tmp) / "herstel.sqlite3")
        summary = db.today_summary(check_day(NOW), UTC)
        for theme in (Theme.LIGHT, Theme.DARK):
            apply_theme(app, theme)
            home = HomeWindow(Settings(first_run_done=True, theme=theme))
            glance, panel = TodayGlance(), ReminderPanel()
            glance.set_summary(summary)
            panel.set_status(TrayStatus(NOW, False, None, None, NOW + timedelta(minutes=55)))
            home.add_section(glance)
            home.add_section(panel)
            home.show()
            app.processEvents()
            home.grab().save(str(out / f"home-{theme.value}.png"))
            home.close()

            session_shot(app, out / f"session-{theme.value}.png")
        for language, locale in (
            ("en", QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)),
            ("nl", QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)),
        ):
            QLocale.setDefault(locale)
            translator = i18n.load_app_translator(locale) if language == "nl" else None
            if translator is not None:
                app.installTranslator(translator)
            for name, colors in (("light", HIGH_CONTRAST_LIGHT), ("dark", HIGH_CONTRAST_DARK)):
                app.setPalette(build_palette(colors))
                app.setStyleSheet(style_sheet(colors))
                session_shot(app, out / f"session-high-contrast-{name}-{language}.png")
            if translator is not None:
                app.removeTranslator(translator)
        db.close()
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
