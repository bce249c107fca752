"""The D-Bus service on a private session bus, called by gdbus and dbus-send as any program would.

The service runs in this process (its replies come from the Qt loop that
qtbot spins); the callers are real command-line clients in subprocesses.
"""

from __future__ import annotations

import os
import selectors
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from herstel.core.launch import BreatheOptions
from herstel.core.rhythm import parse_pattern
from herstel.core.status import AppStatus
from herstel.platform import dbus_service
from herstel.platform.dbus_service import DBusService

TOOLS = ("dbus-daemon", "gdbus", "dbus-send")


@pytest.fixture(autouse=True)
def tools() -> None:
    """Skip where the bus tools are missing, but fail on CI, where .ci/run installs them."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"D-Bus tools missing on CI: {', '.join(missing)}")
        pytest.skip(f"needs {', '.join(missing)}")


IFACE = dbus_service.INTERFACE
DUE = datetime(2026, 12, 5, 14, 30, tzinfo=UTC)


@dataclass
class Recorder:
    """The app's side of the methods: what was asked, in order."""

    calls: list[tuple[str, object]] = field(default_factory=list)

    def start_break(self, options: BreatheOptions) -> None:
        self.calls.append(("start_break", options))

    def remind_in(self, minutes: int) -> None:
        self.calls.append(("remind_in", minutes))

    def pause_reminders(self, minutes: int) -> None:
        self.calls.append(("pause_reminders", minutes))

    def pause_until_tomorrow(self) -> None:
        self.calls.append(("pause_until_tomorrow", None))

    def resume_reminders(self) -> None:
        self.calls.append(("resume_reminders", None))

    def open_history(self) -> None:
        self.calls.append(("open_history", None))


@dataclass
class Bus:
    address: str
    connection: QDBusConnection

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "DBUS_SESSION_BUS_ADDRESS": self.address}

    def run(self, qtbot: QtBot, *argv: str) -> subprocess.CompletedProcess[str]:
        """Run a client while this process's loop keeps answering it."""
        process = subprocess.Popen(
            argv, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=20_000)
        out, err = process.communicate()
        return subprocess.CompletedProcess(argv, process.returncode, out, err)

    def call(self, qtbot: QtBot, method: str, *args: str) -> subprocess.CompletedProcess[str]:
        return self.run(
            qtbot,
            "gdbus",
            "call",
            "--session",
            "--dest",
            dbus_service.SERVICE,
            "--object-path",
            dbus_service.PATH,
            "--method",
            method,
            *args,
        )


@pytest.fixture
def bus() -> Iterator[Bus]:
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        name = f"herstel-test-{id(daemon)}"
        connection = QDBusConnection.connectToBus(address, name)
        assert connection.isConnected()
        yield Bus(address, connection)
        QDBusConnection.disconnectFromBus(name)
    finally:
        daemon.terminate()
        daemon.communicate(timeout=5)


@dataclass
class Served:
    service: DBusService
    actions: Recorder
    status: list[AppStatus]  # [current]; tests replace it to simulate a change


@pytest.fixture
def served(bus: Bus) -> Iterator[Served]:
    status = [AppStatus(next_reminder=DUE, today_minutes=7.5)]
    actions = Recorder()
    service = dbus_service.register(lambda: status[0], actions, connection=bus.connection)
    assert service is not None
    yield Served(service, actions, status)
    service.unregister()


def test_each_method_reaches_the_app(qtbot: QtBot, bus: Bus, served: Served) -> None:
    for method, args in [
        ("StartBreak", ("''", "0")),
        ("StartBreak", ("'box'", "5")),
        ("RemindIn", ("5",)),
        ("PauseReminders", ("30",)),
        ("PauseReminders", ("0",)),
        ("ResumeReminders", ()),
        ("OpenHistory", ()),
    ]:
        result = bus.call(qtbot, f"{IFACE}.{method}", *args)
        assert (result.returncode, result.stdout.strip()) == (0, "()"), result.stderr
    assert served.actions.calls == [
        ("start_break", BreatheOptions()),
        ("start_break", BreatheOptions(pattern=parse_pattern("box"), minutes=5)),
        ("remind_in", 5),
        ("pause_reminders", 30),
        ("pause_until_tomorrow", None),
        ("resume_reminders", None),
        ("open_history", None),
    ]


