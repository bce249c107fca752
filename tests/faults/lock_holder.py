"""Child process for tests/faults: hold a Herstel database locked like another program would.

Usage: lock_holder.py DB_PATH MODE [SECONDS]
MODE is ``exclusive`` (``BEGIN EXCLUSIVE``) or ``locking-mode`` (``PRAGMA
locking_mode = EXCLUSIVE`` plus a write, which shuts out readers too). Prints
``held`` once the lock is taken; lets go after SECONDS, or when a line (or
end of file) arrives on stdin, then prints ``released``.
"""

from __future__ import annotations

import select
import sqlite3
import sys
import time


def main(path: str, mode: str, seconds: float | None) -> None:
    conn = sqlite3.connect(path, isolation_level=None, timeout=30)
    if mode == "locking-mode":
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("CREATE TABLE IF NOT EXISTS other_program (x)")
        conn.execute("COMMIT")  # the exclusive lock stays until the connection closes
    else:
        conn.execute("BEGIN EXCLUSIVE")
    print("held", flush=True)
    if seconds is None:
        sys.stdin.readline()
    else:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            ready, _, _ = select.select([sys.stdin], [], [], left)
            if ready:
                break
    if conn.in_transaction:
        conn.execute("ROLLBACK")
    conn.close()
    print("released", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else None)
