"""The breathing shape: area follows volume, frames repaint only what changed."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPalette, QRegion
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from herstel.ui.common.theme import (
    DARK,
    HIGH_CONTRAST_DARK,
    HIGH_CONTRAST_LIGHT,
    Colors,
    build_palette,
)
from herstel.ui.session.breathing_view import (
    MIN_AREA_SHARE,
    MIN_EDGE_STEP,
    BreathingView,
    radius_for_volume,
)


class RecordingView(BreathingView):
    """Remembers the region of every paint event."""

    def __init__(self, *, reduced_motion: bool = False) -> None:
        super().__init__(reduced_motion=reduced_motion)
        self.painted: list[QRegion] = []

    def paintEvent(self, event: QPaintEvent) -> None:
        self.painted.append(QRegion(event.region()))
        super().paintEvent(event)


def area(region: QRegion) -> int:
    return sum(rect.width() * rect.height() for rect in region)


def shown(qtbot: QtBot, view: BreathingView, size: int = 600) -> BreathingView:
    qtbot.addWidget(view)
    view.resize(size, size)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(view.cache_ready)
    view.set_state(0.0, 0.0)
    return view


def screen_image(view: QWidget) -> QImage:
    """What is on screen now (the backing store), not a fresh full repaint."""
    image = view.screen().grabWindow(view.winId()).toImage()
    return image.convertToFormat(QImage.Format.Format_RGB32)


def test_area_is_linear_in_volume_and_radius_never_below_60_percent() -> None:
    max_radius = 200.0
    assert radius_for_volume(max_radius, 0.0) == pytest.approx(0.6 * max_radius)
    assert radius_for_volume(max_radius, 1.0) == pytest.approx(max_radius)
    for volume in (0.0, 0.1, 0.25, 0.5, 0.8, 1.0):
        share = (radius_for_volume(max_radius, volume) / max_radius) ** 2
        assert share == pytest.approx(MIN_AREA_SHARE + (1 - MIN_AREA_SHARE) * volume)
    assert radius_for_volume(max_radius, -1.0) == pytest.approx(0.6 * max_radius)
    assert radius_for_volume(max_radius, 2.0) == pytest.approx(max_radius)


def test_opaque_and_owns_no_timer(qtbot: QtBot) -> None:
    view = shown(qtbot, BreathingView())
    assert view.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    assert view.findChildren(QTimer) == []  # timing belongs to the session window


def test_a_frame_repaints_only_the_circles_bounds(qtbot: QtBot) -> None:
    view = RecordingView()
    shown(qtbot, view)
    widget_area = view.width() * view.height()
    centre = QPointF(view.width() / 2, view.height() / 2)
    drawn = view.current_radius()
    painted_frames = 0
    for frame in range(1, 251):  # a 4 s inhale at 62.5 frames a second
        view.set_state(0.5 - 0.5 * math.cos(math.pi * frame * 0.016 / 4.0), 0.0)
        dirty = view.last_dirty_region()
        radius = view.current_radius()
        if dirty.isEmpty():  # the edge moved by less than a quarter pixel: no paint
            assert abs(radius - drawn) < MIN_EDGE_STEP
            continue
        painted_frames += 1
        assert dirty.rectCount() == 1
        rect = dirty.boundingRect()
        # The union of the old and the new circle's bounds, with room for antialiasing.
        for r in (drawn, radius):
            assert rect.contains(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r).toRect())
        side = 2 * max(drawn, radius) + 8
        assert rect.width() <= side and rect.height() <= side
        assert area(dirty) < widget_area
        drawn = radius
    # Half-pixel steps: the slow ends of the breath need far fewer frames.
    assert 100 < painted_frames < 220, painted_frames

    view.painted.clear()
    view.set_state(0.3, 0.0)
    qtbot.waitUntil(lambda: bool(view.painted))
    view.painted.clear()
    view.set_state(0.31, 0.0)
    qtbot.waitUntil(lambda: bool(view.painted))
    painted = view.painted[-1]  # what Qt really repainted: the circle's bounds only
    assert painted == view.last_dirty_region()
    assert area(painted) < 0.6 * widget_area


def test_no_repaint_when_nothing_visible_changes(qtbot: QtBot) -> None:
    view = shown(qtbot, BreathingView())
    view.set_state(0.4, 0.25)
    view.set_state(0.4 + 1e-7, 0.25 + 1e-7)
    assert view.last_dirty_region().isEmpty()


def test_the_ring_repaints_only_per_pixel_of_arc(qtbot: QtBot) -> None:
    view = shown(qtbot, BreathingView())
    view.set_state(0.0, 0.3)
    ring_circumference = 2 * math.pi * view.ring_radius()
    tiny = 0.2 / ring_circumference  # a fifth of a pixel of arc
    view.set_state(0.0, 0.3 + tiny)
    assert view.last_dirty_region().isEmpty()
    view.set_state(0.0, 0.3 + 5 / ring_circumference)
    dirty = view.last_dirty_region()
    assert not dirty.isEmpty()
    assert area(dirty) < 30 * 30


def _breath(step: int) -> float:
    return 0.5 - 0.5 * math.cos(step / 15)  # grows, shrinks and grows again, unevenly


SCENES = {
    # Edge-only frames take the quick path (a flat wipe, no copy)...
    "edge-only": (_breath, lambda step: 0.25, 120),
    # ...frames where the ring grows too repaint from the cached background...
    "with-ring": (_breath, lambda step: step / 300, 120),
    # ...also where a large circle's box reaches the ring (near the diagonals) and
    # both change in the same frame.
    "ring-at-the-edge-box": (lambda step: 0.6 + 0.37 * step / 39, lambda s: 0.125 + 0.0008 * s, 40),
}


@pytest.mark.parametrize("reduced", [False, True], ids=["moving", "reduced"])
@pytest.mark.parametrize("scene", SCENES.values(), ids=SCENES.keys())
def test_incremental_frames_paint_exactly_what_a_full_repaint_would(
    qtbot: QtBot,
    reduced: bool,
    scene: tuple[Callable[[int], float], Callable[[int], float], int],
) -> None:
    volume, progress, steps = scene
    view = RecordingView(reduced_motion=reduced)
    shown(qtbot, view, 400)
    view.painted.clear()
    for step in range(steps):
        view.set_state(volume(step), progress(step))
        QApplication.processEvents()  # one paint per frame, as on screen
    assert len(view.painted) > steps * 0.8  # frame by frame, not one merged repaint
    qtbot.wait(5)
    incremental = screen_image(view)
    fresh = shown(qtbot, BreathingView(reduced_motion=reduced), 400)
    fresh.set_state(view.volume(), progress(steps - 1))
    qtbot.wait(5)
    assert incremental == screen_image(fresh)


def test_a_grab_between_frames_does_not_confuse_the_next_frame(qtbot: QtBot) -> None:
    """A screenshot (a full render elsewhere) in between must not stand for the screen."""
    view = shown(qtbot, BreathingView(), 400)
    view.set_state(1.0, 0.25)
    QApplication.processEvents()
    view.set_state(0.96, 0.25)  # shrinks; the frame is pending...
    view.grab()  # ...when something renders the view to a pixmap
    QApplication.processEvents()
    for step in range(10):
        view.set_state(0.96 - 0.01 * step, 0.25)
        QApplication.processEvents()
    qtbot.wait(5)
    fresh = shown(qtbot, BreathingView(), 400)
    fresh.set_state(view.volume(), 0.25)
    qtbot.wait(5)
    assert screen_image(view) == screen_image(fresh)


def test_reduced_motion_keeps_the_size_and_fills_instead(qtbot: QtBot) -> None:
    view = shown(qtbot, BreathingView(reduced_motion=True))
    radii, levels = set(), set()
    for step in range(10):
        view.set_state(step / 9, 0.0)
        radii.add(view.current_radius())
        levels.add(round(view.current_level(), 6))
        dirty = view.last_dirty_region()
        if step:
            # A band across the circle, never the whole widget.
            assert dirty.boundingRect().height() < view.height() / 4
    assert len(radii) == 1
    assert len(levels) == 10
    assert min(levels) > 0 and max(levels) < 1

    view.set_reduced_motion(False)
    view.set_state(0.0, 0.0)
    small = view.current_radius()
    view.set_state(1.0, 0.0)
    assert view.current_radius() > small


def test_follows_a_palette_change(qtbot: QtBot) -> None:
    view = shown(qtbot, BreathingView(), 300)
    view.setPalette(build_palette(DARK))
    qtbot.wait(5)
    image = screen_image(view)
    assert image.pixelColor(2, 2) == QColor(DARK.background)


@pytest.mark.parametrize("colors", [HIGH_CONTRAST_LIGHT, HIGH_CONTRAST_DARK], ids=["light", "dark"])
def test_draws_with_the_high_contrast_colours(qtbot: QtBot, colors: Colors) -> None:
    view = shown(qtbot, BreathingView(), 300)
    view.setPalette(build_palette(colors))
    view.set_state(1.0, 0.0)
    qtbot.wait(5)
    image = screen_image(view)
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert image.pixelColor(2, 2) == QColor(colors.background)
    assert centre == QColor(colors.shape)


def test_paints_on_a_hidpi_pixmap(qtbot: QtBot) -> None:
    view = BreathingView()
    qtbot.addWidget(view)
    view.resize(200, 200)
    view.set_state(0.5, 0.5)
    image = QImage(400, 400, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(2.0)
    image.fill(0)
    painter = QPainter(image)
    view.render(painter, QPoint())
    painter.end()
    centre = image.pixelColor(200, 200)
    corner = image.pixelColor(4, 4)
    assert centre != corner  # the circle is drawn over the background
    assert corner == view.palette().color(QPalette.ColorRole.Window)
