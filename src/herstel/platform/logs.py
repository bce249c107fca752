"""Logging to a small file in the data folder's ``logs/``, rotated at start-up.

Only the app calls this (headless commands never create logs/). No Qt here.
Herstel writes a handful of lines a day (start, sessions, reminders), so the
file is checked once, when the app starts: past ``MAX_BYTES`` it becomes
``herstel.log.1`` (the older ones shift up, at most ``BACKUPS`` are kept).
That keeps ``logging.handlers`` and what it loads out of the start-up path.
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


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send the ``herstel`` loggers to the log file; returns its path.

    The folder is created private (0700) by the caller's data-folder check; a
    failure to open the file raises OSError for the caller to report.
    """
    log_dir.mkdir(mode=0o700, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    rotate_if_large(path)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("herstel")
    root.setLevel(level)
    root.addHandler(handler)
    path.chmod(0o600)
    return path
