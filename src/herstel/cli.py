"""The ``herstel`` command: argument parsing and the headless commands.

Usage errors print exactly one line (``herstel: …``) and exit 2; runtime
failures exit 1; no traceback ever reaches the user. Commands that open a
window hand over to :mod:`herstel.app`, imported only then so that headless
commands start fast and never touch a display; the storage modules behind
export and import load only for those commands, so a launch stays lean.
"""

from __future__ import annotations

import argparse
import math
import os
import stat
import sys
from collections.abc import Mapping, Sequence
from datetime import datetime
from enum import IntEnum
from pathlib import Path
from typing import NoReturn, TextIO

from herstel import __version__
from herstel.core.clock import SystemClock
from herstel.core.launch import REMIND_MINUTES_LIMITS, Action, BreatheOptions, LaunchRequest
from herstel.core.rhythm import (
    BREATHS_LIMITS,
    DEFAULT_PATTERN,
    MINUTES_LIMITS,
    PHASE_LIMITS,
    STEP,
    Pattern,
    PatternError,
    parse_pattern,
)
from herstel.storage.paths import DataDirError, DataPaths, resolve_paths


class Exit(IntEnum):
    """Exit codes (documented in docs/cli.md)."""

    OK = 0
    FAILURE = 1  # a runtime failure: I/O error, corrupt or too-new database
    USAGE = 2  # a usage error or invalid input
    NOT_RUNNING = 3  # herstel status: no instance runs for this data folder


class UsageError(Exception):
    """A problem with what the user typed; the message is already translated."""


class _Messages:
    """Translated one-line messages; the catalogue loads only when one is needed."""

    def __init__(self) -> None:
        self._catalogue: object | None = None

    def tr(self, text: str) -> str:
        from herstel.ui.common.i18n import MessageCatalogue

        if self._catalogue is None:
            self._catalogue = MessageCatalogue.for_system_locale()
        assert isinstance(self._catalogue, MessageCatalogue)
        # lupdate files module-level tr() calls under the empty context.
        return self._catalogue.translate("", text)


_messages = _Messages()


def tr(text: str) -> str:
    return _messages.tr(text)


def _number(text: str) -> str:
    """A number as people write it: 4 rather than 4.0."""
    value = float(text)
    return str(int(value)) if value.is_integer() else str(value)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors become one-line UsageErrors."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


_PHASE_OPTIONS = {
    "inhale": "--inhale",
    "exhale": "--exhale",
    "hold_in": "--hold-in",
    "hold_out": "--hold-out",
}


def _phase_seconds(field: str, text: str) -> float:
    """One phase override, validated against the same limits as a pattern."""
    option = _PHASE_OPTIONS[field]
    low, high = PHASE_LIMITS[field]
    try:
        seconds = float(text.replace(",", "."))
    except ValueError:
        raise UsageError(
            tr("{option} must be a number of seconds (got '{value}')").format(
                option=option, value=text
            )
        ) from None
    try:
        DEFAULT_PATTERN.with_overrides(**{field: seconds})
    except PatternError:
        shown = text if not math.isfinite(seconds) else _number(str(seconds))
        raise UsageError(
            tr("{option} must be {low}–{high} seconds in {step} s steps (got {value})").format(
                option=option,
                low=_number(str(low)),
                high=_number(str(high)),
                step=_number(str(STEP)),
                value=shown,
            )
        ) from None
    return seconds


def _whole(option: str, text: str, limits: tuple[int, int]) -> int:
    low, high = limits
    try:
        value = int(text)
    except ValueError:
        value = None
    if value is None or not low <= value <= high:
        raise UsageError(
            tr("{option} must be a whole number from {low} to {high} (got {value})").format(
                option=option, low=low, high=high, value=text
            )
        )
    return value


def _pattern(text: str) -> Pattern:
    try:
        return parse_pattern(text)
    except PatternError as error:
        if error.field == "top_up":  # "3+5-6": the short second breath in is out of range
            raise UsageError(
                tr(
                    "--pattern '{pattern}': the second breath in must be {low}–{high} seconds "
                    "in {step} s steps (got {value})"
                ).format(
                    pattern=text,
                    low=_number(str(error.low)),
                    high=_number(str(error.high)),
                    step=_number(str(STEP)),
                    value=_number(str(error.value)),
                )
            ) from None
        if error.field != "pattern":  # e.g. "9-6": readable, but a phase is out of range
            option = _PHASE_OPTIONS[error.field]
            low, high = PHASE_LIMITS[error.field]
            raise UsageError(
                tr(
                    "--pattern '{pattern}': {phase} must be {low}–{high} seconds "
                    "in {step} s steps (got {value})"
                ).format(
                    pattern=text,
                    phase=option.removeprefix("--"),
                    low=_number(str(low)),
                    high=_number(str(high)),
                    step=_number(str(STEP)),
                    value=_number(str(error.value)),
                )
            ) from None
        raise UsageError(
            tr(
                "--pattern must be a preset (4-6, 5-5, 6-6, gentle, box, 4-7-8, sigh) "
                "or seconds like 4-6, 4-4-4-4 or 3+1-6 (got '{value}')"
            ).format(value=text)
        ) from None


