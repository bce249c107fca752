"""Where a data folder's running instance listens: the socket path, without Qt.

Kept apart from :mod:`herstel.platform.single_instance` (which needs QtCore for
its lock) so that ``herstel status`` can find the instance with nothing but
the standard library: it must answer faster than ``herstel --version``.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Final

_SUN_PATH_LINUX: Final = 107  # bytes in sockaddr_un.sun_path, minus the closing NUL
_SUN_PATH_OTHER: Final = 103  # macOS and the BSDs


class SingleInstanceError(OSError):
    """Neither the instance nor able to reach it; ``str()`` is one line for stderr."""


def _name_hash(data: bytes) -> int:
    """64-bit FNV-1a of ``data``: a stable name for a folder, not a secret.

    The socket sits in a folder only this user can enter, so the name only has
    to differ between data folders. hashlib would do the same but brings
    OpenSSL's digests into the idle tray app (about 0.6 MiB).
    """
    value = 0xCBF29CE484222325
    for byte in data:
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return value


def socket_name(data_dir: Path, env: Mapping[str, str], *, platform: str = sys.platform) -> str:
    """The instance socket for ``data_dir``: the same for every launch that uses it.

    ``herstel-<16 hex digits of a 64-bit hash of data_dir>.sock`` in
    ``$XDG_RUNTIME_DIR`` when that is an absolute path to a folder (the XDG
    spec says to ignore anything else), otherwise in the data folder itself. On
    Windows the name is a per-user named pipe. Raises SingleInstanceError when
    the path would not fit in a Unix socket address.
    """
    base = f"herstel-{_name_hash(os.fsencode(str(data_dir))):016x}"
    if platform == "win32":
        return base
    runtime = env.get("XDG_RUNTIME_DIR", "")
    folder = Path(runtime) if runtime and Path(runtime).is_absolute() else data_dir
    if folder != data_dir and not _private_folder(folder):
        folder = data_dir
    path = str(folder / f"{base}.sock")
    limit = _SUN_PATH_LINUX if platform.startswith("linux") else _SUN_PATH_OTHER
    if len(os.fsencode(path)) > limit:
        raise SingleInstanceError(
            f"the single-instance socket path {path!r} is longer than {limit} bytes; "
            "set XDG_RUNTIME_DIR or use a shorter data folder"
        )
    return path


def _private_folder(folder: Path) -> bool:
    """A folder that is ours and that no one else can write into (else not for our socket)."""
    try:
        info = folder.stat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )
