"""A private sway session (headless) with swaybar as tray host and mako for notifications.

sway refuses to run as root, and CI runs as root: so the session, and every
client in it (Herstel, the stand-in editor), runs as an unprivileged user —
the one running the tests when that is not root, else ``herstel-e2e``, created
on first use. Everything lives in one temporary folder owned by that user: the
runtime dir (0700, as Wayland wants it), HOME with the XDG dirs, the data dirs.

What the tests look at is what a user would see: ``swaymsg -t get_tree`` for
windows and focus, the StatusNotifierWatcher's registered items for the tray,
``makoctl`` for notifications, ``grim`` for screenshots.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TOOLS = (
    "sway",
    "swaymsg",
    "swaybar",
    "mako",
    "makoctl",
    "busctl",
    "grim",
    "wtype",
    "dbus-daemon",
)
USER = "herstel-e2e"
WIDTH, HEIGHT = 1280, 800
EDITOR = Path(__file__).with_name("stand_in_editor.py")

CONFIG = f"""\
output HEADLESS-1 resolution {WIDTH}x{HEIGHT} position 0 0
font monospace 10
default_border pixel 2
focus_on_window_activation smart
bar {{
    position top
    tray_output *
    status_command while :; do echo herstel-e2e; sleep 3600; done
}}
"""

MAKO_CONFIG = """\
default-timeout=0
layer=overlay
"""


class SwayUnavailable(Exception):
    """Why the session cannot run here (missing tools, no usable user)."""


def wait_for(predicate: Callable[[], object], timeout: float, what: str) -> None:
    """Poll an outside process's observable state (not a timing assumption)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def _unprivileged_user() -> pwd.struct_passwd:
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid())
    try:
        return pwd.getpwnam(USER)
    except KeyError:
        pass
    if shutil.which("useradd") is None:
        raise SwayUnavailable(f"running as root, no user {USER!r} and no useradd to create one")
    subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER],
        check=True,
        capture_output=True,
    )
    return pwd.getpwnam(USER)


def _as(user: pwd.struct_passwd) -> dict[str, Any]:
    """Popen arguments that run a child as ``user`` (nothing to change unless root)."""
    if os.geteuid() != 0:
        return {}
    return {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}


@dataclass
class Window:
    """A window as sway sees it."""

    id: int
    pid: int
    app_id: str | None
    name: str | None
    focused: bool
    floating: bool
    width: int
    height: int
    x: int
    output: str
    fullscreen: bool


