"""The breathing shape: a soft circle whose area follows the lung volume.

The view only draws what it is told through ``set_state``; it owns no timer
and knows nothing of phases, so the rhythm stays exact in ``herstel.core``.

Drawing is cheap by construction (DESIGN §10):

- what does not move (the background, the faint disc showing a full breath,
  the progress ring's track and the arc drawn so far) lives in pixmaps the size
  of the widget at its device pixel ratio, rebuilt only on resize, palette,
  screen or mode change;
- a frame asks Qt to repaint only the union of the circle's old and new bounds
  (one rectangle; a complex region would cost more to clip than it saves);
  the view is opaque, so nothing behind it is painted;
- a frame in which the edge moves by less than half a device pixel (the
  turn of a breath, holds) repaints nothing;
- the progress ring grows into the cached pixmap a device pixel of arc at a
  time, copied from a pre-drawn complete ring through a thin sector, so it is
  pixel-identical to drawing it in one go, and only that sector is repainted.

Area, not radius, follows the volume: ``area = A_min + (A_max − A_min)·v`` with
``A_min = 0.36·A_max``, so the radius never falls below 60 % of its maximum.

The reduced-motion variant keeps one fixed-size circle and lets its fill level
rise and fall with the volume, like water in a glass: no size change at all.
"""

from __future__ import annotations

import math
from typing import Final

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
    QRadialGradient,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from herstel.ui.common.theme import PALETTES, Colors

MIN_AREA_SHARE: Final = 0.36
"""A_min / A_max: at empty lungs the circle keeps 36 % of its area (60 % of its radius)."""

REDUCED_RADIUS_SHARE: Final = 0.8
"""The reduced-motion circle's radius as a share of the largest moving circle."""

LEVEL_EMPTY: Final = 0.08
LEVEL_FULL: Final = 0.92
"""The reduced-motion fill level at empty and full lungs (never quite empty or brim-full)."""

MIN_EDGE_STEP: Final = 0.5
"""Device pixels the edge must move before a frame is worth painting.

Antialiasing draws the edge at half-pixel positions smoothly, so nothing is
lost to the eye, while the slow ends of each breath and the holds need far
fewer repaints: for a 4-6 rhythm about 30 a second instead of 60."""

_EDGE_MARGIN: Final = 2
"""Logical pixels around an edge that antialiasing may touch."""

_RING_WIDTH: Final = 3.0

_WIPE_MARGIN: Final = 2.0
"""Logical pixels beyond the larger of the old and new edge that a frame wipes.

Antialiasing touches pixels whose centres lie up to 0.71 device pixels outside
the edge; the wipe (drawn without antialiasing) sets every pixel whose centre is
inside it, so it clears the old edge and leaves the pixels beyond as they were.
The rest is slack for an edge known only to within its box's rounding (< 1 px),
and it stays inside the repainted box (``_EDGE_MARGIN``)."""

_FLAT_MARGIN: Final = 3.0
"""Logical pixels beyond the largest circle where the full-breath disc is still flat."""

# Looked up once: every frame that moves uses them, and each enum lookup costs.
_ANTIALIASING: Final = QPainter.RenderHint.Antialiasing
_NO_PEN: Final = Qt.PenStyle.NoPen


def radius_for_volume(max_radius: float, volume: float) -> float:
    """The circle's radius at ``volume`` (0–1): its area is linear in the volume."""
    v = min(max(volume, 0.0), 1.0)
    return max_radius * math.sqrt(MIN_AREA_SHARE + (1.0 - MIN_AREA_SHARE) * v)


def level_for_volume(volume: float) -> float:
    """The reduced-motion fill level (share of the circle's height) at ``volume``."""
    v = min(max(volume, 0.0), 1.0)
    return LEVEL_EMPTY + (LEVEL_FULL - LEVEL_EMPTY) * v


def _unit(value: float) -> float:
    """``value`` held to 0–1."""
    return 0.0 if value < 0.0 else 1.0 if value > 1.0 else value


def _mix(a: QColor, b: QColor, share_of_a: float) -> QColor:
    s = min(max(share_of_a, 0.0), 1.0)
    return QColor.fromRgbF(
        a.redF() * s + b.redF() * (1 - s),
        a.greenF() * s + b.greenF() * (1 - s),
        a.blueF() * s + b.blueF() * (1 - s),
    )


def colors_from_palette(palette: QPalette) -> Colors:
    """The view's colours from a widget palette (the app theme sets it)."""
    background = palette.color(QPalette.ColorRole.Window)
    accent = palette.color(QPalette.ColorRole.Highlight)
    text = palette.color(QPalette.ColorRole.WindowText)
    for known in PALETTES.values():  # light, dark and their high-contrast twins
        if (
            background.name().upper() == known.background.upper()
            and accent.name().upper() == known.accent.upper()
        ):
            return known
    # Someone else's palette (no Herstel theme applied): derive soft tints from it.
    dark = background.lightnessF() < 0.5
    return Colors(
        background=background.name(),
        surface=palette.color(QPalette.ColorRole.Base).name(),
        surface_hover=palette.color(QPalette.ColorRole.AlternateBase).name(),
        text=text.name(),
        text_muted=palette.color(QPalette.ColorRole.PlaceholderText).name(),
        accent=accent.name(),
        accent_hover=accent.name(),
        on_accent=palette.color(QPalette.ColorRole.HighlightedText).name(),
        border=palette.color(QPalette.ColorRole.Mid).name(),
        shape=_mix(accent, background, 0.62 if dark else 0.52).name(),
        shape_guide=_mix(accent, background, 0.07 if dark else 0.08).name(),
        track=_mix(text, background, 0.1).name(),
    )


class BreathingView(QWidget):
    """A calm breathing circle with a thin session-progress ring around it."""

    def __init__(self, parent: QWidget | None = None, *, reduced_motion: bool = False) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 160)
        # The shape is decoration; the phase word beside it is what is read out.
        self.setAccessibleName(self.tr("Breathing guide"))
        self._reduced = reduced_motion
        self._volume = 0.0
        self._progress = 0.0
        self._colors = colors_from_palette(self.palette())
        self._shape_brush = QBrush(QColor(self._colors.shape))
        self._layer: QPixmap | None = None  # background + ring so far: what a frame blits
        self._base: QPixmap | None = None  # background and track, without the progress arc
        self._full_ring: QPixmap | None = None  # background with the whole ring done
        self._layer_dpr = 0.0
        self._ring_steps = 0  # drawn arc length of the progress ring, in device pixels
        self._edge = 0.0  # drawn radius (moving) or water-line y (reduced), logical px
        self._dirty: tuple[_Box, ...] = ()  # what the last frame asked to repaint
        # What the screen shows since the last paint: the edge drawn then (None: not
        # known, e.g. before the first paint), and whether the ring grew since. A paint of
        # exactly the box spanning that edge and the new one, with the ring unchanged,
        # needs no copy of the background, only a flat disc and the new circle.
        self._shown_edge: float | None = None
        self._ring_grew = False
        self._guide_brush = QBrush(QColor(self._colors.shape_guide))
        self._ring_scale = 0.0  # device pixels of arc for the whole session
        self._geometry = _Geometry(QSize(0, 0), reduced_motion)

    # --- what the session window uses -------------------------------------------

    def set_state(self, volume: float, session_progress: float) -> None:
        """Show ``volume`` (0–1) and the session's progress (0–1); repaints what changed."""
        # Called on every frame: a frame in which nothing visible moves costs a few
        # comparisons, no allocations and no calls into Qt.
        volume = _unit(volume)
        progress = _unit(session_progress)
        self._volume = volume
        self._progress = progress
        if self._layer is None:  # resizes and palette changes drop the layer
            self._dirty = ((0, 0, self.width(), self.height()),)
            self.update()  # the first paint builds the layers
            return
        edge, edge_due, steps = self._change(volume, progress)
        if not edge_due and steps == self._ring_steps:
            if self._dirty:
                self._dirty = ()
            return
        dirty: tuple[_Box, ...] = ()
        if edge_due:
            box = self._edge_box(self._edge, edge)
            self._edge = edge
            dirty = (box,)
            self.update(*box)  # four ints: a QRect would cost a conversion
        if steps != self._ring_steps:
            self._ring_grew = True
            rect = self._grow_ring(steps)
            box = (rect.x(), rect.y(), rect.width(), rect.height())
            dirty += (box,)
            self.update(*box)
        self._dirty = dirty

    def would_repaint(self, volume: float, session_progress: float) -> bool:
        """Whether ``set_state(volume, session_progress)`` would repaint anything now.

        The session window asks this about frames to come, to sleep through the
        ones that would draw nothing (the same test ``set_state`` makes, no side
        effects). A hidden view never needs a frame.
        """
        if not self.isVisible():  # eyes-closed mode hides the view before it ever paints
            return False
        if self._layer is None:
            return True
        _, edge_due, steps = self._change(_unit(volume), _unit(session_progress))
        return edge_due or steps != self._ring_steps

    def set_reduced_motion(self, reduced: bool) -> None:
        """Swap between the growing circle and the fixed circle that fills."""
        if reduced != self._reduced:
            self._reduced = reduced
            self._invalidate()

    def reduced_motion(self) -> bool:
        return self._reduced

    # --- read-only views for tests and the benchmark ----------------------------

    def volume(self) -> float:
        return self._volume

    def current_radius(self) -> float:
        """The radius of the circle at the current volume (constant with reduced motion)."""
        if self._reduced:
            return self._geometry.reduced_radius
        return radius_for_volume(self._geometry.max_radius, self._volume)

    def current_level(self) -> float:
        """The reduced-motion fill level (0–1 of the circle's height) at the current volume."""
        return level_for_volume(self._volume)

    def max_radius(self) -> float:
        return self._geometry.max_radius

    def ring_radius(self) -> float:
        return self._geometry.ring_radius

    def cache_ready(self) -> bool:
        """Whether the static layers are built (after the first paint at this size)."""
        return self._layer is not None and self._geometry.size == self.size()

    def last_dirty_region(self) -> QRegion:
        """What the last ``set_state`` asked Qt to repaint (empty: nothing changed)."""
        region = QRegion()
        for box in self._dirty:
            region += QRect(*box)
        return region

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    # --- Qt events ---------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.PaletteChange,
            QEvent.Type.ApplicationPaletteChange,
            QEvent.Type.StyleChange,
        ):
            self._colors = colors_from_palette(self.palette())
            self._shape_brush = QBrush(QColor(self._colors.shape))
            self._guide_brush = QBrush(QColor(self._colors.shape_guide))
            self._invalidate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._invalidate()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Each call into Qt costs more than the pixels it moves: keep them few.
        dpr = self.devicePixelRatioF()
        layer = self._layer
        if layer is None or self._layer_dpr != dpr:  # resizes drop the layer
            self._rebuild(dpr)
            layer = self._layer
            assert layer is not None
        rect = event.rect()
        painter = QPainter(self)
        g = self._geometry
        shown = self._shown_edge
        if (
            shown is not None
            and not self._ring_grew
            and not self._reduced
            and rect == QRect(*self._edge_box(shown, self._edge))
        ):
            # Just the edge moved since the screen showed ``shown``: inside the wiped disc
            # the background is one flat colour (the full-breath disc), so a plain disc of
            # it clears both edges, cheaper than copying the background.
            wipe = (shown if shown > self._edge else self._edge) + _WIPE_MARGIN
            painter.setPen(_NO_PEN)
            painter.setBrush(self._guide_brush)
            painter.drawEllipse(g.center, wipe, wipe)
        elif dpr == 1.0:
            painter.drawPixmap(rect, layer, rect)
        else:
            _blit(painter, layer, rect, dpr)
        if rect.intersects(g.shape_bounds):
            painter.setRenderHint(_ANTIALIASING, True)
            painter.setPen(_NO_PEN)
            painter.setBrush(self._shape_brush)
            if self._reduced:
                r = g.reduced_radius
                # Water in a glass: the circle below the water line.
                painter.setClipRect(
                    QRectF(g.center.x() - r - 2, self._edge, 2 * r + 4, 2 * r + 4),
                    Qt.ClipOperation.IntersectClip,
                )
                painter.drawEllipse(g.center, r, r)
            else:
                painter.drawEllipse(g.center, self._edge, self._edge)
        painter.end()
        # Qt paints all that was asked for at once, so the ring is on screen now, and
        # so is the edge wherever this paint covered its whole box.
        self._ring_grew = False
        if rect.contains(QRect(*self._edge_box(self._edge, self._edge))):
            self._shown_edge = self._edge

    # --- internals ---------------------------------------------------------------

    def _invalidate(self) -> None:
        self._layer = self._base = self._full_ring = None
        self._shown_edge = None
        self._geometry = _Geometry(self.size(), self._reduced)
        self._edge = self._target_edge()
        self._dirty = ((0, 0, self.width(), self.height()),)
        self.update()

    def _target_edge(self) -> float:
        """Where the edge belongs at the current volume."""
        return self._edge_at(self._volume)

    def _change(self, volume: float, progress: float) -> tuple[float, bool, int]:
        """For ``volume`` and ``progress`` (both 0–1): the edge, whether it is a step
        (``MIN_EDGE_STEP``) from the one drawn, and the ring's length in steps.

        The one test of "does this frame show anything new", for ``set_state`` and
        for the look-ahead of ``would_repaint``.
        """
        edge = self._edge_at(volume)
        moved = edge - self._edge
        due = (moved if moved >= 0.0 else -moved) * self._layer_dpr >= MIN_EDGE_STEP
        return edge, due, round(progress * self._ring_scale)

    def _edge_at(self, volume: float) -> float:
        """The drawn radius (moving) or water-line y (reduced) at ``volume`` (0–1)."""
        g = self._geometry
        edge = g.edge_base + g.edge_gain * volume
        return edge if self._reduced else math.sqrt(edge)

    def _edge_box(self, old: float, new: float) -> _Box:
        """The union of the old and the new drawing of the edge, with room for antialiasing.

        As (x, y, width, height) in plain ints: this runs on every frame that moves.
        """
        g = self._geometry
        if self._reduced:
            top = math.floor(min(old, new)) - _EDGE_MARGIN
            bottom = math.ceil(max(old, new)) + _EDGE_MARGIN
            left = math.floor(g.center_x - g.reduced_radius) - _EDGE_MARGIN
            width = math.ceil(2 * g.reduced_radius) + 2 * _EDGE_MARGIN + 1
            return (left, top, width, bottom - top)
        return _square_box(g.center_x, g.center_y, max(old, new) + _EDGE_MARGIN)

    def _grow_ring(self, steps: int) -> QRect:
        """Bring the progress arc in the layer to ``steps``; returns what to repaint.

        The arc is copied from a pixmap holding the complete ring, through a thin
        annular sector: the pixels of the ring never depend on how far it had got
        before, so drawing it bit by bit gives exactly the same image as at once.
        """
        old_steps = self._ring_steps
        self._ring_steps = steps
        layer, base, full = self._layer, self._base, self._full_ring
        if layer is None or base is None or full is None:
            return QRect()
        g = self._geometry
        per_step = 1.0 / (g.ring_radius * self._layer_dpr)
        painter = QPainter(layer)
        restarted = steps < old_steps
        if restarted:  # the progress went back: clear the ring, then draw it anew
            _blit(painter, base, g.ring_bounds, self._layer_dpr)
            old_steps = 0
        sector = _sector_path(g, old_steps * per_step, steps * per_step)
        dirty = sector.boundingRect().toAlignedRect()
        if not sector.isEmpty():
            painter.setClipPath(sector)
            _blit(painter, full, dirty, self._layer_dpr)
        painter.end()
        return g.ring_bounds if restarted else dirty

    def _rebuild(self, dpr: float) -> None:
        """Render the static layers for the current size, palette and mode."""
        self._geometry = g = _Geometry(self.size(), self._reduced)
        self._layer_dpr = dpr
        c = self._colors
        size = QSize(max(1, math.ceil(self.width() * dpr)), max(1, math.ceil(self.height() * dpr)))
        base = QPixmap(size)
        base.setDevicePixelRatio(dpr)
        background = QColor(c.background)
        base.fill(background)
        painter = QPainter(base)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        # The faint disc shows how far a full breath reaches, with a soft rim.
        guide = QColor(c.shape_guide)
        reach = g.reduced_radius if self._reduced else g.max_radius
        outer = reach + g.gap * 0.6
        halo = QRadialGradient(g.center, outer)
        halo.setColorAt(0.0, guide)
        # Flat a little beyond the largest circle, so that a frame may wipe the old
        # edge with a plain disc of this colour (``_WIPE_MARGIN``).
        halo.setColorAt(min(reach + _FLAT_MARGIN, outer - 1.0) / outer, guide)
        halo.setColorAt(1.0, background)
        painter.setBrush(QBrush(halo))
        painter.drawEllipse(g.center, outer, outer)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self._reduced:  # the glass the breath fills
            painter.setPen(QPen(QColor(c.track), 2.0))
            painter.drawEllipse(g.center, g.reduced_radius + 1, g.reduced_radius + 1)
        painter.setPen(QPen(QColor(c.track), _RING_WIDTH))  # the progress ring's track
        painter.drawEllipse(g.center, g.ring_radius, g.ring_radius)
        painter.end()
        # The same with the whole progress ring drawn, to copy the arc from.
        full = QPixmap(base)
        painter = QPainter(full)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor(c.accent), _RING_WIDTH))
        painter.drawEllipse(g.center, g.ring_radius, g.ring_radius)
        painter.end()
        self._base, self._full_ring, self._layer = base, full, QPixmap(base)
        self._ring_scale = 2 * math.pi * g.ring_radius * dpr
        self._ring_steps = 0
        self._grow_ring(round(self._progress * self._ring_scale))
        self._edge = self._target_edge()


class _Geometry:
    """Where things go in a widget of ``size``."""

    __slots__ = (
        "center",
        "center_x",
        "center_y",
        "edge_base",
        "edge_gain",
        "gap",
        "max_radius",
        "reduced_radius",
        "ring_bounds",
        "ring_radius",
        "shape_bounds",
        "size",
    )

    def __init__(self, size: QSize, reduced: bool) -> None:
        self.size = QSize(size)
        side = max(min(size.width(), size.height()), 1)
        self.center_x = size.width() / 2.0
        self.center_y = size.height() / 2.0
        self.center = QPointF(self.center_x, self.center_y)
        self.ring_radius = max(side / 2.0 - _RING_WIDTH - 6.0, 4.0)
        self.gap = max(side * 0.035, 8.0)
        self.max_radius = max(self.ring_radius - self.gap, 2.0)
        self.reduced_radius = self.max_radius * REDUCED_RADIUS_SHARE
        if reduced:
            # y of the water line, rising with the level: base + gain · volume.
            r = self.reduced_radius
            self.edge_base = self.center.y() + r - 2 * r * LEVEL_EMPTY
            self.edge_gain = -2 * r * (LEVEL_FULL - LEVEL_EMPTY)
        else:
            # The radius squared is linear in the volume (the area is): base + gain · volume.
            self.edge_base = self.max_radius**2 * MIN_AREA_SHARE
            self.edge_gain = self.max_radius**2 * (1.0 - MIN_AREA_SHARE)
        reach = self.reduced_radius if reduced else self.max_radius
        self.shape_bounds = _square(self.center, reach + _EDGE_MARGIN + 1)
        self.ring_bounds = _square(self.center, self.ring_radius + _RING_WIDTH + 2)


_Box = tuple[int, int, int, int]
"""A rectangle as (x, y, width, height)."""


def _square_box(cx: float, cy: float, half: float) -> _Box:
    left = math.floor(cx - half)
    top = math.floor(cy - half)
    return (left, top, math.ceil(cx + half) - left, math.ceil(cy + half) - top)


def _square(center: QPointF, half: float) -> QRect:
    return QRect(*_square_box(center.x(), center.y(), half))


def _blit(painter: QPainter, source: QPixmap, rect: QRect, dpr: float) -> None:
    """Copy ``rect`` (logical pixels) of a widget-sized pixmap into the painter."""
    painter.drawPixmap(
        QRectF(rect),
        source,
        QRectF(rect.x() * dpr, rect.y() * dpr, rect.width() * dpr, rect.height() * dpr),
    )


def _sector_path(g: _Geometry, start: float, end: float) -> QPainterPath:
    """The ring's band from ``start`` to ``end`` (radians from 12 o'clock, clockwise)."""
    path = QPainterPath()
    end = min(end, 2 * math.pi)
    if end <= start:
        return path
    inner = g.ring_radius - _RING_WIDTH / 2 - 3
    outer = g.ring_radius + _RING_WIDTH / 2 + 3
    count = max(1, math.ceil((end - start) / 0.05))
    angles = [start + (end - start) * i / count for i in range(count + 1)]
    cx, cy = g.center.x(), g.center.y()
    points = [QPointF(cx + outer * math.sin(a), cy - outer * math.cos(a)) for a in angles]
    points += [
        QPointF(cx + inner * math.sin(a), cy - inner * math.cos(a)) for a in reversed(angles)
    ]
    path.addPolygon(QPolygonF(points))
    path.closeSubpath()
    return path
