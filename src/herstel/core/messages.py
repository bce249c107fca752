"""The single-instance wire format: what a second launch tells the running app.

One connection carries one message: a 4-byte big-endian length, then that many
bytes (1 to ``MAX_MESSAGE_BYTES``) of UTF-8 JSON, version 1::

    {"v": 1, "action": "breathe",
     "breathe": {"pattern": "4-6", "inhale": null, "exhale": 6.5, "hold_in": null,
                 "hold_out": null, "minutes": 5, "breaths": null, "no_check": false},
     "minutes": null}

Version 2 is the same with one more key in ``breathe``, ``"eyes_closed": true``;
it is sent only for ``breathe --eyes-closed``, so every other request still
reaches an instance that knows only version 1 (which answers NAK to version 2,
and the launch says so). Both versions are read.

``action`` is one of show, tray, breathe, history, remind. ``breathe`` is an
object (or null: the saved pattern and length) for "breathe" and null for every
other action; ``minutes`` is the delay of "remind" (required there) and null
otherwise. All keys are always present and no others are allowed.

The socket admits only the current user, but another local program could still
write anything to it, so every value is checked against the limits the command
line uses (the same functions: ``parse_pattern``, ``Pattern.with_overrides``,
``MINUTES_LIMITS``, ``BREATHS_LIMITS``, ``REMIND_MINUTES_LIMITS``). The app
only ever acts on a request the command line could have built; anything else
raises :class:`MessageError`, and nothing else, whatever the bytes.

After the message the instance answers with one byte, ``ACK`` or ``NAK``.

Version 3 adds one more message, the status request of ``herstel status``::

    {"v": 3, "action": "status", "watch": false}

(exactly these keys). After its ``ACK`` the connection stays open the other
way: the instance sends status frames (the same length prefix, then a status
document of :mod:`herstel.core.status`): one at once, and with ``"watch":
true`` one more on every change until it quits, when it closes the
connection. An instance older than version 3 answers ``NAK`` (unknown key)
and hangs up, so the status command can say so; it never crashes on it.

Plain Python, no Qt: the socket itself lives in ``herstel.platform.single_instance``
and ``herstel.platform.instance_socket``.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from typing import Any, Final

from herstel.core import strict_json
from herstel.core.launch import REMIND_MINUTES_LIMITS, Action, BreatheOptions, LaunchRequest
from herstel.core.rhythm import (
    BREATHS_LIMITS,
    DEFAULT_PATTERN,
    MINUTES_LIMITS,
    Pattern,
    PatternError,
    parse_pattern,
)

PROTOCOL_VERSION: Final = 2
"""The newest version of a launch request this app reads and writes (it reads 1 as well)."""
STATUS_REQUEST_VERSION: Final = 3
"""The version of the status request (the first one that has it)."""
ACK: Final = b"\x06"
"""The instance's one-byte answer: it accepted the request and will act on it."""
NAK: Final = b"\x15"
"""The one-byte answer: it refused a complete but invalid message (e.g. another version)."""
MAX_MESSAGE_BYTES: Final = 4096
"""The longest JSON payload accepted (the length prefix not included)."""

HEADER_BYTES: Final = 4
_HEADER: Final = struct.Struct(">I")

_TOP_KEYS: Final = ("v", "action", "breathe", "minutes")
_STATUS_KEYS: Final = ("v", "action", "watch")
_STATUS_ACTION: Final = "status"
_BREATHE_KEYS_V1: Final = (
    "pattern",
    "inhale",
    "exhale",
    "hold_in",
    "hold_out",
    "minutes",
    "breaths",
    "no_check",
)
_BREATHE_KEYS: Final = {1: _BREATHE_KEYS_V1, 2: (*_BREATHE_KEYS_V1, "eyes_closed")}
_PHASES: Final = ("inhale", "exhale", "hold_in", "hold_out")
_REASON_LIMIT: Final = 200


class MessageError(ValueError):
    """A message the app will not act on.

    ``str()`` is one short printable line, fit for a log: a peer's bytes can
    never break the log line or its encoding.
    """

    def __init__(self, reason: str) -> None:
        line = reason.replace("\r", "\\r").replace("\n", "\\n")
        line = line.encode("utf-8", "backslashreplace").decode("utf-8")  # lone surrogates
        if len(line) > _REASON_LIMIT:
            line = line[: _REASON_LIMIT - 1] + "…"
        super().__init__(line)


