"""Your own rhythm: the seconds of each phase, in half-second spin boxes.

Five boxes in a row under their labels (in, extra in, hold, out, hold), each
limited to its phase's range (DESIGN §3), so a rhythm outside them cannot be
entered. The chooser fills them from a preset or a saved rhythm and reads the
rhythm back as a ``Pattern``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QGridLayout, QLabel, QWidget

from herstel.core.rhythm import PHASE_LIMITS, STEP, TOP_UP_LIMITS, Pattern, snap_to_step
from herstel.ui.session.pattern_texts import format_number


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
        snapped = snap_to_step(value)
        if snapped != value:
            self.setValue(snapped)

    def textFromValue(self, value: float) -> str:
        return format_number(snap_to_step(value), self.locale())

    def valueFromText(self, text: str) -> float:
        cleaned = text.replace(self.suffix(), "").strip()
        value, ok = self.locale().toDouble(cleaned)
        if not ok:
            return self.value()
        return min(max(snap_to_step(value), self.minimum()), self.maximum())


class PatternEditor:
    """The phase boxes of ``parent``, laid out in ``grid``; ``changed`` hears every edit.

    Keeps no reference to ``parent`` or ``changed`` (the dialog keeps this), so the
    dialog's wrapper goes as soon as the dialog does.
    """

    def __init__(self, parent: QWidget, changed: Callable[[float], None]) -> None:
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(8)
        self.inhale = _seconds_box("inhale", parent, changed)
        self.top_up = _seconds_box("top_up", parent, changed)
        self.hold_in = _seconds_box("hold_in", parent, changed)
        self.exhale = _seconds_box("exhale", parent, changed)
        self.hold_out = _seconds_box("hold_out", parent, changed)
        # The words keep the chooser's context in the catalogue: they are its words.
        for column, (text, box) in enumerate(
            (
                (QCoreApplication.translate("PatternChooser", "&In"), self.inhale),
                (QCoreApplication.translate("PatternChooser", "E&xtra in"), self.top_up),
                (QCoreApplication.translate("PatternChooser", "&Hold"), self.hold_in),
                (QCoreApplication.translate("PatternChooser", "&Out"), self.exhale),
                (QCoreApplication.translate("PatternChooser", "Hol&d"), self.hold_out),
            )
        ):
            label = QLabel(text, parent)
            label.setBuddy(box)
            label.setProperty("role", "muted")
            self.grid.addWidget(label, 0, column)
            self.grid.addWidget(box, 1, column)
        translate = QCoreApplication.translate
        self.inhale.setAccessibleName(translate("PatternChooser", "Breathe in, seconds"))
        self.top_up.setAccessibleName(
            translate("PatternChooser", "A short extra breath in on top, seconds")
        )
        self.hold_in.setAccessibleName(
            translate("PatternChooser", "Hold after breathing in, seconds")
        )
        self.exhale.setAccessibleName(translate("PatternChooser", "Breathe out, seconds"))
        self.hold_out.setAccessibleName(
            translate("PatternChooser", "Hold after breathing out, seconds")
        )

    def pattern(self) -> Pattern:
        """The rhythm as the boxes hold it."""
        return Pattern(
            inhale=snap_to_step(self.inhale.value()),
            exhale=snap_to_step(self.exhale.value()),
            hold_in=snap_to_step(self.hold_in.value()),
            hold_out=snap_to_step(self.hold_out.value()),
            top_up=snap_to_step(self.top_up.value()),
        )

    def show(self, pattern: Pattern) -> None:
        """Put ``pattern``'s seconds in the boxes (each change is heard)."""
        self.inhale.setValue(pattern.inhale)
        self.top_up.setValue(pattern.top_up)
        self.hold_in.setValue(pattern.hold_in)
        self.exhale.setValue(pattern.exhale)
        self.hold_out.setValue(pattern.hold_out)

    def main_boxes(self) -> dict[str, QDoubleSpinBox]:
        """The four usual phases' boxes by field name (not the extra breath in)."""
        return {
            "inhale": self.inhale,
            "hold_in": self.hold_in,
            "exhale": self.exhale,
            "hold_out": self.hold_out,
        }


def _seconds_box(field: str, parent: QWidget, changed: Callable[[float], None]) -> SecondsSpinBox:
    low, high = TOP_UP_LIMITS if field == "top_up" else PHASE_LIMITS[field]
    box = SecondsSpinBox(low, high, parent)
    box.setSuffix(QCoreApplication.translate("PatternChooser", " s"))
    box.valueChanged.connect(changed)
    return box
