"""What the check and result pages share: the column they sit in, the heading, the
scroll area, and reading a digit key."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from herstel.ui.common.theme import base_point_size

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


def soft(color: QColor, alpha: float) -> QColor:
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
        handle = soft(palette.color(QPalette.ColorRole.PlaceholderText), 0.45)
        hover = soft(palette.color(QPalette.ColorRole.PlaceholderText), 0.7)
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
