"""The bare PySide6 baseline of DESIGN §10, for benchmarks to compare against.

QApplication + QSystemTrayIcon with a menu + a main window on a qasync loop (so
asyncio is in the baseline too). ``--show`` shows the window (launch →
first window); without it the window stays hidden (idle in the tray).
"""

from __future__ import annotations

import asyncio
import signal
import sys

import qasync
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QSystemTrayIcon


def main() -> None:
    app = QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    pixmap = QPixmap(16, 16)
    pixmap.fill()
    tray = QSystemTrayIcon(QIcon(pixmap))
    menu = QMenu()
    menu.addAction("Start").triggered.connect(lambda: None)
    menu.addAction("Quit").triggered.connect(app.quit)
    tray.setContextMenu(menu)
    tray.show()
    window = QMainWindow()
    window.setWindowTitle("baseline")
    window.resize(480, 360)
    if "--show" in sys.argv:
        window.show()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    done = asyncio.Event()
    app.aboutToQuit.connect(done.set)
    with loop:
        loop.run_until_complete(done.wait())


if __name__ == "__main__":
    main()
