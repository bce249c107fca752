"""The Data page on a real data folder and SQLite file: folder, export, delete everything.

The page gets the app's history store, never the database path; the store is built
on the real file here, as the app builds it once.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from herstel.core.checkin import SIGNAL_ITEMS, CheckAnswers, CheckKind
from herstel.core.records import EndedHow, SessionRecord, Trigger, new_session_id
from herstel.core.settings import Settings
from herstel.storage.database import Database
from herstel.storage.history import HistoryStore
from herstel.storage.paths import DataPaths
from herstel.ui.settings.data_page import DataSettingsPage
from herstel.ui.settings.dialog import SettingsDialog

pytestmark = [
    # Exports and the overview run as coroutines on the app's qasync loop.
    pytest.mark.usefixtures("running_loop"),
    pytest.mark.qt_log_ignore(r"^This plugin does not support (propagateSizeHints|raise)\(\)$"),
]

NOW = datetime(2026, 5, 4, 10, 30, tzinfo=UTC)


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    data = tmp_path / "data"
    return DataPaths(data_dir=data, config_dir=data, explicit=True)


@pytest.fixture
def store(paths: DataPaths, store_on: Callable[[Path], HistoryStore]) -> HistoryStore:
    return store_on(paths.database)


def fill(path: Path, count: int = 3) -> list[str]:
    ids = []
    with Database.open(path) as db:
        for n in range(count):
            started = NOW - timedelta(days=n)
            record = SessionRecord(
                new_session_id(), started, "4-6", 300.0, 30, 300.0, 30,
                EndedHow.COMPLETED, Trigger.WINDOW,
            )  # fmt: skip
            after = CheckAnswers(CheckKind.AFTER, dict.fromkeys(SIGNAL_ITEMS, 4), 4, True, started)
            db.save_session(record, None, after, None, "answered")
            ids.append(record.id)
        db.record_reminder("scheduled", NOW, "taken", NOW)
    return ids


def sessions_in(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])


class Opened:
    def __init__(self, answer: bool = True) -> None:
        self.urls: list[QUrl] = []
        self.answer = answer

    def __call__(self, url: QUrl) -> bool:
        self.urls.append(url)
        return self.answer


def make_page(
    qtbot: QtBot, paths: DataPaths, store: HistoryStore, opener: Opened | None = None
) -> DataSettingsPage:
    page = DataSettingsPage(Settings(), paths, store, now=lambda: NOW, open_url=opener or Opened())
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_page_shows_the_real_data_folder(
    qtbot: QtBot, paths: DataPaths, store: HistoryStore
) -> None:
    page = make_page(qtbot, paths, store)
    assert page.folder.text() == str(paths.data_dir)
    assert page.folder.isReadOnly()
    assert page.settings_folder.isHidden()  # the settings live in the same folder here


def test_the_settings_folder_is_named_when_it_is_elsewhere(
    qtbot: QtBot, tmp_path: Path, store_on: Callable[[Path], HistoryStore]
) -> None:
    paths = DataPaths(tmp_path / "share", tmp_path / "config", explicit=False)
    page = make_page(qtbot, paths, store_on(paths.database))
    assert page.folder.text() == str(tmp_path / "share")
    assert not page.settings_folder.isHidden()
    assert str(tmp_path / "config") in page.settings_folder.text()


def test_open_the_folder_asks_the_desktop_for_that_folder(
    qtbot: QtBot, paths: DataPaths, store: HistoryStore
) -> None:
    opened = Opened()
    page = make_page(qtbot, paths, store, opened)
    qtbot.mouseClick(page.open_folder, Qt.MouseButton.LeftButton)
    assert opened.urls == [QUrl.fromLocalFile(str(paths.data_dir))]
    assert page.status.isHidden()


def test_a_folder_the_desktop_cannot_open_is_said_calmly(
    qtbot: QtBot, paths: DataPaths, store: HistoryStore
) -> None:
    page = make_page(qtbot, paths, store, Opened(answer=False))
    assert not page.open_data_folder()
    assert not page.status.isHidden()
    assert "path above" in page.status.text()


def test_confirm_and_everything_is_deleted(
    qtbot: QtBot, paths: DataPaths, store: HistoryStore
) -> None:
    ids = fill(paths.database)
    backup = paths.data_dir / "herstel.sqlite3.pre-v2.bak"
    backup.write_bytes(b"an old copy")
    settings_file = paths.settings_file
    settings_file.write_text("{}")
    page = make_page(qtbot, paths, store)
    box = page.confirm_delete()
    text = box.text() + " " + box.informativeText()
    for named in ("session", "checks", "sleep", "reminders", "backup", "settings stay"):
        assert named in text
    assert box.defaultButton() is page.keep_button
    with qtbot.waitSignal(page.data_deleted, timeout=2000):
        qtbot.mouseClick(page.erase_button, Qt.MouseButton.LeftButton)
    assert sessions_in(paths.database) == 0
    assert not backup.exists()
    assert settings_file.exists()
    assert "deleted" in page.status.text()
    data = b"".join(f.read_bytes() for f in paths.data_dir.iterdir() if f.is_file())
    assert not any(session_id.encode() in data for session_id in ids)


def test_keep_my_data_deletes_nothing(qtbot: QtBot, paths: DataPaths, store: HistoryStore) -> None:
    fill(paths.database)
    page = make_page(qtbot, paths, store)
    deleted: list[bool] = []
    page.data_deleted.connect(lambda: deleted.append(True))
    page.confirm_delete()
    qtbot.mouseClick(page.keep_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.confirmation is None)
    assert sessions_in(paths.database) == 3
    assert deleted == []


def test_escape_keeps_the_data_too(qtbot: QtBot, paths: DataPaths, store: HistoryStore) -> None:
    fill(paths.database)
    page = make_page(qtbot, paths, store)
    box = page.confirm_delete()
    qtbot.waitExposed(box)
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.confirmation is None)
    assert sessions_in(paths.database) == 3


def test_a_running_app_carries_on_with_an_empty_history(
    qtbot: QtBot, paths: DataPaths, store: HistoryStore
) -> None:
    fill(paths.database)
    with Database.open(paths.database) as app_db:  # the app's own connection stays open
        assert app_db.session_count() == 3
        page = make_page(qtbot, paths, store)
        assert page.erase_everything()
        assert app_db.session_count() == 0
        record = SessionRecord(
            new_session_id(), NOW, "4-6", 60.0, 6, 60.0, 6, EndedHow.COMPLETED, Trigger.CLI
        )
        app_db.save_session(record, None, None, None, "none")
    assert sessions_in(paths.database) == 1


def test_a_locked_database_deletes_nothing_and_says_so(qtbot: QtBot, paths: DataPaths) -> None:
    fill(paths.database)
    # The store waits this long for another program's write before giving up.
    page = make_page(qtbot, paths, HistoryStore(paths.database, busy_timeout=0.05))
    deleted: list[bool] = []
    page.data_deleted.connect(lambda: deleted.append(True))
    with closing(sqlite3.connect(paths.database, isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")  # another process is in the middle of writing
        assert not page.erase_everything()
        other.execute("ROLLBACK")
    assert sessions_in(paths.database) == 3
    assert deleted == []
    assert page.status.text().startswith("Nothing was deleted")


def test_export_json_writes_the_same_file_as_herstel_export(
    qtbot: QtBot, paths: DataPaths, store: HistoryStore, tmp_path: Path
) -> None:
    ids = fill(paths.database)
    page = make_page(qtbot, paths, store)
    target = tmp_path / "out" / "mine.json"
    target.parent.mkdir()
    with qtbot.waitSignal(page.export_finished, timeout=5000) as done:
        page.export_to(target, "json")
    assert done.args == [str(target)]
    document = json.loads(target.read_text(encoding="utf-8"))
    assert sorted(s["id"] for s in document["sessions"]) == sorted(ids)
    assert str(target) in page.status.text()


def test_export_csv_has_a_row_per_session(
    qtbot: QtBot, paths: DataPaths, store: HistoryStore, tmp_path: Path
) -> None:
    fill(paths.database, count=2)
    page = make_page(qtbot, paths, store)
    target = tmp_path / "mine.csv"
    with qtbot.waitSignal(page.export_finished, timeout=5000):
        page.export_to(target, "csv")
    assert len(target.read_text(encoding="utf-8").strip().splitlines()) == 3  # header + 2


def test_the_export_buttons_open_a_save_dialog_with_a_dated_name(
    qtbot: QtBot, paths: DataPaths, store: HistoryStore
) -> None:
    page = make_page(qtbot, paths, store)
    dialog = page.export("csv")
    try:
        assert dialog.selectedFiles()[0].endswith("herstel-2026-05-04.csv")
    finally:
        dialog.close()


def test_the_dialog_has_a_data_page_and_passes_deletion_on(
    qtbot: QtBot, paths: DataPaths, store: HistoryStore
) -> None:
    fill(paths.database)
    dialog = SettingsDialog(Settings(), paths=paths, store=store)
    qtbot.addWidget(dialog)
    assert dialog.page_titles()[-1] == "Data"
    assert dialog.data is not None
    dialog.show_page(dialog.data)
    assert dialog.restore_button(dialog.data).isHidden()
    with qtbot.waitSignal(dialog.data_deleted, timeout=2000):
        dialog.data.erase_everything()
    assert sessions_in(paths.database) == 0
    assert QApplication.activeModalWidget() is None


def test_the_history_window_and_the_page_share_one_store(
    qtbot: QtBot, paths: DataPaths, store: HistoryStore
) -> None:
    """What the page erases through the app's one store, the History window shows gone."""
    from herstel.core.clock import ManualClock
    from herstel.ui.history.window import HistoryWindow

    fill(paths.database)
    window = HistoryWindow(store, ManualClock(NOW))
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 3
    page = make_page(qtbot, paths, store)
    with qtbot.waitSignal(page.data_deleted, timeout=2000):
        assert page.erase_everything()
    window.refresh()  # what the app does on data_deleted
    assert window.model.rowCount() == 0
    shown = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    assert "No sessions yet." in shown
