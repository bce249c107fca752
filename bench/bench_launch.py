"""Launch → first visible window (or tray icon): Herstel against the bare PySide6 baseline.

    .venv/bin/python bench/bench_launch.py [--runs 7] [--tray]

Both are started the same way on the same private Xvfb with a tray host,
alternating, and timed from process start until xdotool sees a visible window
of the process: ``herstel`` and the baseline's main window, or with ``--tray``
``herstel --tray`` and the baseline with its window hidden, where the first
visible window is the tray icon the tray host embeds.
Budget (DESIGN §10): Herstel ≤ 1.2 × the bare app. Prints medians and the ratio.

Herstel's modules are compiled to bytecode first, as pip does when it installs
the wheel: with PYTHONDONTWRITEBYTECODE set (as on CI) a source checkout would
otherwise recompile every module on every launch, which no user's install does.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from xdesktop import wait_visible_window, x_desktop

BASELINE = Path(__file__).resolve().parent / "baseline_app.py"


def time_launch(cmd: list[str], env: dict[str, str]) -> float:
    start = time.monotonic()
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        return wait_visible_window(process.pid, env) - start
    finally:
        process.kill()  # the bare app has no SIGTERM handling under its Qt loop
        process.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tray", action="store_true", help="time the tray icon instead")
    options = parser.parse_args()
    runs = options.runs
    import herstel as package

    compileall.compile_dir(str(Path(package.__file__).parent), quiet=1)
    bare: list[float] = []
    herstel: list[float] = []
    with x_desktop() as env, tempfile.TemporaryDirectory() as data:
        # The console script, as the desktop entry starts it.
        script = Path(sys.executable).with_name("herstel")
        launcher = [str(script)] if script.exists() else [sys.executable, "-m", "herstel"]
        herstel_cmd = [*launcher, "--data-dir", data]
        bare_cmd = [sys.executable, str(BASELINE)]
        if options.tray:
            herstel_cmd.append("--tray")
        else:
            bare_cmd.append("--show")
        time_launch(herstel_cmd, env)  # warm the file cache for both
        time_launch(bare_cmd, env)
        for _ in range(runs):
            bare.append(time_launch(bare_cmd, env))
            herstel.append(time_launch(herstel_cmd, env))
    b, h = statistics.median(bare), statistics.median(herstel)
    what = "tray icon" if options.tray else "visible window"
    print(f"launch → {what}, median of {runs} (includes ~5 ms xdotool polling)")
    print(f"  bare PySide6 + tray + qasync : {b * 1000:7.0f} ms")
    print(f"  herstel                      : {h * 1000:7.0f} ms")
    print(f"  ratio                        : {h / b:7.2f} x   (budget ≤ 1.20 x)")


if __name__ == "__main__":
    main()
