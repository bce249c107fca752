"""The words for breathing rhythms and lengths, shared by the home window and the chooser.

Kept apart from the chooser dialog so the home window can say "Rest rhythm ·
4-6 · 5 min" at start-up without loading the dialog's widgets.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLocale

from herstel.core.rhythm import PRESETS, Pattern, Preset
from herstel.core.settings import LengthUnit, Settings

CUSTOM_KEY = "custom"

# Texts outside a QObject: QCoreApplication.translate with a literal context and
# text at each call, so lupdate finds them (a wrapper function would hide them).


def preset_name(key: str) -> str:
    """The human name of a preset key ("4-6" → "Rest rhythm"), translated."""
    names: dict[str, Callable[[], str]] = {
        "4-6": lambda: QCoreApplication.translate("PatternNames", "Rest rhythm"),
        "5-5": lambda: QCoreApplication.translate("PatternNames", "Coherent"),
        "6-6": lambda: QCoreApplication.translate("PatternNames", "Even"),
        "gentle": lambda: QCoreApplication.translate("PatternNames", "Gentle"),
        "box": lambda: QCoreApplication.translate("PatternNames", "Box"),
        "4-7-8": lambda: "4-7-8",
        "sigh": lambda: QCoreApplication.translate("PatternNames", "Cyclic sighing"),
        CUSTOM_KEY: lambda: QCoreApplication.translate("PatternNames", "Your own rhythm"),
    }
    return names.get(key, names[CUSTOM_KEY])()


def preset_description(key: str) -> str:
    """One calm line on what a preset is for."""
    descriptions: dict[str, Callable[[], str]] = {
        "4-6": lambda: QCoreApplication.translate(
            "PatternNames", "In for 4, out for 6. Six slow breaths a minute."
        ),
        "5-5": lambda: QCoreApplication.translate(
            "PatternNames", "In for 5, out for 5. Six even breaths a minute."
        ),
        "6-6": lambda: QCoreApplication.translate(
            "PatternNames", "In for 6, out for 6. Five breaths a minute."
        ),
        "gentle": lambda: QCoreApplication.translate(
            "PatternNames", "In for 3.5, out for 5. Lighter, if 4-6 feels long."
        ),
        "box": lambda: QCoreApplication.translate("PatternNames", "In 4, hold 4, out 4, hold 4."),
        "4-7-8": lambda: QCoreApplication.translate(
            "PatternNames", "In 4, hold 7, out 8. A short session of 4 breaths."
        ),
        "sigh": lambda: QCoreApplication.translate(
            "PatternNames", "In for 3, a short extra breath in for 1, out for 6."
        ),
        CUSTOM_KEY: lambda: QCoreApplication.translate(
            "PatternNames", "Set each part of the breath yourself."
        ),
    }
    return descriptions.get(key, descriptions[CUSTOM_KEY])()


def preset_for(pattern: Pattern) -> Preset | None:
    """The preset with exactly this pattern, if there is one."""
    for preset in PRESETS:
        if preset.pattern == pattern:
            return preset
    return None


def pattern_title(pattern: Pattern) -> str:
    """ "Rest rhythm 4-6", "Box 4-4-4-4", "4-7-8", "Your own rhythm 4.5-7"."""
    preset = preset_for(pattern)
    name = preset_name(preset.key if preset else CUSTOM_KEY)
    label = format_label(pattern)
    return label if name == label else f"{name} {label}"


FINDER_LABEL = "finder"
"""What a rhythm-finder session is stored under (``herstel.core.rhythm_finder.FINDER_LABEL``)."""


def session_rhythm_label(label: str) -> str:
    """A stored session's rhythm in a narrow column: "4-6", or "Rhythm finder"."""
    if label == FINDER_LABEL:
        return QCoreApplication.translate("PatternNames", "Rhythm finder")
    return label


def session_rhythm_title(label: str) -> str:
    """A stored session's rhythm for people: "Rest rhythm 4-6", "Finding your rhythm"."""
    if label == FINDER_LABEL:
        return QCoreApplication.translate("PatternNames", "Finding your rhythm")
    from herstel.core.rhythm import parse_pattern

    try:
        return pattern_title(parse_pattern(label))
    except ValueError:  # written by a newer Herstel, or by hand: show it as it is
        return label


def pattern_name(pattern: Pattern) -> str:
    preset = preset_for(pattern)
    return preset_name(preset.key if preset else CUSTOM_KEY)


def format_number(value: float, locale: QLocale | None = None) -> str:
    """4 → "4", 3.5 → "3.5" (or "3,5" in Dutch), 6.67 → "6.7"."""
    loc = locale or QLocale()
    rounded = round(value, 1)
    if math.isclose(rounded, round(rounded)):
        return loc.toString(round(rounded))
    return loc.toString(rounded, "f", 1)


def format_label(pattern: Pattern, locale: QLocale | None = None) -> str:
    """The pattern's label with the locale's decimal sign ("3,5-5" in Dutch, "3+1-6")."""
    parts = pattern.label.split("-")
    return "-".join(
        "+".join(format_number(float(piece), locale) for piece in part.split("+")) for part in parts
    )


def length_text(settings: Settings) -> str:
    """ "5 min" or "30 breaths"."""
    if settings.length_unit is LengthUnit.BREATHS:
        if settings.breaths == 1:
            return QCoreApplication.translate("PatternNames", "1 breath")
        return QCoreApplication.translate("PatternNames", "{n} breaths").replace(
            "{n}", str(settings.breaths)
        )
    return QCoreApplication.translate("PatternNames", "{n} min").replace(
        "{n}", str(settings.minutes)
    )


def rate_text(pattern: Pattern) -> str:
    """ "6 breaths a minute"."""
    return QCoreApplication.translate("PatternNames", "{n} breaths a minute").replace(
        "{n}", format_number(pattern.breaths_per_minute)
    )


def rate_warning_text(pattern: Pattern) -> str:
    """The warning for a rate outside 3–10 a minute; empty when the rate is calm."""
    if not pattern.rate_warning():
        return ""
    return QCoreApplication.translate(
        "PatternNames", "This is {n} breaths a minute — outside the calm 3–10 range."
    ).replace("{n}", format_number(pattern.breaths_per_minute))
