"""Builds the reminder service with the senses that read the room, so app.py need not.

The senses (``herstel.platform.senses``) are optional: where that package is
not there, the service runs blind, exactly as before reading the room.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject

from herstel.core.clock import Clock
from herstel.core.settings import Settings
from herstel.storage.database import Database
from herstel.ui.reminders.service import ReminderService, RoomSenses

log = logging.getLogger(__name__)

SENSES_MODULE = "herstel.platform.senses"
STATE_FILE = "reminders.json"


def make_senses() -> RoomSenses | None:
    """The platform senses, started; None where this build has none."""
    if importlib.util.find_spec(SENSES_MODULE) is None:
        log.info("no senses in this build: reminders do not read the room")
        return None
    module = importlib.import_module(SENSES_MODULE)
    senses = cast("RoomSenses", module.Senses())
    start: Callable[[], object] | None = getattr(senses, "start", None)
    if start is not None:
        start()
    return senses


def build_reminder_service(
    clock: Clock,
    data_dir: Path,
    settings: Settings,
    tz: tzinfo,
    db: Database,
    busy: Callable[[], bool],
    parent: QObject | None = None,
) -> ReminderService:
    """The reminder service with its state file in ``data_dir`` and the senses wired in."""
    return ReminderService(
        clock,
        data_dir / STATE_FILE,
        settings,
        tz,
        db.record_reminder,
        busy,
        parent,
        senses=make_senses(),
        record_wait=db.record_wait,
    )
