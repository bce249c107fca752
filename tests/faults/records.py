"""Small builders shared by the fault tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

from herstel.core.checkin import SIGNAL_ITEMS, CheckAnswers, CheckKind, NightAnswers
from herstel.core.records import EndedHow, SessionRecord, Trigger, new_session_id
from herstel.storage.database import Database

if TYPE_CHECKING:
    from herstel.storage.pending_writes import SessionWrite

CET = timezone(timedelta(hours=1))
T0 = datetime(2026, 3, 10, 9, 0, tzinfo=CET)


def session(at: datetime = T0) -> SessionRecord:
    return SessionRecord(
        new_session_id(), at, "4-6", 300.0, 30, 287.5, 28, EndedHow.STOPPED, Trigger.REMINDER
    )


def ended(record: SessionRecord) -> SessionWrite:
    """The save when the session ends: no answers yet."""
    from herstel.storage.pending_writes import SessionWrite

    return SessionWrite(record, None, None, None, "skipped")


def answered(record: SessionRecord) -> SessionWrite:
    """The save once the check is answered, with the night's sleep items."""
    at = record.started_at + timedelta(minutes=6)
    after = CheckAnswers(CheckKind.AFTER, dict.fromkeys(SIGNAL_ITEMS, 4), 5, True, at)
    night = NightAnswers(date(2026, 3, 9), 3, 4, at)
    from herstel.storage.pending_writes import SessionWrite

    return SessionWrite(record, None, after, night, "answered")


def save_answered(db: Database, record: SessionRecord) -> None:
    """Save directly (no pending file): usable against older code too."""
    at = record.started_at + timedelta(minutes=6)
    after = CheckAnswers(CheckKind.AFTER, dict.fromkeys(SIGNAL_ITEMS, 4), 5, True, at)
    db.save_session(record, None, after, NightAnswers(date(2026, 3, 9), 3, 4, at), "answered")
