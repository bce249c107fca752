"""Writing an export file: what ``herstel export -o``, History and Settings › Data share."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Literal, TextIO

from herstel.storage.atomic import atomic_writer
from herstel.storage.export_stream import export_csv, export_json

ExportFormat = Literal["csv", "json"]


def write_text_file(target: Path, write: Callable[[TextIO], None]) -> int:
    """Have ``write`` write UTF-8 text to ``target``, atomically and 0600; returns bytes.

    A failed write leaves whatever was at ``target`` before untouched.
    """
    with atomic_writer(target, mode=0o600) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        write(text)
        text.flush()
        text.detach()
    return target.stat().st_size


def write_export(db_path: Path, target: Path, kind: ExportFormat, now_iso: str) -> int:
    """Export like ``herstel export -o``: the same functions, atomic, 0600; returns bytes."""
    now = datetime.fromisoformat(now_iso)

    def write(out: TextIO) -> None:
        if kind == "json":
            export_json(db_path, out, now)
        else:
            export_csv(db_path, out, "sessions")

    return write_text_file(target, write)
