"""Moving an unreadable file aside instead of overwriting it.

Settings, the reminder state and the database all keep a damaged file under a
timestamped name next to it, so nothing the user had is silently lost.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path


def aside_name(path: Path, now: datetime, companions: Sequence[str] = ()) -> Path:
    """A free ``<name>.corrupt-YYYYmmdd-HHMMSS[-N]`` beside ``path``.

    Free means neither the name nor any ``name + suffix`` for ``companions``
    (e.g. the database's ``-wal``) exists yet, so two damaged files in the same
    second never overwrite each other.
    """
    base = f"{path.name}.corrupt-{now:%Y%m%d-%H%M%S}"
    candidate = path.with_name(base)
    number = 1
    while any(
        Path(f"{candidate}{suffix}").exists() or Path(f"{candidate}{suffix}").is_symlink()
        for suffix in ("", *companions)
    ):
        candidate = path.with_name(f"{base}-{number}")
        number += 1
    return candidate