def _show(value: object) -> str:
    """A peer's value, short and printable, for an error message."""
    text = ascii(value)
    return text if len(text) <= 40 else text[:39] + "…"


@dataclass(frozen=True, slots=True)
class StatusRequest:
    """``herstel status``: one status frame, or (``watch``) one on every change."""

    watch: bool = False


# -- framing ---------------------------------------------------------------------------


def frame(payload: bytes) -> bytes:
    """The length prefix followed by ``payload``."""
    if not 1 <= len(payload) <= MAX_MESSAGE_BYTES:
        raise MessageError(f"a message must be 1–{MAX_MESSAGE_BYTES} bytes (got {len(payload)})")
    return _HEADER.pack(len(payload)) + payload


def frame_length(header: bytes) -> int:
    """The payload length announced by a 4-byte prefix, if it is an acceptable one."""
    if len(header) != HEADER_BYTES:
        raise MessageError(f"a length prefix is {HEADER_BYTES} bytes (got {len(header)})")
    (length,) = _HEADER.unpack(header)
    if not 1 <= length <= MAX_MESSAGE_BYTES:
        raise MessageError(f"announced length {length} is outside 1–{MAX_MESSAGE_BYTES}")
    return int(length)


# -- encoding --------------------------------------------------------------------------


def _version_for(request: LaunchRequest) -> int:
    """The oldest version that carries ``request``: 2 only for an eyes-closed session."""
    return 2 if request.breathe is not None and request.breathe.eyes_closed else 1


def _breathe_document(options: BreatheOptions) -> dict[str, object]:
    document: dict[str, object] = {
        "pattern": None if options.pattern is None else options.pattern.label,
        "inhale": options.inhale,
        "exhale": options.exhale,
        "hold_in": options.hold_in,
        "hold_out": options.hold_out,
        "minutes": options.minutes,
        "breaths": options.breaths,
        "no_check": options.no_check,
    }
    if options.eyes_closed:
        document["eyes_closed"] = True
    return document


def encode_request(request: LaunchRequest) -> bytes:
    """The JSON payload for ``request`` (frame it with :func:`frame`).

    Raises MessageError for a request the receiving side would refuse, so a
    sender finds out before it connects rather than from a silent drop.
    """
    document = {
        "v": _version_for(request),
        "action": str(request.action),
        "breathe": None if request.breathe is None else _breathe_document(request.breathe),
        "minutes": request.remind_minutes,
    }
    try:
        payload = json.dumps(
            document, ensure_ascii=True, allow_nan=False, separators=(",", ":")
        ).encode("ascii")
    except (TypeError, ValueError) as error:
        raise MessageError(f"cannot encode the request: {error}") from None
    if decode_request(payload) != request:
        raise MessageError("the request would not arrive unchanged")
    return payload


# -- decoding --------------------------------------------------------------------------


def _check_keys(document: dict[str, Any], expected: tuple[str, ...], where: str) -> None:
    unknown = sorted(set(document) - set(expected))
    if unknown:
        raise MessageError(f"{where}: unknown key {_show(unknown[0])}")
    missing = [key for key in expected if key not in document]
    if missing:
        raise MessageError(f"{where}: missing key {_show(missing[0])}")


def _whole(value: object, where: str, limits: tuple[int, int]) -> int:
    low, high = limits
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise MessageError(
            f"{where} must be a whole number from {low} to {high} (got {_show(value)})"
        )
    return value


def _pattern(value: object) -> Pattern | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise MessageError(f"breathe.pattern must be text or null (got {_show(value)})")
    try:
        return parse_pattern(value)
    except PatternError as error:
        raise MessageError(f"breathe.pattern: {error}") from None


