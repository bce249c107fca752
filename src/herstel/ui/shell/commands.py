"""Everything a user can ask Herstel to do, whichever door they knock on.

The tray menu, the home window, a forwarded launch and the D-Bus interface all
ask through these verbs, so each action has one home. The tray icon can be on
screen before the services behind it (``herstel --tray`` shows it at once):
a request made in those first moments waits, in order, and runs as soon as the
services are attached.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from herstel.core.launch import BreatheOptions
from herstel.core.records import Trigger

if TYPE_CHECKING:
    from herstel.ui.reminders.service import ReminderService
    from herstel.ui.session.flow import SessionFlow

log = logging.getLogger(__name__)


class Commands(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._flow: SessionFlow | None = None
        self._reminders: ReminderService | None = None
        self._waiting: list[Callable[[], None]] = []

    @property
    def ready(self) -> bool:
        return self._flow is not None

    def attach(self, flow: SessionFlow, reminders: ReminderService) -> None:
        """The services are up: run what was asked for meanwhile, in order."""
        self._flow = flow
        self._reminders = reminders
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            action()

    def _later(self, action: Callable[[], None]) -> bool:
        """True when the services are up; otherwise ``action`` is kept for then."""
        if self.ready:
            return True
        self._waiting.append(action)
        return False

    # -- sessions ---------------------------------------------------------------------

    def start_break(
        self, options: BreatheOptions | None = None, trigger: Trigger = Trigger.WINDOW
    ) -> None:
        """A session now, or the running one raised (there is only ever one)."""
        wanted = options if options is not None else BreatheOptions()
        if self._later(lambda: self.start_break(wanted, trigger)):
            assert self._flow is not None
            self._flow.start(wanted, trigger)

    def find_rhythm(self, trigger: Trigger = Trigger.WINDOW) -> None:
        """The guided rhythm finder, or what runs now raised."""
        if self._later(lambda: self.find_rhythm(trigger)):
            assert self._flow is not None
            self._flow.find_rhythm(trigger)

    # -- reminders --------------------------------------------------------------------

    def set_timer(self, minutes: int) -> None:
        if self._later(lambda: self.set_timer(minutes)):
            assert self._reminders is not None
            self._reminders.set_timer(minutes)
            log.info("timer reminder set for %d minutes", minutes)

    def cancel_timer(self) -> None:
        if self._later(self.cancel_timer):
            assert self._reminders is not None
            self._reminders.cancel_timer()

    def pause_reminders(self, minutes: int) -> None:
        if self._later(lambda: self.pause_reminders(minutes)):
            assert self._reminders is not None
            self._reminders.pause(minutes)

    def pause_until_tomorrow(self) -> None:
        if self._later(self.pause_until_tomorrow):
            assert self._reminders is not None
            self._reminders.pause_until_tomorrow()

    def resume_reminders(self) -> None:
        if self._later(self.resume_reminders):
            assert self._reminders is not None
            self._reminders.resume()
