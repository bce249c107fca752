"""The sessions table of the history: a lazy Qt model over ``HistoryStore``.

``rowCount`` is an SQL ``count``; ``data`` loads the page of ``PAGE_SIZE`` rows
around the row asked for and keeps the last few pages (an LRU), so a view over
100,000 sessions never holds more than ``cached_pages × PAGE_SIZE`` rows and
jumping to the oldest row costs one page read. Sorting (``sort``, called when a
header is clicked) and filtering (``setFilter``) happen in SQL and reset the
model. Every text a cell shows is formatted once, when its page is read.

The human words for the stored values (signals, how a session ended, what
started it, the change item) live here too, so the table, the detail pane and
the charts say the same thing.
"""

from __future__ import annotations

import logging
import sqlite3
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import IntEnum
from typing import Final

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)

from herstel.core.checkin import SIGNAL_ITEMS, SignalLevel, level
from herstel.core.records import EndedHow, Trigger
from herstel.storage.connection import StorageError
from herstel.storage.history import (
    PAGE_SIZE,
    DeletedBatch,
    HistoryQuery,
    HistoryRow,
    HistoryStore,
    SortColumn,
)
from herstel.ui.checkin.texts import signal_name
from herstel.ui.common.i18n import fill
from herstel.ui.session.pattern_texts import session_rhythm_label

log = logging.getLogger(__name__)

SESSION_ID_ROLE: Final = int(Qt.ItemDataRole.UserRole)
"""data() of any cell in a row: the session's id (str)."""
ROW_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 1
"""data() of any cell in a row: the whole ``HistoryRow``."""
LEVELS_ROLE: Final = int(Qt.ItemDataRole.UserRole) + 2
"""data() of the signals cell: the six after-check levels (``SignalLevel``) or None."""

STORAGE_ERRORS: Final = (sqlite3.Error, StorageError, OSError)
"""What reading or changing the history can raise; the windows say why, never crash."""

CACHED_PAGES: Final = 6


class Column(IntEnum):
    """The table's columns, in order."""

    WHEN = 0
    PATTERN = 1
    LENGTH = 2
    ENDED = 3
    TRIGGER = 4
    SIGNALS = 5
    CHANGE = 6


SORT_BY_COLUMN: Final[dict[Column, SortColumn]] = {
    Column.WHEN: SortColumn.STARTED,
    Column.PATTERN: SortColumn.PATTERN,
    Column.LENGTH: SortColumn.LENGTH,
    Column.ENDED: SortColumn.ENDED,
    Column.TRIGGER: SortColumn.TRIGGER,
    Column.SIGNALS: SortColumn.SIGNALS,
    Column.CHANGE: SortColumn.CHANGE,
}
COLUMN_BY_SORT: Final[dict[SortColumn, Column]] = {v: k for k, v in SORT_BY_COLUMN.items()}


# --- words ----------------------------------------------------------------------------------


_WORDS: Final = "HistoryText"
"""The translation context of the words below (marked for lupdate, translated on use)."""

_LEVEL_NAMES: Final[dict[SignalLevel, object]] = {
    SignalLevel.PRESENT: QT_TRANSLATE_NOOP("HistoryText", "present"),
    SignalLevel.PARTLY: QT_TRANSLATE_NOOP("HistoryText", "partly"),
    SignalLevel.ABSENT: QT_TRANSLATE_NOOP("HistoryText", "absent"),
    SignalLevel.NOT_ASKED: QT_TRANSLATE_NOOP("HistoryText", "not answered"),
}
_ENDED: Final[dict[str, object]] = {
    EndedHow.COMPLETED.value: QT_TRANSLATE_NOOP("HistoryText", "Completed"),
    EndedHow.STOPPED.value: QT_TRANSLATE_NOOP("HistoryText", "Stopped"),
    EndedHow.DIZZY.value: QT_TRANSLATE_NOOP("HistoryText", "Felt dizzy"),
}
_TRIGGERS: Final[dict[str, object]] = {
    Trigger.WINDOW.value: QT_TRANSLATE_NOOP("HistoryText", "Start button"),
    Trigger.REMINDER.value: QT_TRANSLATE_NOOP("HistoryText", "Reminder"),
    Trigger.CLI.value: QT_TRANSLATE_NOOP("HistoryText", "Command line"),
}
_CHANGES: Final[dict[int, object]] = {
    1: QT_TRANSLATE_NOOP("HistoryText", "Much worse"),
    2: QT_TRANSLATE_NOOP("HistoryText", "A bit worse"),
    3: QT_TRANSLATE_NOOP("HistoryText", "The same"),
    4: QT_TRANSLATE_NOOP("HistoryText", "A bit better"),
    5: QT_TRANSLATE_NOOP("HistoryText", "Much better"),
}


