"""The single-instance wire format: valid requests survive, everything else is a MessageError."""

from __future__ import annotations

import contextlib
import json
import struct
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herstel.core.launch import REMIND_MINUTES_LIMITS, Action, BreatheOptions, LaunchRequest
from herstel.core.messages import (
    HEADER_BYTES,
    MAX_MESSAGE_BYTES,
    MessageError,
    StatusRequest,
    decode_message,
    decode_request,
    encode_request,
    encode_status_request,
    frame,
    frame_length,
)
from herstel.core.rhythm import (
    BREATHS_LIMITS,
    MINUTES_LIMITS,
    PHASE_LIMITS,
    PRESETS,
    STEP,
    Pattern,
    parse_pattern,
)

# -- strategies -------------------------------------------------------------------------


def half_steps(field: str) -> st.SearchStrategy[float]:
    low, high = PHASE_LIMITS[field]
    return st.integers(int(low / STEP), int(high / STEP)).map(lambda n: n * STEP)


patterns = st.one_of(
    st.sampled_from([preset.pattern for preset in PRESETS]),
    st.builds(
        Pattern,
        inhale=half_steps("inhale"),
        exhale=half_steps("exhale"),
        hold_in=half_steps("hold_in"),
        hold_out=half_steps("hold_out"),
    ),
)


@st.composite
def breathe_options(draw: st.DrawFn) -> BreatheOptions:
    length = draw(st.sampled_from(["none", "minutes", "breaths"]))
    return BreatheOptions(
        pattern=draw(st.none() | patterns),
        inhale=draw(st.none() | half_steps("inhale")),
        exhale=draw(st.none() | half_steps("exhale")),
        hold_in=draw(st.none() | half_steps("hold_in")),
        hold_out=draw(st.none() | half_steps("hold_out")),
        minutes=draw(st.integers(*MINUTES_LIMITS)) if length == "minutes" else None,
        breaths=draw(st.integers(*BREATHS_LIMITS)) if length == "breaths" else None,
        no_check=draw(st.booleans()),
        eyes_closed=draw(st.booleans()),
    )


