"""Screenshots of every settings page, in English and Dutch, light and dark (for docs/).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/screenshot_settings.py docs/screenshots

Rendered offscreen with the real dialog over a temporary data folder, so the
Data page shows a real (if made-up) path. Saves, for each page, language and
theme, ``settings-<page>-<en|nl>-<light|dark>.png``, plus the high-contrast
Appearance page and the delete confirmation.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, nargs="?", default=Path("docs/screenshots"))
    parser.add_argument("--scale", type=float, default=1.0, help="device pixel ratio (e.g. 2)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)

    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from herstel.core.settings import Settings, Theme
    from herstel.storage.history import HistoryStore
    from herstel.storage.paths import DataPaths
    from herstel.ui.common import i18n
    from herstel.ui.common.theme import apply_theme
    from herstel.ui.settings.dialog import SettingsDialog

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Herstel")
    args.output.mkdir(parents=True, exist_ok=True)
    paths = DataPaths(
        data_dir=Path("/home/sanne/.local/share/herstel"),
        config_dir=Path("/home/sanne/.config/herstel"),
        explicit=False,
    )
    store = HistoryStore(paths.database)  # shown, never opened: nothing is exported here
    slugs = ["session", "check", "reminders", "sound", "appearance", "startup", "data"]
    shown = Settings(first_run_done=True, gentle_start=True, check_before=True)
    count = 0

    for language, locale in (
        ("en", QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)),
        ("nl", QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)),
    ):
        QLocale.setDefault(locale)
        translators = []
        if language == "nl":  # Herstel's own catalogue, and Qt's for the Close button
            translators = [
                t for t in (i18n.load_app_translator(locale), i18n.load_qt_translator(locale)) if t
            ]
        for translator in translators:
            app.installTranslator(translator)
        themes = [Theme.LIGHT, Theme.DARK] + ([Theme.HIGH_CONTRAST] if language == "en" else [])
        for theme in themes:
            apply_theme(app, theme)
            dialog = SettingsDialog(shown.replace(theme=theme), paths=paths, store=store)
            dialog.show()
            for slug, page in zip(slugs, dialog.pages, strict=True):
                if theme is Theme.HIGH_CONTRAST and slug not in {"appearance", "reminders"}:
                    continue
                dialog.show_page(page)
                app.processEvents()
                name = f"settings-{slug}-{language}-{theme.value}.png"
                dialog.grab().save(str(args.output / name))
                count += 1
            if theme is Theme.LIGHT and dialog.data is not None:
                box = dialog.data.confirm_delete()
                app.processEvents()
                box.grab().save(str(args.output / f"settings-delete-confirm-{language}.png"))
                box.close()
                count += 1
            dialog.close()
            dialog.deleteLater()
            app.processEvents()
        for translator in translators:
            app.removeTranslator(translator)
    print(f"{count} screenshots in {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
