"""Shared set-up for the widget tests: Qt draws offscreen, no screen saver is touched."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QObject, Signal

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class FakeInhibitor(QObject):
    """Stands in for ScreenSaverInhibitor: records calls, never touches D-Bus."""

    locked_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []
        self.inhibited = False

    def inhibit(self) -> None:
        self.calls.append("inhibit")
        self.inhibited = True

    def release(self) -> None:
        self.calls.append("release")
        self.inhibited = False


@pytest.fixture
def inhibitor() -> FakeInhibitor:
    return FakeInhibitor()


@pytest.fixture
def fake_inhibitor_class() -> type[FakeInhibitor]:
    """For tests that need several fake inhibitors (one per window)."""
    return FakeInhibitor