def test_each_property_reads_with_its_documented_type(
    qtbot: QtBot, bus: Bus, served: Served
) -> None:
    result = bus.run(
        qtbot,
        "dbus-send",
        "--session",
        "--print-reply",
        f"--dest={dbus_service.SERVICE}",
        dbus_service.PATH,
        "org.freedesktop.DBus.Properties.GetAll",
        f"string:{IFACE}",
    )
    typed = " ".join(result.stdout.split())
    for name, value in [
        ("NextReminder", 'string "2026-12-05T14:30:00+00:00"'),
        ("PausedUntil", 'string ""'),
        ("WaitingReason", 'string ""'),
        ("SessionRunning", "boolean false"),
        ("TodayMinutes", "double 7.5"),
    ]:
        assert f'string "{name}" variant {value} )' in typed, typed
    for name, shown in [
        ("NextReminder", "<'2026-12-05T14:30:00+00:00'>"),
        ("PausedUntil", "<''>"),
        ("WaitingReason", "<''>"),
        ("SessionRunning", "<false>"),
        ("TodayMinutes", "<7.5>"),
    ]:
        value = bus.call(qtbot, "org.freedesktop.DBus.Properties.Get", IFACE, name)
        assert value.stdout.strip() == f"({shown},)", value.stderr


def test_introspection_lists_the_interface(qtbot: QtBot, bus: Bus, served: Served) -> None:
    result = bus.call(qtbot, "org.freedesktop.DBus.Introspectable.Introspect")
    for part in (
        'name="StartBreak"',
        'name="pattern" type="s"',
        'name="TodayMinutes" type="d"',
        "org.freedesktop.DBus.Properties",
    ):
        assert part in result.stdout


def test_properties_changed_carries_only_what_changed(
    qtbot: QtBot, bus: Bus, served: Served
) -> None:
    monitor = subprocess.Popen(
        ["gdbus", "monitor", "--address", bus.address, "--dest", dbus_service.SERVICE],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert monitor.stdout is not None
    output = monitor.stdout.fileno()
    seen = bytearray()
    selector = selectors.DefaultSelector()
    selector.register(output, selectors.EVENT_READ)

    def line_with(text: str) -> bool:
        while selector.select(0):
            chunk = os.read(output, 4096)
            if not chunk:
                break
            seen.extend(chunk)
        return text in seen.decode()

    try:
        qtbot.waitUntil(lambda: line_with("is owned by"), timeout=20_000)
        served.service.publish()  # nothing changed: no signal
        served.status[0] = replace(served.status[0], session_running=True)
        served.service.publish()
        qtbot.waitUntil(lambda: line_with("PropertiesChanged"), timeout=20_000)
        signals = [line for line in seen.decode().splitlines() if "PropertiesChanged" in line]
        assert len(signals) == 1
        assert signals[0].strip().endswith(f"('{IFACE}', {{'SessionRunning': <true>}}, @as [])")
    finally:
        selector.close()
        monitor.terminate()
        monitor.communicate(timeout=5)


@pytest.mark.parametrize(
    ("method", "args", "error"),
    [
        ("RemindIn", ("0",), "InvalidArgs"),
        ("RemindIn", ("721",), "InvalidArgs"),
        ("PauseReminders", ("721",), "InvalidArgs"),
        ("StartBreak", ("'4-6'", "21"), "InvalidArgs"),
        ("StartBreak", ("'nonsense'", "5"), "InvalidArgs"),
        ("StartBreak", ("'99-6'", "5"), "InvalidArgs"),
        ("Explode", (), "UnknownMethod"),
    ],
)
def test_bad_calls_get_an_error_reply(
    qtbot: QtBot, bus: Bus, served: Served, method: str, args: tuple[str, ...], error: str
) -> None:
    result = bus.call(qtbot, f"{IFACE}.{method}", *args)
    assert result.returncode != 0
    assert f"org.freedesktop.DBus.Error.{error}" in result.stderr
    assert served.actions.calls == []


@pytest.mark.parametrize(
    "args",
    [
        ("int32:5",),  # RemindIn takes u, not i
        ("string:5",),
        ("uint32:5", "uint32:6"),
        (),
    ],
)
def test_a_wrong_signature_gets_an_error_reply(
    qtbot: QtBot, bus: Bus, served: Served, args: tuple[str, ...]
) -> None:
    result = bus.run(
        qtbot,
        "dbus-send",
        "--session",
        "--print-reply",
        f"--dest={dbus_service.SERVICE}",
        dbus_service.PATH,
        f"{IFACE}.RemindIn",
        *args,
    )
    assert result.returncode != 0
    assert "org.freedesktop.DBus.Error.InvalidArgs" in result.stderr
    assert served.actions.calls == []


def test_properties_are_read_only(qtbot: QtBot, bus: Bus, served: Served) -> None:
    result = bus.call(
        qtbot, "org.freedesktop.DBus.Properties.Set", IFACE, "SessionRunning", "<true>"
    )
    assert "org.freedesktop.DBus.Error.PropertyReadOnly" in result.stderr


def test_a_taken_name_leaves_the_service_off(bus: Bus, served: Served) -> None:
    assert dbus_service.register(lambda: AppStatus(), Recorder(), connection=bus.connection) is None
