"""Remove Swedish personal identity numbers from free text before it goes anywhere.

A caseworker sometimes pastes a personnummer or samordningsnummer into the chat. The assistant
never needs one, so the web layer removes it before the message reaches Rasa, the logs, the
audit file or any store, and tells the caseworker that it did.

What is removed (the decision, documented in README "Personuppgifter"):

* Shape: ``YYMMDD?NNNC`` (10 digits) or ``CCYYMMDD?NNNC`` (12 digits, century 18, 19 or 20)
  where ``?`` is nothing, a dash, an en dash, a plus (the 100-years-old form) or one space, and
  the number is not part of a longer run of digits. (So a date directly followed by a space and
  a four-digit amount, "850101 1500", is removed too: the price of catching "850101 1234".)
* Date part: a real calendar date, or a samordningsnummer date (the day plus 60).
* Checksum: NOT required. A number with the right shape and a real date part is removed even
  when its Luhn check digit is wrong: a mistyped personnummer still identifies a person, and
  removing a rare look-alike costs nothing. The Luhn result is reported, not used as a gate.

What is kept: amounts (``12 000``, ``1250000``), dates alone (``2024-01-15``, ``19850101``),
and 10/12-digit numbers whose date part is not a date (``1234567890``, organisationsnummer with
month 20 or more).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

PLACEHOLDER = "[personnummer borttaget]"

_SEPARATOR = r"[-+\u2013 \u00a0]?"
_PATTERN = re.compile(
    r"(?<![\d])"
    r"(?P<century>18|19|20)?"
    r"(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    rf"(?P<sep>{_SEPARATOR})"
    r"(?P<serial>\d{3})(?P<check>\d)"
    r"(?![\d])"
)


@dataclass(frozen=True)
class Redaction:
    """The cleaned text and what was removed (never the numbers themselves)."""

    text: str
    removed: int = 0
    removed_with_valid_checksum: int = 0

    @property
    def changed(self) -> bool:
        return self.removed > 0


def luhn_valid(ten_digits: str) -> bool:
    """The Luhn check on the 10-digit form (YYMMDDNNNC), as Skatteverket defines it."""
    if len(ten_digits) != 10 or not ten_digits.isdigit():
        return False
    total = 0
    for position, char in enumerate(ten_digits):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def _date_is_real(years: list[int], month: int, day: int) -> bool:
    if not 1 <= month <= 12:
        return False
    if day > 60:  # samordningsnummer: the day of birth plus 60
        day -= 60
    return any(1 <= day <= calendar.monthrange(year, month)[1] for year in years)


def _looks_like_identity_number(match: re.Match[str]) -> bool:
    yy, mm, dd = int(match["yy"]), int(match["mm"]), int(match["dd"])
    if match["century"]:
        years = [int(match["century"]) * 100 + yy]
    else:
        # Without a century the year is ambiguous; either reading makes it a date.
        years = [1900 + yy, 2000 + yy]
    return _date_is_real(years, mm, dd)


def redact(text: str) -> Redaction:
    """Replace every personal identity number in ``text`` with :data:`PLACEHOLDER`."""
    removed = 0
    valid = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal removed, valid
        if not _looks_like_identity_number(match):
            return match.group(0)
        removed += 1
        ten = match["yy"] + match["mm"] + match["dd"] + match["serial"] + match["check"]
        valid += luhn_valid(ten)
        return PLACEHOLDER

    cleaned = _PATTERN.sub(replace, text)
    return Redaction(text=cleaned, removed=removed, removed_with_valid_checksum=valid)


def notice(redaction: Redaction) -> str | None:
    """The Swedish sentence that tells the caseworker what was removed, or None."""
    if not redaction.changed:
        return None
    what = (
        "ett personnummer"
        if redaction.removed == 1
        else f"{redaction.removed} personnummer"
    )
    return (
        f"Jag tog bort {what} ur ditt meddelande innan det behandlades eller sparades. "
        "Skriv inte personnummer här – de behövs inte för att svara eller räkna."
    )
