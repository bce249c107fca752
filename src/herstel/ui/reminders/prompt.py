"""The reminder: a small window that offers a break without taking the keyboard.

It shows without activating (typing in another window goes on undisturbed),
sits in a corner of the screen under the pointer, offers Start now / In 10
minutes / Skip, and closes by itself after ``PROMPT_TIMEOUT`` as missed. A new
reminder replaces an open one; there are never two. On Wayland, where a client
can neither refuse focus nor place itself, it is a fixed-size window that the
compositor floats, and its buttons answer clicks only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QCursor, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from herstel.core.reminder_flow import PROMPT_TIMEOUT, Outcome, Shown

MARGIN = 24


class ReminderPrompt(QWidget):
    """Emits ``answered(Outcome)`` exactly once: a button; missed on timeout; skipped on close."""

    answered = Signal(object)

    def __init__(
        self,
        shown: Shown,
        snooze_minutes: int,
        parent: QWidget | None = None,
        *,
        floating: bool = False,
    ) -> None:
        flags = Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint
        if floating:
            flags |= Qt.WindowType.WindowDoesNotAcceptFocus
        super().__init__(parent, flags)
        self.shown = shown
        self._floating = floating
        self._snooze_minutes = snooze_minutes
        self._done = False
        self.setObjectName("reminderPrompt")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setAutoFillBackground(True)
        self._title = QLabel()
        self._title.setProperty("role", "heading")
        font = self._title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self._title.setFont(font)
        self._text = QLabel()
        self._text.setProperty("role", "muted")
        self._text.setWordWrap(True)
        self.start_button = QPushButton()
        self.start_button.setObjectName("primarySmall")
        self.start_button.setDefault(True)  # Enter starts, once the user gives it focus
        self.snooze_button = QPushButton()
        self.skip_button = QPushButton()
        self.skip_button.setProperty("quiet", True)
        self.start_button.clicked.connect(lambda: self._answer(Outcome.TAKEN))
        self.snooze_button.clicked.connect(lambda: self._answer(Outcome.SNOOZED))
        self.skip_button.clicked.connect(lambda: self._answer(Outcome.SKIPPED))
        if floating:
            # Wayland: the compositor may give this window the keyboard. Then no
            # key answers it — Enter meant for the editor must not start a break.
            self.start_button.setDefault(False)
            for button in (self.start_button, self.snooze_button, self.skip_button):
                button.setAutoDefault(False)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.snooze_button)
        buttons.addStretch(1)
        buttons.addWidget(self.skip_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(self._title)
        layout.addWidget(self._text)
        layout.addSpacing(6)
        layout.addLayout(buttons)
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.timeout.connect(lambda: self._answer(Outcome.MISSED))
        self._retranslate()

    def present(self) -> None:
        """Show in the bottom-right corner of the screen under the pointer, unfocused.

        Floating (Wayland): a fixed size, which tiling compositors float rather
        than tile over the screen; where it goes is the compositor's choice.
        """
        self.adjustSize()
        if self._floating:
            self.setFixedSize(self.size())
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.move(
            QPoint(
                area.right() - self.width() - MARGIN,
                area.bottom() - self.height() - MARGIN,
            )
        )
        self._timeout.start(int(PROMPT_TIMEOUT.total_seconds() * 1000))
        self.show()

    def dismiss_as_missed(self) -> None:
        """Replaced by a newer reminder or the app is quitting: counts as missed."""
        self._answer(Outcome.MISSED)

    def _answer(self, outcome: Outcome) -> None:
        if self._done:
            return
        self._done = True
        self._timeout.stop()
        self.answered.emit(outcome)
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._done:  # closed from the window manager: the user chose not to
            self._done = True
            self._timeout.stop()
            self.answered.emit(Outcome.SKIPPED)
        super().closeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Time for a breathing break"))
        if self.shown.reset:
            self._title.setText(self.tr("A one-minute reset after your call?"))
        elif self.shown.kind == "timer":
            self._title.setText(self.tr("Your reminder: a breathing break"))
        else:
            self._title.setText(self.tr("Time for a breathing break"))
        if self.shown.reset:
            self._text.setText(self.tr("One minute of slow, gentle breathing before you carry on."))
        else:
            self._text.setText(
                self.tr(
                    "A few minutes of slow, gentle breathing: in through your nose, "
                    "out a little longer."
                )
            )
        self.start_button.setText(self.tr("Start now"))
        self.snooze_button.setText(self.tr("In %n min", "", self._snooze_minutes))
        self.skip_button.setText(self.tr("Skip"))
        self.start_button.setAccessibleName(self.tr("Start a breathing break now"))
        self.snooze_button.setAccessibleName(
            self.tr("Remind me again in %n min", "", self._snooze_minutes)
        )
        self.skip_button.setAccessibleName(self.tr("Skip this break"))
