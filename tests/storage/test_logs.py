"""The log file: written where the data folder says, rotated at start-up, never unbounded."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from herstel.platform.logs import BACKUPS, LOG_FILE_NAME, MAX_BYTES, rotate_if_large, setup_logging


@pytest.fixture
def restore_logger() -> Iterator[None]:
    root = logging.getLogger("herstel")
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            handler.close()
    root.handlers[:] = handlers
    root.setLevel(level)


def test_setup_writes_lines_to_a_private_file(tmp_path: Path, restore_logger: None) -> None:
    path = setup_logging(tmp_path / "logs")
    logging.getLogger("herstel.test").info("a line to keep")
    for handler in logging.getLogger("herstel").handlers:
        handler.flush()
    assert path == tmp_path / "logs" / LOG_FILE_NAME
    assert "a line to keep" in path.read_text(encoding="utf-8")
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_small_log_is_kept_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / LOG_FILE_NAME
    path.write_text("yesterday\n")
    assert not rotate_if_large(path)
    assert path.read_text() == "yesterday\n"
    assert not rotate_if_large(tmp_path / "absent.log")


def test_a_large_log_moves_to_backup_one_and_the_app_starts_a_new_file(
    tmp_path: Path, restore_logger: None
) -> None:
    log_dir = tmp_path / "logs"
    log_dir.mkdir()
    (log_dir / LOG_FILE_NAME).write_bytes(b"x" * MAX_BYTES)
    path = setup_logging(log_dir)
    logging.getLogger("herstel.test").warning("fresh start")
    for handler in logging.getLogger("herstel").handlers:
        handler.flush()
    assert (log_dir / f"{LOG_FILE_NAME}.1").stat().st_size == MAX_BYTES
    assert "fresh start" in path.read_text(encoding="utf-8")
    assert path.stat().st_size < 1000


def test_rotation_keeps_at_most_the_configured_backups(tmp_path: Path) -> None:
    path = tmp_path / LOG_FILE_NAME
    for generation in range(BACKUPS + 3):
        path.write_text(f"generation {generation}\n" + "x" * 100)
        assert rotate_if_large(path, max_bytes=100)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == [f"{LOG_FILE_NAME}.{n}" for n in range(1, BACKUPS + 1)]
    newest_first = [
        (tmp_path / f"{LOG_FILE_NAME}.{n}").read_text().splitlines()[0]
        for n in range(1, BACKUPS + 1)
    ]
    last = BACKUPS + 2
    assert newest_first == [f"generation {last - n}" for n in range(BACKUPS)]
