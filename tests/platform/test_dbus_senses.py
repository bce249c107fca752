"""Senses that ask desktop services over D-Bus, against python-dbusmock
services on a private dbus-daemon: logind, GNOME Shell's idle monitor, GNOME's
session manager, the notification server, the settings portal and mako.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from herstel.core.room import RoomSnapshot
from herstel.platform.senses.aggregator import Senses
from room_servers import MockBus, stop

Run = Callable[[Coroutine[Any, Any, Any]], Any]

LOGIN = "org.freedesktop.login1"
MUTTER = "org.gnome.Mutter.IdleMonitor"
MUTTER_PATH = "/org/gnome/Mutter/IdleMonitor/Core"
GNOME_SM = "org.gnome.SessionManager"
NOTIFICATIONS = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
PORTAL = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"


def senses_for(bus: MockBus, **extra: str) -> Senses:
    """Senses that only know the private bus (as session and system bus)."""
    env = {
        "DBUS_SESSION_BUS_ADDRESS": bus.address,
        "DBUS_SYSTEM_BUS_ADDRESS": bus.address,
        "XDG_RUNTIME_DIR": "/nonexistent",
    }
    return Senses(env=env | extra, platform="linux")


def service(bus: MockBus, name: str, path: str, interface: str) -> None:
    bus.spawn(name, path, interface)
    bus.wait_name(name)


def add_method(bus: MockBus, name: str, path: str, method: str, out: str, code: str) -> None:
    bus.mock(name, path, "AddMethod", "sssss", ("", method, "", out, code))


# -- logind ------------------------------------------------------------------------


def test_someone_elses_idle_inhibitor_is_presenting(dbus: MockBus, run: Run) -> None:
    dbus.spawn("--template", "logind")
    dbus.wait_name(LOGIN)
    senses = senses_for(dbus)
    assert run(senses.snapshot()).full_screen is False
    sleep_only = dbus.inhibit("sleep", "Updater")
    ours = dbus.inhibit("idle", "Herstel")
    assert run(senses.snapshot()).full_screen is False
    film = dbus.inhibit("idle:sleep", "Videos")
    assert run(senses.snapshot()).full_screen is True
    for descriptor in (sleep_only, ours, film):
        descriptor.close()
    run(senses.close())


def test_logind_idle_hint_gives_time_away_and_the_return(
    dbus: MockBus, run: Run, qtbot: QtBot
) -> None:
    dbus.spawn("--template", "logind")
    dbus.wait_name(LOGIN)
    path = dbus.call(
        LOGIN,
        "/org/freedesktop/login1",
        "org.freedesktop.DBus.Mock",
        "AddSession",
        "ssusb",
        ("c7", "seat0", os.getuid(), "someone", True),
    )[0]
    since_us = int((time.time() - 600) * 1e6)
    session = "org.freedesktop.login1.Session"
    dbus.mock(
        LOGIN,
        path,
        "UpdateProperties",
        "sa{sv}",
        (session, {"IdleHint": ("b", True), "IdleSinceHint": ("t", since_us)}),
    )
    senses = senses_for(dbus, XDG_SESSION_ID="c7")
    idle = run(senses.snapshot()).idle_seconds
    assert idle is not None and 600 <= idle < 660
    run(senses.start())
    run(senses.snapshot())
    with qtbot.waitSignal(senses.returned, timeout=5000):
        dbus.mock(LOGIN, path, "UpdateProperties", "sa{sv}", (session, {"IdleHint": ("b", False)}))
    assert run(senses.snapshot()).idle_seconds == 0.0
    run(senses.close())


# -- GNOME -------------------------------------------------------------------------


def test_mutter_idle_time_and_return_watch(dbus: MockBus, run: Run, qtbot: QtBot) -> None:
    service(dbus, MUTTER, MUTTER_PATH, MUTTER)
    add_method(dbus, MUTTER, MUTTER_PATH, "GetIdletime", "t", "ret = 4200")
    dbus.mock(MUTTER, MUTTER_PATH, "AddMethod", "sssss", ("", "AddIdleWatch", "t", "u", "ret = 1"))
    add_method(dbus, MUTTER, MUTTER_PATH, "AddUserActiveWatch", "u", "ret = 2")
    dbus.mock(MUTTER, MUTTER_PATH, "AddMethod", "sssss", ("", "RemoveWatch", "u", "", ""))
    senses = senses_for(dbus)
    assert run(senses.snapshot()).idle_seconds == 4.2
    run(senses.start())
    run(senses.snapshot())
    fired = (MUTTER, "WatchFired", "u")
    dbus.mock(MUTTER, MUTTER_PATH, "EmitSignal", "sssav", (*fired, [("u", 1)]))  # away now
    with qtbot.waitSignal(senses.returned, timeout=5000):
        # The user-active watch is added when the idle watch fired; then it fires.
        qtbot.waitUntil(lambda: _called(dbus, MUTTER, MUTTER_PATH, "AddUserActiveWatch"))
        dbus.mock(MUTTER, MUTTER_PATH, "EmitSignal", "sssav", (*fired, [("u", 2)]))
    run(senses.close())


def _called(bus: MockBus, name: str, path: str, method: str) -> bool:
    calls = bus.mock_calls(name, path)
    return any(call_method == method for _time, call_method, _args in calls)


def test_gnome_session_inhibitors_other_than_ours(dbus: MockBus, run: Run) -> None:
    service(dbus, GNOME_SM, "/org/gnome/SessionManager", GNOME_SM)
    inhibitor = "/org/gnome/SessionManager/Inhibitor7"
    add_method(
        dbus, GNOME_SM, "/org/gnome/SessionManager", "GetInhibitors", "ao", f"ret = ['{inhibitor}']"
    )
    methods = [("GetAppId", "", "s", "ret = self.app"), ("GetFlags", "", "u", "ret = 8")]
    dbus.mock(
        GNOME_SM,
        "/org/gnome/SessionManager",
        "AddObject",
        "ssa{sv}a(ssss)",
        (inhibitor, f"{GNOME_SM}.Inhibitor", {}, methods),
    )
    senses = senses_for(dbus)
    for app, presenting in (("org.gnome.Totem", True), ("Herstel", False)):
        dbus.mock(
            GNOME_SM, inhibitor, "AddMethod", "sssss", ("", "GetAppId", "", "s", f"ret = {app!r}")
        )
        assert run(senses.snapshot()).full_screen is presenting, app
    run(senses.close())


def test_gnome_banners_off_is_do_not_disturb(dbus: MockBus, run: Run) -> None:
    service(dbus, PORTAL, PORTAL_PATH, "org.freedesktop.portal.Settings")
    senses = senses_for(dbus)
    for banners, dnd in ((True, False), (False, True)):
        dbus.mock(
            PORTAL,
            PORTAL_PATH,
            "AddMethod",
            "sssss",
            ("", "ReadOne", "ss", "v", f"ret = dbus.Boolean({banners}, variant_level=1)"),
        )
        assert run(senses.snapshot()).do_not_disturb is dnd
    run(senses.close())


# -- notification servers -------------------------------------------------------------


def test_notification_server_inhibited_and_its_change(
    dbus: MockBus, run: Run, qtbot: QtBot
) -> None:
    dbus.spawn("--template", "notification_daemon")
    dbus.wait_name(NOTIFICATIONS)
    dbus.mock(
        NOTIFICATIONS,
        NOTIFICATIONS_PATH,
        "AddProperty",
        "ssv",
        (NOTIFICATIONS, "Inhibited", ("b", False)),
    )
    senses = senses_for(dbus)
    assert run(senses.snapshot()).do_not_disturb is False
    run(senses.start())
    with qtbot.waitSignal(senses.changed, timeout=5000):
        dbus.mock(
            NOTIFICATIONS,
            NOTIFICATIONS_PATH,
            "UpdateProperties",
            "sa{sv}",
            (NOTIFICATIONS, {"Inhibited": ("b", True)}),
        )
    assert run(senses.snapshot()).do_not_disturb is True
    run(senses.close())


def test_mako_do_not_disturb_mode(dbus: MockBus, run: Run) -> None:
    service(dbus, NOTIFICATIONS, "/fr/emersion/Mako", "fr.emersion.Mako")
    senses = senses_for(dbus)
    dbus.mock(
        NOTIFICATIONS,
        "/fr/emersion/Mako",
        "AddProperty",
        "ssv",
        ("fr.emersion.Mako", "Modes", ("as", ["default"])),
    )
    assert run(senses.snapshot()).do_not_disturb is False
    dbus.mock(
        NOTIFICATIONS,
        "/fr/emersion/Mako",
        "UpdateProperties",
        "sa{sv}",
        ("fr.emersion.Mako", {"Modes": ("as", ["default", "do-not-disturb"])}),
    )
    assert run(senses.snapshot()).do_not_disturb is True
    run(senses.close())


def test_no_services_at_all_reads_as_unknown(dbus: MockBus, run: Run) -> None:
    senses = senses_for(dbus)
    assert run(senses.snapshot()) == RoomSnapshot()
    run(senses.close())


def test_a_hung_service_reads_as_unknown_in_time(dbus: MockBus, run: Run) -> None:
    service(dbus, MUTTER, MUTTER_PATH, MUTTER)
    add_method(dbus, MUTTER, MUTTER_PATH, "GetIdletime", "t", "time.sleep(3); ret = 1")
    senses = senses_for(dbus)
    started = time.monotonic()
    assert run(senses.snapshot()).idle_seconds is None
    assert time.monotonic() - started < 2.0  # the safety timeout, not D-Bus's 25 s
    run(senses.close())


def test_watching_without_a_loop_does_nothing(qapp: object) -> None:
    senses = Senses(env={}, platform="linux")
    assert senses.start() is None
    assert senses.stop() is None


def test_asking_never_starts_a_desktop_service(tmp_path: Path, run: Run) -> None:
    """A notification server that is not running stays not running (no bus activation)."""
    services = tmp_path / "services"
    services.mkdir()
    marker = tmp_path / "started"
    (services / "org.freedesktop.Notifications.service").write_text(
        f"[D-BUS Service]\nName=org.freedesktop.Notifications\nExec=/bin/sh -c 'touch {marker}'\n"
    )
    config = tmp_path / "bus.conf"
    config.write_text(
        "<!DOCTYPE busconfig PUBLIC '-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN'"
        " 'http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd'>\n"
        f"<busconfig><type>session</type><listen>unix:dir={tmp_path}</listen>"
        f"<servicedir>{services}</servicedir>"
        "<policy context='default'><allow send_destination='*'/><allow receive_sender='*'/>"
        "<allow own='*'/></policy>"
        "</busconfig>"
    )
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        senses = Senses(
            env={"DBUS_SESSION_BUS_ADDRESS": address, "DBUS_SYSTEM_BUS_ADDRESS": address},
            platform="linux",
        )
        assert run(senses.snapshot()).do_not_disturb is False
        run(senses.close())
        assert not marker.exists()
    finally:
        stop(daemon)
