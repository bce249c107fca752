"""``herstel about``: version, licence, the Qt underneath, and where the data is kept."""

from __future__ import annotations

from typing import TextIO

from herstel import __version__
from herstel.cli.messages import tr
from herstel.storage.paths import DataPaths


def show_about(paths: DataPaths, out: TextIO) -> None:
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
