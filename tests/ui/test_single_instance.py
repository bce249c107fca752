"""Single instance: the lock, the socket, and a server that trusts nothing.

The server runs in the test process. Forwarding blocks (and PySide keeps the
GIL during ``waitFor…``), so ``forward``/``claim`` against it run in a child
process, as they do for real; raw peers are plain AF_UNIX sockets so a test
can send exactly the bytes it wants.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from subprocess import Popen

import pytest
from pytestqt.qtbot import QtBot

from herstel.core.launch import Action, BreatheOptions, LaunchRequest
from herstel.core.messages import MAX_MESSAGE_BYTES, MessageError, encode_request, frame
from herstel.core.rhythm import parse_pattern
from herstel.platform import instance_socket as instance_link
from herstel.platform import single_instance
from herstel.platform.single_instance import (
    ACK,
    NAK,
    SingleInstance,
    SingleInstanceError,
    claim,
    forward,
    socket_name,
)
from herstel.storage.paths import DataPaths

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Unix sockets and lock semantics")

BREATHE = LaunchRequest(
    Action.BREATHE,
    BreatheOptions(pattern=parse_pattern("4-7-8"), breaths=4, no_check=True),
)


# -- fixtures and helpers ------------------------------------------------------------


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A private folder with a short path: pytest's tmp_path can exceed a socket address."""
    path = Path(tempfile.mkdtemp(prefix="hs-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def env(short_dir: Path) -> dict[str, str]:
    runtime = short_dir / "run"
    runtime.mkdir(mode=0o700)
    return {"XDG_RUNTIME_DIR": str(runtime)}


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    data = tmp_path / "data"
    return DataPaths(data_dir=data, config_dir=data, explicit=True)


@pytest.fixture
def instance(qapp: object, paths: DataPaths, env: dict[str, str]) -> Iterator[SingleInstance]:
    acquired = SingleInstance.acquire(paths, env)
    assert acquired is not None
    acquired.listen()
    yield acquired
    acquired.close()


class Recorder:
    def __init__(self, instance: SingleInstance) -> None:
        self.requests: list[LaunchRequest] = []
        instance.request_received.connect(self.requests.append)


CLIENT = r"""
import sys
from pathlib import Path
from herstel.core.messages import decode_request
from herstel.storage.paths import DataPaths
from herstel.platform.single_instance import SingleInstanceError, claim, forward
mode, data_dir, runtime, payload = sys.argv[1:]
paths = DataPaths(Path(data_dir), Path(data_dir), True)
request = decode_request(payload.encode())
env = {"XDG_RUNTIME_DIR": runtime}
if mode == "forward":
    print("forwarded" if forward(paths, request, env=env) else "failed")
else:
    try:
        instance = claim(paths, request, env=env)
    except SingleInstanceError as error:
        print(f"error: {error}")
    else:
        print("forwarded" if instance is None else "instance")
"""


def client(mode: str, paths: DataPaths, env: dict[str, str], request: LaunchRequest) -> Popen[str]:
    """A second launch in its own process: ``forward`` or ``claim`` ``request``."""
    payload = encode_request(request).decode()
    return subprocess.Popen(
        [sys.executable, "-c", CLIENT, mode, str(paths.data_dir), env["XDG_RUNTIME_DIR"], payload],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def outcome(process: Popen[str]) -> str:
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    return out.strip()


class RawPeer:
    """A hand-driven client: sends raw bytes, sees what the server answers."""

    def __init__(self, name: str) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(name)
        self.sock.setblocking(False)
        self.received = b""
        self.closed = False

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def poll(self) -> bool:
        """True once the server has closed the connection."""
        try:
            while chunk := self.sock.recv(64):
                self.received += chunk
            self.closed = True
        except BlockingIOError:
            pass
        except ConnectionResetError:
            self.closed = True
        return self.closed

    def close(self) -> None:
        self.sock.close()


def framed(request: LaunchRequest) -> bytes:
    return frame(encode_request(request))


def send_and_wait(qtbot: QtBot, name: str, data: bytes, *, close: bool = False) -> RawPeer:
    peer = RawPeer(name)
    peer.send(data)
    if close:
        peer.sock.shutdown(socket.SHUT_WR)
    qtbot.waitUntil(peer.poll, timeout=5000)
    peer.close()
    return peer


# -- socket name ---------------------------------------------------------------------


def test_socket_lives_in_the_runtime_dir_named_after_a_hash_of_the_data_dir(
    short_dir: Path,
) -> None:
    name = socket_name(Path("/home/me/.local/share/herstel"), {"XDG_RUNTIME_DIR": str(short_dir)})
    assert Path(name).parent == short_dir
    assert Path(name).name.startswith("herstel-")
    assert Path(name).name.endswith(".sock")
    assert len(Path(name).name) == len("herstel-") + 16 + len(".sock")
    other = socket_name(Path("/home/me/other"), {"XDG_RUNTIME_DIR": str(short_dir)})
    assert other != name
    again = socket_name(Path("/home/me/.local/share/herstel"), {"XDG_RUNTIME_DIR": str(short_dir)})
    assert again == name


def test_the_name_hash_is_64_bit_fnv_1a() -> None:
    # Published FNV-1a 64 test vectors: the name stays the same across versions
    # and machines for the same folder.
    assert single_instance._name_hash(b"") == 0xCBF29CE484222325
    assert single_instance._name_hash(b"a") == 0xAF63DC4C8601EC8C
    assert single_instance._name_hash(b"foobar") == 0x85944171F73967E8


@pytest.mark.parametrize("runtime", [None, "", "relative/run", "/nonexistent/run"])
def test_without_a_usable_runtime_dir_the_socket_lives_in_the_data_dir(
    short_dir: Path, runtime: str | None
) -> None:
    env = {} if runtime is None else {"XDG_RUNTIME_DIR": runtime}
    name = socket_name(short_dir, env)
    assert Path(name).parent == short_dir
    assert not name.startswith(tempfile.gettempdir() + "/herstel")


def test_a_socket_path_too_long_for_an_address_is_refused_clearly(tmp_path: Path) -> None:
    deep = tmp_path / ("d" * 100)
    with pytest.raises(SingleInstanceError, match="longer than 107 bytes"):
        socket_name(deep, {})
    assert socket_name(deep, {}, platform="win32").startswith("herstel-")


def test_every_linux_socket_path_fits_in_107_bytes(short_dir: Path) -> None:
    assert len(os.fsencode(socket_name(short_dir, {}))) <= 107


# -- the lock ------------------------------------------------------------------------


def test_one_data_dir_has_one_instance(paths: DataPaths, env: dict[str, str]) -> None:
    first = SingleInstance.acquire(paths, env)
    assert first is not None
    assert SingleInstance.acquire(paths, env) is None
    first.close()
    again = SingleInstance.acquire(paths, env)
    assert again is not None
    again.close()


def test_separate_data_dirs_have_separate_instances(tmp_path: Path, env: dict[str, str]) -> None:
    one = DataPaths(tmp_path / "one", tmp_path / "one", True)
    two = DataPaths(tmp_path / "two", tmp_path / "two", True)
    first, second = SingleInstance.acquire(one, env), SingleInstance.acquire(two, env)
    assert first is not None
    assert second is not None
    assert first.socket_name != second.socket_name
    first.close()
    second.close()


def test_acquire_creates_a_private_data_dir(paths: DataPaths, env: dict[str, str]) -> None:
    acquired = SingleInstance.acquire(paths, env)
    assert acquired is not None
    assert paths.data_dir.stat().st_mode & 0o777 == 0o700
    assert paths.lock_file.exists()
    acquired.close()
    assert not paths.lock_file.exists()


def write_lock(paths: DataPaths, pid: int) -> None:
    """A lock file as Qt writes it, but from another machine (so Qt will not judge it)."""
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    paths.lock_file.write_text(f"{pid}\npython3\nelsewhere\nforeign-host-id\nforeign-boot\n")


def test_a_lock_whose_process_does_not_exist_is_replaced(
    paths: DataPaths, env: dict[str, str]
) -> None:
    write_lock(paths, 2**31 - 2)  # beyond any pid_max
    acquired = SingleInstance.acquire(paths, env)
    assert acquired is not None
    acquired.close()


def test_a_lock_held_by_a_live_process_is_respected(paths: DataPaths, env: dict[str, str]) -> None:
    write_lock(paths, os.getppid())  # alive, and not us
    assert SingleInstance.acquire(paths, env) is None
    with pytest.raises(SingleInstanceError, match="delete that lock file"):
        claim(paths, LaunchRequest(Action.SHOW), timeout=0.2, env=env)
    assert paths.lock_file.exists()


# -- forwarding ----------------------------------------------------------------------


def test_a_forwarded_request_arrives_unchanged(
    qtbot: QtBot, instance: SingleInstance, paths: DataPaths, env: dict[str, str]
) -> None:
    with qtbot.waitSignal(instance.request_received, timeout=20_000) as signal:
        process = client("forward", paths, env, BREATHE)
    assert outcome(process) == "forwarded"
    assert signal.args == [BREATHE]


def test_claim_forwards_to_a_running_instance(
    qtbot: QtBot, instance: SingleInstance, paths: DataPaths, env: dict[str, str]
) -> None:
    request = LaunchRequest(Action.REMIND, remind_minutes=25)
    with qtbot.waitSignal(instance.request_received, timeout=20_000) as signal:
        process = client("claim", paths, env, request)
    assert outcome(process) == "forwarded"
    assert signal.args == [request]


def test_claim_becomes_the_instance_when_there_is_none(
    qapp: object, paths: DataPaths, env: dict[str, str]
) -> None:
    claimed = claim(paths, LaunchRequest(Action.SHOW), env=env)
    assert isinstance(claimed, SingleInstance)
    claimed.listen()
    assert claimed.is_listening
    assert Path(claimed.socket_name).exists()
    claimed.close()
    assert not Path(claimed.socket_name).exists()


def test_forward_gives_up_when_nobody_listens(paths: DataPaths, env: dict[str, str]) -> None:
    assert forward(paths, LaunchRequest(Action.SHOW), timeout=0.2, env=env) is False


def test_forward_does_not_resend_a_request_that_got_no_answer(
    paths: DataPaths, env: dict[str, str]
) -> None:
    name = socket_name(paths.data_dir, env)
    mute = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)  # accepts, never answers
    mute.bind(name)
    mute.listen(8)
    try:
        sent = forward(paths, BREATHE, timeout=5.0, answer_timeout=0.2, env=env)
        assert sent is False
        first, _ = mute.accept()
        mute.setblocking(False)
        with pytest.raises(BlockingIOError):
            mute.accept()  # exactly one connection: no resend
        first.close()
    finally:
        mute.close()


def test_claim_reports_an_instance_that_does_not_answer(
    paths: DataPaths, env: dict[str, str]
) -> None:
    holder = SingleInstance.acquire(paths, env)
    assert holder is not None
    mute = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    mute.bind(holder.socket_name)
    mute.listen(8)
    try:
        with pytest.raises(SingleInstanceError, match="did not answer"):
            claim(paths, BREATHE, timeout=5.0, answer_timeout=0.2, env=env)
    finally:
        mute.close()
        holder.close()


def test_claim_reports_a_refused_request(
    qtbot: QtBot,
    instance: SingleInstance,
    paths: DataPaths,
    env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(data: bytes) -> LaunchRequest:
        raise MessageError("unsupported version 1 (expected 2)")

    monkeypatch.setattr(instance_link, "decode_message", refuse)  # as a newer Herstel would
    recorder = Recorder(instance)
    process = client("claim", paths, env, BREATHE)
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=20_000)
    assert outcome(process).startswith("error: the running Herstel refused the request")
    assert recorder.requests == []


def test_a_request_the_receiver_would_refuse_is_not_sent(
    paths: DataPaths, env: dict[str, str]
) -> None:
    with pytest.raises(SingleInstanceError, match="cannot forward"):
        forward(paths, LaunchRequest(Action.REMIND, remind_minutes=0), env=env)


# -- stale files ---------------------------------------------------------------------


def test_a_stale_socket_file_is_replaced(
    qtbot: QtBot, qapp: object, paths: DataPaths, env: dict[str, str]
) -> None:
    name = socket_name(paths.data_dir, env)
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(name)  # the file stays after close, as after a crash
    dead.close()
    assert Path(name).exists()
    acquired = SingleInstance.acquire(paths, env)
    assert acquired is not None
    acquired.listen()
    try:
        peer = send_and_wait(qtbot, name, framed(LaunchRequest(Action.HISTORY)))
        assert peer.received == ACK
    finally:
        acquired.close()


def test_the_socket_admits_only_its_user(instance: SingleInstance) -> None:
    assert Path(instance.socket_name).stat().st_mode & 0o077 == 0


# -- a server that trusts nothing ----------------------------------------------------


def header(length: int) -> bytes:
    return struct.pack(">I", length)


def payload_frame(text: str) -> bytes:
    data = text.encode()
    return header(len(data)) + data


BAD_FRAMES = {
    "garbage": b"garbage, not a frame at all",
    "oversize length": header(MAX_MESSAGE_BYTES + 1) + b"{}",
    "huge length": b"\xff\xff\xff\xff",
    "zero length": header(0),
    "not json": header(10) + b"\x00\x01not json",
    "wrong version": payload_frame('{"v": 3, "action": "show", "breathe": null, "minutes": null}'),
    "wrong action": payload_frame('{"v": 2, "action": "rm -rf", "breathe": null, "minutes": null}'),
    "wrong field type": payload_frame(
        '{"v": 2, "action": "remind", "breathe": null, "minutes": "soon"}'
    ),
    "out of range": payload_frame(
        '{"v": 2, "action": "remind", "breathe": null, "minutes": 100000}'
    ),
    "extra bytes after a valid frame": framed(LaunchRequest(Action.SHOW)) + b"\x00",
}


@pytest.mark.parametrize("data", BAD_FRAMES.values(), ids=BAD_FRAMES.keys())
def test_a_malformed_message_is_refused_and_the_server_keeps_working(
    qtbot: QtBot, instance: SingleInstance, data: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    recorder = Recorder(instance)
    with caplog.at_level(logging.WARNING, logger=single_instance.__name__):
        peer = send_and_wait(qtbot, instance.socket_name, data)
    assert peer.received in (NAK, b"")
    assert recorder.requests == []
    assert any("ignored a malformed request" in r.getMessage() for r in caplog.records)
    after = send_and_wait(qtbot, instance.socket_name, framed(BREATHE))
    assert after.received == ACK
    qtbot.waitUntil(lambda: recorder.requests == [BREATHE])


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00\x00", header(100) + b'{"v": 2'],
    ids=["nothing", "half a prefix", "truncated"],
)
def test_a_peer_that_leaves_early_is_ignored(
    qtbot: QtBot, instance: SingleInstance, data: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    recorder = Recorder(instance)
    with caplog.at_level(logging.WARNING, logger=single_instance.__name__):
        send_and_wait(qtbot, instance.socket_name, data, close=True)
        qtbot.waitUntil(lambda: any("left before" in r.getMessage() for r in caplog.records))
    assert recorder.requests == []
    assert send_and_wait(qtbot, instance.socket_name, framed(BREATHE)).received == ACK
    qtbot.waitUntil(lambda: recorder.requests == [BREATHE])


def test_a_slow_peer_is_dropped_without_holding_up_others(
    qtbot: QtBot,
    qapp: object,
    paths: DataPaths,
    env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(instance_link, "READ_TIMEOUT_MS", 1500)
    acquired = SingleInstance.acquire(paths, env)
    assert acquired is not None
    acquired.listen()
    recorder = Recorder(acquired)
    try:
        silent = RawPeer(acquired.socket_name)  # connects, never sends
        dribbler = RawPeer(acquired.socket_name)
        dribbler.send(framed(BREATHE)[:5])  # starts, never finishes
        prompt = send_and_wait(qtbot, acquired.socket_name, framed(BREATHE))
        assert prompt.received == ACK
        assert not silent.poll()  # still waiting: the prompt one did not wait on them
        with caplog.at_level(logging.WARNING, logger=single_instance.__name__):
            qtbot.waitUntil(lambda: silent.poll() and dribbler.poll(), timeout=5000)
        assert silent.received == b""
        assert dribbler.received == b""
        messages = [r.getMessage() for r in caplog.records]
        assert any("sent nothing within" in m for m in messages)
        assert any("sent only part of a request within" in m for m in messages)
        silent.close()
        dribbler.close()
        qtbot.waitUntil(lambda: recorder.requests == [BREATHE])
    finally:
        acquired.close()


def test_too_many_peers_at_once_are_turned_away(qtbot: QtBot, instance: SingleInstance) -> None:
    recorder = Recorder(instance)
    limit = single_instance.MAX_CONNECTIONS
    peers = [RawPeer(instance.socket_name) for _ in range(limit + 4)]
    qtbot.waitUntil(lambda: sum(peer.poll() for peer in peers) >= 4, timeout=5000)
    assert instance.open_connections == limit
    for peer in peers:
        peer.close()
    qtbot.waitUntil(lambda: instance.open_connections == 0, timeout=5000)
    assert send_and_wait(qtbot, instance.socket_name, framed(BREATHE)).received == ACK
    qtbot.waitUntil(lambda: recorder.requests == [BREATHE])


def test_close_drops_open_connections_and_removes_the_socket(
    qtbot: QtBot, qapp: object, paths: DataPaths, env: dict[str, str]
) -> None:
    acquired = SingleInstance.acquire(paths, env)
    assert acquired is not None
    acquired.listen()
    peer = RawPeer(acquired.socket_name)
    peer.send(b"\x00")
    qtbot.waitUntil(lambda: acquired.open_connections == 1)
    acquired.close()
    assert acquired.open_connections == 0
    qtbot.waitUntil(peer.poll, timeout=5000)
    peer.close()
    assert not Path(acquired.socket_name).exists()
    assert not paths.lock_file.exists()
