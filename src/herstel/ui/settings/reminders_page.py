"""The Reminders settings page: schedule, working hours, snooze and style.

A self-contained page so it slots into the settings dialog. Every change is
applied at once (no Apply button) by emitting ``changed(Settings)``; values
the model would reject (an end time before the start, no working day) are
held back with a short inline note instead.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from PySide6.QtCore import QLocale, Qt, QTime
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
    REMINDER_INTERVAL_RANGE,
    SNOOZE_RANGE,
    ReminderStyle,
    Settings,
    WorkingHours,
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
    )

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.addLayout(form)
        layout.addWidget(self.note)
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
        self.note.hide()
        self._sync_enabled()
        self._loading = False

    def _sync_enabled(self) -> None:
        on = self.enabled.isChecked()
        for widget in (self.interval, self.start, self.end, *self.days):
            widget.setEnabled(on)

    def _emit(self) -> None:
        self._sync_enabled()
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
        current = self.style_choice.currentData()
        self.style_choice.clear()
        self.style_choice.addItem(
            self.tr("A small window (works everywhere)"), ReminderStyle.PROMPT.value
        )
        self.style_choice.addItem(
            self.tr("A desktop notification"), ReminderStyle.NOTIFICATION.value
        )
        if current is not None:
            self.style_choice.setCurrentIndex(self.style_choice.findData(current))
