"""Linux desktop integration: the menu entry, its icons and start at login.

``herstel desktop install`` puts Herstel in the application menu of the user
who runs it, pointing at the ``herstel`` executable that ran the command (so a
virtual environment or a PyInstaller folder works, nothing needs to be on
PATH); ``herstel desktop remove`` takes exactly those files away again. The
start-at-login setting writes or removes one XDG autostart file. Everything
follows the freedesktop.org specifications: Desktop Entry 1.4, Icon Theme
(hicolor) and Desktop Application Autostart.

No Qt here: the files are templates shipped in ``herstel.resources`` with a
rewritten ``Exec``/``TryExec``, and the icons are copied as built (the PNGs
are rendered from the SVG when the wheel is built). The caller chooses the
folders; :func:`xdg_data_home` and :func:`xdg_config_home` give the usual
defaults. Every file is written atomically, so a menu never sees half an entry.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Final

from herstel import APP_ID
from herstel.storage.atomic import write_atomic

DESKTOP_FILE: Final = f"{APP_ID}.desktop"
AUTOSTART_TEMPLATE: Final = f"{APP_ID}-autostart.desktop"
#: The PNG sizes the build renders from the SVG (setup.py's ICON_SIZES).
ICON_SIZES: Final = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: The program name the shipped templates use in Exec and TryExec.
TEMPLATE_PROGRAM: Final = "herstel"
#: Menu entries and icons are not secrets: readable by all, like any installed app.
FILE_MODE: Final = 0o644

# Desktop Entry spec, "The Exec key": an argument containing any of these must
# be quoted; inside the quotes, these four must be escaped with a backslash.
_RESERVED: Final = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPE_IN_QUOTES: Final = frozenset('"`$\\')


class DesktopEntryError(ValueError):
    """An executable path that a desktop entry cannot express."""


# -- where ---------------------------------------------------------------------------------


def _home(env: Mapping[str, str]) -> Path:
    home = env.get("HOME", "")
    return Path(home) if home and Path(home).is_absolute() else Path.home()


def _xdg_dir(env: Mapping[str, str], variable: str, fallback: str) -> Path:
    # XDG Base Directory spec: unset, empty or relative means "use the default".
    value = env.get(variable, "")
    if value and Path(value).is_absolute():
        return Path(value)
    return _home(env) / fallback


def xdg_data_home(env: Mapping[str, str]) -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset, empty or relative."""
    return _xdg_dir(env, "XDG_DATA_HOME", ".local/share")


def xdg_config_home(env: Mapping[str, str]) -> Path:
    """``$XDG_CONFIG_HOME``, or ``~/.config`` when it is unset, empty or relative."""
    return _xdg_dir(env, "XDG_CONFIG_HOME", ".config")


def herstel_executable(argv0: str, python: str, frozen: bool) -> str | None:
    """The absolute path of the running ``herstel`` program, for the Exec lines.

    Call it as ``herstel_executable(sys.argv[0], sys.executable,
    getattr(sys, "frozen", False))``. In a PyInstaller build ``python`` is the
    ``herstel`` binary itself. From the console script, ``argv0`` is the path
    the shell found; it is kept as given (made absolute, symbolic links not
    followed), so a pipx link in ~/.local/bin survives upgrades. From
    ``python -m herstel`` it is the ``herstel`` script beside the interpreter
    (a virtual environment's bin/). None when there is no such program.
    """
    if frozen:
        return str(Path(python).absolute())
    script = Path(argv0)
    if script.name == TEMPLATE_PROGRAM and script.is_file() and os.access(script, os.X_OK):
        return str(script.absolute())
    beside = Path(python).parent / TEMPLATE_PROGRAM
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside.absolute())
    return None


def running_in_flatpak(root: Path = Path("/")) -> bool:
    """Inside a Flatpak sandbox, Flatpak exports the menu entry and the autostart
    goes through the Background portal; the functions here do not apply."""
    return (root / ".flatpak-info").is_file()


def desktop_entry_path(data_home: Path) -> Path:
    return data_home / "applications" / DESKTOP_FILE


