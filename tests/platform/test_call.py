"""In a call: a real PulseAudio server with a virtual microphone (null source).

``parecord`` from the microphone is the call; recording the speakers' monitor
or a pavucontrol-like peak meter is not.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from herstel.core.room import Sense
from herstel.platform.senses.aggregator import Senses
from herstel.platform.senses.call import PulseMicrophone, is_recording
from room_servers import Pulse, start_pulseaudio, stop, wait_for

Run = Callable[[Coroutine[Any, Any, Any]], Any]


def senses_for(pulse: Pulse) -> Senses:
    """Senses that only know the sound server (no bus, no display)."""
    return Senses(env={"PULSE_SERVER": pulse.server}, platform="linux")


def test_recording_the_microphone_is_a_call(pulse: Pulse, run: Run) -> None:
    senses = senses_for(pulse)
    assert run(senses.snapshot()).in_call is False
    call = pulse.record("mic")
    assert run(senses.snapshot()).in_call is True
    pulse.end(call)
    assert run(senses.snapshot()).in_call is False
    run(senses.close())


def test_recording_what_the_speakers_play_is_no_call(pulse: Pulse, run: Run) -> None:
    pulse.record("speakers.monitor")
    assert run(PulseMicrophone(pulse.server).read()) is False


def test_a_peak_meter_on_the_microphone_is_no_call(pulse: Pulse, run: Run) -> None:
    pulse.peak_meter("mic")
    assert run(PulseMicrophone(pulse.server).read()) is False


def test_our_own_recording_is_no_call(pulse: Pulse, run: Run) -> None:
    recorder = pulse.record("mic")

    async def streams() -> list[Any]:
        from pulsectl_asyncio import PulseAsync

        async with PulseAsync("test", server=pulse.server) as client:
            result: list[Any] = await client.source_output_list()
            return result

    (stream,) = run(streams())
    assert is_recording(stream, monitors=set(), own_pid=os.getpid())
    assert not is_recording(stream, monitors=set(), own_pid=recorder.pid)


def test_switched_off_the_call_sense_says_nothing(pulse: Pulse, run: Run) -> None:
    senses = senses_for(pulse)
    senses.set_enabled(Sense.CALL, False)
    pulse.record("mic")
    assert run(senses.snapshot()).in_call is False
    run(senses.close())


def test_a_call_starting_and_ending_is_announced(pulse: Pulse, run: Run, qtbot: QtBot) -> None:
    senses = senses_for(pulse)
    run(senses.snapshot())
    run(senses.start())
    with qtbot.waitSignal(senses.changed, timeout=5000):
        call = pulse.record("mic")
    with qtbot.waitSignal(senses.changed, timeout=5000):
        pulse.end(call)
    run(senses.close())


def test_no_sound_server_is_unknown_not_a_call(tmp_path: Any, run: Run) -> None:
    assert run(PulseMicrophone(f"unix:{tmp_path}/none").read()) is None


@pytest.mark.parametrize("source", ["mic"])
def test_a_corked_stream_records_nothing(pulse: Pulse, run: Run, source: str) -> None:
    pulse.record(source)

    async def corked_stream() -> Any:
        from pulsectl_asyncio import PulseAsync

        async with PulseAsync("test", server=pulse.server) as client:
            (stream,) = await client.source_output_list()
            return stream

    stream = run(corked_stream())
    assert is_recording(stream, set(), os.getpid())
    stream.corked = True
    assert not is_recording(stream, set(), os.getpid())


def test_a_restarted_sound_server_is_asked_afresh(pulse: Pulse, tmp_path: Path, run: Run) -> None:
    """The kept connection dies with the server; the next question reconnects."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = pulse.env | {
        "XDG_RUNTIME_DIR": str(runtime),
        "PULSE_SERVER": f"unix:{runtime}/pulse/native",
    }
    server = start_pulseaudio(env)
    microphone = PulseMicrophone(env["PULSE_SERVER"])
    try:
        assert run(microphone.read()) is False
        stop(server)
        server = start_pulseaudio(env)
        recorder = subprocess.Popen(["parecord", "-d", "mic", "/dev/null"], env=env)
        try:
            wait_for(lambda: run(microphone.read()) is True, 10, "the call on the new server")
        finally:
            stop(recorder)
    finally:
        run(microphone.stop())
        stop(server)


def test_watching_survives_a_sound_server_restart(
    pulse: Pulse, tmp_path: Path, run: Run, qtbot: QtBot
) -> None:
    """While a reminder waits, a restarted server is listened to again."""
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    socket = f"unix:{runtime}/pulse/native"
    env = pulse.env | {"XDG_RUNTIME_DIR": str(runtime), "PULSE_SERVER": socket}
    server = start_pulseaudio(env)
    senses = Senses(env={"PULSE_SERVER": socket}, platform="linux")
    try:
        assert run(senses.snapshot()).in_call is False
        run(senses.start())
        stop(server)
        server = start_pulseaudio(env)
        # The lost connection is noticed and the question asked again: reconnected.
        qtbot.waitUntil(lambda: run(senses.snapshot()).in_call is False, timeout=5000)
        run(senses.snapshot())
        with qtbot.waitSignal(senses.changed, timeout=5000):
            recorder = subprocess.Popen(["parecord", "-d", "mic", "/dev/null"], env=env)
        stop(recorder)
    finally:
        run(senses.close())
        stop(server)
