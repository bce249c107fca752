"""The History window: every session, how it felt, and what stands out over time.

Two pages under a calm heading:

- **Sessions** — filters (date range, rhythm, what started it), the sessions
  table (``SessionTableModel``: sorted and filtered in SQL, read a page at a
  time) and a detail pane for the selected session (every answer, before and
  after, the change, the night's sleep). Delete asks first (a non-modal
  message box) and then offers an inline "Deleted 3 sessions — Undo" bar for
  ten seconds or until the next action.
- **Overview** — honest insights with their counts, a calendar of breathing
  days with the current streak, minutes per day or week, each signal over time
  and what became of the reminders. Its numbers are aggregated in SQL on a
  worker thread (with its own connection) the first time the page is shown
  and after each change, so even 100,000 sessions never stall the window; the
  charts only ever paint small arrays.

"Export CSV…" and "Export JSON…" save through a non-modal file dialog and call
``storage.exchange.export_csv``/``export_json`` — the code behind ``herstel
export`` — through ``atomic_writer``, on a worker thread.

A new user sees a friendly empty state with a "Start breathing" button
(``start_requested``). The app calls ``refresh()`` whenever it saved a session.
Nothing here blocks in a nested event loop: dialogs are opened with ``open()``.
"""

from __future__ import annotations

import io
import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Final, Literal

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelection,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QCloseEvent,
    QColor,
    QFont,
    QIcon,
    QKeySequence,
    QPainter,
    QPen,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from herstel import APP_NAME
from herstel.core import checkin
from herstel.core.advice import Strategy
from herstel.core.checkin import SIGNAL_ITEMS, SignalLevel, check_day
from herstel.core.clock import Clock
from herstel.core.insights import (
    MIN_CHECKS,
    Insight,
    InsightKind,
    find_insights,
    has_enough_data,
    total_checks,
)
from herstel.core.records import EndedHow, Trigger
from herstel.storage.atomic import atomic_writer
from herstel.storage.database import StorageError
from herstel.storage.exchange import export_csv, export_json
from herstel.storage.history import (
    DeletedBatch,
    HistoryRow,
    HistoryStore,
    Overview,
    load_overview,
)
from herstel.ui.common.export_dialog import ask_export_file
from herstel.ui.common.icons import app_icon
from herstel.ui.common.theme import Colors, base_point_size
from herstel.ui.history.charts import (
    AdherenceChart,
    CalendarStrip,
    ChartColors,
    MinutesChart,
    SignalTrendChart,
    colors_for,
    mix,
)
from herstel.ui.history.model import (
    LEVELS_ROLE,
    Column,
    SessionTableModel,
    answers_text,
    change_text,
    clock_text,
    date_text,
    ended_text,
    fill,
    qdate,
    signal_name,
    time_text,
    trigger_text,
)
from herstel.ui.session.pattern_texts import session_rhythm_title

log = logging.getLogger(__name__)

UNDO_SECONDS: Final = 10
PREFERRED_SIZE: Final = QSize(1100, 760)
MINIMUM_SIZE: Final = QSize(880, 560)
ExportFormat = Literal["csv", "json"]

_STORAGE_ERRORS: Final = (sqlite3.Error, StorageError, OSError)


# --- worker threads -----------------------------------------------------------------------------


class _Relay(QObject):
    """Carries a worker thread's result back to the UI thread (a queued signal)."""

    done = Signal(object)


def run_in_thread(
    parent: QObject, work: Callable[[], object], on_done: Callable[[object], None]
) -> None:
    """Run ``work`` on a thread and call ``on_done(result or exception)`` in the UI thread.

    ``work`` must not touch widgets. If ``parent`` is gone by then, the result is dropped.
    """
    relay = _Relay(parent)
    relay.done.connect(on_done)
    relay.done.connect(relay.deleteLater)

    def run() -> None:
        result: object
        try:
            result = work()
        except Exception as error:  # handed to the UI thread, which reports it
            result = error
        try:
            relay.done.emit(result)
        except RuntimeError:  # the window (and the relay with it) was deleted meanwhile
            log.debug("history: a background result arrived after the window closed")

    threading.Thread(target=run, name="herstel-history", daemon=True).start()


def _overview_job(path: Path, today: date) -> Overview:
    store = HistoryStore(path)
    try:
        return load_overview(store, today)
    finally:
        store.close()


def write_export(db_path: Path, target: Path, kind: ExportFormat, now_iso: str) -> int:
    """Export like ``herstel export -o``: the same functions, atomic, 0600; returns bytes."""
    now = datetime.fromisoformat(now_iso)
    with atomic_writer(target, mode=0o600) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        if kind == "json":
            export_json(db_path, text, now)
        else:
            export_csv(db_path, text, "sessions")
        text.flush()
        text.detach()
    return target.stat().st_size


# --- words for insights ------------------------------------------------------------------------


_INSIGHTS: Final = "HistoryInsights"
"""The translation context of the insight sentences."""

