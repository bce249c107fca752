"""Build hook: generate the compiled resources while the package is built.

``resources/translations/*.ts`` are the sources; the ``.qm`` files Qt loads at
run time are generated here (for wheels, sdists-turned-wheels and editable
installs alike) and are never committed. The same goes for the app icon's PNG
renderings (``resources/icons/hicolor/<N>x<N>/apps/*.png``), which desktops
without SVG support, the PyInstaller build and ``herstel desktop install`` use:
the SVG is the only source. The sound cues (``resources/sounds/*.wav``) are
written by ``resources/sounds/make_cues.py`` from sine partials, with the
standard library only. All metadata lives in pyproject.toml, except the package
list: the packages under src/ are found, and the top-level resources/ folder is
added as ``herstel.resources`` (``packages.find`` cannot see a folder that
package-dir maps from elsewhere, so a fresh install would ship without it).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
TRANSLATIONS = HERE / "resources" / "translations"
ICONS = HERE / "resources" / "icons"
SOUNDS = HERE / "resources" / "sounds"
APP_ID = "io.github.herstel.Herstel"
# The sizes the freedesktop hicolor theme and the common panels ask for.
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# The tray icon: panels from 16 px, and twice 22 px (kept equal to platform/assets.py).
TRAY_ICON_SIZES = (16, 22, 24, 32, 44, 48, 64)


def _lrelease() -> Path:
    import PySide6  # a build requirement (pyproject.toml [build-system])

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(PySide6.__file__).resolve().parent / name


def compile_translations() -> None:
    """Compile every .ts next to itself, failing the build on any error."""
    sources = sorted(TRANSLATIONS.glob("*.ts"))
    if not sources:
        return
    tool = _lrelease()
    for ts in sources:
        qm = ts.with_suffix(".qm")
        subprocess.run(
            [str(tool), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
            check=True,
        )


def render_icons() -> None:
    """Render the icon SVGs to PNGs, failing on any error.

    The app icon at every hicolor size (``icons/hicolor/<N>x<N>/apps``), the tray
    icon at the panel sizes (``icons/tray/herstel-tray-<N>.png``): the app loads
    these PNGs instead of the SVGs, so the idle tray app needs no QtSvg.
    QSvgRenderer paints into a QImage without a QGuiApplication or a display
    (only text would need one, and the icons have none), so this works on a
    headless build machine as it is.
    """
    for size in ICON_SIZES:
        _render(
            ICONS / f"{APP_ID}.svg",
            size,
            ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png",
        )
    for size in TRAY_ICON_SIZES:
        _render(ICONS / "herstel-tray.svg", size, ICONS / "tray" / f"herstel-tray-{size}.png")


def _render(svg: Path, size: int, target: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise RuntimeError(f"cannot read the icon {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG"):
        raise RuntimeError(f"cannot write {target}")


def make_sounds() -> None:
    """Write the cue WAVs next to their generator (standard library only)."""
    spec = importlib.util.spec_from_file_location("make_cues", SOUNDS / "make_cues.py")
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {SOUNDS / 'make_cues.py'}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    module.write_all(SOUNDS)


class BuildPyWithResources(build_py):
    def run(self) -> None:
        compile_translations()
        render_icons()
        make_sounds()
        super().run()


PACKAGES = [*find_packages("src", include=["herstel", "herstel.*"]), "herstel.resources"]

setup(packages=PACKAGES, cmdclass={"build_py": BuildPyWithResources})
