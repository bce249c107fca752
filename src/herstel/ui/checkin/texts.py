"""Every word of the recovery check, in one place.

The check page, the result page, the home screen's glance and history all show
the same items, scale words, signal names and strategies, so they take them
from here. Each text is translated when it is asked for (context "checkin"),
so a language change reaches every screen that asks again.

The wording follows DESIGN §3a: short, warm, second person, no exclamation
marks, no medical claims, and never "deep" breathing. Placeholders are
``{name}`` slots filled with :func:`fill`, so a translation can move them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from herstel.core.advice import Strategy
from herstel.core.checkin import (
    CHANGE_KEY,
    CHANGE_SCALE,
    SIGNAL_SCALE,
    SLEEP_ITEM_KEYS,
    Signal,
    SignalLevel,
)
from herstel.ui.common.i18n import fill

CONTEXT = "checkin"
"""The translation context of every text in this module."""


# --- the items ----------------------------------------------------------------------


def item_text(key: str) -> str:
    """The question for an item key (a signal's value, ``change`` or a sleep key)."""
    texts = {
        Signal.BREATHING.value: QCoreApplication.translate(
            "checkin", "My breathing is calm and unhurried."
        ),
        Signal.BODY.value: QCoreApplication.translate("checkin", "My body feels light."),
        Signal.HEAD.value: QCoreApplication.translate("checkin", "My head feels clear."),
        Signal.ENERGY.value: QCoreApplication.translate("checkin", "I have energy."),
        Signal.MUSCLES.value: QCoreApplication.translate("checkin", "My muscles feel relaxed."),
        Signal.MOOD.value: QCoreApplication.translate("checkin", "My mood is steady."),
        CHANGE_KEY: QCoreApplication.translate(
            "checkin", "Compared with before the break I feel …"
        ),
        SLEEP_ITEM_KEYS[0]: QCoreApplication.translate("checkin", "Last night I slept deeply."),
        SLEEP_ITEM_KEYS[1]: QCoreApplication.translate("checkin", "I woke up rested."),
    }
    try:
        return texts[str(key)]
    except KeyError:
        raise ValueError(f"no item {key!r}") from None


def scale_low() -> str:
    """The word at 0 on the 0–6 scale."""
    return QCoreApplication.translate("checkin", "not at all")


def scale_high() -> str:
    """The word at 6 on the 0–6 scale."""
    return QCoreApplication.translate("checkin", "completely")


def scale_description() -> str:
    """ "0 = not at all, 6 = completely": what a screen reader says about a 0–6 item."""
    low, high = SIGNAL_SCALE
    return fill(
        QCoreApplication.translate("checkin", "{low} = {low_word}, {high} = {high_word}"),
        low=low,
        low_word=scale_low(),
        high=high,
        high_word=scale_high(),
    )


def change_word(value: int) -> str:
    """The change item's answer 1–5 in words ("a bit better" for 4)."""
    words = {
        1: QCoreApplication.translate("checkin", "much worse"),
        2: QCoreApplication.translate("checkin", "a bit worse"),
        3: QCoreApplication.translate("checkin", "the same"),
        4: QCoreApplication.translate("checkin", "a bit better"),
        5: QCoreApplication.translate("checkin", "much better"),
    }
    try:
        return words[value]
    except KeyError:
        raise ValueError(f"the change scale is 1–5 (got {value!r})") from None


def change_description() -> str:
    """ "1 = much worse, 5 = much better": the change item's scale for screen readers."""
    low, high = CHANGE_SCALE
    return fill(
        QCoreApplication.translate("checkin", "{low} = {low_word}, {high} = {high_word}"),
        low=low,
        low_word=change_word(low),
        high=high,
        high_word=change_word(high),
    )


def answer_text(key: str, value: int) -> str:
    """An answer as a person would read it: "4" on a 0–6 item, "a bit better" on change."""
    if key == CHANGE_KEY:
        return change_word(value)
    return str(value)


def item_description(key: str, value: int | None) -> str:
    """An item's scale and its answer, for screen readers.

    "0 = not at all, 6 = completely. Your answer: 4." or "… Not answered yet."
    """
    scale = change_description() if key == CHANGE_KEY else scale_description()
    if value is None:
        return fill(
            QCoreApplication.translate("checkin", "{scale}. Not answered yet."), scale=scale
        )
    return fill(
        QCoreApplication.translate("checkin", "{scale}. Your answer: {answer}."),
        scale=scale,
        answer=answer_text(key, value),
    )


# --- signals and levels ---------------------------------------------------------------


def signal_name(signal: Signal) -> str:
    """A signal's short name, capitalised for a list, a column or a chart ("Head clear")."""
    names = {
        Signal.BREATHING: QCoreApplication.translate("checkin", "Breathing calm"),
        Signal.BODY: QCoreApplication.translate("checkin", "Body light"),
        Signal.HEAD: QCoreApplication.translate("checkin", "Head clear"),
        Signal.ENERGY: QCoreApplication.translate("checkin", "Energy"),
        Signal.MUSCLES: QCoreApplication.translate("checkin", "Muscles relaxed"),
        Signal.MOOD: QCoreApplication.translate("checkin", "Mood steady"),
        Signal.SLEEP: QCoreApplication.translate("checkin", "Sleep"),
    }
    return names[Signal(signal)]


def level_name(value: SignalLevel) -> str:
    """How present a signal is, in one word or two ("partly", "not asked")."""
    names = {
        SignalLevel.PRESENT: QCoreApplication.translate("checkin", "present"),
        SignalLevel.PARTLY: QCoreApplication.translate("checkin", "partly"),
        SignalLevel.ABSENT: QCoreApplication.translate("checkin", "absent"),
        SignalLevel.NOT_ASKED: QCoreApplication.translate("checkin", "not asked"),
    }
    return names[SignalLevel(value)]


def signal_with_level(signal: Signal, value: SignalLevel) -> str:
    """ "Head clear: absent" — one signal as text, never colour alone."""
    return fill(
        QCoreApplication.translate("checkin", "{signal}: {level}"),
        signal=signal_name(signal),
        level=level_name(value),
    )


def change_since_before(difference: int) -> str:
    """The before/after difference on one signal ("2 higher than before")."""
    if difference > 0:
        text = QCoreApplication.translate("checkin", "{points} higher than before")
    elif difference < 0:
        text = QCoreApplication.translate("checkin", "{points} lower than before")
    else:
        return QCoreApplication.translate("checkin", "the same as before")
    return fill(text, points=abs(difference))


# --- strategies -----------------------------------------------------------------------


def strategy_text(strategy: Strategy) -> str:
    """One strategy from the article, in plain, warm words."""
    texts = {
        Strategy.BREATHING_RHYTHM: QCoreApplication.translate(
            "checkin",
            "Take a few minutes for the rest rhythm: 4 counts in, 6 counts out, "
            "through your nose. Slow and gentle.",
        ),
        Strategy.SLEEP_SCHEDULE: QCoreApplication.translate(
            "checkin", "Keep the same bedtime and wake-up time every day, weekends too."
        ),
        Strategy.NOURISHING_FOOD: QCoreApplication.translate(
            "checkin",
            "Choose food that nourishes rather than fills: protein, minerals, healthy fats.",
        ),
        Strategy.REST_PACE_MOVEMENT: QCoreApplication.translate(
            "checkin", "Move at rest pace: a walk, gentle yoga, easy mobility."
        ),
        Strategy.WALK_OUTSIDE: QCoreApplication.translate(
            "checkin", "A short walk outside, without your phone."
        ),
        Strategy.MENTAL_QUIET: QCoreApplication.translate(
            "checkin",
            "Give your head some quiet: one thing at a time, something creative, "
            "nature, offline moments.",
        ),
        Strategy.SOCIAL_REST: QCoreApplication.translate(
            "checkin",
            "Allow yourself social rest: no conversations where you have to perform. "
            "Being alone is fine.",
        ),
        Strategy.OFFLINE_EVENING: QCoreApplication.translate(
            "checkin", "An offline evening, with the breathing rhythm before bed."
        ),
    }
    return texts[Strategy(strategy)]


def strategies_text(strategies: Sequence[Strategy]) -> str:
    """A choice of one or more strategies (energy pairs sleep and food) as one text."""
    return " ".join(strategy_text(s) for s in strategies)


def suggestion_for(signal: Signal) -> str:
    """ "For a clearer head": the small caption above a suggestion."""
    captions = {
        Signal.BREATHING: QCoreApplication.translate("checkin", "For calmer breathing"),
        Signal.BODY: QCoreApplication.translate("checkin", "For a lighter body"),
        Signal.HEAD: QCoreApplication.translate("checkin", "For a clearer head"),
        Signal.ENERGY: QCoreApplication.translate("checkin", "For more energy"),
        Signal.MUSCLES: QCoreApplication.translate("checkin", "For relaxed muscles"),
        Signal.MOOD: QCoreApplication.translate("checkin", "For a steadier mood"),
        Signal.SLEEP: QCoreApplication.translate("checkin", "For better sleep"),
    }
    return captions[Signal(signal)]


def proactive_observation(signal: Signal) -> str:
    """What the last checks showed for a signal that kept staying away."""
    texts = {
        Signal.BREATHING: QCoreApplication.translate(
            "checkin", "Your breathing has often not felt calm after breaks lately."
        ),
        Signal.BODY: QCoreApplication.translate(
            "checkin", "Your body has often not felt light after breaks lately."
        ),
        Signal.HEAD: QCoreApplication.translate(
            "checkin", "Your head has often not felt clear after breaks lately."
        ),
        Signal.ENERGY: QCoreApplication.translate(
            "checkin", "Your energy has often been low after breaks lately."
        ),
        Signal.MUSCLES: QCoreApplication.translate(
            "checkin", "Your muscles have often not felt relaxed after breaks lately."
        ),
        Signal.MOOD: QCoreApplication.translate(
            "checkin", "Your mood has often not felt steady after breaks lately."
        ),
        Signal.SLEEP: QCoreApplication.translate(
            "checkin", "Your sleep has often not felt restful lately."
        ),
    }
    return texts[Signal(signal)]


def proactive_line(signal: Signal, strategies: Sequence[Strategy]) -> str:
    """ "Your head has often not felt clear after breaks lately. Something to try: …".

    Without strategies (everything fitting was already suggested on the same
    page) the line points back at those suggestions instead.
    """
    observation = proactive_observation(signal)
    if not strategies:
        tail = QCoreApplication.translate("checkin", "The suggestions above fit here too.")
    else:
        tail = fill(
            QCoreApplication.translate("checkin", "Something to try: {suggestion}"),
            suggestion=strategies_text(strategies),
        )
    return f"{observation} {tail}"


def gp_note() -> str:
    """The gentle note when many signals stay low for two weeks (never alarming)."""
    return QCoreApplication.translate(
        "checkin",
        "Several signals of recovery have stayed away for two weeks. It may help to talk "
        "this over with your GP or an occupational physician.",
    )
