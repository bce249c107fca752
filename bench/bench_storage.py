"""Storage budgets (DESIGN §10): a durable save < 50 ms, export of 100,000 sessions < 2 s.

Run: .venv/bin/python bench/bench_storage.py [--sessions N] [--saves N]
Prints each figure with its budget. The database lives in a temporary folder on
the same disk as /tmp, with the real settings (WAL, synchronous=FULL).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from herstel.core.checkin import (
    SIGNAL_ITEMS,
    CheckAnswers,
    CheckKind,
    CheckStatus,
    NightAnswers,
    night_for,
)
from herstel.core.records import EndedHow, SessionRecord, Trigger, new_session_id
from herstel.storage.database import Database
from herstel.storage.export_stream import export_csv, export_json
from herstel.storage.schema import ReminderKind, ReminderOutcome
from herstel.storage.stored import ReminderRecord, StoredSession

ZONE = timezone(timedelta(hours=1))
START = datetime(2020, 1, 6, 9, 0, tzinfo=ZONE)


def _session(rng: random.Random, at: datetime, with_before: bool) -> StoredSession:
    record = SessionRecord(
        new_session_id(), at, "4-6", 300.0, 30, 300.0, 30, EndedHow.COMPLETED, Trigger.WINDOW
    )
    answered = at + timedelta(minutes=6)
    after = CheckAnswers(
        CheckKind.AFTER,
        {s: rng.randint(0, 6) for s in SIGNAL_ITEMS},
        rng.randint(1, 5),
        True,
        answered,
    )
    before = (
        CheckAnswers(CheckKind.BEFORE, {s: rng.randint(0, 6) for s in SIGNAL_ITEMS}, None, True, at)
        if with_before
        else None
    )
    return StoredSession(record, before, after, CheckStatus.ANSWERED)


def bench_save(folder: Path, saves: int) -> None:
    rng = random.Random(1)
    times: list[float] = []
    with Database.open(folder / "save.sqlite3") as db:
        for i in range(saves):
            s = _session(rng, START + timedelta(hours=i), with_before=True)
            assert s.after is not None
            night = NightAnswers(night_for(s.after.answered_at), 4, 3, s.after.answered_at)
            t0 = time.perf_counter()
            db.save_session(s.record, s.before, s.after, night, s.check_status)
            times.append(time.perf_counter() - t0)
    times.sort()
    p99 = times[min(len(times) - 1, round(0.99 * len(times)) - 1)]
    print(f"save session + checks + night ({saves} saves, synchronous=FULL):")
    print(f"  median {statistics.median(times) * 1e3:7.2f} ms   budget < 50 ms")
    print(f"  p99    {p99 * 1e3:7.2f} ms   budget < 50 ms")


def fill(path: Path, count: int) -> None:
    rng = random.Random(2)
    sessions = [
        _session(rng, START + timedelta(hours=3 * i), with_before=i % 2 == 0) for i in range(count)
    ]
    days = count * 3 // 24 + 1
    nights = [
        NightAnswers((START + timedelta(days=d)).date(), 4, 5, START + timedelta(days=d + 1))
        for d in range(days)
    ]
    reminders = [
        ReminderRecord(
            ReminderKind.SCHEDULED,
            START + timedelta(hours=3 * i),
            ReminderOutcome.TAKEN,
            START + timedelta(hours=3 * i, minutes=1),
        )
        for i in range(count)
    ]
    with Database.open(path) as db:
        db.add_imported(sessions, nights, reminders)


def timed(what: str, budget: str, run: Callable[[], None], repeat: int = 3) -> None:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    print(f"  {what:<34} {best * 1e3:8.0f} ms   budget {budget}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="herstel-bench-") as tmp:
        folder = Path(tmp)
        bench_save(folder, args.saves)
        path = folder / "big.sqlite3"
        t0 = time.perf_counter()
        fill(path, args.sessions)
        size = path.stat().st_size / 2**20
        took = time.perf_counter() - t0
        print(
            f"{args.sessions:,} sessions (after-check on all, before-check on half), "
            f"{args.sessions:,} reminders: {size:.1f} MiB, filled in {took:.1f} s"
        )
        now = datetime.now(UTC)

        def to_null(write: Callable[[Path, object], None]) -> Callable[[], None]:
            def run() -> None:
                with open(os.devnull, "w", newline="") as sink:  # noqa: PTH123
                    write(path, sink)

            return run

        timed("export JSON (all tables)", "< 2000 ms", to_null(lambda p, o: export_json(p, o, now)))  # type: ignore[arg-type]
        timed("export CSV (sessions)", "< 2000 ms", to_null(lambda p, o: export_csv(p, o)))  # type: ignore[arg-type]
        timed("Database.open (incl. quick_check)", "(info)", lambda: Database.open(path).close())
        timed("Database.open_readonly", "(info)", lambda: Database.open_readonly(path).close())


if __name__ == "__main__":
    main()
