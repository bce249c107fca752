"""Breathing animation cost: Herstel's session window against naive full repaints.

    .venv/bin/python bench/bench_breathing.py [--seconds 20] [--xvfb] [--edge-step PX]

Runs, one after the other in this process, for ``--seconds`` each:

(a) NAIVE circle — the budget's baseline: a 600×600 window that repaints the
    whole window on every 16 ms tick and draws the same breathing circle (same
    rhythm, size and colour, antialiased) with no caching at all;
(b) NAIVE scene — for scale: a window the size of Herstel's session window
    that repaints everything Herstel shows (background, the soft full-breath
    disc, the progress ring and arc, the circle) on every tick, without caching;
(c) Herstel — a real ``SessionWindow`` over a ``SessionRun`` on the real
    ``SystemClock``, its ``BreathingView`` sized 600×600, driven by the window's
    own frame timer (measured after the get-ready countdown).

For each it prints process CPU time per second of wall time (``time.process_time``
deltas), paint time p50 and p99 (time inside ``paintEvent``), paints and frame
wake-ups per second, the frame interval p99.9, the p99 lateness of the frame
callbacks against the 16 ms grid on the monotonic clock, and the edge error; then
Herstel's figures against the budgets of DESIGN §10: CPU ≤ 0.5 × naive (a), paint
p99 ≤ 1 ms, frame interval p99.9 ≤ 25 ms, lateness < 1 frame.

Herstel wakes only for frames that show something new: its frame timer is re-armed
by each frame for the first slot of its 16 ms grid at which the edge will have
moved by ``MIN_EDGE_STEP`` device pixels (or the ring by one, or a text changes),
so both its wake-ups and its paints are fewer than the naive 62.5 a second by
design. Hence the frame interval is taken between the paints of callbacks in
back-to-back slots that both painted (where every frame was due), and, so that
skipped slots cannot hide late or missing frames, the bench also prints the edge
error: every 2 ms, how far the edge on screen (the last paint) is from where the
rhythm puts it at that moment, in device pixels — for the naive circle that is the
movement within one frame, for Herstel at most that plus the half-pixel step. A
stutter of one frame at full speed would add about a pixel. Finally the largest
jump of the edge between two painted frames (about one pixel or less: smooth).

Every run is instrumented the same way, with one timestamp per callback and one
per paint appended to a list (no Qt calls, nothing computed while measuring), so
the ratios compare like with like. The machine may be busy with other work:
repeat runs and compare the ratios within one run. On a virtual machine the
"stolen" column is the time the host gave the machine's CPUs to others during
each run (``/proc/stat``): where it is high, the paint tails are the host's.

``--xvfb`` runs on a private Xvfb (a real X11 backing store and flush) and also
reports the X server's CPU. Without a display Qt draws offscreen. ``--edge-step``
overrides ``breathing_view.MIN_EDGE_STEP`` (device pixels the circle's edge must
move before Herstel repaints) to show that trade-off.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FRAME_MS = 16
SIZE = 600


@dataclass
class Samples:
    """What the instrumented callbacks append: as little as possible, the same for all."""

    paint_ms: list[float] = field(default_factory=list)
    paint_ns: list[int] = field(default_factory=list)  # when each paint began
    paint_area: list[int] = field(default_factory=list)  # logical pixels each paint covered
    paint_edge: list[float] = field(default_factory=list)  # the edge drawn (device px)
    tick_ns: list[int] = field(default_factory=list)

    def clear(self) -> None:
        self.paint_ms.clear()
        self.paint_ns.clear()
        self.paint_area.clear()
        self.paint_edge.clear()
        self.tick_ns.clear()


@dataclass
class Result:
    name: str
    cpu_per_second_ms: float
    paint_p50_ms: float
    paint_p99_ms: float
    paints_per_second: float
    lateness_p99_ms: float
    ticks_per_second: float
    server_cpu_per_second_ms: float | None
    steal_per_second_ms: float | None
    moving_interval_p999_ms: float
    edge_jump_max_px: float | None
    position_error_max_px: float | None
    position_error_p999_px: float | None
    mean_dirty_share: float | None


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, math.ceil(q / 100 * len(ordered)) - 1))
    return ordered[index]


def lateness_ms(ticks_ns: list[int]) -> list[float]:
    """How late each callback fired against t0 + k·16 ms (k = the nearest slot)."""
    if not ticks_ns:
        return []
    t0 = ticks_ns[0]
    interval = FRAME_MS * 1_000_000
    result = []
    for t in ticks_ns:
        slot = math.floor((t - t0) / interval + 0.5)
        result.append((t - (t0 + slot * interval)) / 1e6)
    return result


def moving_intervals_ms(ticks_ns: list[int], paints_ns: list[int]) -> list[float]:
    """Intervals between the paints of frame callbacks in back-to-back slots that both painted.

    A frame callback "painted" when a paint began before the next callback. Where
    callbacks in two neighbouring 16 ms slots both painted, the shape was moving by
    a visible step each frame, so the time between those two paints is a produced
    frame interval: this is the frame interval of the budget. Slots without a
    callback or without a paint had nothing to show (the edge moved less than the
    step); that nothing due was left out is what the position error checks.
    """
    result: list[float] = []
    painted: list[int | None] = []
    j = 0
    for k, tick in enumerate(ticks_ns):
        end = ticks_ns[k + 1] if k + 1 < len(ticks_ns) else None
        while j < len(paints_ns) and paints_ns[j] < tick:
            j += 1
        first = paints_ns[j] if j < len(paints_ns) else None
        painted.append(first if first is not None and (end is None or first < end) else None)
    slot = FRAME_MS * 1_000_000
    for k, (a, b) in enumerate(itertools.pairwise(painted)):
        if a is None or b is None:
            continue
        if ticks_ns[k + 1] - ticks_ns[k] <= slot * 3 // 2:
            result.append((b - a) / 1e6)
    return result


def position_errors_px(
    paints_ns: list[int], drawn: list[float], ideal: Callable[[int], float]
) -> list[float]:
    """How far the shown edge is from where the rhythm puts it, every 2 ms, in device px.

    Between two paints the screen shows the earlier one; ``ideal`` is the edge the
    rhythm gives at that moment. A late or missing frame shows up as a large error,
    whether or not a callback ran: this is the smoothness check that does not care
    how many wake-ups it took.
    """
    if len(paints_ns) < 2:
        return []
    errors: list[float] = []
    step = 2_000_000
    j = 0
    t = paints_ns[0]
    while t < paints_ns[-1]:
        while j + 1 < len(paints_ns) and paints_ns[j + 1] <= t:
            j += 1
        errors.append(abs(ideal(t) - drawn[j]))
        t += step
    return errors


def server_ticks(pid: int | None) -> int | None:
    if pid is None:
        return None
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks


def steal_ticks() -> int | None:
    """The machine's stolen CPU time so far (a virtual machine's host running others)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
    except OSError:
        return None
    return int(fields[8]) if len(fields) > 8 else None


