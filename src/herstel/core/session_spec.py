"""One session, fully decided before it starts: what a launch asked plus the saved settings.

Settings and command-line options are resolved once, here, into a
``SessionSpec``; from then on a session flows one way (spec → window → stored
record → end page) and nothing downstream looks at the settings or the
options again. Command-line options never change what is saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from herstel.core.launch import BreatheOptions, plan_for
from herstel.core.records import Trigger
from herstel.core.rhythm import SessionPlan
from herstel.core.settings import Settings


@dataclass(frozen=True, slots=True)
class SessionSpec:
    plan: SessionPlan
    trigger: Trigger
    check_before: bool  # the optional before-check (only with a check after)
    check_after: bool  # the recovery check after the last breath
    eyes_closed: bool  # asked for: by the setting or for this one session
    show_count: bool
    reduced_motion: bool  # the setting; the window also follows the system's
    first_run: bool  # the first session: the safety note beside the countdown


def resolve_session(options: BreatheOptions, settings: Settings, trigger: Trigger) -> SessionSpec:
    """The session ``options`` asks for, with the saved ``settings`` for the rest."""
    check_after = settings.check_after and not options.no_check
    return SessionSpec(
        plan=plan_for(options, settings),
        trigger=trigger,
        check_before=settings.check_before and check_after,
        check_after=check_after,
        eyes_closed=settings.eyes_closed or options.eyes_closed,
        show_count=settings.show_count,
        reduced_motion=settings.reduced_motion,
        first_run=not settings.first_run_done,
    )