_BETTER: Final[dict[checkin.Signal, object]] = {
    checkin.Signal.BREATHING: QT_TRANSLATE_NOOP("HistoryInsights", "Your breathing felt calmer"),
    checkin.Signal.BODY: QT_TRANSLATE_NOOP("HistoryInsights", "Your body felt lighter"),
    checkin.Signal.HEAD: QT_TRANSLATE_NOOP("HistoryInsights", "Your head felt clearer"),
    checkin.Signal.ENERGY: QT_TRANSLATE_NOOP("HistoryInsights", "You had more energy"),
    checkin.Signal.MUSCLES: QT_TRANSLATE_NOOP("HistoryInsights", "Your muscles felt more relaxed"),
    checkin.Signal.MOOD: QT_TRANSLATE_NOOP("HistoryInsights", "Your mood was steadier"),
    checkin.Signal.SLEEP: QT_TRANSLATE_NOOP("HistoryInsights", "You slept better"),
}
_ABSENT: Final[dict[checkin.Signal, object]] = {
    checkin.Signal.BREATHING: QT_TRANSLATE_NOOP(
        "HistoryInsights", "Your breathing did not feel calm"
    ),
    checkin.Signal.BODY: QT_TRANSLATE_NOOP("HistoryInsights", "Your body did not feel light"),
    checkin.Signal.HEAD: QT_TRANSLATE_NOOP("HistoryInsights", "Your head did not feel clear"),
    checkin.Signal.ENERGY: QT_TRANSLATE_NOOP("HistoryInsights", "Your energy was low"),
    checkin.Signal.MUSCLES: QT_TRANSLATE_NOOP(
        "HistoryInsights", "Your muscles did not feel relaxed"
    ),
    checkin.Signal.MOOD: QT_TRANSLATE_NOOP("HistoryInsights", "Your mood did not feel steady"),
    checkin.Signal.SLEEP: QT_TRANSLATE_NOOP("HistoryInsights", "You did not sleep well"),
}
_STRATEGIES: Final[dict[Strategy, object]] = {
    Strategy.BREATHING_RHYTHM: QT_TRANSLATE_NOOP(
        "HistoryInsights", "a few minutes of this breathing rhythm"
    ),
    Strategy.SLEEP_SCHEDULE: QT_TRANSLATE_NOOP(
        "HistoryInsights", "going to bed and getting up at fixed times"
    ),
    Strategy.NOURISHING_FOOD: QT_TRANSLATE_NOOP("HistoryInsights", "regular, nourishing meals"),
    Strategy.REST_PACE_MOVEMENT: QT_TRANSLATE_NOOP(
        "HistoryInsights", "gentle movement at rest pace"
    ),
    Strategy.MENTAL_QUIET: QT_TRANSLATE_NOOP("HistoryInsights", "a moment of mental quiet"),
    Strategy.SOCIAL_REST: QT_TRANSLATE_NOOP(
        "HistoryInsights", "time with people who are easy to be with"
    ),
    Strategy.OFFLINE_EVENING: QT_TRANSLATE_NOOP(
        "HistoryInsights", "an offline evening, with the breathing rhythm before bed"
    ),
    Strategy.WALK_OUTSIDE: QT_TRANSLATE_NOOP("HistoryInsights", "a walk outside"),
}


def _say(text: object) -> str:
    return QCoreApplication.translate(_INSIGHTS, str(text))


def insight_text(insight: Insight) -> str:
    """One insight in plain words, with its counts."""
    if insight.kind is InsightKind.ABSENT:
        count = insight.counts[0]
        helps = QCoreApplication.translate("HistoryInsights", " and ").join(
            _say(_STRATEGIES[s]) for s in insight.strategies
        )
        return fill(
            QCoreApplication.translate(
                "HistoryInsights",
                "{signal} in {absent} of your last {checks} checks. What may help: {help}.",
            ),
            signal=_say(_ABSENT[insight.signal]),
            absent=count.hits,
            checks=count.checks,
            help=helps,
        )
    better, worse = insight.groups
    a, b = insight.counts
    counts = fill(
        QCoreApplication.translate(
            "HistoryInsights", "present in {a} of {n} checks, against {b} of {m}"
        ),
        a=a.hits,
        n=a.checks,
        b=b.hits,
        m=b.checks,
    )
    if insight.kind is InsightKind.PATTERN:
        template = QCoreApplication.translate(
            "HistoryInsights",
            "{better} after {first} sessions than after {second} sessions ({counts}).",
        )
        return fill(
            template,
            better=_say(_BETTER[insight.signal]),
            first=better.pattern,
            second=worse.pattern,
            counts=counts,
        )
    if better.pattern is not None:
        if better.long:
            template = QCoreApplication.translate(
                "HistoryInsights",
                "{better} after {pattern} sessions of 5 minutes or more than after "
                "shorter ones ({counts}).",
            )
        else:
            template = QCoreApplication.translate(
                "HistoryInsights",
                "{better} after shorter {pattern} sessions than after ones of 5 minutes "
                "or more ({counts}).",
            )
    elif better.long:
        template = QCoreApplication.translate(
            "HistoryInsights",
            "{better} after sessions of 5 minutes or more than after shorter ones ({counts}).",
        )
    else:
        template = QCoreApplication.translate(
            "HistoryInsights",
            "{better} after shorter sessions than after ones of 5 minutes or more ({counts}).",
        )
    return fill(
        template, better=_say(_BETTER[insight.signal]), pattern=better.pattern, counts=counts
    )


# --- small widgets ------------------------------------------------------------------------------


class _SignalsDelegate(QStyledItemDelegate):
    """The six after-answers as small dots: filled present, soft partly, ring absent."""

    DOT: Final = 9.0
    GAP: Final = 5.0

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        levels = index.data(LEVELS_ROLE)
        if not levels:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        colors = ChartColors.of(colors_for(opt.palette))
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        ink = opt.palette.color(opt.palette.ColorRole.HighlightedText) if selected else colors.bar
        rect = QRectF(opt.rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        x = rect.left() + 10
        y = rect.center().y() - self.DOT / 2
        for value in levels:
            dot = QRectF(x, y, self.DOT, self.DOT)
            if value is SignalLevel.PRESENT:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ink)
                painter.drawEllipse(dot)
            elif value is SignalLevel.PARTLY:
                painter.setPen(QPen(ink, 1.4))
                soft = QColor(ink)
                soft.setAlphaF(0.45)
                painter.setBrush(soft)
                painter.drawEllipse(dot.adjusted(0.7, 0.7, -0.7, -0.7))
            elif value is SignalLevel.ABSENT:
                painter.setPen(QPen(ink if selected else colors.muted, 1.4))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(dot.adjusted(0.7, 0.7, -0.7, -0.7))
            else:
                painter.setPen(QPen(ink if selected else colors.muted, 1.4))
                mid = dot.center().y()
                painter.drawLine(QPointF(dot.left() + 2, mid), QPointF(dot.right() - 2, mid))
            x += self.DOT + self.GAP
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        width = int(20 + len(SIGNAL_ITEMS) * (self.DOT + self.GAP))
        return QSize(max(hint.width(), width), hint.height())


