"""The session window's widgets: the shape, the words beneath it, the quiet buttons.

Built once per window and handed back as ``SessionParts``; the window only
updates them. Kept apart so the window's module is about time and keys.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from herstel.ui.common.theme import base_point_size
from herstel.ui.session.breathing_view import BreathingView

MINIMUM_SIZE: Final = QSize(420, 520)


@dataclass(frozen=True, slots=True)
class SessionParts:
    stack: QStackedWidget  # the breathing page, later the end page
    page: QWidget
    view: BreathingView
    phase_label: QLabel
    count_label: QLabel
    note: QLabel  # the first-run safety note
    time_label: QLabel
    hint: QLabel  # "Esc stops", in full screen
    buttons: QWidget
    pause_button: QPushButton
    stop_button: QPushButton
    dizzy_button: QPushButton
    full_button: QPushButton


def build_parts(
    window: QWidget,
    *,
    reduced_motion: bool,
    first_run: bool,
    actions: Sequence[Callable[[], None]],
) -> SessionParts:
    """The widgets of ``window``; ``actions``: pause, stop, dizzy, full screen."""
    outer = QVBoxLayout(window)
    outer.setContentsMargins(0, 0, 0, 0)
    # The window's size limits are set once, not re-sent to the window system
    # whenever a label changes (cheaper, and no size-hint churn mid-session).
    outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    window.setMinimumSize(MINIMUM_SIZE)
    stack = QStackedWidget(window)
    outer.addWidget(stack)

    page = QWidget(stack)
    page.setObjectName("sessionPage")
    page = page
    layout = QVBoxLayout(page)
    layout.setContentsMargins(40, 32, 40, 28)
    layout.setSpacing(10)

    view = BreathingView(page, reduced_motion=reduced_motion)
    layout.addWidget(view, 1)

    phase_label = QLabel(page)
    phase_label.setObjectName("phaseWord")
    phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    font = QFont(window.font())
    base = base_point_size(window)
    font.setPointSizeF(max(28.0, base * 2.9))
    font.setWeight(QFont.Weight.Light)
    phase_label.setFont(font)
    layout.addSpacing(6)
    layout.addWidget(phase_label)

    count_label = QLabel(page)
    count_label.setObjectName("count")
    count_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    count_font = QFont(window.font())
    count_font.setPointSizeF(max(17.0, base * 1.7))
    count_font.setWeight(QFont.Weight.Light)
    count_label.setFont(count_font)
    count_label.setProperty("role", "muted")
    _keep_space(count_label)
    layout.addWidget(count_label)

    note = QLabel(page)
    note.setObjectName("safetyNote")
    note.setProperty("role", "note")
    note.setWordWrap(True)
    note.setAlignment(Qt.AlignmentFlag.AlignCenter)
    note.setMaximumWidth(460)
    _keep_space(note)
    note.setVisible(first_run)
    if first_run:
        # Centred by stretches, not by alignment, so the wrapped text gets its height.
        note_row = QHBoxLayout()
        note_row.addStretch(1)
        note_row.addWidget(note, 6)
        note_row.addStretch(1)
        layout.addLayout(note_row)

    time_label = QLabel(page)
    time_label.setObjectName("timeLeft")
    time_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    time_label.setProperty("role", "muted")
    layout.addWidget(time_label)

    hint = QLabel(page)
    hint.setObjectName("fullScreenHint")
    hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
    hint.setProperty("role", "muted")
    hint.hide()
    layout.addWidget(hint)

    buttons = QWidget(page)
    row = QHBoxLayout(buttons)
    row.setContentsMargins(0, 14, 0, 0)
    row.setSpacing(12)
    row.addStretch(1)
    pause_button = _quiet_button(page, actions[0])
    stop_button = _quiet_button(page, actions[1])
    dizzy_button = _quiet_button(page, actions[2])
    full_button = _quiet_button(page, actions[3])
    for button in (pause_button, stop_button, dizzy_button):
        row.addWidget(button)
    row.addSpacing(12)
    row.addWidget(full_button)
    row.addStretch(1)
    layout.addWidget(buttons)

    stack.addWidget(page)
    return SessionParts(
        stack=stack,
        page=page,
        view=view,
        phase_label=phase_label,
        count_label=count_label,
        note=note,
        time_label=time_label,
        hint=hint,
        buttons=buttons,
        pause_button=pause_button,
        stop_button=stop_button,
        dizzy_button=dizzy_button,
        full_button=full_button,
    )


def _quiet_button(page: QWidget, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(page)
    button.setProperty("quiet", True)
    # Tab reaches the buttons; a mouse click leaves the keyboard focus on the
    # window, so Space keeps meaning pause/resume.
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.clicked.connect(slot)
    return button


def _keep_space(widget: QWidget) -> None:
    """Hiding ``widget`` keeps its room, so the circle never jumps in size."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
