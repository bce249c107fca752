"""Writing kept writes into the database while the app runs.

Every write the app makes goes through :class:`KeptWrites`. When the database
takes it, nothing else happens. When it does not (another program holds the
file, the disk is full, the folder is read-only), the write is kept beside the
database (:mod:`herstel.storage.pending`) and one single-shot timer retries,
waiting longer each time (1 s, 2 s, 4 s … at most 30 s). Nothing waits, no
timer runs: the idle app gains no wake-ups (DESIGN §10).
"""

from __future__ import annotations

import logging
from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal

from herstel.storage.pending import Keeper, Outcome
from herstel.storage.pending_writes import Write

log = logging.getLogger(__name__)

FIRST_RETRY_MS: Final = 1_000
LAST_RETRY_MS: Final = 30_000


class KeptWrites(QObject):
    """Saves through a Keeper and retries on a backing-off single-shot timer."""

    kept = Signal()  # the first write that could not go into the database right away
    written = Signal()  # everything that waited is in the database now

    def __init__(
        self,
        keeper: Keeper,
        parent: QObject | None = None,
        *,
        first_retry_ms: int = FIRST_RETRY_MS,
        last_retry_ms: int = LAST_RETRY_MS,
    ) -> None:
        super().__init__(parent)
        self._keeper = keeper
        self._first = first_retry_ms
        self._last = last_retry_ms
        self._delay = first_retry_ms
        self._told = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.retry)

    @property
    def waiting(self) -> bool:
        """True while a write waits for the database."""
        return self._keeper.waiting

    @property
    def retry_in_ms(self) -> int | None:
        """When the next retry comes, or None when no timer runs."""
        return self._timer.remainingTime() if self._timer.isActive() else None

    def save(self, write: Write) -> Outcome:
        """Store ``write``, or keep it and start retrying; never raises for I/O."""
        outcome = self._keeper.save(write)
        if outcome is Outcome.SAVED:
            if not self._keeper.waiting:
                self._done()
            return outcome
        self._waiting()
        return outcome

    def start(self) -> None:
        """At start-up: write what an earlier run kept (soon, not before the first frame)."""
        if self._keeper.waiting:
            self._timer.start(0)

    def retry(self) -> bool:
        """One attempt now; True when nothing waits any more."""
        if self._keeper.flush():
            self._done()
            return True
        self._waiting()
        return False

    def _waiting(self) -> None:
        if not self._told:
            self._told = True
            self.kept.emit()
        if not self._timer.isActive():
            self._timer.start(self._delay)
            self._delay = min(self._delay * 2, self._last)

    def _done(self) -> None:
        self._timer.stop()
        self._delay = self._first
        if self._told:
            self._told = False
            log.info("all kept writes are in the database")
            self.written.emit()
