"""The words of the session window: the phase word, the count, the time left, the buttons.

Each frame that shows the run's whole state passes through here, so every
setter remembers what it shows and touches a label only when its text changes
(a label's change costs a layout pass and a screen-reader event). The phase
word is announced to assistive technology once per phase (``PhaseAnnouncer``).
Which quiet parts show depends on the stage, full screen and eyes-closed mode.

The texts keep the session window's context in the catalogue: they are its words.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from herstel.core.announcements import PhaseAnnouncer
from herstel.core.rhythm import Phase
from herstel.ui.common.i18n import fill
from herstel.ui.session.window_parts import SessionParts


def format_clock(seconds: float) -> str:
    """``m:ss`` for a time left, rounded up so 0:00 means done."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


class SessionLabels:
    """The texts on ``parts``, each changed only when what it shows changes."""

    def __init__(
        self, parts: SessionParts, *, show_count: bool, first_run: bool, eyes_closed: bool
    ) -> None:
        self._parts = parts
        self._show_count = show_count
        self._first_run = first_run
        self._eyes_closed = eyes_closed
        self.no_sound_for_eyes_closed = False
        self._announcer = PhaseAnnouncer()
        self._last_announcement = ""
        self._announcements = 0
        # What the labels show now, so a frame only touches what changed.
        self._phase_key: tuple[object, ...] | None = None
        self._shown_count: int | None = None
        self._shown_left: int | None = None
        self._parts_key: tuple[bool, bool] | None = None

    @property
    def shown_left(self) -> int | None:
        """The whole seconds of time left on screen (None before the first frame)."""
        return self._shown_left

    def last_announcement(self) -> str:
        return self._last_announcement

    def announcement_count(self) -> int:
        return self._announcements

    def retranslate(self, *, paused: bool) -> None:
        """Every text in the current language; what shows is shown again on the next frame."""
        translate = QCoreApplication.translate
        self._words = {
            Phase.INHALE: translate("SessionWindow", "Breathe in"),
            Phase.TOP_UP: translate("SessionWindow", "And in"),
            Phase.HOLD_IN: translate("SessionWindow", "Hold"),
            Phase.EXHALE: translate("SessionWindow", "Breathe out"),
            Phase.HOLD_OUT: translate("SessionWindow", "Hold"),
        }
        self._get_ready = translate("SessionWindow", "Get ready")
        self._paused = translate("SessionWindow", "Paused")
        self._left_text = translate("SessionWindow", "{time} left")
        notes = []
        if self.no_sound_for_eyes_closed:
            notes.append(
                translate(
                    "SessionWindow",
                    "Eyes-closed mode needs sound, and no sound can play here, "
                    "so follow the shape on the screen.",
                )
            )
        if self._first_run:
            notes.append(
                translate(
                    "SessionWindow",
                    "Herstel is a relaxation aid, not a treatment. If you feel dizzy or "
                    "short of breath, stop and breathe normally.",
                )
            )
        parts = self._parts
        parts.note.setText("\n\n".join(notes))
        parts.hint.setText(translate("SessionWindow", "Esc stops"))
        _name_button(
            parts.stop_button,
            translate("SessionWindow", "Stop"),
            translate("SessionWindow", "Stop the session (Esc)"),
        )
        _name_button(
            parts.dizzy_button,
            translate("SessionWindow", "I feel dizzy"),
            translate("SessionWindow", "End now and breathe normally (D)"),
        )
        _name_button(
            parts.full_button,
            translate("SessionWindow", "Full screen"),
            translate("SessionWindow", "Full screen on or off (F)"),
        )
        # The labels' names are their texts (the phase word, the count, "4:20 left"),
        # so a screen reader reads what is shown; the description says what it is.
        parts.phase_label.setAccessibleDescription(translate("SessionWindow", "Breathing phase"))
        parts.count_label.setAccessibleDescription(translate("SessionWindow", "Seconds"))
        parts.time_label.setAccessibleDescription(translate("SessionWindow", "Time left"))
        parts.view.setAccessibleName(translate("SessionWindow", "Breathing guide"))
        self.show_pause_button(paused=paused)
        # Show every text again, now in the new language.
        self._phase_key = None
        self._shown_count = None
        self._shown_left = None

    def show_pause_button(self, *, paused: bool) -> None:
        """ "Pause", or "Resume" while paused."""
        translate = QCoreApplication.translate
        text = (
            translate("SessionWindow", "Resume") if paused else translate("SessionWindow", "Pause")
        )
        _name_button(
            self._parts.pause_button, text, translate("SessionWindow", "Pause or resume (Space)")
        )

    def show_get_ready(self) -> None:
        self._set_phase(("ready",), self._get_ready)

    def show_paused(self) -> None:
        self._set_phase(("paused",), self._paused)

    def show_phase(self, breath_index: int, phase: Phase) -> None:
        key = (breath_index, phase)
        if key != self._phase_key:
            self._set_phase(key, self._words[phase])

    def set_count(self, number: int) -> None:
        if number != self._shown_count:
            self._shown_count = number
            self._parts.count_label.setText(str(number))

    def set_time_left(self, seconds: float) -> None:
        whole = max(0, math.ceil(seconds - 1e-9))
        if whole != self._shown_left:
            self._shown_left = whole
            self._parts.time_label.setText(fill(self._left_text, time=format_clock(whole)))

    def forget_parts(self) -> None:
        """Which parts show must be decided again (full screen or a note changed)."""
        self._parts_key = None

    def show_parts(self, *, counting_down: bool, full_screen: bool) -> None:
        """Which quiet parts show: they depend on the stage and on full screen."""
        eyes_closed = self._eyes_closed  # only the faint phase word
        full = full_screen or eyes_closed
        key = (counting_down, full)
        if key == self._parts_key:
            return
        self._parts_key = key
        parts = self._parts
        parts.count_label.setVisible(
            not eyes_closed and (counting_down or (self._show_count and not full))
        )
        parts.note.setVisible(
            counting_down and (self._first_run or self.no_sound_for_eyes_closed) and not full
        )
        parts.buttons.setVisible(not full)
        parts.time_label.setVisible(not full)
        parts.hint.setVisible(full and not eyes_closed)

    def announce(self, text: str, source: QWidget | None = None) -> None:
        """Tell screen readers about the new phase (once per phase) or the end."""
        self._last_announcement = text
        self._announcements += 1
        try:
            from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
        except ImportError:  # Qt older than 6.8: the label's name change is read instead
            return
        event = QAccessibleAnnouncementEvent(source or self._parts.phase_label, text)
        QAccessible.updateAccessibility(event)

    def _set_phase(self, key: tuple[object, ...], text: str) -> None:
        if key == self._phase_key:
            return
        self._phase_key = key
        label = self._parts.phase_label
        if label.text() != text:
            label.setText(text)
        if self._announcer.decide(key):  # each phase once; resuming repeats nothing
            self.announce(text)


def _name_button(button: QPushButton, text: str, tip: str) -> None:
    """A button's text is also its name for screen readers; the tip adds its key."""
    button.setText(text)
    button.setAccessibleName(text)
    button.setToolTip(tip)