def run_phase(
    name: str,
    seconds: float,
    samples: Samples,
    start: Callable[[], None],
    stop: Callable[[], None],
    server_pid: int | None,
    settle_seconds: float = 1.0,
    ideal: Callable[[], Callable[[int], float]] | None = None,
) -> Result:
    from PySide6.QtCore import QEventLoop, QTimer

    start()
    # Settle: first paints, pixmap caches, fonts (and Herstel's get-ready countdown).
    settle = QEventLoop()
    QTimer.singleShot(round(settle_seconds * 1000), settle.quit)
    settle.exec()
    samples.clear()

    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    server_before = server_ticks(server_pid)
    steal_before = steal_ticks()
    cpu_before, wall_before = time.process_time(), time.monotonic()
    loop.exec()
    cpu_after, wall_after = time.process_time(), time.monotonic()
    steal_after = steal_ticks()
    server_after = server_ticks(server_pid)
    errors = (
        position_errors_px(samples.paint_ns, samples.paint_edge, ideal())
        if ideal is not None
        else []
    )
    stop()

    wall = wall_after - wall_before
    ticks = samples.tick_ns
    jumps = [abs(b - a) for a, b in itertools.pairwise(samples.paint_edge) if b != a]
    area = samples.paint_area
    server = None
    if server_before is not None and server_after is not None:
        server = (server_after - server_before) / os.sysconf("SC_CLK_TCK") * 1000 / wall
    steal = None
    if steal_before is not None and steal_after is not None:
        steal = (steal_after - steal_before) / os.sysconf("SC_CLK_TCK") * 1000 / wall
    return Result(
        name=name,
        cpu_per_second_ms=(cpu_after - cpu_before) * 1000 / wall,
        paint_p50_ms=percentile(samples.paint_ms, 50),
        paint_p99_ms=percentile(samples.paint_ms, 99),
        paints_per_second=len(samples.paint_ms) / wall,
        lateness_p99_ms=percentile(lateness_ms(ticks), 99),
        ticks_per_second=len(ticks) / wall,
        server_cpu_per_second_ms=server,
        steal_per_second_ms=steal,
        moving_interval_p999_ms=percentile(moving_intervals_ms(ticks, samples.paint_ns), 99.9),
        edge_jump_max_px=max(jumps) if jumps else None,
        position_error_max_px=max(errors) if errors else None,
        position_error_p999_px=percentile(errors, 99.9) if errors else None,
        mean_dirty_share=(sum(area) / (len(ticks) * SIZE * SIZE)) if ticks and area else None,
    )


