"""Exit codes and the usage error: what every command ends with."""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    """Exit codes (documented in docs/cli.md)."""

    OK = 0
    FAILURE = 1  # a runtime failure: I/O error, corrupt or too-new database
    USAGE = 2  # a usage error or invalid input
    NOT_RUNNING = 3  # herstel status: no instance runs for this data folder


class UsageError(Exception):
    """A problem with what the user typed; the message is already translated."""
