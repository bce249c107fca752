"""What a screen reader hears during a session: each phase once, each pause, nothing more.

The session window shows a *moment* on every frame: the countdown (``READY``),
a pause (``PAUSED``), or a phase of a breath (``(breath_index, phase)``). It
hands each new moment to ``PhaseAnnouncer.decide``, which says whether to
announce it:

- the countdown and every phase of every breath at most once, so resuming
  after a pause (or a window that was hidden, or a missed frame) never
  repeats "Breathe in";
- every pause, because the person pressed Space and wants to hear it took.

The rule knows nothing of Qt, of timing or of how the phase is drawn, so the
reduced-motion variant announces exactly what the growing circle does.
"""

from __future__ import annotations

from typing import Final

from herstel.core.rhythm import Phase
from herstel.core.session import SessionRun, Stage

Moment = tuple[object, ...]
"""``READY``, ``PAUSED`` or ``(breath_index, phase)``."""

READY: Final[Moment] = ("ready",)
PAUSED: Final[Moment] = ("paused",)


def moment_of(run: SessionRun) -> Moment | None:
    """The moment ``run`` is at now, as the session window shows it; None once ended."""
    stage = run.stage
    if stage is Stage.ENDED or not run.started:
        return None
    if stage is Stage.PAUSED:
        return PAUSED
    if run.countdown_left() > 0:
        return READY
    state = run.state()
    return (state.breath_index, state.phase)


class PhaseAnnouncer:
    """Decides, moment by moment, whether the session should announce it."""

    def __init__(self) -> None:
        self._said: set[Moment] = set()

    def decide(self, moment: Moment) -> bool:
        """True when ``moment`` (new on screen) should be announced now."""
        if moment == PAUSED:
            return True
        if moment in self._said:
            return False
        self._said.add(moment)
        return True

    def said(self, breath_index: int, phase: Phase) -> bool:
        """Whether this phase of this breath was announced already."""
        return (breath_index, phase) in self._said
