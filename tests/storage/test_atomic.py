"""Atomic writes: the target is always the old or the new file, never half of one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from herstel.storage.atomic import write_atomic

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    write_atomic(target, b'{"a": 1}\n')
    assert target.read_bytes() == b'{"a": 1}\n'
    assert list(tmp_path.iterdir()) == [target]


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(b"old and much longer than the new content")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert list(tmp_path.iterdir()) == [target]


def test_writes_empty_and_large_data(tmp_path: Path) -> None:
    target = tmp_path / "data.bin"
    write_atomic(target, b"")
    assert target.read_bytes() == b""
    big = os.urandom(3 * 1024 * 1024)
    write_atomic(target, big)
    assert target.read_bytes() == big


@posix_only
def test_file_is_private_by_default_whatever_the_old_mode_or_umask(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(b"old")
    target.chmod(0o644)
    old_umask = os.umask(0o277)  # would strip the owner's write bit from a plain open()
    try:
        write_atomic(target, b"new")
    finally:
        os.umask(old_umask)
    assert mode_of(target) == 0o600


@posix_only
def test_mode_can_be_chosen(tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    write_atomic(target, b"{}", mode=0o644)
    assert mode_of(target) == 0o644


@pytest.mark.parametrize("failing_call", ["fsync", "replace"])
def test_a_failed_write_leaves_the_target_untouched_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing_call: str
) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(b"the user's settings")

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing_call, fail)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"half of the new sett")
    monkeypatch.undo()

    assert target.read_bytes() == b"the user's settings"
    assert list(tmp_path.iterdir()) == [target]


def test_a_failed_first_write_creates_no_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "settings.json"

    def fail(*args: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError, match="Input/output error"):
        write_atomic(target, b"new")
    monkeypatch.undo()

    assert list(tmp_path.iterdir()) == []


def test_an_interrupt_also_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "settings.json"
    target.write_bytes(b"old")

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    monkeypatch.undo()

    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_a_missing_folder_is_an_error_not_created(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "settings.json"
    with pytest.raises(FileNotFoundError):
        write_atomic(target, b"new")
    assert not target.parent.exists()


@posix_only
def test_a_symlinked_target_keeps_its_link(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    real = dotfiles / "herstel.json"
    real.write_bytes(b"old")
    link = tmp_path / "settings.json"
    link.symlink_to(real)

    write_atomic(link, b"new")

    assert link.is_symlink()
    assert real.read_bytes() == b"new"
    assert sorted(p.name for p in dotfiles.iterdir()) == ["herstel.json"]
