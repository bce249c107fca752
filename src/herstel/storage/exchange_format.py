"""The names of Herstel's export format, shared by writing it and reading it back.

``export_stream`` writes these keys and columns, ``import_reader`` expects
exactly them. The format is described in docs/export-format.md.
"""

from __future__ import annotations

from typing import Final

from herstel.core.checkin import SIGNAL_ITEMS, SLEEP_ITEM_KEYS

FORMAT = "herstel-export"
VERSION = 2
"""Version 2 added ``waits`` (reading the room); version 1 files still import."""
READS_VERSIONS = (1, 2)

SIGNAL_KEYS: Final = tuple(s.value for s in SIGNAL_ITEMS)
"""The answer keys of a check, in the order they are exported."""

_SESSION_COLUMNS: Final = (
    "id",
    "started_at",
    "pattern",
    "planned_seconds",
    "planned_breaths",
    "done_seconds",
    "done_breaths",
    "ended_how",
    "trigger",
    "check_status",
)
"""A session's own columns, shared by its CSV row and its JSON object."""

SESSION_CSV_COLUMNS: tuple[str, ...] = (
    *_SESSION_COLUMNS,
    *(f"before_{i}" for i in SIGNAL_KEYS),
    "before_complete",
    "before_answered_at",
    *(f"after_{i}" for i in SIGNAL_KEYS),
    "change",
    "after_complete",
    "after_answered_at",
)
NIGHT_CSV_COLUMNS: tuple[str, ...] = ("night", *SLEEP_ITEM_KEYS, "answered_at")
REMINDER_CSV_COLUMNS: tuple[str, ...] = ("kind", "due_at", "outcome", "acted_at")
WAIT_FIELDS: tuple[str, ...] = ("reason", "started_at", "ended_at", "reminder_kind", "due_at")
SESSION_FIELDS: Final = (*_SESSION_COLUMNS, "before", "after")
"""The keys of each exported session, in order; import expects exactly these."""
