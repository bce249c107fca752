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
from typing import Final

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QBoxLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
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
from herstel.ui.common.theme import base_point_size

BUTTON_SIZE: Final = 38
"""Diameter of a number button (comfortably above the 36 px minimum)."""

BUTTON_GAP: Final = 6
WIDE_MIN_WIDTH: Final = 600
"""From this page width on, a 0–6 item puts its question beside the numbers."""

PAGE_MARGINS: Final = (40, 26, 40, 20)
"""Left, top, right, bottom margins of a check or result page at its usual size."""

MAX_COLUMN: Final = QSize(760, 960)
"""The content never grows beyond this; in full screen it stays a calm, centred column."""

_DIGITS: Final = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}
_COMMAND_MODIFIERS: Final = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


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


def digit_of(event: QKeyEvent) -> int | None:
    """The digit a key press types (top row or keypad), None for anything else."""
    if event.modifiers() & _COMMAND_MODIFIERS:
        return None
    return _DIGITS.get(Qt.Key(event.key()))


def fit_page_margins(layout: QLayout, size: QSize) -> None:
    """Margins that keep a page's content in a centred column of at most ``MAX_COLUMN``."""
    left, top, right, bottom = PAGE_MARGINS
    extra_x = max(0, size.width() - left - right - MAX_COLUMN.width()) // 2
    extra_y = max(0, size.height() - top - bottom - MAX_COLUMN.height()) // 2
    layout.setContentsMargins(left + extra_x, top + extra_y, right + extra_x, bottom + extra_y)


def _soft(color: QColor, alpha: float) -> QColor:
    soft = QColor(color)
    soft.setAlphaF(alpha)
    return soft


def page_heading(page: QWidget, object_name: str) -> QLabel:
    """The large, light heading the check and result pages open with."""
    heading = QLabel(page)
    heading.setObjectName(object_name)
    heading.setWordWrap(True)
    font = QFont(page.font())
    font.setPointSizeF(max(20.0, base_point_size(page) * 2.1))
    font.setWeight(QFont.Weight.Light)
    heading.setFont(font)
    return heading


class SoftScrollArea(QScrollArea):
    """A frameless, transparent scroll area with a slim, rounded scroll bar.

    Its size hint is its content's full height, so a page can put its footer
    right below short content and only scrolls when the window is too small.
    It never takes focus itself (Tab and the arrows stay with the content) and
    follows palette changes (light/dark) for its scroll bar.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bar_colors: tuple[str, str] | None = None
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.viewport().setAutoFillBackground(False)
        self._style_bar()

    def set_content(self, content: QWidget) -> None:
        content.setAutoFillBackground(False)
        content.installEventFilter(self)
        self.setWidget(content)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        content = self.widget()
        if content is None:
            return hint
        width = self.viewport().width()
        if content.hasHeightForWidth() and width > 0:
            height = content.heightForWidth(width)
        else:
            height = content.sizeHint().height()
        return QSize(hint.width(), height + 2 * self.frameWidth())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # the content's height changed: so does our hint
        return super().eventFilter(watched, event)

    def _style_bar(self) -> None:
        palette = self.palette()
        handle = _soft(palette.color(QPalette.ColorRole.PlaceholderText), 0.45)
        hover = _soft(palette.color(QPalette.ColorRole.PlaceholderText), 0.7)
        colors = (handle.name(QColor.NameFormat.HexArgb), hover.name(QColor.NameFormat.HexArgb))
        if colors == self._bar_colors:
            return
        self._bar_colors = colors
        self.verticalScrollBar().setStyleSheet(
            f"""
