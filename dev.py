#!/usr/bin/env python3
"""Set up Herstel's development environment and launch or check it.

    python3 dev.py run [ARGS...]   set up .venv, then launch Herstel (ARGS go to `herstel`)
    python3 dev.py check           set up .venv, then lint, type-check, test and smoke-test

Only the Python standard library is used here, so this works on a fresh machine
with Python 3.11 or newer.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".herstel-setup"
MIN_PYTHON = (3, 11)


def say(text: str) -> None:
    print(f"dev.py: {text}", flush=True)


def fail(text: str) -> None:
    print(f"dev.py: {text}", file=sys.stderr, flush=True)
    sys.exit(1)


def run(*cmd: str | Path, env: dict[str, str] | None = None, cwd: Path = ROOT) -> None:
    say("$ " + " ".join(str(c) for c in cmd))
    result = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, check=False)
    if result.returncode != 0:
        fail(f"step failed with exit code {result.returncode}: {' '.join(map(str, cmd))}")


def check_python() -> None:
    if sys.version_info < MIN_PYTHON:
        fail(
            f"Python {'.'.join(map(str, MIN_PYTHON))} or newer is needed "
            f"(this is {sys.version.split()[0]})"
        )
    try:
        import ensurepip  # noqa: F401
    except ImportError:
        fail(
            "Python's venv support is missing. On Debian/Ubuntu: "
            f"sudo apt install python{sys.version_info.major}.{sys.version_info.minor}-venv"
        )


def setup_fingerprint() -> str:
    digest = hashlib.sha256()
    digest.update(sys.version.encode())
    for name in ("pyproject.toml", "setup.py"):
        digest.update((ROOT / name).read_bytes())
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        digest.update(ts.read_bytes())
    for svg in sorted((ROOT / "resources" / "icons").glob("*.svg")):  # PNGs render from these
        digest.update(svg.read_bytes())
    digest.update((ROOT / "resources" / "sounds" / "make_cues.py").read_bytes())  # the WAVs
    return digest.hexdigest()


def setup() -> None:
    """Create .venv and install Herstel (editable) with its dev tools; skip if current."""
    check_python()
    fingerprint = setup_fingerprint()
    if STAMP.exists() and STAMP.read_text() == fingerprint and PY.exists():
        return
    if not PY.exists():
        say(f"creating {VENV}")
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PY, "-m", "pip", "install", "--quiet", "-e", ".[dev,freeze]")
    STAMP.write_text(fingerprint)


def launch(args: list[str]) -> None:
    setup()
    herstel = BIN / ("herstel.exe" if os.name == "nt" else "herstel")
    sys.exit(subprocess.call([str(herstel), *args]))


def smoke_test_wheel() -> None:
    """Build the wheel, install it in a fresh venv outside the tree and run it."""
    dist = Path(tempfile.mkdtemp(prefix="herstel-dist-"))
    try:
        run(PY, "-m", "build", "--wheel", "--sdist", "--outdir", dist)
        run(PY, ROOT / "packaging" / "smoke_wheel.py", dist)
    finally:
        shutil.rmtree(dist, ignore_errors=True)


def smoke_test_frozen() -> None:
    """Build the one-folder PyInstaller app and run it outside the tree."""
    dist = Path(tempfile.mkdtemp(prefix="herstel-frozen-"))
    try:
        run(PY, ROOT / "packaging" / "build_frozen.py", dist)
        run(PY, ROOT / "packaging" / "smoke_frozen.py", dist)
    finally:
        shutil.rmtree(dist, ignore_errors=True)


def check() -> None:
    setup()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    run(PY, "-m", "ruff", "check", "src", "tests", "bench", "packaging", "dev.py", "setup.py")
    run(
        PY,
        "-m",
        "ruff",
        "format",
        "--check",
        "src",
        "tests",
        "bench",
        "packaging",
        "dev.py",
        "setup.py",
    )
    run(PY, "-m", "mypy")
    run(BIN / ("lint-imports.exe" if os.name == "nt" else "lint-imports"), "--no-cache")
    run(PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", env=env)
    smoke_test_wheel()
    smoke_test_frozen()
    say("all checks passed")


def main(argv: list[str]) -> None:
    if not argv or argv[0] not in {"run", "check", "setup"}:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    command, rest = argv[0], argv[1:]
    if command == "run":
        launch(rest)
    elif command == "check":
        check()
    else:
        setup()


if __name__ == "__main__":
    main(sys.argv[1:])
