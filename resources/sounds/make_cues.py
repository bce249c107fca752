"""Write Herstel's sound cues as small WAV files, from sine partials and nothing else.

    python resources/sounds/make_cues.py [FOLDER]     (default: next to this script)

The build (setup.py's build_py) runs this, so the WAVs are generated files, never
committed, and every sound in Herstel is made here — no recorded samples, nothing
of unknown licence. Only the standard library is used (``math``, ``array``,
``wave``), so it runs on any build machine.

Each cue is a sum of sine partials under a raised-cosine attack and release, so
it starts and ends at silence without a click:

* ``cue-in.wav``: a soft tone rising a fourth (G4 → C5), for the start of the in-breath;
* ``cue-out.wav``: a lower tone falling a fourth (E4 → B3), for the out-breath;
* ``cue-hold.wav``: a very quiet short tone, for the start of a hold;
* ``bell.wav``: a gentle bell at the end — a few inharmonic partials, the higher
  ones dying away sooner, over a long decay.

All peaks stay far below full scale (at most -9 dBFS) so nothing is harsh.
"""

from __future__ import annotations

import math
import sys
import wave
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

RATE = 44100
"""Samples a second: what every sound card plays without resampling trouble."""

FULL_SCALE = 32767


@dataclass(frozen=True)
class Tone:
    """A gliding tone: ``start_hz`` to ``end_hz`` with harmonic partials (ratio, level)."""

    seconds: float
    start_hz: float
    end_hz: float
    partials: Sequence[tuple[float, float]]
    attack: float
    release: float
    peak: float  # of full scale


@dataclass(frozen=True)
class Bell:
    """Inharmonic partials (ratio, level, decay seconds) over an exponential decay."""

    seconds: float
    base_hz: float
    partials: Sequence[tuple[float, float, float]]
    attack: float
    release: float
    peak: float


CUES: dict[str, Tone | Bell] = {
    "cue-in": Tone(0.75, 392.0, 523.25, ((1, 1.0), (2, 0.22), (3, 0.06)), 0.12, 0.35, 0.28),
    "cue-out": Tone(0.85, 329.63, 246.94, ((1, 1.0), (2, 0.25), (3, 0.08)), 0.12, 0.45, 0.28),
    "cue-hold": Tone(0.4, 440.0, 440.0, ((1, 1.0), (2, 0.1)), 0.08, 0.25, 0.07),
    # Ratios of a struck free bar (1, 2.76, 5.40, 8.93) and a soft low hum: bell-like,
    # not a chord; the higher a partial, the sooner it fades.
    "bell": Bell(
        4.0,
        523.25,
        ((0.5, 0.3, 1.3), (1.0, 1.0, 1.1), (2.76, 0.45, 0.6), (5.40, 0.2, 0.3), (8.93, 0.08, 0.15)),
        0.01,
        1.2,
        0.35,
    ),
}


def _raised_cosine(x: float) -> float:
    """0 → 1 with zero slope at both ends (x in [0, 1])."""
    x = min(max(x, 0.0), 1.0)
    return 0.5 - 0.5 * math.cos(math.pi * x)


def _envelope(n: int, count: int, attack: float, release: float) -> float:
    t = n / RATE
    end = (count - 1) / RATE
    return _raised_cosine(t / attack) * _raised_cosine((end - t) / release)


def _normalised(samples: list[float], peak: float) -> list[float]:
    loudest = max(abs(s) for s in samples) or 1.0
    return [s * peak / loudest for s in samples]


def render_tone(tone: Tone) -> list[float]:
    """Samples in [-1, 1]; the pitch glides smoothly (the phase is integrated)."""
    count = round(tone.seconds * RATE)
    samples: list[float] = []
    phase = 0.0
    for n in range(count):
        u = n / (count - 1)
        glide = u * u * (3 - 2 * u)  # smoothstep: the pitch eases in and out of its glide
        hz = tone.start_hz * (tone.end_hz / tone.start_hz) ** glide
        phase += 2 * math.pi * hz / RATE
        value = sum(level * math.sin(ratio * phase) for ratio, level in tone.partials)
        samples.append(value * _envelope(n, count, tone.attack, tone.release))
    return _normalised(samples, tone.peak)


def render_bell(bell: Bell) -> list[float]:
    count = round(bell.seconds * RATE)
    samples: list[float] = []
    for n in range(count):
        t = n / RATE
        value = sum(
            level * math.exp(-t / decay) * math.sin(2 * math.pi * bell.base_hz * ratio * t)
            for ratio, level, decay in bell.partials
        )
        samples.append(value * _envelope(n, count, bell.attack, bell.release))
    return _normalised(samples, bell.peak)


def render(name: str) -> list[float]:
    """The samples of one cue by name (``cue-in``, ``cue-out``, ``cue-hold``, ``bell``)."""
    spec = CUES[name]
    return render_tone(spec) if isinstance(spec, Tone) else render_bell(spec)


def write_wav(path: Path, samples: Sequence[float]) -> None:
    """16-bit mono PCM, little-endian as WAV wants it."""
    pcm = array("h", (round(s * FULL_SCALE) for s in samples))
    if sys.byteorder == "big":
        pcm.byteswap()
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(pcm.tobytes())


def write_all(folder: Path) -> list[Path]:
    """Write every cue into ``folder``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in CUES:
        path = folder / f"{name}.wav"
        write_wav(path, render(name))
        written.append(path)
    return written


def main(argv: Sequence[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    for path in write_all(folder):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
