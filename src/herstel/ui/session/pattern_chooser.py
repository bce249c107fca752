"""Choosing the breathing rhythm and the session length.

A small dialog: the presets in a list (each with a line on what it is), the
seconds of each phase in half-second spin boxes (a preset fills them in;
editing them makes "Your own rhythm"), the length in minutes or breaths, and
the gentle start. It never blocks: open it with ``open()`` and listen to
``chosen(Settings)``. Values outside the ranges of DESIGN §3 cannot be
entered; a rate outside 3–10 breaths a minute is allowed, with a calm warning.

The preset names and short descriptions live in :mod:`herstel.ui.session.pattern_texts`,
so the home window shows the same words as the chooser. The list of rhythms is
``pattern_list``, the phase boxes are ``pattern_editor``; this dialog composes
them with the length and keeps them in step.

Rhythms the user saved under a name of their own are listed after the presets
("Save as…", "Rename…", "Delete" below the list). Like everything in the dialog
they take effect with Save and are forgotten with Cancel. "Find my rhythm…"
asks the app to open the guided rhythm finder (``find_rhythm_requested``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLayout,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from herstel.core.named_patterns import NamedPattern, NamedPatternError, named_for
from herstel.core.rhythm import PRESETS, Pattern, parse_pattern
from herstel.core.settings import BREATHS_RANGE, MINUTES_RANGE, LengthUnit, Settings
from herstel.ui.session.pattern_editor import PatternEditor
from herstel.ui.session.pattern_list import PatternList, named_key
from herstel.ui.session.pattern_texts import (
    CUSTOM_KEY,
    preset_for,
    rate_text,
    rate_warning_text,
)


class PatternChooser(QDialog):
    """Pick a preset or set your own rhythm; ``chosen`` carries the new Settings."""

    chosen = Signal(object)
    find_rhythm_requested = Signal()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._syncing = False
        self.setObjectName("patternChooser")
        self.setWindowTitle(self.tr("Breathing rhythm"))
        self.setModal(True)
        self._build()
        self._load(settings)

    # --- public -------------------------------------------------------------------

    def pattern(self) -> Pattern:
        """The rhythm as currently set in the spin boxes."""
        return self._seconds.pattern()

    def named_patterns(self) -> tuple[NamedPattern, ...]:
        """The saved rhythms as they stand in the dialog (saved with Save)."""
        return self._list.named

    def save_named(self, name: str) -> str:
        """Save the rhythm in the spin boxes under ``name``; "" or the problem, in words."""
        try:
            name = self._list.save(name, self.pattern().label)
        except NamedPatternError as error:
            return self._problem_text(error)
        self._fill_list()
        self.select_preset(named_key(name))
        return ""

    def rename_named(self, old: str, new: str) -> str:
        """Rename a saved rhythm; "" or the problem, in words."""
        try:
            new = self._list.rename(old, new)
        except NamedPatternError as error:
            return self._problem_text(error)
        self._fill_list()
        self.select_preset(named_key(new))
        return ""

    def delete_named(self, name: str) -> None:
        """Forget a saved rhythm (with Save); the spin boxes keep its seconds."""
        self._list.delete(name)
        self._fill_list()
        self._select_matching()

    def result_settings(self) -> Settings:
        """The settings the dialog would save now."""
        unit = LengthUnit.BREATHS if self._breaths_radio.isChecked() else LengthUnit.MINUTES
        changes: dict[str, object] = {
            "pattern": self.pattern().label,
            "length_unit": unit,
            "gentle_start": self._gentle.isChecked(),
            "custom_patterns": self._list.named,
        }
        if unit is LengthUnit.BREATHS:
            changes["breaths"] = self._length.value()
        else:
            changes["minutes"] = self._length.value()
        return self._settings.replace(**changes)

    def select_preset(self, key: str) -> None:
        self._list.select_key(key)

    def select_custom(self) -> None:
        self.select_preset(CUSTOM_KEY)

    def set_custom(
        self,
        *,
        inhale: float | None = None,
        exhale: float | None = None,
        hold_in: float | None = None,
        hold_out: float | None = None,
        top_up: float | None = None,
    ) -> None:
        seconds = self._seconds
        for box, value in (
            (seconds.inhale, inhale),
            (seconds.exhale, exhale),
            (seconds.hold_in, hold_in),
            (seconds.hold_out, hold_out),
            (seconds.top_up, top_up),
        ):
            if value is not None:
                box.setValue(value)

    def selected_key(self) -> str:
        """The highlighted preset's key, or ``"custom"``."""
        return self._list.selected_key()

    def set_length_unit(self, unit: LengthUnit) -> None:
        if unit is LengthUnit.BREATHS:
            self._breaths_radio.setChecked(True)
        else:
            self._minutes_radio.setChecked(True)

    def warning_text(self) -> str:
        return self._warning.text() if self._warning.isVisibleTo(self) else ""

    def spin_boxes(self) -> dict[str, QDoubleSpinBox]:
        return self._seconds.main_boxes()

    def length_box(self) -> QSpinBox:
        return self._length

    def accept(self) -> None:
        self.chosen.emit(self.result_settings())
        super().accept()

    # --- building -----------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        # Size limits are set once below, not re-sent whenever the warning shows.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

        heading = QLabel(self.tr("Choose your rhythm"), self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        heading.setFont(font)
        layout.addWidget(heading)

        self._list = PatternList(self._settings.custom_patterns, self)
        self._fill_list()
        self._list.fit_presets()
        self._list.currentItemChanged.connect(self._preset_chosen)
        layout.addWidget(self._list, 1)

        named_row = QHBoxLayout()
        named_row.setSpacing(8)
        self._save_as = QPushButton(self.tr("Save &as…"), self)
        self._rename = QPushButton(self.tr("&Rename…"), self)
        self._delete = QPushButton(self.tr("Dele&te"), self)
        self._find = QPushButton(self.tr("&Find my rhythm…"), self)
        self._save_as.setToolTip(self.tr("Save this rhythm under a name of your own"))
        self._find.setToolTip(self.tr("Try five slow paces and keep the one that feels best"))
        for button in (self._save_as, self._rename, self._delete, self._find):
            button.setProperty("quiet", True)
            button.setAutoDefault(False)
            button.setAccessibleName(button.text().replace("&", ""))
        self._save_as.clicked.connect(self._ask_save_as)
        self._rename.clicked.connect(self._ask_rename)
        self._delete.clicked.connect(self._delete_current)
        self._find.clicked.connect(self._find_rhythm)
        named_row.addWidget(self._save_as)
        named_row.addWidget(self._rename)
        named_row.addWidget(self._delete)
        named_row.addStretch(1)
        named_row.addWidget(self._find)
        layout.addLayout(named_row)

        self._seconds = PatternEditor(self, self._seconds_changed)
        layout.addLayout(self._seconds.grid)

        self._rate = QLabel(self)
        self._rate.setObjectName("rate")
        self._rate.setProperty("role", "muted")
        layout.addWidget(self._rate)
        self._warning = QLabel(self)
        self._warning.setObjectName("rateWarning")
        self._warning.setProperty("role", "note")
        self._warning.setWordWrap(True)
        layout.addWidget(self._warning)

        length_row = QHBoxLayout()
        length_row.setSpacing(12)
        length_label = QLabel(self.tr("&Length"), self)
        self._length = QSpinBox(self)
        self._length.setAccessibleName(self.tr("Length"))
        self._length.setKeyboardTracking(False)
        self._length.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._length.setMinimumWidth(80)
        length_label.setBuddy(self._length)
        self._minutes_radio = QRadioButton(self.tr("&minutes"), self)
        self._breaths_radio = QRadioButton(self.tr("&breaths"), self)
        self._unit_group = QButtonGroup(self)
        self._unit_group.addButton(self._minutes_radio)
        self._unit_group.addButton(self._breaths_radio)
        self._minutes_radio.toggled.connect(self._unit_changed)
        length_row.addWidget(length_label)
        length_row.addWidget(self._length)
        length_row.addWidget(self._minutes_radio)
        length_row.addWidget(self._breaths_radio)
        length_row.addStretch(1)
        layout.addLayout(length_row)

        self._gentle = QCheckBox(
            self.tr("Start &gently: ease into the rhythm over the first minute")
        )
        layout.addWidget(self._gentle)

        buttons = QDialogButtonBox(self)
        # Named before it joins the box: the box polishes its buttons right away.
        save = QPushButton(self.tr("Save"), self)
        save.setObjectName("primarySmall")
        save.setDefault(True)
        buttons.addButton(save, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumSize(layout.sizeHint().expandedTo(QSize(480, 0)))

    def _fill_list(self) -> None:
        """The presets, the saved rhythms, then "Your own rhythm"; keeps the selection quiet."""
        syncing, self._syncing = self._syncing, True
        try:
            self._list.fill()
        finally:
            self._syncing = syncing

    def _current_named(self) -> NamedPattern | None:
        return self._list.selected_named()

    def _problem_text(self, error: NamedPatternError) -> str:
        if error.reason == "taken":
            return self.tr("You already have a rhythm with that name.")
        if error.reason == "full":
            return self.tr("You have 20 saved rhythms; delete one first.")
        return self.tr("Give your rhythm a short name.")

    def _ask_name(self, title: str, text: str) -> str | None:
        """Ask for a name (a small dialog); None when cancelled. Tests replace this."""
        name, ok = QInputDialog.getText(self, title, self.tr("Name:"), text=text)
        return name if ok else None

    def _ask_save_as(self) -> None:
        current = self._current_named()
        name = self._ask_name(
            self.tr("Save rhythm as"), current.name if current else self.tr("My rhythm")
        )
        if name is not None:
            self._show_problem(self.save_named(name))

    def _ask_rename(self) -> None:
        current = self._current_named()
        if current is None:
            return
        name = self._ask_name(self.tr("Rename rhythm"), current.name)
        if name is not None:
            self._show_problem(self.rename_named(current.name, name))

    def _delete_current(self) -> None:
        current = self._current_named()
        if current is not None:
            self.delete_named(current.name)

    def _find_rhythm(self) -> None:
        self.find_rhythm_requested.emit()
        self.reject()

    def _show_problem(self, text: str) -> None:
        if text:
            self._warning.setText(text)
            self._warning.setVisible(True)
        else:
            self._update_rate()

    def _update_named_buttons(self) -> None:
        named = self._current_named() is not None
        self._rename.setEnabled(named)
        self._delete.setEnabled(named)

    # --- state --------------------------------------------------------------------

    def _load(self, settings: Settings) -> None:
        try:
            pattern = parse_pattern(settings.pattern)
        except ValueError:
            pattern = PRESETS[0].pattern
        self._syncing = True
        try:
            self._seconds.show(pattern)
            breaths = settings.length_unit is LengthUnit.BREATHS
            self._minutes_radio.setChecked(not breaths)
            self._breaths_radio.setChecked(breaths)
            self._set_length_range(breaths)
            self._length.setValue(settings.breaths if breaths else settings.minutes)
            self._gentle.setChecked(settings.gentle_start)
        finally:
            self._syncing = False
        self._select_matching()
        self._update_rate()

    def _select_matching(self) -> None:
        """Highlight what the spin boxes hold: the selected saved rhythm, a preset, or own."""
        label = self.pattern().label
        named = named_for(self._list.named, label, selected=self._current_named())
        preset = preset_for(self.pattern())
        fallback = preset.key if preset else CUSTOM_KEY
        key = named_key(named.name) if named else fallback  # your own name for it comes first
        self._syncing = True
        try:
            self.select_preset(key)
        finally:
            self._syncing = False
        self._update_named_buttons()

    def _preset_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if self._syncing or current is None:
            return
        self._update_named_buttons()
        key = str(current.data(Qt.ItemDataRole.UserRole))
        if key == CUSTOM_KEY:
            self._seconds.inhale.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        named = self._current_named()
        if named is not None:
            self._syncing = True
            try:
                self._seconds.show(parse_pattern(named.pattern))
            finally:
                self._syncing = False
            self._update_rate()
            return
        preset = next(p for p in PRESETS if p.key == key)
        self._syncing = True
        try:
            self._seconds.show(preset.pattern)
            if preset.default_breaths is not None:
                self._breaths_radio.setChecked(True)
                self._set_length_range(True)
                self._length.setValue(preset.default_breaths)
        finally:
            self._syncing = False
        self._update_rate()

    def _seconds_changed(self, _value: float) -> None:
        if self._syncing:
            return
        self._select_matching()
        self._update_rate()

    def _unit_changed(self, _checked: bool) -> None:
        breaths = self._breaths_radio.isChecked()
        self._set_length_range(breaths)
        if not self._syncing:
            self._length.setValue(self._settings.breaths if breaths else self._settings.minutes)

    def _set_length_range(self, breaths: bool) -> None:
        low, high = BREATHS_RANGE if breaths else MINUTES_RANGE
        self._length.setRange(low, high)
        self._length.setSuffix("")

    def _update_rate(self) -> None:
        pattern = self.pattern()
        self._rate.setText(rate_text(pattern))
        warning = rate_warning_text(pattern)
        self._warning.setText(warning)
        self._warning.setVisible(bool(warning))


def open_pattern_chooser(
    open_one: PatternChooser | None,
    settings: Settings,
    parent: QWidget,
    on_chosen: Callable[[Settings], None],
    on_closed: Callable[[], None],
) -> PatternChooser:
    """Open the chooser for ``settings`` without blocking, or raise ``open_one``.

    The chooser deletes itself when closed; ``on_closed`` is the moment to
    forget it.
    """
    if open_one is not None:
        open_one.raise_()
        open_one.activateWindow()
        return open_one
    chooser = PatternChooser(settings, parent)
    chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    chooser.chosen.connect(on_chosen)
    chooser.finished.connect(lambda _result: on_closed())
    chooser.open()
    return chooser
