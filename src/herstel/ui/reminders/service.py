"""Runs the reminder schedule in the app: one single-shot timer, no countdown.

The decisions live in :mod:`herstel.core.schedule` and
:mod:`herstel.core.reminder_flow`; this object only asks them at the right
moments (start, its timer, resume from suspend, unlock, the end of a session,
a settings change), persists the small state, records outcomes for history,
and emits ``due`` when a reminder should be shown. While idle the app wakes at
most once a minute (Qt timers stop during suspend, so a long timer alone could
fire late) and not at all when nothing is scheduled.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Final

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from herstel.core.clock import Clock
from herstel.core.records import SessionRecord
from herstel.core.reminder_flow import Outcome, Shown, apply_outcome
from herstel.core.schedule import (
    ReminderState,
    ScheduleConfig,
    decide,
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
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._path = state_path
        self._tz = tz
        self._config = ScheduleConfig.from_settings(settings, tz)
        self._record = record
        self._busy = busy
        self._state = load_state(state_path, clock.now())
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
        self.check()
        self.changed.emit()  # new hours or interval move the next reminder

    # -- the loop ---------------------------------------------------------------------

    def check(self) -> None:
        """Ask the schedule what is due now; show at most one; re-arm."""
        now = self._clock.now()
        # A running session and a locked screen both hold reminders back.
        decision = decide(
            self._state, self._config, now, session_running=self._busy(), screen_locked=False
        )
        if not decision.empty:
            for missed in decision.missed:
                self._safe_record("scheduled", missed, Outcome.MISSED.value, now)
            self._state = self._state.recorded(decision)
            self._save()
        if decision.fire is not None and decision.due_at is not None:
            log.info("%s reminder due at %s", decision.fire, decision.due_at.isoformat())
            self.due.emit(Shown(decision.fire, decision.due_at))
        self._arm(now)
        if not decision.empty:
            self.changed.emit()

    def stop(self) -> None:
        self._timer.stop()

    def _update(self, state: ReminderState) -> None:
        self._state = state
        self._save()
        self.check()
        self.changed.emit()

    def _arm(self, now: datetime) -> None:
        wake = next_wakeup(self._state, self._config, now)
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
