"""Build hook: compile the Qt Linguist translations while the package is built.

``resources/translations/*.ts`` are the sources; the ``.qm`` files Qt loads at
run time are generated here (for wheels, sdists-turned-wheels and editable
installs alike) and are never committed. All metadata lives in pyproject.toml.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
TRANSLATIONS = HERE / "resources" / "translations"


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


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        compile_translations()
        super().run()


setup(cmdclass={"build_py": BuildPyWithTranslations})
