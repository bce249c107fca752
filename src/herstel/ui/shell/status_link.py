"""Tells panels and scripts what the app is doing: ``herstel status`` and the D-Bus service.

Wiring only: :func:`init` builds the app's :class:`AppStatus` from its parts,
serves it on the instance socket (:mod:`herstel.platform.status_feed`) and on
the session bus (:mod:`herstel.platform.dbus_service`), and pushes it to both
when one of the app's own change events fires — the reminder service's
``changed``, a session starting or ending, a session saved (today's minutes).
No timer and no polling: with a watcher attached the idle app still sleeps.

Called once from the services stage (after the first window, on the running
loop), before the instance socket listens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import tzinfo
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from herstel.core.launch import BreatheOptions
from herstel.core.records import Trigger
from herstel.core.status import AppStatus

if TYPE_CHECKING:
    import socket

    from herstel.core.clock import Clock
    from herstel.core.messages import StatusRequest
    from herstel.platform.dbus_service import DBusService
    from herstel.platform.single_instance import SingleInstance
    from herstel.platform.status_feed import StatusFeed
    from herstel.storage.database import Database
    from herstel.ui.reminders.service import ReminderService
    from herstel.ui.session.controller import SessionController
    from herstel.ui.session.flow import SessionFlow
    from herstel.ui.shell.commands import Commands

log = logging.getLogger(__name__)


class Parts(Protocol):
    """The working parts this link reads (``app.services.Services`` has them)."""

    db: Database
    reminders: ReminderService
    sessions: SessionController
    flow: SessionFlow


class _Actions:
    """The D-Bus methods, as the same commands the tray and the windows use."""

    def __init__(self, commands: Commands, open_history: Callable[[], None]) -> None:
        self._commands = commands
        self._open_history = open_history

    def start_break(self, options: BreatheOptions) -> None:
        self._commands.start_break(options, Trigger.CLI)  # a script asked, like `herstel breathe`

    def remind_in(self, minutes: int) -> None:
        self._commands.set_timer(minutes)

    def pause_reminders(self, minutes: int) -> None:
        self._commands.pause_reminders(minutes)

    def pause_until_tomorrow(self) -> None:
        self._commands.pause_until_tomorrow()

    def resume_reminders(self) -> None:
        self._commands.resume_reminders()

    def open_history(self) -> None:
        self._open_history()


class StatusLink(QObject):
    """Holds the status feed and the D-Bus service; :meth:`publish` on every change."""

    def __init__(
        self,
        parts: Parts,
        clock: Clock,
        local_zone: Callable[[], tzinfo],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._parts = parts
        self._clock = clock
        self._zone = local_zone
        self.feed: StatusFeed | None = None  # made by the first `herstel status`
        self.dbus: DBusService | None = None

    def serve(self, peer: socket.socket, request: StatusRequest) -> None:
        """A status request from the instance socket (which hands over ``peer``)."""
        if self.feed is None:
            from herstel.platform.status_feed import StatusFeed

            self.feed = StatusFeed(self.snapshot, self)
        self.feed.serve(peer, request)

    def snapshot(self) -> AppStatus:
        reminders = self._parts.reminders
        return AppStatus(
            session_running=self._parts.flow.is_running,
            next_reminder=reminders.next_reminder(),
            timer_due=reminders.timer_due(),
            paused_until=reminders.paused_until(),
            waiting_reason=str(self._parts.reminders.waiting_reason() or ""),
            today_minutes=self._today_minutes(),
        )

    def _today_minutes(self) -> float:
        from herstel.core.checkin import check_day

        try:
            day = check_day(self._clock.now())
            minutes = self._parts.db.today_summary(day, self._zone()).minutes
        except Exception:  # a status line is never worth a failure
            log.exception("status: could not read today's minutes")
            return 0.0
        return min(max(float(minutes), 0.0), 24 * 60.0)

    def publish(self) -> None:
        """Push the status to watchers and D-Bus; each sends only what changed."""
        if self.feed is None and self.dbus is None:
            return
        try:
            status = self.snapshot()  # one database read for both
            if self.feed is not None:
                self.feed.publish(status)
            if self.dbus is not None:
                self.dbus.publish(status)
        except Exception:  # never let a status line break the app's own signal
            log.exception("status: could not publish a change")

    def close(self) -> None:
        """Hang up on watchers (their ``--watch`` ends) and leave the bus."""
        if self.feed is not None:
            self.feed.close()
        if self.dbus is not None:
            self.dbus.unregister()
            self.dbus = None


def init(
    parts: Parts,
    commands: Commands,
    open_history: Callable[[], None],
    clock: Clock,
    local_zone: Callable[[], tzinfo],
    instance: SingleInstance | None,
    *,
    dbus: bool = True,
) -> StatusLink:
    """Serve the status on the socket and the session bus; connect the change events.

    Call once the services exist and before ``instance.listen()``.
    The link belongs to the application object and lives as long as it.
    """
    link = StatusLink(parts, clock, local_zone, QCoreApplication.instance())
    if instance is not None:
        instance.serve_status(link.serve)
    if dbus:
        from herstel.platform import dbus_service

        link.dbus = dbus_service.register(link.snapshot, _Actions(commands, open_history), link)
    parts.reminders.changed.connect(link.publish)
    parts.sessions.session_started.connect(link.publish)
    # The rhythm finder opens right after "starting" (and has no signal of its own):
    # look once the current event is done. One deferred call, not a timer that runs.
    parts.flow.starting.connect(lambda: QTimer.singleShot(0, link.publish))
    parts.flow.ended.connect(link.publish)  # stored: today's minutes changed too
    parts.flow.checked.connect(link.publish)
    qapp = QCoreApplication.instance()
    if qapp is not None:
        qapp.aboutToQuit.connect(link.close)
    return link
