"""The app's icons as QIcons: from the PNGs rendered at build time, else from the SVG.

The SVGs are the sources (``resources/icons``); the build renders them to PNGs
at the sizes windows and panels ask for. Loading an SVG icon pulls in Qt's SVG
icon engine and QtSvg (about 0.7 MiB of the idle tray app's memory), so the
PNGs are used where they are there; a source checkout that was never built
falls back to the SVG.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from herstel.platform.assets import app_icon_path, app_icon_pngs, icon_path, tray_icon_pngs


def _icon(svg: Path, pngs: list[tuple[int, Path]]) -> QIcon:
    if not pngs:
        return QIcon(str(svg))
    icon = QIcon()
    for size, png in pngs:
        icon.addFile(str(png), QSize(size, size))
    return icon


WINDOW_ICON_LIMIT = 128
"""The largest rendering a window icon carries.

X11 sends every size of a window icon to the window manager (_NET_WM_ICON),
and converting the 256 and 512 px images on the way starts Qt's thread pool;
docks and switchers take the large icon from the desktop file anyway."""


def app_icon() -> QIcon:
    """The leaf-in-a-circle app icon (window icons, the home window's mark)."""
    return _icon(
        app_icon_path(), [(n, png) for n, png in app_icon_pngs() if n <= WINDOW_ICON_LIMIT]
    )


def tray_icon() -> QIcon:
    """The simplified mark drawn to stay readable at 16 px in a panel."""
    return _icon(icon_path("herstel-tray"), tray_icon_pngs())
