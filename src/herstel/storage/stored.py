"""What the database stores and hands back, and time as it is stored (UTC text plus offset).

Also ``validate_session``: the one rule for a session that may be stored, which
the database, a kept write read back and an import file all go through.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from typing import NamedTuple

from herstel.core.checkin import (
    CheckAnswers,
    CheckKind,
    CheckStatus,
    Signal,
    SignalLevel,
)
from herstel.core.records import SessionRecord
from herstel.storage.schema import ReminderKind, ReminderOutcome


@dataclass(frozen=True, slots=True)
class StoredSession:
    """A session as saved: the record, its checks and what became of the check."""

    record: SessionRecord
    before: CheckAnswers | None
    after: CheckAnswers | None
    check_status: CheckStatus


@dataclass(frozen=True, slots=True)
class ReminderRecord:
    """One reminder that fell due and what the user did with it."""

    kind: ReminderKind
    due_at: datetime
    outcome: ReminderOutcome
    acted_at: datetime

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ReminderKind(self.kind))
        object.__setattr__(self, "outcome", ReminderOutcome(self.outcome))
        for name in ("due_at", "acted_at"):
            if getattr(self, name).utcoffset() is None:
                raise ValueError(f"{name} must be timezone-aware")


@dataclass(frozen=True, slots=True)
class TodaySummary:
    """Today at a glance on the home screen."""

    minutes: float
    sessions: int
    last_levels: dict[Signal, SignalLevel]


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import changed: sessions added and skipped (already present), and the rest."""

    added: int
    skipped: int
    nights_added: int = 0
    reminders_added: int = 0
    waits_added: int = 0


WaitRow = tuple[str, str, str, str | None, str | None]
"""(reason, started_at, ended_at, reminder_kind, due_at) as stored."""


class SessionRow(NamedTuple):
    """A session with both checks' answers as columns, values as stored (for export)."""

    id: str
    started_at_utc: str
    utc_offset_minutes: int
    pattern: str
    planned_seconds: float
    planned_breaths: int
    done_seconds: float
    done_breaths: int
    ended_how: str
    trigger: str
    check_status: str
    before_answered_at: str | None
    before_complete: int | None
    before_breathing: int | None
    before_body: int | None
    before_head: int | None
    before_energy: int | None
    before_muscles: int | None
    before_mood: int | None
    after_answered_at: str | None
    after_complete: int | None
    after_breathing: int | None
    after_body: int | None
    after_head: int | None
    after_energy: int | None
    after_muscles: int | None
    after_mood: int | None
    after_change: int | None


# --- time as text -----------------------------------------------------------------


def utc_text(moment: datetime) -> str:
    """Fixed-width ISO 8601 in UTC, so text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def offset_minutes(moment: datetime) -> int:
    """The whole-minute UTC offset of an aware moment."""
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError("the time must be timezone-aware")
    if offset % timedelta(minutes=1):
        raise ValueError("the UTC offset must be a whole number of minutes")
    return offset // timedelta(minutes=1)


@lru_cache(maxsize=64)
def _zone(minutes: int) -> timezone:
    return timezone(timedelta(minutes=minutes))


def local_time(utc: str, minutes: int) -> datetime:
    """A stored UTC text back as the local time it was recorded in."""
    return datetime.fromisoformat(utc).astimezone(_zone(minutes))


def is_canonical_uuid(text: str) -> bool:
    """True for a UUID in its usual lower-case, hyphenated form."""
    try:
        return str(uuid.UUID(text)) == text
    except (ValueError, TypeError, AttributeError):
        return False


def validate_session(
    record: SessionRecord,
    before: CheckAnswers | None,
    after: CheckAnswers | None,
    check_status: str,
) -> CheckStatus:
    """Check that a session and its checks fit together; raises ValueError saying why."""
    status = CheckStatus(check_status)
    if not is_canonical_uuid(record.id):
        raise ValueError(f"id must be a lower-case UUID (got {record.id!r})")
    for name in ("planned_seconds", "done_seconds"):
        seconds = getattr(record, name)
        if not math.isfinite(seconds) or seconds < 0:
            raise ValueError(f"{name} must be a non-negative number (got {seconds!r})")
    for name in ("planned_breaths", "done_breaths"):
        breaths = getattr(record, name)
        if isinstance(breaths, bool) or not isinstance(breaths, int) or breaths < 0:
            raise ValueError(f"{name} must be a non-negative integer (got {breaths!r})")
    offset_minutes(record.started_at)
    if before is not None and before.kind is not CheckKind.BEFORE:
        raise ValueError("the before-check must have kind 'before'")
    if after is not None and after.kind is not CheckKind.AFTER:
        raise ValueError("the after-check must have kind 'after'")
    if status is CheckStatus.ANSWERED and (after is None or not after.complete):
        raise ValueError("check_status 'answered' needs a complete after-check")
    if status is CheckStatus.INCOMPLETE and after is not None and after.complete:
        raise ValueError("check_status 'incomplete' cannot have a complete after-check")
    if status in (CheckStatus.SKIPPED, CheckStatus.NONE) and after is not None:
        raise ValueError(f"check_status {status.value!r} cannot have an after-check")
    return status