def _build_parser(explain: bool) -> _Parser:
    """The parser; its help texts are translated only when ``explain`` (help was asked for).

    Other launches never show them, and the catalogue would cost every start
    a few milliseconds. The local ``tr`` keeps the ``tr("…")`` calls that
    lupdate collects.
    """

    def tr(text: str) -> str:
        return _messages.tr(text) if explain else text

    data_dir_help = tr("keep data and settings in DIR instead of the usual place")
    parser = _Parser(
        prog="herstel",
        description=tr("Guided slow-breathing breaks that help you recover, not just rest."),
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"herstel {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help=data_dir_help)
    parser.add_argument(
        "--tray", action="store_true", help=tr("start in the tray without opening a window")
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    breathe = commands.add_parser(
        "breathe",
        help=tr("start a breathing session now"),
        description=tr("Start a breathing session now."),
        allow_abbrev=False,
    )
    breathe.add_argument(
        "--pattern",
        metavar="PATTERN",
        help=tr("4-6, 5-5, 6-6, gentle, box, 4-7-8, sigh or seconds like 4-6 (default: saved)"),
    )
    for field, option in _PHASE_OPTIONS.items():
        breathe.add_argument(
            option,
            dest=field,
            metavar="S",
            help=tr("override one phase of the pattern, in seconds"),
        )
    breathe.add_argument("--minutes", metavar="M", help=tr("length in minutes (1–20)"))
    breathe.add_argument("--breaths", metavar="N", help=tr("length in breaths (1–120)"))
    breathe.add_argument(
        "--no-check",
        action="store_true",
        help=tr("end on a short summary instead of the recovery check"),
    )
    breathe.add_argument(
        "--eyes-closed",
        action="store_true",
        help=tr("this session in eyes-closed mode: full screen, dark, guided by sound"),
    )

    history = commands.add_parser(
        "history",
        help=tr("open the history of your sessions"),
        allow_abbrev=False,
    )
    remind = commands.add_parser(
        "remind",
        help=tr("remind me to take a break in MINUTES (1–720)"),
        allow_abbrev=False,
    )
    remind.add_argument("minutes", metavar="MINUTES", help=tr("minutes from now (1–720)"))

    export = commands.add_parser(
        "export",
        help=tr("write all your sessions, answers and reminders as CSV or JSON"),
        description=tr("Write all your data as JSON, or one table as CSV (stdout without -o)."),
        allow_abbrev=False,
    )
    export.add_argument("--format", choices=("csv", "json"), default="json", help="csv or json")
    export.add_argument(
        "--table",
        choices=("sessions", "nights", "reminders"),
        default=None,
        help=tr("CSV only: which table to write (default: sessions)"),
    )
    export.add_argument("-o", "--output", metavar="FILE", help=tr("write to FILE"))

    import_ = commands.add_parser(
        "import",
        help=tr("add the sessions from a JSON export; ones you already have are skipped"),
        allow_abbrev=False,
    )
    import_.add_argument("file", metavar="FILE", help=tr("a JSON file written by herstel export"))

    status = commands.add_parser(
        "status",
        help=tr("say what the running Herstel is doing (exit 3 when it is not running)"),
        allow_abbrev=False,
    )
    status.add_argument("--json", action="store_true", help=tr("one JSON object per line"))
    status.add_argument("--watch", action="store_true", help=tr("print a new line on every change"))

    about = commands.add_parser(
        "about",
        help=tr("show version, licence and where your data is kept"),
        allow_abbrev=False,
    )
    desktop = commands.add_parser(
        "desktop",
        help=tr("add Herstel to the application menu, or take it out"),
        allow_abbrev=False,
    )
    desktop.add_argument("action", choices=("install", "remove"))

    for sub in (breathe, history, remind, export, import_, status, about):
        sub.add_argument(
            "--data-dir", dest="sub_data_dir", metavar="DIR", default=None, help=data_dir_help
        )
    return parser


def _breathe_options(args: argparse.Namespace) -> BreatheOptions:
    if args.minutes is not None and args.breaths is not None:
        raise UsageError(tr("--minutes and --breaths cannot be used together"))
    phases = {
        field: _phase_seconds(field, getattr(args, field))
        for field in _PHASE_OPTIONS
        if getattr(args, field) is not None
    }
    return BreatheOptions(
        pattern=_pattern(args.pattern) if args.pattern is not None else None,
        minutes=_whole("--minutes", args.minutes, MINUTES_LIMITS)
        if args.minutes is not None
        else None,
        breaths=_whole("--breaths", args.breaths, BREATHS_LIMITS)
        if args.breaths is not None
        else None,
        no_check=args.no_check,
        eyes_closed=args.eyes_closed,
        **phases,
    )


def _data_dir(args: argparse.Namespace) -> str | None:
    # After the command or before it, the same option means the same: "" is refused either way.
    after: str | None = getattr(args, "sub_data_dir", None)
    chosen: str | None = after if after is not None else args.data_dir
    if chosen is not None and not chosen.strip():
        raise UsageError(tr("--data-dir must not be empty"))
    return chosen


def _about(paths: DataPaths, out: TextIO) -> None:
    import PySide6
    from PySide6.QtCore import qVersion

    rows = [
        (tr("Version"), __version__),
        (tr("Licence"), "GPL-3.0-or-later"),
        (
            tr("Uses"),
            tr("Qt {qt} and PySide6 {pyside} (LGPL-3.0)").format(
                qt=qVersion(), pyside=PySide6.__version__
            ),
        ),
        (tr("Data"), str(paths.data_dir)),
        (tr("Settings"), str(paths.settings_file)),
        (tr("Logs"), str(paths.log_dir)),
    ]
    width = max(len(label) for label, _ in rows) + 1
    out.write(tr("Herstel — guided slow-breathing breaks") + "\n")
    for label, value in rows:
        out.write(f"{label + ':':<{width}} {value}\n")


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


def _headless(args: argparse.Namespace, paths: DataPaths) -> int:
    """Run a command that needs no display; storage errors exit 1 with one line."""
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
            ).format(path=error.path, seconds=_number(str(BUSY_TIMEOUT))),
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
                path=paths.database, reason=_one_line(str(error))
            ),
            file=sys.stderr,
        )
        return Exit.FAILURE
    except OSError as error:  # the export's file: a read-only folder, a full disk
        where = error.filename or args.output or ""
        print(
            "herstel: "
            + tr("cannot write {path}: {reason}; nothing was changed").format(
                path=where, reason=_one_line(error.strerror or str(error))
            ),
            file=sys.stderr,
        )
        return Exit.FAILURE
    return Exit.OK


