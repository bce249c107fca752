"""Idle in the tray: CPU time and memory of Herstel beside the bare baseline.

    .venv/bin/python bench/bench_idle.py [--seconds 60] [--senses]

Both run at the same time on one private Xvfb with a tray host: Herstel as
``herstel --tray`` (reminders on, the next one hours away) and the bare
PySide6 tray app of DESIGN §10 on a qasync loop. After a settling period the
CPU time of every thread is read from /proc/PID/task/*/schedstat (ns) at the
start and end of the window, and wake-ups are counted from the context
switches. Memory is PSS from /proc/PID/smaps_rollup. Budgets: CPU ≤ 1 ms per
30 s, at most one wake-up a minute, PSS ≤ 1.2 × the bare app.

``--senses`` adds a sound server with a virtual microphone and a window
manager, and a third app: the bare one with every sense of reminders that read
the room on and watching (bench/senses_app.py), as while a reminder waits.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from room_servers import room
from xdesktop import x_desktop

BASELINE = Path(__file__).resolve().parent / "baseline_app.py"
SENSES_APP = Path(__file__).resolve().parent / "senses_app.py"
SETTLE_SECONDS = 8.0


def cpu_ns(pid: int) -> int:
    total = 0
    for stat in Path(f"/proc/{pid}/task").glob("*/schedstat"):
        try:
            total += int(stat.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue  # a thread that ended between listing and reading
    return total


def switches(pid: int) -> int:
    total = 0
    for status in Path(f"/proc/{pid}/task").glob("*/status"):
        try:
            for line in status.read_text().splitlines():
                if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def pss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no Pss line")


def herstel_data_dir(root: Path) -> Path:
    data = root / "data"
    data.mkdir()
    (data / "settings.json").write_text(
        json.dumps({"version": 1, "first_run_done": True, "tray_hint_shown": True})
    )
    (data / "reminders.json").write_text(
        json.dumps(
            {
                "version": 1,
                "last_break_at": datetime.now(UTC).isoformat(),
                "last_prompt_at": None,
                "paused_until": None,
                "snoozed_until": None,
                "timer_due_at": None,
            }
        )
    )
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--senses", action="store_true", help="also the bare app + every sense")
    arguments = parser.parse_args()
    seconds = arguments.seconds
    with contextlib.ExitStack() as stack:
        env = stack.enter_context(x_desktop())
        if arguments.senses:
            env = stack.enter_context(room(env))
        tmp = stack.enter_context(tempfile.TemporaryDirectory())
        data = herstel_data_dir(Path(tmp))
        apps = {
            "bare PySide6 tray + qasync": subprocess.Popen(
                [sys.executable, str(BASELINE)], env=env
            ),
            "herstel --tray": subprocess.Popen(
                [sys.executable, "-m", "herstel", "--tray", "--data-dir", str(data)], env=env
            ),
        }
        if arguments.senses:
            apps["bare + every sense waiting"] = subprocess.Popen(
                [sys.executable, str(SENSES_APP)], env=env
            )
        try:
            time.sleep(SETTLE_SECONDS)  # start-up work is not idle work
            before = {name: (cpu_ns(p.pid), switches(p.pid)) for name, p in apps.items()}
            time.sleep(seconds)
            after = {name: (cpu_ns(p.pid), switches(p.pid)) for name, p in apps.items()}
            pss = {name: pss_mib(p.pid) for name, p in apps.items()}
        finally:
            for process in apps.values():
                process.kill()
                process.wait(timeout=10)
    print(f"idle in the tray over {seconds:.0f} s (after {SETTLE_SECONDS:.0f} s settling)")
    for name in apps:
        cpu_ms = (after[name][0] - before[name][0]) / 1e6
        wakeups = after[name][1] - before[name][1]
        print(
            f"  {name:28s} CPU {cpu_ms * 30 / seconds:8.3f} ms per 30 s   "
            f"context switches {wakeups * 60 / seconds:6.1f} per min   PSS {pss[name]:6.1f} MiB"
        )
    bare, ours, *senses = list(apps)
    print(f"  PSS ratio herstel / bare: {pss[ours] / pss[bare]:.2f} x   (budget ≤ 1.20 x)")
    for name in senses:
        print(f"  PSS the senses add to the bare app: {pss[name] - pss[bare]:+.1f} MiB")
    print("  budgets: CPU ≤ 1 ms per 30 s; at most one wake-up a minute")


if __name__ == "__main__":
    main()
