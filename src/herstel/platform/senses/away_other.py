"""Away on Windows and macOS, through ctypes (written from the platforms' docs;
not tested here — see docs/smart-pause.md).

Windows: ``GetLastInputInfo`` gives the tick count of the last input of this
session; ``GetTickCount64`` minus it (both in ms, the tick wraps at 2^32).
macOS: IOKit's ``IOHIDSystem`` entry has ``HIDIdleTime`` in nanoseconds.
"""

from __future__ import annotations

import ctypes
import sys

from herstel.platform.senses.probe import Poke


class WindowsIdle:
    """Seconds since the last keyboard or mouse input in this Windows session."""

    async def read(self) -> float | None:
        if sys.platform == "win32":
            return _windows_idle_seconds()
        return None

    async def start(self, poke: Poke) -> None:
        """No idle event on Windows without a hook: the minute check covers it."""

    async def stop(self) -> None:
        pass


def _windows_idle_seconds() -> float | None:
    if sys.platform == "win32":

        class LastInputInfo(ctypes.Structure):
            _fields_ = (("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint32))

        info = LastInputInfo()
        info.cbSize = ctypes.sizeof(info)
        user32 = ctypes.windll.user32
        kernel32 = ctypes.windll.kernel32
        if not user32.GetLastInputInfo(ctypes.byref(info)):
            return None
        kernel32.GetTickCount64.restype = ctypes.c_uint64
        now = int(kernel32.GetTickCount64()) & 0xFFFFFFFF
        return ((now - info.dwTime) & 0xFFFFFFFF) / 1000.0
    return None


class MacIdle:
    """Seconds since the last HID input, from IOKit's ``HIDIdleTime``."""

    async def read(self) -> float | None:
        if sys.platform == "darwin":
            return _mac_idle_seconds()
        return None

    async def start(self, poke: Poke) -> None:
        """No idle event without a run-loop observer: the minute check covers it."""

    async def stop(self) -> None:
        pass


def _mac_idle_seconds() -> float | None:
    if sys.platform == "darwin":
        iokit = ctypes.CDLL("/System/Library/Frameworks/IOKit.framework/IOKit")
        cf = ctypes.CDLL("/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation")
        iokit.IOServiceMatching.restype = ctypes.c_void_p
        iokit.IOServiceMatching.argtypes = (ctypes.c_char_p,)
        iokit.IOServiceGetMatchingService.restype = ctypes.c_uint32
        iokit.IOServiceGetMatchingService.argtypes = (ctypes.c_uint32, ctypes.c_void_p)
        iokit.IORegistryEntryCreateCFProperty.restype = ctypes.c_void_p
        iokit.IORegistryEntryCreateCFProperty.argtypes = (
            ctypes.c_uint32,
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.c_uint32,
        )
        iokit.IOObjectRelease.argtypes = (ctypes.c_uint32,)
        cf.CFStringCreateWithCString.restype = ctypes.c_void_p
        cf.CFStringCreateWithCString.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint32)
        cf.CFNumberGetValue.restype = ctypes.c_bool
        cf.CFNumberGetValue.argtypes = (ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
        cf.CFRelease.argtypes = (ctypes.c_void_p,)
        utf8, sint64 = 0x08000100, 4
        service = iokit.IOServiceGetMatchingService(0, iokit.IOServiceMatching(b"IOHIDSystem"))
        if not service:
            return None
        key = cf.CFStringCreateWithCString(None, b"HIDIdleTime", utf8)
        try:
            number = iokit.IORegistryEntryCreateCFProperty(service, key, None, 0)
            if not number:
                return None
            nanoseconds = ctypes.c_int64()
            ok = cf.CFNumberGetValue(number, sint64, ctypes.byref(nanoseconds))
            cf.CFRelease(number)
            return nanoseconds.value / 1e9 if ok else None
        finally:
            cf.CFRelease(key)
            iokit.IOObjectRelease(service)
    return None