@dataclass
class SwaySession:
    base: Path
    user: pwd.struct_passwd
    env: dict[str, str]
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)
    _dirs: Iterator[int] = field(default_factory=lambda: iter(range(1, 10_000)))

    # -- running things as the session's user ------------------------------------------

    def _as_user(self) -> dict[str, Any]:
        return _as(self.user)

    def popen(self, *args: str, **env: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            list(args),
            env={**self.env, **env},
            cwd=self.base,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            **self._as_user(),
        )

    def spawn(self, name: str, *args: str, **env: str) -> subprocess.Popen[bytes]:
        """A long-running helper whose output goes to a log file (a full pipe would block it)."""
        with (self.base / f"{name}.log").open("ab") as log:
            process = subprocess.Popen(
                list(args),
                env={**self.env, **env},
                cwd=self.base,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                **self._as_user(),
            )
        self.processes.append(process)
        return process

    def log(self, name: str) -> str:
        path = self.base / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(args),
            env=self.env,
            cwd=self.base,
            capture_output=True,
            text=True,
            check=check,
            timeout=60,
            **self._as_user(),
        )

    def herstel(self, *args: str) -> subprocess.Popen[str]:
        return self.popen(sys.executable, "-m", "herstel", *args)

    def run_herstel(self, *args: str) -> subprocess.CompletedProcess[str]:
        """A short-lived ``herstel`` command (forwarded, export …) as the session's user."""
        return self.run(sys.executable, "-m", "herstel", *args, check=False)

    def new_dir(self, name: str) -> Path:
        """A fresh folder owned by the session's user (pytest's tmp_path is root's, 0700)."""
        path = self.base / f"{name}-{next(self._dirs)}"
        path.mkdir(mode=0o700)
        os.chown(path, self.user.pw_uid, self.user.pw_gid)
        return path

    # -- what the user sees --------------------------------------------------------------

    def tree(self) -> dict[str, Any]:
        return json.loads(self.run("swaymsg", "-r", "-t", "get_tree").stdout)  # type: ignore[no-any-return]

    def windows(self) -> list[Window]:
        found: list[Window] = []

        def walk(node: dict[str, Any], floating: bool, output: str = "") -> None:
            if node.get("type") == "output":
                output = node["name"]
            if node.get("pid") and node.get("type") in {"con", "floating_con"}:
                rect = node["rect"]
                found.append(
                    Window(
                        id=node["id"],
                        pid=node["pid"],
                        app_id=node.get("app_id"),
                        name=node.get("name"),
                        focused=bool(node.get("focused")),
                        floating=floating,
                        width=rect["width"],
                        height=rect["height"],
                        x=rect["x"],
                        output=output,
                        fullscreen=bool(node.get("fullscreen_mode")),
                    )
                )
            for child in node.get("nodes", []):
                walk(child, floating, output)
            for child in node.get("floating_nodes", []):
                walk(child, True, output)

        walk(self.tree(), False)
        return found

    def outputs(self) -> list[str]:
        result = self.run("swaymsg", "-r", "-t", "get_outputs")
        return [output["name"] for output in json.loads(result.stdout)]

    def focused(self) -> Window | None:
        return next((w for w in self.windows() if w.focused), None)

    def windows_of(self, pid: int) -> list[Window]:
        return [w for w in self.windows() if w.pid == pid]

    def tray_items(self) -> list[str]:
        """The StatusNotifierItems registered with swaybar's watcher."""
        result = self.run(
            "busctl",
            "--user",
            "--json=short",
            "get-property",
            "org.kde.StatusNotifierWatcher",
            "/StatusNotifierWatcher",
            "org.kde.StatusNotifierWatcher",
            "RegisteredStatusNotifierItems",
            check=False,
        )
        if result.returncode != 0:
            return []
        return list(json.loads(result.stdout)["data"])

    def tray_pids(self) -> list[int]:
        """The processes behind the registered tray items."""
        pids = []
        for item in self.tray_items():
            service = item.split("/", 1)[0]
            result = self.run(
                "busctl",
                "--user",
                "--json=short",
                "call",
                "org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus",
                "GetConnectionUnixProcessID",
                "s",
                service,
                check=False,
            )
            if result.returncode == 0:
                pids.append(int(json.loads(result.stdout)["data"][0]))
        return pids

    def notifications(self) -> list[dict[str, Any]]:
        """mako's open notifications, each as {"id", "app-name", "summary", "actions", ...}."""
        result = self.run("makoctl", "list", check=False)
        if result.returncode != 0:
            return []
        raw = json.loads(result.stdout)["data"][0]
        return [{key: value["data"] for key, value in item.items()} for item in raw]

    def invoke(self, notification_id: int, action: str) -> None:
        self.run("makoctl", "invoke", "-n", str(notification_id), action)

    def type_keys(self, *args: str) -> None:
        """Keys from a virtual keyboard (wtype) to the focused window.

        A new virtual keyboard's first key can be lost while the client takes
        in its keymap, so a Shift goes first.
        """
        self.run("wtype", "-k", "Shift_L", "-s", "300", *args)

    def screenshot(self, path: Path) -> None:
        """A PNG of the whole output (written by the user, then moved into place)."""
        shot = self.base / f"shot-{next(self._dirs)}.png"
        self.run("grim", str(shot))
        shutil.move(shot, path)

    def start_editor(self) -> subprocess.Popen[str]:
        """The stand-in editor: a focused text field the user is typing in."""
        editor = self.spawn("editor", sys.executable, str(EDITOR))

        def focused_editor() -> bool:
            window = self.focused()
            return window is not None and window.pid == editor.pid

        wait_for(focused_editor, 20, "the stand-in editor to have the focus")
        return editor

    # -- lifetime ------------------------------------------------------------------------

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            if process.stdout is not None:
                process.stdout.close()
        shutil.rmtree(self.base, ignore_errors=True)


