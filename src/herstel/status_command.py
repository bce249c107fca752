"""``herstel status``: what the running Herstel is doing, for people, panels and scripts.

One line for people ("Next break at 14:30"), ``--json`` for programs (one JSON
object per line, keys in docs/cli.md), ``--watch`` for a new line on every
change, pushed by the running instance over its socket (no polling). Exit 3
when no instance runs for the data folder, so a panel can tell "not running"
from an error (as ``systemctl is-active`` does).

Fast by construction: only the standard library, Herstel's core and the
socket client load here, never Qt; the words come from the same compiled
catalogue the app uses, read by :mod:`herstel.platform.qm_catalogue`.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from herstel.core.status import AppStatus, Headline, headline, status_document
from herstel.platform.qm_catalogue import QmCatalogue

NOT_RUNNING = 3
"""The exit code when no instance runs (documented in docs/cli.md)."""

_catalogue: QmCatalogue | None = None


def tr(text: str) -> str:
    """The Dutch (or other) text for ``text``, from the compiled catalogue; else ``text``."""
    global _catalogue
    if _catalogue is None:
        from herstel.platform.assets import translations_dir

        _catalogue = QmCatalogue.load(translations_dir(), os.environ)
    # lupdate files module-level tr() calls under the empty context.
    return _catalogue.translate("", text)


def _waiting(reason: str) -> str:
    # Spelled out for lupdate, which only sees tr() calls with a literal.
    if reason == "call":
        return tr("Waiting: you are in a call")
    if reason == "full_screen":
        return tr("Waiting: something is full screen")
    if reason == "do_not_disturb":
        return tr("Waiting: Do Not Disturb is on")
    return tr("Waiting: you are away")


def _at(kind: Headline, moment: datetime, now: datetime) -> str:
    """ "Next break at 14:30" / "… tomorrow at 09:00" / "… on 2026-12-07 at 09:00"."""
    local = moment.astimezone(now.tzinfo)
    time = f"{local:%H:%M}"
    day = local.date()
    if kind is Headline.PAUSED:
        if day == now.date():
            return tr("Reminders paused until {time}").format(time=time)
        if day == now.date() + timedelta(days=1):
            return tr("Reminders paused until tomorrow at {time}").format(time=time)
        return tr("Reminders paused until {date} at {time}").format(date=day.isoformat(), time=time)
    if day == now.date():
        return tr("Next break at {time}").format(time=time)
    if day == now.date() + timedelta(days=1):
        return tr("Next break tomorrow at {time}").format(time=time)
    return tr("Next break on {date} at {time}").format(date=day.isoformat(), time=time)


def describe(status: AppStatus, now: datetime) -> str:
    """The one line for people; ``now`` is local and timezone-aware."""
    kind, moment = headline(status)
    if kind is Headline.BREATHING:
        return tr("Breathing now")
    if kind is Headline.WAITING:
        return _waiting(status.waiting_reason)
    if moment is not None:
        return _at(kind, moment, now)
    return tr("No break planned")


def not_running_text() -> str:
    return tr("Herstel is not running")


def json_line(status: AppStatus | None, now: datetime) -> str:
    """One JSON object: the status document plus ``running``, ``text``, ``tooltip``, ``class``.

    ``text``, ``tooltip`` and ``class`` are what a waybar custom module reads.
    """
    if status is None:
        document: dict[str, Any] = status_document(AppStatus()) | {
            "session_running": None,
            "waiting_reason": None,
            "today_minutes": None,
        }
        text, tooltip, kind = not_running_text(), not_running_text(), "stopped"
    else:
        document = status_document(status)
        text = describe(status, now)
        today = tr("{minutes} min of slow breathing today").format(
            minutes=round(status.today_minutes)
        )
        tooltip, kind = f"{text}\n{today}", str(headline(status)[0])
    document |= {"running": status is not None, "text": text, "tooltip": tooltip, "class": kind}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _emit(status: AppStatus | None, as_json: bool, out: TextIO) -> None:
    now = datetime.now().astimezone()
    if as_json:
        line = json_line(status, now)
    else:
        line = describe(status, now) if status is not None else not_running_text()
    out.write(line + "\n")
    out.flush()


def run(
    socket_path: str,
    *,
    watch: bool,
    as_json: bool,
    lock_file: Path | None = None,
    out: TextIO = sys.stdout,
) -> int:
    """Print the status (or each change); the exit code: 0, 1 on failure, 3 when not running."""
    from herstel.platform.status_client import (
        NotRunning,
        StatusUnavailable,
        is_refusal,
        statuses,
    )

    try:
        for status in statuses(socket_path, watch=watch, lock_file=lock_file):
            _emit(status, as_json, out)
    except NotRunning:
        _emit(None, as_json, out)
        return NOT_RUNNING
    except StatusUnavailable as error:
        if is_refusal(error):
            message = tr("the running Herstel is too old for status; quit it and start it again")
        else:
            message = tr("Herstel is running but gave no status ({reason})").format(reason=error)
        print("herstel: " + message, file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise  # the reader left (a panel restarting): the caller ends quietly
    except OSError as error:
        print(f"herstel: {error.strerror or error}", file=sys.stderr)
        return 1
    if watch:  # the app quit: say so, so a panel does not keep a stale line
        _emit(None, as_json, out)
        return NOT_RUNNING
    return 0
