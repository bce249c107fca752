"""The single-instance socket under attack: idle floods, log floods, other users.

The server runs in this process on the real socket; attackers are raw AF_UNIX
sockets, or child processes that switch to the ``nobody`` user (root only).
"""

from __future__ import annotations

import logging
import os
import pwd
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from herstel.core.launch import Action, LaunchRequest
from herstel.core.messages import encode_request, frame
from herstel.platform import instance_socket
from herstel.platform.instance_socket import LinkError, Listener, Outcome, send_once
from herstel.platform.single_instance import MAX_CONNECTIONS, SingleInstance, socket_name
from herstel.storage.paths import DataPaths

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REMIND = LaunchRequest(Action.REMIND, remind_minutes=5)


@pytest.fixture
def short_dir() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="hf-"))
    path.chmod(0o755)  # so "nobody" can reach what a test opens up on purpose
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def env(short_dir: Path) -> dict[str, str]:
    runtime = short_dir / "run"
    runtime.mkdir(mode=0o700)
    return {"XDG_RUNTIME_DIR": str(runtime)}


@pytest.fixture
def paths(short_dir: Path) -> DataPaths:
    data = short_dir / "data"
    return DataPaths(data_dir=data, config_dir=data, explicit=True)


@pytest.fixture
def instance(qapp: object, paths: DataPaths, env: dict[str, str]) -> Iterator[SingleInstance]:
    acquired = SingleInstance.acquire(paths, env)
    assert acquired is not None
    acquired.listen()
    yield acquired
    acquired.close()


