"""The settings window: a General page and the Reminders page.

Non-modal (opened with ``show``, never ``exec``), applied as you change it:
every page emits ``changed(Settings)`` and the dialog passes it on.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from herstel.core.settings import Settings, Theme
from herstel.ui.reminder_settings import ReminderSettingsPage, SettingsPage


class GeneralSettingsPage(SettingsPage):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self.theme = QComboBox()
        self._theme_label = QLabel()
        self._theme_label.setBuddy(self.theme)
        self.reduced_motion = QCheckBox()
        self.show_count = QCheckBox()
        self.check_after = QCheckBox()
        self.check_before = QCheckBox()
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(self._theme_label, self.theme)
        for box in (self.reduced_motion, self.show_count, self.check_after, self.check_before):
            form.addRow(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(form)
        layout.addStretch(1)
        self._retranslate()
        self.set_settings(settings)
        self.theme.currentIndexChanged.connect(self._emit)
        for box in (self.reduced_motion, self.show_count, self.check_after, self.check_before):
            box.toggled.connect(self._emit)

    def set_settings(self, settings: Settings) -> None:
        self._loading = True
        self._settings = settings
        self.theme.setCurrentIndex(self.theme.findData(settings.theme.value))
        self.reduced_motion.setChecked(settings.reduced_motion)
        self.show_count.setChecked(settings.show_count)
        self.check_after.setChecked(settings.check_after)
        self.check_before.setChecked(settings.check_before)
        self._loading = False

    def _emit(self) -> None:
        if self._loading:
            return
        self._settings = replace(
            self._settings,
            theme=Theme(self.theme.currentData()),
            reduced_motion=self.reduced_motion.isChecked(),
            show_count=self.show_count.isChecked(),
            check_after=self.check_after.isChecked(),
            check_before=self.check_before.isChecked(),
        )
        self.changed.emit(self._settings)

    def _retranslate_texts(self) -> None:
        self._theme_label.setText(self.tr("&Appearance"))
        current = self.theme.currentData()
        self.theme.clear()
        self.theme.addItem(self.tr("Follow the system"), Theme.SYSTEM.value)
        self.theme.addItem(self.tr("Light"), Theme.LIGHT.value)
        self.theme.addItem(self.tr("Dark"), Theme.DARK.value)
        if current is not None:
            self.theme.setCurrentIndex(self.theme.findData(current))
        self.reduced_motion.setText(
            self.tr("Reduce motion (a filling bar instead of a growing circle)")
        )
        self.show_count.setText(self.tr("Count the seconds of each phase"))
        self.check_after.setText(self.tr("Ask how I feel after a session"))
        self.check_before.setText(self.tr("Also ask before a session, to see what changed"))


class SettingsDialog(QDialog):
    changed = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.general = GeneralSettingsPage(settings)
        self.reminders = ReminderSettingsPage(settings)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.general, "")
        self.tabs.addTab(self.reminders, "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.general.changed.connect(self._page_changed)
        self.reminders.changed.connect(self._page_changed)
        self._retranslate()
        self.resize(560, 480)

    def set_settings(self, settings: Settings) -> None:
        self.general.set_settings(settings)
        self.reminders.set_settings(settings)

    def _page_changed(self, settings: Settings) -> None:
        # Each page only edits its own fields; keep the others' latest values.
        self.general.set_settings(settings)
        self.reminders.set_settings(settings)
        self.changed.emit(settings)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Herstel settings"))
        self.tabs.setTabText(0, self.tr("General"))
        self.tabs.setTabText(1, self.tr("Reminders"))
