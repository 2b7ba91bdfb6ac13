"""Paragraphs of the old socialtjänstlag named in a text, with their SoL (2025:400) match."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

MAPPING_FILE = Path(__file__).parent / "data" / "law_mapping.yaml"

# "4 kap. 3 § första stycket 2 socialtjänstlagen"; the transcript of SOSFS 2003:5 lost the
# "§" signs, so they are optional. A "(2025:400)" after the law name marks the new law.
_REF = re.compile(
    r"(?P<kap>\d+) kap\.(?: (?P<par>\d+(?: [a-z])?)(?: §)?)?"
    r"(?: (?P<stycke>första|andra|tredje|fjärde) stycket(?: (?P<punkt>\d+))?)?"
    r" (?P<law>socialtjänstlagen|socialtjänstförordningen)(?! \(2025)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def load_mapping() -> dict[str, Any]:
    return yaml.safe_load(MAPPING_FILE.read_text(encoding="utf-8"))


def find_law_refs(text: str) -> list[dict[str, str]]:
    data = load_mapping()
    found: list[dict[str, str]] = []
    seen: set[str] = set()
    for match in _REF.finditer(text):
        law = match.group("law").lower()
        names = data["laws"][law]
        par = match.group("par")
        old = f"{match.group('kap')} kap." + (f" {par} §" if par else "")
        stycke = (match.group("stycke") or "").lower() or None
        punkt = match.group("punkt")
        entry = None
        for candidate in data["mappings"]:
            if candidate["law"] != law or candidate["old"] != old:
                continue
            if candidate.get("stycke") and candidate["stycke"] != stycke:
                continue
            entry = candidate
            break
        subdivision = ""
        if stycke:
            subdivision = f" {stycke} stycket" + (f" {punkt}" if punkt else "")
        old_full = f"{old}{subdivision} {names['old']}"
        if old_full in seen:
            continue
        seen.add(old_full)
        ref = {"old": old_full, "new": None, "topic": None}
        if entry is not None:
            keep = subdivision if entry.get("keeps_subdivisions") else ""
            ref["new"] = f"{entry['new']}{keep} {names['new']}"
            ref["topic"] = entry["topic"]
        found.append(ref)
    return found


def paragraph_topic(section: str) -> str | None:
    """The topic name of a statute paragraph ("12 kap. 8 § SoL (2025:400)" -> "Jobbstimulans …")."""
    return (load_mapping().get("topics") or {}).get(section)
