"""First names in a caseworker's message: "mamman Sara 34", "två barn – Alva 9, Noah 4",
"Peter 38 och sambon Jenny 36", then "Sara jobbar deltid", "Elins studiebidrag".

The grammar knows roles (sökande, sambon, sonen, "9-åringen"), not names. Before a message is
read, each name is put back as the role it stands for: dropped where a role word already
stands before it ("mamman Sara 34" → "mamman 34"), and replaced by that role where it stands
alone ("Sara jobbar" → "mamman jobbar", "Alva 9" first, then "Alva" → "9-åringen").

A word is taken for a name only on firm evidence, from the caseworker's capital letter:
a capitalised word the lexicon does not know, right after a role word ("sonen Adam") or right
before an age ("Alva 9", "Ines 1,5 år"); after that, every other mention of it in the
conversation, also in the genitive ("Elins"). A caseworker who types names in lower case
is not helped (the name then stays an unknown word, as before); a name is never guessed from a
lower-case word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from intake import lexicon
from intake.tokens import lexicon_words

# Role word before a name → (role, the word that stands for the person afterwards).
ADULT_ROLES = {
    "mamman": "mamman", "mamma": "mamman", "pappan": "pappan", "pappa": "pappan",
    "sökande": "sökande", "sökanden": "sökande", "klienten": "sökande", "kvinnan": "kvinnan",
    "mannen": "sambon", "sambon": "sambon", "sambo": "sambon", "frun": "frun", "fru": "frun",
    "hustrun": "frun", "maken": "maken", "make": "maken", "makan": "makan", "maka": "makan",
    "kille": "sambon", "killen": "sambon", "tjej": "sambon", "tjejen": "sambon",
    "pojkvännen": "sambon", "flickvännen": "sambon", "partnern": "sambon",
    "partner": "sambon",
}
PARTNER_WORDS = frozenset({"sambon", "frun", "maken", "makan"})
CHILD_ROLES = {
    "sonen": "sonen", "son": "sonen", "dottern": "dottern", "dotter": "dottern",
    "bebisen": "bebisen", "bebis": "bebisen", "pojken": "sonen", "flickan": "dottern",
    "lillebror": "sonen", "lillasyster": "dottern", "storebror": "sonen",
    "storasyster": "dottern", "barnet": "barnet", "tvillingen": "barnet",
}
GENITIVES = {"mamman": "mammans", "pappan": "pappans", "sambon": "sambons", "frun": "sambons",
             "maken": "makens", "makan": "makans", "sökande": "sökandens",
             "kvinnan": "sökandens", "sonen": "sonens", "dottern": "dotterns",
             "bebisen": "barnets", "barnet": "barnets"}
# Capitalised words that are no name although the lexicon does not know them.
NOT_NAMES = frozenset({
    "kl", "nr", "vån", "rum", "lgh", "tel", "dag", "dagar", "vecka", "år", "mån", "sida", "ca",
    "cirka", "typ", "runt", "hus", "rok", "bor", "är", "har", "får", "jobbar", "gäller", "avser",
    "summa", "ålder", "född", "och", "men", "samt", "de", "dom", "vi", "jag", "ni", "det", "den",
    "nästa", "ärende", "ärendet", "hej", "ok", "okej", "obs", "ps", "ja", "nej", "alla", "båda",
    "bägge", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "hushåll",
    "hushållet", "familjen", "familj", "ansökan", "ny", "nytt", "gammal", "gamla", "ink",
    "kostnader", "inkomster", "vuxna", "vuxen", "barn", "personer", "st", "månad", "månader",
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "okt", "nov", "dec", "ica", "coop", "sl", "csn", "fk", "af", "lss",
})
_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]+(?:-[A-Za-zÅÄÖåäöÉéÜü]+)*")
_AGE_AFTER = re.compile(r"\s*,?\s*(\d{1,2})(?:[,.]5)?(?!\s*(?:kr|kronor|:-|%|\d|dagar|dygn|st\b|"
                        r"personer|pers\b|tim|h\b|\.\d|:\d|rok\b|r\s?o\s?k\b|rum\b|tr\b|trapp|kvm|m2|vån))"
                        r"(\s*(?:år\b|(?P<months>mån\w*|månader)))?")
_CHILDISH_BEFORE = re.compile(r"\b(barn|barnen|son|sonen|dotter|dottern|mamma|mamman|pappa|"
                              r"pappan|tvillingar|bebis|ensamst\w*|förälder)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Name:
    name: str  # as typed, capitalised ("Sara")
    stands_for: str  # the word put in its place after its first mention ("mamman", "9-åringen")


@cache
def _known_words() -> frozenset[str]:
    return lexicon_words() | NOT_NAMES | set(ADULT_ROLES) | set(CHILD_ROLES)


# Places: "bor på Storgatan 12", "Lillvägen 4"
PLACE_ENDINGS = ("gatan", "gata", "vägen", "väg", "gränd", "stigen", "torget", "allén",
                 "backen", "platsen", "leden", "plan", "berg", "by", "holm", "vik", "stad")
PLACE_BEFORE = frozenset({"på", "i", "vid", "från", "till", "mot", "nära"})


# Names that are also Swedish words ("Sina", "Hans"): a name only when capitalised inside a
# list and right before an age ("4 barn: Sina 14, Mina 11")
WORD_NAMES = frozenset({"sina", "hans"})


def could_be_name(word: str, before: str) -> bool:
    return (len(word) >= 2 and word[0].isupper() and word[1:].islower() and "-" not in word
            and word.lower() not in _known_words() and before not in PLACE_BEFORE
            and not word.lower().endswith(PLACE_ENDINGS))


def _word_name_in_list(text: str, m: re.Match[str]) -> bool:
    """"Sina 14" after ":" or "," (not a sentence's first word), an age right after."""
    word = m.group(0)
    return (word.lower() in WORD_NAMES and word[0].isupper()
            and text[:m.start()].rstrip().endswith((":", ","))
            and bool(_AGE_AFTER.match(text, m.end())))


def _genitive(stands_for: str) -> str:
    if stands_for.endswith("-åringen"):
        return stands_for + "s"
    return GENITIVES.get(stands_for, stands_for + "s")


_TWINS = re.compile(r"\b(tvillingarna|tvillingar)\s+([A-ZÅÄÖ][a-zåäöé]+)\s+(?:och|&)\s+"
                    r"([A-ZÅÄÖ][a-zåäöé]+)\s*,?\s*(\d{1,2})(\s*(?:år|mån\w*))?")


def put_roles(text: str, known: tuple[Name, ...] = ()) -> tuple[str, tuple[Name, ...]]:
    """The message with each name replaced by its role, and the names learnt from it."""
    names = {n.name: n for n in known}
    new: list[Name] = []
    for m in list(_TWINS.finditer(text))[::-1]:  # "tvillingarna Ali och Omar 4" → "tvillingarna 4"
        age = int(m.group(4)) // (12 if m.group(5) and "mån" in m.group(5) else 1)
        for name in (m.group(2), m.group(3)):
            names[name] = Name(name, f"{age}-åringen")
            new.append(names[name])
        text = text[:m.start()] + f"{m.group(1)} {m.group(4)}{m.group(5) or ''}" + text[m.end():]
    adults = sum(1 for n in known if not n.stands_for.endswith("-åringen")
                 and n.stands_for not in CHILD_ROLES.values())
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the text

    def learn(word: str, stands_for: str, start: int, end: int, replacement: str) -> None:
        names[word] = Name(word, stands_for)
        new.append(names[word])
        edits.append((start, end, replacement))

    words = list(_WORD.finditer(text))
    for k, m in enumerate(words):
        word = m.group(0)
        before = words[k - 1].group(0).lower() if k else ""
        if word in names or (word.endswith("s") and word[:-1] in names) \
                or not (could_be_name(word, before) or _word_name_in_list(text, m)):
            continue
        gap = text[words[k - 1].end():m.start()] if k else ""
        role_word = before if gap.strip() == "" else ""
        age_m = _AGE_AFTER.match(text, m.end())
        age = int(age_m.group(1)) if age_m else None
        if age_m and age_m.group("months"):
            age = (age or 0) // 12  # "Maja 10 mån" is 0 years old
        # the name and the space after it, when a role word already stands before it
        dropped = m.end() + (1 if text[m.end():m.end() + 1] == " " else 0)
        if role_word in CHILD_ROLES or (role_word in ("killen", "tjejen")
                                        and age is not None and age <= 20):
            role = f"{age}-åringen" if age is not None else CHILD_ROLES.get(role_word, "barnet")
            learn(word, role, m.start(), dropped, "")  # "sonen Adam 13" → "sonen 13"
        elif role_word in ADULT_ROLES:
            adults += 1
            role = ADULT_ROLES[role_word]
            if role == "sambon" and role_word not in lexicon.FEMALE | lexicon.MALE \
                    and role_word not in PARTNER_WORDS:  # "hennes kille Jonny 26" → "… sambon 26"
                learn(word, role, words[k - 1].start(), m.end(), role)
            else:
                learn(word, role, m.start(), dropped, "")  # "mamman Sara 34" → "mamman 34"
        elif age_m is not None and age is not None:
            childish = bool(_CHILDISH_BEFORE.search(text, 0, m.start()))
            if age <= 17 or (age <= 20 and childish):
                role = f"{age}-åringen"  # "Alva 9 går i 3:an" → "9-åringen går i 3:an"
                # a name not heard before in a call that has used names: a child not yet told
                # of ("glömde bebisen! Adam 2 mån bor också där")
                opening = f"ett barn {age_m.group(0).strip(' ,')}" if known else role
                learn(word, role, m.start(), age_m.end(), opening)
            else:  # "Peter 38 och sambon Jenny 36": the first adult applies
                role = "sökande" if adults == 0 else "sambon"
                adults += 1
                learn(word, role, m.start(), m.end(), role)
    # every other mention of a known name, also in the genitive ("Elins studiebidrag")
    for m in words:
        word = m.group(0)
        if any(s <= m.start() < e for s, e, _ in edits):
            continue
        if word in names:
            edits.append((m.start(), m.end(), names[word].stands_for))
        elif word.endswith("s") and word[:-1] in names:
            edits.append((m.start(), m.end(), _genitive(names[word[:-1]].stands_for)))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, tuple(new)
