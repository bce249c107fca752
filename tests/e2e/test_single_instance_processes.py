"""Single instance with real processes: ten launches at once, a crash, a slow start.

No display is needed: an instance child runs a QCoreApplication. Each child is
a small script making the same call the ``herstel`` command makes (``claim``:
become the instance, or forward to it) and printing what happened to it.
"""

from __future__ import annotations

import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from herstel.core.launch import Action, LaunchRequest
from herstel.platform.single_instance import SingleInstance, socket_name
from herstel.storage.paths import DataPaths

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Unix sockets and signals")

LAUNCHES = 10

# argv: data dir, requests to wait for from others, remind minutes to send (identifies
# the launch). With 0 requests to wait for, the instance runs until it is killed.
LAUNCH = r"""
import logging, sys
from pathlib import Path

from herstel.core.launch import Action, LaunchRequest
from herstel.storage.paths import DataPaths
from herstel.platform.single_instance import claim

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="log: %(message)s")
data_dir, expected, minutes = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
paths = DataPaths(data_dir, data_dir, True)
print("ready", flush=True)
sys.stdin.readline()  # every launch waits here; then they all go at once

instance = claim(paths, LaunchRequest(Action.REMIND, remind_minutes=minutes), timeout=30)
if instance is None:
    print("forwarded", flush=True)
    sys.exit(0)

from PySide6.QtCore import QCoreApplication, QTimer

app = QCoreApplication([])
received = []

def on_request(request):
    received.append(request.remind_minutes)
    if len(received) == expected:
        app.quit()

instance.request_received.connect(on_request)
instance.listen()
print("instance", flush=True)
if expected:
    QTimer.singleShot(30_000, app.quit)  # bounded, should a request never come
app.exec()
instance.close()
print("received", *sorted(received), flush=True)
"""


