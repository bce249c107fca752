"""Installing and removing the menu entry, its icons and the autostart entry.

Against real folders under tmp_path; the written entries go through the real
desktop-file-validate, and GLib's own launcher (``gio launch``) runs them to
prove the quoted Exec line starts the right program with the right arguments.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import pytest

from herstel import APP_ID
from herstel.platform.desktop_entry import (
    ICON_SIZES,
    DesktopEntryError,
    autostart_enabled,
    autostart_entry_path,
    desktop_entry_path,
    disable_autostart,
    enable_autostart,
    herstel_executable,
    icon_paths,
    install_desktop_entry,
    quote_exec_argument,
    remove_desktop_entry,
    running_in_flatpak,
    xdg_config_home,
    xdg_data_home,
)

Runner = Callable[..., subprocess.CompletedProcess[str]]
# A folder name with the characters the Exec quoting rules are about.
AWKWARD = 'my apps $HOME "quoted" `tick` it\'s \\ here'


def fake_herstel(folder: Path) -> Path:
    """An executable that records its arguments, standing in for ``herstel``."""
    folder.mkdir(parents=True)
    program = folder / "herstel"
    program.write_text(
        '#!/bin/sh\nprintf "%s\\n" "$0" "$@" > "$0.ran"\n',
        encoding="utf-8",
    )
    program.chmod(0o755)
    return program


def keys(path: Path, group: str = "Desktop Entry") -> dict[str, str]:
    found: dict[str, str] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("["):
            current = line.strip("[]")
        elif current == group and "=" in line:
            key, _, value = line.partition("=")
            found[key] = value
    return found


def unescape_string(value: str) -> str:
    """Desktop Entry ``string`` escapes: \\s \\n \\t \\r \\\\."""
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars)
            out.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}[nxt])
        else:
            out.append(char)
    return "".join(out)


def split_exec(value: str) -> list[str]:
    """Exec=… back into arguments, following the spec (written independently of the code)."""
    text = unescape_string(value)
    args: list[str] = []
    current: list[str] | None = None
    i = 0
    while i < len(text):
        char = text[i]
        if char == " ":
            if current is not None:
                args.append("".join(current))
                current = None
        elif char == '"':
            current = current if current is not None else []
            i += 1
            while text[i] != '"':
                if text[i] == "\\":
                    i += 1
                    assert text[i] in '"`$\\', f"bad escape in {value!r}"
                current.append(text[i])
                i += 1
        else:
            current = current if current is not None else []
            assert char not in "\"'\\><~|&;$*?#()`", f"unquoted reserved {char!r} in {value!r}"
            current.append(char)
        i += 1
    if current is not None:
        args.append("".join(current))
    return [arg.replace("%%", "%") for arg in args]


def installed_files(data_home: Path) -> list[Path]:
    return sorted(p for p in data_home.rglob("*") if p.is_file())


# -- install -------------------------------------------------------------------------------


def test_install_writes_the_entry_and_every_icon(tmp_path: Path) -> None:
    program = fake_herstel(tmp_path / "venv" / "bin")
    data_home = tmp_path / "share"
    written = install_desktop_entry(data_home, str(program))

    entry = data_home / "applications" / f"{APP_ID}.desktop"
    assert written[-1] == entry  # the entry comes last, after its icons
    assert sorted(written) == installed_files(data_home)
    assert len(written) == 1 + 1 + len(ICON_SIZES)
    hicolor = data_home / "icons" / "hicolor"
    shipped = files("herstel.resources") / "icons"
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes() == (
        shipped / f"{APP_ID}.svg"
    ).read_bytes()
    for size in ICON_SIZES:
        png = f"{size}x{size}/apps/{APP_ID}.png"
        assert (hicolor / png).read_bytes() == (shipped / "hicolor" / png).read_bytes()
    for path in written:
        assert path.stat().st_mode & 0o777 == 0o644


def test_the_installed_entry_runs_the_absolute_executable(
    tmp_path: Path, validate_desktop_file: Callable[[Path], None]
) -> None:
    program = fake_herstel(tmp_path / AWKWARD / "bin")
    data_home = tmp_path / "share"
    install_desktop_entry(data_home, str(program))
    entry = desktop_entry_path(data_home)

    validate_desktop_file(entry)
    main = keys(entry)
    assert split_exec(main["Exec"]) == [str(program)]
    assert unescape_string(main["TryExec"]) == str(program)
    assert main["Icon"] == APP_ID
    assert split_exec(keys(entry, "Desktop Action breathe")["Exec"]) == [str(program), "breathe"]


def test_glib_launches_the_installed_entry(tmp_path: Path, gio: Runner) -> None:
    """GLib parses the quoted Exec line and starts exactly our program."""
    program = fake_herstel(tmp_path / AWKWARD / "bin")
    data_home = tmp_path / "share"
    install_desktop_entry(data_home, str(program))
    result = gio("launch", desktop_entry_path(data_home))
    assert result.returncode == 0, result.stderr
    assert wait_for_run(program) == [str(program)]


def wait_for_run(program: Path) -> list[str]:
    """The arguments the fake program recorded (gio starts it and returns at once)."""
    record = Path(f"{program}.ran")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if record.exists() and record.read_text(encoding="utf-8").endswith("\n"):
            return record.read_text(encoding="utf-8").splitlines()
        time.sleep(0.05)  # waiting for another process, not timing logic
    pytest.fail(f"{program} did not run")


def test_install_is_idempotent(tmp_path: Path) -> None:
    program = fake_herstel(tmp_path / "bin")
    data_home = tmp_path / "share"
    first = install_desktop_entry(data_home, str(program))
    before = {p: p.read_bytes() for p in installed_files(data_home)}
    second = install_desktop_entry(data_home, str(program))
    assert first == second
    assert {p: p.read_bytes() for p in installed_files(data_home)} == before  # no temp files


def test_install_again_points_at_a_moved_executable(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    install_desktop_entry(data_home, str(fake_herstel(tmp_path / "old")))
    moved = fake_herstel(tmp_path / "new")
    install_desktop_entry(data_home, str(moved))
    assert split_exec(keys(desktop_entry_path(data_home))["Exec"]) == [str(moved)]


@pytest.mark.parametrize(
    "executable",
    ["herstel", "bin/herstel", "", "/opt/a\nb/herstel", "/opt/50%/herstel"],
)
def test_an_unusable_executable_path_writes_nothing(tmp_path: Path, executable: str) -> None:
    with pytest.raises(DesktopEntryError):
        install_desktop_entry(tmp_path / "share", executable)
    assert not (tmp_path / "share").exists()


def test_quoting_follows_the_spec() -> None:
    assert quote_exec_argument("/usr/bin/herstel") == "/usr/bin/herstel"
    assert quote_exec_argument("--tray") == "--tray"
    assert quote_exec_argument("/a b/x") == '"/a b/x"'
    assert quote_exec_argument('/a"$`\\/x') == '"/a\\"\\$\\`\\\\/x"'
    assert quote_exec_argument("100%") == "100%%"
    assert quote_exec_argument("") == '""'


# -- remove --------------------------------------------------------------------------------


def test_remove_takes_exactly_what_install_wrote(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    apps = data_home / "applications"
    small = data_home / "icons" / "hicolor" / "16x16" / "apps"
    apps.mkdir(parents=True)
    small.mkdir(parents=True)
    others = [
        apps / "org.example.Other.desktop",
        apps / f"{APP_ID}.desktop.bak",
        small / "org.example.Other.png",
        data_home / "icons" / "hicolor" / "index.theme",
    ]
    for other in others:
        other.write_text("someone else's\n", encoding="utf-8")

    written = install_desktop_entry(data_home, str(fake_herstel(tmp_path / "bin")))
    removed = remove_desktop_entry(data_home)

    assert sorted(removed) == sorted(written)
    assert not any(path.exists() for path in written)
    assert installed_files(data_home) == sorted(others)
    for other in others:
        assert other.read_text(encoding="utf-8") == "someone else's\n"
    # The folders it emptied go (issue #15); those holding someone else's files stay.
    assert not (data_home / "icons" / "hicolor" / "scalable").exists()
    assert small.is_dir()


def test_remove_is_idempotent(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    assert remove_desktop_entry(data_home) == []
    install_desktop_entry(data_home, str(fake_herstel(tmp_path / "bin")))
    assert remove_desktop_entry(data_home) != []
    assert remove_desktop_entry(data_home) == []
    assert not data_home.exists() or installed_files(data_home) == []


def test_remove_also_takes_icons_of_an_older_install_without_pngs(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    for path in icon_paths(data_home)[:3]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"old")
    assert len(remove_desktop_entry(data_home)) == 3


def test_a_stale_gtk_icon_cache_is_marked_out_of_date(tmp_path: Path) -> None:
    data_home = tmp_path / "share"
    hicolor = data_home / "icons" / "hicolor"
    hicolor.mkdir(parents=True)
    cache = hicolor / "icon-theme.cache"
    cache.write_bytes(b"cache")
    os.utime(hicolor, (1_000_000, 1_000_000))
    os.utime(cache, (2_000_000, 2_000_000))
    install_desktop_entry(data_home, str(fake_herstel(tmp_path / "bin")))
    assert hicolor.stat().st_mtime > cache.stat().st_mtime


# -- autostart -----------------------------------------------------------------------------


def test_autostart_round_trip(
    tmp_path: Path, validate_desktop_file: Callable[[Path], None]
) -> None:
    config_home = tmp_path / "config"
    other = config_home / "autostart" / "org.example.Other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    program = fake_herstel(tmp_path / AWKWARD / "bin")

    assert not autostart_enabled(config_home)
    path = enable_autostart(config_home, str(program))
    assert path == autostart_entry_path(config_home)
    assert path == config_home / "autostart" / f"{APP_ID}.desktop"
    validate_desktop_file(path)
    entry = keys(path)
    assert split_exec(entry["Exec"]) == [str(program), "--tray"]
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert autostart_enabled(config_home)
    assert enable_autostart(config_home, str(program)) == path  # idempotent

    assert disable_autostart(config_home) is True
    assert not path.exists()
    assert not autostart_enabled(config_home)
    assert disable_autostart(config_home) is False
    assert other.read_text(encoding="utf-8") == "[Desktop Entry]\n"


def test_glib_launches_the_autostart_entry_with_tray(tmp_path: Path, gio: Runner) -> None:
    program = fake_herstel(tmp_path / AWKWARD / "bin")
    path = enable_autostart(tmp_path / "config", str(program))
    result = gio("launch", path)
    assert result.returncode == 0, result.stderr
    assert wait_for_run(program) == [str(program), "--tray"]


@pytest.mark.parametrize(
    "line", ["Hidden=true", "X-GNOME-Autostart-enabled=false"], ids=["hidden", "gnome-off"]
)
def test_autostart_switched_off_by_the_desktop_counts_as_off(tmp_path: Path, line: str) -> None:
    config_home = tmp_path / "config"
    path = enable_autostart(config_home, str(fake_herstel(tmp_path / "bin")))
    text = path.read_text(encoding="utf-8").replace("X-GNOME-Autostart-enabled=true\n", "")
    path.write_text(text.replace("[Desktop Entry]\n", f"[Desktop Entry]\n{line}\n"), "utf-8")
    assert not autostart_enabled(config_home)


# -- where ---------------------------------------------------------------------------------


def test_xdg_folders_follow_the_environment(tmp_path: Path) -> None:
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": "/x/data", "XDG_CONFIG_HOME": "/x/config"}
    assert xdg_data_home(env) == Path("/x/data")
    assert xdg_config_home(env) == Path("/x/config")


@pytest.mark.parametrize("value", [None, "", "relative/path"])
def test_xdg_folders_fall_back_to_the_home_folder(tmp_path: Path, value: str | None) -> None:
    env = {"HOME": str(tmp_path)}
    if value is not None:
        env |= {"XDG_DATA_HOME": value, "XDG_CONFIG_HOME": value}
    assert xdg_data_home(env) == tmp_path / ".local" / "share"
    assert xdg_config_home(env) == tmp_path / ".config"


def test_desktop_entry_loads_no_qt() -> None:
    code = (
        "import sys, herstel.platform.desktop_entry; "
        "sys.exit(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# -- which program -------------------------------------------------------------------------


def test_the_console_script_is_the_executable_links_and_all(tmp_path: Path) -> None:
    program = fake_herstel(tmp_path / "venv" / "bin")
    link_dir = tmp_path / "local" / "bin"
    link_dir.mkdir(parents=True)
    (link_dir / "herstel").symlink_to(program)  # as pipx installs it
    python = str(tmp_path / "venv" / "bin" / "python")
    assert herstel_executable(str(link_dir / "herstel"), python, False) == str(link_dir / "herstel")


def test_python_m_herstel_finds_the_script_beside_the_interpreter(tmp_path: Path) -> None:
    program = fake_herstel(tmp_path / "venv" / "bin")
    python = str(tmp_path / "venv" / "bin" / "python")
    assert herstel_executable("/src/herstel/__main__.py", python, False) == str(program)
    assert herstel_executable("-c", str(tmp_path / "elsewhere" / "python"), False) is None


def test_a_frozen_app_is_its_own_executable(tmp_path: Path) -> None:
    binary = tmp_path / "dist" / "herstel" / "herstel"
    assert herstel_executable("herstel", str(binary), True) == str(binary)


def test_flatpak_is_recognised_by_its_info_file(tmp_path: Path) -> None:
    assert not running_in_flatpak(tmp_path)
    (tmp_path / ".flatpak-info").write_text("[Application]\n", encoding="utf-8")
    assert running_in_flatpak(tmp_path)
