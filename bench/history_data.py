"""Realistic history data for the history bench and the README screenshots.

    fill_history(path, sessions=250, days=92, end=datetime(...))

Writes straight into a real Herstel database file (created and migrated by
``Database.open``) with ``executemany``, so 100,000 sessions take a few seconds.
The data looks like a person's: sessions on most days (fewer at weekends, a
few days off), mostly 4-6 with some other rhythms, 3/5/10 minutes, now and then
stopped early, answers that slowly improve over the months and are a little
better after longer sessions (so insights have something honest to find), a
before-check for part of the time, one night's sleep per day, and reminders
that were taken, snoozed, skipped or missed.
"""

from __future__ import annotations

import math
import random
import sqlite3
import uuid
from contextlib import closing
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from herstel.storage.database import Database
from herstel.storage.stored import utc_text

ZONE = ZoneInfo("Europe/Amsterdam")

# (label, seconds per breath, weight)
PATTERNS: tuple[tuple[str, float, float], ...] = (
    ("4-6", 10.0, 0.60),
    ("5-5", 10.0, 0.14),
    ("3.5-5", 8.5, 0.10),
    ("4-4-4-4", 16.0, 0.07),
    ("6-6", 12.0, 0.06),
    ("4-7-8", 19.0, 0.03),
)
SIGNAL_BIAS = (0.4, 0.0, -0.3, -0.5, 0.1, 0.2)  # breathing, body, head, energy, muscles, mood
HEAD, ENERGY = 2, 3


