"""What you noticed: the result of the recovery check, calmly.

``ResultPage`` shows the seven signals as present / partly / absent / not
asked (a dot whose shape tells the level, and the word beside it), the change
since the before-check where there was one, at most two suggestions for absent
signals, a line for signals that kept staying away lately, and the gentle
GP note when it is due. There is no score of any kind.

The page is given plain data (worked out by ``herstel.core.advice``) and
touches no database. It emits ``done()`` from its Done button, Enter or Esc.

How the lines are chosen:

- each suggestion (from ``advice.suggestions``, at most two) is a small card
  captioned "For a clearer head"; when that signal is also in ``proactive``,
  the card says so ("Your head has often not felt clear after breaks lately.")
  instead of repeating the strategy in a second line;
- a proactive signal without a card gets its own line, at most
  ``MAX_PROACTIVE_LINES``, unless it is absent right now (then the two-
  suggestion limit has deliberately left it out). The strategy offered is its
  first choice not already on the page; when every choice is, the line points
  at the suggestions above.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from herstel.core import checkin
from herstel.core.advice import STRATEGY_TABLE, Strategy, Suggestion
from herstel.core.checkin import SignalLevel
from herstel.ui.checkin import texts
from herstel.ui.checkin.page_parts import (
    PAGE_MARGINS,
    SoftScrollArea,
    fit_page_margins,
    page_heading,
)
from herstel.ui.home.today_glance import LevelDot

MAX_PROACTIVE_LINES: Final = 2


class _Card(QWidget):
    """A soft, rounded surface (painted from the palette, so it follows light/dark)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1.0))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 16.0, 16.0)


def proactive_choice(signal: checkin.Signal, offered: set[Strategy]) -> tuple[Strategy, ...]:
    """The signal's first strategy choice not yet on the page (empty when all are)."""
    for choice in STRATEGY_TABLE[signal]:
        if offered.isdisjoint(choice):
            return choice
    return ()


