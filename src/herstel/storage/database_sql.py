"""The SQL ``Database`` runs, and the parameters and values it binds and reads back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from herstel.core.checkin import (
    CHANGE_KEY,
    SIGNAL_ITEMS,
    CheckAnswers,
    CheckKind,
    CheckStatus,
    NightAnswers,
)
from herstel.core.records import EndedHow, SessionRecord, Trigger
from herstel.core.room import Episode, Sense
from herstel.storage.stored import ReminderRecord, offset_minutes, utc_text

_SESSION_COLUMNS = (
    "id, started_at_utc, utc_offset_minutes, pattern, planned_seconds, planned_breaths, "
    'done_seconds, done_breaths, ended_how, "trigger", check_status'
)
_UPSERT_SESSION = f"""
    INSERT INTO sessions ({_SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET
        started_at_utc = excluded.started_at_utc,
        utc_offset_minutes = excluded.utc_offset_minutes,
        pattern = excluded.pattern,
        planned_seconds = excluded.planned_seconds,
        planned_breaths = excluded.planned_breaths,
        done_seconds = excluded.done_seconds,
        done_breaths = excluded.done_breaths,
        ended_how = excluded.ended_how,
        "trigger" = excluded."trigger",
        check_status = excluded.check_status
"""
_INSERT_SESSION = (
    f"INSERT INTO sessions ({_SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_ITEMS = tuple(s.value for s in SIGNAL_ITEMS)
_CHECK_COLUMNS = f"answered_at, complete, {', '.join(_ITEMS)}, {CHANGE_KEY}"
_INSERT_CHECK = (
    f"INSERT INTO checks (session_id, kind, {_CHECK_COLUMNS}) "
    f"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_NIGHT_COLUMNS = "night, slept_deeply, woke_rested, answered_at"
_UPSERT_NIGHT = f"""
    INSERT INTO nights ({_NIGHT_COLUMNS}) VALUES (?, ?, ?, ?)
    ON CONFLICT (night) DO UPDATE SET
        slept_deeply = excluded.slept_deeply,
        woke_rested = excluded.woke_rested,
        answered_at = excluded.answered_at
"""
_ANSWERED = " OR ".join(f"c.{item} IS NOT NULL" for item in (*_ITEMS, CHANGE_KEY))
_INSERT_REMINDER = "INSERT INTO reminders (kind, due_at, outcome, acted_at) VALUES (?, ?, ?, ?)"
_WAIT_COLUMNS = "reason, started_at, ended_at, reminder_kind, due_at"
_INSERT_WAIT = f"INSERT INTO waits ({_WAIT_COLUMNS}) VALUES (?, ?, ?, ?, ?)"


def _prefixed(alias: str, columns: str) -> str:
    return ", ".join(f"{alias}.{c.strip()}" for c in columns.split(","))


# Two ordered joins on primary keys: SQLite streams this without sorting.
_SELECT_SESSION_ROWS = f"""
    SELECT {_prefixed("s", _SESSION_COLUMNS)},
        b.answered_at, b.complete, {_prefixed("b", ", ".join(_ITEMS))},
        a.answered_at, a.complete, {_prefixed("a", ", ".join(_ITEMS))}, a.{CHANGE_KEY}
    FROM sessions AS s
    LEFT JOIN checks AS b ON b.session_id = s.id AND b.kind = 'before'
    LEFT JOIN checks AS a ON a.session_id = s.id AND a.kind = 'after'
    ORDER BY s.started_at_utc, s.id
"""


def _session_params(record: SessionRecord, status: CheckStatus) -> tuple[object, ...]:
    return (
        record.id,
        utc_text(record.started_at),
        offset_minutes(record.started_at),
        record.pattern,
        float(record.planned_seconds),
        record.planned_breaths,
        float(record.done_seconds),
        record.done_breaths,
        EndedHow(record.ended_how).value,
        Trigger(record.trigger).value,
        status.value,
    )


def _check_params(session_id: str, answers: CheckAnswers | None) -> list[tuple[object, ...]]:
    if answers is None:
        return []
    values = [answers.values.get(signal) for signal in SIGNAL_ITEMS]
    return [
        (
            session_id,
            answers.kind.value,
            answers.answered_at.isoformat(),
            int(answers.complete),
            *values,
            answers.change,
        )
    ]


def _night_params(night: NightAnswers) -> tuple[object, ...]:
    return (
        night.night.isoformat(),
        night.slept_deeply,
        night.woke_rested,
        night.answered_at.isoformat(),
    )


def _answers_from(kind: CheckKind, row: Sequence[Any] | None) -> CheckAnswers | None:
    """A row of (_CHECK_COLUMNS) back as answers; None when there was no check."""
    if row is None:
        return None
    at, complete, *items, change = row
    values = {s: v for s, v in zip(SIGNAL_ITEMS, items, strict=True) if v is not None}
    return CheckAnswers(kind, values, change, bool(complete), datetime.fromisoformat(at))


def _night_from(row: Sequence[Any]) -> NightAnswers:
    return NightAnswers(date.fromisoformat(row[0]), row[1], row[2], datetime.fromisoformat(row[3]))


def _wait_params(episode: Episode) -> tuple[object, ...]:
    for name in ("started_at", "ended_at", "due_at"):
        moment = getattr(episode, name)
        if moment is not None and moment.utcoffset() is None:
            raise ValueError(f"{name} must be timezone-aware")
    natural = episode.reason is Sense.AWAY
    if natural != (episode.kind is None) or (episode.kind is None) != (episode.due_at is None):
        raise ValueError("a natural break names no reminder; a wait names the one that waited")
    return (
        episode.reason.value,
        episode.started_at.isoformat(),
        episode.ended_at.isoformat(),
        episode.kind,
        episode.due_at.isoformat() if episode.due_at is not None else None,
    )


def _reminder_params(reminder: ReminderRecord) -> tuple[object, ...]:
    return (
        reminder.kind.value,
        reminder.due_at.isoformat(),
        reminder.outcome.value,
        reminder.acted_at.isoformat(),
    )