valid_requests = st.one_of(
    st.sampled_from([Action.SHOW, Action.TRAY, Action.HISTORY]).map(LaunchRequest),
    st.builds(LaunchRequest, st.just(Action.BREATHE), st.none() | breathe_options()),
    st.integers(*REMIND_MINUTES_LIMITS).map(
        lambda minutes: LaunchRequest(Action.REMIND, remind_minutes=minutes)
    ),
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def document(request: LaunchRequest) -> dict[str, Any]:
    parsed = json.loads(encode_request(request))
    assert isinstance(parsed, dict)
    return parsed


def payload(value: object) -> bytes:
    return json.dumps(value).encode()


BREATHE = LaunchRequest(
    Action.BREATHE,
    BreatheOptions(pattern=parse_pattern("box"), exhale=6.5, minutes=5, no_check=True),
)

# -- properties -------------------------------------------------------------------------


@given(valid_requests)
def test_every_valid_request_round_trips(request: LaunchRequest) -> None:
    data = encode_request(request)
    assert len(data) <= MAX_MESSAGE_BYTES
    assert decode_request(data) == request


@given(valid_requests)
def test_framing_round_trips(request: LaunchRequest) -> None:
    framed = frame(encode_request(request))
    length = frame_length(framed[:HEADER_BYTES])
    assert length == len(framed) - HEADER_BYTES
    assert decode_request(framed[HEADER_BYTES:]) == request


@given(st.binary(max_size=MAX_MESSAGE_BYTES + 8))
def test_arbitrary_bytes_decode_or_raise_message_error_only(data: bytes) -> None:
    try:
        decoded = decode_request(data)
    except MessageError as error:
        assert "\n" not in str(error)
    else:
        assert decode_request(encode_request(decoded)) == decoded


@given(json_values)
def test_arbitrary_json_decodes_or_raises_message_error_only(value: object) -> None:
    try:
        decoded = decode_request(payload(value))
    except MessageError:
        return
    assert decode_request(encode_request(decoded)) == decoded


@given(
    valid_requests,
    st.sampled_from(["v", "action", "breathe", "minutes"]),
    json_values,
)
def test_a_valid_message_with_one_field_replaced_is_still_safe(
    request: LaunchRequest, key: str, value: object
) -> None:
    changed = document(request) | {key: value}
    try:
        decoded = decode_request(payload(changed))
    except MessageError:
        return
    assert decode_request(encode_request(decoded)) == decoded  # whatever passes is valid


@given(
    breathe_options(),
    st.sampled_from(sorted(document(LaunchRequest(Action.BREATHE, BreatheOptions()))["breathe"])),
    json_values,
)
def test_a_breathe_field_replaced_by_anything_is_still_safe(
    options: BreatheOptions, key: str, value: object
) -> None:
    changed = document(LaunchRequest(Action.BREATHE, options))
    changed["breathe"][key] = value
    try:
        decoded = decode_request(payload(changed))
    except MessageError:
        return
    assert decoded.breathe is not None


@given(st.binary(min_size=HEADER_BYTES, max_size=HEADER_BYTES))
def test_any_length_prefix_is_accepted_only_within_the_limit(header: bytes) -> None:
    (announced,) = struct.unpack(">I", header)
    try:
        length = frame_length(header)
    except MessageError:
        assert not 1 <= announced <= MAX_MESSAGE_BYTES
    else:
        assert length == announced


# -- examples ---------------------------------------------------------------------------


def test_the_wire_format_is_small_versioned_json() -> None:
    assert document(BREATHE) == {
        "v": 1,
        "action": "breathe",
        "breathe": {
            "pattern": "4-4-4-4",
            "inhale": None,
            "exhale": 6.5,
            "hold_in": None,
            "hold_out": None,
            "minutes": 5,
            "breaths": None,
            "no_check": True,
        },
        "minutes": None,
    }
    assert document(LaunchRequest(Action.REMIND, remind_minutes=25)) == {
        "v": 1,
        "action": "remind",
        "breathe": None,
        "minutes": 25,
    }
    # Only an eyes-closed session needs version 2, so all else reaches older instances.
    eyes_closed = LaunchRequest(Action.BREATHE, BreatheOptions(eyes_closed=True))
    assert document(eyes_closed)["v"] == 2
    assert document(eyes_closed)["breathe"]["eyes_closed"] is True
    assert decode_request(encode_request(eyes_closed)) == eyes_closed
    framed = frame(encode_request(BREATHE))
    assert framed[:HEADER_BYTES] == struct.pack(">I", len(framed) - HEADER_BYTES)


def with_breathe(**changes: object) -> bytes:
    changed = document(BREATHE)
    changed["breathe"].update(changes)
    return payload(changed)


def with_top(**changes: object) -> bytes:
    return payload(document(BREATHE) | changes)


def with_eyes_closed(v: int, eyes_closed: object) -> bytes:
    changed = document(BREATHE) | {"v": v}
    changed["breathe"]["eyes_closed"] = eyes_closed
    return payload(changed)


MALFORMED = [
    (b"", "1–4096 bytes"),
    (b"{" * (MAX_MESSAGE_BYTES + 1), "1–4096 bytes"),
    (b"\xff\xfe", "not UTF-8 JSON"),
    (b'{"v": 1', "not UTF-8 JSON"),
    (b"[" * 2048 + b"]" * 2048, None),  # deeper than the recursion limit
    (b"[1, 2]", "a JSON object"),
    (b'{"v": 1, "v": 1, "action": "show", "breathe": null, "minutes": null}', "duplicate"),
    (b'{"v": NaN, "action": "show", "breathe": null, "minutes": null}', "NaN"),
    (with_top(v=0), "unsupported version 0"),
    (with_top(v=3), "unsupported version 3"),
    (with_top(v=1.0), "unsupported version"),
    (with_top(v=True), "unsupported version"),
    (with_top(v="1"), "unsupported version"),
    (with_top(action="format-disk"), "unknown action"),
    (with_top(action=None), "unknown action"),
    (with_top(extra=1), "unknown key 'extra'"),
    (payload({"v": 1, "action": "show", "breathe": None}), "missing key 'minutes'"),
    (payload({"v": 1, "action": "show", "breathe": {}, "minutes": None}), "breathe must be null"),
    (payload({"v": 1, "action": "show", "breathe": None, "minutes": 5}), "minutes must be null"),
    (payload({"v": 1, "action": "remind", "breathe": None, "minutes": None}), "minutes must be"),
    (payload({"v": 1, "action": "remind", "breathe": None, "minutes": 0}), "from 1 to 720"),
    (payload({"v": 1, "action": "remind", "breathe": None, "minutes": 721}), "from 1 to 720"),
    (payload({"v": 1, "action": "remind", "breathe": None, "minutes": 5.0}), "whole number"),
    (payload({"v": 1, "action": "remind", "breathe": None, "minutes": "5"}), "whole number"),
    (with_top(breathe=[]), "breathe must be an object"),
    (with_breathe(pattern="zz"), "breathe.pattern"),
    (with_breathe(pattern="9-6"), "breathe.pattern"),
    (with_breathe(pattern=46), "breathe.pattern must be text"),
    (with_breathe(inhale=99), "breathe.inhale"),
    (with_breathe(inhale=4.25), "breathe.inhale"),
    (with_breathe(inhale=123456).replace(b"123456", b"1e400"), "breathe.inhale"),  # inf
    (with_breathe(inhale=float("inf")), "Infinity is not a number"),
    (with_breathe(inhale=10**400), "breathe.inhale"),
    (with_breathe(inhale="4"), "must be a number"),
    (with_breathe(inhale=True), "must be a number"),
    (with_breathe(exhale=13), "breathe.exhale"),
    (with_breathe(hold_in=-1), "breathe.hold_in"),
    (with_breathe(hold_out=9), "breathe.hold_out"),
    (with_breathe(minutes=0), "breathe.minutes"),
    (with_breathe(minutes=21), "breathe.minutes"),
    (with_breathe(minutes=None, breaths=121), "breathe.breaths"),
    (with_breathe(breaths=4), "cannot both"),
    (with_breathe(no_check="yes"), "no_check"),
    (with_breathe(eyes_closed=True), "unknown key 'eyes_closed'"),  # not in version 1
    (with_eyes_closed(v=2, eyes_closed=1), "eyes_closed must be true or false"),
    (with_eyes_closed(v=2, eyes_closed=None), "eyes_closed must be true or false"),
    (with_breathe(surprise=1), "unknown key"),
]


@pytest.mark.parametrize(("data", "expected"), MALFORMED)
def test_malformed_messages_are_refused_with_a_one_line_reason(
    data: bytes, expected: str | None
) -> None:
    with pytest.raises(MessageError) as caught:
        decode_request(data)
    reason = str(caught.value)
    assert reason
    assert "\n" not in reason
    assert len(reason) <= 200
    if expected is not None:
        assert expected in reason


def test_a_reason_never_carries_raw_control_characters_or_surrogates() -> None:
    with pytest.raises(MessageError) as caught:
        decode_request(with_breathe(pattern="\n\ud800" * 50))
    reason = str(caught.value)
    assert "\n" not in reason
    reason.encode("utf-8")  # no lone surrogate left to break a log file


def test_decode_accepts_bytearray_and_refuses_other_types() -> None:
    assert decode_request(bytearray(encode_request(BREATHE))) == BREATHE
    with pytest.raises(MessageError):
        decode_request("{}")  # type: ignore[arg-type]


def test_breathe_without_options_means_the_saved_session() -> None:
    request = LaunchRequest(Action.BREATHE)
    assert decode_request(encode_request(request)) == request


def test_encoding_refuses_what_the_receiver_would_refuse() -> None:
    with pytest.raises(MessageError, match="minutes"):
        encode_request(LaunchRequest(Action.REMIND))  # no delay
    with pytest.raises(MessageError, match="inhale"):
        encode_request(LaunchRequest(Action.BREATHE, BreatheOptions(inhale=4.25)))
    with pytest.raises(MessageError, match="cannot encode"):
        encode_request(LaunchRequest(Action.BREATHE, BreatheOptions(inhale=float("nan"))))


@pytest.mark.parametrize("size", [0, MAX_MESSAGE_BYTES + 1])
def test_frame_refuses_empty_and_oversize_payloads(size: int) -> None:
    with pytest.raises(MessageError):
        frame(b"x" * size)


@pytest.mark.parametrize("header", [b"", b"\x00\x00\x10", b"\x00\x00\x00\x00\x01"])
def test_frame_length_needs_exactly_four_bytes(header: bytes) -> None:
    with pytest.raises(MessageError):
        frame_length(header)


# -- the status request (version 3) ------------------------------------------------------


@pytest.mark.parametrize("watch", [False, True])
def test_a_status_request_round_trips(watch: bool) -> None:
    assert decode_message(encode_status_request(StatusRequest(watch))) == StatusRequest(watch)


def test_launch_requests_still_decode_through_decode_message() -> None:
    request = LaunchRequest(Action.REMIND, remind_minutes=5)
    assert decode_message(encode_request(request)) == request


@pytest.mark.parametrize(
    "document",
    [
        {"v": 2, "action": "status", "watch": True},
        {"v": 3, "action": "status", "watch": 1},
        {"v": 3, "action": "status"},
        {"v": 3, "action": "status", "watch": True, "minutes": None},
        {"v": True, "action": "status", "watch": True},
    ],
)
def test_a_bad_status_request_is_refused(document: dict[str, object]) -> None:
    with pytest.raises(MessageError):
        decode_message(json.dumps(document).encode())


def test_an_instance_that_knows_only_launches_refuses_a_status_request() -> None:
    """What an older instance does with it: a MessageError (so NAK), never a crash."""
    with pytest.raises(MessageError):
        decode_request(encode_status_request(StatusRequest(watch=True)))


@given(st.binary(max_size=200))
def test_decode_message_raises_only_message_error(data: bytes) -> None:
    with contextlib.suppress(MessageError):
        decode_message(data)
