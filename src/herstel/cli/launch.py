"""The window path: become the running instance, or hand the request to the one that runs.

:mod:`herstel.app` is imported only here, and only once this process is the
instance that will open a window.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from herstel.cli.exits import Exit
from herstel.cli.messages import tr
from herstel.core.launch import Action, LaunchRequest
from herstel.storage.paths import DataPaths

_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def _has_display(env: Mapping[str, str]) -> bool:
    """Whether Qt can open a window here (Linux); a forwarded request needs none."""
    if not sys.platform.startswith("linux"):
        return True
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return True
    return env.get("QT_QPA_PLATFORM", "").split(":")[0] in _HEADLESS_PLATFORMS


def _session_running(paths: DataPaths) -> bool:
    """Whether the running instance (if any) has a session open: asked before handing over."""
    from herstel.platform.instance_address import socket_name
    from herstel.platform.status_client import NotRunning, StatusUnavailable, statuses

    try:
        for status in statuses(socket_name(paths.data_dir, os.environ), watch=False):
            return bool(status.session_running)
    except (NotRunning, StatusUnavailable, OSError):
        return False
    return False


def launch(request: LaunchRequest, paths: DataPaths) -> int:
    """Become the running instance for this data folder, or hand the request to it."""
    from herstel.platform.single_instance import claim

    running = request.action is Action.BREATHE and _session_running(paths)
    try:
        instance = claim(paths, request)
    except OSError as error:  # SingleInstanceError, DataDirError
        print(f"herstel: {error}", file=sys.stderr)
        return Exit.FAILURE
    if instance is None:
        if running:  # the running instance raised its session instead of starting one
            print(tr("A session is already running; it was brought to the front."))
        return Exit.OK  # the running instance took it
    if not _has_display(os.environ):
        instance.close()
        print(
            "herstel: "
            + tr("no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set)"),
            file=sys.stderr,
        )
        return Exit.FAILURE
    from herstel.app.bootstrap import run_app

    return run_app(request, paths, instance=instance)
