"""History budgets (DESIGN §10): with 100,000 sessions the view opens in < 300 ms and a
chart repaints in < 16 ms.

    .venv/bin/python bench/bench_history.py [--sessions 100000] [--days 120] [--repeat 5]

Fills a real database file (WAL, the app's schema) with realistic sessions —
``--days`` days of them, so 100,000 in 120 days is a dense worst case for the
per-day aggregates — and measures, offscreen, in this one process:

- open: construct ``HistoryWindow`` and show it until its first paint is done
  (median of ``--repeat`` fresh windows), for the EMPTY history (no database
  yet: the empty state) and the full one;
- chart repaint: p50/p99 of ``repaint()`` of each overview chart with the full
  data, alternating the hover highlight (the static picture comes from cache);
  and how long rebuilding that cache takes after a resize;
- overview: reading the overview's aggregates (done on a worker thread in the app);
- jump to the oldest row (``scrollToBottom`` and the paint that reads its rows),
  and back to the newest;
- sort by another column (Rhythm; and Change, which needs the checks joined):
  header click to the painted table.

Every figure is also printed as a ratio against opening the EMPTY history view
in the same run, so machines of different speed can be compared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from history_data import ZONE, fill_history

NOW = datetime(2026, 11, 25, 17, 30, tzinfo=ZONE)
SIZE = (1180, 820)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


class Bench:
    """Qt set up offscreen, and helpers that time something up to its paint."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QLocale, QObject
        from PySide6.QtWidgets import QApplication

        from herstel.core.clock import ManualClock
        from herstel.core.settings import Theme
        from herstel.ui.common.theme import apply_theme

        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        self.app = QApplication([])
        apply_theme(self.app, Theme.LIGHT)
        self.clock = ManualClock(NOW)
        paint = QEvent.Type.Paint

        class PaintSeen(QObject):
            def __init__(self) -> None:
                super().__init__()
                self.count = 0

            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == paint:
                    self.count += 1
                return False

        self.seen = PaintSeen()

    def until_painted(self, widget: Any, start: float, timeout: float = 10.0) -> float:
        """Process events until ``widget`` has been painted; seconds since ``start``."""
        before = self.seen.count
        widget.installEventFilter(self.seen)
        try:
            while self.seen.count == before:
                self.app.processEvents()
                if time.perf_counter() - start > timeout:
                    raise TimeoutError("no paint")
            self.app.processEvents()  # the rest of that paint pass
            return time.perf_counter() - start
        finally:
            widget.removeEventFilter(self.seen)

    def open_window(self, path: Path) -> tuple[Any, float]:
        from herstel.storage.history import HistoryStore
        from herstel.ui.history.window import HistoryWindow

        start = time.perf_counter()
        window = HistoryWindow(HistoryStore(path), self.clock)
        window.resize(*SIZE)
        window.show()
        took = self.until_painted(window, start)
        return window, took

    def close(self, window: Any) -> None:
        window.close()
        window.deleteLater()
        self.app.processEvents()

    def median_open(self, path: Path, repeat: int) -> float:
        times = []
        for _ in range(repeat):
            window, took = self.open_window(path)
            times.append(took)
            self.close(window)
        return statistics.median(times)


