"""The ``herstel`` command's arguments: the parser, its help texts, and parsing itself.

Only the shape of the command line lives here; what the values mean is
checked in :mod:`herstel.cli.launch_request` and by each command.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from typing import NoReturn

from herstel import __version__
from herstel.cli import messages
from herstel.cli.exits import UsageError
from herstel.cli.messages import tr
from herstel.storage.paths import DataDirError, DataPaths, resolve_paths

PHASE_OPTIONS = {
    "inhale": "--inhale",
    "exhale": "--exhale",
    "hold_in": "--hold-in",
    "hold_out": "--hold-out",
}
"""``breathe``'s phase overrides: the pattern field each option sets."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors become one-line UsageErrors."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser(explain: bool) -> _Parser:
    """The parser; its help texts are translated only when ``explain`` (help was asked for).

    Other launches never show them, and the catalogue would cost every start
    a few milliseconds. The local ``tr`` keeps the ``tr("…")`` calls that
    lupdate collects.
    """

    def tr(text: str) -> str:
        return messages.tr(text) if explain else text

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
    for field, option in PHASE_OPTIONS.items():
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


def _data_dir(args: argparse.Namespace) -> str | None:
    # After the command or before it, the same option means the same: "" is refused either way.
    after: str | None = getattr(args, "sub_data_dir", None)
    chosen: str | None = after if after is not None else args.data_dir
    if chosen is not None and not chosen.strip():
        raise UsageError(tr("--data-dir must not be empty"))
    return chosen


def parse(argv: Sequence[str]) -> tuple[argparse.Namespace, DataPaths]:
    """Parse and validate everything; raises UsageError."""
    argv = list(argv)
    explain = any(arg in {"-h", "--help"} for arg in argv)
    args = build_parser(explain).parse_args(argv)
    paths = resolve_paths(_data_dir(args), os.environ)
    if paths.data_dir.exists() and not paths.data_dir.is_dir():
        raise DataDirError(paths.data_dir, tr("it is a file, not a folder"))
    if args.tray and args.command is not None:
        raise UsageError(tr("--tray cannot be combined with a command"))
    return args, paths
