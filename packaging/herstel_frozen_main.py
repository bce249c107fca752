"""Entry point of the PyInstaller build: the same ``herstel`` command as the wheel's."""

from __future__ import annotations

import sys

from herstel.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
