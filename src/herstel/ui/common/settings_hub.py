"""The user's settings in the running app: loaded once, saved on each change, announced.

One object holds the current ``Settings``. Every part that shows or uses a
setting reads ``hub.settings`` and listens to ``changed`` instead of being handed
a getter or having settings fanned out to it by hand; every change goes through
:meth:`SettingsHub.update`, so it is announced once and saved once.

A file that cannot be read at all (not merely invalid) is never saved over: the
app runs on defaults and leaves the user's file alone.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from herstel.core.clock import Clock
from herstel.core.settings import Settings
from herstel.storage.settings_file import load_settings, save_settings

log = logging.getLogger(__name__)


class SettingsHub(QObject):
    changed = Signal(object, object)  # the new Settings, the old Settings

    def __init__(self, path: Path, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._writable = True
        self._settings = self._load(clock)

    @property
    def settings(self) -> Settings:
        return self._settings

    @property
    def writable(self) -> bool:
        """False when the file on disk could not be read: it is then never saved over."""
        return self._writable

    def update(self, settings: Settings) -> None:
        """Make ``settings`` current: announce it and save it (nothing if unchanged)."""
        old = self._settings
        if settings == old:
            return
        self._settings = settings
        self.changed.emit(settings, old)
        self._save()

    def mark(self, **changes: Any) -> None:
        """Change a few fields, e.g. ``hub.mark(first_run_done=True)``."""
        self.update(dataclasses.replace(self._settings, **changes))

    def _load(self, clock: Clock) -> Settings:
        try:
            loaded = load_settings(self._path, clock.now())
        except OSError as error:
            print(
                f"herstel: cannot read the settings file {self._path}: "
                f"{error.strerror or error}; using defaults for now",
                file=sys.stderr,
            )
            self._writable = False
            return Settings()
        for issue in loaded.issues:
            log.warning("settings: %s: %s", issue.key, issue.problem)
        if loaded.kept_original is not None:
            log.warning("settings: the file as it was is kept as %s", loaded.kept_original)
        if loaded.newer:
            print(
                f"herstel: the settings file {self._path} comes from a newer Herstel; "
                "it is left as it is and changes made now last until Herstel quits",
                file=sys.stderr,
            )
        if loaded.moved_aside is not None:
            print(
                f"herstel: the settings file could not be read; it was moved to "
                f"{loaded.moved_aside} and defaults are used",
                file=sys.stderr,
            )
            self._settings = loaded.settings
            self._save()
        return loaded.settings

    def _save(self) -> None:
        if not self._writable:
            return
        try:
            save_settings(self._path, self._settings)
        except OSError as error:
            log.error("could not save settings: %s", error)
