"""The History window: every session, how it felt, and what stands out over time.

Two tabs under a calm heading: **Sessions** (``sessions_tab``: filters, the table,
one session's detail, delete with undo) and **Overview** (``overview_tab``: insights
and charts, read off the UI thread). The window is handed the app's one
``HistoryStore`` (it never opens the file itself) and owns the table model, the
heading with its totals, the export buttons and the empty state.

"Export CSV…" and "Export JSON…" save through a non-modal file dialog and call
the store's ``export`` — the code behind ``herstel export -o`` — on a worker
thread.

A new user sees a friendly empty state with a "Start breathing" button
(``start_requested``). The app calls ``refresh()`` whenever it saved a session.
Nothing here blocks in a nested event loop: dialogs are opened with ``open()``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Final

from PySide6.QtCore import QEvent, QLocale, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QIcon, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from herstel import APP_NAME
from herstel.core.checkin import check_day
from herstel.core.clock import Clock
from herstel.storage.export_file import ExportFormat
from herstel.storage.history import DeletedBatch, HistoryStore, Overview
from herstel.ui.common.background import run_in_background
from herstel.ui.common.export_dialog import ask_export_file
from herstel.ui.common.i18n import fill
from herstel.ui.common.icons import app_icon
from herstel.ui.common.theme import Colors, base_point_size
from herstel.ui.history.charts.colors import colors_for, mix
from herstel.ui.history.model import STORAGE_ERRORS, SessionTableModel
from herstel.ui.history.overview_tab import OverviewTab
from herstel.ui.history.sessions_tab import UNDO_SECONDS, SessionsTab

__all__ = ["UNDO_SECONDS", "HistoryWindow"]

log = logging.getLogger(__name__)

PREFERRED_SIZE: Final = QSize(1100, 760)
MINIMUM_SIZE: Final = QSize(880, 560)


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

    def __init__(self, store: HistoryStore, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyWindow")
        self.setWindowTitle(fill(self.tr("History — {app}"), app=APP_NAME))
        self.setAutoFillBackground(True)
        self.setMinimumSize(MINIMUM_SIZE)
        icon = app_icon()
        if not icon.isNull():
            self.setWindowIcon(icon)
        self._clock = clock
        self._store = store
        self._model = SessionTableModel(
            self._store, self, today=lambda: check_day(self._clock.now())
        )
        self._model.load_failed.connect(self._show_error)
        self._export_dialog: QFileDialog | None = None
        self._exporting = False
        self._shown_once = False
        self._stale = False
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
        return self._sessions_page.table

    @property
    def sessions_tab(self) -> SessionsTab:
        return self._sessions_page

    @property
    def store(self) -> HistoryStore:
        return self._store

    @property
    def overview(self) -> Overview | None:
        """The numbers the overview shows now (None until first loaded)."""
        return self._overview_page.overview

    def refresh(self) -> None:
        """Read the history again (the app calls this after saving a session).

        While the window is hidden this only notes that it is out of date; it is
        read again when it is shown. The chosen session stays chosen.
        """
        if not self.isVisible() and self._shown_once:
            self._stale = True
            return
        self._stale = False
        failure: str | None = None
        try:
            per_pattern = self._store.pattern_totals()  # one scan: the totals and the rhythms
            span = self._store.date_span()
        except STORAGE_ERRORS as error:
            log.error("history: cannot read %s: %s", self._store.path, error)
            failure = str(error)
            per_pattern, span = [], None
        self._show_failure(failure)
        count = sum(n for _, n, _ in per_pattern)
        seconds = sum(sec for _, _, sec in per_pattern)
        patterns = [(p, n) for p, n, _ in per_pattern]
        self._summary.setText(self._summary_text(count, seconds))
        empty = count == 0
        self._pages.setCurrentWidget(self._empty if empty else self._content)
        self._export_csv.setVisible(not empty)
        self._export_json.setVisible(not empty)
        self._sessions_page.reload(patterns, span)
        self._overview_page.dirty = True
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
        self._overview_page.load_overview()

    def set_overview(self, overview: Overview) -> None:
        """Show these numbers in the charts and insights (no queries)."""
        self._overview_page.set_overview(overview)

    def insights_text(self) -> str:
        """What the insights section says, one insight a line."""
        return self._overview_page.insights_text()

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
        store = self._store

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

        run_in_background(self, lambda: store.export(target, kind, now), done)

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
        self._sessions_page = SessionsTab(self._store, self._model, self._clock, self)
        self._sessions_page.changed.connect(self.refresh)
        self._sessions_page.status.connect(self._set_status)
        self._sessions_page.failed.connect(self._show_error)
        self._overview_page = OverviewTab(self._store, self._clock, self)
        self._overview_page.loaded.connect(self.overview_loaded)
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

    # --- the sessions tab -----------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return self._sessions_page.selected_rows()

    def set_date_range(self, first: date | None, last: date | None) -> None:
        """Filter by dates (None: no limit on that side); what the date fields do."""
        self._sessions_page.set_date_range(first, last)

    def clear_filters(self) -> None:
        self._sessions_page.clear_filters()

    def ask_delete(self) -> QMessageBox | None:
        """Ask (non-modal) before deleting the chosen sessions; returns the open question."""
        return self._sessions_page.ask_delete()

    def delete_ids(self, ids: Sequence[str]) -> DeletedBatch | None:
        """Delete now (after the user said yes) and offer undo."""
        return self._sessions_page.delete_ids(ids)

    @property
    def undo_available(self) -> bool:
        return self._sessions_page.undo_available

    def undo_delete(self) -> int:
        """Put the last deleted sessions back; returns how many came back."""
        return self._sessions_page.undo_delete()

    def dismiss_undo(self) -> None:
        """The delete stays (the next action, or ten seconds, ends the chance to undo)."""
        self._sessions_page.dismiss_undo()

    # --- reacting -------------------------------------------------------------------------

    def _tab_changed(self, _index: int) -> None:
        self.dismiss_undo()
        if self._tabs.currentWidget() is self._overview_page and self._overview_page.dirty:
            self.load_overview()

    def _export_dialog_closed(self) -> None:
        self._export_dialog = None

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
            self._sessions_page.focus_table()
        if self._tabs.currentWidget() is self._overview_page and self._overview_page.dirty:
            self.load_overview()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The delete stays, and the connection is let go (it reopens when shown again)."""
        self.dismiss_undo()
        self._sessions_page.close_question()
        self._store.close()
        self._stale = True
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_style()
        super().changeEvent(event)
