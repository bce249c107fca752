"""When the next animation frame is due: on a fixed grid, and only if the picture changes.

A timer that fires every 16 ms wakes the process 62.5 times a second, also while
the shape rests (the turn of a breath, a hold) and a frame would draw nothing new.
On a desktop each wake-up costs about as much as a small paint, so the session
window instead asks, after each frame, for the first slot of its frame grid
(``origin + k·interval``) at which something visible changes, and sleeps until
then. Slots stay on the grid, so every frame that is due comes exactly when a
fixed-rate timer would have brought it; only the empty ones are left out.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Final

MAX_SLOTS_AHEAD: Final = 64
"""The furthest a frame is put off (about a second at 16 ms), even if nothing changes."""


def first_slot_after(now: float, origin: float, interval: float) -> int:
    """The index k of the first slot ``origin + k·interval`` strictly after ``now``."""
    if interval <= 0.0:
        raise ValueError(f"frame interval must be positive (got {interval})")
    k = math.floor((now - origin) / interval) + 1
    # Guard the float division: the slot must really lie after now.
    while origin + k * interval <= now:
        k += 1
    while origin + (k - 1) * interval > now:
        k -= 1
    return k


def next_frame_time(
    now: float,
    origin: float,
    interval: float,
    until: float,
    changes: Callable[[float], bool],
    max_slots: int = MAX_SLOTS_AHEAD,
) -> float:
    """The time of the first slot after ``now`` at which ``changes(slot time)`` is true.

    ``changes`` must stay true once it is true (within one phase of the breath the
    shape only moves one way, and the progress ring only grows), which allows a
    galloping search: a moving shape costs one call, a resting one about a dozen.
    The answer is never later than the first slot at or after ``until`` (the next
    change of text, the end of the phase) nor than ``max_slots`` slots ahead.
    """
    first = first_slot_after(now, origin, interval)
    first_time = origin + first * interval
    if until <= first_time or changes(first_time):
        return first_time  # the usual answer while the shape moves: one look ahead
    # Slots from ``until`` on are due anyway: cut the search there.
    cut = first_slot_after(until, origin, interval)
    if origin + (cut - 1) * interval >= until:
        cut -= 1  # ``until`` lies exactly on a slot
    last = min(first + max(1, max_slots) - 1, cut)

    def due(k: int) -> bool:
        return k >= cut or changes(origin + k * interval)

    # Gallop: 1, 2, 4, … slots on, until a due slot brackets the answer.
    low, step = first, 1  # ``low`` is known not to be due
    high = last
    while low + step < last:
        probe = low + step
        if due(probe):
            high = probe
            break
        low = probe
        step *= 2
    # Binary search in (low, high]: high is due (or the last slot allowed).
    while high - low > 1:
        middle = (low + high) // 2
        if due(middle):
            high = middle
        else:
            low = middle
    return origin + high * interval