def icon_paths(data_home: Path) -> list[Path]:
    """Where the icons go: the scalable SVG first, then one PNG per size."""
    hicolor = data_home / "icons" / "hicolor"
    return [hicolor / "scalable" / "apps" / f"{APP_ID}.svg"] + [
        hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in ICON_SIZES
    ]


def autostart_entry_path(config_home: Path) -> Path:
    """The autostart file; its name is the application id, as desktops expect."""
    return config_home / "autostart" / DESKTOP_FILE


# -- quoting -------------------------------------------------------------------------------


def _check_path(executable: str) -> None:
    if not Path(executable).is_absolute():
        raise DesktopEntryError(f"the executable must be an absolute path (got {executable!r})")
    if any(ord(char) < 0x20 or ord(char) == 0x7F for char in executable):
        raise DesktopEntryError(
            f"a desktop entry cannot point at a path with control characters: {executable!r}"
        )
    if "%" in executable:
        # The spec allows it (as "%%"), but GLib refuses to load such an entry, so
        # the menu entry would silently do nothing on GNOME and other GTK desktops.
        raise DesktopEntryError(
            f"a desktop entry cannot reliably point at a path containing '%': {executable!r}"
        )
    try:
        executable.encode("utf-8")
    except UnicodeEncodeError:
        raise DesktopEntryError(
            f"a desktop entry cannot point at a path that is not UTF-8: {executable!r}"
        ) from None


def escape_string(value: str) -> str:
    """A value of the Desktop Entry ``string`` type (backslashes doubled)."""
    return value.replace("\\", "\\\\")


def quote_exec_argument(argument: str) -> str:
    """One Exec argument, quoted as the Desktop Entry spec asks (before string escaping)."""
    if any(char in _RESERVED for char in argument) or not argument:
        argument = (
            '"'
            + "".join("\\" + char if char in _ESCAPE_IN_QUOTES else char for char in argument)
            + '"'
        )
    return argument.replace("%", "%%")  # a literal percent sign, never a field code


def exec_value(executable: str, *arguments: str) -> str:
    """The full value of an ``Exec=`` line running ``executable`` with ``arguments``."""
    _check_path(executable)
    command = " ".join(quote_exec_argument(part) for part in (executable, *arguments))
    return escape_string(command)


# -- templates -----------------------------------------------------------------------------


def _resources() -> Traversable:
    return files("herstel.resources")


def _render(template: str, executable: str) -> bytes:
    """The template with Exec and TryExec pointing at ``executable``."""
    _check_path(executable)
    lines = []
    for line in template.splitlines():
        key, sep, value = line.partition("=")
        if sep and key == "Exec":
            program, _, rest = value.partition(" ")
            if program != TEMPLATE_PROGRAM:
                raise ValueError(f"unexpected Exec line in the shipped template: {line!r}")
            line = "Exec=" + exec_value(executable, *rest.split())
        elif sep and key == "TryExec":
            line = "TryExec=" + escape_string(executable)
        lines.append(line)
    return ("\n".join(lines) + "\n").encode("utf-8")


def desktop_entry_text(executable: str) -> bytes:
    """The menu entry for ``executable``, exactly as :func:`install_desktop_entry` writes it."""
    template = (_resources() / "desktop" / DESKTOP_FILE).read_text(encoding="utf-8")
    return _render(template, executable)


def autostart_entry_text(executable: str) -> bytes:
    """The autostart entry for ``executable`` (it runs ``herstel --tray``)."""
    template = (_resources() / "desktop" / AUTOSTART_TEMPLATE).read_text(encoding="utf-8")
    return _render(template, executable)


def _icon_sources() -> list[Traversable | None]:
    """The shipped icons in the order of :func:`icon_paths`; None where a PNG is missing."""
    icons = _resources() / "icons"
    svg = icons / f"{APP_ID}.svg"
    if not svg.is_file():
        raise FileNotFoundError(f"the app icon {APP_ID}.svg is missing from herstel.resources")
    sources: list[Traversable | None] = [svg]
    for size in ICON_SIZES:
        png = icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        sources.append(png if png.is_file() else None)
    return sources


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data, mode=FILE_MODE)


