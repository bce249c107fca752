"""Asking the X server about input idle time and the active window, via ctypes.

Own display connection, no subprocess (no ``xprop``). The idle time comes from
the MIT-SCREEN-SAVER extension (libXss), whose counter resets on any input,
XTEST included. Full screen is EWMH: ``_NET_ACTIVE_WINDOW`` on the root window,
then ``_NET_WM_STATE_FULLSCREEN`` in that window's ``_NET_WM_STATE``.

Xlib's default error handler exits the process, and a window can vanish between
two requests; so an error handler is installed that ignores errors on *our*
display and hands every other display's errors to the previous handler (Qt's).

Events: ``watch_properties`` asks for PropertyNotify on the root window and the
active window; the connection's socket then becomes readable only when the
active window or its state changes, which is user activity, never idle time.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
from typing import Any, Final

log = logging.getLogger(__name__)

PROPERTY_CHANGE_MASK: Final = 1 << 22
NO_EVENT_MASK: Final = 0
PROPERTY_NOTIFY: Final = 28
XA_WINDOW: Final = 33
XA_ATOM: Final = 4
XA_CARDINAL: Final = 6
SUCCESS: Final = 0


class _ScreenSaverInfo(ctypes.Structure):
    _fields_ = (
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    )


class _PropertyEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("atom", ctypes.c_ulong),
        ("time", ctypes.c_ulong),
        ("state", ctypes.c_int),
    )


class _Event(ctypes.Union):
    _fields_ = (("type", ctypes.c_int), ("xproperty", _PropertyEvent), ("pad", ctypes.c_long * 24))


_ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)


class _Libs:
    """libX11 and libXss with their signatures; loaded once, when first needed."""

    def __init__(self) -> None:
        x11 = ctypes.util.find_library("X11")
        if x11 is None:
            raise OSError("libX11 not found")
        self.x = ctypes.CDLL(x11)
        x = self.x
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = (ctypes.c_char_p,)
        x.XCloseDisplay.argtypes = (ctypes.c_void_p,)
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = (ctypes.c_void_p,)
        x.XInternAtom.restype = ctypes.c_ulong
        x.XInternAtom.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int)
        x.XGetWindowProperty.restype = ctypes.c_int
        x.XGetWindowProperty.argtypes = (
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_ulong,
            ctypes.c_long,
            ctypes.c_long,
            ctypes.c_int,
            ctypes.c_ulong,
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_void_p),
        )
        x.XFree.argtypes = (ctypes.c_void_p,)
        x.XSelectInput.argtypes = (ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long)
        x.XPending.argtypes = (ctypes.c_void_p,)
        x.XNextEvent.argtypes = (ctypes.c_void_p, ctypes.POINTER(_Event))
        x.XConnectionNumber.argtypes = (ctypes.c_void_p,)
        x.XFlush.argtypes = (ctypes.c_void_p,)
        x.XSync.argtypes = (ctypes.c_void_p, ctypes.c_int)
        x.XSetErrorHandler.restype = ctypes.c_void_p
        x.XSetErrorHandler.argtypes = (ctypes.c_void_p,)
        self.xss: Any = None
        xss = ctypes.util.find_library("Xss")
        if xss is not None:
            self.xss = ctypes.CDLL(xss)
            self.xss.XScreenSaverQueryExtension.argtypes = (
                ctypes.c_void_p,
                ctypes.POINTER(ctypes.c_int),
                ctypes.POINTER(ctypes.c_int),
            )
            self.xss.XScreenSaverQueryInfo.argtypes = (
                ctypes.c_void_p,
                ctypes.c_ulong,
                ctypes.POINTER(_ScreenSaverInfo),
            )


_libs: _Libs | None = None
_our_displays: set[int] = set()
_previous_handler: Any = None
_handler_ref: Any = None


def _libraries() -> _Libs:
    global _libs
    if _libs is None:
        _libs = _Libs()
    return _libs


def _on_x_error(display: int | None, event: int | None) -> int:
    if display in _our_displays:
        return 0  # a window we asked about went away: the answer is simply "no"
    if _previous_handler:
        previous = _ERROR_HANDLER(_previous_handler)
        return int(previous(display, event))
    return 0


def _install_error_handler(libs: _Libs) -> None:
    global _previous_handler, _handler_ref
    if _handler_ref is None:
        _handler_ref = _ERROR_HANDLER(_on_x_error)
        _previous_handler = libs.x.XSetErrorHandler(ctypes.cast(_handler_ref, ctypes.c_void_p))


class X11Display:
    """A private connection to one X display, opened lazily."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._display: int | None = None
        self._atoms: dict[str, int] = {}
        self._watched: set[int] = set()
        self._has_xss: bool | None = None

    def _open(self) -> int | None:
        if self._display is not None:
            return self._display
        try:
            libs = _libraries()
        except OSError as error:
            log.debug("X11 senses unavailable: %s", error)
            return None
        _install_error_handler(libs)
        display = libs.x.XOpenDisplay(self._name.encode())
        if not display:
            log.debug("cannot open X display %r", self._name)
            return None
        self._display = int(display)
        _our_displays.add(self._display)
        return self._display

    def _atom(self, name: str) -> int:
        atom = self._atoms.get(name)
        if atom is None:
            atom = int(_libraries().x.XInternAtom(self._display, name.encode(), 0))
            self._atoms[name] = atom
        return atom

    def fileno(self) -> int | None:
        """The connection's socket, for the event loop to watch."""
        display = self._open()
        return None if display is None else int(_libraries().x.XConnectionNumber(display))

    def idle_ms(self) -> int | None:
        """Milliseconds since the last input on this display, or None."""
        display = self._open()
        if display is None:
            return None
        libs = _libraries()
        if libs.xss is None:
            return None
        if self._has_xss is None:
            event_base, error_base = ctypes.c_int(), ctypes.c_int()
            self._has_xss = bool(
                libs.xss.XScreenSaverQueryExtension(
                    display, ctypes.byref(event_base), ctypes.byref(error_base)
                )
            )
        if not self._has_xss:
            return None
        info = _ScreenSaverInfo()
        root = libs.x.XDefaultRootWindow(display)
        if not libs.xss.XScreenSaverQueryInfo(display, root, ctypes.byref(info)):
            return None
        return int(info.idle)

    def _longs(self, window: int, name: str, kind: int, count: int = 64) -> list[int] | None:
        """A 32-bit-format property as a list of numbers, or None if absent."""
        x = _libraries().x
        actual_type, actual_format = ctypes.c_ulong(), ctypes.c_int()
        items, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        status = x.XGetWindowProperty(
            self._display,
            window,
            self._atom(name),
            0,
            count,
            0,
            kind,
            ctypes.byref(actual_type),
            ctypes.byref(actual_format),
            ctypes.byref(items),
            ctypes.byref(after),
            ctypes.byref(data),
        )
        try:
            if status != SUCCESS or not data.value or actual_format.value != 32:
                return None
            values = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))
            return [int(values[i]) for i in range(items.value)]
        finally:
            if data.value:
                x.XFree(data)

    def active_window(self) -> int | None:
        """The EWMH active window (0 when none), or None without an EWMH window manager."""
        display = self._open()
        if display is None:
            return None
        root = int(_libraries().x.XDefaultRootWindow(display))
        values = self._longs(root, "_NET_ACTIVE_WINDOW", XA_WINDOW, 1)
        return values[0] if values else (None if values is None else 0)

    def full_screen_window(self, ignore_pid: int) -> bool | None:
        """Whether the active window is full screen (and not one of ours)."""
        window = self.active_window()
        if window is None:
            return None
        if window == 0:
            return False
        state = self._longs(window, "_NET_WM_STATE", XA_ATOM) or []
        if self._atom("_NET_WM_STATE_FULLSCREEN") not in state:
            return False
        pid = self._longs(window, "_NET_WM_PID", XA_CARDINAL, 1)
        return not (pid and pid[0] == ignore_pid)

    def watch_properties(self) -> None:
        """Ask for PropertyNotify on the root and on the current active window."""
        display = self._open()
        if display is None:
            return
        x = _libraries().x
        root = int(x.XDefaultRootWindow(display))
        wanted = {root}
        active = self.active_window()
        if active:
            wanted.add(active)
        for window in self._watched - wanted:
            x.XSelectInput(display, window, NO_EVENT_MASK)
        for window in wanted - self._watched:
            x.XSelectInput(display, window, PROPERTY_CHANGE_MASK)
        self._watched = wanted
        x.XFlush(display)

    def unwatch(self) -> None:
        """Stop PropertyNotify on every window we asked it for."""
        if self._display is None:
            return
        x = _libraries().x
        for window in self._watched:
            x.XSelectInput(self._display, window, NO_EVENT_MASK)
        self._watched.clear()
        x.XSync(self._display, 1)

    def drain(self) -> bool:
        """Read queued events; True if one may change the full-screen answer."""
        if self._display is None:
            return False
        x = _libraries().x
        relevant = False
        names = {
            self._atom("_NET_ACTIVE_WINDOW"),
            self._atom("_NET_WM_STATE"),
        }
        event = _Event()
        while x.XPending(self._display):
            x.XNextEvent(self._display, ctypes.byref(event))
            if event.type == PROPERTY_NOTIFY and event.xproperty.atom in names:
                relevant = True
        return relevant

    def close(self) -> None:
        """Close the connection (the error handler stays for the process's life)."""
        display, self._display = self._display, None
        self._atoms.clear()
        self._watched.clear()
        if display is not None:
            _our_displays.discard(display)
            _libraries().x.XCloseDisplay(display)
