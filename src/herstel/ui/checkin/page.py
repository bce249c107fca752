"""The recovery check: a few short questions, answered with one key each.

``CheckinPage`` is a page for the session window's end stack (it also works on
its own). It asks, in order: the two sleep items (first check of the day only),
the six signal items on a 0–6 scale and, after a session, the change item on
1–5. Each item is one focusable row; the whole check can be done with the
keyboard alone:

- a digit answers the focused item and moves on (0–6; 1–5 on the change item,
  other digits are ignored there);
- Left/Right nudge the focused answer, Backspace clears it;
- Up/Down or Tab move between items;
- Enter saves when everything is answered, otherwise it selects the first open
  item and says what is missing;
- Esc (or "Skip") ends the check, keeping the answers given so far.

A mouse click on a number works the same way. Screen readers get each item as
a widget named by its question, described by its scale ends and the answer.

The page stores nothing: it emits ``submitted(CheckResult)`` once.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QFont,
    QKeyEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from herstel.core import checkin
from herstel.core.checkin import (
    CHANGE_KEY,
    CHANGE_SCALE,
    SIGNAL_ITEMS,
    SIGNAL_SCALE,
    SLEEP_ITEM_KEYS,
    SLEEP_SCALE,
    CheckAnswers,
    CheckKind,
    CheckStatus,
    NightAnswers,
    night_for,
)
from herstel.core.clock import Clock
from herstel.ui.checkin import texts
from herstel.ui.checkin.page_parts import (
    PAGE_MARGINS,
    SoftScrollArea,
    fit_page_margins,
    page_heading,
)
from herstel.ui.checkin.scale_item import WIDE_MIN_WIDTH, ScaleItem
from herstel.ui.common.i18n import fill
from herstel.ui.common.theme import base_point_size


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What the check page hands over, ready for ``Database.save_session``.

    ``answers`` holds the six signal items (and the change item after a
    session), or is None when none of them was answered; ``night`` holds the
    sleep items for last night, or is None when they were not asked or not
    answered. ``status`` is ANSWERED when the check is complete, INCOMPLETE
    when it was left with some answers, SKIPPED when it was left with none.
    """

    answers: CheckAnswers | None
    night: NightAnswers | None
    status: CheckStatus


