"""Why reminders are waiting, in words, for the tray tooltip and the home window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from herstel.core.room import Sense


def waiting_text(reason: Sense) -> str:
    """ "Waiting: you are in a call" and the like; empty for time away (nothing to say)."""
    tr = QCoreApplication.translate
    if reason is Sense.CALL:
        return tr("Waiting", "Waiting: you are in a call")
    if reason is Sense.FULL_SCREEN:
        return tr("Waiting", "Waiting: something is full screen")
    if reason is Sense.DO_NOT_DISTURB:
        return tr("Waiting", "Waiting: Do Not Disturb is on")
    return ""
