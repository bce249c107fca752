"""The sessions table model on a real database file, checked by Qt's model tester and
against plain SQL: paging, sorting, filtering, roles, delete and undo."""

from __future__ import annotations

import random
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from herstel.core.checkin import SIGNAL_ITEMS, CheckAnswers, CheckKind, CheckStatus, SignalLevel
from herstel.core.records import EndedHow, SessionRecord, Trigger
from herstel.storage.database import Database
from herstel.storage.history import HistoryRow, HistoryStore
from herstel.storage.stored import StoredSession
from herstel.ui.history.model import (
    LEVELS_ROLE,
    ROW_ROLE,
    SESSION_ID_ROLE,
    Column,
    SessionTableModel,
)

CET = timezone(timedelta(hours=1))
PATTERNS = ("4-6", "5-5", "4-4-4-4")
DISPLAY = Qt.ItemDataRole.DisplayRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def seed(path: Path, count: int, rng_seed: int = 1) -> None:
    rng = random.Random(rng_seed)
    sessions = []
    start = datetime(2026, 1, 5, 8, 0, tzinfo=CET)
    for _ in range(count):
        at = start + timedelta(minutes=rng.randrange(60 * 24 * 50))
        planned = rng.choice((180.0, 300.0))
        ended = rng.choice(list(EndedHow))
        done = planned if ended is EndedHow.COMPLETED else round(planned * rng.random())
        record = SessionRecord(
            str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            at,
            rng.choice(PATTERNS),
            planned,
            int(planned // 10),
            done,
            int(done // 10),
            ended,
            rng.choice(list(Trigger)),
        )
        status = rng.choice((CheckStatus.ANSWERED, CheckStatus.SKIPPED, CheckStatus.NONE))
        after = None
        if status is CheckStatus.ANSWERED:
            values = {s: rng.randint(0, 6) for s in SIGNAL_ITEMS}
            after = CheckAnswers(CheckKind.AFTER, values, rng.randint(1, 5), True, at)
        sessions.append(StoredSession(record, None, after, status))
    with Database.open(path) as db:
        db.add_imported(sessions, [], [])


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "herstel.sqlite3"
    seed(path, 230)
    return path


@pytest.fixture
def model(db_path: Path) -> Iterator[SessionTableModel]:
    store = HistoryStore(db_path)
    yield SessionTableModel(store, page_size=40, cached_pages=3)
    store.close()


def sql_ids(path: Path, order: str, where: str = "", params: tuple[object, ...] = ()) -> list[str]:
    """The oracle: plain SQL over the whole table."""
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute(
            "SELECT s.id FROM sessions AS s "
            "LEFT JOIN checks AS a ON a.session_id = s.id AND a.kind = 'after' "
            f"{where} ORDER BY {order}",
            params,
        ).fetchall()
    return [r[0] for r in rows]


def model_ids(model: SessionTableModel) -> list[str]:
    return [str(model.data(model.index(r, 0), SESSION_ID_ROLE)) for r in range(model.rowCount())]


# --- Qt's own checks -------------------------------------------------------------------------


def test_model_tester_with_data(qtmodeltester: ModelTester, model: SessionTableModel) -> None:
    qtmodeltester.check(model)
    model.sort(Column.CHANGE, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    model.setFilter(pattern="5-5")
    qtmodeltester.check(model)


def test_model_tester_empty_and_without_a_file(qtmodeltester: ModelTester, tmp_path: Path) -> None:
    empty_path = tmp_path / "empty" / "herstel.sqlite3"
    Database.open(empty_path).close()
    for path in (empty_path, tmp_path / "none" / "herstel.sqlite3"):
        store = HistoryStore(path)
        model = SessionTableModel(store)
        qtmodeltester.check(model)
        assert model.rowCount() == 0
        assert model.data(model.index(0, 0)) is None
        store.close()
    assert not (tmp_path / "none").exists()


# --- paging -------------------------------------------------------------------------------------


def test_rows_come_in_pages_and_only_a_few_are_kept(
    model: SessionTableModel, db_path: Path
) -> None:
    assert model.rowCount() == 230
    assert model.columnCount() == len(Column)
    assert model.page_reads == 0  # counting reads no rows
    model.data(model.index(0, 0))
    assert (model.page_reads, model.cached_rows()) == (1, 40)
    model.data(model.index(39, 3))
    assert model.page_reads == 1
    model.data(model.index(229, 0))  # the oldest row: one page, from the far end
    assert model.page_reads == 2
    assert model_ids(model) == sql_ids(db_path, "s.started_at_utc DESC, s.id DESC")
    assert model.cached_rows() <= 3 * 40


def test_sorting_by_every_column_matches_sql(
    qtbot: QtBot, model: SessionTableModel, db_path: Path
) -> None:
    orders = {
        Column.WHEN: "s.started_at_utc {d}, s.id {d}",
        Column.PATTERN: "s.pattern {d}, s.started_at_utc {d}, s.id {d}",
        Column.LENGTH: "s.done_seconds {d}, s.started_at_utc {d}, s.id {d}",
        Column.ENDED: "s.ended_how {d}, s.started_at_utc {d}, s.id {d}",
        Column.TRIGGER: 's."trigger" {d}, s.started_at_utc {d}, s.id {d}',
        Column.CHANGE: "a.change {d}, s.started_at_utc {d}, s.id {d}",
        Column.SIGNALS: (
            "(a.breathing + a.body + a.head + a.energy + a.muscles + a.mood) {d}, "
            "s.started_at_utc {d}, s.id {d}"
        ),
    }
    for column, template in orders.items():
        for order, word in (
            (Qt.SortOrder.AscendingOrder, "ASC"),
            (Qt.SortOrder.DescendingOrder, "DESC"),
        ):
            with qtbot.waitSignal(model.modelReset, timeout=1000):
                model.sort(column, order)
            assert model_ids(model) == sql_ids(db_path, template.format(d=word)), column


def test_filters_match_sql(qtbot: QtBot, model: SessionTableModel, db_path: Path) -> None:
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.setFilter(pattern="4-4-4-4", trigger=Trigger.REMINDER)
    expected = sql_ids(
        db_path,
        "s.started_at_utc DESC, s.id DESC",
        'WHERE s.pattern = ? AND s."trigger" = ?',
        ("4-4-4-4", "reminder"),
    )
    assert model.rowCount() == len(expected) > 0
    assert model_ids(model) == expected
    model.setFilter(date_from=date(2026, 1, 20), date_to=date(2026, 1, 31))
    expected = sql_ids(
        db_path,
        "s.started_at_utc DESC, s.id DESC",
        "WHERE date(s.started_at_utc, '+60 minutes') BETWEEN '2026-01-20' AND '2026-01-31'",
    )
    assert model_ids(model) == expected
    model.sort(Column.PATTERN, Qt.SortOrder.AscendingOrder)  # the filter stays
    assert sorted(model_ids(model)) == sorted(expected)
    model.setFilter()
    assert model.rowCount() == 230


def test_a_second_identical_sort_does_not_reset(qtbot: QtBot, model: SessionTableModel) -> None:
    with qtbot.assertNotEmitted(model.modelReset):
        model.sort(Column.WHEN, Qt.SortOrder.DescendingOrder)  # already so
    model.sort(99, Qt.SortOrder.AscendingOrder)  # not a column: ignored
    assert model.query.sort.value == "started"


# --- what a cell says ---------------------------------------------------------------------------


def test_roles_of_a_known_session(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    at = datetime(2026, 3, 10, 14, 5, tzinfo=CET)
    record = SessionRecord(
        str(uuid.uuid4()), at, "4-6", 300.0, 30, 250.0, 25, EndedHow.STOPPED, Trigger.REMINDER
    )
    values = dict(zip(SIGNAL_ITEMS, (5, 4, 3, 2, 6, None), strict=True))
    after = CheckAnswers(
        CheckKind.AFTER, {s: v for s, v in values.items() if v is not None}, None, False, at
    )
    with Database.open(path) as db:
        db.save_session(record, None, after, None, "incomplete")
    store = HistoryStore(path)
    model = SessionTableModel(store, today=lambda: date(2026, 3, 12))
    index = model.index(0, Column.WHEN)
    assert model.data(index) == "Tue 10 Mar  14:05"
    assert model.data(index, TOOLTIP) == "Tuesday, 10 March 2026, 14:05"
    assert model.data(index, SESSION_ID_ROLE) == record.id
    row = model.data(index, ROW_ROLE)
    assert isinstance(row, HistoryRow) and row.id == record.id
    assert model.data(model.index(0, Column.PATTERN)) == "4-6"
    assert model.data(model.index(0, Column.LENGTH)) == "5:00 / 4:10"
    assert model.data(model.index(0, Column.LENGTH), ACCESSIBLE) == (
        "Planned 5 min (30 breaths), breathed 4 min 10 s (25 breaths)"
    )
    assert model.data(model.index(0, Column.ENDED)) == "Stopped"
    assert model.data(model.index(0, Column.TRIGGER)) == "Reminder"
    signals = model.index(0, Column.SIGNALS)
    assert model.data(signals) == "5 4 3 2 6 –"
    assert model.data(signals, ACCESSIBLE) == (
        "After: Breathing calm 5, Body light 4, Head clear 3, Energy 2, "
        "Muscles relaxed 6, Mood steady not answered"
    )
    assert model.data(signals, LEVELS_ROLE) == (
        SignalLevel.PRESENT,
        SignalLevel.PRESENT,
        SignalLevel.PARTLY,
        SignalLevel.ABSENT,
        SignalLevel.PRESENT,
        SignalLevel.NOT_ASKED,
    )
    assert model.data(model.index(0, Column.PATTERN), LEVELS_ROLE) is None
    assert model.data(model.index(0, Column.CHANGE)) == ""
    assert model.data(model.index(0, Column.CHANGE), ACCESSIBLE) == "Change not answered"
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is None
    assert model.headerData(Column.LENGTH, Qt.Orientation.Horizontal) == "Planned / done"
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.flags(index) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    store.close()


def test_an_older_year_is_shown(tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    seed(path, 1)
    store = HistoryStore(path)
    model = SessionTableModel(store, today=lambda: date(2027, 2, 1))
    assert str(model.data(model.index(0, 0))).count("2026") == 1
    store.close()


# --- delete and undo against the real file -----------------------------------------------------


def stored_ids(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as conn:
        return {r[0] for r in conn.execute("SELECT id FROM sessions")}


def test_delete_rows_and_undo(qtbot: QtBot, model: SessionTableModel, db_path: Path) -> None:
    model.sort(Column.PATTERN, Qt.SortOrder.AscendingOrder)
    before_ids = model_ids(model)
    rows = [0, 1, 2, 39, 40, 41, 150, 229]  # across pages, both ends
    doomed = {before_ids[r] for r in rows}
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        batch = model.delete_rows(rows)
    assert set(batch.ids) == doomed
    assert model.rowCount() == 222
    assert stored_ids(db_path) == set(before_ids) - doomed
    assert model_ids(model) == [i for i in before_ids if i not in doomed]
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        assert model.undo(batch) == 8
    assert stored_ids(db_path) == set(before_ids)
    assert model_ids(model) == before_ids


def test_deleting_a_long_range_reads_only_ids(model: SessionTableModel, db_path: Path) -> None:
    ids = model.ids_for_rows(range(10, 210))
    assert ids == sql_ids(db_path, "s.started_at_utc DESC, s.id DESC")[10:210]
    assert model.delete_rows([]).ids == ()
    assert model.delete_rows([5000]).ids == ()


def test_a_broken_file_is_reported_not_raised(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "herstel.sqlite3"
    path.write_bytes(b"not a database" * 200)
    store = HistoryStore(path)
    errors: list[str] = []
    model = SessionTableModel(store)
    model.load_failed.connect(errors.append)
    model.refresh()
    assert model.rowCount() == 0
    assert errors and "damaged" in errors[0]


def test_a_rhythm_finder_session_is_named_in_the_table(tmp_path: Path) -> None:
    path = tmp_path / "finder" / "herstel.sqlite3"
    at = datetime(2026, 3, 2, 9, 0, tzinfo=CET)
    record = SessionRecord(
        str(uuid.uuid4()), at, "finder", 608.5, 56, 300.0, 27, EndedHow.STOPPED, Trigger.WINDOW
    )
    with Database.open(path) as db:
        db.save_session(record, None, None, None, CheckStatus.NONE.value)
    store = HistoryStore(path)
    model = SessionTableModel(store)
    index = model.index(0, Column.PATTERN)
    assert model.data(index, DISPLAY) == "Rhythm finder"
    assert model.data(index, ACCESSIBLE) == "Rhythm Rhythm finder"
    store.close()
