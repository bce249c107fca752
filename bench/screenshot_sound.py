"""Screenshots of sound and eyes-closed mode, in English and Dutch (for docs/).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/screenshot_sound.py docs/screenshots

Saves ``session-eyes-closed-<en|nl>.png`` (the near-black full-screen session
mid-breath) and the Sound page of the settings dialog as it looks where sound
can play (``settings-sound-<en|nl>-<light|dark>.png``) and where the sound
package is missing (``settings-sound-unavailable-<en|nl>.png``). Rendered
offscreen with the real widgets on a manual clock; whether sound can play is
stated, not probed, so the pictures do not depend on this machine's audio.
"""

from __future__ import annotations

import argparse
import os
from datetime import UTC, datetime
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, nargs="?", default=Path("docs/screenshots"))
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from herstel.core.clock import ManualClock
    from herstel.core.rhythm import Pattern, SessionPlan
    from herstel.core.session import COUNTDOWN_SECONDS, SessionRun
    from herstel.core.settings import Settings, Theme
    from herstel.platform.sound import SoundProblem
    from herstel.ui.common import i18n
    from herstel.ui.common.theme import apply_theme
    from herstel.ui.session.window import SessionWindow
    from herstel.ui.settings import sound_page as settings_sound_page
    from herstel.ui.settings.dialog import SettingsDialog

    app = QApplication(["herstel"])
    app.setApplicationName("Herstel")
    args.output.mkdir(parents=True, exist_ok=True)
    written: list[str] = []

    def save(widget: object, name: str) -> None:
        app.processEvents()
        widget.grab().save(str(args.output / name))  # type: ignore[attr-defined]
        written.append(name)

    for language, locale in (
        ("en", QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)),
        ("nl", QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)),
    ):
        QLocale.setDefault(locale)
        translators = []
        if language == "nl":
            translators = [
                t for t in (i18n.load_app_translator(locale), i18n.load_qt_translator(locale)) if t
            ]
        for translator in translators:
            app.installTranslator(translator)

        # The session with the eyes closed, a few breaths in, just after "Breathe out".
        apply_theme(app, Theme.LIGHT)  # eyes-closed mode is near-black in every theme
        clock = ManualClock(datetime(2026, 11, 24, 21, 30, tzinfo=UTC))
        run = SessionRun(SessionPlan.from_minutes(Pattern(4, 6), 5), clock)
        window = SessionWindow(run, eyes_closed=True)
        window.open()
        clock.advance(COUNTDOWN_SECONDS + 30 + 4.6)
        window.tick()
        save(window, f"session-eyes-closed-{language}.png")
        window.stop()
        window.close()

        # The Sound page, where sound can play (cues on) and where it cannot.
        for theme, problem, name in (
            (Theme.LIGHT, None, f"settings-sound-{language}-light.png"),
            (Theme.DARK, None, f"settings-sound-{language}-dark.png"),
            (Theme.LIGHT, SoundProblem.NO_PACKAGE, f"settings-sound-unavailable-{language}.png"),
        ):
            apply_theme(app, theme)
            settings_sound_page._default_probe = lambda problem=problem: problem  # type: ignore[assignment]
            dialog = SettingsDialog(
                Settings(first_run_done=True, sound=problem is None, theme=theme)
            )
            dialog.show()
            dialog.show_page(dialog.sound)
            save(dialog, name)
            dialog.close()
            dialog.deleteLater()
            app.processEvents()
        for translator in translators:
            app.removeTranslator(translator)
    print("\n".join(str(args.output / name) for name in written))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
