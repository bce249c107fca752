"""`herstel status` over the instance socket: the real listener, the real client, no timers.

The client (plain sockets, no Qt) runs in a thread, as it would in its own
process; the instance answers from the Qt loop that qtbot spins.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from herstel.core.messages import ACK, StatusRequest, decode_request, encode_status_request, frame
from herstel.core.status import AppStatus
from herstel.platform import instance_socket, status_client
from herstel.platform.single_instance import SingleInstance
from herstel.platform.status_client import (
    NotRunning,
    StatusUnavailable,
    is_refusal,
    statuses,
)
from herstel.platform.status_feed import MAX_WATCHERS, StatusFeed
from herstel.storage.paths import DataPaths

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Unix sockets")

DUE = datetime(2026, 12, 5, 14, 30, tzinfo=UTC)


@pytest.fixture
def env() -> Iterator[dict[str, str]]:
    """A short private runtime folder: pytest's tmp_path can exceed a socket address."""
    folder = Path(tempfile.mkdtemp(prefix="hs-"))
    (folder / "run").mkdir(mode=0o700)
    yield {"XDG_RUNTIME_DIR": str(folder / "run")}
    shutil.rmtree(folder, ignore_errors=True)


class App:
    """The status the feed reads; tests change it as the app would."""

    def __init__(self) -> None:
        self.status = AppStatus(next_reminder=DUE)

    def change(self, **changes: object) -> None:
        self.status = replace(self.status, **changes)  # type: ignore[arg-type]


@pytest.fixture
def app() -> App:
    return App()


@pytest.fixture
def feed(qapp: object, app: App) -> Iterator[StatusFeed]:
    served = StatusFeed(lambda: app.status)
    yield served
    served.close()


@pytest.fixture
def instance(tmp_path: Path, env: dict[str, str], feed: StatusFeed) -> Iterator[SingleInstance]:
    paths = DataPaths(tmp_path / "data", tmp_path / "data", True)
    acquired = SingleInstance.acquire(paths, env)
    assert acquired is not None
    acquired.serve_status(feed.serve)
    acquired.listen()
    yield acquired
    acquired.close()


class Watcher(threading.Thread):
    """A status client in a thread: what `herstel status [--watch]` reads."""

    def __init__(self, name: str, *, watch: bool) -> None:
        super().__init__(daemon=True)
        self.name_ = name
        self.watch = watch
        self.seen: list[AppStatus] = []
        self.error: BaseException | None = None
        self.ended = threading.Event()
        self.start()

    def run(self) -> None:
        try:
            for status in statuses(self.name_, watch=self.watch):
                self.seen.append(status)
        except BaseException as error:  # reported to the test
            self.error = error
        finally:
            self.ended.set()


def test_a_plain_request_gets_one_status_and_the_end(
    qtbot: QtBot, instance: SingleInstance, app: App
) -> None:
    client = Watcher(instance.socket_name, watch=False)
    qtbot.waitUntil(client.ended.is_set, timeout=10_000)
    assert client.error is None
    assert client.seen == [app.status]


def test_a_watcher_gets_a_line_per_change_and_none_without_one(
    qtbot: QtBot, instance: SingleInstance, feed: StatusFeed, app: App
) -> None:
    client = Watcher(instance.socket_name, watch=True)
    qtbot.waitUntil(lambda: feed.watchers == 1 and len(client.seen) == 1, timeout=10_000)
    feed.publish()  # nothing changed: nothing sent
    app.change(session_running=True)
    feed.publish()
    qtbot.waitUntil(lambda: len(client.seen) == 2, timeout=10_000)
    app.change(session_running=False, today_minutes=5.0)
    feed.publish()
    qtbot.waitUntil(lambda: len(client.seen) == 3, timeout=10_000)
    assert [s.session_running for s in client.seen] == [False, True, False]
    assert client.seen[-1].today_minutes == 5.0
    feed.close()  # the app quits
    qtbot.waitUntil(client.ended.is_set, timeout=10_000)
    assert client.error is None and len(client.seen) == 3


def test_a_watcher_that_leaves_is_dropped(
    qtbot: QtBot, instance: SingleInstance, feed: StatusFeed
) -> None:
    peer = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    peer.connect(instance.socket_name)
    peer.sendall(frame(encode_status_request(StatusRequest(watch=True))))
    qtbot.waitUntil(lambda: feed.watchers == 1, timeout=10_000)
    peer.close()
    qtbot.waitUntil(lambda: feed.watchers == 0, timeout=10_000)


