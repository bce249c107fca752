"""What the running app tells panels and scripts: one snapshot, its wire form, its headline.

The app builds an :class:`AppStatus` whenever something a panel shows may have
changed (the reminder service, a session starting or ending, today's minutes
after a save); ``herstel status`` and the D-Bus properties both read it. Plain
Python, no Qt and no clock: times are passed in, so the same rules hold in the
app, on the command line and in tests.

The wire form (:func:`encode_status` / :func:`decode_status`) is one JSON
object per frame, version 1, with exactly these keys::

    {"v": 1, "session_running": false, "next_reminder": "2026-12-05T14:30:00+01:00",
     "timer_due": null, "paused_until": null, "waiting_reason": "", "today_minutes": 12.5}

Times are ISO 8601 with their UTC offset, or null. ``waiting_reason`` is one of
:data:`WAITING_REASONS` ("" when reminders are not waiting). ``herstel status
--json`` prints the same keys plus ``running`` and ``text`` (docs/cli.md).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Final

STATUS_VERSION: Final = 1
"""The version of the status document (independent of the request versions)."""

WAITING_REASONS: Final = ("", "call", "full_screen", "do_not_disturb", "away")
"""Why a due reminder waits: nothing, a call, something full screen, Do Not Disturb, away."""

_KEYS: Final = (
    "v",
    "session_running",
    "next_reminder",
    "timer_due",
    "paused_until",
    "waiting_reason",
    "today_minutes",
)
_MAX_TODAY_MINUTES: Final = 24 * 60.0


class StatusError(ValueError):
    """A status document that is not one this version writes; ``str()`` is one line."""


@dataclass(frozen=True, slots=True)
class AppStatus:
    """The running app at one moment, as far as panels and scripts care.

    ``next_reminder`` is the earliest of the timer and the schedule (None: no
    reminder planned); ``paused_until`` is set only while reminders are paused.
    Times are timezone-aware.
    """

    session_running: bool = False
    next_reminder: datetime | None = None
    timer_due: datetime | None = None
    paused_until: datetime | None = None
    waiting_reason: str = ""
    today_minutes: float = 0.0

    def __post_init__(self) -> None:
        if self.waiting_reason not in WAITING_REASONS:
            raise StatusError(f"unknown waiting reason {self.waiting_reason!r}")
        if not math.isfinite(self.today_minutes) or not (
            0 <= self.today_minutes <= _MAX_TODAY_MINUTES
        ):
            raise StatusError(f"today_minutes out of range ({self.today_minutes!r})")
        for name in ("next_reminder", "timer_due", "paused_until"):
            moment = getattr(self, name)
            if moment is not None and moment.tzinfo is None:
                raise StatusError(f"{name} must be timezone-aware")


# -- the headline ------------------------------------------------------------------------


class Headline(StrEnum):
    """Which one-line summary fits a status (the words are the caller's, translated)."""

    BREATHING = "breathing"  # a session runs
    WAITING = "waiting"  # a due reminder waits (see waiting_reason)
    PAUSED = "paused"  # reminders paused until paused_until
    NEXT = "next"  # the next reminder at next_reminder
    NONE = "none"  # nothing planned


def headline(status: AppStatus) -> tuple[Headline, datetime | None]:
    """The most useful thing to say, and the time it is about (if any).

    A running session beats everything; then a waiting reminder; a pause
    mentions when it ends, unless a timer the user set falls before that (the
    timer ignores pauses, so it is the next thing to happen).
    """
    if status.session_running:
        return Headline.BREATHING, None
    if status.waiting_reason:
        return Headline.WAITING, None
    if status.paused_until is not None and (
        status.timer_due is None or status.timer_due >= status.paused_until
    ):
        return Headline.PAUSED, status.paused_until
    if status.next_reminder is not None:
        return Headline.NEXT, status.next_reminder
    return Headline.NONE, None


# -- the wire form -----------------------------------------------------------------------


def _moment_text(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def status_document(status: AppStatus) -> dict[str, Any]:
    """The status as a JSON-ready dict with the documented keys."""
    return {
        "v": STATUS_VERSION,
        "session_running": status.session_running,
        "next_reminder": _moment_text(status.next_reminder),
        "timer_due": _moment_text(status.timer_due),
        "paused_until": _moment_text(status.paused_until),
        "waiting_reason": status.waiting_reason,
        "today_minutes": round(status.today_minutes, 2),
    }


def encode_status(status: AppStatus) -> bytes:
    """One status frame's payload (frame it with ``herstel.core.messages.frame``)."""
    return json.dumps(status_document(status), separators=(",", ":")).encode("ascii")


def _moment(document: dict[str, Any], key: str) -> datetime | None:
    value = document[key]
    if value is None:
        return None
    if not isinstance(value, str):
        raise StatusError(f"{key} must be text or null")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise StatusError(f"{key} is not an ISO 8601 time") from None
    if moment.tzinfo is None:
        raise StatusError(f"{key} has no UTC offset")
    return moment


def decode_status(data: bytes) -> AppStatus:
    """The status in one frame's payload; StatusError for anything else."""
    try:
        document = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as error:
        raise StatusError(f"not UTF-8 JSON: {error}") from None
    if not isinstance(document, dict) or sorted(document) != sorted(_KEYS):
        raise StatusError("not a status document")
    if document["v"] != STATUS_VERSION or type(document["v"]) is not int:
        raise StatusError(f"unsupported status version {document['v']!r}")
    running, reason, minutes = (
        document["session_running"],
        document["waiting_reason"],
        document["today_minutes"],
    )
    if not isinstance(running, bool):
        raise StatusError("session_running must be true or false")
    if not isinstance(reason, str):
        raise StatusError("waiting_reason must be text")
    if isinstance(minutes, bool) or not isinstance(minutes, int | float):
        raise StatusError("today_minutes must be a number")
    return AppStatus(
        session_running=running,
        next_reminder=_moment(document, "next_reminder"),
        timer_due=_moment(document, "timer_due"),
        paused_until=_moment(document, "paused_until"),
        waiting_reason=reason,
        today_minutes=float(minutes),
    )
