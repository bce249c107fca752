"""Where the shipped resources (icons, compiled translations) are on disk.

The top-level ``resources/`` folder is installed as the package
``herstel.resources``, so importlib.resources finds it the same way from a
checkout (editable install) and from an installed wheel.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from herstel import APP_ID


def resources_dir() -> Path:
    """The folder holding icons/ and translations/."""
    return Path(str(files("herstel.resources")))


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icon_path(name: str) -> Path:
    """An SVG icon by file stem, e.g. ``icon_path("herstel-tray")``."""
    return resources_dir() / "icons" / f"{name}.svg"


def app_icon_path() -> Path:
    return icon_path(APP_ID)
