"""What Herstel remembers about a breathing session.

These plain records are the hand-over between the session (core), the screens
(ui) and the database and export (storage); none of those layers needs to know
the others' types.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class EndedHow(StrEnum):
    """How a breathing session ended."""

    COMPLETED = "completed"  # ran to its planned last breath
    STOPPED = "stopped"  # the user pressed Stop
    DIZZY = "dizzy"  # the user pressed "I feel dizzy"


class Trigger(StrEnum):
    """What started a session."""

    WINDOW = "window"  # the Start button in the main window or the tray menu
    CLI = "cli"  # `herstel breathe`
    REMINDER = "reminder"  # "Start now" on a reminder


def new_session_id() -> str:
    """A stable, globally unique id, so imports can skip sessions they already have."""
    import uuid  # with the platform module it loads: not needed to show the first window

    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One breathing session as it is stored and exported."""

    id: str
    started_at: datetime  # timezone-aware; stored as UTC plus the local offset
    pattern: str  # canonical label, e.g. "4-6" or "4-4-4-4"
    planned_seconds: float
    planned_breaths: int
    done_seconds: float  # real breathing time: pauses are not counted
    done_breaths: int  # completed full breaths
    ended_how: EndedHow
    trigger: Trigger

    def __post_init__(self) -> None:
        if self.started_at.tzinfo is None:
            raise ValueError("started_at must be timezone-aware")
