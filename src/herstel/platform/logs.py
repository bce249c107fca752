"""Logging to a small file in the data folder's ``logs/``, rotated by size.

Only the app calls this (headless commands never create logs/). No Qt here.
Herstel writes a handful of lines a day (start, sessions, reminders); past
``MAX_BYTES`` the file becomes ``herstel.log.1`` (the older ones shift up, at
most ``BACKUPS`` are kept). That is checked at start-up and after each line,
so a flood (a misbehaving peer on the socket) can never fill the disk. A
small handler of our own keeps ``logging.handlers`` out of the start-up path.
"""

from __future__ import annotations

import logging
from pathlib import Path

LOG_FILE_NAME = "herstel.log"
MAX_BYTES = 256 * 1024
BACKUPS = 3


def rotate_if_large(path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> bool:
    """Shift ``path`` to ``path.1`` (``.1`` to ``.2`` …) when it holds ``max_bytes`` or more.

    True when it rotated. The oldest backup beyond ``backups`` is dropped.
    """
    try:
        if path.stat().st_size < max_bytes:
            return False
    except FileNotFoundError:
        return False
    for number in range(backups - 1, 0, -1):
        older = path.with_name(f"{path.name}.{number}")
        if older.exists():
            older.replace(path.with_name(f"{path.name}.{number + 1}"))
    path.replace(path.with_name(f"{path.name}.1"))
    return True


class SizeCappedFileHandler(logging.FileHandler):
    """A FileHandler that rotates (``rotate_if_large``) once its file reaches ``max_bytes``."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        super().__init__(path, encoding="utf-8")
        self._path = path
        self._max_bytes = max_bytes
        self._backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        super().emit(record)
        stream = self.stream
        try:
            if stream is None or stream.tell() < self._max_bytes:
                return
            self.acquire()
            try:
                stream.close()
                self.stream = None  # reopened just below
                rotate_if_large(self._path, self._max_bytes, self._backups)
                self.stream = self._open()
                self._path.chmod(0o600)
            finally:
                self.release()
        except OSError:
            self.handleError(record)


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send the ``herstel`` loggers to the log file; returns its path.

    The folder is created private (0700) by the caller's data-folder check; a
    failure to open the file raises OSError for the caller to report.
    """
    log_dir.mkdir(mode=0o700, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    rotate_if_large(path)
    handler = SizeCappedFileHandler(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("herstel")
    root.setLevel(level)
    root.addHandler(handler)
    path.chmod(0o600)
    return path
