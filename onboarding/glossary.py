"""The glossary (begrepp): one reviewed YAML file, a strict loader, and the lookup that answers
a newcomer's definition question ("Vad betyder skäliga kostnader?", "Vad är riksnormen?",
"Förklara jobbstimulans") with the right entry — or with nothing, so that the question goes to
the guideline search instead."""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from onboarding.amounts import AMOUNT_KEYS

GLOSSARY_FILE = Path(__file__).parent / "data" / "glossary.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    document: str  # the index's document id ("SOSFS 2003:5", "SFS 2025:400 12 kap.")
    section: str  # the index's section name ("12 kap. 8 § SoL (2025:400)", "Hushållsel")
    quote: str = Field(min_length=10)  # verbatim from that passage


class Term(_Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    term: str
    aliases: list[str] = Field(min_length=1)
    definition: str = Field(min_length=40)
    sources: list[Source]
    related: list[str] = []
    amount: str | None = None
    outside: list[str] = []  # law paragraphs the knowledge base does not hold

    @model_validator(mode="after")
    def _cited(self) -> Term:
        if not self.sources and not self.outside:
            raise ValueError(f"{self.id}: needs sources (or outside references)")
        if self.amount is not None and self.amount not in AMOUNT_KEYS:
            raise ValueError(f"{self.id}: unknown amount key {self.amount!r}")
        return self


class _File(_Strict):
    terms: list[Term]


# --------------------------------------------------------------------------- the question

def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower().replace("\u00a0", " ")
    text = re.sub(r"[”“\"'«»()\[\]?!.,;:…/]", " ", text)
    text = text.replace("–", " ").replace("—", " ")
    return re.sub(r"\s+", " ", text).strip()


_ART = r"(?:(?:ordet|begreppet|termen|uttrycket|en|ett|det|den|de)\s+)*"
# Phrasings of a definition question; the group `t` is the term asked about.
_PATTERNS = [re.compile(p) for p in (
    rf"^(?:och |men |hej |hej hej |ursäkta |snälla |du )?(?:vad|va|vaddå) "
    rf"(?:betyder|betyda|innebär|innebar|"
    rf"menas med|menas det med|avses med|menar man med|menar ni med|menar du med|menar vi med|"
    rf"står|är|e|räknas som|kallas|heter|är egentligen|är det för något|är det) {_ART}(?P<t>.+)$",
    rf"^(?:kan|kunde|skulle) (?:du|ni|någon) (?:snälla )?(?:förklara|beskriva|definiera|berätta)"
    rf"(?: för mig)?(?: vad)?(?: som)?(?: menas med| betyder| är| innebär)? {_ART}(?P<t>.+)$",
    rf"^(?:förklara|beskriv|definiera|berätta om|berätta vad)(?: för mig)?(?: vad)?"
    rf"(?: som)?(?: menas med| betyder| är| innebär)? {_ART}(?P<t>.+)$",
    rf"^(?:jag (?:förstår|fattar|begriper) inte|jag vet inte vad|jag undrar vad|undrar vad|"
    rf"vet du vad|jag har hört|jag hörde|vad innebär det att|vad betyder det att)"
    rf"(?: riktigt)?(?: vad)?(?: som)?(?: menas med| betyder| är| innebär)? {_ART}(?P<t>.+)$",
    rf"^(?:definition|definitionen|förklaring|förklaringen|betydelsen|innebörden) (?:av|på|till) "
    rf"{_ART}(?P<t>.+)$",
    rf"^(?:hur|vad) (?:definieras|definierar man|förklarar man|ska jag förstå|förstår man) "
    rf"{_ART}(?P<t>.+)$",
    r"^(?P<t>.+?) (?:vad betyder det|vad är det|vad innebär det|vad menas med det|"
    r"betyder vad|vad är det för något|vad står det för|vad handlar det om)$",
    rf"^(?:vad handlar|vad gäller) {_ART}(?P<t>.+) om$",
    rf"^(?:vad|vem|vilka|vilken|vilket) (?:räknas som|räknas in som|menas med|kallas) "
    rf"{_ART}(?P<t>.+)$",
    rf"^vad ingår i {_ART}(?P<t>.+)$",
    r"^(?P<t>[^ ]+(?: [^ ]+){0,3}) (?:betyder|innebär|är) vad$",
)]
# Words after the term that do not change what is asked ("… egentligen", "… för något").
_TAIL = re.compile(
    r"(?: (?:egentligen|för något|för nåt|då|alltså|exakt|riktigt|för mig|i korthet|"
    r"kortfattat|kort|enkelt|med enkla ord|i enkla ord|på enkel svenska|i praktiken|"
    r"för en nyanställd|för en ny handläggare|som begrepp|i socialtjänsten|"
    r"i försörjningsstödet|i försörjningsstöd|inom försörjningsstöd|inom ekonomiskt bistånd|"
    r"i ekonomiskt bistånd|när det gäller ekonomiskt bistånd|när det gäller försörjningsstöd|"
    r"i lagen|i lagens mening|i det här sammanhanget|i sammanhanget|i handläggningen|"
    r"i vårt arbete|hos oss|tack|snälla|är det|för någonting|för slags begrepp|"
    r"för ett begrepp|för något begrepp|för nåt|för))+$")
# A question about something else than the meaning of a term: not for the glossary.
_NOT_DEFINITION = re.compile(
    r"\b(?:skillnaden|skillnad mellan|hur mycket|hur stor|hur många|hur länge|belopp(?:et)? för|"
    r"klockan|vädret|för dag|datum|ditt namn|du för|du för en|meningen med livet)\b")
# The calculation shown, not a term ("Förklara beräkningen" is "Varför?").
_CALCULATION = re.compile(r"^(?:beräkningen|uträkningen|resultatet|raderna|den|det|varför)$")
_QUOTED = re.compile(r"[”“\"«]([^”“\"»]{2,60})[”“\"»]")


def _phrase(text: str) -> str | None:
    text = normalize(text)
    if not text or _NOT_DEFINITION.search(text):
        return None
    for pattern in _PATTERNS:
        m = pattern.match(text)
        if m:
            phrase = _TAIL.sub("", m.group("t")).strip()
            phrase = re.sub(r"^(?:ordet|begreppet|termen|uttrycket|en|ett|det|den) ", "", phrase)
            if not phrase or _CALCULATION.match(phrase):
                return None
            return phrase
    return None


def definition_phrases(question: str) -> list[str]:
    """The term phrases a definition question may ask about, best first: a term in quotation
    marks, the whole message, then clause by clause ("Jag är ny här – vad står EB för?").
    Empty when the text is no definition question."""
    found = [_phrase(question)]
    found += [_phrase(c) for c in re.split(r"\s[–—-]\s|[,;:]\s|[?!.]\s", question)]
    phrases = [p for p in dict.fromkeys(found) if p]
    quoted = _QUOTED.search(question)
    if phrases and quoted:
        phrases.insert(0, normalize(quoted.group(1)))
    return phrases


def definition_phrase(question: str) -> str | None:
    """The term a definition question asks about ("skäliga kostnader"), or None."""
    phrases = definition_phrases(question)
    return phrases[0] if phrases else None


# --------------------------------------------------------------------------- the glossary

class Glossary:
    def __init__(self, terms: list[Term]) -> None:
        self.terms = terms
        self.by_id = {t.id: t for t in terms}
        # (normalized alias, term id), longest first: "inkomster som inte räknas" before
        # "inkomster"
        pairs: dict[str, str] = {}
        for t in terms:
            for alias in [t.term, *t.aliases]:
                pairs.setdefault(normalize(alias), t.id)
        self.aliases = sorted(pairs.items(), key=lambda kv: -len(kv[0]))

    def get(self, term_id: str) -> Term:
        return self.by_id[term_id]

    def match_phrase(self, phrase: str) -> Term | None:
        """The entry a term phrase names: an alias as whole words (longest wins), else a close
        spelling of a whole alias (a typo: "jobbstimulanser", "riksnormne")."""
        phrase = normalize(phrase)
        if not phrase:
            return None
        for alias, term_id in self.aliases:
            if phrase == alias:
                return self.by_id[term_id]
        # the alias that starts first in the phrase (the head of "riksnorm för
        # försörjningsstöd"), the longer one when two start at the same word
        words = phrase.split()
        best: tuple[int, int, str] | None = None
        for alias, term_id in self.aliases:
            n = len(alias.split())
            for start in range(min(4, len(words))):
                if words[start:start + n] == alias.split():
                    key = (start, -n, term_id)
                    if best is None or key < best:
                        best = key
                    break
        if best is not None:
            return self.by_id[best[2]]
        close = difflib.get_close_matches(phrase, [a for a, _ in self.aliases], n=1, cutoff=0.84)
        if close:
            return self.by_id[dict(self.aliases)[close[0]]]
        return None

    def lookup(self, question: str) -> Term | None:
        """The entry that answers a definition question, or None (no definition question, or a
        term the glossary does not hold)."""
        for phrase in definition_phrases(question):
            # a long phrase is a question about something, not a term ("vad är rätt hyra för en
            # familj med tre barn i Uppsala")
            if len(phrase.split()) > 8:
                continue
            term = self.match_phrase(phrase)
            if term is not None:
                return term
        return None

    def search(self, text: str) -> list[Term]:
        """Entries whose name, aliases or definition contain the text (the page's filter)."""
        q = normalize(text)
        if not q:
            return list(self.terms)
        return [t for t in self.terms
                if q in normalize(" ".join([t.term, *t.aliases, t.definition]))]

    def related(self, term: Term) -> list[Term]:
        return [self.by_id[r] for r in term.related]


def read_glossary(path: Path) -> Glossary:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    terms = _File.model_validate(data).terms
    ids = [t.id for t in terms]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise ValueError(f"{path}: duplicate ids {sorted(duplicates)}")
    for t in terms:
        unknown = [r for r in t.related if r not in ids or r == t.id]
        if unknown:
            raise ValueError(f"{path}: {t.id}: unknown related terms {unknown}")
    return Glossary(terms)


@functools.cache
def load_glossary() -> Glossary:
    return read_glossary(GLOSSARY_FILE)


# --------------------------------------------------------------------------- citations

def resolve_source(lookup: Callable[[str, str, str], dict[str, Any] | None], source: Source
                   ) -> dict[str, Any] | None:
    """The knowledge base's hit for a glossary citation: the passage of that document and
    section whose text holds the quote, looked up by the knowledge runtime
    (`Searcher.passage`), never found through the ranking (a quote is no caseworker's question,
    and the section classifier ranks questions). The hit carries the document, status,
    citation and currency, with the quote as its highlight; None when the index has no such
    passage."""
    return lookup(source.document, source.section, source.quote)
