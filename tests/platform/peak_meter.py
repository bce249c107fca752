"""A peak meter like pavucontrol's: a record stream with PA_STREAM_PEAK_DETECT.

Run as a child process by the tests (``python peak_meter.py SOURCE``): it
connects to the PulseAudio server in $PULSE_SERVER, opens the stream, prints
"ready" and keeps it open until its stdin closes. It never reads the samples
(the server drops them when nobody reads; a real meter reads only peaks).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

PA_CONTEXT_READY = 4
PA_CONTEXT_FAILED = 5
PA_STREAM_READY = 2
PA_STREAM_FAILED = 3
PA_STREAM_PEAK_DETECT = 0x0800
PA_STREAM_DONT_MOVE = 0x0200
PA_STREAM_ADJUST_LATENCY = 0x2000
PA_SAMPLE_FLOAT32LE = 5


class SampleSpec(ctypes.Structure):
    _fields_ = (("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8))


def main(source: str) -> None:
    name = ctypes.util.find_library("pulse")
    assert name is not None
    pa = ctypes.CDLL(name)
    pa.pa_mainloop_new.restype = ctypes.c_void_p
    pa.pa_mainloop_get_api.restype = ctypes.c_void_p
    pa.pa_mainloop_get_api.argtypes = (ctypes.c_void_p,)
    pa.pa_mainloop_iterate.argtypes = (ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)
    pa.pa_context_new.restype = ctypes.c_void_p
    pa.pa_context_new.argtypes = (ctypes.c_void_p, ctypes.c_char_p)
    pa.pa_context_connect.argtypes = (
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_void_p,
    )
    pa.pa_context_get_state.argtypes = (ctypes.c_void_p,)
    pa.pa_stream_new.restype = ctypes.c_void_p
    pa.pa_stream_new.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_void_p)
    pa.pa_stream_connect_record.argtypes = (
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_void_p,
        ctypes.c_int,
    )
    pa.pa_stream_get_state.argtypes = (ctypes.c_void_p,)

    loop = pa.pa_mainloop_new()
    context = pa.pa_context_new(pa.pa_mainloop_get_api(loop), b"Peak meter")
    pa.pa_context_connect(context, None, 0, None)
    while (state := pa.pa_context_get_state(context)) != PA_CONTEXT_READY:
        if state == PA_CONTEXT_FAILED:
            raise SystemExit("no server")
        pa.pa_mainloop_iterate(loop, 1, None)
    spec = SampleSpec(PA_SAMPLE_FLOAT32LE, 25, 1)
    stream = pa.pa_stream_new(context, b"Peak detect", ctypes.byref(spec), None)
    flags = PA_STREAM_PEAK_DETECT | PA_STREAM_DONT_MOVE | PA_STREAM_ADJUST_LATENCY
    pa.pa_stream_connect_record(stream, source.encode(), None, flags)
    while (state := pa.pa_stream_get_state(stream)) != PA_STREAM_READY:
        if state == PA_STREAM_FAILED:
            raise SystemExit("stream failed")
        pa.pa_mainloop_iterate(loop, 1, None)
    print("ready", flush=True)
    sys.stdin.read()


if __name__ == "__main__":
    main(sys.argv[1])
