"""Regression: PySide6 6.12.0 on Python 3.11 corrupts the refcount of True/None
on every signal emit and aborts after about a thousand emits.

pyproject.toml pins PySide6 below 6.12 on 3.11 with an environment marker; this
test emits signals carrying True and None 50,000 times in a child process (an
abort there fails the test instead of killing pytest) and checks the refcounts
of True and None did not drift.
"""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    flag = Signal(bool)
    thing = Signal(object)

app = QCoreApplication([])
emitter = Emitter()
seen = []
emitter.flag.connect(lambda value: seen.append(value) if len(seen) < 1 else None)
emitter.thing.connect(lambda value: None)
before = (sys.getrefcount(True), sys.getrefcount(None))
for _ in range(50_000):
    emitter.flag.emit(True)
    emitter.thing.emit(None)
after = (sys.getrefcount(True), sys.getrefcount(None))
immortal = sys.version_info >= (3, 12)
drift = [abs(a - b) for a, b in zip(before, after)]
print("ok" if immortal or max(drift) < 1000 else f"drift {drift}")
"""


def test_fifty_thousand_emits_do_not_crash_or_leak_refcounts() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
