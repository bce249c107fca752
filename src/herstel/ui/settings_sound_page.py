"""The Sound page of the settings dialog.

Herstel plays no sound yet (DESIGN §3: soft cues for in and out and a bell at
the end, off by default), so this page only says so. The ``sound`` setting
already exists in the model; the cues and their controls belong here, with
their fields in ``FIELDS`` so "Restore defaults" covers them.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QLabel, QWidget

from herstel.core.settings import Settings
from herstel.ui.settings_page import SettingsPage, page_layout


class SoundSettingsPage(SettingsPage):
    """Sound during a session."""

    FIELDS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(settings, parent)
        self.about = QLabel()
        self.about.setWordWrap(True)
        layout, _form = page_layout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._retranslate()
        self.set_settings(settings)

    def title(self) -> str:
        return self.tr("Sound")

    def _load(self, settings: Settings) -> None:
        pass  # nothing to show yet

    def _retranslate_texts(self) -> None:
        self.about.setText(
            self.tr(
                "Sessions are silent: Herstel plays no sound cues. "
                "The circle and the words guide your breathing."
            )
        )
