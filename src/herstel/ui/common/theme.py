"""Herstel's look: calm palettes, the theme choice and reduced motion.

The palettes are warm neutrals with one soft teal-blue accent (DESIGN §3a). Every
text colour meets WCAG AA (4.5:1) against every surface it is drawn on; the pairs
that must hold are listed in ``Colors.text_pairs`` and checked by a test.

The high-contrast theme has a light and a dark palette of its own (it follows
the desktop's light/dark scheme like "system" does); there every text pair
reaches 7:1 (WCAG AAA) and the hairlines around controls 3:1, so buttons and
fields are visible by their edges too.

``apply_theme`` sets the application palette and a small style sheet (rounded
buttons, generous padding). Widgets pick their look from the palette and from a
few object names and dynamic properties:

- ``QPushButton#primary`` — the one large call to action (Start breathing);
- ``QPushButton[quiet="true"]`` — controls that must stay visible but not loud
  (Stop, I feel dizzy, Pause);
- ``QLabel[role="muted"]`` / ``[role="heading"]`` / ``[role="note"]`` — secondary text,
  headings and the soft safety note.

Widgets that paint themselves (the breathing shape) derive their colours from the
palette through ``Colors.from_palette``, so a theme change reaches them as an
ordinary ``QEvent.PaletteChange``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QStyleHints
from PySide6.QtWidgets import QApplication, QWidget

from herstel.core.settings import Theme

if TYPE_CHECKING:
    # At run time ``Qt`` is imported where it is used: PySide6 creates every enum of
    # the namespace (~20 ms) on first touch, and the first frame can do without it
    # (see ThemeFollower.first_frame).
    from PySide6.QtCore import Qt

log = logging.getLogger(__name__)

AA_TEXT: Final = 4.5
"""WCAG 2 AA minimum contrast ratio for normal-size text."""

AAA_TEXT: Final = 7.0
"""WCAG 2 AAA minimum contrast ratio for normal-size text: what high contrast promises."""

NON_TEXT: Final = 3.0
"""WCAG 2 minimum contrast for the edges of controls (1.4.11), kept by high contrast."""


@dataclass(frozen=True, slots=True)
class Colors:
    """One palette, as hex strings (``#RRGGBB``)."""

    background: str  # the window
    surface: str  # raised areas: cards, quiet buttons, inputs
    surface_hover: str
    text: str
    text_muted: str  # secondary text, still AA on background and surface
    accent: str  # the primary button, the progress ring, links, focus
    accent_hover: str
    on_accent: str  # text on the accent
    border: str  # hairlines (decorative, no contrast requirement)
    shape: str  # the breathing shape (decorative)
    shape_guide: str  # the faint disc showing a full breath (decorative)
    track: str  # the unfilled progress ring (decorative)

    def text_pairs(self) -> dict[str, tuple[str, str]]:
        """Every (text colour, surface) pair the app draws, which must reach AA."""
        return {
            "text on background": (self.text, self.background),
            "text on surface": (self.text, self.surface),
            "text on hovered surface": (self.text, self.surface_hover),
            "muted text on background": (self.text_muted, self.background),
            "muted text on surface": (self.text_muted, self.surface),
            "accent text on background": (self.accent, self.background),
            "accent text on surface": (self.accent, self.surface),
            "text on accent": (self.on_accent, self.accent),
            "text on hovered accent": (self.on_accent, self.accent_hover),
        }

    def edge_pairs(self) -> dict[str, tuple[str, str]]:
        """The control edges against what they sit on (decorative outside high contrast)."""
        return {
            "border on background": (self.border, self.background),
            "border on surface": (self.border, self.surface),
        }

    @staticmethod
    def for_scheme(scheme: Qt.ColorScheme, *, high_contrast: bool = False) -> Colors:
        from PySide6.QtCore import Qt

        return Colors.for_darkness(scheme == Qt.ColorScheme.Dark, high_contrast=high_contrast)

    @staticmethod
    def for_darkness(dark: bool, *, high_contrast: bool = False) -> Colors:
        if high_contrast:
            return HIGH_CONTRAST_DARK if dark else HIGH_CONTRAST_LIGHT
        return DARK if dark else LIGHT


LIGHT: Final = Colors(
    background="#F7F5F2",
    surface="#FFFFFF",
    surface_hover="#EFEBE6",
    text="#2A3036",
    text_muted="#5A6169",
    accent="#2F6A8F",
    accent_hover="#285C7D",
    on_accent="#FFFFFF",
    border="#E2DDD6",
    shape="#8DB9D3",
    shape_guide="#E8EEF0",
    track="#E4DFD8",
)

DARK: Final = Colors(
    background="#1E2329",
    surface="#272D34",
    surface_hover="#30373F",
    text="#ECE8E2",
    text_muted="#AAB2BA",
    accent="#7FB7D9",
    accent_hover="#93C4E2",
    on_accent="#152028",
    border="#343C45",
    shape="#4F86A8",
    shape_guide="#252D35",
    track="#323A43",
)

HIGH_CONTRAST_LIGHT: Final = Colors(
    background="#FBFAF8",
    surface="#FFFFFF",
    surface_hover="#ECE8E3",
    text="#101316",
    text_muted="#30363C",
    accent="#0B4A75",
    accent_hover="#083A5D",
    on_accent="#FFFFFF",
    border="#5A626A",
    shape="#3F7DA6",
    shape_guide="#DCE6EC",
    track="#B9C2C9",
)

HIGH_CONTRAST_DARK: Final = Colors(
    background="#0E1114",
    surface="#171B20",
    surface_hover="#232931",
    text="#FFFFFF",
    text_muted="#D3D9DF",
    accent="#9DD3F5",
    accent_hover="#BCE2F9",
    on_accent="#0A1218",
    border="#8C96A0",
    shape="#5E9FC8",
    shape_guide="#1C252E",
    track="#4A545E",
)

PALETTES: Final = {
    "light": LIGHT,
    "dark": DARK,
    "high contrast light": HIGH_CONTRAST_LIGHT,
    "high contrast dark": HIGH_CONTRAST_DARK,
}
"""Every palette Herstel draws with, by name (the contrast test walks them all)."""


def base_point_size(widget: QWidget) -> float:
    """The widget's font size in points (10 where the platform reports none)."""
    size = widget.font().pointSizeF()
    return size if size > 0 else 10.0


def relative_luminance(color: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    qcolor = QColor(color)

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(qcolor.redF())
        + 0.7152 * channel(qcolor.greenF())
        + 0.0722 * channel(qcolor.blueF())
    )


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio, from 1 (none) to 21 (black on white)."""
    a, b = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def resolve_scheme(setting: Theme, hints: QStyleHints) -> Qt.ColorScheme:
    """Light or dark: forced by the setting, else the system's (Unknown → light).

    "System" and "high contrast" both take the system's scheme.
    """
    from PySide6.QtCore import Qt

    if setting is Theme.LIGHT:
        return Qt.ColorScheme.Light
    if setting is Theme.DARK:
        return Qt.ColorScheme.Dark
    if hints.colorScheme() == Qt.ColorScheme.Dark:
        return Qt.ColorScheme.Dark
    return Qt.ColorScheme.Light


def build_palette(colors: Colors) -> QPalette:
    """A complete QPalette, so native widgets (spin boxes, lists) match too."""
    palette = QPalette()
    role = QPalette.ColorRole
    group = QPalette.ColorGroup
    assignments = {
        role.Window: colors.background,
        role.WindowText: colors.text,
        role.Base: colors.surface,
        role.AlternateBase: colors.surface_hover,
        role.Text: colors.text,
        role.PlaceholderText: colors.text_muted,
        role.Button: colors.surface,
        role.ButtonText: colors.text,
        role.BrightText: colors.on_accent,
        role.Highlight: colors.accent,
        role.HighlightedText: colors.on_accent,
        role.Link: colors.accent,
        role.LinkVisited: colors.accent,
        role.ToolTipBase: colors.surface,
        role.ToolTipText: colors.text,
        role.Light: colors.surface,
        role.Midlight: colors.surface_hover,
        role.Mid: colors.border,
        role.Dark: colors.border,
        role.Shadow: colors.border,
        role.Accent: colors.accent,
    }
    for color_role, value in assignments.items():
        palette.setColor(color_role, QColor(value))
    # Disabled text is dimmed, but kept readable rather than washed out.
    disabled = QColor(colors.text_muted)
    disabled.setAlphaF(0.75)
    for color_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, color_role, disabled)
    palette.setColor(group.Disabled, role.Highlight, QColor(colors.border))
    palette.setColor(group.Inactive, role.Highlight, QColor(colors.accent))
    palette.setColor(group.Inactive, role.HighlightedText, QColor(colors.on_accent))
    return palette


def style_sheet(colors: Colors) -> str:
    """Rounded, roomy buttons and a few text roles; everything else stays native."""
    c = colors
    return f"""
QPushButton {{
    background: {c.surface};
    color: {c.text};
    border: 1px solid {c.border};
    border-radius: 14px;
    padding: 9px 20px;
    min-height: 22px;
}}
QPushButton:hover {{ background: {c.surface_hover}; }}
QPushButton:pressed {{ background: {c.border}; }}
QPushButton:focus {{ border: 2px solid {c.accent}; padding: 8px 19px; }}
QPushButton:disabled {{ color: {c.text_muted}; }}
QPushButton#primary {{
    background: {c.accent};
    color: {c.on_accent};
    border: none;
    border-radius: 28px;
    padding: 18px 40px;
    font-size: 20px;
}}
QPushButton#primary:hover {{ background: {c.accent_hover}; }}
QPushButton#primary:focus {{ border: 2px solid {c.text_muted}; padding: 16px 38px; }}
QPushButton#primarySmall {{
    background: {c.accent};
    color: {c.on_accent};
    border: none;
}}
QPushButton#primarySmall:hover {{ background: {c.accent_hover}; }}
QPushButton#primarySmall:focus {{ border: 2px solid {c.text_muted}; padding: 7px 18px; }}
QPushButton[quiet="true"] {{
    background: transparent;
    color: {c.text_muted};
    border: 1px solid {c.border};
}}
QPushButton[quiet="true"]:hover {{ background: {c.surface_hover}; color: {c.text}; }}
QPushButton[quiet="true"]:focus {{
    border: 2px solid {c.accent};
    color: {c.text};
    padding: 8px 19px;
}}
QPushButton[compact="true"] {{ padding: 4px 14px; border-radius: 10px; min-height: 22px; }}
QPushButton[compact="true"]:focus {{ padding: 3px 13px; }}
QPushButton#patternCard {{
    text-align: left;
    border-radius: 18px;
    padding: 14px 20px;
}}
QPushButton#patternCard:focus {{ padding: 13px 19px; }}
QToolButton {{
    background: {c.surface};
    color: {c.text};
    border: 1px solid {c.border};
    border-radius: 14px;
    padding: 8px 16px;
}}
QToolButton:hover {{ background: {c.surface_hover}; }}
QToolButton:focus {{ border: 2px solid {c.accent}; padding: 7px 15px; }}
QToolButton::menu-indicator {{ image: none; width: 0; }}
QLabel[role="muted"] {{ color: {c.text_muted}; }}
QLabel#changeLink {{ color: {c.accent}; }}
QLabel[role="note"] {{
    color: {c.text_muted};
    background: {c.surface};
    border: 1px solid {c.border};
    border-radius: 14px;
    padding: 12px 16px;
}}
QLabel[role="warning"] {{ color: {c.text}; }}
QListWidget {{
    background: {c.surface};
    border: 1px solid {c.border};
    border-radius: 14px;
    padding: 6px;
    outline: none;
}}
QDoubleSpinBox, QSpinBox, QTimeEdit {{ padding: 4px 6px; min-height: 22px; }}
QComboBox {{ padding: 4px 8px; min-height: 22px; }}
QListWidget#settingsPages {{ padding: 8px 6px; }}
QListWidget#settingsPages::item {{
    padding: 0 12px;
    border-radius: 10px;
    color: {c.text};
}}
QListWidget#settingsPages::item:hover {{ background: {c.surface_hover}; }}
QListWidget#settingsPages::item:selected {{ background: {c.accent}; color: {c.on_accent}; }}
QLineEdit#dataFolder {{
    background: {c.surface};
    border: 1px solid {c.border};
    border-radius: 8px;
    padding: 5px 8px;
}}
QToolTip {{
    color: {c.text};
    background: {c.surface};
    border: 1px solid {c.border};
    border-radius: 8px;
    padding: 6px;
}}
"""


def apply_theme(app: QApplication, setting: Theme) -> Qt.ColorScheme:
    """Give the whole app the palette for ``setting``; returns the scheme used.

    A forced light or dark theme is also requested from the platform (Qt 6.8+),
    so native title bars and dialogs follow where the platform allows it; with
    ``Theme.SYSTEM`` and ``Theme.HIGH_CONTRAST`` that request is withdrawn so
    the system's choice shows.
    """
    from PySide6.QtCore import Qt

    scheme = _request_scheme(app.styleHints(), setting)
    _apply_colors(app, scheme == Qt.ColorScheme.Dark, setting)
    log.debug("theme %s applied (setting %s)", scheme.name, setting.value)
    return scheme


def _request_scheme(hints: QStyleHints, setting: Theme) -> Qt.ColorScheme:
    """Ask the platform for a forced scheme (or withdraw the request); the scheme in force."""
    from PySide6.QtCore import Qt

    try:
        if setting in (Theme.SYSTEM, Theme.HIGH_CONTRAST):
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(
                Qt.ColorScheme.Dark if setting is Theme.DARK else Qt.ColorScheme.Light
            )
    except AttributeError:  # Qt older than 6.8: the palette still applies
        pass
    return resolve_scheme(setting, hints)


def _apply_colors(app: QApplication, dark: bool, setting: Theme) -> None:
    colors = Colors.for_darkness(dark, high_contrast=setting is Theme.HIGH_CONTRAST)
    app.setPalette(build_palette(colors))
    app.setStyleSheet(style_sheet(colors))


def platform_looks_dark(app: QGuiApplication) -> bool:
    """Whether the platform's own palette (before Herstel's) is a dark one.

    Platforms that report a dark colour scheme give Qt a dark palette too, so
    this answers the same question as ``QStyleHints.colorScheme`` without the
    ``Qt`` enum namespace; the first frame uses it, and the real answer
    follows (``ThemeFollower.settle``).
    """
    return app.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.5


class ThemeFollower(QObject):
    """Re-applies the theme when the system scheme changes and the setting follows it.

    "System" and "high contrast" follow the desktop's light/dark scheme.
    """

    def __init__(self, app: QApplication, setting: Theme, *, first_frame: bool = False) -> None:
        """Apply ``setting`` now; with ``first_frame``, from a cheap guess, then call settle().

        The guess (a forced theme as it is; a followed one from the platform's
        palette) never touches the ``Qt`` enum namespace, so the first window can
        be painted before PySide6 creates it; :meth:`settle` then asks the
        platform properly and changes the palette only if the guess was wrong.
        """
        super().__init__(app)
        self._app = app
        self._setting = setting
        self._guessed_dark: bool | None = None
        if first_frame:
            dark = (
                setting is Theme.DARK
                if setting in (Theme.LIGHT, Theme.DARK)
                else platform_looks_dark(app)
            )
            _apply_colors(app, dark, setting)
            self._guessed_dark = dark
        else:
            self._scheme = apply_theme(app, setting)
        app.styleHints().colorSchemeChanged.connect(self._system_changed)

    def settle(self) -> None:
        """After the first frame: the scheme as the platform reports it (no-op otherwise)."""
        from PySide6.QtCore import Qt

        guessed, self._guessed_dark = self._guessed_dark, None
        if guessed is None:
            return
        self._scheme = _request_scheme(self._app.styleHints(), self._setting)
        if (self._scheme == Qt.ColorScheme.Dark) != guessed:
            log.info("the desktop's colour scheme differs from its palette; re-themed")
            _apply_colors(self._app, not guessed, self._setting)

    @property
    def scheme(self) -> Qt.ColorScheme:
        self.settle()
        return self._scheme

    def set_setting(self, setting: Theme) -> None:
        self._guessed_dark = None
        self._setting = setting
        self._scheme = apply_theme(self._app, setting)

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._setting in (Theme.SYSTEM, Theme.HIGH_CONTRAST):
            self._guessed_dark = None
            self._scheme = apply_theme(self._app, self._setting)


def system_prefers_reduced_motion() -> bool:
    """The OS "reduce motion" preference where this Qt exposes one (not in 6.11)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    accessibility = getattr(app.styleHints(), "accessibility", None)
    if accessibility is None:
        return False
    hints = accessibility()
    for name in ("motionPreference", "reducedMotion", "prefersReducedMotion"):
        getter = getattr(hints, name, None)
        if not callable(getter):
            continue
        value = getter()
        if isinstance(value, bool):
            return value
        # An enum such as MotionPreference.Reduced / ReducedMotion.
        return "reduce" in str(getattr(value, "name", value)).lower()
    return False


def prefers_reduced_motion(setting: bool) -> bool:
    """Whether to show the reduced-motion breathing visual: the setting or the OS."""
    return setting or system_prefers_reduced_motion()
