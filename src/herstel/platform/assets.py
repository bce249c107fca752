"""Where the shipped resources (icons, compiled translations) are on disk.

The top-level ``resources/`` folder is installed as the package
``herstel.resources``, so its ``__file__`` finds it the same way from a
checkout (editable install), an installed wheel and the one-folder build.
Qt needs real files anyway (it loads icons and catalogues by path), and this
keeps importlib.resources and zipfile out of the start-up path.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from herstel import APP_ID


def resources_dir() -> Path:
    """The folder holding icons/ and translations/."""
    package_file = import_module("herstel.resources").__file__
    if package_file is None:  # a namespace package: the install lost its __init__.py
        raise RuntimeError("Herstel's resources are missing; reinstall Herstel")
    return Path(package_file).resolve().parent


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icon_path(name: str) -> Path:
    """An SVG icon by file stem, e.g. ``icon_path("herstel-tray")``."""
    return resources_dir() / "icons" / f"{name}.svg"


def app_icon_path() -> Path:
    return icon_path(APP_ID)


APP_ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
"""The sizes the build renders the app icon at (setup.py), for the hicolor theme."""

TRAY_ICON_SIZES = (16, 22, 24, 32, 44, 48, 64)
"""The sizes the build renders the tray icon at: panels from 16 px, and twice 22 px."""


def _existing(candidates: list[tuple[int, Path]]) -> list[tuple[int, Path]]:
    return [(size, path) for size, path in candidates if path.is_file()]


def app_icon_pngs() -> list[tuple[int, Path]]:
    """(size, path) of the app icon's rendered PNGs that exist (none in an unbuilt checkout)."""
    icons = resources_dir() / "icons" / "hicolor"
    return _existing([(n, icons / f"{n}x{n}" / "apps" / f"{APP_ID}.png") for n in APP_ICON_SIZES])


def tray_icon_pngs() -> list[tuple[int, Path]]:
    """(size, path) of the tray icon's rendered PNGs that exist."""
    icons = resources_dir() / "icons" / "tray"
    return _existing([(n, icons / f"herstel-tray-{n}.png") for n in TRAY_ICON_SIZES])
