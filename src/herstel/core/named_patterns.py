"""Breathing patterns the user saved under a name of their own ("My rhythm", "Evening").

They live in the settings (``Settings.custom_patterns``) as a tuple of
``NamedPattern``, kept in the order they were saved. Every change returns a new
tuple, so the settings stay an immutable value. Names are compared without regard
to case or surrounding spaces: "evening" and " Evening " are the same name.
No Qt and no I/O; the pattern parser is imported only when a pattern is checked,
so the settings model stays importable on its own.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Final

NAME_MAX_LENGTH: Final = 40
"""Long enough for "Evening, after the walk", short enough for a list row."""

MAX_NAMED_PATTERNS: Final = 20
"""More would be a list nobody scrolls; the chooser stays calm."""


class NamedPatternError(ValueError):
    """A name or list change the app refuses; ``reason`` is a stable word for the UI."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def clean_name(name: object) -> str:
    """The name as stored: trimmed, one line, 1–40 characters; else NamedPatternError."""
    if not isinstance(name, str):
        raise NamedPatternError("empty", "a pattern name must be text")
    cleaned = " ".join(name.split())
    if not cleaned:
        raise NamedPatternError("empty", "a pattern name cannot be empty")
    if len(cleaned) > NAME_MAX_LENGTH:
        raise NamedPatternError("long", f"a pattern name is at most {NAME_MAX_LENGTH} characters")
    if any(unicodedata.category(char).startswith("C") for char in cleaned):
        raise NamedPatternError("empty", "a pattern name cannot hold control characters")
    return cleaned


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def canonical_label(pattern: object) -> str:
    """The canonical label of a pattern label; NamedPatternError if it is none."""
    from herstel.core.rhythm import parse_pattern

    if not isinstance(pattern, str) or len(pattern) > NAME_MAX_LENGTH:
        raise NamedPatternError("pattern", "not a breathing pattern")
    try:
        return parse_pattern(pattern).label
    except ValueError as error:
        raise NamedPatternError("pattern", f"not a breathing pattern ({error})") from None


@dataclass(frozen=True, slots=True)
class NamedPattern:
    """A pattern label (as ``Pattern.label``) under a name the user chose."""

    name: str
    pattern: str

    def __post_init__(self) -> None:
        if clean_name(self.name) != self.name:
            raise NamedPatternError("empty", f"pattern name {self.name!r} is not trimmed")
        if canonical_label(self.pattern) != self.pattern:
            raise NamedPatternError("pattern", f"{self.pattern!r} is not a canonical label")


def check_named_patterns(patterns: object) -> tuple[NamedPattern, ...]:
    """The tuple itself if it is a valid list of named patterns; else NamedPatternError."""
    if not isinstance(patterns, tuple) or not all(isinstance(p, NamedPattern) for p in patterns):
        raise NamedPatternError("type", "must be a tuple of NamedPattern")
    if len(patterns) > MAX_NAMED_PATTERNS:
        raise NamedPatternError("full", f"at most {MAX_NAMED_PATTERNS} named patterns")
    keys = [_key(p.name) for p in patterns]
    if len(set(keys)) != len(keys):
        raise NamedPatternError("taken", "two named patterns have the same name")
    return patterns


def find(patterns: tuple[NamedPattern, ...], name: str) -> NamedPattern | None:
    """The pattern saved under ``name`` (any case), if there is one."""
    key = _key(name)
    return next((p for p in patterns if _key(p.name) == key), None)


def named_for(
    patterns: tuple[NamedPattern, ...], label: str, *, selected: NamedPattern | None
) -> NamedPattern | None:
    """The saved rhythm that stands for ``label``: ``selected`` if it holds it, else the first.

    The chooser highlights it, so your own name for a rhythm shows instead of the preset's.
    """
    if selected is not None and selected.pattern == label:
        return selected
    return next((p for p in patterns if p.pattern == label), None)


def saved(patterns: tuple[NamedPattern, ...], name: str, label: str) -> tuple[NamedPattern, ...]:
    """``patterns`` with ``label`` saved under ``name``: replaced in place, or added last."""
    entry = NamedPattern(clean_name(name), canonical_label(label))
    existing = find(patterns, entry.name)
    if existing is not None:
        return tuple(entry if p is existing else p for p in patterns)
    if len(patterns) >= MAX_NAMED_PATTERNS:
        raise NamedPatternError("full", f"at most {MAX_NAMED_PATTERNS} named patterns")
    return (*patterns, entry)


def renamed(patterns: tuple[NamedPattern, ...], old: str, new: str) -> tuple[NamedPattern, ...]:
    """``patterns`` with ``old`` renamed to ``new``, in the same place."""
    existing = find(patterns, old)
    if existing is None:
        raise NamedPatternError("missing", f"no pattern named {old!r}")
    name = clean_name(new)
    other = find(patterns, name)
    if other is not None and other is not existing:
        raise NamedPatternError("taken", f"there is already a pattern named {name!r}")
    entry = NamedPattern(name, existing.pattern)
    return tuple(entry if p is existing else p for p in patterns)


def deleted(patterns: tuple[NamedPattern, ...], name: str) -> tuple[NamedPattern, ...]:
    """``patterns`` without the one named ``name`` (unchanged if there is none)."""
    existing = find(patterns, name)
    return tuple(p for p in patterns if p is not existing)


def named_patterns_from_json(value: object) -> tuple[tuple[NamedPattern, ...], list[str]]:
    """Named patterns from a settings file, keeping every good entry.

    Returns the entries that are valid and the problems with those dropped (not an
    object, no usable name or pattern, a name already used, over the limit), so one
    hand-edited mistake never loses the others.
    """
    if not isinstance(value, list):
        return (), ['must be a list of {"name": …, "pattern": …} objects']
    result: tuple[NamedPattern, ...] = ()
    problems: list[str] = []
    for position, item in enumerate(value):
        if not isinstance(item, dict):
            problems.append(f"entry {position} is not an object, dropped")
            continue
        try:
            name = clean_name(item.get("name"))
            if find(result, name) is not None:
                raise NamedPatternError("taken", f"the name {name!r} is used twice")
            result = saved(result, name, item.get("pattern"))  # type: ignore[arg-type]
        except NamedPatternError as error:
            problems.append(f"entry {position} dropped: {error}")
    return result, problems


def named_patterns_to_json(patterns: tuple[NamedPattern, ...]) -> list[dict[str, str]]:
    """The list as plain JSON values, in order."""
    return [{"name": p.name, "pattern": p.pattern} for p in patterns]