def _phase(name: str, value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise MessageError(f"breathe.{name} must be a number or null (got {_show(value)})")
    try:
        DEFAULT_PATTERN.with_overrides(**{name: value})  # the CLI's check for --inhale etc.
    except PatternError as error:
        raise MessageError(f"breathe.{name}: {error}") from None
    return float(value)


def _breathe(value: object, version: int) -> BreatheOptions | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise MessageError(f"breathe must be an object or null (got {_show(value)})")
    _check_keys(value, _BREATHE_KEYS[version], "breathe")
    minutes, breaths = value["minutes"], value["breaths"]
    if minutes is not None and breaths is not None:
        raise MessageError("breathe: minutes and breaths cannot both be given")
    flags = {name: value.get(name, False) for name in ("no_check", "eyes_closed")}
    for name, flag in flags.items():
        if not isinstance(flag, bool):
            raise MessageError(f"breathe.{name} must be true or false (got {_show(flag)})")
    phases = {name: _phase(name, value[name]) for name in _PHASES}
    return BreatheOptions(
        pattern=_pattern(value["pattern"]),
        inhale=phases["inhale"],
        exhale=phases["exhale"],
        hold_in=phases["hold_in"],
        hold_out=phases["hold_out"],
        minutes=None if minutes is None else _whole(minutes, "breathe.minutes", MINUTES_LIMITS),
        breaths=None if breaths is None else _whole(breaths, "breathe.breaths", BREATHS_LIMITS),
        no_check=flags["no_check"],
        eyes_closed=flags["eyes_closed"],
    )


def _parse_json(data: bytes) -> object:
    try:
        text = data.decode("utf-8")
        return strict_json.loads(text)
    except strict_json.DuplicateKey as error:
        raise MessageError(f"duplicate key {_show(error.key)}") from None
    except strict_json.NotJSONNumber as error:
        raise MessageError(f"{error.name} is not a number JSON allows") from None
    except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
        raise MessageError(f"not UTF-8 JSON: {error}") from None


def decode_request(data: bytes | bytearray) -> LaunchRequest:
    """The request in a JSON payload (without its length prefix), fully validated.

    Raises MessageError, with a one-line reason, for anything else.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise MessageError(f"a message is bytes (got {type(data).__name__})")
    data = bytes(data)
    if not 1 <= len(data) <= MAX_MESSAGE_BYTES:
        raise MessageError(f"a message must be 1–{MAX_MESSAGE_BYTES} bytes (got {len(data)})")
    document = _parse_json(data)
    if not isinstance(document, dict):
        raise MessageError(f"a message is a JSON object (got {type(document).__name__})")
    _check_keys(document, _TOP_KEYS, "message")
    version = document["v"]
    if type(version) is not int or version not in _BREATHE_KEYS:
        raise MessageError(
            f"unsupported version {_show(version)} (expected 1 to {PROTOCOL_VERSION})"
        )
    name = document["action"]
    try:
        action = Action(name) if isinstance(name, str) else None
    except ValueError:
        action = None
    if action is None:
        raise MessageError(f"unknown action {_show(name)}")
    breathe, minutes = document["breathe"], document["minutes"]
    if action is not Action.BREATHE and breathe is not None:
        raise MessageError(f"breathe must be null for {action}")
    if action is not Action.REMIND and minutes is not None:
        raise MessageError(f"minutes must be null for {action}")
    return LaunchRequest(
        action=action,
        breathe=_breathe(breathe, version),
        remind_minutes=_whole(minutes, "minutes", REMIND_MINUTES_LIMITS)
        if action is Action.REMIND
        else None,
    )


# -- the status request ------------------------------------------------------------------


def encode_status_request(request: StatusRequest) -> bytes:
    """The JSON payload of a status request (frame it with :func:`frame`)."""
    document = {"v": STATUS_REQUEST_VERSION, "action": _STATUS_ACTION, "watch": request.watch}
    return json.dumps(document, separators=(",", ":")).encode("ascii")


def _status_request(document: dict[str, Any]) -> StatusRequest:
    _check_keys(document, _STATUS_KEYS, "message")
    version, watch = document["v"], document["watch"]
    if type(version) is not int or version != STATUS_REQUEST_VERSION:
        raise MessageError(
            f"unsupported version {_show(version)} for status (expected {STATUS_REQUEST_VERSION})"
        )
    if not isinstance(watch, bool):
        raise MessageError(f"watch must be true or false (got {_show(watch)})")
    return StatusRequest(watch=watch)


def decode_message(data: bytes | bytearray) -> LaunchRequest | StatusRequest:
    """Any request the instance serves: a launch request or a status request.

    Raises MessageError, with a one-line reason, for anything else.
    """
    if isinstance(data, bytes | bytearray) and 1 <= len(data) <= MAX_MESSAGE_BYTES:
        document = _parse_json(bytes(data))
        if isinstance(document, dict) and document.get("action") == _STATUS_ACTION:
            return _status_request(document)
    return decode_request(data)
