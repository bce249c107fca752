"""``herstel export`` and ``herstel import``: the data commands, which need no display.

The storage modules behind them load only when one of them runs, so other
commands and a launch stay lean. Export never writes onto one of Herstel's own
files; import reads only a regular file of sane size.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from herstel.cli.exits import Exit, UsageError
from herstel.cli.messages import number, one_line, tr
from herstel.core.clock import SystemClock
from herstel.storage.paths import DataPaths


def _export(args: argparse.Namespace, paths: DataPaths, now: datetime) -> None:
    if args.table is not None and args.format != "csv":
        raise UsageError(tr("--table only applies to --format csv"))
    from herstel.storage.export_file import write_text_file
    from herstel.storage.export_stream import export_csv, export_json

    def write(out: TextIO) -> None:
        if args.format == "json":
            export_json(paths.database, out, now)
        else:
            export_csv(paths.database, out, args.table or "sessions")

    if args.output is None:
        write(sys.stdout)
        return
    target = Path(args.output).expanduser()
    if target.is_dir():
        raise UsageError(tr("-o {path} is a folder, not a file").format(path=target))
    if _is_own_file(target, paths):
        raise UsageError(
            tr("-o {path} is one of Herstel's own files; choose another file name").format(
                path=target
            )
        )
    write_text_file(target, write)


_OWN_NAMES = ("settings.json", "reminders.json", "herstel.lock")


def _is_own_file(target: Path, paths: DataPaths) -> bool:
    """Whether ``target`` is (or would replace) a file Herstel keeps: never export onto one."""
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        return False
    folders = {paths.data_dir.resolve(), paths.config_dir.resolve()}
    logs = paths.log_dir.resolve()
    if resolved.parent in folders:
        name = resolved.name
        if name.startswith((paths.database.name, *_OWN_NAMES)) or (
            name.startswith("herstel-") and name.endswith(".sock")
        ):
            return True
    if resolved == logs or logs in resolved.parents:
        return True
    own = [paths.database, paths.settings_file, paths.lock_file]
    own += [Path(f"{paths.database}{side}") for side in ("-wal", "-shm", "-journal")]
    for path in own:
        try:
            if target.exists() and path.exists() and target.samefile(path):
                return True
        except OSError:
            continue
    return False


MAX_IMPORT_BYTES = 1 << 30  # 1 GiB; ten years of daily sessions export to about 50 MB


def _read_import(source: Path) -> bytes:
    """The whole import file, read only when it is a regular file no larger than the cap.

    A FIFO would block the read forever and ``/dev/zero`` never ends; both are
    refused after an ``fstat``, and ``O_NONBLOCK`` keeps opening a FIFO from
    waiting for a writer.
    """
    try:
        fd = os.open(source, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise UsageError(tr("{path}: no such file").format(path=source)) from None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UsageError(tr("{path} is a folder, not a file").format(path=source))
        if not stat.S_ISREG(info.st_mode):
            raise UsageError(
                tr("{path} is not a regular file (a pipe, device or socket); save it first").format(
                    path=source
                )
            )
        if info.st_size > MAX_IMPORT_BYTES:
            raise UsageError(
                tr(
                    "{path} is too large to be a Herstel export ({size} MB; "
                    "an import reads up to {cap} MB)"
                ).format(path=source, size=info.st_size // 2**20, cap=MAX_IMPORT_BYTES // 2**20)
            )
        os.set_blocking(fd, True)
        data = file.read(MAX_IMPORT_BYTES + 1)
    if len(data) > MAX_IMPORT_BYTES:  # it grew while we read
        raise UsageError(
            tr(
                "{path} is too large to be a Herstel export ({size} MB; "
                "an import reads up to {cap} MB)"
            ).format(path=source, size=len(data) // 2**20, cap=MAX_IMPORT_BYTES // 2**20)
        )
    return data


def _import(args: argparse.Namespace, paths: DataPaths, now: datetime) -> None:
    from herstel.storage.import_fields import ImportFileError
    from herstel.storage.import_reader import import_json

    source = Path(args.file).expanduser()
    data = _read_import(source)
    try:
        result = import_json(paths.database, data, now)
    except ImportFileError as error:
        raise UsageError(f"{source}: {error}") from None
    print(
        tr("Imported {added} sessions ({skipped} already there).").format(
            added=result.added, skipped=result.skipped
        )
    )


def run_data_command(args: argparse.Namespace, paths: DataPaths) -> int:
    """Run ``export`` or ``import``; storage errors exit 1 with one line."""
    import sqlite3

    from herstel.storage.connection import (
        BUSY_TIMEOUT,
        DatabaseBusy,
        DatabaseCorrupt,
        DatabaseTooNew,
        DataFolderError,
        StorageError,
    )
    from herstel.storage.database import move_aside

    now = SystemClock().now()
    try:
        if args.command == "export":
            _export(args, paths, now)
        else:
            _import(args, paths, now)
    except DatabaseCorrupt as error:
        moved = move_aside(error.path, now)
        print(
            "herstel: "
            + tr("the database {path} is damaged; it was moved to {moved}").format(
                path=error.path, moved=moved
            ),
            file=sys.stderr,
        )
        return Exit.FAILURE
    except DatabaseTooNew as error:
        print(
            "herstel: "
            + tr(
                "the database {path} was written by a newer Herstel; "
                "update Herstel to use it (the file was left unchanged)"
            ).format(path=error.path),
            file=sys.stderr,
        )
        return Exit.FAILURE
    except DatabaseBusy as error:
        print(
            "herstel: "
            + tr(
                "the database {path} is in use by another program; nothing was changed "
                "(waited {seconds} s; try again when it is done)"
            ).format(path=error.path, seconds=number(str(BUSY_TIMEOUT))),
            file=sys.stderr,
        )
        return Exit.FAILURE
    except (DataFolderError, StorageError) as error:
        print(f"herstel: {error}", file=sys.stderr)
        return Exit.FAILURE
    except BrokenPipeError:
        # `herstel export | head`: the reader left; that is not our failure.
        sys.stderr.close()
        return Exit.OK
    except sqlite3.Error as error:  # e.g. a full disk during an import's transaction
        print(
            "herstel: "
            + tr("cannot write the database {path}: {reason}; nothing was changed").format(
                path=paths.database, reason=one_line(str(error))
            ),
            file=sys.stderr,
        )
        return Exit.FAILURE
    except OSError as error:  # the export's file: a read-only folder, a full disk
        where = error.filename or args.output or ""
        print(
            "herstel: "
            + tr("cannot write {path}: {reason}; nothing was changed").format(
                path=where, reason=one_line(error.strerror or str(error))
            ),
            file=sys.stderr,
        )
        return Exit.FAILURE
    return Exit.OK
