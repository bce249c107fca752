"""The bare baseline app of ``baseline_app.py`` with every sense on and waiting.

For ``bench_idle.py --senses``: after start-up it takes one snapshot (as at a
reminder's due time, which loads every probe) and then watches, as while a
reminder waits for the user to be free — the most the senses ever hold open.
"""

from __future__ import annotations

import asyncio
import signal
import sys

import qasync
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QSystemTrayIcon

from herstel.platform.senses.aggregator import Senses


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
    window.setWindowTitle("baseline + senses")
    window.resize(480, 360)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    signal.signal(signal.SIGTERM, lambda *_: app.quit())
    done = asyncio.Event()
    app.aboutToQuit.connect(done.set)
    senses = Senses()

    async def run() -> None:
        print("senses:", await senses.snapshot(), flush=True)
        await senses.start()
        await done.wait()
        await senses.close()

    with loop:
        loop.run_until_complete(run())


if __name__ == "__main__":
    main()
