"""`herstel status` against `herstel --version`, and the idle app with a watcher attached.

    .venv/bin/python bench/bench_status.py [--runs 20] [--seconds 60]

1. Time: ``herstel status`` (a running instance answers over its socket) and
   ``herstel --version`` run alternately, ``--runs`` times each, in the same
   run and environment; the wall time of each process is measured from the
   outside. Budget (DESIGN §10): median status ≤ 1.2 × median --version. The
   same for ``herstel status`` with no instance (exit 3).
2. Idle: ``herstel --tray`` on a private Xvfb with a tray host, CPU time and
   context switches over ``--seconds`` without a watcher, then the same with
   ``herstel status --watch`` attached (measured the same way as
   bench_idle.py). Budget: the watcher adds no wake-ups (the app's idle CPU
   ≤ 1 ms per 30 s and at most one wake-up a minute either way); the watcher
   process itself sleeps in recv().
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_idle import SETTLE_SECONDS, cpu_ns, herstel_data_dir, switches
from xdesktop import x_desktop

HERSTEL = [sys.executable, "-m", "herstel"]


def wall_ms(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000, done.returncode


def compare(runs: int, env: dict[str, str], data: Path, label: str, expect: int) -> None:
    status: list[float] = []
    version: list[float] = []
    for _ in range(runs):  # alternate, so both see the same machine load
        ms, code = wall_ms([*HERSTEL, "status", "--data-dir", str(data)], env)
        if code != expect:
            raise SystemExit(f"herstel status exited {code}, expected {expect}")
        status.append(ms)
        version.append(wall_ms([*HERSTEL, "--version"], env)[0])
    s, v = statistics.median(status), statistics.median(version)
    print(
        f"  {label:24s} status {s:6.1f} ms   --version {v:6.1f} ms   "
        f"ratio {s / v:.2f} x   (budget ≤ 1.20 x; medians of {runs})"
    )


def idle(
    processes: dict[str, subprocess.Popen[bytes]], seconds: float
) -> dict[str, tuple[float, float]]:
    before = {name: (cpu_ns(p.pid), switches(p.pid)) for name, p in processes.items()}
    time.sleep(seconds)
    after = {name: (cpu_ns(p.pid), switches(p.pid)) for name, p in processes.items()}
    return {
        name: (
            (after[name][0] - before[name][0]) / 1e6 * 30 / seconds,
            (after[name][1] - before[name][1]) * 60 / seconds,
        )
        for name in processes
    }


def wait_running(env: dict[str, str], data: Path) -> None:
    deadline = time.monotonic() + 30
    while wall_ms([*HERSTEL, "status", "--data-dir", str(data)], env)[1] != 0:
        if time.monotonic() > deadline:
            raise SystemExit("the app did not answer herstel status within 30 s")
        time.sleep(0.2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    options = parser.parse_args()
    with x_desktop() as env, tempfile.TemporaryDirectory() as tmp:
        data = herstel_data_dir(Path(tmp))
        print("herstel status vs herstel --version (wall time per process)")
        compare(options.runs, env, data, "no instance (exit 3)", 3)
        app = subprocess.Popen([*HERSTEL, "--tray", "--data-dir", str(data)], env=env)
        watcher: subprocess.Popen[bytes] | None = None
        try:
            wait_running(env, data)
            compare(options.runs, env, data, "instance running", 0)
            time.sleep(SETTLE_SECONDS)  # start-up work is not idle work
            alone = idle({"herstel --tray": app}, options.seconds)
            watcher = subprocess.Popen(
                [*HERSTEL, "status", "--watch", "--data-dir", str(data)],
                env=env,
                stdout=subprocess.DEVNULL,
            )
            time.sleep(SETTLE_SECONDS)
            watched = idle({"herstel --tray": app, "status --watch": watcher}, options.seconds)
        finally:
            for process in (watcher, app):
                if process is not None:
                    process.kill()
                    process.wait(timeout=10)
    print(f"idle over {options.seconds:.0f} s each (after {SETTLE_SECONDS:.0f} s settling)")
    rows = [("herstel --tray, no watcher", alone["herstel --tray"])]
    rows += [(f"with a watcher: {name}", value) for name, value in watched.items()]
    for name, (cpu, wakeups) in rows:
        print(f"  {name:40s} CPU {cpu:8.3f} ms per 30 s   context switches {wakeups:6.1f} per min")
    print("  budgets: CPU ≤ 1 ms per 30 s; at most one wake-up a minute; the watcher adds none")


if __name__ == "__main__":
    main()
