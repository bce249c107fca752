"""Runs the reminder schedule in the app: one single-shot timer, no countdown.

The decisions live in :mod:`herstel.core.schedule` and
:mod:`herstel.core.reminder_flow`; this object only asks them at the right
moments (start, its timer, resume from suspend, unlock, the end of a session,
a settings change), persists the small state, records outcomes for history,
and emits ``due`` when a reminder should be shown. While idle the app wakes at
most once a minute (Qt timers stop during suspend, so a long timer alone could
fire late) and not at all when nothing is scheduled.

Reading the room (:mod:`herstel.core.room_flow`): when something is due, the
senses are asked once (``await senses.snapshot()``, on the qasync loop) and
the reminder shows, waits, or gives way to a natural break. While it waits the
senses are watched for changes and asked again at the minute wake-up at the
latest; each finished wait and natural break is recorded with its reason.
asyncio is imported only when the senses are first asked, never at start-up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any, Final, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal, SignalInstance

from herstel.core.clock import Clock
from herstel.core.records import SessionRecord
from herstel.core.reminder_flow import Outcome, Shown, apply_outcome
from herstel.core.room import Episode, RoomConfig, RoomSnapshot, RoomState, Sense
from herstel.core.room_flow import Check
from herstel.core.room_flow import check as room_check
from herstel.core.schedule import (
    ReminderState,
    ScheduleConfig,
    is_paused,
    next_scheduled_due,
    next_wakeup,
    pause_for,
    pause_until_tomorrow,
)
from herstel.core.settings import Settings
from herstel.storage.reminder_state import load_state, save_state

log = logging.getLogger(__name__)

MAX_SLEEP: Final = timedelta(minutes=1)

Recorder = Callable[[str, datetime, str, datetime], None]
WaitRecorder = Callable[[Episode], None]


class RoomSenses(Protocol):
    """What the service needs from ``herstel.platform.senses.Senses``."""

    @property
    def changed(self) -> SignalInstance: ...  # something a sense reports changed

    @property
    def returned(self) -> SignalInstance: ...  # the user is back from time away

    def snapshot(self) -> Coroutine[Any, Any, RoomSnapshot]: ...

    def set_enabled(self, sense: Sense, on: bool) -> None: ...

    def watch(self, on: bool) -> None: ...

    def stop(self) -> object: ...  # may hand back the task that lets go


class ReminderService(QObject):
    due = Signal(object)  # a Shown to put on screen
    changed = Signal()  # the next reminder, the timer or the pause changed

    def __init__(
        self,
        clock: Clock,
        state_path: Path,
        settings: Settings,
        tz: tzinfo,
        record: Recorder,
        busy: Callable[[], bool],
        parent: QObject | None = None,
        *,
        senses: RoomSenses | None = None,
        record_wait: WaitRecorder | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._path = state_path
        self._tz = tz
        self._config = ScheduleConfig.from_settings(settings, tz)
        self._room_config = RoomConfig.from_settings(settings)
        self._record = record
        self._record_wait = record_wait
        self._busy = busy
        self._senses = senses
        self._room = RoomState()
        self._watching = False
        self._asking: Any = None  # the asyncio task asking the senses, while it runs
        self._ask_again = False
        self._stopped = False
        self._state = load_state(state_path, clock.now())
        if senses is not None:
            senses.changed.connect(self.check)
            senses.returned.connect(self.check)
            self._enable_senses()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.check)

    # -- what the UI shows ----------------------------------------------------------

    @property
    def state(self) -> ReminderState:
        return self._state

    @property
    def config(self) -> ScheduleConfig:
        return self._config

    @property
    def timer_armed(self) -> bool:
        return self._timer.isActive()

    def next_scheduled(self) -> datetime | None:
        return next_scheduled_due(self._state, self._config, self._clock.now())

    def timer_due(self) -> datetime | None:
        return self._state.timer_due_at

    def paused_until(self) -> datetime | None:
        now = self._clock.now()
        return self._state.paused_until if is_paused(self._state, now) else None

    def waiting_reason(self) -> Sense | None:
        """Why a due reminder is held back (call, full screen, Do Not Disturb), if it is.

        Time away is not reported: nothing fires then, and nobody is there to read it.
        """
        reason = self._room.reason if self._room.waiting is not None else None
        return None if reason is Sense.AWAY else reason

    def next_reminder(self) -> datetime | None:
        """The earliest of the timer and the schedule, for the tooltip and home window."""
        moments = [m for m in (self.timer_due(), self.next_scheduled()) if m is not None]
        return min(moments) if moments else None

    # -- what the user does ---------------------------------------------------------

    def set_timer(self, minutes: int) -> None:
        self._update(self._state.set_timer(self._clock.now(), minutes))

    def cancel_timer(self) -> None:
        self._update(self._state.cancel_timer())

    def pause(self, minutes: int) -> None:
        self._update(self._state.pause_until(pause_for(self._clock.now(), minutes)))

    def pause_until_tomorrow(self) -> None:
        now = self._clock.now()
        self._update(self._state.pause_until(pause_until_tomorrow(now, self._config)))

    def resume(self) -> None:
        self._update(self._state.resume(self._clock.now()))

    def answer(self, shown: Shown, outcome: Outcome) -> None:
        """The prompt's outcome: record it for adherence and adjust the schedule."""
        now = self._clock.now()
        self._safe_record(shown.kind, shown.due_at, outcome.value, now)
        self._update(apply_outcome(self._state, shown, outcome, now, self._config))

    def break_taken(self, at: datetime) -> None:
        """Any session is a break: the interval restarts from it."""
        self._update(self._state.after_break(at))

    def session_ended(self, record: SessionRecord) -> None:
        """A session ended (however): the break ended with its last breath."""
        self.break_taken(record.started_at + timedelta(seconds=record.done_seconds))

    def lock_changed(self, locked: bool) -> None:
        """Unlocked: what fell due behind the lock screen is looked at now."""
        if not locked:
            self.check()

    def apply_settings(self, settings: Settings) -> None:
        # Settle what is due under the old settings first: while reminders were
        # off that counts the time as passed, so switching on brings no backlog.
        self.check()
        self._config = ScheduleConfig.from_settings(settings, self._tz)
        self._room_config = RoomConfig.from_settings(settings)
        self._enable_senses()
        self.check()
        self.changed.emit()  # new hours or interval move the next reminder

    # -- the loop ---------------------------------------------------------------------

    def check(self) -> None:
        """Ask the schedule what is due now and, when needed, the senses; show at most one."""
        self._decide(None)

    def stop(self) -> None:
        """Stop the timer and the senses; a wait still open is recorded as ending now."""
        self._stopped = True
        self._timer.stop()
        now = self._clock.now()
        result = room_check(
            self._state, self._room, self._config, self._room_config, now, None,
            session_running=True, screen_locked=False,
        )  # fmt: skip
        self._record_episodes(result.episodes)
        self._room = RoomState()
        if self._senses is not None:
            self._watching = False
            self._senses.stop()

    async def settled(self) -> None:
        """Wait until no question to the senses is outstanding (for tests and shutdown)."""
        while self._asking is not None:
            await self._asking

    def _decide(self, snapshot: RoomSnapshot | None) -> None:
        now = self._clock.now()
        # A running session and a locked screen both hold reminders back.
        result = room_check(
            self._state, self._room, self._config, self._room_config, now, snapshot,
            session_running=self._busy(), screen_locked=False,
        )  # fmt: skip
        if result.needs_room:
            self._ask_senses()
            self._arm(now)
            return
        self._apply(result, now)

    def _apply(self, result: Check, now: datetime) -> None:
        waited = self.waiting_reason()
        for kind, missed in result.missed:
            self._safe_record(kind, missed, Outcome.MISSED.value, now)
        self._record_episodes(result.episodes)
        moved = result.state != self._state
        self._state = result.state
        self._room = result.room
        if moved:
            self._save()
        self._watch(self._room.watching)
        if result.show is not None:
            shown = result.show
            log.info("%s reminder due at %s", shown.kind, shown.due_at.isoformat())
            self.due.emit(shown)
        elif self._room.waiting is not None and self.waiting_reason() != waited:
            log.info("reminder waits: %s", self._room.reason)
        self._arm(now)
        if moved or result.show is not None or self.waiting_reason() != waited:
            self.changed.emit()

    def _ask_senses(self) -> None:
        """Ask the senses on the event loop; a question already out is asked once more after."""
        if self._senses is None:  # nothing to ask: the room is always free
            self._decide(RoomSnapshot())
            return
        if self._asking is not None:
            self._ask_again = True
            return
        import asyncio  # only now: asyncio stays off the start-up path

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (a headless caller): decide as if free
            log.warning("no event loop to ask the senses on; not reading the room")
            self._decide(RoomSnapshot())
            return
        self._asking = loop.create_task(self._look())

    async def _look(self) -> None:
        assert self._senses is not None
        try:
            snapshot = await self._senses.snapshot()
        except Exception:  # a broken probe must never cost a reminder
            log.exception("the senses could not be read; deciding as if free")
            snapshot = RoomSnapshot()
        finally:
            self._asking = None
        if self._stopped:  # the app is quitting: an answer that comes now changes nothing
            return
        if self._ask_again:  # something changed while asking: ask afresh
            self._ask_again = False
            self.check()
            return
        self._decide(snapshot)

    def _watch(self, on: bool) -> None:
        """Subscribe to the senses' events only while a reminder waits or the user is away."""
        if self._senses is not None and on != self._watching:
            self._watching = on
            self._senses.watch(on)

    def _enable_senses(self) -> None:
        if self._senses is not None:
            for sense in Sense:
                self._senses.set_enabled(sense, sense in self._room_config.senses)
            away_after = getattr(self._senses, "set_away_after", None)
            if away_after is not None:  # where the desktop watches idle time for ``returned``
                away_after(self._room_config.away_after.total_seconds())

    def _record_episodes(self, episodes: tuple[Episode, ...]) -> None:
        if self._record_wait is None:
            return
        for episode in episodes:
            local = Episode(
                episode.reason,
                episode.started_at.astimezone(self._tz),
                episode.ended_at.astimezone(self._tz),
                episode.kind,
                episode.due_at.astimezone(self._tz) if episode.due_at is not None else None,
            )
            try:
                self._record_wait(local)
            except Exception:  # history is secondary, as for outcomes
                log.exception("could not record a wait")

    def _update(self, state: ReminderState) -> None:
        self._state = state
        self._save()
        self.check()
        self.changed.emit()

    def _arm(self, now: datetime) -> None:
        wake = next_wakeup(self._state, self._config, now)
        if self._room.watching:  # a reminder waits or the user is away: look again soon
            wake = now + MAX_SLEEP if wake is None else min(wake, now + MAX_SLEEP)
        if wake is None:
            self._timer.stop()
            return
        delay = min(max(wake - now, timedelta(0)), MAX_SLEEP)
        self._timer.start(max(1, int(delay.total_seconds() * 1000) + 1))

    def _save(self) -> None:
        try:
            save_state(self._path, self._state)
        except OSError as error:
            log.error("could not save the reminder state: %s", error)

    def _safe_record(self, kind: str, due_at: datetime, outcome: str, at: datetime) -> None:
        try:
            self._record(kind, due_at, outcome, at)
        except Exception:  # history is secondary: never lose the reminder itself
            log.exception("could not record a reminder outcome")
