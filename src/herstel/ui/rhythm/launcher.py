"""Opens the rhythm finder window, one at a time, and hands on what it produces.

``SessionFlow`` owns the decision (the finder is a session: only one session at
a time, stored like any other); this keeps the window's life out of the flow:
it builds the window with the session controller's screen-saver inhibitor and
sound cues, saves the rhythm the user keeps to the settings hub, and passes the
finished finder's record on through ``ended``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from herstel.core.clock import Clock
from herstel.core.records import Trigger
from herstel.ui.common.settings_hub import SettingsHub

if TYPE_CHECKING:
    from herstel.core.settings import Settings
    from herstel.ui.rhythm.finder_window import RhythmFinderWindow
    from herstel.ui.session.controller import SessionController

log = logging.getLogger(__name__)


class FinderLauncher(QObject):
    ended = Signal(object)  # SessionRecord of the finder, once, when it ends

    def __init__(
        self,
        controller: SessionController,
        clock: Clock,
        hub: SettingsHub,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._controller = controller
        self._clock = clock
        self._hub = hub
        self._window: RhythmFinderWindow | None = None

    @property
    def window(self) -> RhythmFinderWindow | None:
        """The finder window while it is open."""
        return self._window

    @property
    def is_open(self) -> bool:
        return self._window is not None

    def open(self, trigger: Trigger) -> None:
        """Open a new finder for the saved rhythm (raise the open one instead)."""
        if self._window is not None:
            self.raise_window()
            return
        from PySide6.QtCore import Qt

        from herstel.core.rhythm import parse_pattern
        from herstel.core.rhythm_finder import RhythmFinder
        from herstel.ui.common.windows import bring_to_front
        from herstel.ui.rhythm.finder_window import RhythmFinderWindow

        settings = self._hub.settings
        log.info("rhythm finder starting, from %s", trigger)
        window = RhythmFinderWindow(
            RhythmFinder(self._clock, parse_pattern(settings.pattern)),
            settings,
            trigger,
            inhibitor=self._controller.inhibitor_factory,
            cues=self._controller.cues_for,
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.ended.connect(self.ended)
        window.settings_chosen.connect(self._saved)
        window.destroyed.connect(self._closed)
        self._window = window
        bring_to_front(window)

    def raise_window(self) -> None:
        from herstel.ui.common.windows import bring_to_front

        if self._window is not None:
            bring_to_front(self._window)

    def close(self) -> None:
        """Close the finder (quitting): what was breathed is stored through ``ended``."""
        if self._window is not None:
            self._window.close()

    def _saved(self, chosen: Settings) -> None:
        """Only the saved rhythm (and the default, if asked) come from the finder."""
        self._hub.mark(custom_patterns=chosen.custom_patterns, pattern=chosen.pattern)

    def _closed(self) -> None:
        self._window = None
