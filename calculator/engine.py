"""The calculation (calculation-rules.md sections 1-6).

    behov            = riksnorm(hushåll) + skäliga kostnader
    forsorjningsstod = max(0, behov - beräknade inkomster)
    overskott        = max(0, beräknade inkomster - behov)

Every line item is rounded (half up) where it is computed and becomes one row; the totals are
sums of the rows. Amounts come from the parameter files only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from .errors import InputError
from .models import CalculationInput, CalculationResult, parse_input
from .params import STATUS_SV, Param, Rules, YearParameters, load_parameters, load_rules

INDATA_KALLA = "Uppgift i ansökan"
INDATA_STATUS = "indata"
_RANK = {"official": 0, "convention": 1, "indata": 1, "municipal": 2, "unverified": 3,
         "unknown": 4}


def round_half_up(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded to an integer, halves up (non-negative integers)."""
    return (2 * numerator + denominator) // (2 * denominator)


def kr(amount: int) -> str:
    return f"{amount:,}".replace(",", " ") + " kr"


def _bracket(p: Param) -> str:
    return p.name.rsplit(".", 1)[-1]


@dataclass(frozen=True, slots=True)
class Month:
    """What a calculation month is computed under: the law and the legal references in force
    on its first day (dated values in rules.yaml)."""

    year: int
    month: int
    start: dt.date
    law: str
    lagrum: dict[str, str]


@cache
def month_context(year: int, month: int) -> Month:
    rules = load_rules()
    start = dt.date(year, month, 1)
    law = rules.law.at(start) or rules.law.first[1]
    return Month(year, month, start, law, rules.lagrum_at(start))


class _Calc:
    """Collects rows and the parameters they used."""

    __slots__ = ("rows", "used", "lagrum", "year")

    def __init__(self, lagrum: dict[str, str], year: int) -> None:
        self.rows: list[dict[str, Any]] = []
        self.used: dict[str, Param] = {}
        self.lagrum = lagrum
        self.year = year

    def use(self, *params: Param) -> None:
        for p in params:
            if p.name not in self.used:
                self.used[p.name] = p

    def param_row(self, kategori: str, text: str, belopp: int, topic: str,
                  params: tuple[Param, ...], **extra: Any) -> None:
        self.use(*params)
        if len(params) == 1:
            kalla, status = params[0].source, params[0].status
        else:
            kalla = "; ".join(dict.fromkeys(p.source for p in params))
            status = max((p.status for p in params), key=_RANK.__getitem__)
        self.rows.append({
            "kategori": kategori, "text": text, "belopp": belopp,
            "lagrum": self.lagrum[topic], "kalla": kalla, "status": status,
            "parametrar": [p.name for p in params], **extra})

    def input_row(self, kategori: str, text: str, belopp: int, topic: str,
                  **extra: Any) -> None:
        row = {"kategori": kategori, "text": text, "belopp": belopp,
               "lagrum": self.lagrum[topic], "kalla": INDATA_KALLA, "status": INDATA_STATUS,
               "parametrar": []}  # given, so pydantic need not deep-copy the default
        row.update(extra)
        self.rows.append(row)


def _unknown(field: str, value: Any, what: str, p: Param, year: int) -> InputError:
    return InputError(
        field, value,
        f"{what} {year} är okänd i parameterfilerna ({p.source}); beräkningen kan inte göras. "
        "Beloppet gissas inte och räknas inte upp från ett annat år.")


def _common_amount(yp: YearParameters, size: int) -> tuple[int, tuple[Param, ...], str | None]:
    """Gemensamma hushållskostnader for a household of `size` members."""
    if size <= 7:
        p = yp.common_by_size[size]
        return p.value, (p,), None  # type: ignore[return-value]
    seven, extra = yp.common_by_size[7], yp.extra_over_7
    amount = seven.value + (size - 7) * extra.value  # type: ignore[operator]
    how = f"{kr(seven.value)} för 7 personer + {size - 7} × {kr(extra.value)} = {kr(amount)}"  # type: ignore[arg-type]
    return amount, (seven, extra), how


