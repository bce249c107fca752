"""The history's SQL on a real file: paging, sorting and filtering against a plain
oracle, undoable deletes, the chart aggregates and the query plans."""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from herstel.core.checkin import (
    SIGNAL_ITEMS,
    CheckAnswers,
    CheckKind,
    CheckStatus,
    NightAnswers,
    Signal,
    SignalLevel,
    check_day,
)
from herstel.core.records import EndedHow, SessionRecord, Trigger
from herstel.storage import schema
from herstel.storage.connection import DatabaseCorrupt, DatabaseTooNew
from herstel.storage.database import Database
from herstel.storage.history import (
    AdherenceWeek,
    DayTotal,
    HistoryQuery,
    HistoryRow,
    HistoryStore,
    SortColumn,
    current_streak,
    load_overview,
    nearer_end,
    week_start,
    week_totals,
)
from herstel.storage.schema import ReminderKind, ReminderOutcome
from herstel.storage.stored import ReminderRecord, StoredSession

CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))
IST = timezone(timedelta(hours=5, minutes=30))
PATTERNS = ("4-6", "5-5", "3.5-5", "4-4-4-4")


# --- data ---------------------------------------------------------------------------------


def make_session(rng: random.Random, at: datetime, *, pattern: str | None = None) -> StoredSession:
    """A plausible session with a random check (answered, incomplete, skipped, none)."""
    planned = rng.choice((180.0, 300.0, 600.0))
    ended = rng.choice(list(EndedHow))
    done = planned if ended is EndedHow.COMPLETED else round(planned * rng.random(), 1)
    record = SessionRecord(
        str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        at,
        pattern or rng.choice(PATTERNS),
        planned,
        int(planned // 10),
        done,
        int(done // 10),
        ended,
        rng.choice(list(Trigger)),
    )
    status = rng.choice(list(CheckStatus))
    answered = at + timedelta(seconds=done + 30)
    after = before = None
    if status is CheckStatus.ANSWERED:
        after = CheckAnswers(
            CheckKind.AFTER,
            {s: rng.randint(0, 6) for s in SIGNAL_ITEMS},
            rng.randint(1, 5),
            True,
            answered,
        )
    elif status is CheckStatus.INCOMPLETE:
        given = rng.sample(SIGNAL_ITEMS, rng.randint(0, 5))
        after = CheckAnswers(
            CheckKind.AFTER, {s: rng.randint(0, 6) for s in given}, None, False, answered
        )
    if after is not None and rng.random() < 0.4:
        before = CheckAnswers(
            CheckKind.BEFORE, {s: rng.randint(0, 6) for s in SIGNAL_ITEMS}, None, True, at
        )
    return StoredSession(record, before, after, status)


def random_history(path: Path, count: int, seed: int) -> list[StoredSession]:
    """``count`` sessions over two months, in three UTC offsets, some at the same instant."""
    rng = random.Random(seed)
    start = datetime(2026, 2, 20, 0, 0, tzinfo=CET)
    sessions: list[StoredSession] = []
    for _ in range(count):
        zone = rng.choice((CET, CEST, IST))
        minute = rng.randrange(60 * 24 * 60)
        at = (start + timedelta(minutes=minute)).astimezone(zone)
        sessions.append(make_session(rng, at))
    twin = sessions[0].record.started_at  # identical start times: the id decides
    for k in range(1, 4):
        sessions.append(make_session(rng, twin.astimezone(CEST if k % 2 else CET)))
    with Database.open(path) as db:
        db.add_imported(sessions, [], [])
    return sessions


@pytest.fixture(scope="module")
def history_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("history") / "herstel.sqlite3"
    random_history(path, 420, seed=11)
    return path


@pytest.fixture(scope="module")
def store(history_file: Path) -> Iterator[HistoryStore]:
    with_store = HistoryStore(history_file)
    yield with_store
    with_store.close()


# --- the oracle: every row in Python, sorted and filtered by the spec --------------------------


def all_rows(path: Path) -> list[dict[str, Any]]:
    with closing(sqlite3.connect(path)) as conn:
        conn.row_factory = sqlite3.Row
        sessions = [dict(r) for r in conn.execute("SELECT * FROM sessions")]
        checks = {
            (r["session_id"], r["kind"]): dict(r) for r in conn.execute("SELECT * FROM checks")
        }
    for row in sessions:
        after = checks.get((row["id"], "after"))
        answers = [after[s.value] for s in SIGNAL_ITEMS] if after else []
        given = [a for a in answers if a is not None]
        row["mean"] = (sum(given) * 1.0 / len(given)) if given else None
        row["change"] = after["change"] if after else None
        local = datetime.fromisoformat(row["started_at_utc"]) + timedelta(
            minutes=row["utc_offset_minutes"]
        )
        row["local_date"] = local.date()
    return sessions


_ORACLE_KEY = {
    SortColumn.STARTED: None,
    SortColumn.PATTERN: "pattern",
    SortColumn.LENGTH: "done_seconds",
    SortColumn.ENDED: "ended_how",
    SortColumn.TRIGGER: "trigger",
    SortColumn.SIGNALS: "mean",
    SortColumn.CHANGE: "change",
}


def oracle(rows: list[dict[str, Any]], query: HistoryQuery) -> list[str]:
    """Ids in the query's order: SQLite's rules (NULL smallest), ties by start, then id."""
    kept = [
        r
        for r in rows
        if (query.date_from is None or r["local_date"] >= query.date_from)
        and (query.date_to is None or r["local_date"] <= query.date_to)
        and (query.pattern is None or r["pattern"] == query.pattern)
        and (query.trigger is None or r["trigger"] == query.trigger.value)
    ]
    name = _ORACLE_KEY[query.sort]

    def key(r: dict[str, Any]) -> tuple[Any, ...]:
        if name is None:
            return (r["started_at_utc"], r["id"])
        value = r[name]
        return (value is not None, value if value is not None else 0, r["started_at_utc"], r["id"])

    kept.sort(key=key, reverse=query.descending)
    return [r["id"] for r in kept]


def paged_ids(store: HistoryStore, query: HistoryQuery, size: int) -> list[str]:
    ids: list[str] = []
    offset = 0
    total = store.count(query)
    while offset < total:
        page = store.page(query, offset, size)
        assert len(page) == min(size, total - offset)
        ids.extend(r.id for r in page)
        offset += size
    assert store.page(query, total, size) == []
    return ids


# --- paging, sorting, filtering ------------------------------------------------------------------


@pytest.mark.parametrize("sort", list(SortColumn))
@pytest.mark.parametrize("descending", [True, False])
def test_every_sort_pages_like_the_oracle(
    store: HistoryStore, history_file: Path, sort: SortColumn, descending: bool
) -> None:
    query = HistoryQuery(sort=sort, descending=descending)
    expected = oracle(all_rows(history_file), query)
    assert store.count(query) == len(expected) == 423
    assert paged_ids(store, query, 37) == expected  # an odd size crosses every boundary


def test_filters_match_the_oracle(store: HistoryStore, history_file: Path) -> None:
    rows = all_rows(history_file)
    queries = [
        HistoryQuery(pattern="5-5"),
        HistoryQuery(trigger=Trigger.REMINDER),
        HistoryQuery(date_from=date(2026, 3, 1), date_to=date(2026, 3, 10)),
        HistoryQuery(date_from=date(2026, 3, 29)),  # the night the clocks changed
        HistoryQuery(date_to=date(2026, 2, 22)),
        HistoryQuery(
            date_from=date(2026, 3, 5),
            date_to=date(2026, 4, 5),
            pattern="4-6",
            trigger=Trigger.WINDOW,
            sort=SortColumn.CHANGE,
        ),
        HistoryQuery(pattern="no such rhythm"),
    ]
    for query in queries:
        expected = oracle(rows, query)
        assert store.count(query) == len(expected), query
        assert paged_ids(store, query, 50) == expected, query


def test_the_date_filter_uses_each_sessions_own_local_date(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    rng = random.Random(1)
    # 23:30 on 9 March in India is 18:00 UTC; 00:30 on 10 March in CET is 23:30 UTC on the 9th.
    late_india = make_session(rng, datetime(2026, 3, 9, 23, 30, tzinfo=IST))
    early_cet = make_session(rng, datetime(2026, 3, 10, 0, 30, tzinfo=CET))
    with Database.open(path) as db:
        db.add_imported([late_india, early_cet], [], [])
    store = HistoryStore(path)
    ids = [r.id for r in store.page(HistoryQuery(date_from=date(2026, 3, 10)), 0, 10)]
    assert ids == [early_cet.record.id]
    ids = [r.id for r in store.page(HistoryQuery(date_to=date(2026, 3, 9)), 0, 10)]
    assert ids == [late_india.record.id]
    store.close()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sort=st.sampled_from(list(SortColumn)),
    descending=st.booleans(),
    pattern=st.sampled_from([None, *PATTERNS]),
    trigger=st.sampled_from([None, *Trigger]),
    days=st.one_of(st.none(), st.tuples(st.integers(0, 60), st.integers(0, 30))),
    offset=st.integers(0, 450),
    limit=st.integers(0, 120),
)
def test_any_page_of_any_query_is_the_oracles_slice(
    store: HistoryStore,
    history_file: Path,
    sort: SortColumn,
    descending: bool,
    pattern: str | None,
    trigger: Trigger | None,
    days: tuple[int, int] | None,
    offset: int,
    limit: int,
) -> None:
    first = last = None
    if days is not None:
        first = date(2026, 2, 20) + timedelta(days=days[0])
        last = first + timedelta(days=days[1])
    query = HistoryQuery(first, last, pattern, trigger, sort, descending)
    expected = oracle(all_rows(history_file), query)
    assert [r.id for r in store.page(query, offset, limit)] == expected[offset : offset + limit]
    assert store.ids(query, offset, limit) == expected[offset : offset + limit]


@pytest.mark.parametrize(
    "query",
    [
        HistoryQuery(),
        HistoryQuery(descending=False),
        HistoryQuery(sort=SortColumn.CHANGE),
        HistoryQuery(pattern="5-5", descending=False),
    ],
)
def test_the_position_of_a_session(
    store: HistoryStore, history_file: Path, query: HistoryQuery
) -> None:
    expected = oracle(all_rows(history_file), query)
    for index in (0, 1, 17, len(expected) // 2, len(expected) - 1):
        assert store.position(query, expected[index]) == index
    assert store.position(query, "not-a-session") is None
    hidden = next(r["id"] for r in all_rows(history_file) if r["pattern"] != "5-5")
    assert store.position(HistoryQuery(pattern="5-5"), hidden) is None


def test_rows_carry_the_stored_answers(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    at = datetime(2026, 3, 10, 9, 0, tzinfo=CET)
    record = SessionRecord(
        str(uuid.uuid4()), at, "4-6", 300.0, 30, 250.0, 25, EndedHow.STOPPED, Trigger.CLI
    )
    values = {s: k for k, s in enumerate(SIGNAL_ITEMS)}
    after = CheckAnswers(CheckKind.AFTER, values, 4, True, at + timedelta(minutes=5))
    before = CheckAnswers(CheckKind.BEFORE, {Signal.HEAD: 1}, None, False, at)
    with Database.open(path) as db:
        db.save_session(record, before, after, None, "answered")
    store = HistoryStore(path)
    (row,) = store.page(HistoryQuery(), 0, 10)
    assert row == HistoryRow(
        id=record.id,
        started_at_utc="2026-03-10T08:00:00.000000+00:00",
        utc_offset_minutes=60,
        pattern="4-6",
        planned_seconds=300.0,
        planned_breaths=30,
        done_seconds=250.0,
        done_breaths=25,
        ended_how="stopped",
        trigger="cli",
        check_status="answered",
        before=(None, None, 1, None, None, None),
        after=(0, 1, 2, 3, 4, 5),
        change=4,
        after_complete=True,
        after_answered_at=(at + timedelta(minutes=5)).isoformat(),
    )
    assert row.started_at == at
    assert row.changes() == {Signal.HEAD: 1}
    assert store.row(record.id) == row
    assert store.row("missing") is None
    store.close()


def test_the_nearer_end_keeps_the_skipped_part_small() -> None:
    assert nearer_end(1000, 0, 200) == (False, 0, 200)
    assert nearer_end(1000, 800, 200) == (True, 0, 200)  # the oldest page: no offset
    assert nearer_end(1000, 950, 200) == (True, 0, 50)
    assert nearer_end(1000, 400, 200) == (False, 400, 200)
    assert nearer_end(1000, 500, 200) == (True, 300, 200)
    for offset in range(0, 1000, 7):
        _, skipped, _ = nearer_end(1000, offset, 100)
        assert skipped <= 500


def test_query_plans_use_the_index_and_never_sort_the_whole_table(store: HistoryStore) -> None:
    conn = store._connect()  # the plan is what this test is about
    assert conn is not None
    inner = (
        "SELECT s.id AS pid FROM sessions AS s "
        "ORDER BY s.started_at_utc DESC, s.id DESC LIMIT 200 OFFSET 100"
    )
    plan = " | ".join(str(r[3]) for r in conn.execute(f"EXPLAIN QUERY PLAN {inner}"))
    assert "COVERING INDEX sessions_by_start" in plan
    assert "TEMP B-TREE" not in plan
    store.page(HistoryQuery(sort=SortColumn.PATTERN), 0, 10)  # builds the snapshot
    page = "SELECT id FROM temp.history_order WHERE pos > 100 AND pos <= 300 ORDER BY pos"
    plan = " | ".join(str(r[3]) for r in conn.execute(f"EXPLAIN QUERY PLAN {page}"))
    assert "INTEGER PRIMARY KEY" in plan
    assert "TEMP B-TREE" not in plan


def test_the_default_view_needs_no_snapshot_and_others_build_one_once(
    store: HistoryStore,
) -> None:
    assert not store.uses_snapshot(HistoryQuery())
    assert store.uses_snapshot(HistoryQuery(pattern="4-6"))
    assert store.uses_snapshot(HistoryQuery(descending=False, sort=SortColumn.LENGTH))


def test_user_text_is_never_sql(store: HistoryStore) -> None:
    evil = "4-6'; DROP TABLE sessions; --"
    assert store.count(HistoryQuery(pattern=evil)) == 0
    assert store.page(HistoryQuery(pattern=evil), 0, 10) == []
    assert store.count() == 423
    with pytest.raises(ValueError):
        HistoryQuery(sort="started_at_utc; DROP TABLE sessions")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        HistoryQuery(trigger="tray")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="date_from"):
        HistoryQuery(date_from=date(2026, 3, 2), date_to=date(2026, 3, 1))


def test_patterns_and_span(store: HistoryStore, history_file: Path) -> None:
    rows = all_rows(history_file)
    patterns = store.distinct_patterns()
    assert sorted(p for p, _ in patterns) == sorted(PATTERNS)
    assert sum(n for _, n in patterns) == len(rows)
    assert [n for _, n in patterns] == sorted((n for _, n in patterns), reverse=True)
    first, last = store.date_span() or (None, None)
    by_time = sorted(rows, key=lambda r: (r["started_at_utc"], r["id"]))
    assert (first, last) == (by_time[0]["local_date"], by_time[-1]["local_date"])
    count, seconds = store.totals()
    assert count == len(rows)
    assert seconds == pytest.approx(sum(r["done_seconds"] for r in rows))


# --- the file's state ---------------------------------------------------------------------


def test_no_file_is_an_empty_history_and_nothing_is_created(tmp_path: Path) -> None:
    path = tmp_path / "new" / "herstel.sqlite3"
    store = HistoryStore(path)
    assert not store.exists
    assert store.count() == 0
    assert store.page(HistoryQuery(), 0, 10) == []
    assert store.page(HistoryQuery(pattern="4-6"), 0, 10) == []
    assert store.ids(HistoryQuery(), 0, 10) == []
    assert store.distinct_patterns() == []
    assert store.date_span() is None
    assert store.totals() == (0, 0.0)
    assert store.day_totals(date(2026, 3, 1), date(2026, 3, 3))[0] == DayTotal(
        date(2026, 3, 1), 0.0, 0
    )
    assert store.streak(date(2026, 3, 3)) == 0
    assert store.group_stats() == []
    assert store.recent_levels() == []
    assert store.delete(["x"]).ids == ()
    assert not path.parent.exists()
    store.close()


def test_a_damaged_file_is_reported_as_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseCorrupt):
        HistoryStore(path).count()


def test_a_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    Database.open(path).close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew):
        HistoryStore(path).count()
    assert path.read_bytes() == before


def test_an_older_database_is_migrated_first(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        schema.migrate(conn, 1)
    store = HistoryStore(path)
    assert store.count() == 0
    assert store.adherence_weeks(date(2026, 3, 2), date(2026, 3, 2)) == [
        AdherenceWeek(date(2026, 3, 2))
    ]
    store.close()


def test_another_connections_commit_is_seen_without_a_refresh(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    random_history(path, 30, seed=3)
    store = HistoryStore(path)
    query = HistoryQuery(sort=SortColumn.PATTERN)
    assert store.count(query) == 33
    first = store.page(query, 0, 5)
    rng = random.Random(9)
    with Database.open(path) as db:  # the app saving a session meanwhile
        new = make_session(rng, datetime(2026, 4, 30, 12, 0, tzinfo=CET), pattern="3.5-5")
        db.save_session(new.record, new.before, new.after, None, new.check_status)
    assert store.count(query) == 34
    assert store.count() == 34
    assert new.record.id in [r.id for r in store.page(query, 0, 34)]
    assert new.record.id not in [r.id for r in first]
    store.close()


# --- delete and undo -----------------------------------------------------------------------


def dump(path: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    with closing(sqlite3.connect(path)) as conn:
        return (
            conn.execute("SELECT * FROM sessions ORDER BY id").fetchall(),
            conn.execute("SELECT * FROM checks ORDER BY session_id, kind").fetchall(),
            conn.execute("SELECT * FROM nights ORDER BY night").fetchall(),
        )


def test_delete_then_restore_gives_back_exactly_what_was_there(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    sessions = random_history(path, 60, seed=5)
    with Database.open(path) as db:
        db.save_session(
            sessions[0].record,
            sessions[0].before,
            sessions[0].after,
            NightAnswers(date(2026, 2, 19), 3, 4, sessions[0].record.started_at),
            sessions[0].check_status,
        )
    original = dump(path)
    store = HistoryStore(path)
    doomed = [s.record.id for s in sessions[:25]] + ["not-there", sessions[3].record.id]
    batch = store.delete(doomed)
    assert len(batch) == 25
    assert set(batch.ids) == {s.record.id for s in sessions[:25]}
    with_checks = {s.record.id for s in sessions[:25] if s.after or s.before}
    assert {row[0] for row in batch.checks} == with_checks
    sessions_left, checks_left, nights_left = dump(path)
    assert len(sessions_left) == 63 - 25
    assert not {row[0] for row in checks_left} & set(batch.ids)
    assert nights_left == original[2]  # a night belongs to the night, not the session
    assert store.count() == 38
    assert store.restore(batch) == 25
    assert dump(path) == original
    assert store.count() == 63
    assert store.restore(batch) == 0  # already back: nothing changes
    assert dump(path) == original
    store.close()


def test_a_failed_restore_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    random_history(path, 10, seed=6)
    store = HistoryStore(path)
    ids = store.ids(HistoryQuery(), 0, 4)
    batch = store.delete(ids)
    after_delete = dump(path)
    orphan = (str(uuid.uuid4()), "after", "2026-03-01T09:00:00+01:00", 0, *[None] * 7)
    broken = type(batch)(batch.sessions, (*batch.checks, orphan))  # a check of no session
    with pytest.raises(sqlite3.IntegrityError):
        store.restore(broken)
    assert dump(path) == after_delete
    store.close()


# --- days, weeks and the streak ------------------------------------------------------------


def test_day_totals_follow_check_days_in_each_sessions_offset(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    rng = random.Random(2)
    moments = [
        datetime(2026, 3, 10, 3, 59, tzinfo=CET),  # before 04:00: the 9th
        datetime(2026, 3, 10, 4, 0, tzinfo=CET),  # the 10th
        datetime(2026, 3, 11, 1, 30, tzinfo=CET),  # after midnight: still the 10th
        datetime(2026, 3, 10, 23, 0, tzinfo=IST),  # India, late evening: the 10th
        datetime(2026, 3, 12, 12, 0, tzinfo=CEST),
    ]
    sessions = [make_session(rng, m) for m in moments]
    with Database.open(path) as db:
        db.add_imported(sessions, [], [])
    store = HistoryStore(path)
    totals = store.day_totals(date(2026, 3, 8), date(2026, 3, 12))
    assert [t.day for t in totals] == [date(2026, 3, d) for d in range(8, 13)]
    assert [t.sessions for t in totals] == [0, 1, 3, 0, 1]
    seconds = [s.record.done_seconds for s in sessions]
    assert totals[2].seconds == pytest.approx(seconds[1] + seconds[2] + seconds[3])
    for session in sessions:
        day = check_day(session.record.started_at)
        assert any(t.day == day and t.sessions for t in totals)
    assert store.breathing_days(date(2026, 3, 8), date(2026, 3, 12)) == {
        date(2026, 3, 9),
        date(2026, 3, 10),
        date(2026, 3, 12),
    }
    weeks = week_totals(totals)
    assert [w.week for w in weeks] == [date(2026, 3, 2), date(2026, 3, 9)]
    assert [w.sessions for w in weeks] == [0, 5]
    store.close()


def test_the_streak_is_alive_until_today_ends() -> None:
    today = date(2026, 3, 20)
    days = {today - timedelta(days=k) for k in range(1, 6)}
    assert current_streak(days, today) == 5  # nothing yet today: yesterday's streak counts
    assert current_streak(days | {today}, today) == 6
    assert current_streak(days - {today - timedelta(days=1)}, today) == 0
    assert current_streak(set(), today) == 0


def test_a_long_streak_is_read_further_back(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    rng = random.Random(4)
    today = date(2026, 6, 30)
    sessions = [
        make_session(rng, datetime.combine(today - timedelta(days=k), time(9), tzinfo=CEST))
        for k in range(150)  # 150 days in a row
    ]
    sessions.append(
        make_session(rng, datetime.combine(today - timedelta(days=152), time(9), tzinfo=CEST))
    )
    with Database.open(path) as db:
        db.add_imported(sessions, [], [])
    store = HistoryStore(path)
    assert store.streak(today) == 150
    known = store.breathing_days(today - timedelta(days=20), today)
    assert store.streak(today, known=known, known_from=today - timedelta(days=20)) == 150
    assert store.streak(today + timedelta(days=1)) == 150
    assert store.streak(today + timedelta(days=2)) == 0
    store.close()


# --- signals, reminders, insights ----------------------------------------------------------


def test_signal_weeks_mean_after_before_change_and_sleep(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    monday = date(2026, 3, 9)
    records = []
    checks: list[tuple[CheckAnswers | None, CheckAnswers | None]] = [
        (
            None,
            CheckAnswers(
                CheckKind.AFTER,
                dict.fromkeys(SIGNAL_ITEMS, 4),
                4,
                True,
                datetime(2026, 3, 10, 9, 5, tzinfo=CET),
            ),
        ),
        (
            CheckAnswers(
                CheckKind.BEFORE,
                dict.fromkeys(SIGNAL_ITEMS, 1),
                None,
                True,
                datetime(2026, 3, 12, 9, 0, tzinfo=CET),
            ),
            CheckAnswers(
                CheckKind.AFTER,
                dict.fromkeys(SIGNAL_ITEMS, 2),
                3,
                True,
                datetime(2026, 3, 12, 9, 5, tzinfo=CET),
            ),
        ),
        # Answered at 03:00 on Monday 16th: still Sunday the 15th's check-day.
        (
            None,
            CheckAnswers(
                CheckKind.AFTER,
                {Signal.HEAD: 6},
                None,
                False,
                datetime(2026, 3, 16, 3, 0, tzinfo=CET),
            ),
        ),
    ]
    rng = random.Random(8)
    with Database.open(path) as db:
        for before, after in checks:
            assert after is not None
            at = after.answered_at - timedelta(minutes=5)
            record = make_session(rng, at).record
            records.append(record)
            status = "answered" if after.complete else "incomplete"
            db.save_session(record, before, after, None, status)
        db.save_session(
            make_session(rng, datetime(2026, 3, 11, 9, 0, tzinfo=CET)).record,
            None,
            None,
            NightAnswers(date(2026, 3, 10), 2, 5, datetime(2026, 3, 11, 9, 0, tzinfo=CET)),
            "skipped",
        )
    store = HistoryStore(path)
    weeks = store.signal_weeks(monday, monday + timedelta(days=7))
    assert [w.week for w in weeks] == [monday, monday + timedelta(days=7)]
    this = weeks[0]
    assert this.after[Signal.BREATHING] == pytest.approx(3.0)
    assert this.after_count[Signal.BREATHING] == 2
    assert this.after[Signal.HEAD] == pytest.approx((4 + 2 + 6) / 3)
    assert this.after_count[Signal.HEAD] == 3
    assert this.before[Signal.MOOD] == pytest.approx(1.0)
    assert this.before_count[Signal.MOOD] == 1
    assert this.change[Signal.ENERGY] == pytest.approx(1.0)
    assert this.change_count[Signal.ENERGY] == 1
    assert this.after[Signal.SLEEP] == pytest.approx(3.5)
    assert this.after_count[Signal.SLEEP] == 1
    assert weeks[1].after[Signal.BREATHING] is None
    assert weeks[1].after_count[Signal.HEAD] == 0
    store.close()


def test_adherence_counts_each_outcome_per_week(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    outcomes = [
        (datetime(2026, 3, 9, 10, 0, tzinfo=CET), ReminderOutcome.TAKEN),
        (datetime(2026, 3, 10, 10, 0, tzinfo=CET), ReminderOutcome.TAKEN),
        (datetime(2026, 3, 11, 10, 0, tzinfo=CET), ReminderOutcome.SNOOZED),
        (datetime(2026, 3, 15, 16, 0, tzinfo=CET), ReminderOutcome.SKIPPED),
        (datetime(2026, 3, 16, 2, 0, tzinfo=CET), ReminderOutcome.MISSED),  # Sunday's check-day
        (datetime(2026, 3, 17, 10, 0, tzinfo=CET), ReminderOutcome.MISSED),
    ]
    reminders = [
        ReminderRecord(ReminderKind.SCHEDULED, due, outcome, due + timedelta(minutes=2))
        for due, outcome in outcomes
    ]
    with Database.open(path) as db:
        db.add_imported([], [], reminders)
    store = HistoryStore(path)
    weeks = store.adherence_weeks(date(2026, 3, 4), date(2026, 3, 18))
    assert weeks == [
        AdherenceWeek(date(2026, 3, 2)),
        AdherenceWeek(date(2026, 3, 9), taken=2, snoozed=1, skipped=1, missed=1),
        AdherenceWeek(date(2026, 3, 16), missed=1),
    ]
    assert weeks[1].total == 5
    store.close()


def test_adherence_counts_waits_and_natural_breaks_per_week(tmp_path: Path) -> None:
    from herstel.core.room import Episode, Sense

    path = tmp_path / "herstel.sqlite3"
    monday = datetime(2026, 3, 9, 10, 0, tzinfo=CET)
    with Database.open(path) as db:
        for start, reason in (
            (monday, Sense.CALL),
            (monday + timedelta(days=1), Sense.FULL_SCREEN),
            (monday + timedelta(days=2), Sense.AWAY),
            (monday + timedelta(days=7), Sense.DO_NOT_DISTURB),
        ):
            due = None if reason is Sense.AWAY else start
            kind = None if reason is Sense.AWAY else "scheduled"
            db.record_wait(Episode(reason, start, start + timedelta(minutes=9), kind, due))
    store = HistoryStore(path)
    weeks = store.adherence_weeks(date(2026, 3, 4), date(2026, 3, 18))
    assert weeks == [
        AdherenceWeek(date(2026, 3, 2)),
        AdherenceWeek(date(2026, 3, 9), waited=2, natural_breaks=1),
        AdherenceWeek(date(2026, 3, 16), waited=1),
    ]
    assert weeks[1].total == 0  # waits are not reminder outcomes
    store.close()


def test_group_stats_count_answered_checks_per_rhythm_and_length(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    rng = random.Random(12)
    sessions = random_history(path, 200, seed=13)
    del rng
    store = HistoryStore(path)
    groups = {(g.pattern, g.long): g for g in store.group_stats()}
    expected: dict[tuple[str, bool], list[StoredSession]] = {}
    for s in sessions:
        after = s.after
        if after is None or (not after.values and after.change is None):
            continue  # skipped, none, or left before answering anything
        key = (s.record.pattern, s.record.done_seconds >= 300)
        expected.setdefault(key, []).append(s)
    assert set(groups) == set(expected)
    for key, members in expected.items():
        group = groups[key]
        assert group.checks == len(members)
        for signal in SIGNAL_ITEMS:
            answered = [
                m.after.values[signal] for m in members if m.after and signal in m.after.values
            ]
            assert group.answered[signal] == len(answered)
            assert group.present[signal] == sum(v >= 4 for v in answered)
    store.close()


def test_recent_levels_newest_first(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    rng = random.Random(14)
    with Database.open(path) as db:
        for k, value in enumerate((0, 6)):
            at = datetime(2026, 3, 10 + k, 9, 0, tzinfo=CET)
            record = make_session(rng, at).record
            after = CheckAnswers(CheckKind.AFTER, dict.fromkeys(SIGNAL_ITEMS, value), 3, True, at)
            db.save_session(record, None, after, None, "answered")
    store = HistoryStore(path)
    levels = store.recent_levels(5)
    assert [lv[Signal.HEAD] for lv in levels] == [SignalLevel.PRESENT, SignalLevel.ABSENT]
    store.close()


def test_the_overview_in_one_call(store: HistoryStore, history_file: Path) -> None:
    today = date(2026, 4, 20)
    overview = load_overview(store, today)
    first = overview.days[0].day
    in_range = [
        r
        for r in all_rows(history_file)
        if first
        <= check_day(
            datetime.fromisoformat(r["started_at_utc"]) + timedelta(minutes=r["utc_offset_minutes"])
        )
        <= today
    ]
    assert overview.today == today
    assert overview.days[-1].day == today
    assert overview.days[0].day == week_start(overview.days[0].day)
    assert len(overview.last_days) == 30
    assert overview.signals[0].week == overview.days[0].day
    assert overview.adherence[-1].week == week_start(today)
    assert sum(d.sessions for d in overview.days) == len(in_range) > 0
    assert sum(w.sessions for w in overview.weeks) == sum(d.sessions for d in overview.days)
    assert overview.groups


# --- serving a worker thread -------------------------------------------------------------------


def test_the_overview_and_an_export_run_on_a_worker_thread(
    store: HistoryStore, history_file: Path, tmp_path: Path
) -> None:
    """Off the UI thread the store opens a connection of its own; its own stays untouched."""
    today = date(2026, 4, 20)
    store.count()  # the store's connection is open, on this thread
    with ThreadPoolExecutor(max_workers=1) as worker:
        overview = worker.submit(store.overview, today).result()
        target = tmp_path / "out.json"
        written = worker.submit(store.export, target, "json", "2026-04-20T12:00:00+00:00").result()
    assert overview == load_overview(store, today)
    assert written == target.stat().st_size
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert len(exported["sessions"]) == store.count() > 0


def test_erase_all_empties_the_history_the_store_reads(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    stored = random_history(path, 12, seed=3)
    backup = tmp_path / "herstel.sqlite3.pre-v2.bak"
    backup.write_bytes(b"an old copy")
    store = HistoryStore(path)
    try:
        assert store.count() == len(stored) > 0
        assert store.erase_all() == [backup]
        assert store.count() == 0
        assert not backup.exists()
    finally:
        store.close()
