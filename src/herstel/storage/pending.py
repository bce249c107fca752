"""Writes the database could not take yet, kept on disk until it can.

A finished session must never be lost because another program holds the
database, the disk is full or the file is read-only. Such a write is appended
as one JSON line to ``<database>.pending`` (0600, fsync'd before the call
returns) and written into the database later, in order, in one transaction;
the file is then emptied. Replaying is idempotent: a session is upserted by
its UUID, a reminder outcome is skipped when one with the same kind and due
time is there, a delete of a missing session does nothing. So a crash between
the database commit and emptying the file only repeats harmless work.

Line format, version 1 (one object per line, UTF-8, ``\\n``-terminated)::

    {"v": 1, "op": "session", "id": "<uuid>", "data": {...}}
    {"v": 1, "op": "reminder", "id": "<kind>@<due_at>", "data": {...}}
    {"v": 1, "op": "delete", "id": "<uuid>", "data": {}}
    {"v": 1, "op": "wait", "id": "<reason>@<started_at>", "data": {...}}

A line with a newer ``v`` is left in the file untouched for the Herstel that
wrote it; a torn last line (a crash mid-append) is skipped with a log line.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Final, Protocol

from herstel.core.checkin import (
    CheckAnswers,
    CheckKind,
    CheckStatus,
    NightAnswers,
    Signal,
)
from herstel.core.records import EndedHow, SessionRecord, Trigger
from herstel.core.room import Episode, Sense
from herstel.core.schedule import Fire
from herstel.storage.atomic import write_atomic
from herstel.storage.database import (
    Database,
    ReminderRecord,
    StorageError,
    StoredSession,
    is_busy,
    validate_session,
)
from herstel.storage.paths import ensure_private_dir
from herstel.storage.schema import ReminderKind, ReminderOutcome

log = logging.getLogger(__name__)

PENDING_VERSION: Final = 1
PENDING_SUFFIX: Final = ".pending"

# Failures worth keeping a write for: they may go away (a lock, a full disk, a
# read-only mount). A ValueError is a bug in the data and never will.
KEEPABLE: Final = (sqlite3.Error, StorageError, OSError)


def pending_path(database: Path) -> Path:
    """The pending file beside the database."""
    return database.with_name(database.name + PENDING_SUFFIX)


def fallback_path(database: Path, state_dir: Path) -> Path:
    """A pending file for ``database`` in ``state_dir``, for when its own folder refuses.

    Named after a hash of the database's path, so two data folders never share one.
    """
    value = 0xCBF29CE484222325  # 64-bit FNV-1a: a stable name, not a secret (no hashlib:
    for byte in os.fsencode(str(database.absolute())):  # OpenSSL costs the idle app memory)
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return state_dir / f"herstel-{value:016x}{PENDING_SUFFIX}"


class Outcome(StrEnum):
    """What became of a write."""

    SAVED = "saved"  # it is in the database
    KEPT = "kept"  # it is in the pending file, to be written later
    HELD = "held"  # neither could be written: only in memory until a retry works


# --- encoding -------------------------------------------------------------------


def _answers_json(answers: CheckAnswers | None) -> dict[str, Any] | None:
    if answers is None:
        return None
    return {
        "kind": answers.kind.value,
        "values": {s.value: v for s, v in answers.values.items()},
        "change": answers.change,
        "complete": answers.complete,
        "answered_at": answers.answered_at.isoformat(),
    }


def _answers_from(data: dict[str, Any] | None) -> CheckAnswers | None:
    if data is None:
        return None
    return CheckAnswers(
        CheckKind(data["kind"]),
        {Signal(k): int(v) for k, v in data["values"].items()},
        data["change"],
        bool(data["complete"]),
        datetime.fromisoformat(data["answered_at"]),
    )


def _night_json(night: NightAnswers | None) -> dict[str, Any] | None:
    if night is None:
        return None
    return {
        "night": night.night.isoformat(),
        "slept_deeply": night.slept_deeply,
        "woke_rested": night.woke_rested,
        "answered_at": night.answered_at.isoformat(),
    }


def _night_from(data: dict[str, Any] | None) -> NightAnswers | None:
    if data is None:
        return None
    return NightAnswers(
        date.fromisoformat(data["night"]),
        data["slept_deeply"],
        data["woke_rested"],
        datetime.fromisoformat(data["answered_at"]),
    )


@dataclass(frozen=True, slots=True)
class SessionWrite:
    """A session with its checks and the night's sleep items, as ``save_session`` takes them."""

    record: SessionRecord
    before: CheckAnswers | None
    after: CheckAnswers | None
    night: NightAnswers | None
    check_status: str

    def apply(self, db: Database) -> None:
        db.save_session(self.record, self.before, self.after, self.night, self.check_status)

    def line(self) -> dict[str, Any]:
        r = self.record
        return {
            "v": PENDING_VERSION,
            "op": "session",
            "id": r.id,
            "data": {
                "started_at": r.started_at.isoformat(),
                "pattern": r.pattern,
                "planned_seconds": r.planned_seconds,
                "planned_breaths": r.planned_breaths,
                "done_seconds": r.done_seconds,
                "done_breaths": r.done_breaths,
                "ended_how": EndedHow(r.ended_how).value,
                "trigger": Trigger(r.trigger).value,
                "check_status": self.check_status,
                "before": _answers_json(self.before),
                "after": _answers_json(self.after),
                "night": _night_json(self.night),
            },
        }

    @classmethod
    def from_line(cls, line: dict[str, Any]) -> SessionWrite:
        d = line["data"]
        record = SessionRecord(
            line["id"],
            datetime.fromisoformat(d["started_at"]),
            d["pattern"],
            float(d["planned_seconds"]),
            int(d["planned_breaths"]),
            float(d["done_seconds"]),
            int(d["done_breaths"]),
            EndedHow(d["ended_how"]),
            Trigger(d["trigger"]),
        )
        write = cls(
            record,
            _answers_from(d["before"]),
            _answers_from(d["after"]),
            _night_from(d["night"]),
            CheckStatus(d["check_status"]).value,
        )
        validate_session(record, write.before, write.after, write.check_status)
        return write


@dataclass(frozen=True, slots=True)
class ReminderWrite:
    """A reminder's outcome; replayed only when no outcome for that kind and due time is stored."""

    reminder: ReminderRecord

    def apply(self, db: Database) -> None:
        db.record_reminder_once(self.reminder)

    def line(self) -> dict[str, Any]:
        r = self.reminder
        return {
            "v": PENDING_VERSION,
            "op": "reminder",
            "id": f"{r.kind.value}@{r.due_at.isoformat()}",
            "data": {
                "kind": r.kind.value,
                "due_at": r.due_at.isoformat(),
                "outcome": r.outcome.value,
                "acted_at": r.acted_at.isoformat(),
            },
        }

    @classmethod
    def from_line(cls, line: dict[str, Any]) -> ReminderWrite:
        d = line["data"]
        return cls(
            ReminderRecord(
                ReminderKind(d["kind"]),
                datetime.fromisoformat(d["due_at"]),
                ReminderOutcome(d["outcome"]),
                datetime.fromisoformat(d["acted_at"]),
            )
        )


@dataclass(frozen=True, slots=True)
class DeleteWrite:
    """Deleting one session (after the undo time ran out)."""

    session_id: str

    def apply(self, db: Database) -> None:
        db.delete_session(self.session_id)

    def line(self) -> dict[str, Any]:
        return {"v": PENDING_VERSION, "op": "delete", "id": self.session_id, "data": {}}

    @classmethod
    def from_line(cls, line: dict[str, Any]) -> DeleteWrite:
        return cls(str(line["id"]))


@dataclass(frozen=True, slots=True)
class WaitWrite:
    """A stretch a reminder waited (or a natural break); replayed once per reason and start."""

    episode: Episode

    def apply(self, db: Database) -> None:
        db.record_wait_once(self.episode)

    def line(self) -> dict[str, Any]:
        e = self.episode
        return {
            "v": PENDING_VERSION,
            "op": "wait",
            "id": f"{e.reason.value}@{e.started_at.isoformat()}",
            "data": {
                "reason": e.reason.value,
                "started_at": e.started_at.isoformat(),
                "ended_at": e.ended_at.isoformat(),
                "kind": e.kind,
                "due_at": e.due_at.isoformat() if e.due_at is not None else None,
            },
        }

    @classmethod
    def from_line(cls, line: dict[str, Any]) -> WaitWrite:
        d = line["data"]
        kind, due = d["kind"], d["due_at"]
        return cls(
            Episode(
                Sense(d["reason"]),
                datetime.fromisoformat(d["started_at"]),
                datetime.fromisoformat(d["ended_at"]),
                _fire(kind),
                datetime.fromisoformat(due) if due is not None else None,
            )
        )


