"""Build Herstel as a one-folder desktop app with PyInstaller.

    python packaging/build_frozen.py DIST_DIR [--work WORK_DIR]

Runs PyInstaller with packaging/herstel.spec, using the Python that runs this
script (it needs Herstel installed, e.g. ``pip install -e ".[freeze]"``, so the
build hook has compiled the translations and rendered the icons). The app
lands in DIST_DIR/herstel/ (plus DIST_DIR/Herstel.app on macOS); PyInstaller's
intermediate files go to WORK_DIR, a temporary folder by default. Prints the
build time and the size of the folder.
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPEC = HERE / "herstel.spec"


def fail(message: str) -> None:
    print(f"build_frozen: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build(dist: Path, work: Path) -> Path:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    print("build_frozen: $ " + " ".join(command), flush=True)
    started = time.monotonic()
    result = subprocess.run(command, check=False)
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        fail(f"PyInstaller exited {result.returncode}")
    app = dist / "herstel"
    if not app.is_dir():
        fail(f"PyInstaller made no {app}")
    size = folder_size(app)
    print(
        f"build_frozen: built {app} in {elapsed:.0f} s; "
        f"the folder holds {size / 2**20:.1f} MiB in {sum(1 for _ in app.rglob('*'))} entries",
        flush=True,
    )
    return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dist", type=Path, help="where to put the built app")
    parser.add_argument("--work", type=Path, help="PyInstaller's work folder (default: temporary)")
    args = parser.parse_args(argv)
    if importlib.util.find_spec("PyInstaller") is None:
        fail('PyInstaller is not installed here: pip install -e ".[freeze]"')
    if importlib.util.find_spec("herstel") is None:
        fail('Herstel is not installed here: pip install -e ".[freeze]"')
    dist = args.dist.resolve()
    if args.work is not None:
        build(dist, args.work.resolve())
        return
    work = Path(tempfile.mkdtemp(prefix="herstel-freeze-"))
    try:
        build(dist, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
