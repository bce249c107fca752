"""``herstel desktop install|remove``: the application-menu entry for pip installs."""

from __future__ import annotations

import os
import sys
from typing import TextIO

from herstel.cli.exits import Exit
from herstel.cli.messages import tr


def desktop(action: str, out: TextIO) -> int:
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