class _Card(QFrame):
    """A rounded surface holding a titled section of the overview."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyCard")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(20, 16, 20, 18)
        self.layout_.setSpacing(10)
        self.header = QHBoxLayout()
        self.header.setSpacing(8)
        self.title = QLabel(title, self)
        self.title.setObjectName("cardTitle")
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        base = base_point_size(self)
        font.setPointSizeF(base * 1.1)
        self.title.setFont(font)
        self.header.addWidget(self.title)
        self.header.addStretch(1)
        self.layout_.addLayout(self.header)


# --- the window ---------------------------------------------------------------------------------


class HistoryWindow(QWidget):
    """Past sessions, their answers, charts and insights; delete with undo; export."""

    start_requested = Signal()
    """The empty state's "Start breathing" was clicked."""
    export_finished = Signal(str)
    """An export was written (the file's path)."""
    export_failed = Signal(str)
    """An export failed (one line saying why)."""
    overview_loaded = Signal()
    """The overview's charts and insights were (re)filled."""

    def __init__(self, db_path: Path, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyWindow")
        self.setWindowTitle(fill(self.tr("History — {app}"), app=APP_NAME))
        self.setAutoFillBackground(True)
        self.setMinimumSize(MINIMUM_SIZE)
        icon = app_icon()
        if not icon.isNull():
            self.setWindowIcon(icon)
        self._db_path = db_path
        self._clock = clock
        self._store = HistoryStore(db_path)
        self._model = SessionTableModel(
            self._store, self, today=lambda: check_day(self._clock.now())
        )
        self._model.load_failed.connect(self._show_error)
        self._dates_touched = False
        self._undo_batch: DeletedBatch | None = None
        self._confirm: QMessageBox | None = None
        self._export_dialog: QFileDialog | None = None
        self._exporting = False
        self._overview_request = 0
        self._overview_dirty = True
        self._overview: Overview | None = None
        self._insight_lines: list[str] = []
        self._shown_once = False
        self._stale = False
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_SECONDS * 1000)
        self._undo_timer.timeout.connect(self.dismiss_undo)
        self._build(icon)
        self._apply_style()
        self.refresh()
        self.resize(PREFERRED_SIZE)

    # --- public ---------------------------------------------------------------------------

    @property
    def model(self) -> SessionTableModel:
        return self._model

    @property
    def table(self) -> QTableView:
        return self._table

    @property
    def store(self) -> HistoryStore:
        return self._store

    @property
    def overview(self) -> Overview | None:
        """The numbers the overview shows now (None until first loaded)."""
        return self._overview

    def refresh(self) -> None:
        """Read the history again (the app calls this after saving a session).

        While the window is hidden this only notes that it is out of date; it is
        read again when it is shown. The chosen session stays chosen.
        """
        if not self.isVisible() and self._shown_once:
            self._stale = True
            return
        self._stale = False
        rows = self.selected_rows()
        chosen = self._model.session_id(rows[0]) if len(rows) == 1 else None
        failure: str | None = None
        try:
            per_pattern = self._store.pattern_totals()  # one scan: the totals and the rhythms
            span = self._store.date_span()
        except _STORAGE_ERRORS as error:
            log.error("history: cannot read %s: %s", self._db_path, error)
            failure = str(error)
            per_pattern, span = [], None
        self._show_failure(failure)
        count = sum(n for _, n, _ in per_pattern)
        seconds = sum(sec for _, _, sec in per_pattern)
        patterns = [(p, n) for p, n, _ in per_pattern]
        self._model.refresh()
        self._fill_patterns(patterns)
        self._show_span(span)
        self._summary.setText(self._summary_text(count, seconds))
        empty = count == 0
        self._pages.setCurrentWidget(self._empty if empty else self._content)
        self._export_csv.setVisible(not empty)
        self._export_json.setVisible(not empty)
        self._update_no_match()
        if chosen is not None:
            row = self._model.row_of(chosen)
            if row is not None:
                self._table.selectRow(row)
        self._show_selection()
        self._overview_dirty = True
        if not empty and self._tabs.currentWidget() is self._overview_page and self.isVisible():
            self.load_overview()

    def _show_failure(self, reason: str | None) -> None:
        """The empty page says why nothing shows when the history cannot be read."""
        if reason is None:
            self._empty_title.setText(self.tr("No sessions yet."))
            self._empty_body.setText(
                self.tr("Your breathing breaks will appear here, with how you felt afterwards.")
            )
            self._start.show()
            return
        self._empty_title.setText(self.tr("Your history cannot be read right now."))
        self._empty_body.setText(reason)
        self._start.hide()

    def load_overview(self) -> None:
        """Aggregate the overview's numbers on a worker thread; the charts follow."""
        self._overview_request += 1
        request = self._overview_request
        today = check_day(self._clock.now())
        self._overview_dirty = False
        self._overview_status.setText(self.tr("Reading your history…"))
        self._overview_status.show()

        def done(result: object) -> None:
            if request != self._overview_request:
                return  # a newer request is on its way
            if isinstance(result, Overview):
                self.set_overview(result)
            else:
                log.error("history: cannot read the overview: %s", result)
                self._overview_status.setText(
                    fill(self.tr("Herstel could not read your history: {reason}"), reason=result)
                )

        run_in_thread(self, lambda: _overview_job(self._db_path, today), done)

    def set_overview(self, overview: Overview) -> None:
        """Show these numbers in the charts and insights (no queries)."""
        self._overview = overview
        self._overview_status.hide()
        self._calendar.set_data(overview.days, overview.today, overview.streak)
        self._minutes.set_data(overview.last_days, overview.weeks)
        self._signals.set_data(overview.signals, overview.today)
        self._adherence.set_data(overview.adherence)
        self._streak.setText(self._streak_text(overview.streak))
        self._show_insights(overview)
        self.overview_loaded.emit()

    def show_sessions(self) -> None:
        self._tabs.setCurrentWidget(self._sessions_page)

    def show_overview(self) -> None:
        self._tabs.setCurrentWidget(self._overview_page)

    def export(self, kind: ExportFormat) -> QFileDialog:
        """Ask where to save (non-modal); the export runs when a file is chosen."""
        self.dismiss_undo()
        if self._export_dialog is not None:
            self._export_dialog.close()
        self._export_dialog = ask_export_file(
            self,
            kind,
            check_day(self._clock.now()),
            lambda path: self.export_to(path, kind),
            self._export_dialog_closed,
        )
        return self._export_dialog

    def export_to(self, target: Path, kind: ExportFormat) -> None:
        """Write an export to ``target`` on a worker thread (what the dialog calls)."""
        if self._exporting:
            return
        self._exporting = True
        self._export_csv.setEnabled(False)
        self._export_json.setEnabled(False)
        self._set_status(self.tr("Exporting…"))
        now = self._clock.now().isoformat()
        db_path = self._db_path

        def done(result: object) -> None:
            self._exporting = False
            self._export_csv.setEnabled(True)
            self._export_json.setEnabled(True)
            if isinstance(result, BaseException):
                reason = getattr(result, "strerror", None) or str(result)
                log.error("history: export to %s failed: %s", target, result)
                message = fill(self.tr("Could not export: {reason}"), reason=reason)
                self._set_status(message, warning=True)
                self.export_failed.emit(message)
                return
            self._set_status(fill(self.tr("Saved to {path}"), path=str(target)))
            self.export_finished.emit(str(target))

        run_in_thread(self, lambda: write_export(db_path, target, kind, now), done)

    # --- building -------------------------------------------------------------------------

    def _build(self, icon: QIcon) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(40, 30, 40, 28)
        outer.setSpacing(0)

        top = QHBoxLayout()
        top.setSpacing(12)
        heading_box = QVBoxLayout()
        heading_box.setSpacing(4)
        self._heading = QLabel(self.tr("History"), self)
        self._heading.setObjectName("historyHeading")
        heading_font = QFont(self.font())
        heading_font.setPointSizeF(max(20.0, base_point_size(self) * 2.0))
        heading_font.setWeight(QFont.Weight.Light)
        self._heading.setFont(heading_font)
        heading_box.addWidget(self._heading)
        self._summary = QLabel(self)
        self._summary.setProperty("role", "muted")
        heading_box.addWidget(self._summary)
        top.addLayout(heading_box, 1)

        self._status = QLabel(self)
        self._status.setProperty("role", "muted")
        self._status.setWordWrap(True)
        self._status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self._status, 1, Qt.AlignmentFlag.AlignBottom)
        self._export_csv = QPushButton(self.tr("Export CSV…"), self)
        self._export_csv.setProperty("quiet", True)
        self._export_csv.setToolTip(self.tr("Save your sessions as a spreadsheet (CSV)"))
        self._export_csv.clicked.connect(lambda: self.export("csv"))
        self._export_json = QPushButton(self.tr("Export JSON…"), self)
        self._export_json.setProperty("quiet", True)
        self._export_json.setToolTip(
            self.tr("Save everything — sessions, nights and reminders — as JSON")
        )
        self._export_json.clicked.connect(lambda: self.export("json"))
        for button in (self._export_csv, self._export_json):
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(top)
        outer.addSpacing(20)

        self._pages = QStackedWidget(self)
        self._empty = self._build_empty(icon)
        self._content = QTabWidget(self)
        self._content.setObjectName("historyTabs")
        self._content.setDocumentMode(True)
        self._tabs = self._content
        self._sessions_page = self._build_sessions()
        self._overview_page = self._build_overview()
        self._tabs.addTab(self._sessions_page, self.tr("Sessions"))
        self._tabs.addTab(self._overview_page, self.tr("Overview"))
        self._tabs.currentChanged.connect(self._tab_changed)
        self._pages.addWidget(self._empty)
        self._pages.addWidget(self._content)
        outer.addWidget(self._pages, 1)

        undo_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo_shortcut.activated.connect(self.undo_delete)

    def _build_empty(self, icon: QIcon) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.setSpacing(14)
        layout.addStretch(2)
        if not icon.isNull():
            mark = QLabel(page)
            mark.setPixmap(icon.pixmap(QSize(72, 72), self.devicePixelRatioF()))
            mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(mark)
            layout.addSpacing(6)
        title = QLabel(page)
        title.setObjectName("emptyTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.font())
        font.setPointSizeF(max(16.0, base_point_size(self) * 1.6))
        font.setWeight(QFont.Weight.Light)
        title.setFont(font)
        layout.addWidget(title)
        body = QLabel(page)
        body.setObjectName("emptyBody")
        body.setProperty("role", "muted")
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(body)
        layout.addSpacing(18)
        self._start = QPushButton(self.tr("Start breathing"), page)
        self._start.setObjectName("primary")
        self._start.setCursor(Qt.CursorShape.PointingHandCursor)
        self._start.setAccessibleName(self.tr("Start breathing"))
        self._start.clicked.connect(self.start_requested)
        layout.addWidget(self._start, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self._empty_title, self._empty_body = title, body
        return page

    def _build_sessions(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 18, 0, 0)
        layout.setSpacing(14)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self._from = self._date_edit(page)
        self._to = self._date_edit(page)
        from_label = QLabel(self.tr("From"), page)
        from_label.setBuddy(self._from)
        to_label = QLabel(self.tr("to"), page)
        to_label.setBuddy(self._to)
        self._from.setAccessibleName(self.tr("From date"))
        self._to.setAccessibleName(self.tr("To date"))
        self._from.dateChanged.connect(self._from_changed)
        self._to.dateChanged.connect(self._to_changed)
        filters.addWidget(from_label)
        filters.addWidget(self._from)
        filters.addWidget(to_label)
        filters.addWidget(self._to)
        filters.addSpacing(16)
        self._pattern = QComboBox(page)
        self._pattern.setAccessibleName(self.tr("Rhythm"))
        self._pattern.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._pattern.currentIndexChanged.connect(self._filter_changed)
        filters.addWidget(self._pattern)
        self._trigger = QComboBox(page)
        self._trigger.setAccessibleName(self.tr("Started from"))
        self._trigger.addItem(self.tr("Started any way"), None)
        for trigger in (Trigger.WINDOW, Trigger.REMINDER, Trigger.CLI):
            self._trigger.addItem(trigger_text(trigger.value), trigger.value)
        self._trigger.currentIndexChanged.connect(self._filter_changed)
        filters.addWidget(self._trigger)
        filters.addSpacing(8)
        self._clear = QPushButton(self.tr("Clear filters"), page)
        self._clear.setProperty("quiet", True)
        self._clear.clicked.connect(self.clear_filters)
        filters.addWidget(self._clear)
        filters.addStretch(1)
        layout.addLayout(filters)

        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(18)
        self._table_stack = QStackedWidget(splitter)
        self._table = QTableView(self._table_stack)
        self._table.setObjectName("sessionsTable")
        self._table.setModel(self._model)
        self._table.setAccessibleName(self.tr("Sessions"))
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._table.setShowGrid(False)
        self._table.setWordWrap(False)
        self._table.setAlternatingRowColors(False)
        self._table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._table.setItemDelegateForColumn(Column.SIGNALS, _SignalsDelegate(self._table))
        rows = self._table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(max(34, self.fontMetrics().height() + 16))
        header = self._table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._fit_columns()
        header.setSortIndicator(Column.WHEN, Qt.SortOrder.DescendingOrder)
        self._table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(lambda *_: self.dismiss_undo())
        self._table.selectionModel().selectionChanged.connect(self._selection_changed)
        delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self._table)
        delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_shortcut.activated.connect(self.ask_delete)
        self._table_stack.addWidget(self._table)

        no_match = QWidget(self._table_stack)
        no_match.setObjectName("noMatch")
        nm_layout = QVBoxLayout(no_match)
        nm_layout.addStretch(1)
        nm_label = QLabel(self.tr("No sessions match these filters."), no_match)
        nm_label.setProperty("role", "muted")
        nm_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nm_layout.addWidget(nm_label)
        nm_clear = QPushButton(self.tr("Clear filters"), no_match)
        nm_clear.setProperty("quiet", True)
        nm_clear.clicked.connect(self.clear_filters)
        nm_layout.addWidget(nm_clear, 0, Qt.AlignmentFlag.AlignHCenter)
        nm_layout.addStretch(2)
        self._no_match = no_match
        self._table_stack.addWidget(no_match)

        self._detail = self._build_detail(splitter)
        splitter.addWidget(self._table_stack)
        splitter.addWidget(self._detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([780, 280])
        layout.addWidget(splitter, 1)

        self._undo_bar = QFrame(page)
        self._undo_bar.setObjectName("undoBar")
        bar = QHBoxLayout(self._undo_bar)
        bar.setContentsMargins(18, 8, 10, 8)
        bar.setSpacing(10)
        self._undo_label = QLabel(self._undo_bar)
        bar.addWidget(self._undo_label, 1)
        self._undo_button = QPushButton(self.tr("Undo"), self._undo_bar)
        self._undo_button.setObjectName("primarySmall")
        self._undo_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self._undo_button.clicked.connect(self.undo_delete)
        self._undo_button.setToolTip(
            fill(self.tr("Bring the deleted sessions back ({key})"), key=_key_text("Undo"))
        )
        bar.addWidget(self._undo_button)
        self._undo_close = QPushButton("×", self._undo_bar)
        self._undo_close.setProperty("quiet", True)
        self._undo_close.setAccessibleName(self.tr("Dismiss"))
        self._undo_close.setToolTip(self.tr("Dismiss"))
        self._undo_close.clicked.connect(self.dismiss_undo)
        bar.addWidget(self._undo_close)
        self._undo_bar.hide()
        layout.addWidget(self._undo_bar)
        return page

    def _fit_columns(self) -> None:
        """Column widths from the font and the longest texts each column can show.

        Measured from sample texts rather than ``ResizeToContents``, which would
        read (and format) hundreds of rows just to size the header.
        """
        cell = self._table.fontMetrics()
        header = self._table.horizontalHeader().fontMetrics()
        locale = QLocale()
        samples: dict[Column, list[str]] = {
            Column.WHEN: [
                f"{date_text(date(2026, month, 28), locale, year=False)}  "
                f"{time_text(datetime(2026, 1, 1, 23, 59), locale)}"
                for month in range(1, 13)
            ],
            Column.PATTERN: ["4-4-4-4", "3.5-5"],
            Column.LENGTH: ["10:00 / 10:00"],
            Column.ENDED: [ended_text(e.value) for e in EndedHow],
            Column.TRIGGER: [trigger_text(t.value) for t in Trigger],
            Column.SIGNALS: [],
        }
        for column, texts in samples.items():
            title = str(self._model.headerData(column, Qt.Orientation.Horizontal) or "")
            width = max([cell.horizontalAdvance(t) + 24 for t in texts], default=0)
            width = max(width, header.horizontalAdvance(title) + 34)
            if column == Column.SIGNALS:
                width = max(width, int(24 + len(SIGNAL_ITEMS) * 14))
            self._table.setColumnWidth(column, width)
        self._table.horizontalHeader().setMinimumSectionSize(
            max(60, cell.horizontalAdvance(change_text(4)) + 20)
        )

    def _date_edit(self, parent: QWidget) -> QDateEdit:
        edit = QDateEdit(parent)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setMinimumWidth(130)
        return edit

    def _build_detail(self, parent: QWidget) -> QFrame:
        card = QFrame(parent)
        card.setObjectName("detailCard")
        card.setMinimumWidth(260)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(10)
        self._detail_title = QLabel(card)
        self._detail_title.setObjectName("detailTitle")
        self._detail_title.setWordWrap(True)
        font = QFont(self.font())
        font.setPointSizeF(base_point_size(self) * 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        self._detail_title.setFont(font)
        layout.addWidget(self._detail_title)
        self._detail_facts = QLabel(card)
        self._detail_facts.setProperty("role", "muted")
        self._detail_facts.setTextFormat(Qt.TextFormat.RichText)
        self._detail_facts.setWordWrap(True)
        self._detail_facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self._detail_facts)
        self._answers = QWidget(card)
        self._answers_grid = QGridLayout(self._answers)
        self._answers_grid.setContentsMargins(0, 6, 0, 0)
        self._answers_grid.setHorizontalSpacing(12)
        self._answers_grid.setVerticalSpacing(6)
        layout.addWidget(self._answers)
        self._detail_more = QLabel(card)
        self._detail_more.setTextFormat(Qt.TextFormat.RichText)
        self._detail_more.setWordWrap(True)
        self._detail_more.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self._detail_more)
        layout.addStretch(1)
        self._delete = QPushButton(card)
        self._delete.setProperty("quiet", True)
        self._delete.setCursor(Qt.CursorShape.PointingHandCursor)
        self._delete.clicked.connect(self.ask_delete)
        self._delete.setToolTip(
            fill(self.tr("Delete, after asking you first ({key})"), key=_key_text("Delete"))
        )
        layout.addWidget(self._delete, 0, Qt.AlignmentFlag.AlignLeft)
        return card

    def _build_overview(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setObjectName("overviewScroll")
        scroll.setAccessibleName(self.tr("Overview"))  # Tab reaches it to scroll the charts
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        body.setObjectName("overviewBody")
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 18, 6, 6)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(18)

        self._overview_status = QLabel(body)
        self._overview_status.setProperty("role", "muted")
        grid.addWidget(self._overview_status, 0, 0, 1, 2)

        insights = _Card(self.tr("What stands out"), body)
        self._insights = QLabel(insights)
        self._insights.setObjectName("insights")
        self._insights.setWordWrap(True)
        self._insights.setTextFormat(Qt.TextFormat.RichText)
        self._insights.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._insights.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        insights.layout_.addWidget(self._insights, 1)
        self._insights_note = QLabel(insights)
        self._insights_note.setProperty("role", "muted")
        self._insights_note.setWordWrap(True)
        insights.layout_.addWidget(self._insights_note)
        grid.addWidget(insights, 1, 0)

        days = _Card(self.tr("Breathing days"), body)
        self._streak = QLabel(days)
        self._streak.setProperty("role", "muted")
        days.header.addWidget(self._streak)
        self._calendar = CalendarStrip(days)
        days.layout_.addWidget(self._calendar)
        days.layout_.addStretch(1)
        grid.addWidget(days, 1, 1)

        minutes = _Card(self.tr("Minutes breathed"), body)
        self._per_day = QPushButton(self.tr("Per day"), minutes)
        self._per_week = QPushButton(self.tr("Per week"), minutes)
        group = QButtonGroup(minutes)
        for button in (self._per_day, self._per_week):
            button.setCheckable(True)
            button.setProperty("segment", True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            group.addButton(button)
            minutes.header.addWidget(button)
        self._per_day.setChecked(True)
        self._per_week.toggled.connect(self._per_week_toggled)
        self._minutes = MinutesChart(minutes)
        minutes.layout_.addWidget(self._minutes)
        grid.addWidget(minutes, 2, 0)

        reminders = _Card(self.tr("Reminders"), body)
        self._adherence = AdherenceChart(reminders)
        reminders.layout_.addWidget(self._adherence)
        grid.addWidget(reminders, 2, 1)

        signals = _Card(self.tr("How you felt after breathing"), body)
        self._signals = SignalTrendChart(signals)
        signals.layout_.addWidget(self._signals)
        grid.addWidget(signals, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(4, 1)
        scroll.setWidget(body)
        return scroll

    def _apply_style(self) -> None:
        """Cards, the table and the tabs in the app's palette (re-applied on a theme change)."""
        c: Colors = colors_for(self.palette())
        handle = mix(c.text_muted, c.surface, 0.35).name()
        handle_hover = mix(c.text_muted, c.surface, 0.7).name()
        self.setStyleSheet(
            f"""
QTabWidget#historyTabs::pane {{ border: none; }}
QTabWidget#historyTabs QTabBar::tab {{
    background: transparent; color: {c.text_muted};
    border: 1px solid transparent; border-radius: 14px;
    padding: 7px 18px; margin-right: 6px;
}}
QTabWidget#historyTabs QTabBar::tab:selected {{
    background: {c.surface}; color: {c.text}; border: 1px solid {c.border};
}}
QTabWidget#historyTabs QTabBar::tab:hover:!selected {{ background: {c.surface_hover}; }}
QTabWidget#historyTabs QTabBar::tab:focus {{ border: 2px solid {c.accent}; }}
QFrame#historyCard, QFrame#detailCard {{
    background: {c.surface}; border: 1px solid {c.border}; border-radius: 16px;
}}
QFrame#historyCard QLabel, QFrame#detailCard QLabel {{ background: transparent; }}
QFrame#undoBar {{
    background: {c.surface}; border: 1px solid {c.border}; border-radius: 14px;
}}
QWidget#overviewBody, QScrollArea#overviewScroll {{ background: {c.background}; }}
QTableView#sessionsTable {{
    background: {c.surface}; border: 1px solid {c.border}; border-radius: 16px;
    padding: 4px 6px; selection-background-color: {c.accent};
    selection-color: {c.on_accent}; outline: none;
}}
QTableView#sessionsTable::item {{ padding-left: 10px; border: none; }}
QTableView#sessionsTable QHeaderView::section {{
    background: {c.surface}; color: {c.text_muted}; border: none;
    border-bottom: 1px solid {c.border}; padding: 8px 10px;
}}
QPushButton[segment="true"] {{
    padding: 4px 12px; min-height: 18px; border-radius: 11px;
    color: {c.text_muted}; background: transparent;
}}
QPushButton[segment="true"]:checked {{
    background: {c.surface_hover}; color: {c.text}; border: 1px solid {c.border};
}}
QPushButton[segment="true"]:focus {{ border: 2px solid {c.accent}; padding: 3px 11px; }}
QLabel#insights {{ color: {c.text}; }}
QScrollBar:vertical {{ background: transparent; width: 12px; margin: 6px 2px 6px 2px; }}
QScrollBar:horizontal {{ background: transparent; height: 12px; margin: 2px 6px 2px 6px; }}
QScrollBar::handle:vertical {{ background: {handle}; border-radius: 4px; min-height: 36px; }}
QScrollBar::handle:horizontal {{ background: {handle}; border-radius: 4px; min-width: 36px; }}
QScrollBar::handle:hover {{ background: {handle_hover}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QDateEdit, QComboBox {{ min-height: 24px; padding: 3px 8px; }}
"""
        )

    # --- texts ----------------------------------------------------------------------------

    def _summary_text(self, count: int, seconds: float) -> str:
        if count == 0:
            return self.tr("Your breathing breaks and how they felt.")
        minutes = round(seconds / 60)
        hours, rest = divmod(minutes, 60)
        locale = QLocale()
        if hours:
            time = fill(
                self.tr("{hours} h {minutes} min"), hours=locale.toString(hours), minutes=rest
            )
        else:
            time = fill(self.tr("{minutes} min"), minutes=rest)
        if count == 1:
            return fill(self.tr("1 session, {time} of breathing"), time=time)
        return fill(
            self.tr("{count} sessions, {time} of breathing"),
            count=locale.toString(count),
            time=time,
        )

    def _streak_text(self, streak: int) -> str:
        if streak == 0:
            return self.tr("No streak right now")
        if streak == 1:
            return self.tr("Current streak: 1 day")
        return fill(self.tr("Current streak: {days} days"), days=streak)

    def _show_insights(self, overview: Overview) -> None:
        groups = overview.groups
        total = total_checks(groups)
        if not has_enough_data(groups):
            lines = [fill(self.tr("Insights appear after about {count} checks."), count=MIN_CHECKS)]
            note = (
                self.tr("So far: 1 answered check.")
                if total == 1
                else fill(self.tr("So far: {count} answered checks."), count=total)
            )
        else:
            found = find_insights(groups, overview.recent)
            lines = [insight_text(i) for i in found] or [
                self.tr(
                    "Nothing stands out yet: no difference between your sessions is large "
                    "enough to mention."
                )
            ]
            note = fill(
                self.tr(
                    "Based on your {count} answered checks. A signal counts as present when "
                    "you answered 4 or more."
                ),
                count=QLocale().toString(total),
            )
        self._insight_lines = lines
        self._insights.setText(
            "".join(f"<p style='margin:0 0 8px 0'>{_escape(line)}</p>" for line in lines)
        )
        self._insights.setAccessibleName(self.tr("What stands out"))
        self._insights.setAccessibleDescription("\n".join(lines))
        self._insights_note.setText(note)

    def insights_text(self) -> str:
        """What the insights section says, one insight a line."""
        return "\n".join(self._insight_lines)

    # --- filters --------------------------------------------------------------------------

    def _fill_patterns(self, patterns: Sequence[tuple[str, int]]) -> None:
        current = self._pattern.currentData()
        self._pattern.blockSignals(True)
        self._pattern.clear()
        self._pattern.addItem(self.tr("All rhythms"), None)
        for label, _count in patterns:
            title = session_rhythm_title(label)
            self._pattern.addItem(title, label)
        index = self._pattern.findData(current) if current is not None else 0
        self._pattern.setCurrentIndex(max(0, index))
        self._pattern.blockSignals(False)
        if current is not None and index < 0:
            self._filter_changed()

    def _show_span(self, span: tuple[date, date] | None) -> None:
        if self._dates_touched:
            return
        today = check_day(self._clock.now())
        first, last = span if span else (today, today)
        for edit, day in ((self._from, first), (self._to, max(last, today))):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)

    def _from_changed(self, value: QDate) -> None:
        if value > self._to.date():
            self._to.blockSignals(True)
            self._to.setDate(value)
            self._to.blockSignals(False)
        self._dates_touched = True
        self._filter_changed()

    def _to_changed(self, value: QDate) -> None:
        if value < self._from.date():
            self._from.blockSignals(True)
            self._from.setDate(value)
            self._from.blockSignals(False)
        self._dates_touched = True
        self._filter_changed()

    def set_date_range(self, first: date | None, last: date | None) -> None:
        """Filter by dates (None: no limit on that side); what the date fields do."""
        if first is None and last is None:
            self._dates_touched = False
            try:
                span = self._store.date_span()
            except _STORAGE_ERRORS as error:
                self._show_error(str(error))
                span = None
            self._show_span(span)
            self._filter_changed()
            return
        self._dates_touched = True
        for edit, day in ((self._from, first), (self._to, last)):
            if day is not None:
                edit.blockSignals(True)
                edit.setDate(qdate(day))
                edit.blockSignals(False)
        self._filter_changed()

    def set_pattern_filter(self, pattern: str | None) -> None:
        self._pattern.setCurrentIndex(max(0, self._pattern.findData(pattern)))

    def set_trigger_filter(self, trigger: Trigger | None) -> None:
        value = None if trigger is None else Trigger(trigger).value
        self._trigger.setCurrentIndex(max(0, self._trigger.findData(value)))

    def clear_filters(self) -> None:
        for combo in (self._pattern, self._trigger):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.set_date_range(None, None)

    def _filter_changed(self, *_: object) -> None:
        self.dismiss_undo()
        first = last = None
        if self._dates_touched:
            first = self._from.date().toPython()
            last = self._to.date().toPython()
        pattern = self._pattern.currentData()
        trigger = self._trigger.currentData()
        self._model.setFilter(
            date_from=first if isinstance(first, date) else None,
            date_to=last if isinstance(last, date) else None,
            pattern=pattern if isinstance(pattern, str) else None,
            trigger=Trigger(trigger) if isinstance(trigger, str) else None,
        )
        self._clear.setEnabled(self._model.query.filtered)
        self._update_no_match()
        self._show_selection()

    def _update_no_match(self) -> None:
        no_match = self._model.rowCount() == 0 and self._model.query.filtered
        self._table_stack.setCurrentWidget(self._no_match if no_match else self._table)
        self._clear.setEnabled(self._model.query.filtered)

    # --- selection and detail -------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        model = self._table.selectionModel()
        return sorted({index.row() for index in model.selectedRows()})

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_selection()

    def _show_selection(self) -> None:
        rows = self.selected_rows()
        self._clear_answers()
        if not rows:
            self._detail_title.setText(self.tr("No session chosen"))
            self._detail_facts.setText(self.tr("Choose a session to see all its answers."))
            self._detail_more.setText("")
            self._delete.setText(self.tr("Delete…"))
            self._delete.setEnabled(False)
            return
        self._delete.setEnabled(True)
        if len(rows) > 1:
            self._detail_title.setText(
                fill(self.tr("{count} sessions chosen"), count=QLocale().toString(len(rows)))
            )
            self._detail_facts.setText(self.tr("Delete them together, or choose one to see it."))
            self._detail_more.setText("")
            self._delete.setText(
                fill(self.tr("Delete {count} sessions…"), count=QLocale().toString(len(rows)))
            )
            return
        self._delete.setText(self.tr("Delete this session…"))
        row = self._model.row_at(rows[0])
        if row is None:
            return
        self._show_row(row)

    def _show_row(self, row: HistoryRow) -> None:
        locale = QLocale()
        started = row.started_at
        long_format = locale.dateFormat(QLocale.FormatType.LongFormat)
        day = locale.toString(qdate(started.date()), long_format)
        self._detail_title.setText(f"{day}, {time_text(started, locale)}")
        rhythm = session_rhythm_title(row.pattern)
        facts = [
            rhythm,
            fill(
                self.tr("Planned {planned}, breathed {done} ({breaths} breaths)"),
                planned=clock_text(row.planned_seconds),
                done=clock_text(row.done_seconds),
                breaths=row.done_breaths,
            ),
            fill(self.tr("Ended: {how}"), how=ended_text(row.ended_how).lower()),
            fill(self.tr("Started from: {trigger}"), trigger=trigger_text(row.trigger).lower()),
        ]
        self._detail_facts.setText(_lines(facts))
        more: list[str] = []
        if row.after is None:
            more.append(
                self.tr("The check was skipped.")
                if row.check_status == "skipped"
                else self.tr("No check after this session.")
            )
        else:
            self._fill_answers(row)
            if row.change is not None:
                more.append(
                    fill(
                        self.tr("Compared with before the break: {change}"),
                        change=change_text(row.change).lower(),
                    )
                )
            if row.after_complete is False:
                more.append(self.tr("The check was left part-way."))
        try:
            night = self._store.night_before(row)
        except _STORAGE_ERRORS:
            night = None
        if night is not None and night.sleep is not None:
            parts = []
            if night.slept_deeply is not None:
                parts.append(fill(self.tr("slept deeply {value}"), value=night.slept_deeply))
            if night.woke_rested is not None:
                parts.append(fill(self.tr("woke rested {value}"), value=night.woke_rested))
            more.append(
                fill(self.tr("The night before: {answers} (of 6)"), answers=", ".join(parts))
            )
        self._detail_more.setText(_lines(more))
        self._detail.setAccessibleDescription(
            "\n".join([self._detail_title.text(), *facts, answers_text(row.after), *more])
        )

    def _clear_answers(self) -> None:
        while self._answers_grid.count():
            item = self._answers_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._answers.hide()

    def _fill_answers(self, row: HistoryRow) -> None:
        """Each signal's answer, as "before → after  +change" where a before-check exists."""
        grid = self._answers_grid
        assert row.after is not None
        has_before = row.before is not None
        caption = QLabel(
            self.tr("Your answers, 0–6 (before → after)")
            if has_before
            else self.tr("Your answers after, 0–6"),
            self._answers,
        )
        caption.setProperty("role", "muted")
        grid.addWidget(caption, 0, 0, 1, 3)
        changes = row.changes()
        for r, signal in enumerate(SIGNAL_ITEMS, start=1):
            grid.addWidget(QLabel(signal_name(signal), self._answers), r, 0)
            after = row.after[r - 1]
            shown = "–" if after is None else str(after)
            if row.before is not None:
                before = row.before[r - 1]
                shown = f"{'–' if before is None else before} → {shown}"
            value = QLabel(shown, self._answers)
            grid.addWidget(value, r, 1, Qt.AlignmentFlag.AlignRight)
            change = changes.get(signal)
            if change is not None:
                text = f"+{change}" if change > 0 else ("±0" if change == 0 else f"−{-change}")
                delta = QLabel(text, self._answers)
                delta.setProperty("role", "muted")
                grid.addWidget(delta, r, 2, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(0, 1)
        self._answers.show()

    # --- delete and undo ------------------------------------------------------------------

    def ask_delete(self) -> QMessageBox | None:
        """Ask (non-modal) before deleting the chosen sessions; returns the open question."""
        rows = self.selected_rows()
        if not rows:
            return None
        ids = self._model.ids_for_rows(rows)
        if not ids:
            return None
        if self._confirm is not None:
            self._confirm.close()
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete sessions"))
        if len(ids) == 1:
            box.setText(self.tr("Delete this session?"))
            box.setInformativeText(
                self.tr("Its answers are deleted with it. You can undo this right after.")
            )
        else:
            box.setText(
                fill(self.tr("Delete {count} sessions?"), count=QLocale().toString(len(ids)))
            )
            box.setInformativeText(
                self.tr("Their answers are deleted with them. You can undo this right after.")
            )
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def answered(_result: int) -> None:
            self._confirm = None
            if box.clickedButton() is delete:
                self.delete_ids(ids)

        box.finished.connect(answered)
        self._confirm = box
        box.open()
        return box

    def delete_ids(self, ids: Sequence[str]) -> DeletedBatch | None:
        """Delete now (after the user said yes) and offer undo."""
        self.dismiss_undo()
        scroll = self._table.verticalScrollBar().value()
        first_row = min(self.selected_rows(), default=0)
        try:
            batch = self._store.delete(ids)
        except _STORAGE_ERRORS as error:
            self._show_error(str(error))
            return None
        self.refresh()
        self._table.verticalScrollBar().setValue(scroll)
        if self._model.rowCount():
            self._table.selectRow(min(first_row, self._model.rowCount() - 1))
        self._offer_undo(batch)
        return batch

    def _offer_undo(self, batch: DeletedBatch) -> None:
        if not batch:
            return
        self._undo_batch = batch
        count = len(batch)
        self._undo_label.setText(
            self.tr("Deleted 1 session.")
            if count == 1
            else fill(self.tr("Deleted {count} sessions."), count=QLocale().toString(count))
        )
        self._undo_bar.show()
        self._undo_timer.start()
        self._announce(self._undo_label.text())

    @property
    def undo_available(self) -> bool:
        return self._undo_batch is not None

    def undo_delete(self) -> int:
        """Put the last deleted sessions back; returns how many came back."""
        batch = self._undo_batch
        if batch is None:
            return 0
        self._undo_batch = None
        self._undo_timer.stop()
        self._undo_bar.hide()
        try:
            restored = self._store.restore(batch)
        except _STORAGE_ERRORS as error:
            self._show_error(str(error))
            return 0
        self.refresh()
        self._set_status(
            self.tr("1 session is back.")
            if restored == 1
            else fill(self.tr("{count} sessions are back."), count=QLocale().toString(restored))
        )
        return restored

    def dismiss_undo(self) -> None:
        """The delete stays (the next action, or ten seconds, ends the chance to undo)."""
        self._undo_batch = None
        self._undo_timer.stop()
        self._undo_bar.hide()

    # --- reacting -------------------------------------------------------------------------

    def _tab_changed(self, _index: int) -> None:
        self.dismiss_undo()
        if self._tabs.currentWidget() is self._overview_page and self._overview_dirty:
            self.load_overview()

    def _per_week_toggled(self, per_week: bool) -> None:
        self._minutes.set_per_week(per_week)

    def _export_dialog_closed(self) -> None:
        self._export_dialog = None

    def _announce(self, text: str) -> None:
        """Say it to assistive technology too (the undo bar is not focused)."""
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self._undo_bar, text))

    def _set_status(self, text: str, *, warning: bool = False) -> None:
        self._status.setProperty("role", "warning" if warning else "muted")
        self._status.style().unpolish(self._status)
        self._status.style().polish(self._status)
        self._status.setText(text)

    def _show_error(self, reason: str) -> None:
        self._set_status(
            fill(self.tr("Herstel could not read your history: {reason}"), reason=reason),
            warning=True,
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._shown_once = True
        if self._stale:
            self.refresh()
        if self._pages.currentWidget() is self._empty:
            self._start.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        elif self._tabs.currentWidget() is self._sessions_page:
            self._table.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        if self._tabs.currentWidget() is self._overview_page and self._overview_dirty:
            self.load_overview()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The delete stays, and the connection is let go (it reopens when shown again)."""
        self.dismiss_undo()
        if self._confirm is not None:
            self._confirm.close()
        self._store.close()
        self._stale = True
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_style()
        super().changeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _lines(lines: Sequence[str]) -> str:
    """Lines as rich text with a little air between them."""
    return "".join(f"<p style='margin:0 0 5px 0'>{_escape(line)}</p>" for line in lines)


def _key_text(standard: str) -> str:
    """A standard key ("Delete", "Undo") as this platform writes it: "Del", "Ctrl+Z"."""
    key = QKeySequence(getattr(QKeySequence.StandardKey, standard))
    return key.toString(QKeySequence.SequenceFormat.NativeText)
