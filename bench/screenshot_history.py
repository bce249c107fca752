"""Screenshots of the History window in light and dark, for the README.

    .venv/bin/python bench/screenshot_history.py OUTPUT_FOLDER [--scale 2]

Fills a temporary data folder with three months of realistic sessions (see
``history_data.py``), opens the History window offscreen with a fixed clock and
saves, for each theme: the sessions page with one session chosen, the overview
(as the window shows it, and its whole scrolled page), and the empty state a
new user sees:

    history-sessions-{light,dark}.png        history-overview-{light,dark}.png
    history-overview-full-{light,dark}.png   history-empty-{light,dark}.png
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from history_data import ZONE, fill_history

NOW = datetime(2026, 11, 25, 17, 30, tzinfo=ZONE)
SIZE = (1180, 860)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path, help="folder for the PNG files")
    parser.add_argument("--scale", type=float, default=1.0, help="device pixel ratio (e.g. 2)")
    parser.add_argument("--sessions", type=int, default=260)
    parser.add_argument("--days", type=int, default=92)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)

    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication, QWidget

    from herstel.core.clock import ManualClock
    from herstel.core.settings import Theme
    from herstel.storage.history import HistoryStore
    from herstel.ui.common.theme import apply_theme
    from herstel.ui.history.window import HistoryWindow

    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Herstel")
    args.output.mkdir(parents=True, exist_ok=True)
    clock = ManualClock(NOW)
    # The overview loads as a coroutine on the app's qasync loop; processEvents drives it.
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    import qasync

    loop = qasync.QEventLoop(app, already_running=True)
    workers = ThreadPoolExecutor(max_workers=1)
    loop.set_default_executor(workers)
    asyncio.set_event_loop(loop)

    with tempfile.TemporaryDirectory(prefix="herstel-shots-") as tmp:
        full = Path(tmp) / "full" / "herstel.sqlite3"
        empty = Path(tmp) / "empty" / "herstel.sqlite3"
        fill_history(full, args.sessions, args.days, NOW)
        for theme in (Theme.LIGHT, Theme.DARK):
            apply_theme(app, theme)
            name = theme.value

            window = HistoryWindow(HistoryStore(full), clock)
            window.resize(*SIZE)
            window.show()
            app.processEvents()
            window.table.selectRow(1)
            app.processEvents()
            save(window, args.output / f"history-sessions-{name}.png")

            window.show_overview()
            wait_for(app, lambda w=window: w.overview is not None)
            save(window, args.output / f"history-overview-{name}.png")
            body = window.findChild(QWidget, "overviewBody")
            assert body is not None
            save(body, args.output / f"history-overview-full-{name}.png")
            window.close()
            window.deleteLater()

            blank = HistoryWindow(HistoryStore(empty), clock)
            blank.resize(SIZE[0], 640)
            blank.show()
            app.processEvents()
            save(blank, args.output / f"history-empty-{name}.png")
            blank.close()
            blank.deleteLater()
            app.processEvents()
    workers.shutdown(wait=True)
    return 0


def wait_for(app: object, condition: object, seconds: float = 10.0) -> None:
    import time

    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication) and callable(condition)
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the overview did not load")
        app.processEvents()
        time.sleep(0.01)


def save(window: object, path: Path) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    assert isinstance(window, QWidget)
    QApplication.processEvents()
    if not window.grab().save(str(path)):
        raise OSError(f"could not write {path}")
    print(path)


if __name__ == "__main__":
    raise SystemExit(main())
