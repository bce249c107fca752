#!/usr/bin/env python3
"""Set up Herstel's development environment and launch or check it.

    python3 dev.py run [ARGS...]   set up .venv, then launch Herstel (ARGS go to `herstel`)
    python3 dev.py check           set up .venv, then lint, type-check, test and smoke-test

``check`` prints one line per step; each step's full output goes to
.venv/check-logs/NN-step.log, and a failing step shows the end of its log.
PyInstaller keeps its cache in .venv/pyinstaller, not in ~/.cache.

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
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".herstel-setup"
MIN_PYTHON = (3, 11)
CHECK_LOGS = VENV / "check-logs"
"""Where ``check`` keeps the full output of each step (the terminal gets progress only)."""
PYINSTALLER_CACHE = VENV / "pyinstaller"
"""PyInstaller's cache (PYINSTALLER_CONFIG_DIR): in the project, not in ~/.cache."""
TAIL_LINES = 60


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


class Steps:
    """Runs the check's steps, each with its output in its own log file.

    The terminal shows one line per step (and the log's name); a failing step
    also shows the last lines of its log, then the check stops.
    """

    def __init__(self, count: int) -> None:
        self.count = count
        self.done = 0
        shutil.rmtree(CHECK_LOGS, ignore_errors=True)
        CHECK_LOGS.mkdir(parents=True)
        say(f"full output of each step: {CHECK_LOGS}")

    def run(self, name: str, *cmd: str | Path, env: dict[str, str] | None = None) -> None:
        self.done += 1
        log = CHECK_LOGS / f"{self.done:02d}-{name.replace(' ', '-')}.log"
        print(f"dev.py: [{self.done}/{self.count}] {name} ...", end=" ", flush=True)
        started = time.monotonic()
        with log.open("w", encoding="utf-8") as out:
            out.write("$ " + " ".join(str(c) for c in cmd) + "\n")
            out.flush()
            result = subprocess.run(
                [str(c) for c in cmd], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        elapsed = time.monotonic() - started
        if result.returncode == 0:
            print(f"ok ({elapsed:.0f} s)", flush=True)
            return
        print(f"FAILED ({elapsed:.0f} s, exit code {result.returncode})", flush=True)
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
        print(f"--- the last {TAIL_LINES} lines of {log} ---", file=sys.stderr)
        print("\n".join(lines[-TAIL_LINES:]), file=sys.stderr, flush=True)
        fail(f"step '{name}' failed; its full output is in {log}")


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


def smoke_test_wheel(steps: Steps) -> None:
    """Build the wheel, install it in a fresh venv outside the tree and run it."""
    dist = Path(tempfile.mkdtemp(prefix="herstel-dist-"))
    try:
        steps.run("build the wheel", PY, "-m", "build", "--wheel", "--sdist", "--outdir", dist)
        steps.run("smoke-test the wheel", PY, ROOT / "packaging" / "smoke_wheel.py", dist)
    finally:
        shutil.rmtree(dist, ignore_errors=True)


def smoke_test_frozen(steps: Steps) -> None:
    """Build the one-folder PyInstaller app and run it outside the tree."""
    dist = Path(tempfile.mkdtemp(prefix="herstel-frozen-"))
    env = dict(os.environ, PYINSTALLER_CONFIG_DIR=str(PYINSTALLER_CACHE))
    try:
        steps.run("build the frozen app", PY, ROOT / "packaging" / "build_frozen.py", dist, env=env)
        steps.run("smoke-test the frozen app", PY, ROOT / "packaging" / "smoke_frozen.py", dist)
    finally:
        shutil.rmtree(dist, ignore_errors=True)


SOURCES = ("src", "tests", "bench", "packaging", "dev.py", "setup.py")


def check() -> None:
    setup()
    steps = Steps(count=9)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    steps.run("ruff check", PY, "-m", "ruff", "check", *SOURCES)
    steps.run("ruff format", PY, "-m", "ruff", "format", "--check", *SOURCES)
    steps.run("mypy", PY, "-m", "mypy")
    lint_imports = BIN / ("lint-imports.exe" if os.name == "nt" else "lint-imports")
    steps.run("import contracts", lint_imports, "--no-cache")
    steps.run("pytest", PY, "-m", "pytest", "-q", "-p", "no:cacheprovider", env=env)
    smoke_test_wheel(steps)
    smoke_test_frozen(steps)
    say(f"all checks passed (logs in {CHECK_LOGS})")


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
