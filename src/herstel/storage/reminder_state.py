"""The reminder schedule's small persisted state (``reminders.json`` in the data folder).

Kept apart from the settings (which the user edits) and from the database
(which holds history): it is a handful of timestamps that change often. A
timer still in the future is restored after a restart. A file that cannot be
parsed is moved aside like the settings file, never silently overwritten.
"""

from __future__ import annotations

import json
import logging
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Final

from herstel.core.schedule import ReminderState
from herstel.storage.aside import aside_name
from herstel.storage.atomic import write_atomic

log = logging.getLogger(__name__)

STATE_VERSION: Final = 1
FILE_NAME: Final = "reminders.json"
_FIELDS: Final = tuple(f.name for f in fields(ReminderState))


def state_to_json(state: ReminderState) -> bytes:
    data: dict[str, object] = {"version": STATE_VERSION}
    for name in _FIELDS:
        value = getattr(state, name)
        data[name] = value.isoformat() if value is not None else None
    return (json.dumps(data, indent=2, sort_keys=True) + "\n").encode()


def state_from_json(raw: bytes) -> ReminderState:
    """Parse the file; raises ValueError naming what is wrong."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise ValueError("nested too deeply") from None
    version = data.get("version") if isinstance(data, dict) else None
    if isinstance(version, bool) or version != STATE_VERSION:
        raise ValueError("not a version 1 reminder state")
    values: dict[str, datetime | None] = {}
    for name in _FIELDS:
        text = data.get(name)
        if text is None:
            values[name] = None
            continue
        if not isinstance(text, str):
            raise ValueError(f"{name} is not a timestamp")
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            raise ValueError(f"{name} has no time zone")
        values[name] = moment
    try:
        return ReminderState(**values)
    except OverflowError:
        raise ValueError("a timestamp is out of range") from None


def load_state(path: Path, now: datetime) -> ReminderState:
    """The saved state, or a fresh one when there is none or it is unreadable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return ReminderState()
    try:
        return state_from_json(raw)
    except (ValueError, UnicodeDecodeError) as error:
        aside = aside_name(path, now)
        path.replace(aside)
        log.warning("reminder state unreadable (%s); moved to %s", error, aside)
        return ReminderState()


def save_state(path: Path, state: ReminderState) -> None:
    write_atomic(path, state_to_json(state))
