"""The Session, Check, Appearance and Start-up pages of the settings dialog.

Each shows a few fields of ``Settings`` and emits the whole new ``Settings``
when one changes (see :mod:`herstel.ui.settings.page`). The Reminders, Sound
and Data pages live in their own modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from herstel.core.rhythm import PRESETS, parse_pattern
from herstel.core.settings import BREATHS_RANGE, MINUTES_RANGE, LengthUnit, Settings, Theme
from herstel.ui.session.pattern_texts import (
    CUSTOM_KEY,
    pattern_title,
    preset_description,
    preset_for,
    rate_warning_text,
)
from herstel.ui.settings.page import SettingsPage, page_layout

if TYPE_CHECKING:
    from herstel.ui.session.pattern_chooser import PatternChooser


def _muted(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "muted")
    label.setWordWrap(True)
    return label


class SessionSettingsPage(SettingsPage):
    """The rhythm and length a bare "Start breathing" uses, and how a session looks."""

    FIELDS: ClassVar[tuple[str, ...]] = (
        "pattern",
        "length_unit",
        "minutes",
        "breaths",
        "gentle_start",
        "show_count",
        "custom_patterns",  # saved, renamed and deleted in the chooser "Your own…" opens
    )

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self.rhythm = QComboBox()
        self.rhythm.setMinimumContentsLength(18)
        self.own_rhythm = QPushButton()
        self.own_rhythm.setProperty("compact", True)
        self.about_rhythm = _muted()
        self.about_rhythm.setMinimumWidth(380)
        self.length = QSpinBox()
        self.length.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.length.setMinimumWidth(80)
        self.length.setKeyboardTracking(False)
        self.unit = QComboBox()
        self.gentle_start = QCheckBox()
        self.show_count = QCheckBox()
        self._rhythm_label = QLabel()
        self._rhythm_label.setBuddy(self.rhythm)
        self._length_label = QLabel()
        self._length_label.setBuddy(self.length)
        self._chooser: PatternChooser | None = None

        layout, form = page_layout(self)
        rhythm_row = QHBoxLayout()
        rhythm_row.setSpacing(8)
        rhythm_row.addWidget(self.rhythm)
        rhythm_row.addWidget(self.own_rhythm)
        rhythm_row.addStretch(1)
        length_row = QHBoxLayout()
        length_row.setSpacing(8)
        length_row.addWidget(self.length)
        length_row.addWidget(self.unit)
        length_row.addStretch(1)
        form.addRow(self._rhythm_label, rhythm_row)
        form.addRow("", self.about_rhythm)
        form.addRow(self._length_label, length_row)
        layout.addSpacing(4)
        layout.addWidget(self.gentle_start)
        layout.addWidget(self.show_count)
        layout.addWidget(self.note)
        layout.addStretch(1)

        self._retranslate()
        self.set_settings(settings)
        self.rhythm.currentIndexChanged.connect(self._rhythm_chosen)
        self.own_rhythm.clicked.connect(self.open_chooser)
        self.length.valueChanged.connect(self._length_changed)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self.gentle_start.toggled.connect(lambda on: self.offer(gentle_start=on))
        self.show_count.toggled.connect(lambda on: self.offer(show_count=on))

    def title(self) -> str:
        return self.tr("Session")

    # --- loading ------------------------------------------------------------------

    def _load(self, settings: Settings) -> None:
        self._fill_rhythms(settings)
        breaths = settings.length_unit is LengthUnit.BREATHS
        self.unit.setCurrentIndex(self.unit.findData(settings.length_unit.value))
        self.length.setRange(*(BREATHS_RANGE if breaths else MINUTES_RANGE))
        self.length.setValue(settings.breaths if breaths else settings.minutes)
        self.gentle_start.setChecked(settings.gentle_start)
        self.show_count.setChecked(settings.show_count)
        self._describe()

    def _fill_rhythms(self, settings: Settings) -> None:
        """The presets, and the user's own rhythm when the saved one is no preset."""
        pattern = parse_pattern(settings.pattern)
        preset = preset_for(pattern)
        self.rhythm.clear()
        for each in PRESETS:
            self.rhythm.addItem(pattern_title(each.pattern), each.key)
        if preset is None:
            self.rhythm.addItem(pattern_title(pattern), CUSTOM_KEY)
        self.rhythm.setCurrentIndex(self.rhythm.findData(preset.key if preset else CUSTOM_KEY))

    def _describe(self) -> None:
        key = self.rhythm.currentData()
        text = preset_description(key if isinstance(key, str) else CUSTOM_KEY)
        warning = rate_warning_text(parse_pattern(self._settings.pattern))
        self.about_rhythm.setText(f"{text} {warning}".strip())

    # --- the user's changes -------------------------------------------------------

    def _rhythm_chosen(self) -> None:
        key = self.rhythm.currentData()
        if self._loading or key == CUSTOM_KEY:
            return
        preset = next(p for p in PRESETS if p.key == key)
        changes: dict[str, Any] = {"pattern": preset.pattern.label}
        if preset.default_breaths is not None:  # 4-7-8 is meant as a few breaths
            changes |= {"length_unit": LengthUnit.BREATHS, "breaths": preset.default_breaths}
        if self.offer(**changes):
            self.set_settings(self._settings)  # drops "your own rhythm" from the list

    def _length_changed(self, value: int) -> None:
        if self._settings.length_unit is LengthUnit.BREATHS:
            self.offer(breaths=value)
        else:
            self.offer(minutes=value)

    def _unit_changed(self) -> None:
        if self._loading:
            return
        unit = LengthUnit(self.unit.currentData())
        if self.offer(length_unit=unit):
            self.set_settings(self._settings)  # the length box shows that unit's number

    def open_chooser(self) -> QWidget:
        """The home window's rhythm chooser, for a rhythm of your own (non-blocking)."""
        from herstel.ui.session.pattern_chooser import open_pattern_chooser

        self._chooser = open_pattern_chooser(
            self._chooser, self._settings, self, self._chosen, self._chooser_closed
        )
        return self._chooser

    def _chosen(self, chosen: Settings) -> None:
        changes = {name: getattr(chosen, name) for name in self.FIELDS if name != "show_count"}
        if self.offer(**changes):
            self.set_settings(self._settings)

    def _chooser_closed(self) -> None:
        self._chooser = None

    def _retranslate_texts(self) -> None:
        self._rhythm_label.setText(self.tr("&Rhythm"))
        self.own_rhythm.setText(self.tr("Your &own…"))
        self.own_rhythm.setToolTip(self.tr("Set each part of the breath yourself"))
        self._length_label.setText(self.tr("&Length"))
        current = self.unit.currentData()
        self.unit.clear()
        self.unit.addItem(self.tr("minutes"), LengthUnit.MINUTES.value)
        self.unit.addItem(self.tr("breaths"), LengthUnit.BREATHS.value)
        self.unit.setAccessibleName(self.tr("Length in"))
        if current is not None:
            self.unit.setCurrentIndex(self.unit.findData(current))
        self.gentle_start.setText(
            self.tr("Start &gently: ease into the rhythm over the first minute")
        )
        self.show_count.setText(self.tr("&Count the seconds of each phase"))
        if self.rhythm.count():
            self._fill_rhythms(self._settings)
            self._describe()


