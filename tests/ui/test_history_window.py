"""The History window: empty state, filters, delete with undo, export, overview, detail."""

from __future__ import annotations

import io
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, QLocale, QPoint, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QFileDialog, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from herstel.core.checkin import SIGNAL_ITEMS, CheckAnswers, CheckKind, NightAnswers, Signal
from herstel.core.clock import ManualClock
from herstel.core.records import EndedHow, SessionRecord, Trigger
from herstel.storage.database import Database
from herstel.storage.export_stream import export_csv, export_json
from herstel.storage.history import HistoryStore, Overview
from herstel.ui.history.model import Column
from herstel.ui.history.window import UNDO_SECONDS, HistoryWindow

CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 3, 20, 18, 0, tzinfo=CET)

StoreOn = Callable[[Path], HistoryStore]

# QMessageBox fixes its own size; the offscreen test platform cannot pass that on and
# says so. Real platforms (and Xvfb in the e2e tests) have no such warning.
pytestmark = [
    # Exports and the overview run as coroutines on the app's qasync loop.
    pytest.mark.usefixtures("running_loop"),
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)"),
]


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


def session(
    at: datetime,
    *,
    pattern: str = "4-6",
    seconds: float = 300.0,
    trigger: Trigger = Trigger.WINDOW,
    head: int | None = 4,
    before: int | None = None,
) -> tuple[SessionRecord, CheckAnswers | None, CheckAnswers | None]:
    record = SessionRecord(
        str(uuid.uuid4()),
        at,
        pattern,
        seconds,
        int(seconds // 10),
        seconds,
        int(seconds // 10),
        EndedHow.COMPLETED,
        trigger,
    )
    if head is None:
        return record, None, None
    values = dict.fromkeys(SIGNAL_ITEMS, 4) | {Signal.HEAD: head}
    answered = at + timedelta(seconds=seconds + 20)
    after = CheckAnswers(CheckKind.AFTER, values, 4, True, answered)
    first = None
    if before is not None:
        first = CheckAnswers(CheckKind.BEFORE, dict.fromkeys(SIGNAL_ITEMS, before), None, True, at)
    return record, first, after


def save(
    path: Path, *sessions: tuple[SessionRecord, CheckAnswers | None, CheckAnswers | None]
) -> None:
    with Database.open(path) as db:
        for record, before, after in sessions:
            db.save_session(record, before, after, None, "answered" if after else "skipped")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Twelve days: 4-6 by the Start button, 5-5 from reminders, one box session by CLI."""
    path = tmp_path / "data" / "herstel.sqlite3"
    sessions = []
    for k in range(12):
        day = NOW - timedelta(days=11 - k)
        sessions.append(session(day.replace(hour=9), head=5))
        sessions.append(session(day.replace(hour=14), pattern="5-5", trigger=Trigger.REMINDER))
    sessions.append(
        session(NOW - timedelta(hours=2), pattern="4-4-4-4", trigger=Trigger.CLI, head=None)
    )
    save(path, *sessions)
    return path


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(NOW)


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, clock: ManualClock, store_on: StoreOn) -> HistoryWindow:
    win = HistoryWindow(store_on(db_path), clock)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def count_sql(path: Path, where: str = "", params: tuple[object, ...] = ()) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute(f"SELECT count(*) FROM sessions {where}", params).fetchone()[0])


def button(window: HistoryWindow | QMessageBox, text: str) -> QPushButton:
    for candidate in window.findChildren(QPushButton):
        if candidate.text() == text and candidate.isVisible():
            return candidate
    raise AssertionError(f"no visible button {text!r}")


def combo(window: HistoryWindow, name: str) -> QComboBox:
    (found,) = [c for c in window.findChildren(QComboBox) if c.accessibleName() == name]
    return found


def date_edit(window: HistoryWindow, name: str) -> QDateEdit:
    (found,) = [d for d in window.findChildren(QDateEdit) if d.accessibleName() == name]
    return found


# --- empty state -----------------------------------------------------------------------------


def test_a_new_user_sees_a_friendly_empty_state(
    qtbot: QtBot, tmp_path: Path, clock: ManualClock, store_on: StoreOn
) -> None:
    path = tmp_path / "new" / "herstel.sqlite3"
    win = HistoryWindow(store_on(path), clock)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    texts = [label.text() for label in win.findChildren(QLabel) if label.isVisible()]
    assert "No sessions yet." in texts
    assert "Your breathing breaks will appear here, with how you felt afterwards." in texts
    assert not win.table.isVisible()
    assert not any(
        b.text().startswith("Export") and b.isVisible() for b in win.findChildren(QPushButton)
    )
    start = button(win, "Start breathing")
    assert start.accessibleName() == "Start breathing"
    with qtbot.waitSignal(win.start_requested, timeout=1000):
        qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    assert not path.parent.exists()  # looking never creates a database
    save(path, session(NOW - timedelta(minutes=30)))
    win.refresh()  # what the app calls after saving the first session
    assert win.table.isVisible()
    assert win.model.rowCount() == 1


def test_an_unreadable_history_says_so(
    qtbot: QtBot, tmp_path: Path, clock: ManualClock, store_on: StoreOn
) -> None:
    path = tmp_path / "herstel.sqlite3"
    path.write_bytes(b"not a database at all" * 300)
    win = HistoryWindow(store_on(path), clock)
    qtbot.addWidget(win)
    win.show()
    texts = [label.text() for label in win.findChildren(QLabel) if label.isVisible()]
    assert "Your history cannot be read right now." in texts
    assert any("damaged" in text for text in texts)
    assert "No sessions yet." not in texts
    assert not any(
        b.text() == "Start breathing" and b.isVisible() for b in win.findChildren(QPushButton)
    )


# --- filters ---------------------------------------------------------------------------------


def test_filters_change_the_rows(qtbot: QtBot, window: HistoryWindow, db_path: Path) -> None:
    assert window.model.rowCount() == 25
    rhythm = combo(window, "Rhythm")
    assert [rhythm.itemText(i) for i in range(rhythm.count())] == [
        "All rhythms",
        "Rest rhythm 4-6",
        "Coherent 5-5",
        "Box 4-4-4-4",
    ]
    rhythm.setCurrentIndex(rhythm.findData("5-5"))
    assert window.model.rowCount() == count_sql(db_path, "WHERE pattern = '5-5'") == 12
    started = combo(window, "Started from")
    started.setCurrentIndex(started.findData("cli"))
    assert window.model.rowCount() == 0
    assert button(window, "Clear filters").isEnabled()
    assert "No sessions match these filters." in [
        label.text() for label in window.findChildren(QLabel) if label.isVisible()
    ]
    qtbot.mouseClick(button(window, "Clear filters"), Qt.MouseButton.LeftButton)
    assert window.model.rowCount() == 25
    assert window.table.isVisible()

    first, last = date_edit(window, "From date"), date_edit(window, "To date")
    assert first.date() == QDate(2026, 3, 9) and last.date() == QDate(2026, 3, 20)
    first.setDate(QDate(2026, 3, 15))
    last.setDate(QDate(2026, 3, 17))
    assert window.model.rowCount() == 6
    first.setDate(QDate(2026, 3, 19))  # after "to": "to" follows
    assert last.date() == QDate(2026, 3, 19)
    assert window.model.rowCount() == 2
    window.clear_filters()
    assert window.model.rowCount() == 25


def test_sorting_by_a_header_click(qtbot: QtBot, window: HistoryWindow) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.PATTERN) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    patterns = [
        str(window.model.data(window.model.index(r, Column.PATTERN)))
        for r in range(window.model.rowCount())
    ]
    assert patterns in (sorted(patterns), sorted(patterns, reverse=True))
    assert window.model.query.sort.value == "pattern"


# --- detail ----------------------------------------------------------------------------------


def test_the_detail_pane_shows_every_answer(
    qtbot: QtBot, tmp_path: Path, clock: ManualClock, store_on: StoreOn
) -> None:
    path = tmp_path / "herstel.sqlite3"
    record, before, after = session(NOW - timedelta(hours=3), head=6, before=2)
    with Database.open(path) as db:
        night = NightAnswers(date(2026, 3, 19), 3, 5, NOW)
        db.save_session(record, before, after, night, "answered")
    win = HistoryWindow(store_on(path), clock)
    qtbot.addWidget(win)
    win.show()
    win.table.selectRow(0)
    texts = " | ".join(label.text() for label in win.findChildren(QLabel) if label.isVisible())
    assert "Friday, 20 March 2026, 15:00" in texts
    assert "Rest rhythm 4-6" in texts
    assert "Planned 5:00, breathed 5:00 (30 breaths)" in texts
    assert "Head clear" in texts and "2 → 6" in texts and "+4" in texts
    assert "Compared with before the break: a bit better" in texts
    assert "The night before: slept deeply 3, woke rested 5 (of 6)" in texts
    assert button(win, "Delete this session…").isEnabled()


# --- delete and undo -------------------------------------------------------------------------


def undo_offered(window: HistoryWindow) -> bool:
    return window.undo_available


def select_rows(window: HistoryWindow, rows: list[int]) -> None:
    selection = window.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(window.model.index(row, 0), flags)


def test_delete_asks_then_undo_brings_them_back(
    qtbot: QtBot, window: HistoryWindow, db_path: Path
) -> None:
    select_rows(window, [0, 1, 2])
    ids = {window.model.data(window.model.index(r, 0), Qt.ItemDataRole.UserRole) for r in range(3)}
    qtbot.mouseClick(button(window, "Delete 3 sessions…"), Qt.MouseButton.LeftButton)
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    assert box.text() == "Delete 3 sessions?"
    assert count_sql(db_path) == 25  # nothing happens before the answer
    qtbot.mouseClick(button(box, "Delete"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: count_sql(db_path) == 22, timeout=2000)
    assert window.model.rowCount() == 22
    assert undo_offered(window)
    assert "Deleted 3 sessions." in [
        label.text() for label in window.findChildren(QLabel) if label.isVisible()
    ]
    qtbot.mouseClick(button(window, "Undo"), Qt.MouseButton.LeftButton)
    assert count_sql(db_path) == 25
    assert window.model.rowCount() == 25
    back = {window.model.data(window.model.index(r, 0), Qt.ItemDataRole.UserRole) for r in range(3)}
    assert back == ids
    assert not undo_offered(window)


def test_cancel_deletes_nothing(qtbot: QtBot, window: HistoryWindow, db_path: Path) -> None:
    window.table.selectRow(4)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    box = window.findChild(QMessageBox)
    assert box is not None
    assert box.text() == "Delete this session?"
    qtbot.mouseClick(button(box, "Cancel"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is None or not box.isVisible())
    assert count_sql(db_path) == 25
    assert not undo_offered(window)


def test_undo_lasts_ten_seconds_or_until_the_next_action(
    qtbot: QtBot, window: HistoryWindow, db_path: Path
) -> None:
    window.table.selectRow(0)
    first_id = window.model.session_id(0)
    assert first_id is not None
    window.delete_ids([first_id])
    assert undo_offered(window)
    timer = window.sessions_tab._undo_timer
    assert timer.isActive() and timer.interval() == UNDO_SECONDS * 1000
    combo(window, "Rhythm").setCurrentIndex(1)  # the next action
    assert not undo_offered(window) and not timer.isActive()
    assert window.undo_delete() == 0
    assert count_sql(db_path) == 24
    window.clear_filters()
    second = window.model.session_id(0)
    assert second is not None
    window.delete_ids([second])
    timer.timeout.emit()  # ten seconds later
    assert not undo_offered(window)
    assert count_sql(db_path) == 23


# --- export ----------------------------------------------------------------------------------


def expected_export(db_path: Path, kind: str, now: datetime) -> bytes:
    raw = io.BytesIO()
    text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
    if kind == "json":
        export_json(db_path, text, now)
    else:
        export_csv(db_path, text, "sessions")
    text.flush()
    return raw.getvalue()


@pytest.mark.parametrize(("label", "kind"), [("Export JSON…", "json"), ("Export CSV…", "csv")])
def test_export_writes_what_herstel_export_writes(
    qtbot: QtBot,
    window: HistoryWindow,
    db_path: Path,
    clock: ManualClock,
    tmp_path: Path,
    label: str,
    kind: str,
) -> None:
    clock.advance(90)
    qtbot.mouseClick(button(window, label), Qt.MouseButton.LeftButton)
    dialog = window.findChild(QFileDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert dialog.defaultSuffix() == kind
    target = tmp_path / f"out.{kind}"
    with qtbot.waitSignal(window.export_finished, timeout=5000) as finished:
        dialog.selectFile(str(target))
        dialog.accept()
    assert finished.args == [str(target)]
    assert target.read_bytes() == expected_export(db_path, kind, clock.now())
    assert target.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob(".out.*"))  # no temporary file left behind


def test_a_failed_export_says_why(qtbot: QtBot, window: HistoryWindow, tmp_path: Path) -> None:
    with qtbot.waitSignal(window.export_failed, timeout=5000) as failed:
        window.export_to(tmp_path / "missing" / "folder" / "out.json", "json")
    assert str(failed.args[0]).startswith("Could not export: ")


# --- refresh and overview ----------------------------------------------------------------------


def test_refresh_shows_a_session_the_app_just_saved(window: HistoryWindow, db_path: Path) -> None:
    record, before, after = session(NOW - timedelta(minutes=10), pattern="6-6")
    save(db_path, (record, before, after))
    window.refresh()
    assert window.model.rowCount() == 26
    assert window.model.session_id(0) == record.id
    assert combo(window, "Rhythm").findData("6-6") > 0


def test_the_window_reads_through_the_store_it_is_given(
    qtbot: QtBot, db_path: Path, clock: ManualClock, store_on: StoreOn
) -> None:
    """One store, injected: a write through that same instance shows after a refresh,
    in the table and in the overview read on the worker thread."""
    store = store_on(db_path)
    win = HistoryWindow(store, clock)
    qtbot.addWidget(win)
    win.show()
    assert win.store is store
    newest = win.model.session_id(0)
    assert newest is not None
    batch = store.delete([newest])
    win.refresh()
    assert win.model.rowCount() == 24
    with qtbot.waitSignal(win.overview_loaded, timeout=5000):
        win.show_overview()
    overview = loaded(win)
    assert overview is not None and sum(d.sessions for d in overview.days) == 24
    store.restore(batch)
    with qtbot.waitSignal(win.overview_loaded, timeout=5000):
        win.refresh()
    overview = loaded(win)
    assert overview is not None and sum(d.sessions for d in overview.days) == 25
    assert win.model.rowCount() == 25


def test_closing_lets_go_of_the_database_and_showing_reads_again(
    qtbot: QtBot, window: HistoryWindow, db_path: Path
) -> None:
    window.close()
    save(db_path, session(NOW - timedelta(minutes=5)))
    window.show()
    qtbot.waitExposed(window)
    assert window.model.rowCount() == 26


def loaded(window: HistoryWindow) -> Overview | None:
    return window.overview


def test_refresh_keeps_the_chosen_session(window: HistoryWindow, db_path: Path) -> None:
    window.table.selectRow(3)
    chosen = window.model.session_id(3)
    save(db_path, session(NOW - timedelta(minutes=5)))
    window.refresh()
    assert window.selected_rows() == [4]
    assert window.model.session_id(4) == chosen


def test_a_hidden_window_reads_again_when_shown(
    qtbot: QtBot, window: HistoryWindow, db_path: Path
) -> None:
    window.hide()
    save(db_path, session(NOW - timedelta(minutes=5)))
    reads = window.model.page_reads
    window.refresh()  # hidden: nothing is read now
    assert window.model.rowCount() == 25 and window.model.page_reads == reads
    window.show()
    qtbot.waitExposed(window)
    assert window.model.rowCount() == 26


def test_the_overview_loads_in_the_background(qtbot: QtBot, window: HistoryWindow) -> None:
    assert window.overview is None  # nothing is read until the page is shown
    with qtbot.waitSignal(window.overview_loaded, timeout=5000):
        window.show_overview()
    overview = loaded(window)
    assert overview is not None
    assert overview.today == date(2026, 3, 20)
    assert overview.streak == 12
    assert sum(d.sessions for d in overview.days) == 25
    texts = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    assert "Current streak: 12 days" in texts
    # 24 answered checks, all with the head clear: nothing to compare, said honestly.
    assert "Nothing stands out yet" in window.insights_text()
    with qtbot.waitSignal(window.overview_loaded, timeout=5000):
        window.refresh()  # while the overview is showing, it reloads


def test_insights_need_about_ten_checks(
    qtbot: QtBot, tmp_path: Path, clock: ManualClock, store_on: StoreOn
) -> None:
    path = tmp_path / "herstel.sqlite3"
    save(path, *(session(NOW - timedelta(days=k, hours=1)) for k in range(4)))
    win = HistoryWindow(store_on(path), clock)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.overview_loaded, timeout=5000):
        win.show_overview()
    assert win.insights_text() == "Insights appear after about 10 checks."
    assert "So far: 4 answered checks." in [label.text() for label in win.findChildren(QLabel)]


def test_an_insight_is_worded_with_its_counts(
    qtbot: QtBot, tmp_path: Path, clock: ManualClock, store_on: StoreOn
) -> None:
    path = tmp_path / "herstel.sqlite3"
    long = [session(NOW - timedelta(days=k, hours=2), head=5) for k in range(12)]
    short = [session(NOW - timedelta(days=k, hours=5), seconds=180, head=1) for k in range(7)]
    save(path, *long, *short)
    win = HistoryWindow(store_on(path), clock)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.overview_loaded, timeout=5000):
        win.show_overview()
    assert win.insights_text() == (
        "Your head felt clearer after 4-6 sessions of 5 minutes or more than after shorter "
        "ones (present in 12 of 12 checks, against 0 of 7)."
    )
