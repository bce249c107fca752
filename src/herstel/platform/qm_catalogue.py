"""Herstel's compiled Qt translations (.qm), read without Qt.

``herstel status`` must answer faster than ``herstel --version``, which rules
out loading QtCore (~60 ms) just to translate one line. The catalogue is the
same ``herstel_<lang>.qm`` that ``QTranslator`` loads (compiled from
``resources/translations/*.ts``), so the .ts file stays the one place for the
Dutch; this reads only what lrelease writes by default: the messages block
with each message's context, source text and translation.

The language follows what Qt's ``QLocale().uiLanguages()`` would pick on
Linux: ``LANGUAGE`` (a colon list), then ``LC_ALL``, ``LC_MESSAGES``, ``LANG``.
Anything unreadable means "no translation": the English text is shown.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping
from pathlib import Path
from typing import Final

_MAGIC: Final = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_BLOCK_MESSAGES: Final = 0x69
# Tags inside one message (Qt's qm format).
_END, _TRANSLATION, _OBSOLETE1, _SOURCE, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8
_UINT32: Final = struct.Struct(">I")
_NULL_STRING: Final = 0xFFFFFFFF


class QmError(ValueError):
    """A file that is not a .qm file this reader understands."""


def _messages(block: bytes) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    context = source = ""
    translation: str | None = None
    at = 0
    while at < len(block):
        tag = block[at]
        at += 1
        if tag == _END:
            if translation is not None:
                found[(context, source)] = translation
            context = source = ""
            translation = None
        elif tag == _OBSOLETE1:
            at += 4
        elif tag in (_TRANSLATION, _SOURCE, _CONTEXT, _COMMENT):
            (length,) = _UINT32.unpack_from(block, at)
            at += 4
            if length == _NULL_STRING:
                continue
            raw = block[at : at + length]
            if len(raw) != length:
                raise QmError("a message runs past the end of its block")
            at += length
            if tag == _TRANSLATION:
                translation = raw.decode("utf-16-be")
            elif tag == _SOURCE:
                source = raw.decode("utf-8")
            elif tag == _CONTEXT:
                context = raw.decode("utf-8")
        else:
            raise QmError(f"unknown message tag {tag:#x}")
    return found


def read_qm(data: bytes) -> dict[tuple[str, str], str]:
    """Every translated message in a .qm file, keyed by (context, source text)."""
    if not data.startswith(_MAGIC):
        raise QmError("not a .qm file")
    at = len(_MAGIC)
    while at + 5 <= len(data):
        tag = data[at]
        (length,) = _UINT32.unpack_from(data, at + 1)
        at += 5
        if tag == _BLOCK_MESSAGES:
            return _messages(data[at : at + length])
        at += length
    return {}


def languages(env: Mapping[str, str]) -> list[str]:
    """Catalogue suffixes to try, best first (``nl_NL``, ``nl``); none for C/English."""
    names = env.get("LANGUAGE", "").split(":") if env.get("LANGUAGE") else []
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(variable):
            names.append(env[variable])
            break
    found: list[str] = []
    for name in names:
        bare = name.split(".")[0].split("@")[0]
        if not bare or bare in {"C", "POSIX"}:
            continue
        for candidate in (bare, bare.split("_")[0]):
            if candidate not in found:
                found.append(candidate)
    return found


class QmCatalogue:
    """Translations for one context, or none (English)."""

    def __init__(self, messages: Mapping[tuple[str, str], str] | None = None) -> None:
        self._messages = dict(messages or {})

    @classmethod
    def load(cls, folder: Path, env: Mapping[str, str], name: str = "herstel") -> QmCatalogue:
        """The first catalogue in ``folder`` for the user's languages; empty if none fits."""
        for language in languages(env):
            if language == "en" or language.startswith("en_"):
                break
            try:
                return cls(read_qm((folder / f"{name}_{language}.qm").read_bytes()))
            except (OSError, QmError, UnicodeDecodeError, struct.error):
                continue
        return cls()

    def translate(self, context: str, text: str) -> str:
        return self._messages.get((context, text), text)
