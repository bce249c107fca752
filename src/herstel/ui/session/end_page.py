"""The calm page after the last breath: a short summary, or advice after dizziness.

Shown in the session window by the session flow when no recovery check follows
(``--no-check``, the check turned off, or "I feel dizzy", which never asks).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from herstel.core.records import EndedHow
from herstel.ui.common.i18n import fill
from herstel.ui.common.theme import base_point_size


class Ended(Protocol):
    """How a session ended: a ``SessionOutcome`` or the stored ``SessionRecord``."""

    @property
    def ended_how(self) -> EndedHow: ...
    @property
    def done_seconds(self) -> float: ...
    @property
    def done_breaths(self) -> int: ...


class EndPage(QWidget):
    """The calm page after the last breath: a short summary, or advice after dizziness."""

    def __init__(self, outcome: Ended, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("endPage")
        self._outcome = outcome
        layout = QVBoxLayout(self)
        layout.setContentsMargins(56, 48, 56, 48)
        layout.setSpacing(18)
        layout.addStretch(2)

        self.heading = QLabel(self)
        self.heading.setObjectName("endHeading")
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.font())
        base = base_point_size(self)
        font.setPointSizeF(max(22.0, base * 2.2))
        font.setWeight(QFont.Weight.Light)
        self.heading.setFont(font)
        layout.addWidget(self.heading)

        self.body = QLabel(self)
        self.body.setObjectName("endBody")
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setProperty("role", "muted")
        body_font = QFont(self.font())
        body_font.setPointSizeF(max(12.0, base * 1.25))
        self.body.setFont(body_font)
        layout.addWidget(self.body)

        layout.addSpacing(16)
        self.button = QPushButton(self)
        self.button.setObjectName("primary")
        self.button.setDefault(True)
        self.button.setAutoDefault(True)
        self.button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.button.clicked.connect(window.close)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.setFocusProxy(self.button)
        self._retranslate()

    def _retranslate(self) -> None:
        outcome = self._outcome
        if outcome.ended_how is EndedHow.DIZZY:
            self.heading.setText(
                self.tr(
                    "Breathe normally and sit for a moment. Stand up slowly when you feel steady."
                )
            )
            self.body.setText("")
            self.body.hide()
            self.button.setText(self.tr("Close"))
        else:
            self.heading.setText(self.tr("Breathe normally now."))
            self.body.setText(self.summary(outcome))
            self.button.setText(self.tr("Done"))
        self.button.setAccessibleName(self.button.text())

    def summary(self, outcome: Ended) -> str:
        """ "You breathed for 4 min 10 s — 25 breaths." """
        seconds = round(outcome.done_seconds)
        if seconds < 1:
            return self.tr("Come back to it whenever you like.")
        duration = self.duration_text(seconds)
        breaths = outcome.done_breaths
        if breaths == 0:
            return fill(self.tr("You breathed for {duration}."), duration=duration)
        if breaths == 1:
            return fill(self.tr("You breathed for {duration} — 1 breath."), duration=duration)
        return fill(
            self.tr("You breathed for {duration} — {breaths} breaths."),
            duration=duration,
            breaths=breaths,
        )

    def duration_text(self, seconds: int) -> str:
        minutes, rest = divmod(seconds, 60)
        if minutes and rest:
            return fill(self.tr("{minutes} min {seconds} s"), minutes=minutes, seconds=rest)
        if minutes:
            return fill(self.tr("{minutes} min"), minutes=minutes)
        return fill(self.tr("{seconds} s"), seconds=rest)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
