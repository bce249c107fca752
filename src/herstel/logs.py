"""Logging to a small rotated file in the data folder's ``logs/``.

Only the app calls this (headless commands never create logs/). No Qt here.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "herstel.log"
MAX_BYTES = 256 * 1024
BACKUPS = 3


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    """Send the ``herstel`` loggers to a rotated file; returns its path.

    The folder is created private (0700) by the caller's data-folder check; a
    failure to open the file raises OSError for the caller to report.
    """
    log_dir.mkdir(mode=0o700, exist_ok=True)
    path = log_dir / LOG_FILE_NAME
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("herstel")
    root.setLevel(level)
    root.addHandler(handler)
    path.chmod(0o600)
    return path
