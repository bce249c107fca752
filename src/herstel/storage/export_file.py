"""Writing an export file: what ``herstel export -o``, History and Settings › Data share."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Literal

from herstel.storage.atomic import atomic_writer
from herstel.storage.exchange import export_csv, export_json

ExportFormat = Literal["csv", "json"]


def write_export(db_path: Path, target: Path, kind: ExportFormat, now_iso: str) -> int:
    """Export like ``herstel export -o``: the same functions, atomic, 0600; returns bytes."""
    now = datetime.fromisoformat(now_iso)
    with atomic_writer(target, mode=0o600) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        if kind == "json":
            export_json(db_path, text, now)
        else:
            export_csv(db_path, text, "sessions")
        text.flush()
        text.detach()
    return target.stat().st_size
