"""The first window is painted before anything it does not need is loaded.

Start-up is a budget (DESIGN §10: launch → first window ≤ 1.2 × a bare PySide6
app), and the cheapest way to keep it is to keep things off the path: asyncio
and qasync, the database, QtNetwork, the services, and PySide6's ``Qt`` enum
namespace (~20 ms the first time any of its enums is touched). A real launch
runs in a child process; at the home window's first paint event it records
what is loaded. Adding a ``Qt.`` flag or an import to the first-frame path
fails here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CHILD = r"""
import json, os, sys
from PySide6.QtCore import QEvent, QObject
import PySide6.QtCore as QtCore
import herstel.ui.common.windows as windows

seen = {}

class AtPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen["qt_namespace"] = "Qt" in QtCore.__dict__
            seen["modules"] = sorted(sys.modules)
        return False

original = windows.paint_first_frame

def paint_first_frame(window, *args):
    spy = AtPaint(window)
    window.installEventFilter(spy)
    original(window, *args)
    print(json.dumps(seen))
    sys.stdout.flush()
    os._exit(0)

windows.paint_first_frame = paint_first_frame
from herstel.cli.main import main
main(["--data-dir", sys.argv[1]])
"""

NOT_BEFORE_THE_FIRST_FRAME = (
    "asyncio",
    "qasync",
    "sqlite3",
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "logging.handlers",
    "herstel.storage.database",
    "herstel.ui.reminders.service",
    "herstel.ui.session.window",
    "herstel.ui.shell.tray",
    "herstel.platform.instance_socket",
)


def first_frame(tmp_path: Path) -> dict[str, object]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return seen


def test_the_first_frame_is_painted_before_the_rest_loads(tmp_path: Path) -> None:
    seen = first_frame(tmp_path)
    assert seen, "the home window was never painted"
    modules = set(seen["modules"])  # type: ignore[call-overload]
    assert "herstel.ui.home.window" in modules  # the spy saw the real window
    loaded_too_early = [name for name in NOT_BEFORE_THE_FIRST_FRAME if name in modules]
    assert loaded_too_early == []
    assert seen["qt_namespace"] is False, (
        "something on the first-frame path touched PySide6.QtCore.Qt; "
        "import it inside the function that runs after the first frame"
    )