def _member_label(member: str) -> str:
    if member == "applicant":
        return "sökande"
    if member == "partner":
        return "partner"
    return f"barn {int(member[6:]) + 1}"


def compute(inp: CalculationInput | dict[str, Any]) -> CalculationResult:
    """Compute a household's monthly försörjningsstöd. Raises InputError on bad input.

    Four steps, each adding its rows: riksnorm, skäliga kostnader, inkomster; then the totals.
    """
    if not isinstance(inp, CalculationInput):
        inp = parse_input(inp)
    yp = load_parameters(inp.year)
    rules = load_rules()
    month = month_context(inp.year, inp.month)
    c = _Calc(month.lagrum, inp.year)
    size = _riksnorm(c, inp, yp, rules)
    _costs(c, inp, rules)
    notes = _incomes(c, inp, yp, rules)
    hh = inp.household
    # one validation of the whole result in pydantic-core (faster than constructing each row)
    return CalculationResult.model_validate({
        "year": inp.year, "month": inp.month, "tillamplig_lag": month.law,
        "lagrum": month.lagrum["forsorjningsstod"],
        "antal_vuxna": len(hh.adults), "antal_barn": len(hh.children),
        "hushall_storlek": size,
        **_totals(c.rows),
        "rader": c.rows, "varningar": _warnings(c, inp, rules, month), "noteringar": notes,
        "parametrar": [_trace(p) for p in c.used.values()],
    })


def _riksnorm(c: _Calc, inp: CalculationInput, yp: YearParameters, rules: Rules) -> int:
    """Personal costs of each member and the household's gemensamma hushållskostnader; returns
    the household size the latter were computed for."""
    year, hh = inp.year, inp.household
    if len(hh.adults) == 2:
        p = yp.couple
        if p.value is None:
            raise _unknown("household.adults", [a.role for a in hh.adults],
                           "Riksnormen för sambor (två vuxna tillsammans)", p, year)
        c.param_row("riksnorm", "Personliga kostnader, två vuxna (sambor/makar)", p.value,
                    "riksnorm", (p,))
    else:
        p = yp.single
        c.param_row("riksnorm", "Personliga kostnader, ensamstående vuxen", p.value,  # type: ignore[arg-type]
                    "riksnorm", (p,), medlem="applicant")

    divisor_p = rules.params["dagar_divisor"]
    divisor = divisor_p.value
    assert divisor is not None
    for i, ch in enumerate(hh.children):
        lunch = bool(ch.lunch_at_preschool)
        p = yp.child_lunch_by_age[ch.age] if lunch else yp.child_by_age[ch.age]
        if p.value is None:
            raise _unknown(f"household.children[{i}].lunch_at_preschool", True,
                           f"Riksnormen för barn {_bracket(p)} år som äter lunch på förskola",
                           p, year)
        desc = f"{ch.age} år" + (", lunch på förskola" if lunch else "")
        if ch.days == divisor:
            c.param_row("riksnorm", f"Personliga kostnader, barn {i + 1} ({desc})", p.value,
                        "riksnorm", (p,), medlem=f"child:{i}")
        else:
            amount = round_half_up(p.value * ch.days, divisor)
            c.param_row(
                "riksnorm",
                f"Personliga kostnader, barn {i + 1} ({desc}), {ch.days} av {divisor} dagar",
                amount, "riksnorm", (p, divisor_p), medlem=f"child:{i}",
                berakning=f"{kr(p.value)} × {ch.days}/{divisor} = {kr(amount)}")

    size = len(hh.adults) + len(hh.children)
    shared = hh.shared_household_members
    if shared is not None:
        total, params, how = _common_amount(yp, shared)
        amount = round_half_up(total, shared)
        c.param_row(
            "riksnorm",
            f"Gemensamma hushållskostnader, andel i hushållsgemenskap med {shared} personer",
            amount, "hushallsgemenskap", params,
            berakning=(f"{how}; " if how else f"{kr(total)} för {shared} personer; ")
            + f"{kr(total)} / {shared} = {kr(amount)}")
        return shared
    amount, params, how = _common_amount(yp, size)
    noun = "person" if size == 1 else "personer"
    c.param_row("riksnorm", f"Gemensamma hushållskostnader, {size} {noun}", amount,
                "riksnorm_over_7" if size > 7 else "riksnorm", params, berakning=how)
    return size


