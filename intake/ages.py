"""Ages a caseworker gives without saying them: a birth year ("Noor född 2016") or a school
class ("Felix går i tvåan", "Hugo i sexan", "ettan på gymnasiet").

The riksnorm depends on a child's age, so such a child is given the age it has (turns) in the
calendar year computed, and the summary says where the age came from, so the caseworker sees
it and can correct it. Before a message is read, each such phrase is written out as an age
("Noor 10 år"), so that the rest of the intake (names, lists of children) reads it as if the
caseworker had typed the age.

School classes: a pupil in grade N of grundskolan turns N + 6 in the calendar year of an
autumn term (August–December) and N + 7 in the year of a spring term (January–July, the summer
counted with the term just ended); gymnasiet's year G is grade 9 + G. Only a class said right
after a name or a child word is read ("Felix går i tvåan", "sonen i sjuan"); a class said
after an age ("Abdi 18, går i trean på gymnasiet") only says that the child is in school.
"""

from __future__ import annotations

import re
from collections.abc import Callable

GRADES = {"ettan": 1, "tvåan": 2, "trean": 3, "fyran": 4, "femman": 5, "sexan": 6, "sjuan": 7,
          "åttan": 8, "nian": 9, "förskoleklass": 0, "förskoleklassen": 0, "sexårs": 0,
          "f-klass": 0}
FIRST_AUTUMN_MONTH = 8  # the school year starts in August
CHILD_WORDS = ("sonen", "dottern", "barnet", "pojken", "flickan", "grabben", "tjejen",
               "killen", "son", "dotter")
_MONTHS = (r"jan(?:uari)?|feb(?:ruari)?|mars?|apr(?:il)?|maj|juni?|juli?|aug(?:usti)?|"
           r"sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?")
BIRTH = re.compile(r"\b(?:född|f\.)(?:\s+i)?(?:\s+(?:\d{1,2}\s+)?(?:" + _MONTHS + r"))?"
                   r"\s+((?:19|20)\d{2})(?:-\d{2}-\d{2})?\b", re.IGNORECASE)
_WHO = r"(?P<who>\b[A-ZÅÄÖ][a-zåäöé]+|\b(?:" + "|".join(CHILD_WORDS) + r"))"
CLASS = re.compile(_WHO + r"(?P<mid>,?\s+(?:som\s+)?(?:går\s+)?(?:i|på)\s+)"
                   r"(?P<grade>" + "|".join(GRADES) + r"|\d:an|åk\s?\d|årskurs\s\d)"
                   r"(?P<gy>\s+på\s+gymn\w*)?\b", re.IGNORECASE)


def has_age_phrase(text: str) -> bool:
    return bool(BIRTH.search(text) or CLASS.search(text))


def grade_of(word: str) -> int | None:
    word = word.lower()
    if word in GRADES:
        return GRADES[word]
    digits = re.sub(r"\D", "", word)
    return int(digits) if digits else None


def age_in_grade(grade: int, gymnasium: bool, year_month: tuple[int, int]) -> int:
    grade = grade + 9 if gymnasium else grade
    return grade + (6 if year_month[1] >= FIRST_AUTUMN_MONTH else 7)


def spell_out(text: str, year_month: tuple[int, int], is_name: Callable[[str, str], bool],
              known: frozenset[str] = frozenset()) -> tuple[str, list[str]]:
    """The message with birth years and school classes written as ages, and the notes that
    say so. ``is_name(word, before)`` tells a first name from another capitalised word;
    ``known`` are names and child words whose age is known already (a class said of them only
    says that they go to school)."""
    notes: list[str] = []
    year = year_month[0]

    def birth(m: re.Match[str]) -> str:
        age = year - int(m.group(1))
        if not 0 <= age <= 25:
            return m.group(0)
        notes.append(f"{age}-åringen: åldern är räknad från födelseåret {m.group(1)} "
                     f"(beräkningsåret {year}).")
        return f"{age} år"

    def grade(m: re.Match[str]) -> str:
        who = m.group("who")
        before = text[:m.start()].split()[-1].lower() if text[:m.start()].split() else ""
        if who.lower() not in CHILD_WORDS and not is_name(who, before):
            return m.group(0)
        if who in known or who.lower() in known or re.search(
                rf"\b{re.escape(who)}\s+\d", text, re.IGNORECASE):
            return m.group(0)  # "sonen 6 … sonen går i förskoleklass": his age is said
        number = grade_of(m.group("grade"))
        if number is None or number > 9:
            return m.group(0)
        age = age_in_grade(number, bool(m.group("gy")), year_month)
        where = "gymnasiet" if m.group("gy") else "grundskolan"
        notes.append(f"{age}-åringen: åldern är räknad från skolklassen ({m.group('grade')} i "
                     f"{where}, beräkningsmånaden {year}-{year_month[1]:02d}).")
        return f"{who} {age} år" + (", går på gymnasiet" if m.group("gy") else "")

    text = BIRTH.sub(birth, text)
    text = CLASS.sub(grade, text)
    return text, notes
