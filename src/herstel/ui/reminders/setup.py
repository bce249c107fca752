"""Builds the reminder service with the senses that read the room, so app.py need not.

The senses (``herstel.platform.senses``) are optional: where that package is
not there, the service runs blind, exactly as before reading the room.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable, Coroutine
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QObject

from herstel.core.clock import Clock
from herstel.core.room import RoomSnapshot, Sense
from herstel.core.settings import Settings
from herstel.storage.database import Database
from herstel.ui.reminders.service import ReminderService, RoomSenses

log = logging.getLogger(__name__)

SENSES_MODULE = "herstel.platform.senses"
STATE_FILE = "reminders.json"


class _StartStopSenses:
    """Senses whose ``start()``/``stop()`` mean "watch for changes", as the service's ``watch``.

    The platform senses subscribe to desktop events only between ``start`` and
    ``stop``; the service wants that only while a reminder waits or the user
    is away, and calls it ``watch``.
    """

    def __init__(self, senses: Any) -> None:
        self._senses = senses
        self.changed = senses.changed
        self.returned = senses.returned

    def snapshot(self) -> Coroutine[Any, Any, RoomSnapshot]:
        return cast("Coroutine[Any, Any, RoomSnapshot]", self._senses.snapshot())

    def set_enabled(self, sense: Sense, on: bool) -> None:
        self._senses.set_enabled(sense, on)

    def set_away_after(self, seconds: float) -> None:
        setter = getattr(self._senses, "set_away_after", None)
        if setter is not None:
            setter(seconds)

    def watch(self, on: bool) -> None:
        if on:
            self._senses.start()
        else:
            self._senses.stop()

    def stop(self) -> None:
        self._senses.stop()


def make_senses() -> RoomSenses | None:
    """The platform senses, not yet watching anything; None where this build has none."""
    if importlib.util.find_spec(SENSES_MODULE) is None:
        log.info("no senses in this build: reminders do not read the room")
        return None
    module = importlib.import_module(SENSES_MODULE)
    senses_class = getattr(module, "Senses", None)
    if senses_class is None:
        senses_class = importlib.import_module(f"{SENSES_MODULE}.aggregator").Senses
    senses = senses_class()
    if hasattr(senses, "watch"):
        return cast("RoomSenses", senses)
    return _StartStopSenses(senses)


def build_reminder_service(
    clock: Clock,
    data_dir: Path,
    settings: Settings,
    tz: tzinfo,
    db: Database,
    busy: Callable[[], bool],
    parent: QObject | None = None,
    record: Callable[[str, datetime, str, datetime], None] | None = None,
) -> ReminderService:
    """The reminder service with its state file in ``data_dir`` and the senses wired in.

    ``record`` stores a reminder's outcome (the app's keeps it when the
    database refuses it); by default straight into ``db``.
    """
    return ReminderService(
        clock,
        data_dir / STATE_FILE,
        settings,
        tz,
        record or db.record_reminder,
        busy,
        parent,
        senses=make_senses(),
        record_wait=db.record_wait,
    )