class ResultPage(QWidget):
    """The recovery check's result; ``done()`` when the person is finished reading."""

    done = Signal()

    def __init__(
        self,
        levels: Mapping[checkin.Signal, SignalLevel],
        changes: Mapping[checkin.Signal, int],
        suggestions: Sequence[Suggestion],
        proactive: Sequence[checkin.Signal],
        show_gp: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resultPage")
        self._levels = {
            s: SignalLevel(levels.get(s, SignalLevel.NOT_ASKED)) for s in checkin.Signal
        }
        self._changes = {checkin.Signal(s): int(v) for s, v in changes.items()}
        self._suggestions = list(suggestions)[:2]
        self._proactive = [checkin.Signal(s) for s in proactive]
        self._show_gp = show_gp
        self._plan_lines()
        self._build()
        self.retranslate()

    # --- public ------------------------------------------------------------------

    @property
    def done_button(self) -> QPushButton:
        return self._done

    def levels(self) -> dict[checkin.Signal, SignalLevel]:
        return dict(self._levels)

    def signal_row_text(self, signal: checkin.Signal) -> str:
        """A signal's row as read aloud: "Head clear: absent, 1 lower than before"."""
        return self._rows[signal].accessibleName()

    def suggestion_texts(self) -> list[str]:
        """The strategy texts on the page's suggestion cards, in order."""
        return [label.text() for label in self._suggestion_labels]

    def proactive_texts(self) -> list[str]:
        """The "lately" lines, in order."""
        return [label.text() for label in self._proactive_labels]

    def gp_note_visible(self) -> bool:
        return self._gp is not None and not self._gp.isHidden()

    def gp_note_text(self) -> str:
        return self._gp.text() if self._gp is not None else ""

    # --- planning ----------------------------------------------------------------

    def _plan_lines(self) -> None:
        suggested = {s.signal for s in self._suggestions}
        offered: set[Strategy] = {st for s in self._suggestions for st in s.strategies}
        self._lines: list[tuple[checkin.Signal, tuple[Strategy, ...]]] = []
        for signal in self._proactive:
            if len(self._lines) >= MAX_PROACTIVE_LINES:
                break
            if signal in suggested or self._levels[signal] is SignalLevel.ABSENT:
                continue
            choice = proactive_choice(signal, offered)
            offered.update(choice)
            self._lines.append((signal, choice))

    # --- building ----------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*PAGE_MARGINS)
        outer.setSpacing(0)
        self._outer = outer
        outer.addStretch(2)  # short content sits a little above the middle, like the end page
        # Size limits never go to the window system (a page may be a window of its own).
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

        self._heading = page_heading(self, "resultHeading")
        outer.addWidget(self._heading)
        outer.addSpacing(6)
        self._subline = QLabel(self)
        self._subline.setWordWrap(True)
        self._subline.setProperty("role", "muted")
        outer.addWidget(self._subline)
        outer.addSpacing(16)

        scroll = SoftScrollArea(self)
        scroll.setObjectName("resultScroll")
        content = QWidget(scroll)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 6, 4)
        column.setSpacing(10)

        # The seven signals.
        card = _Card(content)
        card.setObjectName("signalCard")
        grid = QGridLayout(card)
        grid.setContentsMargins(20, 14, 20, 14)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(3, 1)
        self._rows: dict[checkin.Signal, QWidget] = {}
        self._names: dict[checkin.Signal, QLabel] = {}
        self._level_labels: dict[checkin.Signal, QLabel] = {}
        self._change_labels: dict[checkin.Signal, QLabel] = {}
        for row, signal in enumerate(checkin.Signal):
            level = self._levels[signal]
            dot = LevelDot(level, 14, card)
            name = QLabel(card)
            level_label = QLabel(card)
            level_label.setProperty("role", "muted")
            change_label = QLabel(card)
            change_label.setProperty("role", "muted")
            change_label.setWordWrap(True)
            if level is SignalLevel.NOT_ASKED:
                name.setProperty("role", "muted")
            grid.addWidget(dot, row, 0, Qt.AlignmentFlag.AlignTop)
            top = Qt.AlignmentFlag.AlignTop
            grid.addWidget(name, row, 1, top)
            grid.addWidget(level_label, row, 2, top)
            grid.addWidget(change_label, row, 3, top)
            # The name label carries the whole row for screen readers.
            self._rows[signal] = name
            self._names[signal] = name
            self._level_labels[signal] = level_label
            self._change_labels[signal] = change_label
        column.addWidget(card)

        # At most two suggestions for absent signals.
        self._suggestions_heading: QLabel | None = None
        self._suggestion_captions: list[QLabel] = []
        self._suggestion_observations: list[QLabel | None] = []
        self._suggestion_labels: list[QLabel] = []
        section_font = QFont(self.font())
        section_font.setWeight(QFont.Weight.DemiBold)
        if self._suggestions:
            column.addSpacing(8)
            self._suggestions_heading = QLabel(content)
            self._suggestions_heading.setFont(section_font)
            column.addWidget(self._suggestions_heading)
            for suggestion in self._suggestions:
                box = _Card(content)
                box.setObjectName("suggestionCard")
                inner = QVBoxLayout(box)
                inner.setContentsMargins(20, 12, 20, 14)
                inner.setSpacing(4)
                caption = QLabel(box)
                caption.setProperty("role", "muted")
                inner.addWidget(caption)
                observation: QLabel | None = None
                if suggestion.signal in self._proactive:
                    observation = QLabel(box)
                    observation.setWordWrap(True)
                    observation.setProperty("role", "muted")
                    inner.addWidget(observation)
                text = QLabel(box)
                text.setWordWrap(True)
                text.setObjectName("suggestionText")
                inner.addWidget(text)
                self._suggestion_captions.append(caption)
                self._suggestion_observations.append(observation)
                self._suggestion_labels.append(text)
                column.addWidget(box)

        # Signals that kept staying away lately.
        self._lately_heading: QLabel | None = None
        self._proactive_labels: list[QLabel] = []
        if self._lines:
            column.addSpacing(8)
            self._lately_heading = QLabel(content)
            self._lately_heading.setFont(section_font)
            column.addWidget(self._lately_heading)
            for _ in self._lines:
                line = QLabel(content)
                line.setWordWrap(True)
                line.setObjectName("proactiveLine")
                line.setContentsMargins(2, 0, 2, 0)
                column.addWidget(line)
                self._proactive_labels.append(line)

        # A closing line when there is nothing to suggest.
        self._closing: QLabel | None = None
        if not self._suggestions and not self._lines:
            self._closing = QLabel(content)
            self._closing.setWordWrap(True)
            self._closing.setProperty("role", "muted")
            self._closing.setContentsMargins(2, 6, 2, 0)
            column.addWidget(self._closing)

        self._gp: QLabel | None = None
        if self._show_gp:
            column.addSpacing(8)
            self._gp = QLabel(content)
            self._gp.setObjectName("gpNote")
            self._gp.setProperty("role", "note")
            self._gp.setWordWrap(True)
            column.addWidget(self._gp)

        column.addStretch(1)
        scroll.set_content(content)
        outer.addWidget(scroll)

        footer = QHBoxLayout()
        footer.setContentsMargins(0, 14, 0, 0)
        footer.addStretch(1)
        self._done = QPushButton(self)
        self._done.setObjectName("primarySmall")
        self._done.setAutoDefault(True)
        self._done.setDefault(True)
        self._done.setCursor(Qt.CursorShape.PointingHandCursor)
        self._done.clicked.connect(self.done)
        footer.addWidget(self._done)
        outer.addLayout(footer)
        outer.addStretch(3)
        self.setFocusProxy(self._done)

    def retranslate(self) -> None:
        self._heading.setText(self.tr("What you noticed"))
        self._subline.setText(self.tr("Signals of recovery after this break, as you felt them."))
        for signal in checkin.Signal:
            level = self._levels[signal]
            name = texts.signal_name(signal)
            level_word = texts.level_name(level)
            self._names[signal].setText(name)
            self._level_labels[signal].setText(level_word)
            spoken = texts.signal_with_level(signal, level)
            difference = self._changes.get(signal)
            if difference is not None:
                change = texts.change_since_before(difference)
                self._change_labels[signal].setText(change)
                spoken = f"{spoken}, {change}"
            else:
                self._change_labels[signal].setText("")
            self._names[signal].setAccessibleName(spoken)
        if self._suggestions_heading is not None:
            self._suggestions_heading.setText(self.tr("Something that may help"))
        for suggestion, caption, observation, label in zip(
            self._suggestions,
            self._suggestion_captions,
            self._suggestion_observations,
            self._suggestion_labels,
            strict=True,
        ):
            caption.setText(texts.suggestion_for(suggestion.signal))
            if observation is not None:
                observation.setText(texts.proactive_observation(suggestion.signal))
            label.setText(texts.strategies_text(suggestion.strategies))
        if self._lately_heading is not None:
            self._lately_heading.setText(self.tr("Lately"))
        for (signal, choice), line in zip(self._lines, self._proactive_labels, strict=True):
            line.setText(texts.proactive_line(signal, choice))
        if self._closing is not None:
            if all(level is SignalLevel.NOT_ASKED for level in self._levels.values()):
                self._closing.setText(self.tr("No answers this time. That is fine."))
            else:
                self._closing.setText(
                    self.tr("Notice what helps you, and come back to the rhythm whenever you like.")
                )
        if self._gp is not None:
            self._gp.setText(texts.gp_note())
        self._done.setText(self.tr("Done"))
        self._done.setAccessibleName(self.tr("Done"))
        self.setAccessibleName(self.tr("What you noticed"))

    # --- events ------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.done.emit()
            event.accept()
        elif key == Qt.Key.Key_Escape:
            window = self.window()
            if window is not self and window.isFullScreen():
                event.ignore()  # the window's first Esc leaves full screen
                return
            self.done.emit()
            event.accept()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fit_page_margins(self._outer, event.size())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