def remind_in_child(paths: DataPaths, env: dict[str, str]) -> subprocess.Popen[str]:
    """``herstel remind 5`` as a real second launch, handing over through the socket."""
    return subprocess.Popen(
        [sys.executable, "-m", "herstel", "remind", "5", "--data-dir", str(paths.data_dir)],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_forty_idle_connections_do_not_lock_out_a_real_launch(
    qtbot: QtBot, instance: SingleInstance, paths: DataPaths, env: dict[str, str]
) -> None:
    received: list[LaunchRequest] = []
    instance.request_received.connect(received.append)
    idle = []
    for _ in range(40):  # they connect and never finish a frame
        peer = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        peer.connect(instance.socket_name)
        peer.send(b"\x00")
        idle.append(peer)
    qtbot.waitUntil(lambda: instance.open_connections == MAX_CONNECTIONS, timeout=5000)
    launch = remind_in_child(paths, env)
    qtbot.waitUntil(lambda: launch.poll() is not None, timeout=20000)
    _out, err = launch.communicate()
    assert launch.returncode == 0, err
    assert received == [REMIND]
    for peer in idle:
        peer.close()


def answered(peer: socket.socket) -> bool:
    """True once the server has answered and hung up."""
    try:
        return not peer.recv(64) or True
    except BlockingIOError:
        return False
    except ConnectionResetError:
        return True


def test_a_flood_of_bad_peers_writes_a_bounded_number_of_log_lines(
    qtbot: QtBot, instance: SingleInstance, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        for _ in range(300):
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as peer:
                peer.connect(instance.socket_name)
                peer.send(b"\xff" * 8)  # a length no frame may have
                peer.setblocking(False)
                qtbot.waitUntil(lambda peer=peer: answered(peer), timeout=5000)
    lines = [r for r in caplog.records if "single instance" in r.getMessage()]
    assert len(lines) <= instance_socket.WARNINGS_PER_MINUTE + 1


@pytest.mark.parametrize("mode", [0o777, 0o770, 0o1777])
def test_a_runtime_dir_others_can_write_is_not_used(short_dir: Path, mode: int) -> None:
    runtime = short_dir / "shared"
    runtime.mkdir()
    runtime.chmod(mode)
    data = short_dir / "data"
    assert Path(socket_name(data, {"XDG_RUNTIME_DIR": str(runtime)})).parent == data


def _nobody() -> pwd.struct_passwd:
    if os.geteuid() != 0:
        pytest.skip("needs root to act as another user")
    try:
        return pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no 'nobody' user")


def test_a_runtime_dir_of_another_user_is_not_used(short_dir: Path) -> None:
    nobody = _nobody()
    runtime = short_dir / "theirs"
    runtime.mkdir(mode=0o700)
    os.chown(runtime, nobody.pw_uid, nobody.pw_gid)
    data = short_dir / "data"
    assert Path(socket_name(data, {"XDG_RUNTIME_DIR": str(runtime)})).parent == data


def test_a_socket_file_of_another_user_is_never_unlinked_or_connected_to(
    qapp: object, short_dir: Path
) -> None:
    nobody = _nobody()
    path = short_dir / "s.sock"
    theirs = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    theirs.bind(str(path))
    theirs.listen(1)
    os.chown(path, nobody.pw_uid, nobody.pw_gid)
    try:
        acquired = SingleInstance.acquire(
            DataPaths(short_dir / "d", short_dir / "d", True), {"XDG_RUNTIME_DIR": "/nonexistent"}
        )
        assert acquired is not None
        with pytest.raises(LinkError, match="another user"):
            Listener(str(path), 4, acquired._accept, acquired)
        acquired.close()
        assert path.exists()
        assert send_once(str(path), frame(encode_request(REMIND)), 2) is Outcome.UNREACHABLE
        theirs.setblocking(False)
        with pytest.raises(BlockingIOError):
            theirs.accept()  # nobody ever connected
    finally:
        theirs.close()


AS_NOBODY = r"""
import os, socket, sys
uid, gid, path, data = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], bytes.fromhex(sys.argv[4])
os.setgid(gid)
os.setuid(uid)
link = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
link.connect(path)
link.settimeout(10)
try:
    link.sendall(data)
    print(repr(link.recv(1)))
except (ConnectionResetError, BrokenPipeError):
    print(repr(b""))
"""


def test_a_peer_of_another_user_is_refused_even_when_the_socket_lets_it_in(
    qtbot: QtBot, instance: SingleInstance, short_dir: Path
) -> None:
    nobody = _nobody()
    received: list[LaunchRequest] = []
    instance.request_received.connect(received.append)
    runtime = Path(instance.socket_name).parent
    runtime.chmod(0o755)
    Path(instance.socket_name).chmod(0o777)  # a mistake elsewhere must not open the door
    payload = frame(encode_request(REMIND)).hex()
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            AS_NOBODY,
            str(nobody.pw_uid),
            str(nobody.pw_gid),
            instance.socket_name,
            payload,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    qtbot.waitUntil(lambda: child.poll() is not None, timeout=15000)
    out, err = child.communicate()
    assert child.returncode == 0, err
    assert out.strip() == "b''"  # hung up on, no answer
    assert received == []


SERVE_AS_NOBODY = r"""
import os, socket, sys
uid, gid, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
os.chmod(path, 0o777)
os.setgid(gid)
os.setuid(uid)
server.listen(1)
print("ready", flush=True)
server.settimeout(10)
try:
    peer, _ = server.accept()
    peer.settimeout(2)
    print("got", len(peer.recv(4096)), flush=True)
except OSError as error:
    print("nothing", error, flush=True)
"""


def test_the_client_sends_nothing_to_a_server_of_another_user(short_dir: Path) -> None:
    nobody = _nobody()
    path = short_dir / "swapped.sock"  # looks like ours: root made the file
    server = subprocess.Popen(
        [sys.executable, "-c", SERVE_AS_NOBODY, str(nobody.pw_uid), str(nobody.pw_gid), str(path)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    assert server.stdout.readline().strip() == "ready"
    assert stat.S_ISSOCK(path.lstat().st_mode) and path.lstat().st_uid == os.getuid()
    assert send_once(str(path), frame(encode_request(REMIND)), 2) is Outcome.UNREACHABLE
    out, _ = server.communicate(timeout=20)
    assert not out.startswith("got") or out.strip() == "got 0"


def test_the_log_rotates_by_size_while_the_app_runs(tmp_path: Path) -> None:
    from herstel.platform.logs import SizeCappedFileHandler

    path = tmp_path / "herstel.log"
    handler = SizeCappedFileHandler(path, max_bytes=4096, backups=2)
    logger = logging.getLogger("herstel.faults.flood")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for n in range(2000):
            logger.warning("line %d of a flood", n)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["herstel.log", "herstel.log.1", "herstel.log.2"]
    assert all((tmp_path / f).stat().st_size < 4096 + 100 for f in files)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "line 1999 of a flood" in path.read_text()
