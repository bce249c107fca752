"""Why reminders are waiting, in words, for the tray tooltip and the home window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from herstel.core.room import Sense


def waiting_text(reason: Sense) -> str:
    """ "Waiting: you are in a call" and the like; empty for time away (nothing to say)."""
    if reason is Sense.CALL:
        return QCoreApplication.translate("Waiting", "Waiting: you are in a call")
    if reason is Sense.FULL_SCREEN:
        return QCoreApplication.translate("Waiting", "Waiting: something is full screen")
    if reason is Sense.DO_NOT_DISTURB:
        return QCoreApplication.translate("Waiting", "Waiting: Do Not Disturb is on")
    return ""