class CheckSettingsPage(SettingsPage):
    """Whether the recovery check comes after a session, and before it."""

    FIELDS: ClassVar[tuple[str, ...]] = ("check_after", "check_before")

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self.check_after = QCheckBox()
        self.check_before = QCheckBox()
        self.about = _muted()
        layout, _form = page_layout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.check_after)
        layout.addWidget(self.check_before)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._retranslate()
        self.set_settings(settings)
        self.check_after.toggled.connect(self._after_toggled)
        self.check_before.toggled.connect(lambda on: self.offer(check_before=on))

    def title(self) -> str:
        return self.tr("Check")

    def _load(self, settings: Settings) -> None:
        self.check_after.setChecked(settings.check_after)
        self.check_before.setChecked(settings.check_before)
        self.check_before.setEnabled(settings.check_after)

    def _after_toggled(self, on: bool) -> None:
        self.check_before.setEnabled(on)  # a check before only compares with one after
        self.offer(check_after=on)

    def _retranslate_texts(self) -> None:
        self.about.setText(
            self.tr(
                "A few short questions on how your breathing, body and head feel. "
                "Your answers show in your history."
            )
        )
        self.check_after.setText(self.tr("&Ask how I feel after a session"))
        self.check_before.setText(self.tr("Also ask &before a session, to see what changed"))


