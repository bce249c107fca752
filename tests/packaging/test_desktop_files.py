"""The shipped desktop entry, autostart entry, AppStream metainfo and icons.

The validators are the real ones (desktop-file-validate, appstreamcli); the
rest checks that the files agree with each other and with the package: one
application id everywhere, the current version has release notes, every icon
size is built.
"""

from __future__ import annotations

import re
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

import herstel
from herstel import APP_ID
from herstel.platform.desktop_entry import ICON_SIZES, install_desktop_entry

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "resources" / "desktop"
ICONS = ROOT / "resources" / "icons"
MENU_ENTRY = DESKTOP / f"{APP_ID}.desktop"
AUTOSTART = DESKTOP / f"{APP_ID}-autostart.desktop"
METAINFO = DESKTOP / f"{APP_ID}.metainfo.xml"

Runner = Callable[..., subprocess.CompletedProcess[str]]


def entry_keys(path: Path, group: str = "Desktop Entry") -> dict[str, str]:
    keys: dict[str, str] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            current = line.strip("[]")
        elif current == group and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            keys[key] = value
    return keys


def assert_appstream_clean(result: subprocess.CompletedProcess[str]) -> None:
    """Exit 0 and no error or warning; infos and pedantic notes are allowed.

    (AppStream 0.16 on Debian 12 reports the newer <developer> tag as an info.)
    """
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert not re.search(r"^\s*[EW]: ", output, re.MULTILINE), output


@pytest.mark.parametrize("path", [MENU_ENTRY, AUTOSTART], ids=lambda p: p.name)
def test_desktop_file_validate_accepts_the_shipped_entries(
    path: Path, validate_desktop_file: Callable[[Path], None]
) -> None:
    validate_desktop_file(path)


def test_appstreamcli_accepts_the_metainfo(appstreamcli: Runner) -> None:
    assert_appstream_clean(appstreamcli("validate", "--no-net", "--explain", METAINFO))


def test_appstreamcli_accepts_an_installed_tree(appstreamcli: Runner, tmp_path: Path) -> None:
    """Metainfo, desktop entry and icons laid out as a distribution package would be."""
    share = tmp_path / "usr" / "share"
    install_desktop_entry(share, "/usr/bin/herstel")
    (share / "metainfo").mkdir()
    (share / "metainfo" / METAINFO.name).write_bytes(METAINFO.read_bytes())
    assert_appstream_clean(appstreamcli("validate-tree", "--no-net", "--explain", tmp_path))


def test_the_menu_entry_names_the_app_id_and_the_command() -> None:
    keys = entry_keys(MENU_ENTRY)
    assert keys["Type"] == "Application"
    assert keys["Name"] == "Herstel"
    assert keys["Icon"] == APP_ID
    assert keys["Exec"] == "herstel"
    assert keys["TryExec"] == "herstel"
    assert keys["StartupWMClass"] == herstel.APP_NAME  # Qt's WM_CLASS is the application name
    assert "Utility" in keys["Categories"].split(";")
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert f"{key}[nl]" in keys or key == "Name", f"no Dutch {key}"
    action = entry_keys(MENU_ENTRY, "Desktop Action breathe")
    assert action["Exec"] == "herstel breathe"


def test_the_autostart_entry_starts_the_tray_at_login() -> None:
    keys = entry_keys(AUTOSTART)
    assert keys["Exec"] == "herstel --tray"
    assert keys["Icon"] == APP_ID
    assert keys["X-GNOME-Autostart-enabled"] == "true"
    assert keys.get("Hidden", "false") == "false"


def test_the_metainfo_agrees_with_the_package() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert root.findtext("project_license") == pyproject["project"]["license"]
    assert root.findtext("launchable[@type='desktop-id']") == MENU_ENTRY.name
    assert root.findtext("provides/binary") == "herstel"
    assert root.findtext("translation[@type='qt']") == "herstel"
    assert (ROOT / "resources" / "translations" / "herstel_nl.ts").exists()
    assert root.find("content_rating[@type='oars-1.1']") is not None
    newest = root.find("releases/release")
    assert newest is not None
    assert newest.get("version") == herstel.__version__, (
        "add a <release> for this version to the metainfo (newest first)"
    )


def test_the_metainfo_makes_no_medical_claims() -> None:
    text = METAINFO.read_text(encoding="utf-8").lower()
    for claim in ("cure", "treats", "therapy", "diagnos", "heals", "clinically"):
        assert claim not in text
    assert "not a treatment" in text


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", ICON_SIZES)
def test_the_build_rendered_every_icon_size(size: int) -> None:
    png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    assert png.exists(), f"{png} missing: the build hook renders it (pip install -e .)"
    assert png_size(png) == (size, size)


def test_the_svg_icons_are_the_ones_the_app_names() -> None:
    for name in (APP_ID, "herstel-tray"):
        svg = ET.parse(ICONS / f"{name}.svg").getroot()
        assert svg.tag == "{http://www.w3.org/2000/svg}svg"
        assert svg.get("viewBox") is not None
