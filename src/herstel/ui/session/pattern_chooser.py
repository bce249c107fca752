"""Choosing the breathing rhythm and the session length.

A small dialog: the presets in a list (each with a line on what it is), the
seconds of each phase in half-second spin boxes (a preset fills them in;
editing them makes "Your own rhythm"), the length in minutes or breaths, and
the gentle start. It never blocks: open it with ``open()`` and listen to
``chosen(Settings)``. Values outside the ranges of DESIGN §3 cannot be
entered; a rate outside 3–10 breaths a minute is allowed, with a calm warning.

The preset names and short descriptions live in :mod:`herstel.ui.session.pattern_texts`,
so the home window shows the same words as the chooser.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from herstel.core.rhythm import PHASE_LIMITS, PRESETS, STEP, Pattern, parse_pattern
from herstel.core.settings import BREATHS_RANGE, MINUTES_RANGE, LengthUnit, Settings
from herstel.ui.session.pattern_texts import (
    CUSTOM_KEY,
    format_label,
    format_number,
    length_text,
    pattern_name,
    pattern_title,
    preset_description,
    preset_for,
    preset_name,
    rate_text,
    rate_warning_text,
)

__all__ = [
    "CUSTOM_KEY",
    "PatternChooser",
    "SecondsSpinBox",
    "format_label",
    "format_number",
    "length_text",
    "pattern_name",
    "pattern_title",
    "preset_description",
    "preset_for",
    "preset_name",
    "rate_text",
    "rate_warning_text",
]


class SecondsSpinBox(QDoubleSpinBox):
    """Seconds in half-second steps, within the phase's allowed range."""

    def __init__(self, low: float, high: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low, high)
        self.setSingleStep(STEP)
        self.setDecimals(1)
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.setKeyboardTracking(False)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.valueChanged.connect(self._keep_on_grid)

    def _keep_on_grid(self, value: float) -> None:
        # setValue(4.3) from code would slip past valueFromText; snap it too.
        snapped = _snap(value)
        if snapped != value:
            self.setValue(snapped)

    def textFromValue(self, value: float) -> str:
        return format_number(_snap(value), self.locale())

    def valueFromText(self, text: str) -> float:
        cleaned = text.replace(self.suffix(), "").strip()
        value, ok = self.locale().toDouble(cleaned)
        if not ok:
            return self.value()
        return min(max(_snap(value), self.minimum()), self.maximum())


def _snap(value: float) -> float:
    return round(value / STEP) * STEP


