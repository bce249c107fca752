"""The insights in plain words: what ``core.insights`` found, said gently, with its counts.

Kept apart from the window so the wording can be read (and reviewed) on its own.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from herstel.core import checkin
from herstel.core.advice import Strategy
from herstel.core.insights import Insight, InsightKind
from herstel.ui.common.i18n import fill

_INSIGHTS: Final = "HistoryInsights"
"""The translation context of the insight sentences."""

_BETTER: Final[dict[checkin.Signal, object]] = {
    checkin.Signal.BREATHING: QT_TRANSLATE_NOOP("HistoryInsights", "Your breathing felt calmer"),
    checkin.Signal.BODY: QT_TRANSLATE_NOOP("HistoryInsights", "Your body felt lighter"),
    checkin.Signal.HEAD: QT_TRANSLATE_NOOP("HistoryInsights", "Your head felt clearer"),
    checkin.Signal.ENERGY: QT_TRANSLATE_NOOP("HistoryInsights", "You had more energy"),
    checkin.Signal.MUSCLES: QT_TRANSLATE_NOOP("HistoryInsights", "Your muscles felt more relaxed"),
    checkin.Signal.MOOD: QT_TRANSLATE_NOOP("HistoryInsights", "Your mood was steadier"),
    checkin.Signal.SLEEP: QT_TRANSLATE_NOOP("HistoryInsights", "You slept better"),
}
_ABSENT: Final[dict[checkin.Signal, object]] = {
    checkin.Signal.BREATHING: QT_TRANSLATE_NOOP(
        "HistoryInsights", "Your breathing did not feel calm"
    ),
    checkin.Signal.BODY: QT_TRANSLATE_NOOP("HistoryInsights", "Your body did not feel light"),
    checkin.Signal.HEAD: QT_TRANSLATE_NOOP("HistoryInsights", "Your head did not feel clear"),
    checkin.Signal.ENERGY: QT_TRANSLATE_NOOP("HistoryInsights", "Your energy was low"),
    checkin.Signal.MUSCLES: QT_TRANSLATE_NOOP(
        "HistoryInsights", "Your muscles did not feel relaxed"
    ),
    checkin.Signal.MOOD: QT_TRANSLATE_NOOP("HistoryInsights", "Your mood did not feel steady"),
    checkin.Signal.SLEEP: QT_TRANSLATE_NOOP("HistoryInsights", "You did not sleep well"),
}
_STRATEGIES: Final[dict[Strategy, object]] = {
    Strategy.BREATHING_RHYTHM: QT_TRANSLATE_NOOP(
        "HistoryInsights", "a few minutes of this breathing rhythm"
    ),
    Strategy.SLEEP_SCHEDULE: QT_TRANSLATE_NOOP(
        "HistoryInsights", "going to bed and getting up at fixed times"
    ),
    Strategy.NOURISHING_FOOD: QT_TRANSLATE_NOOP("HistoryInsights", "regular, nourishing meals"),
    Strategy.REST_PACE_MOVEMENT: QT_TRANSLATE_NOOP(
        "HistoryInsights", "gentle movement at rest pace"
    ),
    Strategy.MENTAL_QUIET: QT_TRANSLATE_NOOP("HistoryInsights", "a moment of mental quiet"),
    Strategy.SOCIAL_REST: QT_TRANSLATE_NOOP(
        "HistoryInsights", "time with people who are easy to be with"
    ),
    Strategy.OFFLINE_EVENING: QT_TRANSLATE_NOOP(
        "HistoryInsights", "an offline evening, with the breathing rhythm before bed"
    ),
    Strategy.WALK_OUTSIDE: QT_TRANSLATE_NOOP("HistoryInsights", "a walk outside"),
}


def _say(text: object) -> str:
    return QCoreApplication.translate(_INSIGHTS, str(text))


def insight_text(insight: Insight) -> str:
    """One insight in plain words, with its counts."""
    if insight.kind is InsightKind.ABSENT:
        count = insight.counts[0]
        helps = QCoreApplication.translate("HistoryInsights", " and ").join(
            _say(_STRATEGIES[s]) for s in insight.strategies
        )
        return fill(
            QCoreApplication.translate(
                "HistoryInsights",
                "{signal} in {absent} of your last {checks} checks. What may help: {help}.",
            ),
            signal=_say(_ABSENT[insight.signal]),
            absent=count.hits,
            checks=count.checks,
            help=helps,
        )
    better, worse = insight.groups
    a, b = insight.counts
    counts = fill(
        QCoreApplication.translate(
            "HistoryInsights", "present in {a} of {n} checks, against {b} of {m}"
        ),
        a=a.hits,
        n=a.checks,
        b=b.hits,
        m=b.checks,
    )
    if insight.kind is InsightKind.PATTERN:
        template = QCoreApplication.translate(
            "HistoryInsights",
            "{better} after {first} sessions than after {second} sessions ({counts}).",
        )
        return fill(
            template,
            better=_say(_BETTER[insight.signal]),
            first=better.pattern,
            second=worse.pattern,
            counts=counts,
        )
    if better.pattern is not None:
        if better.long:
            template = QCoreApplication.translate(
                "HistoryInsights",
                "{better} after {pattern} sessions of 5 minutes or more than after "
                "shorter ones ({counts}).",
            )
        else:
            template = QCoreApplication.translate(
                "HistoryInsights",
                "{better} after shorter {pattern} sessions than after ones of 5 minutes "
                "or more ({counts}).",
            )
    elif better.long:
        template = QCoreApplication.translate(
            "HistoryInsights",
            "{better} after sessions of 5 minutes or more than after shorter ones ({counts}).",
        )
    else:
        template = QCoreApplication.translate(
            "HistoryInsights",
            "{better} after shorter sessions than after ones of 5 minutes or more ({counts}).",
        )
    return fill(
        template, better=_say(_BETTER[insight.signal]), pattern=better.pattern, counts=counts
    )
