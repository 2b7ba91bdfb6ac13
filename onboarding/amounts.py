"""Current amounts for glossary entries and path steps, read from the calculator's parameter
files (never written in code or in the glossary): each with its year, source and status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from calculator import ParameterError, available_years, compute, load_parameters, load_rules

STATUS_SV = {
    "official": "officiell källa",
    "municipal": "kommunal riktlinje",
    "unverified": "ej verifierad källa",
    "convention": "vald beräkningsregel",
    "unknown": "okänd",
}


def kr(amount: int) -> str:
    return f"{amount:,}".replace(",", "\u00a0") + "\u00a0kr"


@dataclass(frozen=True)
class AmountLine:
    key: str
    year: int | None
    text: str
    source: str
    status: str

    def sentence(self) -> str:
        return f"{self.text} Källa: {self.source} ({STATUS_SV.get(self.status, self.status)})."

    def to_dict(self) -> dict[str, object]:
        return {"key": self.key, "year": self.year, "text": self.text, "source": self.source,
                "status": self.status}


def parameter_year(today: dt.date) -> int | None:
    """The latest year with a parameter file, not after today's year."""
    years = [y for y in available_years() if y <= today.year]
    return years[-1] if years else None


def _single_adult_riksnorm(year: int) -> int:
    """The riksnorm of a one-person household, computed by the calculator itself."""
    result = compute({"year": year, "month": 1,
                      "household": {"adults": [{"role": "applicant", "age": 30}],
                                    "children": []},
                      "costs": {}, "incomes": []})
    return result.riksnorm


def amount_line(key: str, today: dt.date) -> AmountLine | None:
    """The amount behind a glossary key for the current year; None when the parameter files
    do not know it (then nothing is said rather than another year's value)."""
    rules = load_rules()
    if key in ("jobbstimulans", "skolungdom", "dagar"):
        if key == "jobbstimulans":
            share = rules.params["jobbstimulans_andel_procent"]
            months = rules.params["jobbstimulans_manader_med_stod"]
            most = rules.params["jobbstimulans_max_manader"]
            text = (f"{share.value} % av lönen räknas inte, efter {months.value} månader i följd "
                    f"med försörjningsstöd, i högst {most.value} månader.")
            return AmountLine(key, None, text, share.source, share.status)
        if key == "skolungdom":
            age = rules.params["skolungdom_fran_alder"]
            text = (f"Från {age.value} års ålder räknas en ungdom som barn bara om hen bor hemma "
                    "och går i skolan.")
            return AmountLine(key, None, text, age.source, age.status)
        days = rules.params["dagar_divisor"]
        text = f"Barnets belopp × antal dagar / {days.value} (en hel månad = {days.value} dagar)."
        return AmountLine(key, None, text, days.source, days.status)
    year = parameter_year(today)
    if year is None:
        return None
    try:
        p = load_parameters(year)
    except ParameterError:
        return None
    if key == "riksnorm_en_vuxen":
        if p.single.value is None or p.common_by_size[1].value is None:
            return None
        total = _single_adult_riksnorm(year)
        text = (f"Riksnormen {year} för en ensamstående vuxen: {kr(total)} per månad "
                f"(personliga kostnader {kr(p.single.value)} + gemensamma hushållskostnader "
                f"{kr(p.common_by_size[1].value)}).")
        return AmountLine(key, year, text, p.single.source, p.single.status)
    if key == "personliga_vuxna":
        if p.single.value is None:
            return None
        text = f"Personliga kostnader {year}: ensamstående {kr(p.single.value)}"
        if p.couple.value is not None:
            text += f", sambor tillsammans {kr(p.couple.value)}"
        return AmountLine(key, year, text + " per månad.", p.single.source, p.single.status)
    if key == "sambor":
        if p.couple.value is None:
            return None
        text = (f"Personliga kostnader {year} för sambor tillsammans: {kr(p.couple.value)} "
                "per månad.")
        return AmountLine(key, year, text, p.couple.source, p.couple.status)
    if key == "gemensamma":
        known = [(n, p.common_by_size[n]) for n in range(1, len(p.common_by_size))
                 if p.common_by_size[n].value is not None]
        if not known:
            return None
        parts = ", ".join(f"{n} pers. {kr(c.value)}" for n, c in known)  # type: ignore[arg-type]
        text = f"Gemensamma hushållskostnader {year}: {parts} per månad."
        return AmountLine(key, year, text, known[0][1].source, known[0][1].status)
    if key == "prisbasbelopp":
        if p.prisbasbelopp.value is None:
            return None
        text = f"Prisbasbeloppet {year}: {kr(p.prisbasbelopp.value)}."
        return AmountLine(key, year, text, p.prisbasbelopp.source, p.prisbasbelopp.status)
    if key == "forskolelunch":
        lunch = p.child_lunch_by_age[4]
        full = p.child_by_age[4]
        if lunch.value is None or full.value is None:
            return None
        text = (f"Barn 4–6 år {year}: {kr(lunch.value)} med lunch på förskolan fem dagar i veckan, "
                f"i stället för {kr(full.value)}.")
        return AmountLine(key, year, text, lunch.source, lunch.status)
    raise KeyError(f"unknown amount key {key!r}")


AMOUNT_KEYS = ("riksnorm_en_vuxen", "personliga_vuxna", "sambor", "gemensamma", "prisbasbelopp",
               "forskolelunch", "jobbstimulans", "skolungdom", "dagar")