class CheckinPage(QWidget):
    """The recovery check questionnaire; emits ``submitted(CheckResult)`` once."""

    submitted = Signal(object)

    def __init__(
        self,
        kind: CheckKind,
        ask_sleep: bool,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._kind = CheckKind(kind)
        self._ask_sleep = ask_sleep
        self._clock = clock
        self._result: CheckResult | None = None
        self._missing_count = 0
        self.setObjectName("checkinPage")
        self._build()
        self.retranslate()
        self._update_progress()

    # --- public ----------------------------------------------------------------

    @property
    def kind(self) -> CheckKind:
        return self._kind

    @property
    def result(self) -> CheckResult | None:
        """What was submitted, once it was."""
        return self._result

    def items(self) -> list[ScaleItem]:
        """Every item in the order asked."""
        return list(self._items)

    def item(self, key: str) -> ScaleItem:
        """The item for a key (a signal's value, ``change`` or a sleep key)."""
        for item in self._items:
            if item.key == key:
                return item
        raise KeyError(key)

    @property
    def skip_button(self) -> QPushButton:
        return self._skip

    @property
    def done_button(self) -> QPushButton:
        return self._done

    def status_text(self) -> str:
        """What the page last said about missing answers ("" when nothing is missing)."""
        return self._status.text()

    def submit(self) -> bool:
        """Enter / Done: save when everything is answered; otherwise point at what is open."""
        if self._result is not None:
            return False
        missing = [item for item in self._items if item.value is None]
        if missing:
            for item in self._items:
                item.set_missing(item.value is None)
            self._missing_count = len(missing)
            self._say_missing(missing)
            missing[0].setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        self._finish()
        return True

    def skip(self) -> None:
        """Esc / Skip: end the check now, keeping the answers given so far."""
        if self._result is None:
            self._finish()

    def focus_first_open(self) -> None:
        """Put the keyboard on the first unanswered item (the first item when all are)."""
        target = next((i for i in self._items if i.value is None), self._items[0])
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- building ----------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*PAGE_MARGINS)
        outer.setSpacing(0)
        self._outer = outer
        outer.addStretch(2)  # short content sits a little above the middle, like the end page
        # Size limits never go to the window system (a page may be a window of its own).
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        base = base_point_size(self)

        self._heading = page_heading(self, "checkHeading")
        outer.addWidget(self._heading)
        outer.addSpacing(6)

        self._question = QLabel(self)
        self._question.setWordWrap(True)
        question_font = QFont(self.font())
        question_font.setPointSizeF(base * 1.15)
        self._question.setFont(question_font)
        outer.addWidget(self._question)
        outer.addSpacing(2)

        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self._hint.setProperty("role", "muted")
        outer.addWidget(self._hint)
        outer.addSpacing(10)

        self._scroll = SoftScrollArea(self)
        self._scroll.setObjectName("checkScroll")
        content = QWidget(self._scroll)
        content.setObjectName("checkItems")
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 4, 4)
        column.setSpacing(2)

        self._items: list[ScaleItem] = []
        self._sections: list[QLabel] = []
        section_font = QFont(self.font())
        section_font.setWeight(QFont.Weight.DemiBold)

        def section() -> QLabel:
            label = QLabel(content)
            label.setFont(section_font)
            label.setProperty("role", "muted")
            label.setContentsMargins(18, 8, 0, 2)
            column.addWidget(label)
            self._sections.append(label)
            return label

        self._night_section: QLabel | None = None
        self._now_section: QLabel | None = None
        if self._ask_sleep:
            self._night_section = section()
            for key in SLEEP_ITEM_KEYS:
                self._add_item(ScaleItem(key, SLEEP_SCALE, content), column)
            column.addSpacing(8)
            self._now_section = section()
        for signal in SIGNAL_ITEMS:
            self._add_item(ScaleItem(signal.value, SIGNAL_SCALE, content), column)
        if self._kind is CheckKind.AFTER:
            column.addSpacing(8)
            self._add_item(ScaleItem(CHANGE_KEY, CHANGE_SCALE, content), column)
        column.addStretch(1)
        self._scroll.set_content(content)
        outer.addWidget(self._scroll)

        outer.addSpacing(4)
        self._status = QLabel(self)
        self._status.setObjectName("checkStatus")
        self._status.setWordWrap(True)
        self._status.setProperty("role", "warning")
        self._status.hide()
        outer.addWidget(self._status)

        footer = QHBoxLayout()
        footer.setContentsMargins(0, 8, 0, 0)
        footer.setSpacing(12)
        self._progress = QLabel(self)
        self._progress.setObjectName("checkProgress")
        self._progress.setProperty("role", "muted")
        footer.addWidget(self._progress)
        footer.addStretch(1)
        self._skip = QPushButton(self)
        self._skip.setObjectName("skipCheck")
        self._skip.setProperty("quiet", True)
        self._skip.setAutoDefault(True)
        self._skip.setCursor(Qt.CursorShape.PointingHandCursor)
        self._skip.clicked.connect(self.skip)
        footer.addWidget(self._skip)
        self._done = QPushButton(self)
        self._done.setObjectName("primarySmall")
        self._done.setAutoDefault(True)
        self._done.setCursor(Qt.CursorShape.PointingHandCursor)
        self._done.clicked.connect(self.submit)
        footer.addWidget(self._done)
        outer.addLayout(footer)
        outer.addStretch(3)

        chain: list[QWidget] = [*self._items, self._skip, self._done]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        # Whoever focuses the page (SessionWindow.show_end_page) lands on the first item.
        self.setFocusProxy(self._items[0])

    def _add_item(self, item: ScaleItem, column: QVBoxLayout) -> None:
        item.keyed.connect(lambda it=item: self._advance(it))
        item.step.connect(lambda delta, it=item: self._step(it, delta))
        item.focused.connect(lambda it=item: self._scroll.ensureWidgetVisible(it, 0, 12))
        item.value_changed.connect(self._answer_changed)
        self._items.append(item)
        column.addWidget(item)

    def retranslate(self) -> None:
        if self._kind is CheckKind.AFTER:
            self._heading.setText(self.tr("Breathe normally"))
        else:
            self._heading.setText(self.tr("Before you start"))
        self._question.setText(self.tr("How do you feel right now?"))
        self._hint.setText(
            self.tr("Press a number to answer, or click one. Enter saves, Esc skips.")
        )
        if self._night_section is not None:
            self._night_section.setText(self.tr("Last night"))
        if self._now_section is not None:
            self._now_section.setText(self.tr("Right now"))
        self._skip.setText(self.tr("Skip"))
        self._skip.setAccessibleName(self.tr("Skip"))
        self._skip.setToolTip(self.tr("End the check now; your answers so far are kept (Esc)"))
        self._done.setText(self.tr("Done"))
        self._done.setAccessibleName(self.tr("Done"))
        self._done.setToolTip(self.tr("Save your answers (Enter)"))
        self.setAccessibleName(self.tr("Recovery check"))
        for item in self._items:
            item.retranslate()
        self._update_progress()
        if self._status.isVisible():
            self._say_missing([i for i in self._items if i.value is None], announce=False)

    # --- behaviour ---------------------------------------------------------------

    def _advance(self, item: ScaleItem) -> None:
        """After a digit: on to the next item, or the first open one, or Done."""
        index = self._items.index(item)
        if index + 1 < len(self._items):
            self._items[index + 1].setFocus(Qt.FocusReason.TabFocusReason)
            return
        open_items = [i for i in self._items if i.value is None]
        if open_items:
            open_items[0].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self._done.setFocus(Qt.FocusReason.TabFocusReason)

    def _step(self, item: ScaleItem, delta: int) -> None:
        index = self._items.index(item) + delta
        if 0 <= index < len(self._items):
            self._items[index].setFocus(
                Qt.FocusReason.TabFocusReason if delta > 0 else Qt.FocusReason.BacktabFocusReason
            )

    def _answer_changed(self, _value: object) -> None:
        self._update_progress()
        if self._status.isVisible():
            open_items = [i for i in self._items if i.value is None]
            if open_items:
                self._say_missing(open_items, announce=False)
            else:
                self._status.clear()
                self._status.hide()

    def _update_progress(self) -> None:
        answered = sum(item.value is not None for item in self._items)
        self._progress.setText(
            fill(
                self.tr("{answered} of {total} answered"),
                answered=answered,
                total=len(self._items),
            )
        )

    def _say_missing(self, missing: list[ScaleItem], *, announce: bool = True) -> None:
        if len(missing) == 1:
            text = fill(
                self.tr("One question is still open: {question}"),
                question=texts.item_text(missing[0].key),
            )
        else:
            text = fill(
                self.tr("{count} questions are still open. The first one is selected."),
                count=len(missing),
            )
        self._status.setText(text)
        self._status.show()
        if announce:
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self._status, text))

    def _finish(self) -> None:
        now = self._clock.now()
        values: dict[checkin.Signal, int] = {}
        for signal in SIGNAL_ITEMS:
            value = self.item(signal.value).value
            if value is not None:
                values[signal] = value
        change = self.item(CHANGE_KEY).value if self._kind is CheckKind.AFTER else None
        complete = len(values) == len(SIGNAL_ITEMS) and (
            self._kind is CheckKind.BEFORE or change is not None
        )
        answers = (
            CheckAnswers(self._kind, values, change, complete, now)
            if values or change is not None
            else None
        )
        night: NightAnswers | None = None
        if self._ask_sleep:
            slept, rested = (self.item(key).value for key in SLEEP_ITEM_KEYS)
            if slept is not None or rested is not None:
                night = NightAnswers(night_for(now), slept, rested, now)
        if answers is not None and answers.complete:
            status = CheckStatus.ANSWERED
        elif answers is not None or night is not None:
            status = CheckStatus.INCOMPLETE
        else:
            status = CheckStatus.SKIPPED
        self._result = CheckResult(answers, night, status)
        for item in self._items:
            item.setEnabled(False)
        self._skip.setEnabled(False)
        self._done.setEnabled(False)
        self.submitted.emit(self._result)

    # --- events ------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            event.accept()
        elif key == Qt.Key.Key_Escape:
            window = self.window()
            if window is not self and window.isFullScreen():
                # The session window's first Esc in full screen only leaves full screen.
                event.ignore()
                return
            self.skip()
            event.accept()
        else:
            super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        focus = QApplication.focusWidget()
        if self._result is None and (focus is None or not self.isAncestorOf(focus)):
            self.focus_first_open()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fit_page_margins(self._outer, event.size())
        wide = event.size().width() >= WIDE_MIN_WIDTH
        for item in self._items:
            item.set_wide(wide)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
