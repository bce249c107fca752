"""The history's queries: sessions page by page, filtered and sorted in SQL; undoable
deletes; and small pre-aggregated arrays for the charts and insights.

Plain Python and sqlite3, no Qt.

- ``rows``: the query, the row, a deleted batch and their SQL text;
- ``store``: ``HistoryStore``, its connection, paging and order snapshots, delete/undo;
- ``aggregates``: day, week, signal and reminder totals (``HistoryStore`` has them too);
- ``overview``: everything the History overview shows, in one go.

The names below are re-exported so ``from herstel.storage.history import HistoryStore``
reads as it did before the split.
"""

from __future__ import annotations

from herstel.storage.history.aggregates import (
    AdherenceWeek,
    DayTotal,
    SignalWeek,
    WeekTotal,
    check_day_of,
    current_streak,
    week_start,
    week_totals,
)
from herstel.storage.history.overview import Overview, load_overview, overview_weeks
from herstel.storage.history.rows import (
    PAGE_SIZE,
    DeletedBatch,
    HistoryQuery,
    HistoryRow,
    SortColumn,
    nearer_end,
)
from herstel.storage.history.store import HistoryStore

__all__ = [
    "PAGE_SIZE",
    "AdherenceWeek",
    "DayTotal",
    "DeletedBatch",
    "HistoryQuery",
    "HistoryRow",
    "HistoryStore",
    "Overview",
    "SignalWeek",
    "SortColumn",
    "WeekTotal",
    "check_day_of",
    "current_streak",
    "load_overview",
    "nearer_end",
    "overview_weeks",
    "week_start",
    "week_totals",
]
