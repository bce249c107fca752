"""Folders Herstel creates are 0700 and its files 0600, whatever the umask (even 000)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = r"""
import os, sys
from pathlib import Path
os.umask(0)
from herstel.storage.paths import DataPaths
from herstel.platform.single_instance import SingleInstance
data = Path(sys.argv[1])
instance = SingleInstance.acquire(DataPaths(data, data, True), {"XDG_RUNTIME_DIR": sys.argv[2]})
assert instance is not None
from herstel.storage.database import Database
Database.open(data / "herstel.sqlite3").close()
from herstel.storage.pending_file import PendingFile, pending_path
from herstel.storage.pending_writes import DeleteWrite
PendingFile(pending_path(data / "herstel.sqlite3")).append(DeleteWrite("x"))
print(oct((data / "herstel.lock").stat().st_mode & 0o777))  # while held: close removes it
instance.close()
"""


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_everything_herstel_creates_is_private_even_at_umask_000(tmp_path: Path) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    data = tmp_path / "missing" / "parents" / "data"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(data), str(runtime)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert mode(tmp_path / "missing") == 0o700
    assert mode(tmp_path / "missing" / "parents") == 0o700
    assert mode(data) == 0o700
    assert done.stdout.strip() == "0o600"  # herstel.lock
    assert mode(data / "herstel.sqlite3") == 0o600
    assert mode(data / "herstel.sqlite3.pending") == 0o600


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG menus")
def test_desktop_remove_also_removes_the_icon_folders_it_emptied(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    (tmp_path / "share").mkdir()
    keep = tmp_path / "share" / "icons" / "hicolor" / "48x48" / "apps" / "other.png"
    keep.parent.mkdir(parents=True)
    keep.write_bytes(b"someone else's icon")
    run = [sys.executable, "-m", "herstel", "desktop"]
    assert subprocess.run([*run, "install"], env=env, capture_output=True).returncode == 0
    assert subprocess.run([*run, "remove"], env=env, capture_output=True).returncode == 0
    hicolor = tmp_path / "share" / "icons" / "hicolor"
    left = sorted(str(p.relative_to(hicolor)) for p in hicolor.rglob("*"))
    assert left == ["48x48", "48x48/apps", "48x48/apps/other.png"]