def _choice(rng: random.Random, items: tuple[tuple[str, float, float], ...]) -> tuple[str, float]:
    pick = rng.random() * sum(w for _, _, w in items)
    for label, period, weight in items:
        pick -= weight
        if pick <= 0:
            return label, period
    return items[0][0], items[0][1]


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def _moments(rng: random.Random, sessions: int, days: int, end: datetime) -> list[datetime]:
    first = end.date() - timedelta(days=days - 1)
    weights = []
    for d in range(days):
        day = first + timedelta(days=d)
        weight = 0.55 if day.weekday() >= 5 else 1.0
        if rng.random() < 0.08:  # a day off
            weight = 0.0
        weights.append(weight)
    weights[-1] = max(weights[-1], 1.0)  # today and yesterday keep the streak going
    weights[-2] = max(weights[-2], 1.0)
    day_indexes = rng.choices(range(days), weights=weights, k=sessions)
    moments = []
    latest = end - timedelta(minutes=20)
    for index in day_indexes:
        day = first + timedelta(days=index)
        if rng.random() < 0.03:  # a late one, after midnight: belongs to the previous day
            clock = time(rng.randrange(0, 3), rng.randrange(60))
            day += timedelta(days=1)
        else:
            minutes = rng.randrange(8 * 60, 22 * 60)
            clock = time(minutes // 60, minutes % 60, rng.randrange(60))
        moment = datetime.combine(day, clock, tzinfo=ZONE)
        moments.append(min(moment, latest - timedelta(seconds=rng.randrange(3600))))
    moments.sort()
    return moments


def fill_history(
    path: Path, sessions: int, days: int, end: datetime, *, seed: int = 7, reminders: bool = True
) -> None:
    """Add ``sessions`` sessions over the ``days`` days up to ``end`` (aware) to ``path``."""
    rng = random.Random(seed)
    Database.open(path).close()  # create and migrate
    session_rows: list[tuple[object, ...]] = []
    check_rows: list[tuple[object, ...]] = []
    night_rows: dict[str, tuple[object, ...]] = {}
    moments = _moments(rng, sessions, days, end)
    span = max(1.0, (moments[-1] - moments[0]).total_seconds()) if moments else 1.0
    for moment in moments:
        progress = (moment - moments[0]).total_seconds() / span  # 0 … 1 over the months
        label, period = _choice(rng, PATTERNS)
        minutes = 4 * period / 60 if label == "4-7-8" else rng.choice((3, 5, 5, 5, 10))
        breaths = max(1, math.ceil(minutes * 60 / period))
        planned = breaths * period
        roll = rng.random()
        if roll < 0.82:
            ended, done_breaths = "completed", breaths
        elif roll < 0.985:
            ended, done_breaths = "stopped", rng.randrange(1, breaths + 1)
        else:
            ended, done_breaths = "dizzy", rng.randrange(1, max(2, breaths // 2))
        done = done_breaths * period if ended == "completed" else done_breaths * period * 0.97
        trigger = rng.choices(("reminder", "window", "cli"), (0.45, 0.45, 0.10))[0]
        sid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        local = moment.astimezone(ZONE)
        offset = int((local.utcoffset() or timedelta()).total_seconds() // 60)
        answered = local + timedelta(seconds=done + 40)
        if ended == "dizzy":
            status = "none"
        else:
            status = rng.choices(("answered", "skipped", "incomplete", "none"), (80, 10, 5, 5))[0]
        long_session = done >= 300
        if status in ("answered", "incomplete"):
            values: list[int | None] = []
            for index, bias in enumerate(SIGNAL_BIAS):
                mean = 2.4 + 1.8 * progress + bias
                if long_session and index in (HEAD, ENERGY):
                    mean += 1.1
                values.append(_clamp(rng.gauss(mean, 1.1), 0, 6))
            change: int | None = _clamp(rng.gauss(3.6 + 0.5 * long_session, 0.8), 1, 5)
            complete = 1
            if status == "incomplete":
                cut = rng.randrange(1, 6)
                values = [v if i < cut else None for i, v in enumerate(values)]
                change, complete = None, 0
            check_rows.append((sid, "after", answered.isoformat(), complete, *values, change))
            if progress > 0.45 and rng.random() < 0.7:  # the before-check was switched on
                before = [
                    None if v is None else _clamp(v - rng.choice((0, 1, 1, 2)), 0, 6)
                    for v in values
                ]
                if status == "incomplete":
                    before = [_clamp(rng.gauss(2.5, 1), 0, 6) for _ in before]
                check_rows.append((sid, "before", local.isoformat(), 1, *before, None))
            check_day = (answered - timedelta(hours=4)).date()
            night = (check_day - timedelta(days=1)).isoformat()
            if night not in night_rows:
                slept = _clamp(rng.gauss(2.6 + 1.6 * progress, 1.2), 0, 6)
                rested = _clamp(slept + rng.choice((-1, 0, 0, 1)), 0, 6)
                night_rows[night] = (night, slept, rested, answered.isoformat())
        session_rows.append(
            (
                sid,
                utc_text(moment),
                offset,
                label,
                planned,
                breaths,
                done,
                done_breaths,
                ended,
                trigger,
                status,
            )
        )
    reminder_rows = _reminders(rng, days, end) if reminders else []
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(
            "INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", session_rows
        )
        conn.executemany(
            "INSERT INTO checks (session_id, kind, answered_at, complete, breathing, body, "
            "head, energy, muscles, mood, change) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            check_rows,
        )
        conn.executemany(
            "INSERT INTO nights (night, slept_deeply, woke_rested, answered_at) "
            "VALUES (?, ?, ?, ?)",
            night_rows.values(),
        )
        conn.executemany(
            "INSERT INTO reminders (kind, due_at, outcome, acted_at) VALUES (?, ?, ?, ?)",
            reminder_rows,
        )
        conn.execute("COMMIT")


def _reminders(rng: random.Random, days: int, end: datetime) -> list[tuple[object, ...]]:
    """Scheduled reminders every working hour, with a person's mixed response."""
    rows: list[tuple[object, ...]] = []
    first = end.date() - timedelta(days=days - 1)
    for d in range(days):
        day = first + timedelta(days=d)
        if day.weekday() >= 5:
            continue
        for hour in (10, 11, 13, 14, 15, 16):
            due = datetime.combine(day, time(hour), tzinfo=ZONE)
            if due >= end:
                break
            outcome = rng.choices(("taken", "snoozed", "skipped", "missed"), (55, 20, 15, 10))[0]
            acted = due + timedelta(minutes=10 if outcome == "missed" else rng.randrange(1, 5))
            rows.append(("scheduled", due.isoformat(), outcome, acted.isoformat()))
    return rows
