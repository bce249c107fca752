"""Keep PySide6's import hook from holding the source of every module in memory.

Once PySide6 is loaded it inspects each module imported afterwards (for its
``from __feature__ import …`` support) by asking ``inspect.getsource`` whether
the text "PySide6" occurs in it. That goes through ``linecache``, which keeps
every line of every such module for the life of the process: about 6 MiB for
Herstel idling in the tray, more than all of its own code. The same question
answered by reading the file once and letting it go gives the hook the same
answer and keeps nothing.

Only the application calls :func:`spare_linecache`, once, before most of its
imports. Should PySide6 ever change this hook, the function does nothing.
"""

from __future__ import annotations

import linecache
import sys
from pathlib import Path
from types import ModuleType


def _mentions_pyside(module: ModuleType) -> bool:
    """What PySide6's own check answers ("PySide6" in the module's source), uncached."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False  # built-in, extension or source-less: PySide6 says False too
    try:
        return b"PySide6" in Path(path).read_bytes()
    except OSError:
        return False


def spare_linecache() -> None:
    """Replace the hook's source check with one that keeps nothing (see the module text)."""
    import PySide6.QtCore  # noqa: F401  (loading it installs the hook being tuned)

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        setattr(feature, "_mod_uses_pyside", _mentions_pyside)  # noqa: B010
        # What the hook read while PySide6 itself loaded (enum.py and PySide6's
        # own __init__ files, ~0.3 MiB as line strings) is not needed either.
        linecache.clearcache()
