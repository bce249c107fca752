"""Smoke-test a built wheel outside the source tree.

    python packaging/smoke_wheel.py DIST_DIR

Installs the wheel from DIST_DIR into a fresh virtual environment in a
temporary folder, then, from another temporary folder (so nothing can come
from the checkout): runs ``herstel --version`` and ``herstel about``, checks the
compiled Dutch translation is inside the wheel and used, and starts the app
offscreen until its log says the main window is shown, then stops it with
SIGTERM and expects a clean exit. It also checks the wheel carries the desktop
files and every rendered icon size, and installs and removes the menu entry
from the installed package into a private folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path
from typing import NoReturn

from smoke_common import app_env, wait_for_window

APP_ID = "io.github.herstel.Herstel"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
TRAY_ICON_SIZES = (16, 22, 24, 32, 44, 48, 64)
DESKTOP_ROUND_TRIP = """
import sys
from pathlib import Path
from herstel.platform.desktop_entry import install_desktop_entry
data_home, program = Path(sys.argv[1]), sys.argv[2]
written = install_desktop_entry(data_home, program)
print("\\n".join(map(str, written)))
"""


def fail(message: str) -> NoReturn:
    print(f"smoke_wheel: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def check(cmd: list[str], cwd: Path, env: dict[str, str], expect_code: int = 0) -> str:
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    if result.returncode != expect_code:
        fail(f"{' '.join(cmd)} exited {result.returncode}: {result.stderr.strip()[-500:]}")
    return result.stdout + result.stderr


def check_desktop_entry(python: Path, herstel: Path, work: Path, env: dict[str, str]) -> None:
    """The installed package writes a valid menu entry for its own executable, and removes it."""
    data_home = work / "xdg-data"
    written = check(
        [str(python), "-c", DESKTOP_ROUND_TRIP, str(data_home), str(herstel)], work, env
    ).split()
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    if str(entry) not in written or len(written) != 2 + len(ICON_SIZES):
        fail(f"the menu entry and its icons were not all installed: {written}")
    if f"Exec={herstel}" not in entry.read_text(encoding="utf-8").splitlines():
        fail(f"the installed menu entry does not run {herstel}")
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        check([validator, str(entry)], work, env)
    removal = "import sys, pathlib, herstel.platform.desktop_entry as d; "
    removal += "d.remove_desktop_entry(pathlib.Path(sys.argv[1]))"
    check([str(python), "-c", removal, str(data_home)], work, env)
    if any(p.is_file() for p in data_home.rglob("*")):
        fail("removing the menu entry left files behind")


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
        "herstel/resources/icons/herstel-tray.svg",
        f"herstel/resources/desktop/{APP_ID}.desktop",
        f"herstel/resources/desktop/{APP_ID}-autostart.desktop",
        f"herstel/resources/desktop/{APP_ID}.metainfo.xml",
        *(
            f"herstel/resources/sounds/{name}.wav"
            for name in ("cue-in", "cue-out", "cue-hold", "bell")
        ),
        *(f"herstel/resources/icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in ICON_SIZES),
        *(f"herstel/resources/icons/tray/herstel-tray-{n}.png" for n in TRAY_ICON_SIZES),
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
        env = app_env(work, dict(os.environ))
        version = check([str(herstel), "--version"], work, env)
        print(f"smoke_wheel: {version.strip()}")
        about = check([str(herstel), "about", "--data-dir", str(work / "d")], work, env)
        if "GPL-3.0-or-later" not in about:
            fail("about does not name the licence")
        dutch = dict(env, LANG="nl_NL.UTF-8", LC_ALL="nl_NL.UTF-8", LANGUAGE="nl")
        message = check([str(herstel), "breathe", "--inhale", "99"], work, dutch, expect_code=2)
        if "seconden" not in message:
            fail(f"the Dutch translation is not used: {message.strip()}")
        check_desktop_entry(bin_dir / "python", herstel, work, env)
        wait_for_window(herstel, work, env, fail)
    print("smoke_wheel: the installed wheel works outside the source tree")


if __name__ == "__main__":
    main()
