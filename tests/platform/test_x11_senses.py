"""Away and full screen on a real X server (Xvfb) with a real window manager
(openbox), input from xdotool (XTEST), windows from xmessage, states from wmctrl.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Coroutine
from typing import Any

from pytestqt.qtbot import QtBot

from herstel.platform.senses.aggregator import Senses
from herstel.platform.senses.x11 import X11Display
from room_servers import XDesktop, wait_for

Run = Callable[[Coroutine[Any, Any, Any]], Any]


def senses_for(desktop: XDesktop) -> Senses:
    """Senses that only know the X display (no bus, no sound server)."""
    env = {"DISPLAY": desktop.env["DISPLAY"], "XDG_RUNTIME_DIR": "/nonexistent"}
    return Senses(env=env, platform="linux")


def test_input_resets_the_idle_time(x_desktop: XDesktop, run: Run) -> None:
    senses = senses_for(x_desktop)
    x_desktop.x("xdotool", "mousemove", "10", "10")

    def idle() -> float:
        seconds = run(senses.snapshot()).idle_seconds
        assert seconds is not None
        return float(seconds)

    wait_for(lambda: idle() >= 0.5, 10, "half a second without input")
    x_desktop.x("xdotool", "mousemove", "200", "200")
    assert idle() < 0.5
    run(senses.close())


def test_a_full_screen_active_window_is_seen(x_desktop: XDesktop, run: Run) -> None:
    senses = senses_for(x_desktop)
    x_desktop.window("Slides")
    assert run(senses.snapshot()).full_screen is False
    x_desktop.full_screen("Slides", True)
    assert run(senses.snapshot()).full_screen is True
    x_desktop.full_screen("Slides", False)
    assert run(senses.snapshot()).full_screen is False
    run(senses.close())


def test_a_full_screen_window_in_the_background_does_not_count(
    x_desktop: XDesktop, run: Run
) -> None:
    senses = senses_for(x_desktop)
    x_desktop.window("Film")
    x_desktop.full_screen("Film", True)
    x_desktop.window("Editor")  # now active, over the film
    assert run(senses.snapshot()).full_screen is False
    run(senses.close())


def test_our_own_full_screen_window_does_not_count(x_desktop: XDesktop) -> None:
    x_desktop.window("Breathing")
    x_desktop.full_screen("Breathing", True)
    display = X11Display(x_desktop.env["DISPLAY"])
    x_desktop.claim("Breathing", os.getpid() + 1)
    assert display.full_screen_window(ignore_pid=os.getpid()) is True
    x_desktop.claim("Breathing", os.getpid())
    assert display.full_screen_window(ignore_pid=os.getpid()) is False
    display.close()


def test_going_full_screen_and_back_is_announced(
    x_desktop: XDesktop, run: Run, qtbot: QtBot
) -> None:
    senses = senses_for(x_desktop)
    x_desktop.window("Video")
    run(senses.snapshot())
    run(senses.start())
    with qtbot.waitSignal(senses.changed, timeout=5000):
        x_desktop.full_screen("Video", True)
    with qtbot.waitSignal(senses.changed, timeout=5000):
        x_desktop.full_screen("Video", False)
    run(senses.close())


def test_a_vanished_window_is_not_an_error(x_desktop: XDesktop, run: Run) -> None:
    from room_servers import stop

    senses = senses_for(x_desktop)
    window = x_desktop.window("Gone")
    x_desktop.full_screen("Gone", True)
    stop(window)
    wait_for(lambda: "Gone" not in x_desktop.x("wmctrl", "-l"), 10, "the window to go")
    assert run(senses.snapshot()).full_screen is False
    run(senses.close())