@pytest.fixture
def runtime_dir() -> Iterator[Path]:
    """A short private XDG_RUNTIME_DIR (pytest's tmp_path can be too long for a socket)."""
    path = Path(tempfile.mkdtemp(prefix="hs-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def child_env(runtime_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"HERSTEL_DATA_DIR", "DISPLAY"}}
    env["XDG_RUNTIME_DIR"] = str(runtime_dir)
    return env


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


class Child:
    """One launch in its own process, read line by line without buffering surprises."""

    def __init__(self, data_dir: Path, env: dict[str, str], expected: int, minutes: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", LAUNCH, str(data_dir), str(expected), str(minutes)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            bufsize=0,
        )

    def line(self, timeout: float = 60) -> str:
        """The next stdout line that is not a log line, waiting at most ``timeout`` s."""
        while True:
            text = self.any_line(timeout)
            if not text.startswith("log: "):
                return text

    def any_line(self, timeout: float = 60) -> str:
        stdout = self.process.stdout
        assert stdout is not None
        data = b""
        with selectors.DefaultSelector() as selector:
            selector.register(stdout, selectors.EVENT_READ)
            while not data.endswith(b"\n"):
                if not selector.select(timeout):
                    raise AssertionError(
                        f"child {self.process.pid}: no output in {timeout} s; "
                        f"stderr:\n{self.stderr()}"
                    )
                byte = os.read(stdout.fileno(), 1)
                if not byte:
                    raise AssertionError(f"child {self.process.pid} ended: {self.stderr()}")
                data += byte
        return data.decode().strip()

    def go(self) -> None:
        assert self.line() == "ready"
        assert self.process.stdin is not None
        self.process.stdin.write(b"\n")
        self.process.stdin.flush()

    def rest(self) -> list[str]:
        """Every remaining non-log line, once the child has exited successfully."""
        out, err = self.process.communicate(timeout=60)
        assert self.process.returncode == 0, err.decode()
        assert b"Traceback" not in err, err.decode()
        lines = out.decode().splitlines()
        return [line for line in lines if not line.startswith("log: ")]

    def stderr(self) -> str:
        self.kill()
        assert self.process.stderr is not None
        return self.process.stderr.read().decode()[-2000:]

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def close(self) -> None:
        self.kill()
        for pipe in (self.process.stdin, self.process.stdout, self.process.stderr):
            if pipe is not None:
                pipe.close()


@pytest.fixture
def children() -> Iterator[list[Child]]:
    started: list[Child] = []
    yield started
    for child in started:
        child.close()


def test_ten_launches_at_once_end_with_exactly_one_instance(
    data_dir: Path, child_env: dict[str, str], children: list[Child]
) -> None:
    children += [Child(data_dir, child_env, LAUNCHES - 1, n) for n in range(1, LAUNCHES + 1)]
    for child in children:  # all started and waiting…
        assert child.line() == "ready"
    for child in children:  # …then released together
        assert child.process.stdin is not None
        child.process.stdin.write(b"\n")
        child.process.stdin.flush()
    outputs = [child.rest() for child in children]
    roles = [lines[0] for lines in outputs]
    assert roles.count("instance") == 1, roles
    assert roles.count("forwarded") == LAUNCHES - 1, roles
    winner = roles.index("instance")
    received = outputs[winner][1].split()
    assert received[0] == "received"
    others = [n for n in range(1, LAUNCHES + 1) if n != winner + 1]
    assert [int(n) for n in received[1:]] == others  # every request arrived, exactly once
    assert not (data_dir / "herstel.lock").exists()
    assert not Path(socket_name(data_dir, child_env)).exists()


def test_a_crashed_instance_is_replaced_and_its_stale_lock_and_socket_removed(
    data_dir: Path, child_env: dict[str, str], children: list[Child]
) -> None:
    lock = data_dir / "herstel.lock"
    sock = Path(socket_name(data_dir, child_env))
    crashed = Child(data_dir, child_env, 0, 1)
    children.append(crashed)
    crashed.go()
    assert crashed.line() == "instance"
    crashed.process.send_signal(signal.SIGKILL)
    crashed.process.wait(timeout=10)
    assert crashed.process.returncode == -signal.SIGKILL
    assert lock.read_text().split("\n")[0] == str(crashed.process.pid)  # left by the crash
    assert sock.exists()

    successor = Child(data_dir, child_env, 1, 2)
    second = Child(data_dir, child_env, 0, 3)
    children += [successor, second]
    successor.go()
    assert successor.line() == "instance"  # the stale lock did not stop it
    second.go()
    assert second.rest() == ["forwarded"]  # through the replaced socket
    assert successor.rest() == ["received 3"]
    assert not lock.exists()
    assert not sock.exists()


@pytest.fixture
def holder(qapp: object, data_dir: Path, child_env: dict[str, str]) -> Iterator[SingleInstance]:
    """This test process as an instance that has taken the lock but is not listening yet."""
    acquired = SingleInstance.acquire(DataPaths(data_dir, data_dir, True), child_env)
    assert acquired is not None
    yield acquired
    acquired.close()


def wait_until_retrying(child: Child) -> None:
    """The child has found the lock taken and nobody listening (its own log says so)."""
    while "nobody listens" not in child.any_line():
        pass


def test_a_launch_waits_for_an_instance_that_is_still_starting(
    qtbot: QtBot,
    holder: SingleInstance,
    data_dir: Path,
    child_env: dict[str, str],
    children: list[Child],
) -> None:
    late = Child(data_dir, child_env, 0, 4)
    children.append(late)
    late.go()
    wait_until_retrying(late)
    with qtbot.waitSignal(holder.request_received, timeout=30_000) as signal_:
        holder.listen()  # the instance is up at last
    assert signal_.args == [LaunchRequest(Action.REMIND, remind_minutes=4)]
    assert late.rest() == ["forwarded"]


def test_a_launch_takes_over_from_an_instance_that_quits_while_starting(
    holder: SingleInstance,
    data_dir: Path,
    child_env: dict[str, str],
    children: list[Child],
) -> None:
    late = Child(data_dir, child_env, 0, 5)
    children.append(late)
    late.go()
    wait_until_retrying(late)
    holder.close()  # quits without ever listening
    assert late.line() == "instance"