def test_a_watcher_that_stops_reading_is_dropped_not_waited_for(
    qtbot: QtBot, instance: SingleInstance, feed: StatusFeed, app: App
) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as peer:
        peer.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        peer.connect(instance.socket_name)
        peer.sendall(frame(encode_status_request(StatusRequest(watch=True))))
        qtbot.waitUntil(lambda: feed.watchers == 1, timeout=10_000)
        for minute in range(1, 24 * 60):  # far more than any socket buffer holds
            app.change(today_minutes=float(minute))
            feed.publish()  # never blocks
            if feed.watchers == 0:
                break
        assert feed.watchers == 0


def test_watchers_beyond_the_limit_get_one_line(
    qtbot: QtBot, instance: SingleInstance, feed: StatusFeed
) -> None:
    clients = [Watcher(instance.socket_name, watch=True) for _ in range(MAX_WATCHERS)]
    qtbot.waitUntil(lambda: feed.watchers == MAX_WATCHERS, timeout=20_000)
    extra = Watcher(instance.socket_name, watch=True)
    qtbot.waitUntil(extra.ended.is_set, timeout=10_000)
    assert len(extra.seen) == 1 and extra.error is None
    feed.close()
    qtbot.waitUntil(lambda: all(c.ended.is_set() for c in clients), timeout=10_000)


def test_without_an_instance_the_client_says_not_running(env: dict[str, str]) -> None:
    with pytest.raises(NotRunning):
        list(statuses(str(Path(env["XDG_RUNTIME_DIR"]) / "herstel-0.sock"), watch=True))


def test_an_older_instance_refuses_the_request_and_keeps_running(
    qtbot: QtBot, instance: SingleInstance, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An instance from before version 3 decodes launch requests only."""
    monkeypatch.setattr(instance_socket, "decode_message", decode_request)
    client = Watcher(instance.socket_name, watch=True)
    qtbot.waitUntil(client.ended.is_set, timeout=10_000)
    assert isinstance(client.error, StatusUnavailable) and is_refusal(client.error)
    assert instance.is_listening


def test_an_instance_without_a_feed_closes_after_its_answer(
    qtbot: QtBot, tmp_path: Path, env: dict[str, str]
) -> None:
    paths = DataPaths(tmp_path / "data", tmp_path / "data", True)
    bare = SingleInstance.acquire(paths, env)
    assert bare is not None
    bare.listen()
    try:
        client = Watcher(bare.socket_name, watch=True)
        qtbot.waitUntil(client.ended.is_set, timeout=10_000)
        assert isinstance(client.error, StatusUnavailable) and not is_refusal(client.error)
    finally:
        bare.close()


def test_the_answer_comes_before_the_first_frame(qtbot: QtBot, instance: SingleInstance) -> None:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as peer:
        peer.connect(instance.socket_name)
        peer.sendall(frame(encode_status_request(StatusRequest(watch=False))))
        received = bytearray()

        def ended() -> bool:
            peer.setblocking(False)
            try:
                chunk = peer.recv(4096)
            except BlockingIOError:
                return False
            received.extend(chunk)
            return not chunk

        qtbot.waitUntil(ended, timeout=10_000)
        assert received[:1] == ACK and len(received) > 5


class StartingWatcher(Watcher):
    def __init__(self, name: str, lock_file: Path) -> None:
        self.lock_file = lock_file
        super().__init__(name, watch=False)

    def run(self) -> None:
        try:
            self.seen.extend(statuses(self.name_, watch=False, lock_file=self.lock_file))
        except BaseException as error:
            self.error = error
        finally:
            self.ended.set()


def test_an_instance_still_starting_is_waited_for(
    qtbot: QtBot,
    tmp_path: Path,
    env: dict[str, str],
    feed: StatusFeed,
    app: App,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The lock is held (the app is starting) but nobody listens yet: not "not running"."""
    paths = DataPaths(tmp_path / "data", tmp_path / "data", True)
    starting = SingleInstance.acquire(paths, env)
    assert starting is not None
    asked = threading.Event()
    real = status_client.lock_holder_alive

    def seen_asking(lock_file: Path) -> bool:
        asked.set()
        return real(lock_file)

    monkeypatch.setattr(status_client, "lock_holder_alive", seen_asking)
    try:
        client = StartingWatcher(starting.socket_name, paths.lock_file)
        qtbot.waitUntil(asked.is_set, timeout=10_000)  # it found nobody listening
        starting.serve_status(feed.serve)
        starting.listen()
        qtbot.waitUntil(client.ended.is_set, timeout=20_000)
        assert client.error is None and client.seen == [app.status]
    finally:
        starting.close()


def test_a_lock_left_by_a_crash_is_not_running(tmp_path: Path, env: dict[str, str]) -> None:
    lock_file = tmp_path / "herstel.lock"
    lock_file.write_text("999999999\npython3\nhost\n")
    with pytest.raises(NotRunning):
        list(statuses(str(tmp_path / "nobody.sock"), watch=False, lock_file=lock_file))
