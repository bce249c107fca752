"""Loading Herstel's Qt Linguist translations for the user's locale.

Only QtCore is imported, so the command line can translate its one-line
messages without starting a GUI.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from herstel.platform.assets import translations_dir

log = logging.getLogger(__name__)

CATALOGUE = "herstel"


def load_app_translator(locale: QLocale | None = None) -> QTranslator | None:
    """Herstel's own catalogue for the locale, or None when English is right."""
    translator = QTranslator()
    if translator.load(locale or QLocale(), CATALOGUE, "_", str(translations_dir())):
        return translator
    return None


def load_qt_translator(locale: QLocale | None = None) -> QTranslator | None:
    """Qt's own catalogue (standard buttons), when Qt ships one for the locale."""
    translator = QTranslator()
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(locale or QLocale(), "qtbase", "_", path):
        return translator
    return None


class MessageCatalogue:
    """Translates messages without a QCoreApplication (for the command line)."""

    def __init__(self, translator: QTranslator | None) -> None:
        self._translator = translator

    @classmethod
    def for_system_locale(cls) -> MessageCatalogue:
        return cls(load_app_translator())

    def translate(self, context: str, text: str) -> str:
        if self._translator is None:
            return text
        return self._translator.translate(context, text) or text


def fill(text: str, **values: object) -> str:
    """Put ``values`` into ``{name}`` slots of a (translated) text, never raising.

    Translations may drop or reorder slots; ``str.format`` would raise on a
    stray brace in a translation, this never does.
    """
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text
