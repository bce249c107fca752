"""Frame pacing: the next frame on the grid at which the picture changes."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herstel.core.frame_pacing import MAX_SLOTS_AHEAD, first_slot_after, next_frame_time
from herstel.core.rhythm import Phase, volume

INTERVAL = 0.016


def linear_scan(
    now: float, origin: float, until: float, first_change: float | None, max_slots: int
) -> float:
    """The obvious answer, one slot at a time."""
    k = first_slot_after(now, origin, INTERVAL)
    for _ in range(max_slots):
        t = origin + k * INTERVAL
        if t >= until or (first_change is not None and t >= first_change):
            return t
        k += 1
    return origin + (k - 1) * INTERVAL


def test_the_first_slot_lies_strictly_after_now_on_the_grid() -> None:
    assert first_slot_after(10.0, 10.0, INTERVAL) == 1  # exactly on a slot: the next one
    assert first_slot_after(10.001, 10.0, INTERVAL) == 1
    assert first_slot_after(10.0159, 10.0, INTERVAL) == 1
    assert first_slot_after(10.016, 10.0, INTERVAL) == 2
    assert first_slot_after(9.99, 10.0, INTERVAL) == 0  # before the origin: slot 0
    with pytest.raises(ValueError, match="positive"):
        first_slot_after(1.0, 0.0, 0.0)


def test_a_moving_shape_gets_every_slot() -> None:
    calls: list[float] = []

    def always(t: float) -> bool:
        calls.append(t)
        return True

    assert next_frame_time(5.003, 5.0, INTERVAL, 99.0, always) == pytest.approx(5.016)
    assert len(calls) == 1  # one look ahead is enough while the shape moves


def test_a_resting_shape_sleeps_until_it_moves_or_the_text_changes() -> None:
    moves_at = 5.0 + 21 * INTERVAL - 0.001  # between slots 20 and 21
    t = next_frame_time(5.0, 5.0, INTERVAL, 99.0, lambda s: s >= moves_at)
    assert t == pytest.approx(5.0 + 21 * INTERVAL)
    # A text change at 5.1 s comes first: the first slot at or after it.
    t = next_frame_time(5.0, 5.0, INTERVAL, 5.1, lambda s: s >= moves_at)
    assert t == pytest.approx(5.0 + 7 * INTERVAL)  # 5.112
    # Exactly on a slot: that slot.
    t = next_frame_time(5.0, 5.0, INTERVAL, 5.0 + 4 * INTERVAL, lambda s: False)
    assert t == pytest.approx(5.0 + 4 * INTERVAL)
    # Never more than the cap ahead, even if nothing changes at all.
    t = next_frame_time(5.0, 5.0, INTERVAL, 99.0, lambda s: False)
    assert t == pytest.approx(5.0 + MAX_SLOTS_AHEAD * INTERVAL)


@given(
    now_offset=st.floats(min_value=-1.0, max_value=30.0),
    until_offset=st.floats(min_value=-1.0, max_value=3.0),
    change_offset=st.none() | st.floats(min_value=-1.0, max_value=3.0),
    max_slots=st.integers(min_value=1, max_value=200),
)
def test_the_search_finds_what_a_slot_by_slot_scan_finds(
    now_offset: float, until_offset: float, change_offset: float | None, max_slots: int
) -> None:
    origin = 1000.0
    now = origin + now_offset
    until = now + until_offset
    change = None if change_offset is None else now + change_offset

    def changes(t: float) -> bool:
        return change is not None and t >= change

    found = next_frame_time(now, origin, INTERVAL, until, changes, max_slots)
    assert found > now
    assert math.isclose((found - origin) / INTERVAL, round((found - origin) / INTERVAL))
    assert found == pytest.approx(linear_scan(now, origin, until, change, max_slots))


def test_frames_of_a_real_breath_skip_only_where_the_edge_rests() -> None:
    """A 4 s inhale drawn on a 280 px circle, painting when the edge moves half a pixel."""
    radius, step = 280.0, 0.5

    def edge(t: float) -> float:
        v = volume(Phase.INHALE, t / 4.0)
        return radius * math.sqrt(0.36 + 0.64 * v)

    drawn, t = edge(0.0), 0.0
    frames: list[tuple[float, float]] = []  # (when, the edge drawn after that frame)
    while t < 4.0:
        here = drawn
        t = next_frame_time(t, 0.0, INTERVAL, 4.0, lambda s, here=here: abs(edge(s) - here) >= step)
        if abs(edge(t) - drawn) >= step:
            drawn = edge(t)
        frames.append((t, drawn))
    times = [when for when, _ in frames]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    # The middle of the breath moves fast: every slot; the ends rest: fewer wake-ups.
    assert min(gaps) == pytest.approx(INTERVAL)
    assert max(gaps) > 5 * INTERVAL
    assert len(frames) < 0.7 * (4.0 / INTERVAL)
    # ...and no frame that was due was left out: at every skipped slot the edge
    # was still less than a step from what was drawn.
    for (a, shown), b in zip(frames, times[1:], strict=False):
        for k in range(1, round((b - a) / INTERVAL)):
            assert abs(edge(a + k * INTERVAL) - shown) < step
