"""Today at a glance: minutes, sessions and the last check's seven dots."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from herstel.core.checkin import (
    CheckAnswers,
    CheckKind,
    CheckStatus,
    NightAnswers,
    Signal,
    SignalLevel,
    check_day,
    night_for,
)
from herstel.core.records import EndedHow, SessionRecord, Trigger, new_session_id
from herstel.storage.database import Database
from herstel.storage.stored import TodaySummary
from herstel.ui.home.today_glance import SignalDots, TodayGlance, paint_level_dot

P, H, A, N = SignalLevel.PRESENT, SignalLevel.PARTLY, SignalLevel.ABSENT, SignalLevel.NOT_ASKED
LEVELS = {
    Signal.BREATHING: P,
    Signal.BODY: H,
    Signal.HEAD: A,
    Signal.ENERGY: P,
    Signal.MUSCLES: P,
    Signal.MOOD: A,
    Signal.SLEEP: N,
}


def make_glance(qtbot: QtBot) -> TodayGlance:
    glance = TodayGlance()
    qtbot.addWidget(glance)
    glance.resize(600, 40)
    glance.show()
    qtbot.waitExposed(glance)
    return glance


def test_empty_state(qtbot: QtBot) -> None:
    glance = make_glance(qtbot)
    assert glance.text() == "No breathing break yet today."
    assert not glance.dots_visible()
    glance.set_summary(TodaySummary(0.0, 0, dict.fromkeys(Signal, N)))
    assert glance.text() == "No breathing break yet today."
    assert glance.accessibleDescription() == "No breathing break yet today."


def test_minutes_and_sessions(qtbot: QtBot) -> None:
    glance = make_glance(qtbot)
    glance.set_summary(TodaySummary(12.4, 3, LEVELS))
    assert glance.text() == "Today: 12 min breathed in 3 sessions"
    glance.set_summary(TodaySummary(4.6, 1, LEVELS))
    assert glance.text() == "Today: 5 min breathed in 1 session"
    glance.set_summary(TodaySummary(0.3, 1, LEVELS))
    assert glance.text() == "Today: under a minute breathed in 1 session"


def test_dots_reflect_the_last_check(qtbot: QtBot) -> None:
    glance = make_glance(qtbot)
    glance.set_summary(TodaySummary(10.0, 2, LEVELS))
    assert glance.dots_visible()
    assert glance.dots.levels() == LEVELS
    description = glance.dots.accessibleDescription()
    assert description == (
        "Breathing calm: present; Body light: partly; Head clear: absent; "
        "Energy: present; Muscles relaxed: present; Mood steady: absent; Sleep: not asked"
    )
    assert glance.dots.accessibleName() == "Signals at the last check"
    assert glance.accessibleName() == "Today at a glance"
    assert glance.accessibleDescription() == (
        f"Today: 10 min breathed in 2 sessions. Last check: {description}."
    )
    tooltip = glance.dots.toolTip()
    assert tooltip.splitlines()[0] == "At your last check:"
    assert "Head clear: absent" in tooltip.splitlines()


def test_sessions_without_a_check_show_no_dots(qtbot: QtBot) -> None:
    glance = make_glance(qtbot)
    glance.set_summary(TodaySummary(5.0, 1, dict.fromkeys(Signal, N)))
    assert not glance.dots_visible()
    assert glance.accessibleDescription() == "Today: 5 min breathed in 1 session"
    glance.set_summary(None)
    assert glance.text() == "No breathing break yet today."


def _dot_image(level: SignalLevel) -> QImage:
    image = QImage(24, 24, QImage.Format.Format_Grayscale8)  # shape, not colour
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    palette = QApplication.palette()
    paint_level_dot(painter, QPointF(12, 12), 16.0, level, palette)
    painter.end()
    return image


def test_each_level_has_its_own_shape_even_in_grey(qapp: QApplication) -> None:
    images = {level: _dot_image(level) for level in SignalLevel}
    for level, image in images.items():
        others = [other for other in SignalLevel if other is not level]
        for other in others:
            assert image != images[other], (level, other)


def test_the_dots_paint(qtbot: QtBot) -> None:
    glance = make_glance(qtbot)
    glance.set_summary(TodaySummary(10.0, 2, LEVELS))
    dots = glance.findChild(SignalDots)
    assert dots is not None
    assert dots.sizeHint().width() > 7 * 10
    assert not dots.grab().isNull()


def test_from_the_database(qtbot: QtBot, tmp_path: Path) -> None:
    now = datetime(2026, 3, 10, 9, 15, tzinfo=UTC)
    record = SessionRecord(
        new_session_id(), now, "4-6", 300.0, 30, 270.0, 27, EndedHow.STOPPED, Trigger.WINDOW
    )
    after = CheckAnswers(
        CheckKind.AFTER,
        {Signal.BREATHING: 5, Signal.BODY: 3, Signal.HEAD: 1},
        None,
        False,
        now + timedelta(minutes=5),
    )
    night = NightAnswers(night_for(now), 4, 5, now + timedelta(minutes=5))
    glance = make_glance(qtbot)
    with Database.open(tmp_path / "herstel.db") as db:
        db.save_session(record, None, after, night, CheckStatus.INCOMPLETE)
        glance.set_summary(db.today_summary(check_day(now), UTC))
    assert glance.text() == "Today: 5 min breathed in 1 session"  # 4.5 min rounds up
    assert glance.dots.levels() == {
        Signal.BREATHING: P,
        Signal.BODY: H,
        Signal.HEAD: A,
        Signal.ENERGY: N,
        Signal.MUSCLES: N,
        Signal.MOOD: N,
        Signal.SLEEP: P,
    }
