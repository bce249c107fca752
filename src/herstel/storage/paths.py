"""Where Herstel keeps its data, and making that folder safe to use.

Resolving the paths never touches the disk beyond reading it: headless
commands such as ``herstel export`` must not leave empty folders behind.
Only ``ensure_private_dir`` creates anything, and only when something is
about to be written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import platformdirs

APP_DIR_NAME: Final = "herstel"
DATA_DIR_ENV: Final = "HERSTEL_DATA_DIR"


@dataclass(frozen=True, slots=True)
class DataPaths:
    """The data and config folders, and the files Herstel keeps in them.

    ``explicit`` is true when the user chose the data folder (``--data-dir`` or
    ``HERSTEL_DATA_DIR``); the settings then live inside it too, so one folder
    holds a complete, separate Herstel (handy for tests and for a therapist's
    second profile).
    """

    data_dir: Path
    config_dir: Path
    explicit: bool

    @property
    def database(self) -> Path:
        return self.data_dir / "herstel.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "herstel.lock"


class DataDirError(OSError):
    """A data (or config) folder that cannot be created or written to.

    ``str()`` is a single English line naming the folder, fit for stderr.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"cannot create or write to the data folder {_one_line(str(path))}: {_one_line(reason)}"
        )
        self.path = path
        self.reason = reason


def _one_line(text: str) -> str:
    # A folder name may contain a newline; the message must still be one line.
    return text.replace("\n", "\\n").replace("\r", "\\r")


def _reason(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__


def _explicit_dir(text: str) -> Path:
    """An absolute, canonical form of a folder the user named.

    Canonical (symlinks resolved) so that two spellings of the same folder are
    one data folder: the single-instance lock and socket derive from it.
    """
    path = Path(text)
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError) as error:  # no home folder for "~", or a symlink loop
        raise DataDirError(path, str(error)) from error


def resolve_paths(cli_data_dir: str | None, env: Mapping[str, str]) -> DataPaths:
    """Decide where data and settings live; creates nothing.

    Precedence: ``--data-dir``, then a non-empty ``HERSTEL_DATA_DIR``, then the
    platform's usual folders (``platformdirs``). An explicit data folder also
    holds the settings. Raises ``ValueError`` for an empty ``--data-dir``,
    which would otherwise silently mean the current folder.
    """
    if cli_data_dir is not None:
        if not cli_data_dir:
            raise ValueError("--data-dir must not be empty")
        data_dir = _explicit_dir(cli_data_dir)
        return DataPaths(data_dir=data_dir, config_dir=data_dir, explicit=True)
    from_env = env.get(DATA_DIR_ENV, "")
    if from_env:
        data_dir = _explicit_dir(from_env)
        return DataPaths(data_dir=data_dir, config_dir=data_dir, explicit=True)
    return DataPaths(
        data_dir=platformdirs.user_data_path(APP_DIR_NAME, appauthor=False).absolute(),
        config_dir=platformdirs.user_config_path(APP_DIR_NAME, appauthor=False).absolute(),
        explicit=False,
    )


def _make_parents_private(folder: Path) -> None:
    """Create the missing folders above ours 0700 too: the umask (even 000) must not decide."""
    missing: list[Path] = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for each in reversed(missing):
        try:
            each.mkdir(mode=0o700)
        except FileExistsError:
            continue  # another process made it first; theirs to keep as it is
        each.chmod(0o700)


def ensure_private_dir(path: Path) -> None:
    """Make sure ``path`` is a folder we can write to, creating it private (0700).

    A folder we create gets mode 0700 whatever the umask, and so do missing
    folders above it; an existing folder is left as the user set it.
    Writability is tested by creating and removing a file, because
    ``os.access`` says yes to root even on a read-only mount.
    Raises ``DataDirError`` naming the folder when any of this fails.
    """
    try:
        _make_parents_private(path.parent)
    except OSError as error:
        raise DataDirError(path, _reason(error)) from error
    try:
        path.mkdir(mode=0o700)
    except FileExistsError:
        pass  # already there; whether it is a folder is checked below
    except OSError as error:
        raise DataDirError(path, _reason(error)) from error
    else:
        try:
            path.chmod(0o700)  # mkdir's mode is filtered by the umask
        except OSError as error:
            raise DataDirError(path, _reason(error)) from error
    if not path.is_dir():
        raise DataDirError(path, "it exists but is not a folder")
    try:
        fd, probe = tempfile.mkstemp(prefix=".herstel-write-test-", dir=path)
        os.close(fd)
        Path(probe).unlink()
    except OSError as error:
        raise DataDirError(path, _reason(error)) from error
