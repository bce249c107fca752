"""The pending file: writes kept on disk, one JSON line each, until the database takes them.

``<database>.pending`` beside the database (or a fallback in a private folder
elsewhere), 0600, appended under a lock and fsync'd before ``append``
returns, so a kept write survives a power cut. A replay writes every line into
the database in one transaction and then empties the file in one step. A line
with a newer ``v`` is left in the file untouched for the Herstel that wrote it;
a torn last line (a crash mid-append) is skipped with a log line.
"""

from __future__ import annotations

import fcntl
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from herstel.storage.atomic import write_atomic
from herstel.storage.database import Database
from herstel.storage.paths import ensure_private_dir
from herstel.storage.pending_writes import Write, decode, encode

# The log lines about kept writes keep the name they always had in the log file.
log = logging.getLogger("herstel.storage.pending")

PENDING_SUFFIX: Final = ".pending"


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