# -- the menu entry ------------------------------------------------------------------------


def install_desktop_entry(data_home: Path, executable: str) -> list[Path]:
    """Add Herstel to the application menu; returns the files written.

    The icons go into ``data_home/icons/hicolor`` (scalable SVG plus each PNG
    size the package ships) and the menu entry into ``data_home/applications``,
    last, so the menu never shows an entry whose icon is not there yet. Running
    it again rewrites the same files (for example after moving the virtual
    environment). ``executable`` is the absolute path of the ``herstel``
    program; a path the desktop entry cannot express raises DesktopEntryError
    before anything is written.
    """
    entry = desktop_entry_text(executable)
    written: list[Path] = []
    for source, target in zip(_icon_sources(), icon_paths(data_home), strict=True):
        if source is None:
            continue  # a package built without the PNGs still gets a menu entry (SVG)
        _write(target, source.read_bytes())
        written.append(target)
    _invalidate_icon_cache(data_home)
    target = desktop_entry_path(data_home)
    _write(target, entry)
    written.append(target)
    return written


def remove_desktop_entry(data_home: Path) -> list[Path]:
    """Remove the menu entry and its icons; returns the files that were there.

    Only the files :func:`install_desktop_entry` writes are touched (by their
    application-id names); other files and the folders are left alone. Running
    it when nothing is installed removes nothing and is not an error.
    """
    removed: list[Path] = []
    for path in [desktop_entry_path(data_home), *icon_paths(data_home)]:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    _remove_emptied_folders(data_home, removed)
    if removed:
        _invalidate_icon_cache(data_home)
    return removed


def _remove_emptied_folders(data_home: Path, removed: list[Path]) -> None:
    """Remove the icon folders (``…/48x48/apps`` up to ``icons``) that removing left empty.

    ``rmdir`` only removes an empty folder, so anything the user or another
    program keeps there stays, and so does the folder holding it.
    """
    top = data_home / "icons"
    for path in removed:
        folder = path.parent
        while folder != top.parent and top in (folder, *folder.parents):
            try:
                folder.rmdir()
            except OSError:  # not empty, gone already, or not ours to remove
                break
            folder = folder.parent


def _invalidate_icon_cache(data_home: Path) -> None:
    """Make GTK rescan the user's hicolor folder if an icon cache was built there.

    GTK trusts ``icon-theme.cache`` while it is newer than the theme folder; a
    stale one would hide the new icon. Touching the folder marks it out of date.
    """
    hicolor = data_home / "icons" / "hicolor"
    if (hicolor / "icon-theme.cache").exists():
        os.utime(hicolor)


# -- start at login ------------------------------------------------------------------------


def enable_autostart(config_home: Path, executable: str) -> Path:
    """Start Herstel in the tray at login; returns the autostart file written."""
    entry = autostart_entry_text(executable)
    target = autostart_entry_path(config_home)
    _write(target, entry)
    return target


def disable_autostart(config_home: Path) -> bool:
    """Stop starting Herstel at login; returns whether an autostart file was removed."""
    try:
        autostart_entry_path(config_home).unlink()
    except FileNotFoundError:
        return False
    return True


def autostart_enabled(config_home: Path) -> bool:
    """Whether the autostart file is there and not switched off inside.

    A desktop's own "startup applications" tool may switch the entry off by
    setting ``Hidden=true`` or ``X-GNOME-Autostart-enabled=false`` in it
    instead of deleting it; that counts as off.
    """
    try:
        text = autostart_entry_path(config_home).read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return False
    values: dict[str, str] = {}
    in_main_group = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            in_main_group = line == "[Desktop Entry]"
        elif in_main_group and "=" in line:
            key, _, value = line.partition("=")
            values.setdefault(key.strip(), value.strip())
    return (
        values.get("Hidden", "false") != "true"
        and values.get("X-GNOME-Autostart-enabled", "true") != "false"
    )