def bench(seconds: float, server_pid: int | None, edge_step: float | None) -> None:
    from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
    from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen, QRadialGradient
    from PySide6.QtWidgets import QApplication, QWidget

    from herstel.core.clock import SystemClock
    from herstel.core.rhythm import Pattern, SessionPlan
    from herstel.core.session import COUNTDOWN_SECONDS, SessionRun
    from herstel.core.settings import Theme
    from herstel.platform.screensaver import ScreenSaverInhibitor
    from herstel.ui.common.theme import LIGHT, apply_theme
    from herstel.ui.session import breathing_view, frame_pacer
    from herstel.ui.session import window as session_window
    from herstel.ui.session.breathing_view import radius_for_volume

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_theme(app, Theme.LIGHT)
    if edge_step is not None:
        breathing_view.MIN_EDGE_STEP = edge_step  # type: ignore[misc]
    plan = SessionPlan.from_minutes(Pattern(4, 6), 20)

    # --- Herstel (built first, to size the naive scene like its window) -----------
    herstel_samples = Samples()
    view_class = breathing_view.BreathingView
    original_paint = view_class.paintEvent
    window_class = session_window.SessionWindow
    pacer_class = frame_pacer.FramePacer
    original_frame = pacer_class._frame

    def timed_paint(self: breathing_view.BreathingView, event: QPaintEvent) -> None:
        herstel_samples.paint_ns.append(time.monotonic_ns())
        t = time.perf_counter()
        original_paint(self, event)
        herstel_samples.paint_ms.append((time.perf_counter() - t) * 1000)
        rect = event.rect()
        herstel_samples.paint_area.append(rect.width() * rect.height())
        herstel_samples.paint_edge.append(self._edge * self._layer_dpr)

    def timed_frame(self: frame_pacer.FramePacer) -> None:
        herstel_samples.tick_ns.append(time.monotonic_ns())
        original_frame(self)

    # The frame timer's slot is bound when the window is built, so patch first.
    view_class.paintEvent = timed_paint  # type: ignore[method-assign]
    pacer_class._frame = timed_frame  # type: ignore[method-assign]

    class NoScreenSaver(ScreenSaverInhibitor):
        def inhibit(self) -> None:
            pass

    window = window_class(SessionRun(plan, SystemClock()), inhibitor=NoScreenSaver())
    window.ensurePolished()
    window.show()
    app.processEvents()
    # Make the breathing view exactly 600×600, like the naive circle.
    window.resize(
        window.width() + SIZE - window.view.width(), window.height() + SIZE - window.view.height()
    )
    app.processEvents()
    window_size = QSize(window.size())
    window.hide()
    view_offset = window.view.mapTo(window, window.view.rect().topLeft())

    # --- the naive baselines -----------------------------------------------------
    naive_samples = Samples()

    class Naive(QWidget):
        """Repaints the whole window every frame and draws everything from scratch."""

        def __init__(self, size: QSize, scene: bool) -> None:
            super().__init__()
            self.resize(size)
            self.scene = scene
            self.clock = SystemClock()
            self.start = self.clock.monotonic()
            self.volume = 0.0
            self.progress = 0.0
            self.timer = QTimer(self)
            self.timer.setTimerType(Qt.TimerType.PreciseTimer)
            self.timer.setInterval(FRAME_MS)
            self.timer.timeout.connect(self.tick)

        def tick(self) -> None:
            naive_samples.tick_ns.append(time.monotonic_ns())
            state = plan.state_at(self.clock.monotonic() - self.start)
            self.volume, self.progress = state.volume, state.session_progress
            self.update()

        def paintEvent(self, event: QPaintEvent) -> None:
            naive_samples.paint_ns.append(time.monotonic_ns())
            t = time.perf_counter()
            painter = QPainter(self)
            painter.fillRect(self.rect(), QColor(LIGHT.background))
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            if self.scene:
                centre = QPointF(view_offset.x() + SIZE / 2, view_offset.y() + SIZE / 2)
                ring = SIZE / 2 - 9.0
                reach = ring - SIZE * 0.035
                halo = QRadialGradient(centre, reach + SIZE * 0.021)
                halo.setColorAt(0.0, QColor(LIGHT.shape_guide))
                halo.setColorAt(0.95, QColor(LIGHT.shape_guide))
                halo.setColorAt(1.0, QColor(LIGHT.background))
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(halo))
                painter.drawEllipse(centre, reach + SIZE * 0.021, reach + SIZE * 0.021)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(QColor(LIGHT.track), 3.0))
                painter.drawEllipse(centre, ring, ring)
                painter.setPen(QPen(QColor(LIGHT.accent), 3.0))
                box = QRectF(centre.x() - ring, centre.y() - ring, 2 * ring, 2 * ring)
                painter.drawArc(box, 90 * 16, -round(self.progress * 360 * 16))
            else:
                centre = QPointF(self.width() / 2, self.height() / 2)
                reach = SIZE / 2 - 9.0 - SIZE * 0.035
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(LIGHT.shape))
            radius = radius_for_volume(reach, self.volume)
            painter.drawEllipse(centre, radius, radius)
            painter.end()
            naive_samples.paint_ms.append((time.perf_counter() - t) * 1000)
            naive_samples.paint_area.append(self.width() * self.height())
            naive_samples.paint_edge.append(radius)

    def naive_phase(name: str, size: QSize, scene: bool) -> Result:
        widget = Naive(size, scene)

        def start() -> None:
            widget.show()
            widget.timer.start()

        def stop() -> None:
            widget.timer.stop()
            widget.close()

        def ideal() -> Callable[[int], float]:
            reach = SIZE / 2 - 9.0 - SIZE * 0.035
            return lambda t_ns: radius_for_volume(
                reach, plan.state_at(t_ns / 1e9 - widget.start).volume
            )

        return run_phase(name, seconds, naive_samples, start, stop, server_pid, ideal=ideal)

    results = [
        naive_phase("(a) naive circle", QSize(SIZE, SIZE), scene=False),
        naive_phase("(b) naive scene", window_size, scene=True),
    ]

    def herstel_start() -> None:
        window.show()

    def herstel_stop() -> None:
        window.close()

    def herstel_ideal() -> Callable[[int], float]:
        base = window.run.monotonic_at(0.0)
        assert base is not None, "the run must be breathing, unpaused"
        view = window.view
        scale = view.max_radius() * view.devicePixelRatioF()
        return lambda t_ns: radius_for_volume(scale, plan.state_at(t_ns / 1e9 - base).volume)

    results.append(
        run_phase(
            "(c) herstel",
            seconds,
            herstel_samples,
            herstel_start,
            herstel_stop,
            server_pid,
            settle_seconds=COUNTDOWN_SECONDS + 1.0,  # measure the breathing, not "Get ready"
            ideal=herstel_ideal,
        )
    )
    view_class.paintEvent = original_paint  # type: ignore[method-assign]
    pacer_class._frame = original_frame  # type: ignore[method-assign]

    print(
        f"breathing animation, {seconds:g} s each, platform {QApplication.platformName()}, "
        f"4-6 rhythm, edge step {breathing_view.MIN_EDGE_STEP:g} px"
    )
    print(
        f"  windows: (a) {SIZE}×{SIZE}; (b) and (c) {window_size.width()}×{window_size.height()}"
        f" with the circle in a {SIZE}×{SIZE} area"
    )
    header = (
        f"  {'':18} {'CPU ms/s':>9} {'paint p50':>10} {'paint p99':>10} {'paints/s':>9} "
        f"{'wake-ups/s':>11} {'frame p99.9':>12} {'late p99':>9} {'edge error':>11}"
    )
    header += f" {'stolen ms/s':>12}"
    if server_pid is not None:
        header += f" {'X server ms/s':>14}"
    print(header)
    for r in results:
        error = r.position_error_max_px
        line = (
            f"  {r.name:18} {r.cpu_per_second_ms:9.2f} {r.paint_p50_ms:8.3f}ms "
            f"{r.paint_p99_ms:8.3f}ms {r.paints_per_second:9.1f} {r.ticks_per_second:11.1f} "
            f"{r.moving_interval_p999_ms:10.2f}ms {r.lateness_p99_ms:7.2f}ms "
            + (f"{error:8.2f} px" if error is not None else f"{'':>11}")
        )
        steal = r.steal_per_second_ms
        line += f" {steal:12.1f}" if steal is not None else f" {'':>12}"
        if r.server_cpu_per_second_ms is not None:
            line += f" {r.server_cpu_per_second_ms:14.2f}"
        print(line)
    circle, scene, herstel = results
    ratio = herstel.cpu_per_second_ms / circle.cpu_per_second_ms
    print(f"  CPU herstel / naive circle (a)  : {ratio:6.2f} x   (budget ≤ 0.50 x)")
    print(
        f"  CPU herstel / naive scene (b)   : "
        f"{herstel.cpu_per_second_ms / scene.cpu_per_second_ms:6.2f} x"
    )
    if server_pid is not None and circle.server_cpu_per_second_ms:
        total = (herstel.cpu_per_second_ms + (herstel.server_cpu_per_second_ms or 0.0)) / (
            circle.cpu_per_second_ms + circle.server_cpu_per_second_ms
        )
        print(f"  CPU incl. X server, (c) / (a)   : {total:6.2f} x")
    print(
        f"  herstel paint p99               : {herstel.paint_p99_ms:6.3f} ms (budget ≤ 1 ms;"
        f" {herstel.paint_p99_ms / circle.paint_p99_ms:.2f} x the naive circle's p99,"
        f" p50 {herstel.paint_p50_ms / circle.paint_p50_ms:.2f} x)"
    )
    print(
        f"  herstel frame interval p99.9    : {herstel.moving_interval_p999_ms:6.2f} ms"
        " (budget ≤ 25 ms; between the paints of frames due in back-to-back slots)"
    )
    print(
        f"  herstel wake-ups                : {herstel.ticks_per_second:6.1f} /s"
        f" (naive {circle.ticks_per_second:.1f}; none where a frame would draw nothing new)"
    )
    if herstel.position_error_max_px is not None and circle.position_error_max_px is not None:
        print(
            f"  herstel edge error, max / p99.9 : {herstel.position_error_max_px:6.2f} /"
            f" {herstel.position_error_p999_px or 0.0:.2f} device px from where the rhythm"
            f" puts it (naive {circle.position_error_max_px:.2f} /"
            f" {circle.position_error_p999_px or 0.0:.2f}; a late or missing frame shows here)"
        )
    if herstel.edge_jump_max_px is not None:
        print(
            f"  herstel edge jump, max          : {herstel.edge_jump_max_px:6.2f} device px"
            " between painted frames (smooth: about 1 or less)"
        )
    print(
        f"  herstel callback lateness p99   : {herstel.lateness_p99_ms:6.2f} ms "
        f"(budget < {FRAME_MS} ms)"
    )
    if herstel.mean_dirty_share is not None:
        share = herstel.mean_dirty_share * 100
        print(
            f"  herstel painted area, mean/tick : {share:6.2f} % of the view"
            " (naive: 100 %; 0 when nothing changed)"
        )


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    if shutil.which("Xvfb") is None:
        raise SystemExit("bench: --xvfb needs Xvfb (apt-get install xvfb)")
    with tempfile.TemporaryFile() as display_file:
        process = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(display_file.fileno()),
                "-screen",
                "0",
                "1280x1024x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(display_file.fileno(),),
            stderr=subprocess.DEVNULL,
        )
        while os.fstat(display_file.fileno()).st_size == 0:
            time.sleep(0.01)
        display_file.seek(0)
        return process, ":" + display_file.read().decode().strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each run")
    parser.add_argument("--xvfb", action="store_true", help="run on a private Xvfb display")
    parser.add_argument("--edge-step", type=float, default=None, help="override MIN_EDGE_STEP")
    args = parser.parse_args()
    server: subprocess.Popen[bytes] | None = None
    if args.xvfb:
        server, display = start_xvfb()
        os.environ["DISPLAY"] = display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        os.environ.pop("WAYLAND_DISPLAY", None)
    elif not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        bench(args.seconds, server.pid if server is not None else None, args.edge_step)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=5)


if __name__ == "__main__":
    main()
