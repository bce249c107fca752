"""Camera in use: a real other process holding a "video" device open, found
through the real /proc. The device is a plain file in a temporary /dev stand-in
(a test machine has no webcam); only the path is compared, never read.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest

from herstel.platform.senses.camera import CameraOpen, camera_open
from room_servers import stop

Run = Callable[[Coroutine[Any, Any, Any]], Any]
PROC = Path("/proc")

HOLDER = "import sys; f = open(sys.argv[1], 'rb'); print('open', flush=True); sys.stdin.read()"


@pytest.fixture
def devices(tmp_path: Path) -> Path:
    (tmp_path / "video0").write_bytes(b"")
    (tmp_path / "null").write_bytes(b"")
    return tmp_path


@pytest.fixture
def holder(devices: Path) -> Iterator[Callable[[str], subprocess.Popen[str]]]:
    children: list[subprocess.Popen[str]] = []

    def hold(name: str) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(devices / name)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        children.append(process)
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "open"
        return process

    yield hold
    for child in children:
        stop(child)


def test_a_camera_held_by_another_process_is_seen(
    devices: Path, holder: Callable[[str], subprocess.Popen[str]]
) -> None:
    uid, me = os.getuid(), os.getpid()
    assert camera_open(devices, PROC, uid, me) is False
    process = holder("video0")
    assert camera_open(devices, PROC, uid, me) is True
    assert camera_open(devices, PROC, uid, own_pid=process.pid) is False  # "ours"
    assert camera_open(devices, PROC, uid + 1, me) is False  # other users' are not asked
    stop(process)
    assert camera_open(devices, PROC, uid, me) is False


def test_other_devices_are_no_camera(
    devices: Path, holder: Callable[[str], subprocess.Popen[str]]
) -> None:
    holder("null")
    assert camera_open(devices, PROC, os.getuid(), os.getpid()) is False


def test_no_video_devices_answers_without_looking(tmp_path: Path, run: Run) -> None:
    assert run(CameraOpen(devices=tmp_path, proc=tmp_path / "absent").read()) is False


def test_the_probe_runs_the_scan(
    devices: Path, holder: Callable[[str], subprocess.Popen[str]], run: Run
) -> None:
    holder("video0")
    assert run(CameraOpen(devices=devices).read()) is True
