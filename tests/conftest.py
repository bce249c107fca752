"""Set-up for every test: a private home, so no test writes into the user's.

Qt writes ``~/.config/QtProject.conf``, PyInstaller caches in ``~/.cache``, a
session bus leaves ``~/.dbus``; Herstel itself keeps its data under the XDG
folders. For the whole test session HOME and the XDG base folders point at a
temporary directory (child processes inherit it), and are put back afterwards.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

pytest_plugins = ["pytester"]

HOME_VARIABLES = ("HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")


@pytest.fixture(scope="session", autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """HOME and XDG_{CONFIG,CACHE,DATA,STATE}_HOME in a temporary folder, for the session."""
    home = tmp_path_factory.mktemp("home")
    before = {name: os.environ.get(name) for name in HOME_VARIABLES}
    os.environ["HOME"] = str(home)
    for name, folder in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        path = home / folder
        path.mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(path)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