QScrollBar:vertical {{ background: transparent; width: 10px; margin: 2px 0 2px 2px; }}
QScrollBar::handle:vertical {{ background: {colors[0]}; border-radius: 4px; min-height: 36px; }}
QScrollBar::handle:vertical:hover {{ background: {colors[1]}; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; border: none; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: transparent; }}
"""
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._style_bar()


class ScaleButton(QAbstractButton):
    """One answer: a round number button, or a pill with a word (the change item).

    It never takes keyboard focus itself: the item row it belongs to does, so
    the digits and arrows always act on the row.
    """

    def __init__(self, value: int, *, pill: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = value
        self._pill = pill
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        if pill:
            self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        else:
            self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        if not self._pill:
            return QSize(BUTTON_SIZE, BUTTON_SIZE)
        width = QFontMetrics(self.font()).horizontalAdvance(self.text()) + 32
        return QSize(max(BUTTON_SIZE * 2, width), BUTTON_SIZE + 4)

    def minimumSizeHint(self) -> QSize:
        if not self._pill:
            return self.sizeHint()
        metrics = QFontMetrics(self.font())
        widest = max((metrics.horizontalAdvance(w) for w in self.text().split()), default=0)
        return QSize(max(BUTTON_SIZE + 8, widest + 20), BUTTON_SIZE + 4)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        role = QPalette.ColorRole
        if self._pill:
            shape = QRectF(self.rect()).adjusted(1.0, 1.0, -1.0, -1.0)
        else:
            side = min(self.width(), self.height()) - 2.0
            shape = QRectF(0.0, 0.0, side, side)
            shape.moveCenter(QRectF(self.rect()).center())
        radius = shape.height() / 2.0
        if self.isChecked():
            fill = palette.color(role.Accent)
            pen = QPen(Qt.PenStyle.NoPen)
            text = palette.color(role.HighlightedText)
        else:
            if self.isDown():
                fill = palette.color(role.Mid)
            elif self.underMouse() and self.isEnabled():
                fill = palette.color(role.AlternateBase)
            else:
                fill = palette.color(role.Base)
            pen = QPen(_soft(palette.color(role.PlaceholderText), 0.45), 1.0)
            text = palette.color(role.Text)
        if not self.isEnabled():
            fill = _soft(fill, 0.6)
            text = _soft(text, 0.6)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(shape, radius, radius)
        painter.setPen(text)
        painter.setFont(self.font())
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(shape.adjusted(6.0, 0.0, -6.0, 0.0), int(flags), self.text())


class ScaleItem(QGroupBox):
    """One question with its row of answers; the unit keyboard focus moves between.

    A group box without a title or frame (it paints itself), so assistive
    technology meets a *grouping* named by the question, holding the answer
    buttons as checkable children.

    ``value`` is the answer or None. ``keyed`` is emitted when a digit answered
    the item (the page then moves on), ``step(int)`` for Up (-1) and Down (+1).
    """

    value_changed = Signal(object)
    keyed = Signal()
    step = Signal(int)
    focused = Signal()

    def __init__(self, key: str, scale: tuple[int, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.scale = scale
        self._value: int | None = None
        self._missing = False
        self._is_change = key == CHANGE_KEY
        self._beside: bool | None = None
        self.setObjectName(f"item_{key}")
        self.setFlat(True)
        # No room for a title or a frame: the item paints its own focus ring.
        self.setStyleSheet("QGroupBox { border: none; margin: 0; padding: 0; }")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(18, 8, 18, 8)
        self._layout.setSpacing(10)

        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.question.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        font = QFont(self.font())
        font.setPointSizeF(base_point_size(self) * 1.1)
        self.question.setFont(font)
        self.question.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._layout.addWidget(self.question, 1)

        scale_box = QWidget(self)
        column = QVBoxLayout(scale_box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(BUTTON_GAP if not self._is_change else 8)
        row.setContentsMargins(0, 0, 0, 0)
        low, high = scale
        self._buttons: list[ScaleButton] = []
        for value in range(low, high + 1):
            button = ScaleButton(value, pill=self._is_change, parent=scale_box)
            button.clicked.connect(lambda _=False, v=value: self._clicked(v))
            self._buttons.append(button)
            row.addWidget(button, 1 if self._is_change else 0)
        column.addLayout(row)

        small = QFont(self.font())
        small.setPointSizeF(base_point_size(self) * 0.85)
        ends = QHBoxLayout()
        ends.setContentsMargins(2, 0, 2, 0)
        self.low_label = QLabel(scale_box)
        self.high_label = QLabel(scale_box)
        for label in (self.low_label, self.high_label):
            label.setProperty("role", "muted")
            label.setFont(small)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        ends.addWidget(self.low_label)
        ends.addStretch(1)
        ends.addWidget(self.high_label)
        column.addLayout(ends)
        self._scale_box = scale_box
        self._layout.addWidget(scale_box, 0)
        self.retranslate()
        self.set_wide(False)

    # --- public ----------------------------------------------------------------

    @property
    def value(self) -> int | None:
        return self._value

    def buttons(self) -> list[ScaleButton]:
        return list(self._buttons)

    def button(self, value: int) -> ScaleButton:
        return self._buttons[value - self.scale[0]]

    def set_value(self, value: int | None) -> None:
        """Answer (or clear, with None); values outside the scale are ignored."""
        low, high = self.scale
        if value is not None and not low <= value <= high:
            return
        for button in self._buttons:
            button.setChecked(button.value == value)
        if value == self._value:
            return
        self._value = value
        if value is not None:
            self.set_missing(False)
        self._describe()
        self.value_changed.emit(value)

    def set_missing(self, missing: bool) -> None:
        """Mark an item that Enter found unanswered (a soft dashed outline)."""
        if missing != self._missing:
            self._missing = missing
            self.update()

    def is_missing(self) -> bool:
        return self._missing

    def set_wide(self, wide: bool) -> None:
        """Question beside the numbers (wide) or above them; the change item stays stacked."""
        beside = wide and not self._is_change
        direction = QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom
        if beside != self._beside:
            self._beside = beside
            self._layout.setDirection(direction)
            self._layout.setSpacing(20 if beside else 8)
            # Beside the numbers, the question lines up with them, not with the end words.
            lift = self.low_label.sizeHint().height() + 2 if beside else 0
            self.question.setContentsMargins(0, 0, 0, lift)
            align = Qt.AlignmentFlag
            if beside:
                question_align, scale_align = (
                    align.AlignVCenter,
                    align.AlignVCenter | align.AlignRight,
                )
            elif self._is_change:
                question_align, scale_align = align(0), align(0)  # the pills fill the row
            else:
                question_align, scale_align = align(0), align.AlignLeft
            self._layout.setAlignment(self.question, question_align)
            self._layout.setAlignment(self._scale_box, scale_align)
            self._scale_box.setSizePolicy(
                QSizePolicy.Policy.Expanding if self._is_change else QSizePolicy.Policy.Fixed,
                QSizePolicy.Policy.Fixed,
            )

    def retranslate(self) -> None:
        self.question.setText(texts.item_text(self.key))
        self.setAccessibleName(texts.item_text(self.key))
        low, high = self.scale
        if self._is_change:
            for button in self._buttons:
                word = texts.change_word(button.value)
                button.setText(word)
                button.setAccessibleName(word)
                button.setToolTip(
                    texts.fill(self.tr("{word} (key {key})"), word=word, key=button.value)
                )
            self.low_label.setText(self.tr("keys 1 to 5"))
            self.high_label.setText("")
        else:
            for button in self._buttons:
                button.setText(str(button.value))
                name = str(button.value)
                if button.value == low:
                    name = f"{low}, {texts.scale_low()}"
                elif button.value == high:
                    name = f"{high}, {texts.scale_high()}"
                button.setAccessibleName(name)
            self.low_label.setText(texts.scale_low())
            self.high_label.setText(texts.scale_high())
        self._describe()

    # --- behaviour ---------------------------------------------------------------

    def _describe(self) -> None:
        description = texts.item_description(self.key, self._value)
        self.setAccessibleDescription(description)

    def _clicked(self, value: int) -> None:
        if not self.isEnabled():
            return
        self.set_value(value)
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        digit = digit_of(event)
        low, high = self.scale
        if digit is not None:
            # Digits outside this item's scale do nothing (0 and 6 on the change item).
            if low <= digit <= high:
                self.set_value(digit)
                self.keyed.emit()
            event.accept()
        elif key == Qt.Key.Key_Up:
            self.step.emit(-1)
            event.accept()
        elif key == Qt.Key.Key_Down:
            self.step.emit(1)
            event.accept()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            forward = key == Qt.Key.Key_Right
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                forward = not forward
            if self._value is None:
                self.set_value(low if forward else high)
            else:
                self.set_value(min(high, self._value + 1) if forward else max(low, self._value - 1))
            event.accept()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.set_value(None)
            event.accept()
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()
        self.focused.emit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not (self.hasFocus() or self._missing):
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        role = QPalette.ColorRole
        shape = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        if self.hasFocus():
            painter.setPen(QPen(palette.color(role.Accent), 2.0))
            painter.setBrush(palette.color(role.Base))
        else:
            pen = QPen(_soft(palette.color(role.PlaceholderText), 0.75), 1.2)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(shape, 16.0, 16.0)


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
            texts.fill(
                self.tr("{answered} of {total} answered"),
                answered=answered,
                total=len(self._items),
            )
        )

    def _say_missing(self, missing: list[ScaleItem], *, announce: bool = True) -> None:
        if len(missing) == 1:
            text = texts.fill(
                self.tr("One question is still open: {question}"),
                question=texts.item_text(missing[0].key),
            )
        else:
            text = texts.fill(
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
