"""The Dutch catalogue is complete and honest, and the wording stays gentle.

lupdate re-extracts every translatable string from the source into a copy of
the committed .ts; any string the code has but the catalogue lacks shows up as
unfinished, so a new English text without Dutch fails here, not in front of a
Dutch user.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6
import pytest

import herstel

ROOT = Path(herstel.__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"
SOURCE_DIR = ROOT / "src" / "herstel"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%\d")
LUPDATE = Path(PySide6.__file__).parent / "lupdate"

pytestmark = pytest.mark.skipif(
    not (ROOT / "pyproject.toml").exists(), reason="needs the source tree"
)


def messages(ts: Path) -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) for every message."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append(
                (
                    name,
                    message.findtext("source") or "",
                    "".join(translation.itertext()),
                    translation.get("type"),
                )
            )
    return found


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("ts") / "herstel_nl.ts"
    shutil.copy(TS_DIR / "herstel_nl.ts", copy)
    subprocess.run(
        [
            str(LUPDATE),
            "-silent",
            "-no-obsolete",
            "-extensions",
            "py",
            str(SOURCE_DIR),
            "-ts",
            str(copy),
        ],
        check=True,
        capture_output=True,
    )
    return copy


def test_every_source_string_has_a_dutch_translation(refreshed: Path) -> None:
    missing = [
        f"[{context}] {source!r}"
        for context, source, translation, kind in messages(refreshed)
        if kind is not None or not translation.strip()
    ]
    assert missing == [], "add Dutch for:\n" + "\n".join(missing)


def test_the_catalogue_has_no_stale_entries(refreshed: Path) -> None:
    committed = {(c, s) for c, s, _, _ in messages(TS_DIR / "herstel_nl.ts")}
    current = {(c, s) for c, s, _, _ in messages(refreshed)}
    assert committed - current == set(), "run lupdate with -no-obsolete"


def numerus_forms(ts: Path) -> dict[tuple[str, str], list[str]]:
    """The plural forms of each numerus message, by (context, source)."""
    forms = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.get("numerus") == "yes":
                found = [f.text or "" for f in message.iter("numerusform")]
                forms[(name, message.findtext("source") or "")] = found
    return forms


def test_placeholders_survive_translation() -> None:
    plurals = numerus_forms(TS_DIR / "herstel_nl.ts")
    for context, source, translation, _ in messages(TS_DIR / "herstel_nl.ts"):
        expected = sorted(PLACEHOLDER.findall(source))
        if (context, source) not in plurals:
            assert sorted(PLACEHOLDER.findall(translation)) == expected, (context, source)
            continue
        for form in plurals[(context, source)]:
            # A singular may spell the number out ("1 minuut"); nothing else may go.
            found = sorted(PLACEHOLDER.findall(form))
            assert [p for p in expected if p != "%n"] == [p for p in found if p != "%n"], (
                context,
                form,
            )


FORCEFUL = re.compile(
    r"deep(ly)? breath|breathe deep|take a deep|as much as you can|as deep as|"
    r"diep in|diepe adem|zo diep|zoveel als je kunt|!",
    re.IGNORECASE,
)
MEDICAL = re.compile(r"\b(cure|treats?|diagnos\w*|therapy|geneest|behandelt|diagnose)\b", re.I)


def test_guidance_is_gentle_and_makes_no_medical_claims() -> None:
    for context, source, translation, _ in messages(TS_DIR / "herstel_nl.ts"):
        for text in (source, translation):
            assert not FORCEFUL.search(text), (context, text)
            negated = re.search(
                r"not (a )?(treatment|diagnos)|geen (behandeling|diagnose)", text, re.I
            )
            assert negated or not MEDICAL.search(text), (context, text)
