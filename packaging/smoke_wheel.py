"""Smoke-test a built wheel outside the source tree.

    python packaging/smoke_wheel.py DIST_DIR

Installs the wheel from DIST_DIR into a fresh virtual environment in a
temporary folder, then, from another temporary folder (so nothing can come
from the checkout): runs ``herstel --version`` and ``herstel about``, checks the
compiled Dutch translation is inside the wheel and used, and starts the app
offscreen until its log says the main window is shown, then stops it with
SIGTERM and expects a clean exit.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
import venv
import zipfile
from pathlib import Path

WINDOW_SHOWN = "main window shown"
START_TIMEOUT = 60.0


def fail(message: str) -> None:
    print(f"smoke_wheel: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def check(cmd: list[str], cwd: Path, env: dict[str, str], expect_code: int = 0) -> str:
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    if result.returncode != expect_code:
        fail(f"{' '.join(cmd)} exited {result.returncode}: {result.stderr.strip()[-500:]}")
    return result.stdout + result.stderr


def wait_for_window(herstel: Path, work: Path, env: dict[str, str]) -> None:
    data = work / "app-data"
    log = data / "logs" / "herstel.log"
    app = subprocess.Popen([str(herstel), "--data-dir", str(data)], cwd=work, env=env)
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while time.monotonic() < deadline:
            if log.exists() and WINDOW_SHOWN in log.read_text(encoding="utf-8"):
                break
            if app.poll() is not None:
                fail(f"the app exited early with code {app.returncode}")
            time.sleep(0.1)  # polling a child process from outside, not timing logic
        else:
            fail(f"no '{WINDOW_SHOWN}' in {log} within {START_TIMEOUT:.0f} s")
        app.send_signal(signal.SIGTERM)
        code = app.wait(timeout=20)
        if code != 0:
            fail(f"the app exited {code} after SIGTERM")
    finally:
        if app.poll() is None:
            app.kill()


def main() -> None:
    dist = Path(sys.argv[1]).resolve()
    wheels = sorted(dist.glob("herstel-*.whl"))
    if len(wheels) != 1:
        fail(f"expected one herstel wheel in {dist}, found {len(wheels)}")
    wheel = wheels[0]
    names = zipfile.ZipFile(wheel).namelist()
    for needed in (
        "herstel/resources/translations/herstel_nl.qm",
        "herstel/resources/icons/io.github.herstel.Herstel.svg",
    ):
        if needed not in names:
            fail(f"{needed} is missing from {wheel.name}")
    with tempfile.TemporaryDirectory(prefix="herstel-smoke-") as tmp:
        work = Path(tmp)
        env_dir = work / "venv"
        venv.EnvBuilder(with_pip=True).create(env_dir)
        bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
        check(
            [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
            work,
            dict(os.environ),
        )
        herstel = bin_dir / "herstel"
        env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "HERSTEL_DATA_DIR"}}
        env["QT_QPA_PLATFORM"] = "offscreen"
        version = check([str(herstel), "--version"], work, env)
        print(f"smoke_wheel: {version.strip()}")
        about = check([str(herstel), "about", "--data-dir", str(work / "d")], work, env)
        if "GPL-3.0-or-later" not in about:
            fail("about does not name the licence")
        dutch = dict(env, LANG="nl_NL.UTF-8", LC_ALL="nl_NL.UTF-8", LANGUAGE="nl")
        message = check([str(herstel), "breathe", "--inhale", "99"], work, dutch, expect_code=2)
        if "seconden" not in message:
            fail(f"the Dutch translation is not used: {message.strip()}")
        wait_for_window(herstel, work, env)
    print("smoke_wheel: the installed wheel works outside the source tree")


if __name__ == "__main__":
    main()
