"""The History window's Sessions tab: filters, the sessions table, one session's detail.

The table (``SessionTableModel``) is sorted and filtered in SQL and read a page at
a time; the detail pane shows every answer of the chosen session, before and after,
the change and the night's sleep. Delete asks first (a non-modal message box), then
offers an inline "Deleted 3 sessions — Undo" bar for ten seconds or until the next
action. The window owns the store and the model; this tab tells it when sessions
were deleted or restored (``changed``), so the totals and the overview follow.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Final

from PySide6.QtCore import (
    QDate,
    QItemSelection,
    QLocale,
    QModelIndex,
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
    QColor,
    QKeySequence,
    QPainter,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from herstel.core.checkin import SIGNAL_ITEMS, SignalLevel, check_day
from herstel.core.clock import Clock
from herstel.core.records import EndedHow, Trigger
from herstel.storage.history import DeletedBatch, HistoryStore
from herstel.ui.common.i18n import fill
from herstel.ui.history.charts.colors import ChartColors, colors_for
from herstel.ui.history.model import (
    LEVELS_ROLE,
    STORAGE_ERRORS,
    Column,
    SessionTableModel,
    change_text,
    date_text,
    ended_text,
    qdate,
    time_text,
    trigger_text,
)
from herstel.ui.history.session_detail import SessionDetail, key_text
from herstel.ui.session.pattern_texts import session_rhythm_title

UNDO_SECONDS: Final = 10


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


class SessionsTab(QWidget):
    """Filter, browse and delete (with undo) past sessions; one session's every answer."""

    changed = Signal()
    """Sessions were deleted or restored: the window reads its totals again."""
    status = Signal(str)
    """A line for the window's status (a restore)."""
    failed = Signal(str)
    """The history could not be read or written (one line saying why)."""

    def __init__(
        self,
        store: HistoryStore,
        model: SessionTableModel,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._model = model
        self._clock = clock
        self._dates_touched = False
        self._undo_batch: DeletedBatch | None = None
        self._confirm: QMessageBox | None = None
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_SECONDS * 1000)
        self._undo_timer.timeout.connect(self.dismiss_undo)
        self._build()

    @property
    def table(self) -> QTableView:
        return self._table

    def reload(self, patterns: Sequence[tuple[str, int]], span: tuple[date, date] | None) -> None:
        """Read the sessions again (the window read the totals); the chosen one stays chosen."""
        rows = self.selected_rows()
        chosen = self._model.session_id(rows[0]) if len(rows) == 1 else None
        self._model.refresh()
        self._fill_patterns(patterns)
        self._show_span(span)
        self._update_no_match()
        if chosen is not None:
            row = self._model.row_of(chosen)
            if row is not None:
                self._table.selectRow(row)
        self._show_selection()

    def focus_table(self) -> None:
        self._table.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def close_question(self) -> None:
        """Close an open "Delete?" question (the window is closing)."""
        if self._confirm is not None:
            self._confirm.close()

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        page = self
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

        self._detail = SessionDetail(self._store, self._model, splitter)
        self._detail.delete_requested.connect(self.ask_delete)
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
            fill(self.tr("Bring the deleted sessions back ({key})"), key=key_text("Undo"))
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
            except STORAGE_ERRORS as error:
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
        self._detail.show_rows(self.selected_rows())

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
        except STORAGE_ERRORS as error:
            self._show_error(str(error))
            return None
        self.changed.emit()
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
        except STORAGE_ERRORS as error:
            self._show_error(str(error))
            return 0
        self.changed.emit()
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

    def _announce(self, text: str) -> None:
        """Say it to assistive technology too (the undo bar is not focused)."""
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self._undo_bar, text))

    def _set_status(self, text: str) -> None:
        self.status.emit(text)

    def _show_error(self, reason: str) -> None:
        self.failed.emit(reason)