def _one_line(text: str) -> str:
    return text.replace("\n", "\\n").replace("\r", "\\r")


def _desktop(action: str, out: TextIO) -> int:
    """Add or remove the launcher entry and icons for pip installs (Linux)."""
    from herstel.platform import desktop_entry as de

    if not sys.platform.startswith("linux") or de.running_in_flatpak():
        print("herstel: " + tr("nothing to do here; see docs/packaging.md"), file=sys.stderr)
        return Exit.OK
    data_home = de.xdg_data_home(os.environ)
    if action == "install":
        program = de.herstel_executable(sys.argv[0], sys.executable, getattr(sys, "frozen", False))
        if program is None:
            print(
                "herstel: " + tr("cannot find the herstel program to put in the menu"),
                file=sys.stderr,
            )
            return Exit.FAILURE
        try:
            paths = de.install_desktop_entry(data_home, program)
        except de.DesktopEntryError as error:
            print(f"herstel: {error}", file=sys.stderr)
            return Exit.FAILURE
    else:
        paths = de.remove_desktop_entry(data_home)
        config_home = de.xdg_config_home(os.environ)
        if de.disable_autostart(config_home):
            paths.append(de.autostart_entry_path(config_home))
    out.writelines(f"{p}\n" for p in paths)
    return Exit.OK


