"""What every page of the settings dialog shares: load, validate, emit, restore defaults.

A page shows some fields of one ``Settings`` and owns them (``FIELDS``). It
loads with ``set_settings`` (silently: ``_loading`` hushes the change signals
of its widgets), and every change the user makes is checked by building the
new ``Settings`` — whose fields validate themselves — and then emitted as
``changed(Settings)``; the app applies it at once. A value the model refuses is
held back with a short note under the page instead (``hold``).
``restore_defaults`` puts only this page's fields back to their defaults.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from herstel.core.settings import Settings

PAGE_MARGINS = (24, 8, 24, 12)
"""Left, top, right, bottom margins of a page's content (the heading sits above it)."""
ROW_SPACING = 12


class SettingsPage(QWidget):
    """A page that applies changes at once; ``_loading`` hushes programmatic changes."""

    changed = Signal(object)  # Settings

    FIELDS: ClassVar[tuple[str, ...]] = ()
    """The ``Settings`` fields this page edits; "Restore defaults" resets exactly these."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._loading = False
        self.note = QLabel()
        self.note.setProperty("role", "warning")
        self.note.setWordWrap(True)
        self.note.hide()

    @property
    def settings(self) -> Settings:
        """The settings as this page last loaded or emitted them."""
        return self._settings

    def title(self) -> str:
        """The page's name in the dialog's list (translated)."""
        raise NotImplementedError

    def set_settings(self, settings: Settings) -> None:
        """Show ``settings`` without emitting anything."""
        loading, self._loading = self._loading, True
        try:
            self._settings = settings
            self.note.hide()
            self._load(settings)
        finally:
            self._loading = loading

    def _load(self, settings: Settings) -> None:
        raise NotImplementedError

    def restore_defaults(self) -> None:
        """Put this page's fields back to their defaults, keep every other field.

        Emits ``changed`` only when that changes something; an edit held back
        with a note is dropped either way.
        """
        defaults = Settings()
        current = self._settings
        restored = replace(current, **{f: getattr(defaults, f) for f in self.FIELDS})
        self.set_settings(restored)
        if restored != current:
            self.changed.emit(restored)

    def offer(self, **changes: Any) -> bool:
        """Emit the settings with ``changes`` if the model accepts them; else hold them back."""
        if self._loading:
            return False
        try:
            new = self._settings.replace(**changes)
        except ValueError as error:
            self.hold(str(error))
            return False
        self.note.hide()
        self._settings = new
        self.changed.emit(new)
        return True

    def hold(self, text: str) -> None:
        """Show why an edit was not applied (the edit stays on screen, nothing is saved)."""
        self.note.setText(text)
        self.note.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        # Refilling the combo boxes must not look like the user changing them.
        loading, self._loading = self._loading, True
        try:
            self._retranslate_texts()
        finally:
            self._loading = loading

    def _retranslate_texts(self) -> None:
        raise NotImplementedError


def page_layout(page: QWidget) -> tuple[QVBoxLayout, QFormLayout]:
    """The usual page: a form at the top, nothing stretched, the same margins everywhere."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(*PAGE_MARGINS)
    layout.setSpacing(ROW_SPACING)
    form = QFormLayout()
    form.setVerticalSpacing(ROW_SPACING)
    form.setHorizontalSpacing(16)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    layout.addLayout(form)
    return layout, form