def _fire(kind: object) -> Fire | None:
    if kind is None or kind == "timer" or kind == "scheduled":
        return kind
    raise ValueError(f"unknown reminder kind {kind!r}")


Write = SessionWrite | ReminderWrite | DeleteWrite | WaitWrite
_READERS: Final[dict[str, Callable[[dict[str, Any]], Write]]] = {
    "session": SessionWrite.from_line,
    "reminder": ReminderWrite.from_line,
    "delete": DeleteWrite.from_line,
    "wait": WaitWrite.from_line,
}


def encode(write: Write) -> bytes:
    """One pending line, ``\\n``-terminated, ASCII only (a lone surrogate cannot slip in)."""
    return json.dumps(write.line(), ensure_ascii=True, separators=(",", ":")).encode() + b"\n"


def decode(raw: bytes) -> Write | None:
    """A write from one line; None for a line this version does not know (kept as it is).

    Raises ValueError for a line that is damaged.
    """
    try:
        line = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as err:
        raise ValueError(f"not JSON: {err}") from err
    if not isinstance(line, dict) or not isinstance(line.get("v"), int):
        raise ValueError("no version")
    if line["v"] > PENDING_VERSION or line.get("op") not in _READERS:
        return None
    try:
        return _READERS[line["op"]](line)
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise ValueError(f"bad {line.get('op')} line: {err}") from err


# --- the file ---------------------------------------------------------------------


@contextmanager
def _locked(path: Path, flags: int) -> Iterator[int]:
    """The file opened 0600 (whatever the umask) and locked against a second writer."""
    fd = os.open(path, flags | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class PendingFile:
    """The append-only file of writes waiting for the database."""

    def __init__(self, path: Path, *, private_folder: bool = False) -> None:
        """``private_folder``: create the folder (0700) on the first append (the fallback)."""
        self.path = path
        self._private_folder = private_folder

    def has_writes(self) -> bool:
        """True when something waits (one ``stat``: cheap enough to ask before every save)."""
        try:
            return self.path.stat().st_size > 0
        except OSError:
            return False

    def append(self, write: Write) -> None:
        """Add one write durably: when this returns, it survives a power cut.

        Raises OSError when it cannot (a read-only folder, a full disk).
        """
        if self._private_folder:
            ensure_private_dir(self.path.parent)
        created = not self.path.exists()
        data = encode(write)
        with _locked(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT) as fd:
            os.fchmod(fd, 0o600)
            start = os.fstat(fd).st_size
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
            except OSError:
                os.ftruncate(fd, start)  # no torn line left behind
                raise
        if created:
            _fsync_folder(self.path.parent)

    def read(self) -> tuple[list[Write], list[bytes]]:
        """The writes in order, and the raw lines this version keeps but cannot use."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return [], []
        return _split(data)

    def replay(self, db: Database) -> int:
        """Write everything waiting into ``db`` in one transaction, then empty the file.

        Returns how many writes went in. Raises what the database raises (the
        file is then left exactly as it was).
        """
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CLOEXEC)
        except FileNotFoundError:
            return 0
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            size = os.fstat(fd).st_size
            data = os.pread(fd, size, 0) if size else b""
            writes, kept = _split(data)
            if writes:
                db.apply_all([w.apply for w in writes])
            if kept:
                write_atomic(self.path, b"".join(kept))
            elif size:
                os.ftruncate(fd, 0)  # one step: either all lines or none
                os.fsync(fd)
        finally:
            os.close(fd)
        if writes:
            log.info("wrote %d kept write(s) into the database", len(writes))
        return len(writes)


def _split(data: bytes) -> tuple[list[Write], list[bytes]]:
    writes: list[Write] = []
    kept: list[bytes] = []
    for number, raw in enumerate(data.splitlines(keepends=True), start=1):
        if not raw.strip():
            continue
        try:
            write = decode(raw)
        except ValueError as err:
            log.error("pending line %d skipped (damaged): %s", number, err)
            continue
        if write is None:
            kept.append(raw if raw.endswith(b"\n") else raw + b"\n")
        else:
            writes.append(write)
    return writes, kept


# --- saving or keeping ------------------------------------------------------------


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
    "PENDING_VERSION",
    "DeleteWrite",
    "Keeper",
    "Outcome",
    "PendingFile",
    "ReminderWrite",
    "Saver",
    "SessionWrite",
    "StoredSession",
    "Write",
    "fallback_path",
    "flush",
    "pending_path",
    "save_or_keep",
]
