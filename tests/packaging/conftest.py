"""Real validators for the desktop files: desktop-file-validate, appstreamcli, gio.

They come from Debian's desktop-file-utils, appstream and libglib2.0-bin. Where
one is missing the test that needs it skips locally, but fails on CI (CI set),
where .ci/run installs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

Runner = Callable[..., subprocess.CompletedProcess[str]]


def require_tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing on CI (Debian package {package})")
        pytest.skip(f"needs {name} (Debian package {package})")
    return path


def _runner(name: str, package: str) -> Runner:
    tool = require_tool(name, package)

    def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [tool, *map(str, args)], capture_output=True, text=True, timeout=60, check=False
        )

    return run


@pytest.fixture
def validate_desktop_file() -> Callable[[Path], None]:
    """Asserts that desktop-file-validate accepts a file without a single complaint."""
    run = _runner("desktop-file-validate", "desktop-file-utils")

    def check(path: Path) -> None:
        result = run(path)
        output = (result.stdout + result.stderr).strip()
        assert result.returncode == 0, f"{path.name}:\n{output}"
        assert output == "", f"{path.name}:\n{output}"

    return check


@pytest.fixture
def appstreamcli() -> Runner:
    return _runner("appstreamcli", "appstream")


@pytest.fixture
def gio() -> Runner:
    return _runner("gio", "libglib2.0-bin")
