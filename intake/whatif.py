"""What-if scenarios: "vad händer om hon får lön 9 000?" → the current facts with that change.

Uses only the intake's public API: the words after the lead ("vad händer om", "jämför med",
"om", "samma hushåll i", "lönar det sig att jobba för") are read by ``parse`` in the light of
the current facts and merged into a *copy* of them, so the current calculation never changes
until the caseworker says "behåll B". One what-if is one change from the current facts (A),
never from another scenario. No Rasa import, no amounts of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from intake.facts import Facts, check, merge, parse
from intake.numbers import parse_digits, to_kronor

# The words that make a message a what-if rather than a correction. A correction ("hyran är
# 6 900") changes the facts; a what-if ("jämför med hyra 6 900") leaves them as they are.
_LEAD = re.compile(
    r"^\s*(?:och\s+|men\s+|okej,?\s+|ok,?\s+)?"
    r"(?:vad\s+(?:händer|blir\s+det|får\s+(?:de|hon|han|hen|vi)|hade\s+det\s+blivit)"
    r"(?:\s+(?:då|i\s+så\s+fall))?\s+om"
    r"|tänk\s+om|anta\s+att|säg\s+att|om\s+vi\s+säger\s+att"
    r"|jämför\s+(?:det\s+|detta\s+)?(?:med|mot)"
    r"|räkna\s+(?:också\s+|även\s+)?(?:på|med)\s+(?:att|om)"
    r"|(?:samma|det\s+här|detta)\s+hushåll(?:et)?"
    r"|om)\b[\s,:]*",
    re.IGNORECASE,
)
_WORK = re.compile(
    r"\b(?:lönar\s+det\s+sig|lönsamt|lönar\s+sig|tjänar\s+(?:hon|han|hen|de|hushållet)\s+på)\b",
    re.IGNORECASE,
)
_WORK_LEAD = re.compile(
    r"^.*?\b(?:lönar\s+det\s+sig|lönsamt|lönar\s+sig)\b"
    r"(?:\s+(?:för\s+(?:henne|honom|dem|hushållet)\s+)?(?:att\s+(?:jobba|arbeta|ta\s+jobbet)))?"
    r"[\s,:]*",
    re.IGNORECASE,
)
_KEEP = re.compile(
    r"^\s*(?:ok(?:ej)?,?\s+)?(?:behåll|välj|ta|kör\s+på|gå\s+vidare\s+med|spara)\s+"
    r"(?:scenario\s+|alternativ\s+)?([abc])\b",
    re.IGNORECASE,
)
# "80 timmar i månaden för 120 kr i timmen", "80 tim à 120 kr", "80 h x 120 kr/tim"
_HOURS = re.compile(
    r"(?P<hours>\d+(?:[,.]\d+)?)\s*(?:timmar|tim|h)\b(?P<unit>\s+(?:i|per|om|/)\s*"
    r"(?:månaden|månad|mån|veckan|vecka|v)\b)?"
    r"[^\d]{0,25}?(?:för|à|a|x|×|\*|gånger)\s*(?P<wage>\d+(?:[,.]\d+)?)\s*(?:kr|kronor)?"
    r"\s*(?:i\s+timmen|per\s+timme|/\s*tim(?:me)?|/h|i\s+timlön|timlön)?",
    re.IGNORECASE,
)
WEEKLY_HOURS = ("Ange timmar per månad (inte per vecka), t.ex. "
                "”80 timmar i månaden för 120 kr i timmen”.")


@dataclass
class WhatIf:
    """One scenario: the facts with the change, what the change is, and what was concluded."""

    facts: Facts
    change: str  # the caseworker's words for the change, e.g. "hon får lön 9 000"
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def change_words(text: str) -> str | None:
    """The words of the change ("hon får lön 9 000") when the message is phrased as a what-if,
    else None."""
    m = _LEAD.match(text)
    if not m:
        return None
    rest = text[m.end():].strip().rstrip("?!. ")
    return rest or None


def is_whatif(text: str) -> bool:
    return change_words(text) is not None or bool(_WORK.search(text))


def is_work_question(text: str) -> bool:
    """"Lönar det sig att jobba (för 9 000)?" – the household's money with and without a job."""
    return bool(_WORK.search(text))


def work_words(text: str) -> str:
    """The salary words after "lönar det sig att jobba" (may be empty)."""
    return _WORK_LEAD.sub("", text, count=1).strip().rstrip("?!. ")


def keep_target(text: str) -> str | None:
    """"behåll B" → "B"."""
    m = _KEEP.match(text)
    return m.group(1).upper() if m else None


def hours_times_wage(text: str) -> tuple[str, list[str]]:
    """Replace "80 timmar i månaden för 120 kr i timmen" by "lön 9 600", saying so. Hours per
    week are refused (the number of weeks in a month is a choice this intake does not make)."""
    m = _HOURS.search(text)
    if not m:
        return text, []
    unit = (m.group("unit") or "").lower()
    if re.search(r"\bv(?:eckan?)?\b", unit):
        return text, [WEEKLY_HOURS]
    hours = parse_digits(m.group("hours").replace(",", "."))
    wage = parse_digits(m.group("wage").replace(",", "."))
    if hours is None or wage is None:
        return text, []
    amount = to_kronor(hours * wage)
    note = (f"{_n(hours)} timmar × {_n(wage)} kr = {_n(amount)} kr räknas som lön efter skatt "
            "(ange timlönen efter skatt).")
    return text[:m.start()] + f"lön {amount}" + text[m.end():], [note]


def _n(value: Decimal | int) -> str:
    if value != int(value):
        return str(value).replace(".", ",")
    return f"{int(value):,}".replace(",", " ")


def scenario(words: str, facts: Facts, today: dt.date,
             years: tuple[int, ...] = ()) -> WhatIf | None:
    """The current facts with the change the words name (a copy), or None when the words name
    no fact. Impossible values are refused as in a correction (``problems``)."""
    words, notes = hours_times_wage(words)
    if notes == [WEEKLY_HOURS]:
        return WhatIf(facts=facts, change=words, problems=notes)
    parsed = parse(words, facts, today=today)
    if parsed.is_empty():
        return None
    changed, problems = check(merge(facts, parsed), facts, years)
    return WhatIf(facts=changed, change=words, notes=notes + list(parsed.notes),
                  problems=problems)
