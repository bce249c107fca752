"""Entry point of the ``herstel`` command: parse, run the command, turn errors into exit codes.

``status`` loads no Qt at all (it must beat ``herstel --version``); the other
commands live in their own modules, each loading what it needs only when it runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from herstel.cli.about import show_about
from herstel.cli.data_commands import run_data_command
from herstel.cli.desktop import desktop
from herstel.cli.exits import Exit, UsageError
from herstel.cli.launch import launch
from herstel.cli.launch_request import launch_request
from herstel.cli.parser import parse
from herstel.storage.paths import DataPaths


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
            show_about(paths, sys.stdout)
            return Exit.OK
        if args.command == "desktop":
            return desktop(args.action, sys.stdout)
        if args.command in {"export", "import"}:
            return run_data_command(args, paths)
        request = launch_request(args)
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

    return launch(request, paths)
