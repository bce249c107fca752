"""Child process for test_durability: save sessions in a loop until killed.

Each session id is printed (and flushed) only after ``save_session`` has
returned, so every id the parent reads is a save that claimed to be durable.
Usage: durability_child.py DB_PATH FIRST_NUMBER
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from herstel.core.checkin import SIGNAL_ITEMS, CheckAnswers, CheckKind, NightAnswers
from herstel.core.records import EndedHow, SessionRecord, Trigger, new_session_id
from herstel.storage.database import Database

START = datetime(2026, 1, 5, 9, 0, tzinfo=timezone(timedelta(hours=1)))
SAFETY_LIMIT = 100_000  # never run forever if the parent forgets us


def main(path: Path, first: int) -> None:
    with Database.open(path) as db:
        for n in range(first, first + SAFETY_LIMIT):
            at = START + timedelta(minutes=n)
            record = SessionRecord(
                new_session_id(), at, "4-6", 300.0, 30, 300.0, 30, EndedHow.COMPLETED, Trigger.CLI
            )
            answered = at + timedelta(minutes=6)
            after = CheckAnswers(
                CheckKind.AFTER, dict.fromkeys(SIGNAL_ITEMS, n % 7), n % 5 + 1, True, answered
            )
            night = NightAnswers(date(2026, 1, 4) + timedelta(days=n % 400), 3, 4, answered)
            db.save_session(record, None, after, night, "answered")
            sys.stdout.write(record.id + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
