"""In a call, second sign: a camera device is open in another process of ours.

Linux has no "camera in use" query, so this looks at which files the user's
own processes hold open (``/proc/<pid>/fd`` symlinks): only *whether* one of
them points at ``/dev/video*`` — nothing is opened, nothing is read. Other
users' processes cannot be looked at and are not asked about. When no
``/dev/video*`` exists (most desktops without a webcam) the answer is an
immediate no. The scan runs in a worker thread so the loop never waits on /proc.

There is no change event here (inotify on device nodes would need ctypes and
sees every open by any program); the reminder service's minute check covers
it, and only while a reminder waits.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from herstel.platform.senses.probe import Poke


def camera_open(devices: Path, proc: Path, uid: int, own_pid: int) -> bool:
    """Whether any process of ``uid`` other than ``own_pid`` holds a video device open."""
    try:
        targets = {str(path) for path in devices.iterdir() if path.name.startswith("video")}
    except OSError:
        return False
    if not targets:
        return False
    with os.scandir(proc) as entries:
        return any(_holds(entry, targets, uid, own_pid) for entry in entries)


def _holds(process: os.DirEntry[str], targets: set[str], uid: int, own_pid: int) -> bool:
    """Whether one /proc entry is a process of ``uid`` holding one of ``targets``."""
    if not process.name.isdigit() or int(process.name) == own_pid:
        return False
    try:
        if process.stat(follow_symlinks=False).st_uid != uid:
            return False
        fds = os.scandir(Path(process.path) / "fd")
    except OSError:
        return False  # gone, or not ours to look at
    with fds:
        for fd in fds:
            try:
                if str(Path(fd.path).readlink()) in targets:
                    return True
            except OSError:
                continue
    return False


class CameraOpen:
    """A video device held open by another process of this user."""

    def __init__(
        self, devices: Path = Path("/dev"), proc: Path = Path("/proc"), uid: int | None = None
    ) -> None:
        self._devices = devices
        self._proc = proc
        self._uid = os.getuid() if uid is None else uid

    async def read(self) -> bool | None:
        try:
            if not any(path.name.startswith("video") for path in self._devices.iterdir()):
                return False  # no camera at all: no need to look at /proc
        except OSError:
            return None
        return await asyncio.to_thread(
            camera_open, self._devices, self._proc, self._uid, os.getpid()
        )

    async def start(self, poke: Poke) -> None:
        """No change event: the minute check covers the camera."""

    async def stop(self) -> None:
        pass
