"""The last-resort error hook and Ctrl-C under the Qt loop, in real child processes.

Each child is a small Qt program that uses ``herstel.platform.crash`` the way the
app does; the parent watches what it writes and whether it ends, as a user at a
terminal would. HOME is the test session's private one (tests/conftest.py).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import herstel

SRC = str(Path(herstel.__file__).resolve().parents[1])

SLOT_RAISES = """
import logging, sys
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from herstel.platform.crash import install_excepthook

log_file = Path(sys.argv[1])
logging.basicConfig(filename=log_file, level=logging.INFO)
install_excepthook(log_file)
app = QCoreApplication([])

def boom():
    raise ValueError("a slot went wrong")

def after():
    print("still running", flush=True)
    app.quit()

QTimer.singleShot(0, boom)
QTimer.singleShot(100, after)
sys.exit(app.exec())
"""

IDLE_UNTIL_SIGNAL = """
import logging, sys
from PySide6.QtCore import QCoreApplication, QTimer
from herstel.platform.crash import SigintWakeup

logging.basicConfig(stream=sys.stderr, level=logging.INFO)
app = QCoreApplication([])
wakeup = SigintWakeup(app.quit)
QTimer.singleShot(0, lambda: print("idle", flush=True))
code = app.exec()
wakeup.close()
print("quit", code, flush=True)
"""


def child(script: str, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=SRC, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_an_error_in_a_slot_is_logged_and_the_app_runs_on(tmp_path: Path) -> None:
    log_file = tmp_path / "herstel.log"
    process = child(SLOT_RAISES, str(log_file))
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert out == "still running\n"
    assert err == f"herstel: unexpected error (ValueError); details in {log_file}\n"
    logged = log_file.read_text()
    assert "unexpected error" in logged and "Traceback" in logged
    assert "ValueError: a slot went wrong" in logged


def test_keyboard_interrupt_keeps_python_s_own_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from herstel.platform.crash import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    install_excepthook(tmp_path / "herstel.log")
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    err = capsys.readouterr().err
    assert "KeyboardInterrupt" in err and "unexpected error" not in err


@pytest.mark.parametrize("number", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_ends_an_idle_qt_loop(number: signal.Signals) -> None:
    process = child(IDLE_UNTIL_SIGNAL)
    assert process.stdout is not None
    assert process.stdout.readline() == "idle\n"  # the loop runs and waits for events
    process.send_signal(number)
    try:
        out, err = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        pytest.fail(f"the Qt loop did not wake up for {number.name}:\n{err}")
    assert out == "quit 0\n" and process.returncode == 0
    assert f"received signal {number.name}, quitting" in err


def test_close_puts_the_previous_handlers_back(qapp: object) -> None:
    from herstel.platform.crash import SigintWakeup

    before = {n: signal.getsignal(n) for n in (signal.SIGINT, signal.SIGTERM)}
    wakeup = SigintWakeup(lambda: None)
    assert signal.getsignal(signal.SIGINT) != before[signal.SIGINT]
    wakeup.close()
    assert {n: signal.getsignal(n) for n in before} == before
    previous_fd = signal.set_wakeup_fd(-1)
    signal.set_wakeup_fd(previous_fd)
    assert previous_fd == -1  # no wake-up fd left behind
