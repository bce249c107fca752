"""The sound cues written by resources/sounds/make_cues.py, read back with ``wave``.

Soft and click-free: silence at both ends and a gradual attack and release, peaks
far below full scale, the in-breath rising, the out-breath lower and falling, the
bell long and fading. The files the build ships are exactly what the script makes.
"""

from __future__ import annotations

import importlib.util
import itertools
import math
import sys
import wave
from array import array
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOUNDS = ROOT / "resources" / "sounds"
NAMES = ("cue-in", "cue-out", "cue-hold", "bell")


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("herstel_make_cues", SOUNDS / "make_cues.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


make_cues = load_generator()


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cues")
    paths = make_cues.write_all(folder)
    return {path.stem: path for path in paths}


def read(path: Path) -> tuple[list[float], int]:
    """Samples in [-1, 1] and the rate, checking the format on the way."""
    with wave.open(str(path), "rb") as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getcomptype()) == (1, 2, "NONE")
        rate = wav.getframerate()
        frames = wav.readframes(wav.getnframes())
    pcm = array("h")
    pcm.frombytes(frames)
    if sys.byteorder == "big":
        pcm.byteswap()
    return [s / 32768 for s in pcm], rate


def peak(samples: list[float]) -> float:
    return max(abs(s) for s in samples)


def rms(samples: list[float]) -> float:
    return math.sqrt(sum(s * s for s in samples) / len(samples))


def pitch(samples: list[float], rate: int) -> float:
    """Hz from upward zero crossings (the fundamental dominates each cue)."""
    ups = sum(1 for a, b in itertools.pairwise(samples) if a < 0 <= b)
    return ups * rate / len(samples)


def test_every_cue_is_written(written: dict[str, Path]) -> None:
    assert sorted(written) == sorted(NAMES)
    for path in written.values():
        assert 10_000 < path.stat().st_size < 500_000  # small files


@pytest.mark.parametrize("name", NAMES)
def test_each_cue_is_soft_and_starts_and_ends_in_silence(
    written: dict[str, Path], name: str
) -> None:
    samples, rate = read(written[name])
    assert rate == 44100
    loudest = peak(samples)
    assert 0.03 < loudest <= 0.36  # audible, and at most about -9 dBFS: far from clipping
    assert samples[0] == 0 and abs(samples[-1]) <= 1 / 32768
    edge = rate * 2 // 1000  # the first and last 2 ms
    assert peak(samples[:edge]) < 0.1 * loudest  # no click at the start
    assert peak(samples[-edge:]) < 0.02 * loudest  # nor at the end
    # The attack is gradual: the first 5 ms are much quieter than the loudest 5 ms.
    window = rate // 200
    loudest_window = max(
        rms(samples[i : i + window]) for i in range(0, len(samples) - window, window)
    )
    assert rms(samples[:window]) < 0.5 * loudest_window


def test_lengths(written: dict[str, Path]) -> None:
    seconds = {}
    for name, path in written.items():
        samples, rate = read(path)
        seconds[name] = len(samples) / rate
    assert 0.5 <= seconds["cue-in"] <= 1.0
    assert 0.5 <= seconds["cue-out"] <= 1.0
    assert seconds["cue-hold"] < seconds["cue-in"]  # a hold cue is short
    assert seconds["bell"] >= 3.0  # a long decay
    assert max(seconds["cue-in"], seconds["cue-out"]) < 2.0  # well inside a 2 s phase


def test_in_rises_out_falls_and_out_is_lower(written: dict[str, Path]) -> None:
    inhale, rate = read(written["cue-in"])
    exhale, _ = read(written["cue-out"])
    tenth = rate // 10

    def early_late(samples: list[float]) -> tuple[float, float]:
        sustain = samples[tenth : len(samples) - tenth]
        third = len(sustain) // 3
        return pitch(sustain[:third], rate), pitch(sustain[-third:], rate)

    in_early, in_late = early_late(inhale)
    out_early, out_late = early_late(exhale)
    assert in_late > in_early * 1.15  # rising (a fourth is ×1.33 over the whole cue)
    assert out_late < out_early / 1.15  # falling
    assert pitch(exhale, rate) < pitch(inhale, rate) / 1.2  # the out-breath is lower
    assert 300 < pitch(inhale, rate) < 600 and 200 < pitch(exhale, rate) < 400


def test_the_hold_cue_is_the_quietest(written: dict[str, Path]) -> None:
    peaks = {name: peak(read(path)[0]) for name, path in written.items()}
    assert peaks["cue-hold"] < 0.4 * min(peaks["cue-in"], peaks["cue-out"])


def test_the_bell_fades_slowly_and_has_inharmonic_partials(written: dict[str, Path]) -> None:
    samples, rate = read(written["bell"])
    first, second, last = samples[: rate // 2], samples[rate : 2 * rate], samples[-rate:]
    assert rms(second) < rms(first)  # decaying …
    assert rms(second) > 0.15 * rms(first)  # … slowly: still sounding after a second
    assert rms(last) < 0.05 * rms(first)  # and gone by the end
    # Inharmonic: some partial ratio is far from a whole number (a bell, not a chord).
    ratios = [ratio for ratio, _level, _decay in make_cues.CUES["bell"].partials]
    assert any(abs(r - round(r)) > 0.2 for r in ratios)


def test_the_generator_is_deterministic_and_the_build_ships_its_output(
    written: dict[str, Path],
) -> None:
    for name in NAMES:
        shipped = SOUNDS / f"{name}.wav"
        assert shipped.is_file(), f"{shipped} is missing: the build (setup.py) writes it"
        assert shipped.read_bytes() == written[name].read_bytes()
