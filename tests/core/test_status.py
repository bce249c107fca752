"""The status snapshot: its wire form round-trips, junk is refused, the headline picks right."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herstel.core.status import (
    WAITING_REASONS,
    AppStatus,
    Headline,
    StatusError,
    decode_status,
    encode_status,
    headline,
    status_document,
)

NOON = datetime(2026, 12, 5, 12, 0, tzinfo=timezone(timedelta(hours=1)))

moments = st.one_of(
    st.none(),
    st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.sampled_from(
            [UTC, timezone(timedelta(hours=1)), timezone(-timedelta(hours=5))]
        ),
    ).map(lambda m: m.replace(microsecond=0)),
)
statuses = st.builds(
    AppStatus,
    session_running=st.booleans(),
    next_reminder=moments,
    timer_due=moments,
    paused_until=moments,
    waiting_reason=st.sampled_from(WAITING_REASONS),
    today_minutes=st.integers(0, 24 * 60 * 100).map(lambda n: n / 100),
)


@given(statuses)
def test_the_wire_form_round_trips(status: AppStatus) -> None:
    assert decode_status(encode_status(status)) == status


def test_the_document_has_the_documented_keys() -> None:
    document = status_document(AppStatus(next_reminder=NOON, today_minutes=12.5))
    assert document == {
        "v": 1,
        "session_running": False,
        "next_reminder": "2026-12-05T12:00:00+01:00",
        "timer_due": None,
        "paused_until": None,
        "waiting_reason": "",
        "today_minutes": 12.5,
    }


@pytest.mark.parametrize(
    "change",
    [
        {"v": 2},
        {"v": True},
        {"session_running": 1},
        {"waiting_reason": "asleep"},
        {"waiting_reason": None},
        {"today_minutes": -1},
        {"today_minutes": "5"},
        {"today_minutes": True},
        {"next_reminder": "14:30"},
        {"next_reminder": "2026-12-05T14:30:00"},  # no offset
        {"next_reminder": 1733400000},
        {"extra": 1},
    ],
)
def test_a_document_that_is_not_ours_is_refused(change: dict[str, object]) -> None:
    document = status_document(AppStatus()) | change
    with pytest.raises(StatusError):
        decode_status(json.dumps(document).encode())


@pytest.mark.parametrize("data", [b"", b"[]", b"\xff", b"{", b'{"v": 1}', b"[" * 100_000])
def test_junk_is_refused_with_a_status_error(data: bytes) -> None:
    with pytest.raises(StatusError):
        decode_status(data)


def test_naive_times_are_refused_when_built() -> None:
    with pytest.raises(StatusError):
        AppStatus(next_reminder=datetime(2026, 12, 5, 12, 0))


def test_a_running_session_comes_first() -> None:
    status = AppStatus(session_running=True, waiting_reason="call", next_reminder=NOON)
    assert headline(status) == (Headline.BREATHING, None)


def test_a_waiting_reminder_comes_before_the_next_one() -> None:
    assert headline(AppStatus(waiting_reason="call", next_reminder=NOON)) == (
        Headline.WAITING,
        None,
    )


def test_a_pause_names_its_end() -> None:
    later = NOON + timedelta(hours=1)
    status = AppStatus(paused_until=later, next_reminder=later + timedelta(minutes=5))
    assert headline(status) == (Headline.PAUSED, later)


def test_a_timer_before_the_end_of_a_pause_is_the_next_thing() -> None:
    later = NOON + timedelta(hours=1)
    status = AppStatus(paused_until=later, timer_due=NOON, next_reminder=NOON)
    assert headline(status) == (Headline.NEXT, NOON)


def test_next_and_nothing() -> None:
    assert headline(AppStatus(next_reminder=NOON)) == (Headline.NEXT, NOON)
    assert headline(AppStatus()) == (Headline.NONE, None)
