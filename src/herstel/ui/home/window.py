"""The home window: one calm invitation to breathe.

A large "Start breathing" button with the current rhythm and length beside it
(click to change them in the pattern chooser), and, until the first session,
a quiet safety note. Nothing else competes for attention.

The window stores nothing: ``start_requested()`` asks the app to start a
session with the saved settings, ``settings_changed(Settings)`` hands a new
rhythm or length to the app to save; the app calls ``set_settings`` with what
it saved (also after the first session, which hides the note).
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QFont, QIcon, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from herstel import APP_NAME
from herstel.core.rhythm import PRESETS, parse_pattern
from herstel.core.settings import Settings
from herstel.ui.common.icons import app_icon
from herstel.ui.common.theme import base_point_size
from herstel.ui.common.windows import after_first_paint
from herstel.ui.session.pattern_texts import format_label, length_text, pattern_name, pattern_title

if TYPE_CHECKING:
    from herstel.ui.session.pattern_chooser import PatternChooser

MINIMUM_SIZE: Final = QSize(580, 560)
PREFERRED_SIZE: Final = QSize(720, 620)


class HomeWindow(QWidget):
    """Start a breathing break; see and change the rhythm."""

    start_requested = Signal()
    settings_changed = Signal(object)
    history_requested = Signal()
    settings_requested = Signal()
    rhythm_finder_requested = Signal()  # "Find my rhythm…" in the chooser

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings if settings is not None else Settings()
        self._chooser: PatternChooser | None = None
        self.setObjectName("homeWindow")
        self.setWindowTitle(APP_NAME)
        self.setAutoFillBackground(True)
        icon = app_icon()
        if not icon.isNull():
            self.setWindowIcon(icon)
        self._build(icon)
        self._retranslate()
        self._show_settings()
        self.resize(PREFERRED_SIZE)
        after_first_paint(self, self._finish_build)

    # --- public -------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def start_button(self) -> QPushButton:
        return self._start

    @property
    def pattern_button(self) -> QPushButton:
        return self._card

    def set_settings(self, settings: Settings) -> None:
        """Show ``settings`` (the app calls this after saving them)."""
        self._settings = settings
        self._show_settings()

    def show_notice(self, text: str) -> None:
        """A calm, non-blocking message at the top (a damaged file, no tray icon)."""
        self._notice.setText(text)
        self._notice.show()

    def hide_notice(self) -> None:
        """Take the notice away once what it said is over."""
        self._notice.hide()

    def add_section(self, widget: QWidget) -> None:
        """Place a feature's part (today at a glance, reminders) under the Start row."""
        self._sections.addWidget(widget)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab follows the screen: Start, the rhythm, the sections top to bottom, the links."""
        from PySide6.QtCore import Qt

        chain: list[QWidget] = [self._start, self._card]
        for index in range(self._sections.count()):
            item = self._sections.itemAt(index)
            section = item.widget() if item is not None else None
            if section is not None:
                chain += [
                    child
                    for child in section.findChildren(QWidget)
                    if child.focusPolicy() & Qt.FocusPolicy.TabFocus
                ]
        chain += [self._history_link, self._settings_link]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def pattern_summary(self) -> str:
        """What the card says, on one line: "Rest rhythm · 4-6 · 5 min"."""
        return f"{self._card_name.text()} · {self._card_detail.text()}"

    def open_chooser(self) -> PatternChooser:
        """Open the rhythm chooser (non-blocking); a second click raises the open one."""
        from herstel.ui.session.pattern_chooser import (
            open_pattern_chooser,  # loaded when first opened
        )

        fresh = self._chooser is None
        self._chooser = open_pattern_chooser(
            self._chooser, self._settings, self, self._chosen, self._chooser_closed
        )
        if fresh:
            self._chooser.find_rhythm_requested.connect(self.rhythm_finder_requested)
        return self._chooser

    # --- building -----------------------------------------------------------------

    def _build(self, icon: QIcon) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(52, 40, 52, 36)
        layout.setSpacing(0)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumSize(MINIMUM_SIZE)

        brand = QHBoxLayout()
        brand.setSpacing(10)
        if not icon.isNull():
            mark = QLabel(self)
            mark.setPixmap(icon.pixmap(QSize(28, 28), self.devicePixelRatioF()))
            mark.setFixedSize(28, 28)
            brand.addWidget(mark)
        self._brand = QLabel(APP_NAME, self)
        brand_font = QFont(self.font())
        brand_font.setPointSizeF(base_point_size(self) * 1.15)
        brand_font.setWeight(QFont.Weight.DemiBold)
        self._brand.setFont(brand_font)
        self._brand.setProperty("role", "muted")
        brand.addWidget(self._brand)
        brand.addStretch(1)
        layout.addLayout(brand)
        self._notice = QLabel(self)
        self._notice.setObjectName("homeNotice")
        self._notice.setProperty("role", "note")
        self._notice.setWordWrap(True)
        self._notice.hide()
        layout.addSpacing(18)
        layout.addWidget(self._notice)
        layout.addSpacing(16)

        self._heading = QLabel(self)
        self._heading.setObjectName("homeHeading")
        self._heading.setWordWrap(True)
        heading_font = QFont(self.font())
        heading_font.setPointSizeF(max(20.0, base_point_size(self) * 2.1))
        heading_font.setWeight(QFont.Weight.Light)
        self._heading.setFont(heading_font)
        layout.addWidget(self._heading)
        layout.addSpacing(8)

        self._subline = QLabel(self)
        self._subline.setWordWrap(True)
        self._subline.setProperty("role", "muted")
        layout.addWidget(self._subline)
        layout.addSpacing(32)

        row = QHBoxLayout()
        row.setSpacing(18)
        self._start = QPushButton(self)
        self._start.setObjectName("primary")
        self._start.setAutoDefault(True)
        self._start.setDefault(True)
        self._start.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._start.clicked.connect(self.start_requested)
        row.addLayout(_centred(self._start))

        self._card = _CardButton(self)
        self._card.setObjectName("patternCard")
        self._card.setAutoDefault(True)  # Enter opens the chooser when the card has focus
        self._card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        card_layout = QVBoxLayout(self._card)
        card_layout.setContentsMargins(20, 12, 24, 12)
        card_layout.setSpacing(2)
        self._card_name = QLabel(self._card)
        name_font = QFont(self.font())
        name_font.setPointSizeF(base_point_size(self) * 1.15)
        name_font.setWeight(QFont.Weight.DemiBold)
        self._card_name.setFont(name_font)
        self._card_detail = QLabel(self._card)
        self._card_detail.setProperty("role", "muted")
        self._card_change = QLabel(self._card)
        self._card_change.setObjectName("changeLink")
        for label in (self._card_name, self._card_detail, self._card_change):
            card_layout.addWidget(label)
        self._card.clicked.connect(self.open_chooser)
        row.addLayout(_centred(self._card))
        row.addStretch(1)
        layout.addLayout(row)

        # Parts that other features bring (today at a glance, reminders) go here.
        self._sections = QVBoxLayout()
        self._sections.setSpacing(18)
        layout.addSpacing(30)
        layout.addLayout(self._sections)

        layout.addStretch(1)
        self._note = QLabel(self)
        self._note.setObjectName("safetyNote")
        self._note.setProperty("role", "note")
        self._note.setWordWrap(True)
        layout.addSpacing(24)
        layout.addWidget(self._note)

        footer = QHBoxLayout()
        footer.setSpacing(10)
        self._history_link = QPushButton(self)
        self._settings_link = QPushButton(self)
        for link in (self._history_link, self._settings_link):
            link.setProperty("quiet", True)
            link.setAutoDefault(True)  # Enter opens it once Tab has reached it, like Space
            footer.addWidget(link)
        footer.addStretch(1)
        self._history_link.clicked.connect(self.history_requested)
        self._settings_link.clicked.connect(self.settings_requested)
        layout.addSpacing(18)
        layout.addLayout(footer)

    def _retranslate(self) -> None:
        self._heading.setText(self.tr("A few minutes of slow, gentle breathing."))
        self._subline.setText(
            self.tr("Breathe through your nose and follow the circle. Nothing to get right.")
        )
        self._start.setText(self.tr("Start breathing"))
        self._start.setAccessibleName(self.tr("Start breathing"))
        self._start.setToolTip(self.tr("Start a breathing session now"))
        self._card_change.setText(self.tr("Change rhythm or length"))
        self._history_link.setText(self.tr("History"))
        self._history_link.setAccessibleName(self.tr("History"))
        self._settings_link.setText(self.tr("Settings"))
        self._settings_link.setAccessibleName(self.tr("Settings"))
        self._note.setText(
            self.tr(
                "Herstel is a relaxation aid, not a treatment. If you feel dizzy or "
                "short of breath, stop and breathe normally."
            )
        )
        self._show_settings()

    def _show_settings(self) -> None:
        settings = self._settings
        try:
            pattern = parse_pattern(settings.pattern)
        except ValueError:  # a validated Settings always parses; stay calm regardless
            pattern = PRESETS[0].pattern
        # A rhythm saved under your own name is called by it ("Evening"), not "Your own".
        named = next((p for p in settings.custom_patterns if p.pattern == pattern.label), None)
        self._card_name.setText(named.name if named is not None else pattern_name(pattern))
        detail = f"{format_label(pattern)} · {length_text(settings)}"
        if settings.gentle_start:
            detail += " · " + self.tr("gentle start")
        self._card_detail.setText(detail)
        self._card.setAccessibleName(
            self.tr("Rhythm and length: {summary}. Change").replace(
                "{summary}", f"{pattern_title(pattern)}, {length_text(settings)}"
            )
        )
        self._card.setToolTip(self.tr("Choose a rhythm and a length"))
        self._note.setVisible(not settings.first_run_done)

    # --- events -------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._start.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _chosen(self, settings: Settings) -> None:
        if settings != self._settings:
            self._settings = settings
            self._show_settings()
            self.settings_changed.emit(settings)

    def _chooser_closed(self) -> None:
        self._chooser = None
        self._start.setFocus()

    def _finish_build(self) -> None:
        """What only matters once the window is on screen: pointer shapes, clicks on the card.

        Both need the ``Qt`` enum namespace, which PySide6 creates in one go on first
        use (~20 ms); leaving them until after the first frame keeps that out of
        start-up (see ``herstel.ui.common.theme``).
        """
        from PySide6.QtCore import Qt

        for clickable in (self._start, self._card, self._history_link, self._settings_link):
            clickable.setCursor(Qt.CursorShape.PointingHandCursor)
        for label in (self._card_name, self._card_detail, self._card_change):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)


def _centred(widget: QWidget) -> QVBoxLayout:
    """``widget`` centred vertically in its row (stretch above and below, no alignment flag)."""
    column = QVBoxLayout()
    column.setSpacing(0)
    column.addStretch(1)
    column.addWidget(widget)
    column.addStretch(1)
    return column


class _CardButton(QPushButton):
    """A button whose face is a small layout of labels (name, detail, "change")."""

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
