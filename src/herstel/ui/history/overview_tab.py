"""The History window's Overview tab: what stands out, and the charts over time.

Honest insights with their counts, a calendar of breathing days with the current
streak, minutes per day or week, each signal over time and what became of the
reminders. Its numbers are aggregated in SQL on a worker thread (the store's
``overview``, which opens a connection of its own) the first time the tab is
shown and after each change, so even 100,000 sessions never stall the window;
the charts only ever paint small arrays.
"""

from __future__ import annotations

import logging
from html import escape

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from herstel.core.checkin import check_day
from herstel.core.clock import Clock
from herstel.core.insights import MIN_CHECKS, find_insights, has_enough_data, total_checks
from herstel.storage.history import HistoryStore, Overview
from herstel.ui.common.background import run_in_background
from herstel.ui.common.i18n import fill
from herstel.ui.common.theme import base_point_size
from herstel.ui.history.charts.adherence import AdherenceChart
from herstel.ui.history.charts.calendar_strip import CalendarStrip
from herstel.ui.history.charts.minutes import MinutesChart
from herstel.ui.history.charts.signals import SignalTrendChart
from herstel.ui.history.insight_texts import insight_text

log = logging.getLogger(__name__)


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


class OverviewTab(QScrollArea):
    """The overview's cards; reads its numbers off the UI thread when asked to."""

    loaded = Signal()
    """The charts and insights were (re)filled."""

    def __init__(self, store: HistoryStore, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._overview_request = 0
        self.dirty = True
        """The numbers shown may be out of date (read again when the tab is shown)."""
        self._overview: Overview | None = None
        self._insight_lines: list[str] = []
        self._build()

    @property
    def overview(self) -> Overview | None:
        """The numbers the overview shows now (None until first loaded)."""
        return self._overview

    def load_overview(self) -> None:
        """Aggregate the overview's numbers on a worker thread; the charts follow."""
        self._overview_request += 1
        request = self._overview_request
        today = check_day(self._clock.now())
        self.dirty = False
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

        run_in_background(self, lambda: self._store.overview(today), done)

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
        self.loaded.emit()

    def _build(self) -> None:
        scroll = self
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
            "".join(
                f"<p style='margin:0 0 8px 0'>{escape(line, quote=False)}</p>" for line in lines
            )
        )
        self._insights.setAccessibleName(self.tr("What stands out"))
        self._insights.setAccessibleDescription("\n".join(lines))
        self._insights_note.setText(note)

    def insights_text(self) -> str:
        """What the insights section says, one insight a line."""
        return "\n".join(self._insight_lines)

    def _per_week_toggled(self, per_week: bool) -> None:
        self._minutes.set_per_week(per_week)