def _costs(c: _Calc, inp: CalculationInput, rules: Rules) -> None:
    """Skäliga kostnader as given, housing limited to the municipality's cap."""
    cap = inp.housing_cap
    for key, label in rules.cost_types.items():
        amount = getattr(inp.costs, key)
        if not amount:
            continue
        if key == "housing" and cap is not None and amount > cap.amount:
            c.input_row("kostnad", f"{label}, begränsat till skälig boendekostnad",
                        cap.amount, "skaliga_kostnader",
                        kalla="Kommunens skäliga boendekostnad (housing_cap i indata)",
                        berakning=f"faktisk kostnad {kr(amount)}, skälig nivå {kr(cap.amount)}")
        else:
            c.input_row("kostnad", label, amount, "skaliga_kostnader")


def _incomes(c: _Calc, inp: CalculationInput, yp: YearParameters, rules: Rules) -> list[str]:
    """Each income counted, partly counted (a child's salary over a prisbasbelopp, an adult's
    salary under jobbstimulans) or not counted; returns the notes on jobbstimulans."""
    notes: list[str] = []
    job_pct_p = rules.params["jobbstimulans_andel_procent"]
    job_req_p = rules.params["jobbstimulans_manader_med_stod"]
    job_max_p = rules.params["jobbstimulans_max_manader"]
    job_active = (inp.consecutive_months_with_support >= job_req_p.value  # type: ignore[operator]
                  and inp.job_stimulus_months_used < job_max_p.value)  # type: ignore[operator]
    job_note_done = False
    child_salary_so_far: dict[str, int] = {}
    for j, inc in enumerate(inp.incomes):
        it = rules.income_types[inc.type]
        label = f"{it.label} ({_member_label(inc.member)})"
        amount = inc.amount
        if not it.counted:
            c.input_row("inkomst", label, amount, it.topic, raknas=False, orsak=it.reason,
                        medlem=inc.member, kalla=it.source, status="official")
            continue
        if inc.type == "salary" and inc.member.startswith("child:"):
            pbb = yp.prisbasbelopp
            if pbb.value is None:
                raise _unknown(f"incomes[{j}].amount", amount, "Prisbasbeloppet", pbb, inp.year)
            # a second salary row for the same child this month uses what the first left
            earlier = (inc.earned_earlier_this_year or 0) + child_salary_so_far.get(inc.member, 0)
            child_salary_so_far[inc.member] = child_salary_so_far.get(inc.member, 0) + amount
            left = max(0, pbb.value - earlier)
            free = min(amount, left)
            counted = amount - free
            how = (f"prisbasbelopp {kr(pbb.value)} − tidigare i år {kr(earlier)} = {kr(left)} "
                   f"kvar; {kr(free)} räknas inte, {kr(counted)} räknas")
            if counted or not free:
                c.param_row("inkomst", f"{label}, del över ett prisbasbelopp", counted,
                            "barns_inkomst", (pbb,), raknas=True, medlem=inc.member,
                            berakning=how)
            if free:
                c.param_row("inkomst", f"{label}, under ett prisbasbelopp", free,
                            "barns_inkomst", (pbb,), raknas=False,
                            orsak="barns inkomst under ett prisbasbelopp", medlem=inc.member,
                            berakning=how)
            continue
        if inc.type == "salary":
            if not job_note_done:
                job_note_done = True
                notes.append(_job_note(inp, job_active, job_req_p.value, job_max_p.value))  # type: ignore[arg-type]
                c.use(job_req_p, job_max_p)
            if job_active and amount:
                pct = job_pct_p.value
                free = round_half_up(amount * pct, 100)  # type: ignore[operator]
                counted = amount - free
                how = f"{pct} % av {kr(amount)} = {kr(free)} räknas inte; {kr(counted)} räknas"
                c.use(job_pct_p)
                c.input_row("inkomst", label, counted, "jobbstimulans", raknas=True,
                            medlem=inc.member, berakning=how,
                            kalla=f"{INDATA_KALLA}; {job_pct_p.source}",
                            parametrar=[job_pct_p.name],
                            orsak=f"{100 - pct} % räknas (jobbstimulans)")  # type: ignore[operator]
                c.param_row("inkomst", f"{label}, jobbstimulans {pct} %", free,
                            "jobbstimulans", (job_pct_p,), raknas=False,
                            orsak=f"jobbstimulans {pct} %", medlem=inc.member, berakning=how)
                continue
        c.input_row("inkomst", label, amount, it.topic, raknas=True, medlem=inc.member,
                    kalla=f"{INDATA_KALLA}; {it.source}", status=INDATA_STATUS)
    return notes