class _PresetDelegate(QStyledItemDelegate):
    """Two lines per preset: its name, and a quieter line on what it is."""

    PADDING = 10

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        title, _, description = str(index.data(Qt.ItemDataRole.DisplayRole)).partition("\n")
        palette = option.palette
        rect = QRect(option.rect)
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        if selected:
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 10, 10)
        elif hovered:
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
            painter.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 10, 10)
        if state & QStyle.StateFlag.State_HasFocus and not selected:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5), 10, 10)
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = (
            palette.color(QPalette.ColorRole.HighlightedText)
            if selected
            else palette.color(QPalette.ColorRole.PlaceholderText)
        )
        inner = rect.adjusted(self.PADDING + 4, self.PADDING, -self.PADDING, -self.PADDING)
        title_font = QFont(option.font)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.08)
        title_font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(title_font)
        painter.setPen(text_color)
        title_height = QFontMetrics(title_font).height()
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), title_height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        painter.setFont(option.font)
        painter.setPen(muted)
        painter.drawText(
            QRect(inner.left(), inner.top() + title_height + 2, inner.width(), inner.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
            description,
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        font = QFont(option.font)
        line = QFontMetrics(font).height()
        title_font = QFont(font)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.08)
        height = QFontMetrics(title_font).height() + 2 + line + 2 * self.PADDING
        return QSize(200, height)


class PatternChooser(QDialog):
    """Pick a preset or set your own rhythm; ``chosen`` carries the new Settings."""

    chosen = Signal(object)

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
        return Pattern(
            inhale=_snap(self._inhale.value()),
            exhale=_snap(self._exhale.value()),
            hold_in=_snap(self._hold_in.value()),
            hold_out=_snap(self._hold_out.value()),
        )

    def result_settings(self) -> Settings:
        """The settings the dialog would save now."""
        unit = LengthUnit.BREATHS if self._breaths_radio.isChecked() else LengthUnit.MINUTES
        changes: dict[str, object] = {
            "pattern": self.pattern().label,
            "length_unit": unit,
            "gentle_start": self._gentle.isChecked(),
        }
        if unit is LengthUnit.BREATHS:
            changes["breaths"] = self._length.value()
        else:
            changes["minutes"] = self._length.value()
        return self._settings.replace(**changes)

    def select_preset(self, key: str) -> None:
        for row in range(self._list.count()):
            if self._list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self._list.setCurrentRow(row)
                return
        raise KeyError(key)

    def select_custom(self) -> None:
        self.select_preset(CUSTOM_KEY)

    def set_custom(
        self,
        *,
        inhale: float | None = None,
        exhale: float | None = None,
        hold_in: float | None = None,
        hold_out: float | None = None,
    ) -> None:
        for box, value in (
            (self._inhale, inhale),
            (self._exhale, exhale),
            (self._hold_in, hold_in),
            (self._hold_out, hold_out),
        ):
            if value is not None:
                box.setValue(value)

    def selected_key(self) -> str:
        """The highlighted preset's key, or ``"custom"``."""
        item = self._list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else CUSTOM_KEY

    def set_length_unit(self, unit: LengthUnit) -> None:
        if unit is LengthUnit.BREATHS:
            self._breaths_radio.setChecked(True)
        else:
            self._minutes_radio.setChecked(True)

    def warning_text(self) -> str:
        return self._warning.text() if self._warning.isVisibleTo(self) else ""

    def spin_boxes(self) -> dict[str, QDoubleSpinBox]:
        return {
            "inhale": self._inhale,
            "hold_in": self._hold_in,
            "exhale": self._exhale,
            "hold_out": self._hold_out,
        }

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

        self._list = QListWidget(self)
        self._list.setAccessibleName(self.tr("Rhythms"))
        self._list.setSpacing(2)
        self._list.setItemDelegate(_PresetDelegate(self._list))
        self._list.setMouseTracking(True)
        for key in [preset.key for preset in PRESETS] + [CUSTOM_KEY]:
            if key == CUSTOM_KEY:
                title = preset_name(CUSTOM_KEY)
            else:
                title = pattern_title(parse_pattern(key))
            item = QListWidgetItem(f"{title}\n{preset_description(key)}")
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}. {preset_description(key)}")
            self._list.addItem(item)
        option = QStyleOptionViewItem()
        option.initFrom(self._list)
        rows = sum(
            self._list.itemDelegate().sizeHint(option, self._list.model().index(row, 0)).height()
            + 2 * self._list.spacing()
            for row in range(self._list.count())
        )
        self._list.setMinimumHeight(rows + 2 * self._list.frameWidth() + 16)
        self._list.currentItemChanged.connect(self._preset_chosen)
        layout.addWidget(self._list, 1)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        self._inhale = self._seconds_box("inhale")
        self._hold_in = self._seconds_box("hold_in")
        self._exhale = self._seconds_box("exhale")
        self._hold_out = self._seconds_box("hold_out")
        for column, (text, box) in enumerate(
            (
                (self.tr("&In"), self._inhale),
                (self.tr("&Hold"), self._hold_in),
                (self.tr("&Out"), self._exhale),
                (self.tr("Hol&d"), self._hold_out),
            )
        ):
            label = QLabel(text, self)
            label.setBuddy(box)
            label.setProperty("role", "muted")
            grid.addWidget(label, 0, column)
            grid.addWidget(box, 1, column)
        self._inhale.setAccessibleName(self.tr("Breathe in, seconds"))
        self._hold_in.setAccessibleName(self.tr("Hold after breathing in, seconds"))
        self._exhale.setAccessibleName(self.tr("Breathe out, seconds"))
        self._hold_out.setAccessibleName(self.tr("Hold after breathing out, seconds"))
        layout.addLayout(grid)

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

    def _seconds_box(self, field: str) -> SecondsSpinBox:
        low, high = PHASE_LIMITS[field]
        box = SecondsSpinBox(low, high, self)
        box.setSuffix(self.tr(" s"))
        box.valueChanged.connect(self._seconds_changed)
        return box

    # --- state --------------------------------------------------------------------

    def _load(self, settings: Settings) -> None:
        try:
            pattern = parse_pattern(settings.pattern)
        except ValueError:
            pattern = PRESETS[0].pattern
        self._syncing = True
        try:
            self._inhale.setValue(pattern.inhale)
            self._hold_in.setValue(pattern.hold_in)
            self._exhale.setValue(pattern.exhale)
            self._hold_out.setValue(pattern.hold_out)
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
        preset = preset_for(self.pattern())
        key = preset.key if preset else CUSTOM_KEY
        self._syncing = True
        try:
            self.select_preset(key)
        finally:
            self._syncing = False

    def _preset_chosen(self, current: QListWidgetItem | None, _previous: object) -> None:
        if self._syncing or current is None:
            return
        key = current.data(Qt.ItemDataRole.UserRole)
        if key == CUSTOM_KEY:
            self._inhale.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        preset = next(p for p in PRESETS if p.key == key)
        self._syncing = True
        try:
            self._inhale.setValue(preset.pattern.inhale)
            self._hold_in.setValue(preset.pattern.hold_in)
            self._exhale.setValue(preset.pattern.exhale)
            self._hold_out.setValue(preset.pattern.hold_out)
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
