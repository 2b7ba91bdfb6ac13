"""A plain-Swedish explanation of a result, generated from its rows (to be read aloud)."""

from __future__ import annotations

from .engine import kr
from .models import CalculationResult

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")


NUMBERS = ("noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio",
           "elva", "tolv")


def _number(n: int) -> str:
    return NUMBERS[n] if n < len(NUMBERS) else str(n)


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


def _first_lower(text: str) -> str:
    return text[:1].lower() + text[1:]


def explain(result: CalculationResult) -> str:
    """A few Swedish sentences a caseworker can read aloud, built from the result's rows."""
    r = result
    adults = "en vuxen" if r.antal_vuxna == 1 else "två vuxna"
    kids = ""
    if r.antal_barn == 1:
        kids = " och ett barn"
    elif r.antal_barn > 1:
        kids = f" och {_number(r.antal_barn)} barn"
    out = [f"Beräkning av försörjningsstöd för {MONTHS[r.month - 1]} {r.year} enligt "
           f"{r.lagrum}."]

    norm_rows = [row for row in r.rader if row.kategori == "riksnorm"]
    parts = [f"{_first_lower(row.text)} {kr(row.belopp)}" for row in norm_rows]
    out.append(f"Riksnormen för hushållet ({adults}{kids}) är {kr(r.riksnorm)}: "
               f"{_join(parts)}.")

    cost_rows = [row for row in r.rader if row.kategori == "kostnad"]
    if cost_rows:
        parts = [f"{_first_lower(row.text)} {kr(row.belopp)}" for row in cost_rows]
        out.append(f"Skäliga kostnader är {kr(r.skaliga_kostnader)}: {_join(parts)}.")
    else:
        out.append("Inga skäliga kostnader är angivna.")
    out.append(f"Behovet blir {kr(r.behov)}.")

    counted = [row for row in r.rader if row.kategori == "inkomst" and row.raknas]
    ignored = [row for row in r.rader if row.kategori == "inkomst" and not row.raknas]
    if counted:
        parts = [f"{_first_lower(row.text)} {kr(row.belopp)}" for row in counted]
        out.append(f"Inkomster som räknas är {kr(r.inkomster_beraknade)}: {_join(parts)}.")
    else:
        out.append("Hushållet har inga inkomster som räknas.")
    if ignored:
        parts = [f"{_first_lower(row.text)} {kr(row.belopp)} ({row.orsak})" for row in ignored]
        out.append(f"Inkomster som inte räknas är {kr(r.inkomster_ej_beraknade)}: "
                   f"{_join(parts)}.")
    out.extend(r.noteringar)
    if r.forsorjningsstod > 0:
        out.append(f"Försörjningsstödet blir {kr(r.behov)} − {kr(r.inkomster_beraknade)} = "
                   f"{kr(r.forsorjningsstod)} för månaden.")
    elif r.overskott > 0:
        out.append(f"Inkomsterna överstiger behovet med {kr(r.overskott)}, så inget "
                   "försörjningsstöd beräknas för månaden.")
    else:
        out.append("Inkomsterna täcker precis behovet, så inget försörjningsstöd beräknas för "
                   "månaden.")
    if r.varningar:
        n = len(r.varningar)
        out.append(f"Observera: {_number(n)} belopp i beräkningen är inte hämtade ur officiell "
                   "författningstext; se varningarna.")
    return " ".join(out)
