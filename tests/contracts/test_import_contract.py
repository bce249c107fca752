"""The Qt-free core: herstel.core and herstel.storage never load Qt.

Checked twice: statically (no module names Qt, qasync or the UI layer in an
import) and dynamically (importing every module in a fresh interpreter leaves
no PySide6 module loaded), so neither a direct nor an indirect import slips by.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import herstel

PACKAGE_DIR = Path(herstel.__file__).parent
QT_FREE = ("core", "storage")
FORBIDDEN = ("PySide6", "shiboken6", "qasync", "herstel.ui", "herstel.app")


def qt_free_modules() -> list[str]:
    names = []
    for sub in QT_FREE:
        for path in sorted((PACKAGE_DIR / sub).rglob("*.py")):
            relative = path.relative_to(PACKAGE_DIR.parent).with_suffix("")
            parts = list(relative.parts)
            if parts[-1] == "__init__":
                parts.pop()
            names.append(".".join(parts))
    return names


def imported_names(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_there_are_modules_to_check() -> None:
    modules = qt_free_modules()
    assert "herstel.core.rhythm" in modules
    assert "herstel.storage.settings_file" in modules


def test_no_qt_free_module_names_qt_in_an_import() -> None:
    offenders = []
    for sub in QT_FREE:
        for path in sorted((PACKAGE_DIR / sub).rglob("*.py")):
            for name in imported_names(path):
                if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN):
                    offenders.append(f"{path.relative_to(PACKAGE_DIR)} imports {name}")
    assert offenders == []


def test_importing_every_core_and_storage_module_loads_no_qt() -> None:
    modules = qt_free_modules()
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "qt = ('PySide6', 'shiboken6', 'qasync')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in qt)\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_the_contract_check_would_catch_qt() -> None:
    """The dynamic check really sees Qt when something loads it."""
    script = "import PySide6.QtCore, sys; print('PySide6.QtCore' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"
