"""The Reminders settings page: schedule, working hours, snooze, style, reading the room.

A self-contained page so it slots into the settings dialog. Every change is
applied at once (no Apply button) by emitting ``changed(Settings)``; values
the model would reject (an end time before the start, no working day) are
held back with a short inline note instead.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from herstel.core.settings import (
    AWAY_MINUTES_RANGE,
    REMINDER_INTERVAL_RANGE,
    SNOOZE_RANGE,
    ReminderStyle,
    Settings,
    WorkingHours,
    effective_reminder_style,
)
from herstel.ui.settings.page import PAGE_MARGINS, SettingsPage

__all__ = ["ReminderSettingsPage", "SettingsPage"]


def _qtime(text: str) -> QTime:
    hours, minutes = (int(part) for part in text.split(":"))
    return QTime(hours, minutes)


class ReminderSettingsPage(SettingsPage):
    FIELDS: ClassVar[tuple[str, ...]] = (
        "reminders_enabled",
        "reminder_interval_minutes",
        "working_hours",
        "snooze_minutes",
        "reminder_style",
        "sense_call",
        "sense_full_screen",
        "sense_do_not_disturb",
        "sense_away",
        "away_minutes",
        "post_call_reset",
    )

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, *, wayland: bool | None = None
    ) -> None:
        self._wayland = QGuiApplication.platformName() == "wayland" if wayland is None else wayland
        self.style_reason = QLabel()
        self.style_reason.setProperty("role", "muted")
        self.style_reason.setWordWrap(True)
        super().__init__(settings, parent)
        self.enabled = QCheckBox()
        self.interval = QSpinBox()
        self.interval.setRange(*REMINDER_INTERVAL_RANGE)
        self.interval.setSingleStep(5)
        self.days = [QCheckBox() for _ in range(7)]
        self.start = QTimeEdit()
        self.end = QTimeEdit()
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.snooze = QSpinBox()
        self.snooze.setRange(*SNOOZE_RANGE)
        self.style_choice = QComboBox()
        # Reading the room: one switch per sense, the away threshold, the reset.
        self.room_heading = QLabel()
        self.room_heading.setProperty("role", "heading")
        self.sense_call = QCheckBox()
        self.sense_full_screen = QCheckBox()
        self.sense_dnd = QCheckBox()
        self.sense_away = QCheckBox()
        self.away_minutes = QSpinBox()
        self.away_minutes.setRange(*AWAY_MINUTES_RANGE)
        self.post_call_reset = QCheckBox()
        self.privacy = QLabel()
        self.privacy.setProperty("role", "muted")
        self.privacy.setWordWrap(True)
        self.note = QLabel()
        self.note.setProperty("role", "warning")
        self.note.setWordWrap(True)
        self.note.hide()

        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._labels = [QLabel() for _ in range(5)]
        for label, field in zip(
            self._labels,
            (self.interval, self.start, self.end, self.snooze, self.style_choice),
            strict=True,
        ):
            label.setBuddy(field)
        days_row = QHBoxLayout()
        for box in self.days:
            days_row.addWidget(box)
        days_row.addStretch(1)
        self._days_label = QLabel()
        form.addRow(self.enabled)
        form.addRow(self._labels[0], self.interval)
        form.addRow(self._days_label, days_row)
        form.addRow(self._labels[1], self.start)
        form.addRow(self._labels[2], self.end)
        form.addRow(self._labels[3], self.snooze)
        form.addRow(self._labels[4], self.style_choice)
        away_row = QHBoxLayout()
        away_row.addWidget(self.sense_away)
        away_row.addWidget(self.away_minutes)
        away_row.addStretch(1)
        room = QVBoxLayout()
        room.setSpacing(8)
        room.addWidget(self.room_heading)
        for box in (self.sense_call, self.sense_full_screen, self.sense_dnd):
            room.addWidget(box)
        room.addLayout(away_row)
        room.addWidget(self.post_call_reset)
        room.addWidget(self.privacy)
        form.addRow("", self.style_reason)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addSpacing(12)
        layout.addLayout(room)
        layout.addStretch(1)

        self._retranslate()
        self.set_settings(settings)
        self.enabled.toggled.connect(self._emit)
        self.interval.valueChanged.connect(self._emit)
        for box in self.days:
            box.toggled.connect(self._emit)
        self.start.timeChanged.connect(self._emit)
        self.end.timeChanged.connect(self._emit)
        self.snooze.valueChanged.connect(self._emit)
        self.style_choice.currentIndexChanged.connect(self._emit)
        for box in self._sense_boxes():
            box.toggled.connect(self._emit)
        self.away_minutes.valueChanged.connect(self._emit)
        self.post_call_reset.toggled.connect(self._emit)

    def _sense_boxes(self) -> tuple[QCheckBox, ...]:
        return (self.sense_call, self.sense_full_screen, self.sense_dnd, self.sense_away)

    def title(self) -> str:
        return self.tr("Reminders")

    def set_settings(self, settings: Settings) -> None:
        self._loading = True
        self._settings = settings
        hours = settings.working_hours
        self.enabled.setChecked(settings.reminders_enabled)
        self.interval.setValue(settings.reminder_interval_minutes)
        for number, box in enumerate(self.days, start=1):
            box.setChecked(number in hours.days)
        self.start.setTime(_qtime(hours.start))
        self.end.setTime(_qtime(hours.end))
        self.snooze.setValue(settings.snooze_minutes)
        self.style_choice.setCurrentIndex(self.style_choice.findData(settings.reminder_style.value))
        self.sense_call.setChecked(settings.sense_call)
        self.sense_full_screen.setChecked(settings.sense_full_screen)
        self.sense_dnd.setChecked(settings.sense_do_not_disturb)
        self.sense_away.setChecked(settings.sense_away)
        self.away_minutes.setValue(settings.away_minutes)
        self.post_call_reset.setChecked(settings.post_call_reset)
        self._explain_style()
        self.note.hide()
        self._sync_enabled()
        self._loading = False

    def _explain_style(self) -> None:
        """Which style reminders take, and why, when the user left it to Herstel."""
        chosen = ReminderStyle(self.style_choice.currentData() or ReminderStyle.AUTOMATIC.value)
        if chosen is not ReminderStyle.AUTOMATIC:
            self.style_reason.hide()
            return
        if effective_reminder_style(chosen, self._wayland) is ReminderStyle.NOTIFICATION:
            self.style_reason.setText(
                self.tr(
                    "Reminders come as a desktop notification: on Wayland a window cannot "
                    "keep from taking the keyboard, and a notification never does."
                )
            )
        else:
            self.style_reason.setText(
                self.tr(
                    "Reminders come as a small window: on this desktop it appears without "
                    "taking the keyboard, and it needs no notification service."
                )
            )
        self.style_reason.show()

    def _sync_enabled(self) -> None:
        on = self.enabled.isChecked()
        for widget in (self.interval, self.start, self.end, *self.days):
            widget.setEnabled(on)
        self.away_minutes.setEnabled(self.sense_away.isChecked())
        self.post_call_reset.setEnabled(self.sense_call.isChecked())

    def _emit(self) -> None:
        self._sync_enabled()
        self._explain_style()
        if self._loading:
            return
        days = tuple(n for n, box in enumerate(self.days, start=1) if box.isChecked())
        start, end = self.start.time().toString("HH:mm"), self.end.time().toString("HH:mm")
        if not days:
            self._hold(self.tr("Choose at least one day, or switch reminders off."))
            return
        if start >= end:
            self._hold(self.tr("The end of your working hours must come after the start."))
            return
        self.note.hide()
        style = ReminderStyle(self.style_choice.currentData())
        self._settings = replace(
            self._settings,
            reminders_enabled=self.enabled.isChecked(),
            reminder_interval_minutes=self.interval.value(),
            working_hours=WorkingHours(days=days, start=start, end=end),
            snooze_minutes=self.snooze.value(),
            reminder_style=style,
            sense_call=self.sense_call.isChecked(),
            sense_full_screen=self.sense_full_screen.isChecked(),
            sense_do_not_disturb=self.sense_dnd.isChecked(),
            sense_away=self.sense_away.isChecked(),
            away_minutes=self.away_minutes.value(),
            post_call_reset=self.post_call_reset.isChecked(),
        )
        self.changed.emit(self._settings)

    def _hold(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    def _retranslate_texts(self) -> None:
        self.enabled.setText(self.tr("Remind me to take breathing breaks"))
        self._labels[0].setText(self.tr("&Every"))
        self.interval.setSuffix(self.tr(" min after my last break"))
        self._days_label.setText(self.tr("On"))
        locale = QLocale()
        for number, box in enumerate(self.days, start=1):
            box.setText(locale.dayName(number, QLocale.FormatType.ShortFormat))
            box.setAccessibleName(locale.dayName(number, QLocale.FormatType.LongFormat))
        self._labels[1].setText(self.tr("&From"))
        self._labels[2].setText(self.tr("&Until"))
        self._labels[3].setText(self.tr("&Snooze"))
        self.snooze.setSuffix(self.tr(" min"))
        self._labels[4].setText(self.tr("Show &reminders as"))
        self.room_heading.setText(self.tr("Wait for a better moment"))
        self.sense_call.setText(self.tr("While I am in a call (a microphone or camera is in use)"))
        self.sense_full_screen.setText(
            self.tr("While something is full screen, such as a video or a presentation")
        )
        self.sense_dnd.setText(self.tr("While Do Not Disturb is on"))
        self.sense_away.setText(self.tr("Count time away from the computer as a break after"))
        self.away_minutes.setSuffix(self.tr(" min"))
        self.away_minutes.setAccessibleName(self.tr("Minutes away that count as a break"))
        self.post_call_reset.setText(
            self.tr("After a call of 15 minutes or more, offer a one-minute reset")
        )
        self.privacy.setText(
            self.tr(
                "Herstel only asks whether a microphone or camera is in use; "
                "it never listens or looks."
            )
        )
        current = self.style_choice.currentData()
        self.style_choice.clear()
        automatic = effective_reminder_style(ReminderStyle.AUTOMATIC, self._wayland)
        self.style_choice.addItem(
            self.tr("Automatic: a desktop notification")
            if automatic is ReminderStyle.NOTIFICATION
            else self.tr("Automatic: a small window"),
            ReminderStyle.AUTOMATIC.value,
        )
        self.style_choice.addItem(
            self.tr("A small window (works everywhere)"), ReminderStyle.PROMPT.value
        )
        self.style_choice.addItem(
            self.tr("A desktop notification"), ReminderStyle.NOTIFICATION.value
        )
        if current is not None:
            self.style_choice.setCurrentIndex(self.style_choice.findData(current))
        self._explain_style()
