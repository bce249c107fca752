"""One reminder check with the room read: the schedule decides what is due, the room when.

``herstel.core.schedule.decide`` says which reminder is due; ``core.room.step``
says whether it shows now, waits, gives way to a natural break or is given up.
This module joins the two into one pure function, so the service that runs
it only asks the senses, stores and shows, and the joint rules ("nothing shows
while busy", "a due timer is never lost") are tested here without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from herstel.core.reminder_flow import Shown
from herstel.core.room import (
    Action,
    Episode,
    Pending,
    RoomConfig,
    RoomSnapshot,
    RoomState,
    Sense,
    finish,
    step,
    wait_limit,
)
from herstel.core.schedule import Decision, Fire, ReminderState, ScheduleConfig, decide


@dataclass(frozen=True, slots=True)
class Check:
    """What one check changes. With ``needs_room`` nothing is decided yet:
    ask the senses and check again with their snapshot."""

    state: ReminderState
    room: RoomState
    show: Shown | None = None
    missed: tuple[tuple[Fire, datetime], ...] = ()  # (kind, due_at) to record as missed
    episodes: tuple[Episode, ...] = ()  # finished waits and natural breaks to record
    needs_room: bool = False

    @property
    def waiting(self) -> Sense | None:
        """Why a due reminder is held back, for the tooltip and the home window."""
        return self.room.reason if self.room.waiting is not None else None


def pending_of(decision: Decision, config: ScheduleConfig) -> Pending | None:
    """The reminder ``decision`` wants to show, with how long it may wait."""
    if decision.fire is None or decision.due_at is None:
        return None
    if decision.fire == "timer":
        return Pending("timer", decision.due_at)  # the user asked for it: it never gives up
    return Pending("scheduled", decision.due_at, wait_limit(decision.due_at, config))


def _without_pending(decision: Decision) -> Decision:
    """The part of ``decision`` to record while its reminder is not (yet) shown."""
    settled = decision.settled
    if decision.fire == "scheduled":  # settle only what came before it
        settled = decision.missed[-1] if decision.missed else None
    return Decision(fire=None, due_at=None, missed=decision.missed, settled=settled)


def check(
    state: ReminderState,
    room: RoomState,
    config: ScheduleConfig,
    room_config: RoomConfig,
    now: datetime,
    snapshot: RoomSnapshot | None,
    *,
    session_running: bool,
    screen_locked: bool,
) -> Check:
    """Decide at ``now``; ``snapshot`` is what the senses say (None: not asked yet).

    A running session or a locked screen holds everything back as before and
    closes any wait (the session is the break; the lock is handled by the
    schedule). Otherwise a snapshot is needed whenever a reminder is due or the
    room is being watched.
    """
    if session_running or screen_locked:
        return Check(state, RoomState(), episodes=finish(room, now))
    decision = decide(state, config, now, session_running=False, screen_locked=False)
    pending = pending_of(decision, config)
    if snapshot is None:
        if pending is not None or room.watching:
            return Check(state, room, needs_room=True)
        snapshot = RoomSnapshot()  # nothing to judge: no need to ask
    result = step(room, pending, snapshot, room_config, now)
    missed: list[tuple[Fire, datetime]] = [("scheduled", due) for due in decision.missed]
    show: Shown | None = None
    if result.action is Action.SHOW and pending is not None:
        new = state.recorded(decision)
        show = Shown(pending.kind, pending.due_at, reset=result.offer_reset)
    else:
        new = state.recorded(_without_pending(decision))
        if pending is not None and pending.kind == "scheduled" and result.action is Action.MISS:
            missed.append((pending.kind, pending.due_at))
            new = new.prompted(pending.due_at)
        elif pending is not None and result.action is Action.SETTLE:
            new = new.prompted(pending.due_at)
    if result.restart_at is not None:
        new = new.after_natural_break(result.restart_at)
    return Check(new, result.state, show, tuple(missed), result.episodes)
