"""Palettes, contrast, the light/dark choice and reduced motion."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from herstel.core.settings import Theme
from herstel.ui.common import theme
from herstel.ui.common.theme import (
    AA_TEXT,
    AAA_TEXT,
    DARK,
    HIGH_CONTRAST_DARK,
    HIGH_CONTRAST_LIGHT,
    LIGHT,
    NON_TEXT,
    PALETTES,
    Colors,
    ThemeFollower,
    apply_theme,
    contrast_ratio,
    prefers_reduced_motion,
    resolve_scheme,
)

HIGH_CONTRAST = {HIGH_CONTRAST_LIGHT, HIGH_CONTRAST_DARK}


def _too_low(pairs: dict[str, tuple[str, str]], minimum: float) -> list[str]:
    return [
        f"{name}: {fg} on {bg} is {contrast_ratio(fg, bg):.2f}:1"
        for name, (fg, bg) in pairs.items()
        if contrast_ratio(fg, bg) < minimum
    ]


@pytest.mark.parametrize("name", list(PALETTES))
def test_every_text_colour_reaches_wcag_aa(name: str) -> None:
    colors = PALETTES[name]
    pairs = colors.text_pairs()
    assert len(pairs) >= 9
    assert _too_low(pairs, AA_TEXT) == []


@pytest.mark.parametrize("colors", [HIGH_CONTRAST_LIGHT, HIGH_CONTRAST_DARK], ids=["light", "dark"])
def test_high_contrast_text_reaches_seven_to_one_and_edges_three(colors: Colors) -> None:
    assert _too_low(colors.text_pairs(), AAA_TEXT) == []
    assert _too_low(colors.edge_pairs(), NON_TEXT) == []


def test_every_palette_is_checked() -> None:
    assert set(PALETTES.values()) == {LIGHT, DARK, *HIGH_CONTRAST}


def test_the_check_catches_a_pair_that_is_too_soft() -> None:
    soft = {"grey on white": ("#777777", "#FFFFFF"), "black on white": ("#000000", "#FFFFFF")}
    assert _too_low(soft, AA_TEXT) == ["grey on white: #777777 on #FFFFFF is 4.48:1"]
    assert _too_low({"muted": (LIGHT.text_muted, LIGHT.background)}, AAA_TEXT) != []


def test_the_design_accents() -> None:
    assert (LIGHT.accent, LIGHT.background) == ("#2F6A8F", "#F7F5F2")
    assert (DARK.accent, DARK.background) == ("#7FB7D9", "#1E2329")
    assert contrast_ratio(LIGHT.accent, LIGHT.background) == pytest.approx(5.4, abs=0.05)
    assert contrast_ratio(DARK.accent, DARK.background) == pytest.approx(7.3, abs=0.05)


def test_contrast_ratio_reference_values() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def _hints(scheme: Qt.ColorScheme) -> Any:
    return SimpleNamespace(colorScheme=lambda: scheme)


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        (Theme.SYSTEM, Qt.ColorScheme.Dark, Qt.ColorScheme.Dark),
        (Theme.SYSTEM, Qt.ColorScheme.Light, Qt.ColorScheme.Light),
        (Theme.SYSTEM, Qt.ColorScheme.Unknown, Qt.ColorScheme.Light),
        (Theme.LIGHT, Qt.ColorScheme.Dark, Qt.ColorScheme.Light),
        (Theme.DARK, Qt.ColorScheme.Light, Qt.ColorScheme.Dark),
        (Theme.DARK, Qt.ColorScheme.Unknown, Qt.ColorScheme.Dark),
        (Theme.HIGH_CONTRAST, Qt.ColorScheme.Dark, Qt.ColorScheme.Dark),
        (Theme.HIGH_CONTRAST, Qt.ColorScheme.Light, Qt.ColorScheme.Light),
        (Theme.HIGH_CONTRAST, Qt.ColorScheme.Unknown, Qt.ColorScheme.Light),
    ],
)
def test_resolve_scheme(setting: Theme, system: Qt.ColorScheme, expected: Qt.ColorScheme) -> None:
    assert resolve_scheme(setting, _hints(system)) == expected


def test_apply_theme_sets_palette_and_style(qtbot: QtBot, qapp: QApplication) -> None:
    try:
        assert apply_theme(qapp, Theme.DARK) == Qt.ColorScheme.Dark
        palette = qapp.palette()
        assert palette.color(QPalette.ColorRole.Window).name().upper() == DARK.background
        assert palette.color(QPalette.ColorRole.Highlight).name().upper() == DARK.accent
        assert "border-radius" in qapp.styleSheet()
        assert apply_theme(qapp, Theme.LIGHT) == Qt.ColorScheme.Light
        assert qapp.palette().color(QPalette.ColorRole.Window).name().upper() == LIGHT.background
    finally:
        apply_theme(qapp, Theme.SYSTEM)
        qapp.setStyleSheet("")
        qapp.setPalette(QPalette())


def _window_colour(qapp: QApplication) -> str:
    return qapp.palette().color(QPalette.ColorRole.Window).name().upper()


def test_high_contrast_applies_its_own_palette(qtbot: QtBot, qapp: QApplication) -> None:
    try:
        scheme = apply_theme(qapp, Theme.HIGH_CONTRAST)
        expected = Colors.for_scheme(scheme, high_contrast=True)
        assert expected in HIGH_CONTRAST
        assert _window_colour(qapp) == expected.background
        highlight = qapp.palette().color(QPalette.ColorRole.Highlight).name().upper()
        assert highlight == expected.accent
        assert expected.border in qapp.styleSheet()
    finally:
        apply_theme(qapp, Theme.SYSTEM)
        qapp.setStyleSheet("")
        qapp.setPalette(QPalette())


def test_the_follower_switches_to_and_from_high_contrast(qtbot: QtBot, qapp: QApplication) -> None:
    follower = ThemeFollower(qapp, Theme.LIGHT)
    try:
        assert _window_colour(qapp) == LIGHT.background
        follower.set_setting(Theme.HIGH_CONTRAST)
        assert _window_colour(qapp) in {c.background for c in HIGH_CONTRAST}
        follower.set_setting(Theme.DARK)
        assert _window_colour(qapp) == DARK.background
    finally:
        follower.deleteLater()
        apply_theme(qapp, Theme.SYSTEM)
        qapp.setStyleSheet("")
        qapp.setPalette(QPalette())


def test_the_first_frame_follows_a_forced_theme_as_it_is(qtbot: QtBot, qapp: QApplication) -> None:
    follower = ThemeFollower(qapp, Theme.DARK, first_frame=True)
    try:
        assert _window_colour(qapp) == DARK.background
        follower.settle()
        assert follower.scheme == Qt.ColorScheme.Dark
        assert _window_colour(qapp) == DARK.background
    finally:
        follower.deleteLater()
        apply_theme(qapp, Theme.SYSTEM)
        qapp.setStyleSheet("")
        qapp.setPalette(QPalette())


def test_a_first_frame_guess_from_the_palette_is_put_right_once_settled(
    qtbot: QtBot, qapp: QApplication
) -> None:
    # A dark platform palette, while the platform reports no dark scheme (offscreen
    # reports Unknown, which DESIGN §3a draws light): the guess is dark, the
    # settled answer light.
    dark_platform = QPalette()
    dark_platform.setColor(QPalette.ColorRole.Window, "#202020")
    qapp.setPalette(dark_platform)
    assert qapp.styleHints().colorScheme() != Qt.ColorScheme.Dark
    follower = ThemeFollower(qapp, Theme.SYSTEM, first_frame=True)
    try:
        assert _window_colour(qapp) == DARK.background
        follower.settle()
        assert _window_colour(qapp) == LIGHT.background
        assert follower.scheme == Qt.ColorScheme.Light
    finally:
        follower.deleteLater()
        apply_theme(qapp, Theme.SYSTEM)
        qapp.setStyleSheet("")
        qapp.setPalette(QPalette())


def test_reduced_motion_follows_the_setting() -> None:
    assert prefers_reduced_motion(True)
    assert not prefers_reduced_motion(False)  # Qt 6.11 exposes no OS preference


def test_reduced_motion_follows_the_os_where_qt_exposes_it(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    reduced = SimpleNamespace(name="ReducedMotion")
    hints = SimpleNamespace(motionPreference=lambda: reduced)
    style_hints = SimpleNamespace(accessibility=lambda: hints)
    fake_app = SimpleNamespace(styleHints=lambda: style_hints)
    monkeypatch.setattr(theme, "QGuiApplication", _FakeGuiApplication(fake_app))
    assert prefers_reduced_motion(False)
    hints.motionPreference = lambda: SimpleNamespace(name="NoPreference")
    assert not prefers_reduced_motion(False)


class _FakeGuiApplication:
    """Stands in for the QGuiApplication class: ``instance()`` and isinstance checks."""

    def __init__(self, app: object) -> None:
        self._app = app

    def instance(self) -> object:
        return self._app

    def __instancecheck__(self, instance: object) -> bool:
        return instance is self._app
