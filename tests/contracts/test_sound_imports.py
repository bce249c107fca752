"""QtMultimedia stays off the start-up path: it loads only when sound is turned on.

Checked statically (only ``platform/sound_qt.py`` names QtMultimedia at module level, and
it is imported only from inside ``platform/sound.py``'s functions) and dynamically (a
fresh interpreter importing the app and every sound-related module has loaded
neither ``herstel.platform.sound_qt`` nor ``PySide6.QtMultimedia``).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import herstel

PACKAGE_DIR = Path(herstel.__file__).parent


def imports(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def module_level_imports(tree: ast.Module) -> list[str]:
    """Imports run when the module loads (not inside a function)."""
    found: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if isinstance(node, ast.ClassDef):  # class bodies run at import too
                found.extend(
                    name
                    for child in node.body
                    if not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
                    for name in imports(child)
                )
            continue
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.dump(node.test):
            continue
        found.extend(imports(node))
    return found


def test_only_sound_qt_imports_qtmultimedia_at_load() -> None:
    offenders = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name in module_level_imports(tree):
            bad = name.startswith("PySide6.QtMultimedia") or name == "herstel.platform.sound_qt"
            if bad and path.name != "sound_qt.py":
                offenders.append(f"{path.relative_to(PACKAGE_DIR)} imports {name}")
    assert offenders == []


def test_sound_qt_is_imported_only_by_sound() -> None:
    users = sorted(
        str(path.relative_to(PACKAGE_DIR))
        for path in PACKAGE_DIR.rglob("*.py")
        if "herstel.platform.sound_qt" in imports(ast.parse(path.read_text(encoding="utf-8")))
    )
    assert users == ["platform/sound.py"]


def test_importing_the_app_and_the_sound_modules_loads_no_qtmultimedia() -> None:
    script = (
        "import sys\n"
        "import herstel.app, herstel.cli.main\n"
        "import herstel.ui.session.controller, herstel.ui.session.window\n"
        "import herstel.ui.settings.dialog, herstel.ui.session.cue_player, herstel.platform.sound\n"
        "bad = sorted(m for m in sys.modules\n"
        "             if m == 'herstel.platform.sound_qt'\n"
        "             or m.startswith('PySide6.QtMultimedia'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_the_check_would_see_a_module_level_import() -> None:
    tree = ast.parse(
        "import PySide6.QtMultimedia\ndef f():\n    import herstel.platform.sound_qt\n"
    )
    assert module_level_imports(tree) == ["PySide6.QtMultimedia"]
