"""Currency notes: does a section of the repealed SOSFS 2003:5 still hold in SOSFS 2013:1?

Reviewed data (data/sosfs_currency.yaml, carried over from shared/domain/sosfs-currency.md):
per section a status (`kvar i sak`, `ändrat`, `borttaget`, `ej kontrollerat`), what differs,
the sources and the date checked. The program never infers a status: a section without a row
is `ej kontrollerat`, and nothing is taken over from a parent or a neighbouring section.
Every hit from the document gets a ``currency`` object (``Searcher.search``), with the short
Swedish line that is shown under a quote.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from knowledge.model import CorpusError

CURRENCY_FILE = Path(__file__).parent / "data" / "sosfs_currency.yaml"

KEPT, CHANGED, REMOVED, UNCHECKED = "kvar i sak", "ändrat", "borttaget", "ej kontrollerat"
STATUSES = (KEPT, CHANGED, REMOVED, UNCHECKED)
_FIELDS = {"page", "status", "current", "differs", "note", "changed_by", "sources", "checked"}
_YEAR = re.compile(r"\b((?:19|20)\d\d):\d+")


@dataclass(frozen=True)
class SectionCurrency:
    section: str
    status: str
    in_map: bool  # False: the section has no row (so it is `ej kontrollerat`)
    current: str | None = None
    differs: str | None = None
    note: str | None = None
    changed_by: str | None = None
    sources: tuple[str, ...] = ()  # full citations
    source_names: tuple[str, ...] = ()  # short names for the caseworker's line
    checked: str | None = None  # ISO date
    page: int | None = None


@dataclass
class CurrencyNotes:
    document: str
    current_advice: str
    checked_against: str
    sections: dict[str, SectionCurrency] = field(default_factory=dict)
    sha: str = ""

    def for_section(self, section: str) -> SectionCurrency:
        """The row for a section label; a section the data does not name is `ej kontrollerat`."""
        return self.sections.get(section) or SectionCurrency(section, UNCHECKED, in_map=False)

    def label(self, entry: SectionCurrency) -> str:
        """The short status text (the badge on the page; the start of the chat line)."""
        if entry.status == KEPT:
            return f"Gäller i sak även enligt {self.current_advice}"
        if entry.status == CHANGED:
            return f"Ändrat i {self.current_advice}"
        if entry.status == REMOVED:
            year = _YEAR.search(entry.changed_by or "")
            when = f" {year.group(1)}" if year else ""
            return f"Borttaget ur de allmänna råden{when} ({entry.changed_by})"
        return "Inte kontrollerat mot gällande råd"

    def line(self, entry: SectionCurrency) -> str:
        """The Swedish line under a quote: the status, what to mind, the basis and the date."""
        label = self.label(entry)
        if entry.status == CHANGED:
            text = f"{label}: {entry.note}"
        else:
            text = label + "."
            if entry.note:
                text += f" {entry.note}"
        if entry.source_names:
            text += f" (Underlag: {'; '.join(entry.source_names)}; kontrollerat {entry.checked}.)"
        return text

    def payload(self, section: str) -> dict[str, Any]:
        """What a hit carries: the status, the line, the badge text and the reviewed data."""
        entry = self.for_section(section)
        return {
            "status": entry.status,
            "label": self.label(entry),
            "line": self.line(entry),
            "current_section": entry.current,
            "differs": entry.differs,
            "note": entry.note,
            "changed_by": entry.changed_by,
            "sources": list(entry.sources),
            "checked": entry.checked,
            "checked_against": self.checked_against,
            "in_map": entry.in_map,
        }


def _text(value: Any, where: str, name: str, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise CorpusError(f"{where}: fältet {name!r} saknas.")
        return None
    if not isinstance(value, str) or not value.strip():
        raise CorpusError(f"{where}: fältet {name!r} ska vara en text som inte är tom.")
    return value.strip()


def load_currency(path: Path = CURRENCY_FILE) -> CurrencyNotes:
    """Read and check the file strictly; any fault is a Swedish CorpusError naming the
    section and the field (an unknown status is refused, never read as `ej kontrollerat`)."""
    name = path.name
    try:
        raw = path.read_bytes()
        data = yaml.safe_load(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(f"{name}: kan inte läsas ({exc}).") from exc
    if not isinstance(data, dict):
        raise CorpusError(f"{name}: ska vara en tabell med document, sources och sections.")
    document = _text(data.get("document"), name, "document", required=True)
    current_advice = _text(data.get("current_advice"), name, "current_advice", required=True)
    checked_against = _text(data.get("checked_against"), name, "checked_against", required=True)
    sources = data.get("sources") or {}
    source_names = data.get("source_names") or {}
    if not isinstance(sources, dict) or not isinstance(source_names, dict):
        raise CorpusError(f"{name}: sources och source_names ska vara tabeller.")
    sections = data.get("sections")
    if not isinstance(sections, dict) or not sections:
        raise CorpusError(f"{name}: sections saknas eller är tom.")
    notes = CurrencyNotes(str(document), str(current_advice), str(checked_against),
                          sha=hashlib.sha256(raw).hexdigest()[:16])
    for section, row in sections.items():
        where = f"{name}: avsnittet {section!r}"
        if not isinstance(row, dict):
            raise CorpusError(f"{where} ska vara en tabell.")
        unknown = sorted(set(row) - _FIELDS)
        if unknown:
            raise CorpusError(f"{where}: okänt fält {unknown[0]!r}.")
        status = row.get("status")
        if status not in STATUSES:
            raise CorpusError(
                f"{where}: okänd status {status!r} (tillåtna: {', '.join(STATUSES)}).")
        checked = row.get("checked")
        if isinstance(checked, str):
            try:
                checked = dt.date.fromisoformat(checked)
            except ValueError:
                checked = None
        if not isinstance(checked, dt.date):
            raise CorpusError(f"{where}: fältet 'checked' ska vara ett datum (ÅÅÅÅ-MM-DD).")
        keys = row.get("sources") or []
        if not isinstance(keys, list) or any(k not in sources for k in keys):
            raise CorpusError(f"{where}: källan {keys!r} finns inte under sources.")
        if status != UNCHECKED and not keys:
            raise CorpusError(f"{where}: status {status!r} kräver en källa.")
        changed_by = _text(row.get("changed_by"), where, "changed_by",
                           required=status in (CHANGED, REMOVED))
        note = _text(row.get("note"), where, "note", required=status == CHANGED)
        page = row.get("page")
        if page is not None and not isinstance(page, int):
            raise CorpusError(f"{where}: fältet 'page' ska vara ett sidnummer.")
        notes.sections[str(section)] = SectionCurrency(
            section=str(section),
            status=status,
            in_map=True,
            current=_text(row.get("current"), where, "current"),
            differs=_text(row.get("differs"), where, "differs", required=True),
            note=note,
            changed_by=changed_by,
            sources=tuple(str(sources[k]) for k in keys),
            source_names=tuple(str(source_names.get(k, k)) for k in keys),
            checked=checked.isoformat(),
            page=page,
        )
    return notes


def unresolved(notes: CurrencyNotes, chunks: Iterable[dict[str, Any]]) -> list[str]:
    """Headings of the data that are no section (and no heading above a section) of the
    document in these chunks (a typo, or a heading that the corpus no longer has)."""
    known: set[str] = set()
    for chunk in chunks:
        if chunk["document"] == notes.document:
            known.add(chunk["section"])
            known.update(chunk["heading_path"])
    return sorted(s for s in notes.sections if s not in known)
