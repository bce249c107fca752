"""Building the reminder service: on Linux it gets the platform senses, not yet watching."""

from __future__ import annotations

import sys

import pytest

from herstel.core.room import Sense
from herstel.platform.senses.aggregator import Senses
from herstel.ui.reminders.setup import make_senses


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the senses are Linux only")
def test_the_service_gets_the_platform_senses_idle_until_a_reminder_waits() -> None:
    senses = make_senses()
    assert isinstance(senses, Senses)
    assert not senses.watching  # nothing subscribed until a reminder waits
    senses.set_enabled(Sense.CALL, False)
    assert not senses.enabled(Sense.CALL)
    assert senses.enabled(Sense.FULL_SCREEN)