def _readable_by(user: pwd.struct_passwd, env: dict[str, str], base: Path) -> str | None:
    """Why the user cannot run this Python with Herstel and PySide6, or None."""
    probe = subprocess.run(
        [sys.executable, "-c", "import herstel, PySide6.QtWidgets"],
        env=env,
        cwd=base,
        capture_output=True,
        text=True,
        **_as(user),
    )
    if probe.returncode == 0:
        return None
    return (
        f"user {user.pw_name!r} cannot run {sys.executable} with Herstel: "
        f"{probe.stderr.strip().splitlines()[-1:] or probe.returncode}. "
        "The checkout and its parent folders must be readable by others (chmod o+rx)."
    )


def start_sway() -> SwaySession:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        raise SwayUnavailable(f"needs {', '.join(missing)}")
    user = _unprivileged_user()
    base = Path(tempfile.mkdtemp(prefix="herstel-sway-"))
    base.chmod(0o755)
    runtime, home = base / "run", base / "home"
    for path, mode in ((runtime, 0o700), (home, 0o700)):
        path.mkdir(mode=mode)
    (home / "sway.conf").write_text(CONFIG)
    (home / ".config" / "mako").mkdir(parents=True)
    (home / ".config" / "mako" / "config").write_text(MAKO_CONFIG)
    for path in [base, *base.rglob("*")]:
        os.chown(path, user.pw_uid, user.pw_gid)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "USER": user.pw_name,
        "LOGNAME": user.pw_name,
        "XDG_RUNTIME_DIR": str(runtime),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_SESSION_TYPE": "wayland",
        "XDG_CURRENT_DESKTOP": "sway",
        "LANG": "C.UTF-8",
    }
    if "PYTHONPATH" in os.environ:  # a worktree run points at its own sources
        env["PYTHONPATH"] = os.pathsep.join(
            str(Path(p).resolve()) for p in os.environ["PYTHONPATH"].split(os.pathsep) if p
        )
    session = SwaySession(base, user, env)
    try:
        problem = _readable_by(user, env, base)
        if problem:
            raise SwayUnavailable(problem)
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            env=env,
            cwd=base,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            **session._as_user(),
        )
        session.processes.append(bus)
        assert bus.stdout is not None
        address = bus.stdout.readline().decode().strip()
        if not address:
            raise SwayUnavailable("dbus-daemon did not start")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        session.spawn(
            "sway",
            "sway",
            "-c",
            str(home / "sway.conf"),
            WLR_BACKENDS="headless",
            WLR_LIBINPUT_NO_DEVICES="1",
            WLR_RENDERER="pixman",
        )
        wait_for(
            lambda: list(runtime.glob("wayland-*[0-9]")) and list(runtime.glob("sway-ipc.*.sock")),
            20,
            "sway's sockets",
        )
        env["WAYLAND_DISPLAY"] = next(runtime.glob("wayland-*[0-9]")).name
        env["SWAYSOCK"] = str(next(runtime.glob("sway-ipc.*.sock")))
        env["QT_QPA_PLATFORM"] = "wayland"
        session.spawn("mako", "mako")
        wait_for(lambda: session.run("makoctl", "list", check=False).returncode == 0, 20, "mako")
        wait_for(
            lambda: (
                session.run(
                    "busctl", "--user", "status", "org.kde.StatusNotifierWatcher", check=False
                ).returncode
                == 0
            ),
            20,
            "swaybar's StatusNotifierWatcher",
        )
    except BaseException:
        session.stop()
        raise
    return session


@contextlib.contextmanager
def sway_session() -> Iterator[SwaySession]:
    session = start_sway()
    try:
        yield session
    finally:
        session.stop()