def parse(argv: Sequence[str]) -> tuple[argparse.Namespace, DataPaths]:
    """Parse and validate everything; raises UsageError."""
    argv = list(argv)
    explain = any(arg in {"-h", "--help"} for arg in argv)
    args = _build_parser(explain).parse_args(argv)
    paths = resolve_paths(_data_dir(args), os.environ)
    if paths.data_dir.exists() and not paths.data_dir.is_dir():
        raise DataDirError(paths.data_dir, tr("it is a file, not a folder"))
    if args.tray and args.command is not None:
        raise UsageError(tr("--tray cannot be combined with a command"))
    return args, paths


def _request(args: argparse.Namespace) -> LaunchRequest:
    if args.command == "breathe":
        return LaunchRequest(Action.BREATHE, _breathe_options(args))
    if args.command == "history":
        return LaunchRequest(Action.HISTORY)
    if args.command == "remind":
        minutes = _whole("MINUTES", args.minutes, REMIND_MINUTES_LIMITS)
        return LaunchRequest(Action.REMIND, remind_minutes=minutes)
    return LaunchRequest(Action.TRAY if args.tray else Action.SHOW)


def _command_word(argv: Sequence[str]) -> str | None:
    """The subcommand named in ``argv`` (the first word that is not an option)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--data-dir":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def _status(args: argparse.Namespace, paths: DataPaths) -> int:
    """``herstel status``: no Qt on this path, it must beat ``herstel --version``."""
    from herstel import status_command
    from herstel.platform.instance_address import socket_name

    try:
        name = socket_name(paths.data_dir, os.environ)
    except OSError as error:
        print(f"herstel: {error}", file=sys.stderr)
        return Exit.FAILURE
    try:
        return status_command.run(
            name, watch=args.watch, as_json=args.json, lock_file=paths.lock_file
        )
    except KeyboardInterrupt:  # Ctrl-C ends a --watch: not an error
        return Exit.OK
    except BrokenPipeError:  # the panel went away: not our failure, and nothing to say
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the exit's flush does not fail again
        os.close(devnull)
        return Exit.OK


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``herstel`` console script; returns the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    if _command_word(argv) != "status":  # status must stay fast: no Qt at all
        from herstel.platform.pyside_import_hook import spare_linecache

        spare_linecache()  # Qt loads for every command (translated messages); before the rest
    try:
        args, paths = parse(argv)
        if args.command == "status":
            return _status(args, paths)
        if args.command == "about":
            _about(paths, sys.stdout)
            return Exit.OK
        if args.command == "desktop":
            return _desktop(args.action, sys.stdout)
        if args.command in {"export", "import"}:
            return _headless(args, paths)
        request = _request(args)
    except UsageError as error:
        print(f"herstel: {error}", file=sys.stderr)
        return Exit.USAGE
    except SystemExit as done:  # --help and --version
        return int(done.code or 0)
    except KeyboardInterrupt:
        return 130
    except OSError as error:
        print(f"herstel: {error.strerror or error}", file=sys.stderr)
        return Exit.FAILURE

    return _launch(request, paths)


_HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay")


def _has_display(env: Mapping[str, str]) -> bool:
    """Whether Qt can open a window here (Linux); a forwarded request needs none."""
    if not sys.platform.startswith("linux"):
        return True
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return True
    return env.get("QT_QPA_PLATFORM", "").split(":")[0] in _HEADLESS_PLATFORMS


def _session_running(paths: DataPaths) -> bool:
    """Whether the running instance (if any) has a session open: asked before handing over."""
    from herstel.platform.instance_address import socket_name
    from herstel.platform.status_client import NotRunning, StatusUnavailable, statuses

    try:
        for status in statuses(socket_name(paths.data_dir, os.environ), watch=False):
            return bool(status.session_running)
    except (NotRunning, StatusUnavailable, OSError):
        return False
    return False


def _launch(request: LaunchRequest, paths: DataPaths) -> int:
    """Become the running instance for this data folder, or hand the request to it."""
    from herstel.platform.single_instance import claim

    running = request.action is Action.BREATHE and _session_running(paths)
    try:
        instance = claim(paths, request)
    except OSError as error:  # SingleInstanceError, DataDirError
        print(f"herstel: {error}", file=sys.stderr)
        return Exit.FAILURE
    if instance is None:
        if running:  # the running instance raised its session instead of starting one
            print(tr("A session is already running; it was brought to the front."))
        return Exit.OK  # the running instance took it
    if not _has_display(os.environ):
        instance.close()
        print(
            "herstel: "
            + tr("no display to open a window on (DISPLAY and WAYLAND_DISPLAY are not set)"),
            file=sys.stderr,
        )
        return Exit.FAILURE
    from herstel.app.bootstrap import run_app

    return run_app(request, paths, instance=instance)
