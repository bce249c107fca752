"""The ``herstel`` command: argument parsing and the headless commands.

Usage errors print exactly one line (``herstel: …``) and exit 2; runtime
failures exit 1; no traceback ever reaches the user. Commands that open a
window hand over to :mod:`herstel.app`, imported only then so that headless
commands start fast and never touch a display; the storage modules behind
export and import load only for those commands, so a launch stays lean.
The entry point is :func:`herstel.cli.main.main`.
"""
