"""The writes that can wait for the database, and their line in the pending file.

Each write knows how to apply itself to the database and how to turn into
one JSON line and back. Replaying is idempotent: a session is upserted by its
UUID, a reminder outcome is skipped when one with the same kind and due time
is there, a wait when one with the same reason and start is, and a delete of
a missing session does nothing.

Line format, version 1 (one object per line, UTF-8, ``\\n``-terminated)::

    {"v": 1, "op": "session", "id": "<uuid>", "data": {...}}
    {"v": 1, "op": "reminder", "id": "<kind>@<due_at>", "data": {...}}
    {"v": 1, "op": "delete", "id": "<uuid>", "data": {}}
    {"v": 1, "op": "wait", "id": "<reason>@<started_at>", "data": {...}}
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

from herstel.core.checkin import (
    CheckAnswers,
    CheckKind,
    CheckStatus,
    NightAnswers,
    Signal,
)
from herstel.core.records import EndedHow, SessionRecord, Trigger
from herstel.core.room import Episode, Sense
from herstel.core.schedule import Fire
from herstel.storage.database import Database
from herstel.storage.schema import ReminderKind, ReminderOutcome
from herstel.storage.stored import ReminderRecord, validate_session

PENDING_VERSION: Final = 1


def _answers_json(answers: CheckAnswers | None) -> dict[str, Any] | None:
    if answers is None:
        return None
    return {
        "kind": answers.kind.value,
        "values": {s.value: v for s, v in answers.values.items()},
        "change": answers.change,
        "complete": answers.complete,
        "answered_at": answers.answered_at.isoformat(),
    }


def _answers_from(data: dict[str, Any] | None) -> CheckAnswers | None:
    if data is None:
        return None
    return CheckAnswers(
        CheckKind(data["kind"]),
        {Signal(k): int(v) for k, v in data["values"].items()},
        data["change"],
        bool(data["complete"]),
        datetime.fromisoformat(data["answered_at"]),
    )


def _night_json(night: NightAnswers | None) -> dict[str, Any] | None:
    if night is None:
        return None
    return {
        "night": night.night.isoformat(),
        "slept_deeply": night.slept_deeply,
        "woke_rested": night.woke_rested,
        "answered_at": night.answered_at.isoformat(),
    }


def _night_from(data: dict[str, Any] | None) -> NightAnswers | None:
    if data is None:
        return None
    return NightAnswers(
        date.fromisoformat(data["night"]),
        data["slept_deeply"],
        data["woke_rested"],
        datetime.fromisoformat(data["answered_at"]),
    )


@dataclass(frozen=True, slots=True)
class SessionWrite:
    """A session with its checks and the night's sleep items, as ``save_session`` takes them."""

    record: SessionRecord
    before: CheckAnswers | None
    after: CheckAnswers | None
    night: NightAnswers | None
    check_status: str

    def apply(self, db: Database) -> None:
        db.save_session(self.record, self.before, self.after, self.night, self.check_status)

    def line(self) -> dict[str, Any]:
        r = self.record
        return {
            "v": PENDING_VERSION,
            "op": "session",
            "id": r.id,
            "data": {
                "started_at": r.started_at.isoformat(),
                "pattern": r.pattern,
                "planned_seconds": r.planned_seconds,
                "planned_breaths": r.planned_breaths,
                "done_seconds": r.done_seconds,
                "done_breaths": r.done_breaths,
                "ended_how": EndedHow(r.ended_how).value,
                "trigger": Trigger(r.trigger).value,
                "check_status": self.check_status,
                "before": _answers_json(self.before),
                "after": _answers_json(self.after),
                "night": _night_json(self.night),
            },
        }

    @classmethod
    def from_line(cls, line: dict[str, Any]) -> SessionWrite:
        d = line["data"]
        record = SessionRecord(
            line["id"],
            datetime.fromisoformat(d["started_at"]),
            d["pattern"],
            float(d["planned_seconds"]),
            int(d["planned_breaths"]),
            float(d["done_seconds"]),
            int(d["done_breaths"]),
            EndedHow(d["ended_how"]),
            Trigger(d["trigger"]),
        )
        write = cls(
            record,
            _answers_from(d["before"]),
            _answers_from(d["after"]),
            _night_from(d["night"]),
            CheckStatus(d["check_status"]).value,
        )
        validate_session(record, write.before, write.after, write.check_status)
        return write