class AppearanceSettingsPage(SettingsPage):
    """The theme and the reduced-motion breathing visual."""

    FIELDS: ClassVar[tuple[str, ...]] = ("theme", "reduced_motion")

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self.theme = QComboBox()
        self._theme_label = QLabel()
        self._theme_label.setBuddy(self.theme)
        self.about_theme = _muted()
        self.about_theme.setMinimumWidth(380)
        self.reduced_motion = QCheckBox()
        layout, form = page_layout(self)
        form.addRow(self._theme_label, self.theme)
        form.addRow("", self.about_theme)
        layout.addSpacing(4)
        layout.addWidget(self.reduced_motion)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._retranslate()
        self.set_settings(settings)
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        self.reduced_motion.toggled.connect(lambda on: self.offer(reduced_motion=on))

    def title(self) -> str:
        return self.tr("Appearance")

    def _load(self, settings: Settings) -> None:
        self.theme.setCurrentIndex(self.theme.findData(settings.theme.value))
        self.reduced_motion.setChecked(settings.reduced_motion)
        self._describe()

    def _theme_chosen(self) -> None:
        if self._loading:  # the list is being refilled
            return
        self._describe()
        self.offer(theme=Theme(self.theme.currentData()))

    def _describe(self) -> None:
        if self.theme.currentData() == Theme.HIGH_CONTRAST.value:
            self.about_theme.setText(
                self.tr("Darker text and clear edges, light or dark as your desktop is.")
            )
        elif self.theme.currentData() == Theme.SYSTEM.value:
            self.about_theme.setText(self.tr("Light or dark, as your desktop is."))
        else:
            self.about_theme.setText("")
        self.about_theme.setVisible(bool(self.about_theme.text()))

    def _retranslate_texts(self) -> None:
        self._theme_label.setText(self.tr("&Theme"))
        current = self.theme.currentData()
        self.theme.clear()
        self.theme.addItem(self.tr("Follow the system"), Theme.SYSTEM.value)
        self.theme.addItem(self.tr("Light"), Theme.LIGHT.value)
        self.theme.addItem(self.tr("Dark"), Theme.DARK.value)
        self.theme.addItem(self.tr("High contrast"), Theme.HIGH_CONTRAST.value)
        if current is not None:
            self.theme.setCurrentIndex(self.theme.findData(current))
        self.reduced_motion.setText(
            self.tr("Reduce &motion (a filling bar instead of a growing circle)")
        )
        self._describe()


class StartupSettingsPage(SettingsPage):
    """Whether Herstel starts, quietly in the tray, when you log in."""

    FIELDS: ClassVar[tuple[str, ...]] = ("autostart",)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self.autostart = QCheckBox()
        self.about = _muted()
        layout, _form = page_layout(self)
        layout.addWidget(self.autostart)
        layout.addWidget(self.about)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._retranslate()
        self.set_settings(settings)
        self.autostart.toggled.connect(lambda on: self.offer(autostart=on))

    def title(self) -> str:
        return self.tr("Start-up")

    def _load(self, settings: Settings) -> None:
        self.autostart.setChecked(settings.autostart)

    def _retranslate_texts(self) -> None:
        self.autostart.setText(self.tr("&Start Herstel in the tray when I log in"))
        self.about.setText(
            self.tr(
                "Then your reminders come without you having to open Herstel first. "
                "No window opens at login."
            )
        )
