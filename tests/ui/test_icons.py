"""The app and tray icons come from the PNGs the build renders, so QtSvg stays unloaded."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from herstel.platform.assets import (
    APP_ICON_SIZES,
    TRAY_ICON_SIZES,
    app_icon_pngs,
    tray_icon_pngs,
)
from herstel.ui.common.icons import app_icon, tray_icon


def test_the_build_rendered_every_size_at_its_size() -> None:
    for wanted, found in ((TRAY_ICON_SIZES, tray_icon_pngs()), (APP_ICON_SIZES, app_icon_pngs())):
        assert [size for size, _ in found] == list(wanted)
        for size, path in found:
            image = QImage(str(path))
            assert (image.width(), image.height()) == (size, size), path
            assert image.hasAlphaChannel()


def test_the_icons_offer_their_sizes_crisply(qapp: QApplication) -> None:
    for icon in (app_icon(), tray_icon()):
        assert not icon.isNull()
        assert QSize(16, 16) in icon.availableSizes()
        pixmap = icon.pixmap(QSize(22, 22), 2.0)  # a 22 px panel at 2x scale
        assert pixmap.deviceIndependentSize().toSize() == QSize(22, 22)
        assert pixmap.width() == 44  # drawn from the 44 px rendering, not scaled up


CHILD = """
import os, sys
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication
app = QApplication([])
from herstel.ui.common.icons import app_icon, tray_icon
for icon in (app_icon(), tray_icon()):
    icon.pixmap(QSize(22, 22), 2.0)
maps = open(f"/proc/{os.getpid()}/maps").read()
print("svg" if "libQt6Svg" in maps else "no svg")
"""


def test_showing_the_icons_loads_no_qtsvg() -> None:
    if not sys.platform.startswith("linux"):
        return  # /proc/self/maps
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "no svg"
