"""The rhythm finder's own pages: the intro, the two questions, the result and the dizzy advice.

Each page only shows and asks; what happens next is decided by
``herstel.core.rhythm_finder`` through ``RhythmFinderWindow``. The questions reuse
the recovery check's ``ScaleItem`` (the same 0–6 row, keys and screen-reader
wording), so the finder feels like the check people already know.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from herstel.core.rhythm import Pattern
from herstel.core.rhythm_finder import SCALE, Basis, FinderStep, Recommendation
from herstel.ui.checkin import texts as check_texts
from herstel.ui.checkin.page_parts import PAGE_MARGINS, page_heading
from herstel.ui.checkin.scale_item import ScaleItem
from herstel.ui.common.i18n import fill
from herstel.ui.common.theme import base_point_size
from herstel.ui.session.pattern_texts import format_label, format_number

EASE_KEY: Final = "finder-ease"
CALM_KEY: Final = "finder-calm"


def rate_words(pattern: Pattern) -> str:
    """ "about 5.5 breaths a minute" (the locale's decimal sign)."""
    return fill(
        QCoreApplication.translate("RhythmFinder", "about {rate} breaths a minute"),
        rate=format_number(pattern.breaths_per_minute),
    )


def step_line(step: FinderStep, total: int) -> str:
    """ "Step 2 of 5 · about 6 breaths a minute · 4-6"."""
    return fill(
        QCoreApplication.translate("RhythmFinder", "Step {n} of {total} · {rate} · {label}"),
        n=step.index + 1,
        total=total,
        rate=rate_words(step.pattern),
        label=format_label(step.pattern),
    )


def _body_label(parent: QWidget, object_name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    font = QFont(parent.font())
    font.setPointSizeF(base_point_size(parent) * 1.15)
    label.setFont(font)
    return label


def _page_layout(page: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(page)
    layout.setContentsMargins(*PAGE_MARGINS)
    layout.setSpacing(0)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    layout.addStretch(2)
    return layout


def _primary(parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName("primarySmall")
    button.setAutoDefault(True)
    button.setDefault(True)
    return button


def _quiet(parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    button.setProperty("quiet", True)
    button.setAutoDefault(True)
    return button


class IntroPage(QWidget):
    """Two sentences on what is coming, then Begin (or Not now)."""

    begin = Signal()
    not_now = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finderIntro")
        layout = _page_layout(self)
        self.heading = page_heading(self, "finderHeading")
        layout.addWidget(self.heading)
        layout.addSpacing(14)
        self.body = _body_label(self, "finderIntroBody")
        layout.addWidget(self.body)
        layout.addSpacing(10)
        self.length = QLabel(self)
        self.length.setProperty("role", "muted")
        layout.addWidget(self.length)
        layout.addSpacing(28)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.begin_button = _primary(self)
        self.begin_button.clicked.connect(self.begin)
        self.not_now_button = _quiet(self)
        self.not_now_button.clicked.connect(self.not_now)
        row.addWidget(self.begin_button)
        row.addWidget(self.not_now_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(3)
        self.setFocusProxy(self.begin_button)

    def retranslate(self, minutes: int) -> None:
        self.heading.setText(self.tr("Find your rhythm"))
        self.body.setText(
            self.tr(
                "You breathe at five slow paces, two minutes each, from about 6.5 down to "
                "about 4.5 breaths a minute, and after each one you say how it felt. "
                "Breathe gently through your nose, never bigger than is comfortable, and "
                "stop whenever you like."
            )
        )
        self.length.setText(fill(self.tr("About {minutes} minutes in all."), minutes=minutes))
        self.begin_button.setText(self.tr("Begin"))
        self.begin_button.setAccessibleName(self.begin_button.text())
        self.not_now_button.setText(self.tr("Not now"))
        self.not_now_button.setAccessibleName(self.not_now_button.text())


class FinderQuestion(ScaleItem):
    """One of the two quick questions, on the check's 0–6 scale with its end words."""

    def retranslate(self) -> None:
        if self.key == EASE_KEY:
            text = QCoreApplication.translate("RhythmFinder", "Breathing at this pace felt easy.")
        else:
            text = QCoreApplication.translate("RhythmFinder", "I feel calm now.")
        self.question.setText(text)
        self.setAccessibleName(text)
        low, high = self.scale
        for button in self.buttons():
            button.setText(str(button.value))
            name = str(button.value)
            if button.value == low:
                name = f"{low}, {check_texts.scale_low()}"
            elif button.value == high:
                name = f"{high}, {check_texts.scale_high()}"
            button.setAccessibleName(name)
        self.low_label.setText(check_texts.scale_low())
        self.high_label.setText(check_texts.scale_high())
        self.setAccessibleDescription(check_texts.item_description(self.key, self.value))


class QuestionsPage(QWidget):
    """After a step: how easy it felt and how calm you are, then on (Enter)."""

    answered = Signal(int, int)
    dizzy = Signal()

    def __init__(self, step: FinderStep, total: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finderQuestions")
        self._step = step
        self._total = total
        layout = _page_layout(self)
        self.step_label = QLabel(self)
        self.step_label.setProperty("role", "muted")
        layout.addWidget(self.step_label)
        layout.addSpacing(6)
        self.heading = page_heading(self, "finderQuestionsHeading")
        layout.addWidget(self.heading)
        layout.addSpacing(18)
        self.ease = FinderQuestion(EASE_KEY, SCALE, self)
        self.calm = FinderQuestion(CALM_KEY, SCALE, self)
        for item in (self.ease, self.calm):
            item.set_wide(True)
            item.value_changed.connect(self._changed)
            layout.addWidget(item)
            layout.addSpacing(4)
        self.ease.keyed.connect(lambda: self.calm.setFocus(Qt.FocusReason.TabFocusReason))
        self.calm.keyed.connect(self._keyed_last)
        layout.addSpacing(20)
        row = QHBoxLayout()
        row.setSpacing(12)
        self.next_button = _primary(self)
        self.next_button.clicked.connect(self.submit)
        self.dizzy_button = _quiet(self)
        self.dizzy_button.clicked.connect(self.dizzy)
        row.addWidget(self.next_button)
        row.addStretch(1)
        row.addWidget(self.dizzy_button)
        layout.addLayout(row)
        layout.addStretch(3)
        self.setFocusProxy(self.ease)
        self._changed(None)

    def retranslate(self) -> None:
        self.step_label.setText(step_line(self._step, self._total))
        self.heading.setText(self.tr("How was that?"))
        self.ease.retranslate()
        self.calm.retranslate()
        last = self._step.index + 1 >= self._total
        self.next_button.setText(self.tr("See the result") if last else self.tr("Next pace"))
        self.next_button.setAccessibleName(self.next_button.text())
        self.dizzy_button.setText(self.tr("I feel dizzy"))
        self.dizzy_button.setAccessibleName(self.dizzy_button.text())
        self.dizzy_button.setToolTip(self.tr("End now and breathe normally (D)"))

    def submit(self) -> None:
        """Enter / the button: go on once both are answered, else point at the open one."""
        ease, calm = self.ease.value, self.calm.value
        if ease is None or calm is None:
            missing = self.ease if ease is None else self.calm
            missing.set_missing(True)
            missing.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.next_button.setEnabled(False)  # once: a double Enter must not skip a step
        self.answered.emit(ease, calm)

    def _changed(self, _value: object) -> None:
        self.next_button.setEnabled(self.ease.value is not None and self.calm.value is not None)

    def _keyed_last(self) -> None:
        if self.ease.value is None:
            self.ease.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.next_button.setFocus(Qt.FocusReason.TabFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # Enter anywhere on the page
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            event.accept()
            return
        super().keyPressEvent(event)


class ResultPage(QWidget):
    """The proposal, why in two sentences, and "Save as my rhythm"."""

    save_requested = Signal(str, bool)  # name, make it the default
    done = Signal()

    def __init__(self, recommendation: Recommendation, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finderResult")
        self._recommendation = recommendation
        layout = _page_layout(self)
        self.heading = page_heading(self, "finderResultHeading")
        layout.addWidget(self.heading)
        layout.addSpacing(6)
        self.detail = QLabel(self)
        self.detail.setProperty("role", "muted")
        layout.addWidget(self.detail)
        layout.addSpacing(16)
        self.why = _body_label(self, "finderWhy")
        layout.addWidget(self.why)
        layout.addSpacing(24)

        self.save_box = QWidget(self)
        box = QVBoxLayout(self.save_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(10)
        name_row = QHBoxLayout()
        name_row.setSpacing(10)
        self.name_label = QLabel(self.save_box)
        self.name_edit = QLineEdit(self.save_box)
        self.name_edit.setMaxLength(40)
        self.name_edit.setMinimumWidth(220)
        self.name_label.setBuddy(self.name_edit)
        name_row.addWidget(self.name_label)
        name_row.addWidget(self.name_edit)
        name_row.addStretch(1)
        box.addLayout(name_row)
        self.make_default = QCheckBox(self.save_box)
        self.make_default.setChecked(True)
        box.addWidget(self.make_default)
        layout.addWidget(self.save_box)
        layout.addSpacing(8)
        self.status = QLabel(self)
        self.status.setObjectName("finderSaveStatus")
        self.status.setProperty("role", "note")
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)
        layout.addSpacing(16)

        row = QHBoxLayout()
        row.setSpacing(12)
        self.save_button = _primary(self)
        self.save_button.clicked.connect(self._save)
        self.close_button = _quiet(self)
        self.close_button.clicked.connect(self.done)
        row.addWidget(self.save_button)
        row.addWidget(self.close_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(3)

        proposing = recommendation.basis is Basis.SLOWEST_EASY
        self.save_box.setVisible(proposing)
        self.save_button.setVisible(proposing)
        if not proposing:
            self.close_button.setObjectName("primarySmall")
            self.close_button.setDefault(True)
        self.setFocusProxy(self.save_button if proposing else self.close_button)

    @property
    def recommendation(self) -> Recommendation:
        return self._recommendation

    def retranslate(self) -> None:
        pattern = self._recommendation.pattern
        label = format_label(pattern)
        if self._recommendation.basis is Basis.SLOWEST_EASY:
            self.heading.setText(fill(self.tr("Your rhythm: {rate}"), rate=rate_words(pattern)))
            self.detail.setText(
                fill(
                    self.tr("In {inhale} seconds, out {exhale} seconds ({label})"),
                    inhale=format_number(pattern.inhale),
                    exhale=format_number(pattern.exhale),
                    label=label,
                )
            )
            self.why.setText(
                self.tr(
                    "This was the slowest pace that still felt easy and calm to you. "
                    "A pace you can keep without effort is the one to rest with; "
                    "slower is not better in itself."
                )
            )
        else:
            self.heading.setText(self.tr("Keep your current rhythm"))
            self.detail.setText(fill(self.tr("For now: {label}"), label=label))
            self.why.setText(
                self.tr(
                    "No pace felt both easy and calm enough this time to suggest a change. "
                    "That is fine: stay with what you know, and try again another day "
                    "if you like."
                )
            )
        self.name_label.setText(self.tr("&Name"))
        if not self.name_edit.text():
            self.name_edit.setText(self.tr("My rhythm"))
        self.name_edit.setAccessibleName(self.tr("Name of the rhythm"))
        self.make_default.setText(self.tr("&Make it my default rhythm"))
        self.save_button.setText(self.tr("Save as my rhythm"))
        self.save_button.setAccessibleName(self.save_button.text())
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.close_button.text())

    def _save(self) -> None:
        self.save_requested.emit(self.name_edit.text(), self.make_default.isChecked())

    def show_saved(self, name: str, default: bool) -> None:
        """Say it worked; the form stays, greyed, so it is clear what was saved."""
        if default:
            text = self.tr("Saved as “{name}” and used from your next session.")
        else:
            text = self.tr("Saved as “{name}”. You find it in the rhythm chooser.")
        self.status.setText(fill(text, name=name))
        self.status.show()
        self.save_box.setEnabled(False)
        self.save_button.setEnabled(False)
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_problem(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)


class DizzyPage(QWidget):
    """ "I feel dizzy": the calm advice, and nothing more is asked."""

    done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finderDizzy")
        layout = _page_layout(self)
        self.heading = page_heading(self, "finderDizzyHeading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.heading)
        layout.addSpacing(14)
        self.body = _body_label(self, "finderDizzyBody")
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setProperty("role", "muted")
        layout.addWidget(self.body)
        layout.addSpacing(28)
        self.close_button = _primary(self)
        self.close_button.clicked.connect(self.done)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        self.setFocusProxy(self.close_button)

    def retranslate(self) -> None:
        self.heading.setText(
            self.tr("Breathe normally and sit for a moment. Stand up slowly when you feel steady.")
        )
        self.body.setText(
            self.tr(
                "The rhythm finder stops here. Another day, breathe a little lighter: "
                "slower, not bigger."
            )
        )
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.close_button.text())