@dataclass(frozen=True, slots=True)
class ReminderWrite:
    """A reminder's outcome; replayed only when no outcome for that kind and due time is stored."""

    reminder: ReminderRecord

    def apply(self, db: Database) -> None:
        db.record_reminder_once(self.reminder)

    def line(self) -> dict[str, Any]:
        r = self.reminder
        return {
            "v": PENDING_VERSION,
            "op": "reminder",
            "id": f"{r.kind.value}@{r.due_at.isoformat()}",
            "data": {
                "kind": r.kind.value,
                "due_at": r.due_at.isoformat(),
                "outcome": r.outcome.value,
                "acted_at": r.acted_at.isoformat(),
            },
        }

    @classmethod
    def from_line(cls, line: dict[str, Any]) -> ReminderWrite:
        d = line["data"]
        return cls(
            ReminderRecord(
                ReminderKind(d["kind"]),
                datetime.fromisoformat(d["due_at"]),
                ReminderOutcome(d["outcome"]),
                datetime.fromisoformat(d["acted_at"]),
            )
        )


@dataclass(frozen=True, slots=True)
class DeleteWrite:
    """Deleting one session (after the undo time ran out)."""

    session_id: str

    def apply(self, db: Database) -> None:
        db.delete_session(self.session_id)

    def line(self) -> dict[str, Any]:
        return {"v": PENDING_VERSION, "op": "delete", "id": self.session_id, "data": {}}

    @classmethod
    def from_line(cls, line: dict[str, Any]) -> DeleteWrite:
        return cls(str(line["id"]))


@dataclass(frozen=True, slots=True)
class WaitWrite:
    """A stretch a reminder waited (or a natural break); replayed once per reason and start."""

    episode: Episode

    def apply(self, db: Database) -> None:
        db.record_wait_once(self.episode)

    def line(self) -> dict[str, Any]:
        e = self.episode
        return {
            "v": PENDING_VERSION,
            "op": "wait",
            "id": f"{e.reason.value}@{e.started_at.isoformat()}",
            "data": {
                "reason": e.reason.value,
                "started_at": e.started_at.isoformat(),
                "ended_at": e.ended_at.isoformat(),
                "kind": e.kind,
                "due_at": e.due_at.isoformat() if e.due_at is not None else None,
            },
        }

    @classmethod
    def from_line(cls, line: dict[str, Any]) -> WaitWrite:
        d = line["data"]
        kind, due = d["kind"], d["due_at"]
        return cls(
            Episode(
                Sense(d["reason"]),
                datetime.fromisoformat(d["started_at"]),
                datetime.fromisoformat(d["ended_at"]),
                _fire(kind),
                datetime.fromisoformat(due) if due is not None else None,
            )
        )


def _fire(kind: object) -> Fire | None:
    if kind is None or kind == "timer" or kind == "scheduled":
        return kind
    raise ValueError(f"unknown reminder kind {kind!r}")


Write = SessionWrite | ReminderWrite | DeleteWrite | WaitWrite
_READERS: Final[dict[str, Callable[[dict[str, Any]], Write]]] = {
    "session": SessionWrite.from_line,
    "reminder": ReminderWrite.from_line,
    "delete": DeleteWrite.from_line,
    "wait": WaitWrite.from_line,
}


def encode(write: Write) -> bytes:
    """One pending line, ``\\n``-terminated, ASCII only (a lone surrogate cannot slip in)."""
    return json.dumps(write.line(), ensure_ascii=True, separators=(",", ":")).encode() + b"\n"


def decode(raw: bytes) -> Write | None:
    """A write from one line; None for a line this version does not know (kept as it is).

    Raises ValueError for a line that is damaged.
    """
    try:
        line = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as err:
        raise ValueError(f"not JSON: {err}") from err
    if not isinstance(line, dict) or not isinstance(line.get("v"), int):
        raise ValueError("no version")
    if line["v"] > PENDING_VERSION or line.get("op") not in _READERS:
        return None
    try:
        return _READERS[line["op"]](line)
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ValueError(f"bad {line.get('op')} line: {err}") from err
