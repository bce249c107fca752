"""Builds the reminder service with the senses that read the room, so app.py need not.

The senses (``herstel.platform.senses``) are Linux only; elsewhere the service
runs blind, exactly as before reading the room.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QObject

from herstel.core.clock import Clock
from herstel.core.room import Episode
from herstel.core.settings import Settings
from herstel.storage.database import Database
from herstel.ui.reminders.service import ReminderService, RoomSenses

log = logging.getLogger(__name__)

STATE_FILE = "reminders.json"


def make_senses() -> RoomSenses | None:
    """The platform senses, not yet watching anything; None where this platform has none.

    Imported here, when the services are built (after the first window), so the
    senses' modules stay off the start-up path; each probe loads its own
    libraries only when first asked.
    """
    if not sys.platform.startswith("linux"):
        log.info("no senses on %s: reminders do not read the room", sys.platform)
        return None
    from herstel.platform.senses.aggregator import Senses

    return Senses()


def build_reminder_service(
    clock: Clock,
    data_dir: Path,
    settings: Settings,
    tz: tzinfo,
    db: Database,
    busy: Callable[[], bool],
    parent: QObject | None = None,
    record: Callable[[str, datetime, str, datetime], None] | None = None,
    record_wait: Callable[[Episode], None] | None = None,
) -> ReminderService:
    """The reminder service with its state file in ``data_dir`` and the senses wired in.

    ``record`` stores a reminder's outcome and ``record_wait`` a wait (the
    app's keep them when the database refuses them); by default straight
    into ``db``.
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
        record_wait=record_wait or db.record_wait,
    )
