"""One session in full, beside the sessions table: every answer, the change, the night.

With several sessions chosen it says how many and offers to delete them together;
the delete button asks the Sessions tab (``delete_requested``), which asks the user.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from herstel.core.checkin import SIGNAL_ITEMS
from herstel.storage.history import HistoryRow, HistoryStore
from herstel.ui.checkin.texts import signal_name
from herstel.ui.common.i18n import fill
from herstel.ui.common.theme import base_point_size
from herstel.ui.history.model import (
    STORAGE_ERRORS,
    SessionTableModel,
    answers_text,
    change_text,
    clock_text,
    ended_text,
    qdate,
    time_text,
    trigger_text,
)
from herstel.ui.session.pattern_texts import session_rhythm_title


class SessionDetail(QFrame):
    """The detail card: the chosen session's facts and answers, and its delete button."""

    delete_requested = Signal()
    """"Delete…" was clicked (the tab asks first)."""

    def __init__(
        self, store: HistoryStore, model: SessionTableModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._model = model
        self._build()

    def _build(self) -> None:
        card = self
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
        self._delete.clicked.connect(self.delete_requested)
        self._delete.setToolTip(
            fill(self.tr("Delete, after asking you first ({key})"), key=key_text("Delete"))
        )
        layout.addWidget(self._delete, 0, Qt.AlignmentFlag.AlignLeft)

    def show_rows(self, rows: Sequence[int]) -> None:
        """Show the chosen rows of the table: none, several, or one in full."""
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
        except STORAGE_ERRORS:
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
        self.setAccessibleDescription(
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


def _lines(lines: Sequence[str]) -> str:
    """Lines as rich text with a little air between them."""
    return "".join(f"<p style='margin:0 0 5px 0'>{escape(line, quote=False)}</p>" for line in lines)


def key_text(standard: str) -> str:
    """A standard key ("Delete", "Undo") as this platform writes it: "Del", "Ctrl+Z"."""
    key = QKeySequence(getattr(QKeySequence.StandardKey, standard))
    return key.toString(QKeySequence.SequenceFormat.NativeText)
