"""In a call: a microphone is being recorded, or a camera is open.

Microphone: a capture stream (a PulseAudio "source output") on a real input
source, through libpulse — which PipeWire's pipewire-pulse serves too — with
the asyncio front end of pulsectl, whose subscription tells us when streams
come and go (no polling). Not counted:

- streams from a monitor source (recording what the speakers play);
- peak meters: volume controls such as pavucontrol open streams with
  ``PA_STREAM_PEAK_DETECT``, which PulseAudio reports with the resample method
  ``peaks``; pavucontrol's are also named by its application id;
- corked (paused) streams, which record nothing;
- Herstel's own process.

Herstel never reads a sample: it asks the server for the list of streams only.
pulsectl (ctypes over libpulse) is imported when this sense is first asked,
never at start-up. Camera: see ``camera.py``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from herstel.platform.senses.camera import CameraOpen
from herstel.platform.senses.probe import AnyOf, Poke

if TYPE_CHECKING:
    from pulsectl_asyncio import PulseAsync

log = logging.getLogger(__name__)

CLIENT_NAME: Final = "Herstel senses"
CONNECT_TIMEOUT_S: Final = 0.5
NO_INDEX: Final = 0xFFFFFFFF
PEAK_METER_APPS: Final = frozenset({"org.PulseAudio.pavucontrol"})


def is_recording(stream: Any, monitors: set[int], own_pid: int) -> bool:
    """Whether one source output is somebody recording a microphone."""
    if stream.source in monitors or stream.corked:
        return False
    if (stream.resample_method or "") == "peaks":
        return False
    properties: dict[str, str] = stream.proplist
    if properties.get("application.id") in PEAK_METER_APPS:
        return False
    return properties.get("application.process.id") != str(own_pid)


class PulseMicrophone:
    """Whether any capture stream records a real input source."""

    def __init__(self, server: str | None, runtime_dir: str | None = None) -> None:
        self._server = server
        self._runtime_dir = runtime_dir
        self._pulse: PulseAsync | None = None
        self._events: asyncio.Task[None] | None = None
        self._poke: Poke | None = None
        self._unavailable = False

    async def _connect(self) -> PulseAsync | None:
        if self._pulse is not None:
            return self._pulse
        if self._unavailable or not self._socket_exists():
            return None
        try:
            from pulsectl_asyncio import PulseAsync
        except (ImportError, OSError) as error:  # no libpulse on this system
            log.debug("no libpulse: the microphone sense is off (%s)", error)
            self._unavailable = True
            return None
        pulse = PulseAsync(CLIENT_NAME, server=self._server)
        try:
            await pulse.connect(timeout=CONNECT_TIMEOUT_S)
        except Exception as error:  # pulsectl raises its own and asyncio errors
            log.debug("no sound server to ask about microphones: %s", error)
            pulse.close()
            return None
        self._pulse = pulse
        return pulse

    def _socket_exists(self) -> bool:
        """Whether a local server's socket is there (pulsectl warns when it is not)."""
        server = self._server
        if server is None and self._runtime_dir:
            server = f"unix:{self._runtime_dir}/pulse/native"
        if server is None or not server.startswith(("unix:", "/")):
            return True  # a remote or default server: let libpulse find out
        return Path(server.removeprefix("unix:")).exists()

    async def read(self) -> bool | None:
        # Outside watching, each question has its own connection, closed right
        # after: a libpulse context left open and later dropped crashed the
        # process in tests (its socket callback ran after it was freed). While
        # watching, the listening connection is used; if the server restarted,
        # the failing question reconnects once.
        for attempt in range(2):
            pulse = await self._connect()
            if pulse is None:
                return None
            try:
                sources, streams = await asyncio.gather(
                    pulse.source_list(), pulse.source_output_list()
                )
                if self._poke is not None and (self._events is None or self._events.done()):
                    await self.start(self._poke)  # listening again after a reconnect
                elif self._poke is None:
                    await self._close()
                break
            except Exception as error:
                log.debug("sound server stopped answering (%s): %s", attempt, error)
                await self._close()
        else:
            return None
        monitors = {source.index for source in sources if source.monitor_of_sink != NO_INDEX}
        own = os.getpid()
        return any(is_recording(stream, monitors, own) for stream in streams)

    async def start(self, poke: Poke) -> None:
        self._poke = poke
        pulse = await self._connect()
        if pulse is None or (self._events is not None and not self._events.done()):
            return

        async def listen() -> None:
            try:
                async for _event in pulse.subscribe_events("source_output"):
                    poke()
            except Exception as error:
                log.debug("sound server went away: %s", error)
                poke()  # ask again: the next question reconnects and listens anew

        self._events = asyncio.ensure_future(listen())

    async def stop(self) -> None:
        self._poke = None
        events, self._events = self._events, None
        if events is not None:
            events.cancel()
            with _suppress_cancel():
                await events
        await self._close()

    async def _close(self) -> None:
        """Disconnect, let libpulse free its I/O events, then free the context.

        Freeing the context at once (``close()``) while the loop still holds a
        queued socket callback for it crashed the process in a test where the
        server went away; disconnecting first and waiting for the
        disconnection, then one loop turn, lets every such callback run first.
        """
        pulse, self._pulse = self._pulse, None
        if pulse is None:
            return
        pulse.disconnect()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(pulse._disconnected.wait(), CONNECT_TIMEOUT_S)
        await asyncio.sleep(0)
        pulse.close()


class _suppress_cancel:
    def __enter__(self) -> None:
        pass

    def __exit__(self, kind: object, value: object, traceback: object) -> bool:
        return kind is asyncio.CancelledError


def linux_call(pulse_server: str | None, runtime_dir: str | None) -> AnyOf:
    """Microphone through libpulse, camera through /proc."""
    return AnyOf([PulseMicrophone(pulse_server, runtime_dir), CameraOpen()])
