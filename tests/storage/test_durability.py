"""Durability: a save that has returned survives ``kill -9``, and the file stays intact.

A child process saves sessions in a loop and prints each id right after the save
returns. The parent kills it with SIGKILL at random points — after a random number
of printed ids, plus a random fraction of the next save — more than a hundred times
on the same file, then checks the file's integrity and that every printed id is there
with its check.
"""

from __future__ import annotations

import os
import random
import select
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import IO

import pytest

from herstel.storage.database import Database

CHILD = Path(__file__).with_name("durability_child.py")
ROUNDS = 120
MAX_LINES = 20
LINE_TIMEOUT = 30.0  # only a safety net for a hung child, never a timing


class Lines:
    """Reads a child's stdout line by line without blocking forever."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.fd = stream.fileno()
        self.buffer = b""

    def _fill(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        chunk = os.read(self.fd, 65536)
        self.buffer += chunk
        return bool(chunk)

    def next(self) -> str | None:
        """The next complete line, or None at end of output."""
        deadline = time.monotonic() + LINE_TIMEOUT
        while b"\n" not in self.buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("the child printed nothing for 30 s")
            if not self._fill(deadline - time.monotonic()):
                return None
        line, _, self.buffer = self.buffer.partition(b"\n")
        return line.decode()

    def rest(self) -> list[str]:
        """Every complete line left after the child has exited."""
        while self._fill(LINE_TIMEOUT):
            pass
        *lines, _partial = self.buffer.decode().split("\n")
        return lines


@pytest.mark.slow
def test_saves_survive_kill_9(tmp_path: Path) -> None:
    rng = random.Random(20260310)
    path = tmp_path / "data" / "herstel.sqlite3"
    printed: list[str] = []
    kills = 0
    for round_number in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(path), str(round_number * 1000)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert child.stdout is not None
        assert child.stderr is not None
        lines = Lines(child.stdout)
        try:
            for _ in range(rng.randint(0, MAX_LINES)):
                line = lines.next()
                if line is None:
                    pytest.fail(f"the child stopped by itself: {child.stderr.read().decode()}")
                printed.append(line)
            # Land somewhere inside the next save (or the start-up, when no line was read).
            select.select([], [], [], rng.choice((0.0, 0.0005, 0.001, 0.002, 0.004)))
            child.kill()
            assert child.wait() == -9
            kills += 1
            printed.extend(lines.rest())
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            child.stdout.close()
            child.stderr.close()

    assert kills >= 100
    assert len(printed) > ROUNDS  # the kills really came between saves, many times
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = {row[0] for row in conn.execute("SELECT id FROM sessions")}
        missing = set(printed) - stored
        assert not missing, f"{len(missing)} saves that returned were lost"
        # One transaction per save: never a session without its check.
        orphans = conn.execute(
            "SELECT count(*) FROM sessions AS s LEFT JOIN checks AS c ON c.session_id = s.id"
            " WHERE c.session_id IS NULL"
        ).fetchone()
        assert orphans == (0,)
    with Database.open(path) as db:
        assert db.session_count() == len(stored)
