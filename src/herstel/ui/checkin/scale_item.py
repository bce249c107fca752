"""One question of the check: its text, its scale ends, and a row of number buttons.

The row is one focusable widget: a digit answers it, Left/Right nudge the
answer, Backspace clears it; a click on a number does the same. Screen readers
get it as a widget named by its question, described by its scale ends and the
answer.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from herstel.core.checkin import (
    CHANGE_KEY,
)
from herstel.ui.checkin import texts
from herstel.ui.checkin.page_parts import digit_of, soft
from herstel.ui.common.i18n import fill
from herstel.ui.common.theme import base_point_size

BUTTON_SIZE: Final = 38
"""Diameter of a number button (comfortably above the 36 px minimum)."""

BUTTON_GAP: Final = 6
WIDE_MIN_WIDTH: Final = 600
"""From this page width on, a 0–6 item puts its question beside the numbers."""


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
            pen = QPen(soft(palette.color(role.PlaceholderText), 0.45), 1.0)
            text = palette.color(role.Text)
        if not self.isEnabled():
            fill = soft(fill, 0.6)
            text = soft(text, 0.6)
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
                button.setToolTip(fill(self.tr("{word} (key {key})"), word=word, key=button.value))
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
            pen = QPen(soft(palette.color(role.PlaceholderText), 0.75), 1.2)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(shape, 16.0, 16.0)
