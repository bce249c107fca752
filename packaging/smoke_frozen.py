"""Smoke-test the PyInstaller one-folder build outside the source tree.

    python packaging/smoke_frozen.py DIST_DIR

DIST_DIR is what packaging/build_frozen.py made (DIST_DIR/herstel/). From a
temporary folder, with no Python path from the checkout: checks the bundle
holds Herstel's resources and none of the Qt modules it leaves out, runs
``herstel --version`` and ``herstel about``, checks the compiled Dutch
translation is used, tries ``herstel desktop install``/``remove`` when the
command exists, and starts the app offscreen until its log says the main
window is shown, then stops it with SIGTERM and expects a clean exit. Prints
the folder's size.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NoReturn

from smoke_common import app_env, wait_for_window

APP_ID = "io.github.herstel.Herstel"
ROOT = Path(__file__).resolve().parent.parent
DUTCH_CATALOGUE = ROOT / "resources" / "translations" / "herstel_nl.ts"
RESOURCES_IN_BUNDLE = (
    "herstel/resources/translations/herstel_nl.qm",
    f"herstel/resources/icons/{APP_ID}.svg",
    "herstel/resources/icons/herstel-tray.svg",
    f"herstel/resources/icons/hicolor/16x16/apps/{APP_ID}.png",
    f"herstel/resources/icons/hicolor/512x512/apps/{APP_ID}.png",
    f"herstel/resources/desktop/{APP_ID}.desktop",
    f"herstel/resources/desktop/{APP_ID}-autostart.desktop",
    f"herstel/resources/desktop/{APP_ID}.metainfo.xml",
)
# Qt libraries the spec leaves out; finding one means an exclusion stopped working.
LEFT_OUT = ("Qt6Qml", "Qt6Quick", "Qt6WebEngine", "Qt6Pdf", "Qt6Multimedia", "Qt6Designer")


def fail(message: str) -> NoReturn:
    print(f"smoke_frozen: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def say(message: str) -> None:
    print(f"smoke_frozen: {message}", flush=True)


def run(cmd: list[str], cwd: Path, env: dict[str, str], expect_code: int = 0) -> str:
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    if result.returncode != expect_code:
        fail(f"{' '.join(cmd)} exited {result.returncode}: {result.stderr.strip()[-500:]}")
    return result.stdout + result.stderr


def check_bundle(app_dir: Path) -> None:
    internal = app_dir / "_internal"
    for needed in RESOURCES_IN_BUNDLE:
        if not (internal / needed).is_file():
            fail(f"{needed} is missing from {app_dir}")
    for path in internal.rglob("*"):
        if any(name in path.name for name in LEFT_OUT):
            fail(f"{path.relative_to(app_dir)} is in the bundle but should be left out")


def check_dutch(program: Path, work: Path, env: dict[str, str]) -> None:
    dutch = dict(env, LANG="nl_NL.UTF-8", LC_ALL="nl_NL.UTF-8", LANGUAGE="nl")
    message = run([str(program), "breathe", "--inhale", "99"], work, dutch, expect_code=2)
    # TODO(lead): once herstel_nl.ts translates the --inhale message (it is being
    # written), drop this fallback and always require "seconden", as smoke_wheel does.
    if "seconden" in DUTCH_CATALOGUE.read_text(encoding="utf-8"):
        if "seconden" not in message:
            fail(f"the Dutch translation is not used: {message.strip()}")
        say("the Dutch translation is used")
    else:
        if "must be 2–8 seconds" not in message:
            fail(f"unexpected message for --inhale 99: {message.strip()}")
        say("note: the Dutch catalogue has no --inhale message yet; checked the English one")


def check_desktop_integration(program: Path, work: Path, env: dict[str, str]) -> None:
    """``herstel desktop install``/``remove`` into a private XDG_DATA_HOME."""
    probe = subprocess.run(
        [str(program), "desktop", "--help"], cwd=work, env=env, capture_output=True, timeout=60
    )
    if probe.returncode != 0:
        # TODO(lead): remove this branch once cli.py has the desktop subcommand.
        say("note: no 'herstel desktop' command yet; desktop integration not checked")
        return
    data_home = work / "xdg-data"
    xdg = dict(env, XDG_DATA_HOME=str(data_home))
    run([str(program), "desktop", "install"], work, xdg)
    entry = data_home / "applications" / f"{APP_ID}.desktop"
    if not entry.is_file():
        fail(f"herstel desktop install wrote no {entry}")
    exec_lines = [
        x for x in entry.read_text(encoding="utf-8").splitlines() if x.startswith("Exec=")
    ]
    if not exec_lines or str(program) not in exec_lines[0]:
        fail(f"the installed entry does not run {program}: {exec_lines}")
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        run([validator, str(entry)], work, env)
    run([str(program), "desktop", "remove"], work, xdg)
    if entry.exists():
        fail("herstel desktop remove left the menu entry behind")
    say("herstel desktop install/remove work")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    app_dir = Path(sys.argv[1]).resolve() / "herstel"
    # On Windows the window program cannot print; its console twin runs the CLI checks.
    cli_name = "herstel-cli.exe" if os.name == "nt" else "herstel"
    program = app_dir / cli_name
    if not program.is_file():
        fail(f"no {program}: run packaging/build_frozen.py first")
    check_bundle(app_dir)
    with tempfile.TemporaryDirectory(prefix="herstel-frozen-smoke-") as tmp:
        work = Path(tmp)
        env = app_env(work, dict(os.environ))
        say(run([str(program), "--version"], work, env).strip())
        about = run([str(program), "about", "--data-dir", str(work / "d")], work, env)
        if "GPL-3.0-or-later" not in about:
            fail("about does not name the licence")
        check_dutch(program, work, env)
        check_desktop_integration(program, work, env)
        wait_for_window(program, work, env, fail)
    size = folder_size(app_dir)
    say(f"the frozen app works outside the source tree ({size / 2**20:.1f} MiB in {app_dir})")


if __name__ == "__main__":
    main()
