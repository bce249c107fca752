"""Fault injection tools: a second process holding the database, small and read-only disks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HOLDER = Path(__file__).with_name("lock_holder.py")


class LockHolder:
    """A child python process holding the database, released on demand."""

    def __init__(self, path: Path, mode: str, seconds: float | None = None) -> None:
        args = [sys.executable, str(HOLDER), str(path), mode]
        if seconds is not None:
            args.append(str(seconds))
        self.process = subprocess.Popen(
            args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        assert line == "held", f"the lock holder said {line!r}"

    def release(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write("go\n")
            self.process.stdin.flush()
        self.wait_released()

    def wait_released(self, timeout: float = 60) -> None:
        assert self.process.stdout is not None
        self.process.communicate(timeout=timeout)


def fill(folder: Path) -> Path:
    """Fill the file system of ``folder`` to the last byte; returns the filler to delete."""
    import os

    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)
    return filler


class Mount:
    """A folder bind-mounted onto itself, so it can be switched read-only and back."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _run(self, *args: str) -> None:
        done = subprocess.run(["mount", *args, str(self.folder)], capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot remount {self.folder}: {done.stderr.strip()}")

    def read_only(self) -> None:
        self._run("-o", "remount,bind,ro")

    def writable(self) -> None:
        self._run("-o", "remount,bind,rw")
