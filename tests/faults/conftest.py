"""Fault injection against the real SQLite file: another program holding it locked."""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fault_tools import LockHolder, Mount


@pytest.fixture
def hold_lock() -> Iterator[Callable[..., LockHolder]]:
    holders: list[LockHolder] = []

    def start(path: Path, mode: str = "exclusive", seconds: float | None = None) -> LockHolder:
        holder = LockHolder(path, mode, seconds)
        holders.append(holder)
        return holder

    yield start
    for holder in holders:
        if holder.process.poll() is None:
            holder.process.kill()
            holder.process.wait()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 512 KiB tmpfs that can really fill up (mounting needs root; skipped otherwise)."""
    import os

    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("a small file system needs root to mount")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture
def remountable(tmp_path: Path) -> Iterator[Callable[[Path], Mount]]:
    """Bind mounts that can go read-only like a remounted disk (root ignores file modes)."""
    import os

    if os.geteuid() != 0:
        pytest.skip("a read-only mount needs root")
    mounted: list[Path] = []

    def bind(folder: Path) -> Mount:
        done = subprocess.run(
            ["mount", "--bind", str(folder), str(folder)], capture_output=True, text=True
        )
        if done.returncode != 0:
            pytest.skip(f"cannot bind-mount: {done.stderr.strip()}")
        mounted.append(folder)
        return Mount(folder)

    yield bind
    for folder in reversed(mounted):
        subprocess.run(["umount", "-l", str(folder)], check=False)
