"""Replace a file so that it is always either the old or the new version.

A crash, a full disk or a power cut in the middle of a save must never leave a
half-written settings file (which would then be moved aside as corrupt and the
user's settings lost). The data goes to a temporary file in the same folder,
is flushed to disk, and then renamed over the target in one step.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` atomically and durably, with permissions ``mode``."""
    with atomic_writer(path, mode) as file:
        file.write(data)


@contextmanager
def atomic_writer(path: Path, mode: int = 0o600) -> Iterator[BinaryIO]:
    """A binary file that replaces ``path`` only when the ``with`` block succeeds.

    For writers that stream (an export of 100,000 sessions) as well as
    ``write_atomic``. The folder must exist. If ``path`` is a symlink, the file
    it points to is replaced and the link kept (a settings file linked from a
    dotfiles folder stays linked). On any failure before the rename the
    temporary file is removed, the target is untouched, and the error is
    raised; a failure to sync the folder after the rename is raised too (the
    new file is complete, but may not survive a power cut).
    """
    if path.is_symlink():
        path = path.resolve()
    directory = path.parent
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    temp = Path(temp_name)
    try:
        try:
            file = os.fdopen(fd, "wb")
        except BaseException:
            os.close(fd)
            raise
        with file:
            if sys.platform != "win32":
                os.fchmod(file.fileno(), mode)  # not filtered by the umask, unlike open()
            yield file
            file.flush()
            os.fsync(file.fileno())
        if sys.platform == "win32":
            temp.chmod(mode)  # only the read-only bit means anything there
        temp.replace(path)
    except BaseException as error:
        try:
            temp.unlink(missing_ok=True)
        except OSError as cleanup_error:
            # The first failure is the one to report; say what was left behind.
            error.add_note(f"could not remove the temporary file {temp}: {cleanup_error}")
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable: it is recorded in the folder, not the file."""
    if sys.platform == "win32":
        return  # folders cannot be opened for syncing there; NTFS journals renames
    dir_fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
