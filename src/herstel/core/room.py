"""Reading the room: whether a due reminder shows now, waits, or gives way to a break.

A reminder that interrupts a call, a full-screen presentation or Do Not
Disturb teaches people to quit the app. The platform probes
(``herstel.platform.senses``) only report *whether* the user is busy or away,
as a ``RoomSnapshot``; every decision is made here, in plain code with the
time passed in, so the rules are tested without a desktop.

Rules (DESIGN §5 "Reading the room"):

* **Busy** — a switched-on sense says the user is in a call, has something
  full screen, or has Do Not Disturb on: a due reminder waits and shows as soon
  as they are free. A scheduled reminder gives up at its limit (see
  ``wait_limit``) and counts as missed; the one-shot timer never gives up.
* **Away** — input idle for at least the away threshold is a natural break.
  A scheduled reminder that falls due while away is settled (neither shown
  nor missed); on return the interval restarts from the return. A timer that
  fell due while away waits and shows on return: the user asked for it.
* **After a long call** (optional) — a reminder that waited through a call of
  ``LONG_CALL`` or more is offered as a one-minute reset.
* Each wait and each natural break is reported as an ``Episode`` so history can
  show why reminders waited.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Sense(StrEnum):
    """What Herstel can notice about the user's situation (never its content)."""

    AWAY = "away"
    CALL = "call"
    FULL_SCREEN = "full_screen"
    DO_NOT_DISTURB = "do_not_disturb"


@dataclass(frozen=True, slots=True)
class RoomSnapshot:
    """What the senses report at one moment. Unknown reads as "not busy"."""

    in_call: bool = False
    full_screen: bool = False
    do_not_disturb: bool = False
    idle_seconds: float | None = None  # input idle time at the snapshot; None = unknown
