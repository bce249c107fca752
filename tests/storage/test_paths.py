"""Where data lives: precedence of the sources, and a private, writable folder."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from herstel.storage.paths import DataDirError, DataPaths, ensure_private_dir, resolve_paths

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="XDG folders and /proc")


def test_files_live_in_their_folders(tmp_path: Path) -> None:
    paths = DataPaths(data_dir=tmp_path / "data", config_dir=tmp_path / "config", explicit=False)
    assert paths.database == tmp_path / "data" / "herstel.sqlite3"
    assert paths.settings_file == tmp_path / "config" / "settings.json"
    assert paths.log_dir == tmp_path / "data" / "logs"
    assert paths.lock_file == tmp_path / "data" / "herstel.lock"


def test_data_dir_option_wins_and_holds_the_config(tmp_path: Path) -> None:
    cli = tmp_path / "from-cli"
    paths = resolve_paths(str(cli), {"HERSTEL_DATA_DIR": str(tmp_path / "from-env")})
    assert paths == DataPaths(data_dir=cli.resolve(), config_dir=cli.resolve(), explicit=True)
    assert paths.settings_file == cli.resolve() / "settings.json"


def test_environment_variable_comes_next(tmp_path: Path) -> None:
    env_dir = tmp_path / "from-env"
    paths = resolve_paths(None, {"HERSTEL_DATA_DIR": str(env_dir)})
    assert paths == DataPaths(
        data_dir=env_dir.resolve(), config_dir=env_dir.resolve(), explicit=True
    )


@linux_only
@pytest.mark.parametrize("env", [{}, {"HERSTEL_DATA_DIR": ""}])
def test_platform_folders_are_the_fallback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    paths = resolve_paths(None, env)
    assert paths == DataPaths(
        data_dir=tmp_path / "share" / "herstel",
        config_dir=tmp_path / "config" / "herstel",
        explicit=False,
    )


def test_tilde_and_relative_paths_become_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))  # what expanduser reads on Windows
    assert resolve_paths("~/herstel", {}).data_dir == (home / "herstel").resolve()

    monkeypatch.chdir(tmp_path)
    assert (
        resolve_paths(None, {"HERSTEL_DATA_DIR": "rel/../data"}).data_dir
        == (tmp_path / "data").resolve()
    )


def test_an_empty_data_dir_option_is_a_usage_error() -> None:
    with pytest.raises(ValueError, match="--data-dir"):
        resolve_paths("", {})


def test_resolving_creates_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    resolve_paths(str(tmp_path / "cli"), {})
    resolve_paths(None, {"HERSTEL_DATA_DIR": str(tmp_path / "env")})
    resolve_paths(None, {})
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_new_folder_is_private_whatever_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "herstel"
    old_umask = os.umask(0o077 | 0o200)  # would even strip the owner's write bit
    try:
        ensure_private_dir(target)
    finally:
        os.umask(old_umask)
    assert target.is_dir()
    assert stat.S_IMODE(target.stat().st_mode) == 0o700
    assert list(target.iterdir()) == []  # the write test left nothing behind


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_existing_folder_is_left_as_it_is(tmp_path: Path) -> None:
    target = tmp_path / "shared"
    target.mkdir()
    target.chmod(0o750)
    (target / "herstel.sqlite3").write_bytes(b"data")
    ensure_private_dir(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o750
    assert [p.name for p in target.iterdir()] == ["herstel.sqlite3"]


def test_a_file_in_the_way_of_a_parent_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("not a folder")
    target = tmp_path / "file.txt" / "sub"
    with pytest.raises(DataDirError) as caught:
        ensure_private_dir(target)
    assert caught.value.path == target
    message = str(caught.value)
    assert message.startswith(f"cannot create or write to the data folder {target}: ")
    assert "\n" not in message
    assert isinstance(caught.value, OSError)


def test_a_file_where_the_folder_should_be_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "herstel"
    target.write_text("not a folder")
    with pytest.raises(DataDirError, match="is not a folder") as caught:
        ensure_private_dir(target)
    assert caught.value.path == target


@linux_only
def test_a_folder_that_cannot_be_created_is_a_clear_error() -> None:
    target = Path("/proc/herstel-test/data")
    with pytest.raises(DataDirError, match=r"^cannot create or write to the data folder /proc/"):
        ensure_private_dir(target)


@linux_only
def test_an_existing_folder_that_refuses_files_is_a_clear_error() -> None:
    # /proc/self is a folder nobody (not even root) can create files in; os.access
    # would claim it is writable for root.
    target = Path("/proc/self")
    with pytest.raises(DataDirError) as caught:
        ensure_private_dir(target)
    assert caught.value.path == target


def test_a_newline_in_the_folder_name_stays_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("not a folder")
    target = tmp_path / "file.txt" / "two\nlines"
    with pytest.raises(DataDirError) as caught:
        ensure_private_dir(target)
    assert "\n" not in str(caught.value)
    assert "two\\nlines" in str(caught.value)
