"""The Windows .ico and macOS .icns files the PyInstaller spec makes from the PNGs.

Read back with Qt's own ico/icns image readers (independent of the writer),
which is as close to Windows and macOS as this Linux machine gets.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]


def load_icon_files() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "herstel_packaging_icon_files", ROOT / "packaging" / "icon_files.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


icon_files = load_icon_files()


def read_all(path: Path) -> list[tuple[int, int]]:
    reader = QImageReader(str(path))
    sizes = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append((image.width(), image.height()))
    return sizes


@pytest.fixture
def written(tmp_path: Path, qapp: QApplication) -> tuple[Path, Path]:
    ico, icns = icon_files.write_platform_icons(ROOT / "resources" / "icons", tmp_path)
    return Path(ico), Path(icns)


def test_the_ico_holds_every_windows_size(written: tuple[Path, Path]) -> None:
    ico, _ = written
    assert QImageReader(str(ico)).format().data() == b"ico"
    assert read_all(ico) == [(n, n) for n in icon_files.ICO_SIZES]


def test_the_icns_holds_every_macos_element(written: tuple[Path, Path]) -> None:
    _, icns = written
    assert icns.read_bytes()[:4] == b"icns"
    assert QImageReader(str(icns)).format().data() == b"icns"
    assert read_all(icns) == [(n, n) for n in icon_files.ICNS_TYPES.values()]


def test_missing_renderings_are_reported(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="missing"):
        icon_files.ico_bytes({16: b""})
