"""The senses' cost at a reminder's due time: ``Senses.snapshot()`` p50/p99.

    .venv/bin/python bench/bench_senses.py [--calls 200]

Runs against real parts on a private desktop: Xvfb with openbox (EWMH active
window, the X idle counter), a session bus (the D-Bus probes get real
"no such service" answers; the system bus is pointed at it), and PulseAudio
with a virtual microphone. Every sense is on. Measured in three rooms: quiet,
in a call (``parecord`` on the microphone) and with a full-screen window.
The first snapshot (imports, connections) is reported apart: it happens once
per app run. Budget: p99 ≤ 50 ms (DESIGN §10, reading the room).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from room_servers import room
from xdesktop import x_desktop

BUDGET_P99_MS = 50.0


def pss_mib() -> float:
    for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    return float("nan")


@contextmanager
def running(command: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL)
    try:
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_until(predicate: object) -> None:
    deadline = time.monotonic() + 20
    while not predicate():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise SystemExit("bench: the room did not get ready")
        time.sleep(0.02)


async def measure(senses: object, calls: int) -> list[float]:
    times = []
    for _ in range(calls):
        start = time.perf_counter()
        await senses.snapshot()  # type: ignore[attr-defined]
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, times: list[float], snapshot: object) -> None:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(
        f"  {name:22s} p50 {statistics.median(ordered):6.2f} ms   p99 {p99:6.2f} ms   "
        f"max {ordered[-1]:6.2f} ms   {snapshot}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=200)
    calls = parser.parse_args().calls
    with x_desktop(tray=False) as desktop, room(desktop) as env:
        os.environ.update(env)  # for the Qt app of this process only
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        import qasync
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication([])
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        before_pss = pss_mib()
        t0 = time.perf_counter()
        from herstel.platform.senses.aggregator import Senses

        senses = Senses(env=env, platform="linux")
        first = loop.run_until_complete(senses.snapshot())
        first_ms = (time.perf_counter() - t0) * 1000
        after_pss = pss_mib()
        print(f"snapshot() with every sense on, {calls} calls per room")
        print(f"  first snapshot (imports + connections): {first_ms:.1f} ms, {first}")
        print(f"  PSS of this process: {before_pss:.1f} → {after_pss:.1f} MiB after it")
        report("quiet", loop.run_until_complete(measure(senses, calls)), first)
        with running(["parecord", "-d", "mic", "/dev/null"], env):
            wait_until(lambda: loop.run_until_complete(senses.snapshot()).in_call)
            times = loop.run_until_complete(measure(senses, calls))
            report("in a call", times, loop.run_until_complete(senses.snapshot()))
        with running(["xmessage", "-title", "Film", "Film"], env):
            wait_until(
                lambda: (
                    "Film"
                    in subprocess.run(
                        ["wmctrl", "-l"], env=env, capture_output=True, text=True
                    ).stdout
                )
            )
            subprocess.run(["wmctrl", "-a", "Film"], env=env, check=True)
            subprocess.run(["wmctrl", "-r", "Film", "-b", "add,fullscreen"], env=env, check=True)
            wait_until(lambda: loop.run_until_complete(senses.snapshot()).full_screen)
            times = loop.run_until_complete(measure(senses, calls))
            report("full screen", times, loop.run_until_complete(senses.snapshot()))
        loop.run_until_complete(senses.close())
        print(f"  budget: p99 ≤ {BUDGET_P99_MS:.0f} ms")


if __name__ == "__main__":
    main()