def _word(text: object) -> str:
    """A marked text, translated now (QT_TRANSLATE_NOOP hands back the text itself)."""
    return QCoreApplication.translate(_WORDS, str(text))


def level_name(value: SignalLevel) -> str:
    return _word(_LEVEL_NAMES[value])


def ended_text(ended_how: str) -> str:
    """How a session ended, in words (an unknown stored value is shown as it is)."""
    known = _ENDED.get(ended_how)
    return ended_how if known is None else _word(known)


def trigger_text(trigger: str) -> str:
    """What started a session, in words."""
    known = _TRIGGERS.get(trigger)
    return trigger if known is None else _word(known)


def change_text(change: int | None) -> str:
    """The global change answer in words; empty when not answered."""
    if change is None:
        return ""
    known = _CHANGES.get(change)
    return str(change) if known is None else _word(known)


def clock_text(seconds: float) -> str:
    """``m:ss`` (rounded to whole seconds)."""
    whole = max(0, round(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def duration_text(seconds: float) -> str:
    """A spoken length: "4 min 10 s", "5 min", "40 s"."""
    whole = max(0, round(seconds))
    minutes, rest = divmod(whole, 60)
    if minutes and rest:
        text = QCoreApplication.translate("HistoryText", "{minutes} min {seconds} s")
        return fill(text, minutes=minutes, seconds=rest)
    if minutes:
        return fill(QCoreApplication.translate("HistoryText", "{minutes} min"), minutes=minutes)
    return fill(QCoreApplication.translate("HistoryText", "{seconds} s"), seconds=rest)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_text(day: date, locale: QLocale | None = None, *, year: bool = True) -> str:
    """ "Tue 25 Nov 2026" (or "Tue 25 Nov" without the year) in the user's language."""
    loc = locale or QLocale()
    return loc.toString(qdate(day), "ddd d MMM yyyy" if year else "ddd d MMM")


def time_text(moment: datetime, locale: QLocale | None = None) -> str:
    loc = locale or QLocale()
    return loc.toString(
        QTime(moment.hour, moment.minute), loc.timeFormat(QLocale.FormatType.ShortFormat)
    )


def answers_text(values: Sequence[int | None] | None) -> str:
    """ "Breathing calm 5, Body light 4, …" for six answers (None: not answered)."""
    if values is None:
        return ""
    missing = _word(_LEVEL_NAMES[SignalLevel.NOT_ASKED])
    return ", ".join(
        f"{signal_name(signal)} {missing if value is None else value}"
        for signal, value in zip(SIGNAL_ITEMS, values, strict=True)
    )


# --- the model --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Cells:
    """A row with every text the table shows, formatted once when its page is read."""

    row: HistoryRow
    display: tuple[str, ...]
    tooltip: tuple[str, ...]
    accessible: tuple[str, ...]
    levels: tuple[SignalLevel, ...] | None


class SessionTableModel(QAbstractTableModel):
    """Sessions, newest first, read from SQL a page at a time."""

    load_failed = Signal(str)
    """A page or count could not be read; the text says why (the table shows what it has)."""

    def __init__(
        self,
        store: HistoryStore,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
        cached_pages: int = CACHED_PAGES,
        today: Callable[[], date] | None = None,
    ) -> None:
        """``today`` tells the current year (dates in it are shown without the year)."""
        super().__init__(parent)
        self._today = today
        if page_size < 1 or cached_pages < 1:
            raise ValueError("page_size and cached_pages must be positive")
        self._store = store
        self._query = HistoryQuery()
        self._page_size = page_size
        self._cached_pages = cached_pages
        self._pages: OrderedDict[int, list[_Cells]] = OrderedDict()
        self._count = self._read_count()
        self.page_reads = 0
        """How many pages were read from SQL (for tests and the bench)."""

    # --- what is shown ---

    @property
    def query(self) -> HistoryQuery:
        return self._query

    @property
    def store(self) -> HistoryStore:
        return self._store

    def cached_rows(self) -> int:
        """Rows currently held in memory."""
        return sum(len(p) for p in self._pages.values())

    def setFilter(  # Qt-style name, like sort()
        self,
        *,
        date_from: date | None = None,
        date_to: date | None = None,
        pattern: str | None = None,
        trigger: Trigger | None = None,
    ) -> None:
        """Show only matching sessions (SQL WHERE); the order stays. Resets the model."""
        query = replace(
            self._query, date_from=date_from, date_to=date_to, pattern=pattern, trigger=trigger
        )
        self._set_query(query)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL (resets the model)."""
        try:
            sort = SORT_BY_COLUMN[Column(column)]
        except ValueError:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self._set_query(replace(self._query, sort=sort, descending=descending))

    def refresh(self) -> None:
        """Read everything again (after a save by the app, or an undo)."""
        self._set_query(self._query, force=True)

    def _set_query(self, query: HistoryQuery, *, force: bool = False) -> None:
        if query == self._query and not force:
            return
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._count = self._read_count()
        self.endResetModel()

    def _read_count(self) -> int:
        try:
            return self._store.count(self._query)
        except STORAGE_ERRORS as error:
            self._failed(error)
            return 0

    def _failed(self, error: BaseException) -> None:
        log.error("history: cannot read sessions: %s", error)
        self.load_failed.emit(str(error))

    # --- rows ---

    def _cells(self, row: int) -> _Cells | None:
        if not 0 <= row < self._count:
            return None
        number, within = divmod(row, self._page_size)
        page = self._pages.get(number)
        if page is None:
            try:
                rows = self._store.page(self._query, number * self._page_size, self._page_size)
            except STORAGE_ERRORS as error:
                self._failed(error)
                return None
            self.page_reads += 1
            locale = QLocale()
            year = self._today().year if self._today is not None else None
            page = [self._format(r, locale, year) for r in rows]
            self._pages[number] = page
            while len(self._pages) > self._cached_pages:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[within] if within < len(page) else None

    def row_at(self, row: int) -> HistoryRow | None:
        """The session shown in ``row`` (None outside the table)."""
        cells = self._cells(row)
        return None if cells is None else cells.row

    def row_of(self, session_id: str) -> int | None:
        """The row showing a session, or None when the filter hides it."""
        try:
            return self._store.position(self._query, session_id)
        except STORAGE_ERRORS as error:
            self._failed(error)
            return None

    def session_id(self, row: int) -> str | None:
        cells = self._cells(row)
        return None if cells is None else cells.row.id

    def _format(self, row: HistoryRow, locale: QLocale, year: int | None) -> _Cells:
        started = row.started_at
        day = date_text(started.date(), locale, year=started.year != year)
        when = f"{day}  {time_text(started, locale)}"
        length = f"{clock_text(row.planned_seconds)} / {clock_text(row.done_seconds)}"
        ended = ended_text(row.ended_how)
        trigger = trigger_text(row.trigger)
        levels: tuple[SignalLevel, ...] | None = None
        if row.after is not None:
            levels = tuple(level(v) for v in row.after)
            signals = " ".join("–" if v is None else str(v) for v in row.after)
            signals_long = fill(self.tr("After: {answers}"), answers=answers_text(row.after))
            if row.before is not None:
                signals_long += "\n" + fill(
                    self.tr("Before: {answers}"), answers=answers_text(row.before)
                )
        elif row.check_status == "skipped":
            signals = signals_long = self.tr("Check skipped")
        else:
            signals = "–"
            signals_long = self.tr("No check")
        change = change_text(row.change)
        full_date = locale.toString(
            qdate(started.date()), locale.dateFormat(QLocale.FormatType.LongFormat)
        )
        when_long = f"{full_date}, {time_text(started, locale)}"
        length_long = fill(
            self.tr(
                "Planned {planned} ({planned_breaths} breaths), breathed {done} "
                "({done_breaths} breaths)"
            ),
            planned=duration_text(row.planned_seconds),
            planned_breaths=row.planned_breaths,
            done=duration_text(row.done_seconds),
            done_breaths=row.done_breaths,
        )
        rhythm = session_rhythm_label(row.pattern)
        display = (when, rhythm, length, ended, trigger, signals, change)
        tooltip = (when_long, "", length_long, "", "", signals_long, "")
        accessible = (
            when_long,
            fill(self.tr("Rhythm {pattern}"), pattern=rhythm),
            length_long,
            ended,
            fill(self.tr("Started from: {trigger}"), trigger=trigger),
            signals_long.replace("\n", ". "),
            fill(self.tr("Change: {change}"), change=change)
            if change
            else self.tr("Change not answered"),
        )
        return _Cells(row, display, tooltip, accessible, levels)

    # --- QAbstractTableModel ---

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if not index.isValid() or index.column() >= len(Column):
            return None
        role = int(role)
        if role not in _ROLES:
            return None
        cells = self._cells(index.row())
        if cells is None:
            return None
        column = index.column()
        if role == _DISPLAY:
            return cells.display[column]
        if role == _TOOLTIP:
            return cells.tooltip[column] or None
        if role == _ACCESSIBLE:
            return cells.accessible[column]
        if role == SESSION_ID_ROLE:
            return cells.row.id
        if role == ROW_ROLE:
            return cells.row
        if role == LEVELS_ROLE:
            return cells.levels if column == Column.SIGNALS else None
        if role == _ALIGNMENT:
            if column == Column.LENGTH:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        role = int(role)
        if role == _DISPLAY:
            return self._headers()[section]
        if role in (_TOOLTIP, _ACCESSIBLE):
            return self._header_tips()[section]
        if role == _ALIGNMENT:
            if section == Column.LENGTH:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        return None

    def _headers(self) -> tuple[str, ...]:
        return (
            self.tr("When"),
            self.tr("Rhythm"),
            self.tr("Planned / done"),
            self.tr("Ended"),
            self.tr("Started from"),
            self.tr("Signals after"),
            self.tr("Change"),
        )

    def _header_tips(self) -> tuple[str, ...]:
        return (
            self.tr("When the session started"),
            self.tr("The breathing rhythm: seconds in, (hold,) out"),
            self.tr("The length you chose and the time you actually breathed"),
            self.tr("How the session ended"),
            self.tr("What started the session"),
            self.tr(
                "Your answers after the session, 0–6: breathing, body, head, energy, muscles, mood"
            ),
            self.tr("Compared with before the break"),
        )

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # --- delete and undo ---

    def ids_for_rows(self, rows: Iterable[int]) -> list[str]:
        """The session ids shown in ``rows``, read a contiguous run at a time."""
        wanted = sorted({r for r in rows if 0 <= r < self._count})
        ids: list[str] = []
        for start, length in _runs(wanted):
            cached = (
                [self.session_id(r) for r in range(start, start + length)]
                if (length <= self._page_size)
                else None
            )
            if cached is not None and all(cached):
                ids.extend(c for c in cached if c)
            else:
                ids.extend(self._store.ids(self._query, start, length))
        return ids

    def delete_rows(self, rows: Iterable[int]) -> DeletedBatch:
        """Delete the sessions in ``rows`` (one transaction); keep the batch for ``undo``."""
        ids = self.ids_for_rows(rows)
        if not ids:
            return DeletedBatch((), ())
        batch = self._store.delete(ids)
        self.refresh()
        return batch

    def undo(self, batch: DeletedBatch) -> int:
        """Put a deleted batch back; returns how many sessions came back."""
        restored = self._store.restore(batch)
        self.refresh()
        return restored


def _runs(rows: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted rows as (start, length) runs of consecutive numbers."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][0] + runs[-1][1] == row:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((row, 1))
    return runs


_DISPLAY: Final = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP: Final = int(Qt.ItemDataRole.ToolTipRole)
_ACCESSIBLE: Final = int(Qt.ItemDataRole.AccessibleTextRole)
_ALIGNMENT: Final = int(Qt.ItemDataRole.TextAlignmentRole)
_ROLES: Final = frozenset(
    {_DISPLAY, _TOOLTIP, _ACCESSIBLE, _ALIGNMENT, SESSION_ID_ROLE, ROW_ROLE, LEVELS_ROLE}
)
