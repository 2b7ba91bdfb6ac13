"""The calculation (calculation-rules.md sections 1-6).

    behov            = riksnorm(hushåll) + skäliga kostnader
    forsorjningsstod = max(0, behov - beräknade inkomster)
    overskott        = max(0, beräknade inkomster - behov)

Every line item is rounded (half up) where it is computed and becomes one row; the totals are
sums of the rows. Amounts come from the parameter files only.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from .errors import InputError
from .models import CalculationInput, CalculationResult, parse_input
from .params import STATUS_SV, Param, YearParameters, load_parameters, load_rules

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


@cache
def _month_context(year: int, month: int) -> dict[str, Any]:
    """Legal references valid in the calculation month (old SoL before 2025-07-01)."""
    rules = load_rules()
    start = dt.date(year, month, 1)
    switch = rules.new_law_from
    last_old_day = (switch - dt.timedelta(days=1)).isoformat()
    lagrum = {}
    for topic, lr in rules.lagrum.items():
        if start >= switch or lr.old is None:
            lagrum[topic] = lr.new
        else:
            lagrum[topic] = f"{lr.old} (gällde t.o.m. {last_old_day}; motsvaras nu av {lr.new})"
    law = "SoL (2025:400)" if start >= switch else "SoL (2001:453)"
    return {"lagrum": lagrum, "law": law, "start": start}


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
    """Compute a household's monthly försörjningsstöd. Raises InputError on bad input."""
    if not isinstance(inp, CalculationInput):
        inp = parse_input(inp)
    year = inp.year
    yp = load_parameters(year)
    rules = load_rules()
    ctx = _month_context(year, inp.month)
    c = _Calc(ctx["lagrum"], year)
    hh = inp.household
    n_adults = len(hh.adults)
    n_children = len(hh.children)

    # --- riksnorm: personal costs -----------------------------------------------------
    if n_adults == 2:
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

    # --- riksnorm: gemensamma hushållskostnader -----------------------------------------
    size = n_adults + n_children
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
    else:
        amount, params, how = _common_amount(yp, size)
        noun = "person" if size == 1 else "personer"
        c.param_row("riksnorm", f"Gemensamma hushållskostnader, {size} {noun}", amount,
                    "riksnorm_over_7" if size > 7 else "riksnorm", params, berakning=how)

    # --- skäliga kostnader ----------------------------------------------------------------
    costs = inp.costs
    cap = inp.housing_cap
    for key, label in rules.cost_types.items():
        amount = getattr(costs, key)
        if not amount:
            continue
        if key == "housing" and cap is not None and amount > cap.amount:
            c.input_row("kostnad", f"{label}, begränsat till skälig boendekostnad",
                        cap.amount, "skaliga_kostnader",
                        kalla="Kommunens skäliga boendekostnad (housing_cap i indata)",
                        berakning=f"faktisk kostnad {kr(amount)}, skälig nivå {kr(cap.amount)}")
        else:
            c.input_row("kostnad", label, amount, "skaliga_kostnader")

    # --- inkomster -------------------------------------------------------------------------
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
        who = _member_label(inc.member)
        label = f"{it.label} ({who})"
        amount = inc.amount
        is_child = inc.member.startswith("child:")
        if not it.counted:
            c.input_row("inkomst", label, amount, it.topic, raknas=False, orsak=it.reason,
                        medlem=inc.member, kalla=it.source, status="official")
            continue
        if inc.type == "salary" and is_child:
            pbb = yp.prisbasbelopp
            if pbb.value is None:
                raise _unknown(f"incomes[{j}].amount", amount, "Prisbasbeloppet", pbb, year)
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

    # --- totals ------------------------------------------------------------------------------
    riksnorm = skaliga = counted_sum = not_counted_sum = 0
    for r in c.rows:
        kategori = r["kategori"]
        if kategori == "riksnorm":
            riksnorm += r["belopp"]
        elif kategori == "kostnad":
            skaliga += r["belopp"]
        elif r["raknas"]:
            counted_sum += r["belopp"]
        else:
            not_counted_sum += r["belopp"]
    behov = riksnorm + skaliga

    warnings = [w for w in map(_warning, c.used.values()) if w]
    for j, inc in enumerate(inp.incomes):
        lr = rules.lagrum[rules.income_types[inc.type].topic]
        if lr.old is None and lr.from_ is not None and ctx["start"] < lr.from_:
            warnings.append(
                f"incomes[{j}]: {lr.new} gäller från {lr.from_.isoformat()}, alltså inte hela "
                f"{year}-{inp.month:02d}; pröva den tidigare delen av månaden särskilt.")

    # one validation of the whole result in pydantic-core (faster than constructing each row)
    return CalculationResult.model_validate({
        "year": year, "month": inp.month, "tillamplig_lag": ctx["law"],
        "lagrum": ctx["lagrum"]["forsorjningsstod"],
        "antal_vuxna": n_adults, "antal_barn": n_children,
        "hushall_storlek": shared if shared is not None else size,
        "riksnorm": riksnorm, "skaliga_kostnader": skaliga, "behov": behov,
        "inkomster_beraknade": counted_sum, "inkomster_ej_beraknade": not_counted_sum,
        "forsorjningsstod": max(0, behov - counted_sum),
        "overskott": max(0, counted_sum - behov),
        "rader": c.rows, "varningar": warnings, "noteringar": notes,
        "parametrar": [_trace(p) for p in c.used.values()],
    })


@cache
def _trace(p: Param) -> dict[str, Any]:
    return {"namn": p.name, "varde": p.value, "kalla": p.source, "status": p.status,
            "anmarkning": p.note}


@cache
def _warning(p: Param) -> str | None:
    if p.status == "unverified":
        return (f"{_describe(p)}: {kr(p.value)} har status ej verifierad ({p.source})."  # type: ignore[arg-type]
                + (f" {p.note}." if p.note else ""))
    if p.status == "municipal":
        return (f"{_describe(p)}: {kr(p.value)} kommer från en kommuns publicerade tabell, "  # type: ignore[arg-type]
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


_DESCRIBE = {
    "riksnorm.barn": "Riksnormen för barn {b} år",
    "riksnorm.barn_lunch_forskola": "Riksnormen för barn {b} år med lunch på förskola",
    "riksnorm.ensamstaende": "Riksnormen för ensamstående",
    "riksnorm.sambor": "Riksnormen för sambor",
    "gemensamma_hushallskostnader": "Gemensamma hushållskostnader för {b} personer",
    "tillagg_per_medlem_over_7": "Tillägg per person utöver sju",
    "prisbasbelopp": "Prisbasbeloppet",
}


def _describe(p: Param) -> str:
    parts = p.name.split(".")
    for prefix, template in _DESCRIBE.items():
        n = prefix.count(".") + 1
        if ".".join(parts[:n]) == prefix:
            year = parts[n]
            bracket = parts[n + 1] if len(parts) > n + 1 else ""
            return template.format(b=bracket) + f" {year}"
    return p.name


def status_sv(status: str) -> str:
    return STATUS_SV.get(status, status)