def _totals(rows: list[dict[str, Any]]) -> dict[str, int]:
    """The sums of the rows: behov = riksnorm + skäliga kostnader; försörjningsstöd is what the
    counted incomes leave of it, överskott what they exceed it by."""
    riksnorm = skaliga = counted = not_counted = 0
    for r in rows:
        kategori = r["kategori"]
        if kategori == "riksnorm":
            riksnorm += r["belopp"]
        elif kategori == "kostnad":
            skaliga += r["belopp"]
        elif r["raknas"]:
            counted += r["belopp"]
        else:
            not_counted += r["belopp"]
    behov = riksnorm + skaliga
    return {"riksnorm": riksnorm, "skaliga_kostnader": skaliga, "behov": behov,
            "inkomster_beraknade": counted, "inkomster_ej_beraknade": not_counted,
            "forsorjningsstod": max(0, behov - counted), "overskott": max(0, counted - behov)}


def _warnings(c: _Calc, inp: CalculationInput, rules: Rules, month: Month) -> list[str]:
    """Amounts that are not official, and incomes under a rule that starts within the month."""
    warnings = [w for w in map(_warning, c.used.values()) if w]
    for j, inc in enumerate(inp.incomes):
        starts, text = rules.lagrum[rules.income_types[inc.type].topic].first
        if month.start < starts:
            warnings.append(
                f"incomes[{j}]: {text} gäller från {starts.isoformat()}, alltså inte hela "
                f"{inp.year}-{inp.month:02d}; pröva den tidigare delen av månaden särskilt.")
    return warnings


@cache
def _trace(p: Param) -> dict[str, Any]:
    return {"namn": p.name, "varde": p.value, "kalla": p.source, "status": p.status,
            "anmarkning": p.note}


@cache
def _warning(p: Param) -> str | None:
    if p.status == "unverified":
        return (f"{p.label}: {kr(p.value)} har status ej verifierad ({p.source})."  # type: ignore[arg-type]
                + (f" {p.note}." if p.note else ""))
    if p.status == "municipal":
        return (f"{p.label}: {kr(p.value)} kommer från en kommuns publicerade tabell, "  # type: ignore[arg-type]
                f"inte från SFS-texten ({p.source}).")
    return None


def _job_note(inp: CalculationInput, active: bool, required: int, maximum: int) -> str:
    months, used = inp.consecutive_months_with_support, inp.job_stimulus_months_used
    if active:
        return (f"Jobbstimulans tillämpas: {months} sammanhängande månader med försörjningsstöd "
                f"(krävs minst {required}) och regeln har använts i {used} av högst {maximum} "
                "månader.")
    if months < required:
        return (f"Jobbstimulans tillämpas inte: hushållet har haft försörjningsstöd i {months} "
                f"sammanhängande månader (krävs minst {required}).")
    return (f"Jobbstimulans tillämpas inte: regeln har redan använts i {used} månader "
            f"(högst {maximum}).")


def status_sv(status: str) -> str:
    return STATUS_SV.get(status, status)
