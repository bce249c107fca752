"""The look of eyes-closed mode: near-black, and only a faint word for each phase.

For people who breathe with their eyes closed and follow the sound cues: the
session window fills the screen, nearly black in every theme, and shows only the
phase word in a faint grey (enough to find your place when you open your eyes,
too little to light up a dark room). The circle, the buttons, the count and the
time left are hidden; Esc stops at once and D is still "I feel dizzy". The end
page keeps the dark background with readable text, so opening your eyes after
the bell is not a flash of white.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtWidgets import QBoxLayout, QWidget

BACKGROUND: Final = "#0b0d0f"
PHASE_WORD: Final = "#5b636b"  # faint on purpose: about 3:1 against the background
TEXT: Final = "#c5cbd1"  # the end page: easy to read on the dark background (11:1)


def style_sheet() -> str:
    """The window's own style sheet; it wins over the app's for everything inside it."""
    return (
        f"QWidget#sessionWindow {{ background-color: {BACKGROUND}; }}\n"
        f"QWidget#sessionWindow QLabel {{ color: {TEXT}; }}\n"
        f"QWidget#sessionWindow QLabel#phaseWord {{ color: {PHASE_WORD}; }}\n"
    )


def apply(window: QWidget, page: QWidget, view: QWidget) -> None:
    """Dress ``window`` for eyes-closed mode: dark, no shape, the phase word centred."""
    window.setStyleSheet(style_sheet())
    view.hide()
    layout = page.layout()
    if isinstance(layout, QBoxLayout):  # the shape's room goes to even space around the word
        layout.insertStretch(0, 1)
        layout.addStretch(1)
