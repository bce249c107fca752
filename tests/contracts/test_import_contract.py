"""The Qt-free core: herstel.core and herstel.storage never load Qt.

Statically, import-linter checks the layers and the Qt-free contract of
pyproject.toml in ``dev.py check`` (lazy imports inside functions included);
here the same contracts are run against a deliberately bad copy of the package
layout, to see that they really break. Dynamically, importing every core and
storage module in a fresh interpreter must leave no PySide6 module loaded.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import herstel

PACKAGE_DIR = Path(herstel.__file__).parent
QT_FREE = ("core", "storage")


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


def test_there_are_modules_to_check() -> None:
    modules = qt_free_modules()
    assert "herstel.core.rhythm" in modules
    assert "herstel.storage.settings_file" in modules


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


ROOT = PACKAGE_DIR.parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
LAYERS = ("cli", "app", "ui", "platform", "storage", "core")
QT_CONTRACT = "core and storage are plain Python: no Qt, no event loop"
LAYERS_CONTRACT = "Layers: cli -> app -> ui -> platform -> storage -> core"


def lint_fake_herstel(tmp_path: Path, bad: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run the project's own import contracts on a small ``herstel`` with ``bad`` modules."""
    package = tmp_path / "fake" / "herstel"
    for layer in LAYERS:
        if layer in {"cli", "app"}:
            (package / f"{layer}.py").parent.mkdir(parents=True, exist_ok=True)
            (package / f"{layer}.py").write_text("")
        else:
            (package / layer).mkdir(parents=True, exist_ok=True)
            (package / layer / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    for name, source in bad.items():
        (package / name).write_text(source)
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(ROOT / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path / "fake")},
    )


def test_a_clean_layout_keeps_both_contracts(tmp_path: Path) -> None:
    result = lint_fake_herstel(tmp_path, {"core/rhythm.py": "import json\n"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_qt_in_the_core_breaks_the_qt_free_contract(tmp_path: Path) -> None:
    result = lint_fake_herstel(
        tmp_path, {"core/clock.py": "def now():\n    from PySide6 import QtCore\n"}
    )
    assert result.returncode != 0
    assert f"{QT_CONTRACT} BROKEN" in result.stdout
    assert f"{LAYERS_CONTRACT} KEPT" in result.stdout


def test_storage_reaching_up_to_the_ui_breaks_the_layers(tmp_path: Path) -> None:
    result = lint_fake_herstel(
        tmp_path, {"storage/history.py": "def refresh():\n    import herstel.ui\n"}
    )
    assert result.returncode != 0
    assert f"{LAYERS_CONTRACT} BROKEN" in result.stdout
    assert f"{QT_CONTRACT} KEPT" in result.stdout
