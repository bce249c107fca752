"""Writes the database could not take yet, kept on disk until it can.

A finished session must never be lost because another program holds the
database, the disk is full or the file is read-only. Such a write is appended
as one JSON line to ``<database>.pending`` (``pending_file``; the line format
is in ``pending_writes``) and written into the database later, in order, in
one transaction; the file is then emptied. Replaying is idempotent, so a crash
between the database commit and emptying the file only repeats harmless work.
Here: deciding, write by write, between the database, the pending file, a
fallback file and memory.
"""

from __future__ import annotations

import logging
import sqlite3
from enum import StrEnum
from typing import Final, Protocol

from herstel.storage.connection import StorageError, is_busy
from herstel.storage.database import Database
from herstel.storage.pending_file import PendingFile
from herstel.storage.pending_writes import Write

log = logging.getLogger(__name__)

# Failures worth keeping a write for: they may go away (a lock, a full disk, a
# read-only mount). A ValueError is a bug in the data and never will.
KEEPABLE: Final = (sqlite3.Error, StorageError, OSError)


class Outcome(StrEnum):
    """What became of a write."""

    SAVED = "saved"  # it is in the database
    KEPT = "kept"  # it is in the pending file, to be written later
    HELD = "held"  # neither could be written: only in memory until a retry works


class Saver(Protocol):
    """What a caller needs to store a write: the Keeper, or the app's retrying wrapper."""

    def save(self, write: Write) -> Outcome: ...


def save_or_keep(db: Database | None, pending: PendingFile, write: Write) -> Outcome:
    """Write into the database, or keep it in the pending file when the database refuses.

    When writes are already waiting, this one joins them (so the order of
    writes is kept: a check's answers never get overwritten by the session's
    earlier, still-waiting save) and all are tried together. ValueError
    (data that can never be stored) is raised; storage failures are not.
    """
    refused = False
    if db is not None and not pending.has_writes():
        try:
            write.apply(db)
            return Outcome.SAVED
        except KEEPABLE as err:
            refused = True
            log.warning("database refused a write (%s); keeping it beside the database", err)
    try:
        pending.append(write)
    except OSError as err:
        log.error("could not keep a write in %s: %s", pending.path, err)
        return Outcome.HELD
    if db is not None and not refused:  # it joined earlier ones: try them all, in order
        try:
            pending.replay(db)
            return Outcome.SAVED
        except KEEPABLE as err:
            log.info("kept writes still waiting: %s", err)
    return Outcome.KEPT


def flush(db: Database | None, pending: PendingFile) -> bool:
    """Try to write what waits; True when nothing waits any more."""
    if db is None:
        return not pending.has_writes()
    try:
        pending.replay(db)
    except KEEPABLE as err:
        log.info("kept writes still waiting: %s", err)
        return False
    return not pending.read()[0]


class Keeper:
    """Every write the app makes goes through here: into the database, or kept until it can.

    When the pending file beside the database cannot be written (the folder
    is read-only, that disk is full), ``fallback`` — a pending file in a private
    folder elsewhere — takes the write; once anything waits there, later
    writes queue behind it, so the order of writes is kept. The last resort is
    memory: those writes are tried again with the rest (first onto disk), and
    ``waiting`` stays true so the app keeps trying and says so.
    """

    RETRY_WAIT: Final = 0.05  # seconds a retry waits for a lock: it runs on the UI thread

    def __init__(
        self, db: Database | None, pending: PendingFile, fallback: PendingFile | None = None
    ) -> None:
        self.db = db
        self.pending = pending
        self.fallback = fallback
        self._held: list[Write] = []
        self._stale = False

    @property
    def waiting(self) -> bool:
        """True while some write is not in the database yet."""
        return bool(self._held) or any(bool(f.read()[0]) for f in self._files())

    def _files(self) -> list[PendingFile]:
        return [self.pending] if self.fallback is None else [self.pending, self.fallback]

    def save(self, write: Write) -> Outcome:
        """Store ``write`` now if the database takes it; otherwise keep it. Never raises for I/O."""
        behind = self._held or (self.fallback is not None and self.fallback.has_writes())
        if behind:  # queue behind what waits elsewhere, then try them all
            self._held.append(write)
            return Outcome.SAVED if self.flush() else self._where_kept()
        outcome = save_or_keep(self.db, self.pending, write)
        if outcome is Outcome.HELD:
            self._held.append(write)
            self._to_disk()
            return self._where_kept()
        return outcome

    def _where_kept(self) -> Outcome:
        return Outcome.HELD if self._held else Outcome.KEPT

    def _to_disk(self) -> None:
        """Held writes into a pending file: beside the database, else the fallback."""
        while self._held:
            target = (
                self.fallback if self.fallback is not None and self.fallback.has_writes() else None
            )
            for file in [target] if target is not None else self._files():
                try:
                    file.append(self._held[0])
                    break
                except OSError as err:
                    log.info("could not keep a write in %s: %s", file.path, err)
            else:
                return
            self._held.pop(0)

    def flush(self) -> bool:
        """One retry, waiting at most RETRY_WAIT for a lock; True when nothing waits any more."""
        self._to_disk()  # first, so a quit now loses nothing
        if self.db is None:
            return not self.waiting
        if self._stale:
            self._reopen()
        try:
            with self.db.waiting_at_most(self.RETRY_WAIT):
                for file in self._files():  # beside the database first: it is older
                    file.replay(self.db)
                held, self._held = self._held, []
                try:
                    self.db.apply_all([w.apply for w in held])
                except BaseException:
                    self._held = held + self._held
                    raise
        except KEEPABLE as err:
            log.info("kept writes still waiting: %s", err)
            # SQLite keeps a connection that met a read-only file or folder
            # read-only: after anything but a lock, the next retry starts afresh.
            self._stale = isinstance(err, sqlite3.Error) and not is_busy(err)
        return not self.waiting

    def _reopen(self) -> None:
        assert self.db is not None
        try:
            self.db.reopen()
        except KEEPABLE as err:
            log.info("could not open the database again: %s", err)


__all__ = [
    "KEEPABLE",
    "Keeper",
    "Outcome",
    "Saver",
    "flush",
    "save_or_keep",
]
