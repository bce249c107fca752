"""The chooser's list of rhythms: the presets, the ones saved under a name, "Your own rhythm".

Each row shows a name and a quieter line on what it is, and carries a key: a
preset's key, ``named:<name>`` for a saved rhythm, or ``custom``. The list keeps
the saved rhythms as they stand in the dialog (saved with Save, forgotten with
Cancel) and refills itself when one is saved, renamed or deleted.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from herstel.core.named_patterns import NamedPattern, clean_name, deleted, find, renamed, saved
from herstel.core.rhythm import PRESETS, parse_pattern
from herstel.ui.session.pattern_texts import (
    CUSTOM_KEY,
    format_label,
    pattern_title,
    preset_description,
    preset_name,
    rate_text,
)

NAMED_PREFIX = "named:"
"""List keys of saved rhythms: the prefix and the name (preset keys never contain ':')."""


def named_key(name: str) -> str:
    return NAMED_PREFIX + name


class PresetDelegate(QStyledItemDelegate):
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


class PatternList(QListWidget):
    """The rows to choose from, and the saved rhythms behind the ``named:`` rows.

    Saving, renaming and deleting change only this list's copy (``named``);
    the names are checked by ``herstel.core.named_patterns``, whose
    ``NamedPatternError`` passes through to the dialog, which words it.
    """

    def __init__(self, named: tuple[NamedPattern, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._named = named
        # The words keep the dialog's context in the catalogue.
        self.setAccessibleName(QCoreApplication.translate("PatternChooser", "Rhythms"))
        self.setSpacing(2)
        self.setItemDelegate(PresetDelegate(self))
        self.setMouseTracking(True)

    @property
    def named(self) -> tuple[NamedPattern, ...]:
        return self._named

    def fill(self) -> None:
        """The presets, the saved rhythms, then "Your own rhythm"."""
        self.clear()
        for key in [preset.key for preset in PRESETS]:
            title = pattern_title(parse_pattern(key))
            self._add_row(key, title, preset_description(key))
        for entry in self._named:
            pattern = parse_pattern(entry.pattern)
            detail = f"{format_label(pattern)} · {rate_text(pattern)}"
            self._add_row(named_key(entry.name), entry.name, detail)
        self._add_row(CUSTOM_KEY, preset_name(CUSTOM_KEY), preset_description(CUSTOM_KEY))

    def fit_presets(self) -> None:
        """Tall enough for the presets and "Your own rhythm"; saved rhythms scroll in below."""
        option = QStyleOptionViewItem()
        option.initFrom(self)
        row_height = self.itemDelegate().sizeHint(option, self.model().index(0, 0))
        rows = (len(PRESETS) + 1) * (row_height.height() + 2 * self.spacing())
        self.setMinimumHeight(rows + 2 * self.frameWidth() + 16)

    def save(self, name: str, label: str) -> str:
        """Keep ``label`` under ``name``; the name as kept. Refill before selecting it."""
        self._named = saved(self._named, name, label)
        return clean_name(name)

    def rename(self, old: str, new: str) -> str:
        """Rename a saved rhythm; the new name as kept."""
        self._named = renamed(self._named, old, new)
        return clean_name(new)

    def delete(self, name: str) -> None:
        self._named = deleted(self._named, name)

    def select_key(self, key: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.setCurrentRow(row)
                return
        raise KeyError(key)

    def selected_key(self) -> str:
        """The highlighted row's key, or ``"custom"``."""
        item = self.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else CUSTOM_KEY

    def selected_named(self) -> NamedPattern | None:
        """The highlighted saved rhythm, if a saved one is highlighted."""
        key = self.selected_key()
        if not key.startswith(NAMED_PREFIX):
            return None
        return find(self._named, key.removeprefix(NAMED_PREFIX))

    def _add_row(self, key: str, title: str, description: str) -> None:
        item = QListWidgetItem(f"{title}\n{description}")
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}. {description}")
        self.addItem(item)