def timed(run: Callable[[], None], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--days", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--repaints", type=int, default=300)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    bench = Bench()
    from PySide6.QtCore import Qt

    from herstel.core.checkin import check_day
    from herstel.storage.history import HistoryStore, load_overview
    from herstel.ui.history.charts.base import Chart
    from herstel.ui.history.model import Column

    with tempfile.TemporaryDirectory(prefix="herstel-bench-history-") as tmp:
        full = Path(tmp) / "full" / "herstel.sqlite3"
        empty = Path(tmp) / "empty" / "herstel.sqlite3"
        start = time.perf_counter()
        fill_history(full, args.sessions, args.days, NOW)
        size_mib = full.stat().st_size / 2**20
        print(
            f"{args.sessions:,} sessions over {args.days} days: generated in "
            f"{time.perf_counter() - start:.1f} s ({size_mib:.0f} MiB)"
        )

        bench.close(bench.open_window(empty)[0])  # warm up: imports, fonts, style
        bench.close(bench.open_window(full)[0])
        empty_open = bench.median_open(empty, args.repeat)
        full_open = bench.median_open(full, args.repeat)
        rows: list[tuple[str, float, str]] = [
            ("open history view, EMPTY (baseline)", empty_open, ""),
            ("open history view, full", full_open, "< 300 ms"),
        ]

        window, _ = bench.open_window(full)
        table = window.table

        def jump(to_bottom: bool) -> float:
            start = time.perf_counter()
            if to_bottom:
                table.scrollToBottom()
            else:
                table.scrollToTop()
            return bench.until_painted(table.viewport(), start)

        bottom, top = [], []
        jump(False)
        for _ in range(args.repeat):
            bottom.append(jump(True))
            top.append(jump(False))
        rows.append(("jump to the oldest row + paint", statistics.median(bottom), ""))
        rows.append(("jump back to the newest + paint", statistics.median(top), ""))
        oldest = window.model.data(window.model.index(window.model.rowCount() - 1, 0))
        reads = window.model.page_reads

        def sort_by(column: int, order: Qt.SortOrder) -> float:
            start = time.perf_counter()
            table.horizontalHeader().setSortIndicator(column, order)
            return bench.until_painted(table.viewport(), start)

        for column, name in ((Column.PATTERN, "Rhythm"), (Column.CHANGE, "Change")):
            took = []
            for k in range(args.repeat):
                order = Qt.SortOrder.AscendingOrder if k % 2 else Qt.SortOrder.DescendingOrder
                took.append(sort_by(column, order))
                sort_by(Column.WHEN, Qt.SortOrder.DescendingOrder)
            rows.append((f"sort by {name} (click to painted)", statistics.median(took), ""))
        sort_by(Column.PATTERN, Qt.SortOrder.AscendingOrder)
        sorted_bottom = []
        for _ in range(args.repeat):
            if table.verticalScrollBar().value() != 0:
                jump(False)
            sorted_bottom.append(jump(True))
        rows.append(("  …then jump to its last row", statistics.median(sorted_bottom), ""))

        store = HistoryStore(full)
        today = check_day(NOW)
        overview_s = timed(lambda: load_overview(store, today))
        overview = load_overview(store, today)
        store.close()
        rows.append(("read the overview (worker thread)", overview_s, "off the UI thread"))

        window.set_overview(overview)
        window.show_overview()
        bench.until_painted(window, time.perf_counter())
        charts = window.findChildren(Chart)
        repaint: dict[str, list[float]] = {}
        rebuild: dict[str, list[float]] = {}
        for chart in charts:
            name = type(chart).__name__
            chart.repaint()
            samples = []
            for k in range(args.repaints):
                chart.set_hover(k % max(1, chart._items()) if k % 2 else None)
                start = time.perf_counter()
                chart.repaint()
                samples.append(time.perf_counter() - start)
            repaint[name] = samples
            builds = []
            for k in range(20):
                chart.resize(chart.width() + (1 if k % 2 else -1), chart.height())
                start = time.perf_counter()
                chart.repaint()
                builds.append(time.perf_counter() - start)
            rebuild[name] = builds
        all_repaints = [s for samples in repaint.values() for s in samples]
        rows.append(("chart repaint p50 (all charts)", statistics.median(all_repaints), ""))
        rows.append(("chart repaint p99 (all charts)", percentile(all_repaints, 0.99), "< 16 ms"))
        worst = max(rebuild, key=lambda n: percentile(rebuild[n], 0.99))
        rows.append(
            (f"chart cache rebuild p99 ({worst})", percentile(rebuild[worst], 0.99), "on resize")
        )
        bench.close(window)

    print()
    print(f"{'measure':44} {'ms':>9} {'× empty':>9}   budget")
    for name, seconds, budget in rows:
        print(f"{name:44} {seconds * 1e3:9.2f} {seconds / empty_open:9.2f}   {budget}")
    print()
    for name, samples in repaint.items():
        print(
            f"  {name:18} repaint p50 {statistics.median(samples) * 1e3:6.2f} ms, "
            f"p99 {percentile(samples, 0.99) * 1e3:6.2f} ms; cache rebuild p99 "
            f"{percentile(rebuild[name], 0.99) * 1e3:6.2f} ms"
        )
    print(f"\noldest row shown: {oldest}; pages read from SQL in total: {reads}")
    ok = full_open < 0.3 and percentile(all_repaints, 0.99) < 0.016
    print("budgets:", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
