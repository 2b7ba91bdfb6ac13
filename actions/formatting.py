"""Swedish texts for the caseworker: fact summaries, results, cited answers. No Rasa import."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from calculator.engine import status_sv
from intake import Facts, calculation_month
from intake.limits import income_label
from knowledge.lawfirst import answer_order

MONTH_NAMES = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
               "september", "oktober", "november", "december")
MEMBER_NAMES = {"applicant": "sökande", "partner": "make/maka/sambo"}
COST_ORDER = ("housing", "electricity", "work_travel", "home_insurance", "union_fee",
              "unemployment_fund")
COST_NAMES = {  # short names for the summary; the calculator's labels go into the result rows
    "housing": "boende (hyra/avgift)", "electricity": "hushållsel", "work_travel": "arbetsresor",
    "home_insurance": "hemförsäkring", "union_fee": "fackavgift",
    "unemployment_fund": "avgift till a-kassan",
}
NUMBER_WORDS = ("noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio")


def kr(amount: int) -> str:
    """12 610 → "12 610 kr" (space as thousands separator, as in the calculator)."""
    return f"{amount:,}".replace(",", " ").replace("-", "−") + " kr"


def month_name(year: int, month: int) -> str:
    return f"{MONTH_NAMES[month - 1]} {year}"


def _count(n: int, one: str, many: str) -> str:
    word = NUMBER_WORDS[n] if n < len(NUMBER_WORDS) else str(n)
    return f"{word} {one if n == 1 else many}"


def _member(member: str, f: Facts | None = None) -> str:
    if member.startswith("child:") and f is not None and f.children:
        index = int(member.split(":")[1])
        if index < len(f.children):
            c = f.children[index]
            who = c.sex or "barnet"
            return f"{who} {c.age} år" if c.age is not None else who
    return MEMBER_NAMES.get(member, member)


def _income_text(i: Any, f: Facts) -> str:
    text = f"{income_label(i.type).lower()} {kr(i.amount)} ({_member(i.member, f)}"
    if i.earned_earlier_this_year is not None:
        text += f", tidigare i år {kr(i.earned_earlier_this_year)}"
    return text + ")"


def _child_text(c: Any) -> str:
    text = f"{c.age} år" if c.age is not None else "ålder ej angiven"
    if c.sex:
        text = f"{c.sex} {text}"
    if c.part_time:
        text += f", {c.days} dagar/mån" if c.days else ", del av månaden (dagar ej angivna)"
    if c.lunch_at_preschool:
        text += ", lunch på förskola"
    if c.in_school:
        text += ", går i skolan"
    return text


def household_text(f: Facts) -> str:
    if f.adults is None and f.told_anything_but_adults():
        adults = "ensamstående (ingen make/maka/sambo nämnd)"
    elif f.adults is None:
        adults = "vuxna ej angivna"
    elif f.adults == 1:
        adults = "ensamstående"
    else:
        adults = "sambor/makar"
    if f.children is None and f.told_anything_but_adults():
        children = "inga barn (inga nämnda)"
    elif f.children is None:
        children = "barn ej angivna"
    elif not f.children:
        children = "inga barn"
    else:
        children = (_count(len(f.children), "barn", "barn") + " ("
                    + "; ".join(_child_text(c) for c in f.children) + ")")
    text = f"{adults}, {children}"
    if f.shared_household_members:
        text += f", hushållsgemenskap med {f.shared_household_members} personer"
    return text


def summary_lines(f: Facts, today: dt.date) -> list[str]:
    """The facts, with what is assumed to be none, as short lines."""
    year, month = calculation_month(f, today)
    lines = [f"Månad: {month_name(year, month)}"
             + ("" if f.month else " (innevarande månad)")]
    lines.append(f"Hushåll: {household_text(f)}")
    named = [f"{COST_NAMES[k]} {kr(f.costs[k])}" for k in COST_ORDER if f.costs.get(k)]
    lines.append("Kostnader: " + (", ".join(named) if named else "inga angivna"))
    zero = [COST_NAMES[k] for k in COST_ORDER if not f.costs.get(k)]
    if zero:
        lines.append("Räknas som 0 kr (ej nämnt eller inget): " + ", ".join(zero))
    if f.housing_cap is not None:
        lines.append(f"Skälig boendekostnad (tak): {kr(f.housing_cap)}")
    if f.incomes:
        lines.append("Inkomster: " + ", ".join(_income_text(i, f) for i in f.incomes))
        lines.append("Andra inkomster: inga (ej nämnda)")
    else:
        lines.append("Inkomster: inga" + ("" if f.no_incomes else " (ej nämnda)"))
    if f.has_salary():
        lines.append(f"Månader i följd med försörjningsstöd: {f.consecutive_months_with_support}")
        lines.append("Månader med jobbstimulans hittills: "
                     + (str(f.job_stimulus_months_used) if f.job_stimulus_months_used is not None
                        else "0 (ej nämnt)"))
    young = [c for c in f.children or [] if c.age is not None and c.age <= 6
             and c.lunch_at_preschool is None]
    if young:
        lines.append("Barn 0–6 år antas äta alla måltider hemma (ingen lunch på förskola).")
    if (f.adults or 0) and f.applicant_age is None:
        lines.append("Vuxnas ålder: ej angiven (påverkar inte normbeloppet för vuxna).")
    for note in [*f.notes, f.size_mismatch()]:
        if note:
            lines.append(f"Obs: {note}")
    if f.unread:
        lines.append("Inte tolkat (räknas inte med – skriv om det om det behövs): "
                     + "; ".join(f"”{q}”" for q in f.unread))
    return lines


def changes_text(before: list[str], after: list[str], old_amount: int | None,
                 result: dict[str, Any]) -> str | None:
    """What a correction changed, line by line, and by how much the amount moved."""
    gone = [line for line in before if line not in after and not line.startswith("Inte tolkat")]
    came = [line for line in after if line not in before and not line.startswith("Inte tolkat")]
    if old_amount is None or (not gone and not came):
        return None
    lines = ["Ändrat:"]
    lines += [f"- före: {line}" for line in gone]
    lines += [f"- nu: {line}" for line in came]
    new_amount = result["forsorjningsstod"]
    diff = new_amount - old_amount
    sign = "+" if diff > 0 else ""
    lines.append(f"Försörjningsstödet ändras från {kr(old_amount)} till {kr(new_amount)} "
                 f"({sign}{kr(diff) if diff else '0 kr'}).")
    return "\n".join(lines)


def facts_payload(f: Facts, today: dt.date) -> dict[str, Any]:
    """The side panel's view of the facts: Swedish labels → values, plus the raw facts."""
    year, month = calculation_month(f, today)
    return {
        "månad": month_name(year, month),
        "hushåll": household_text(f),
        "kostnader": {COST_NAMES[k]: f.costs.get(k, 0) for k in COST_ORDER},
        "inkomster": [{"typ": income_label(i.type), "belopp": i.amount,
                       "person": _member(i.member, f)} for i in f.incomes],
        "inte_tolkat": list(f.unread),
        "skälig_boendekostnad": f.housing_cap,
        "månader_med_stöd": f.consecutive_months_with_support,
        "rå": f.to_slot(),
    }


def result_text(result: dict[str, Any]) -> str:
    """The amount (or the surplus), the main lines and what can be asked next."""
    when = month_name(result["year"], result["month"])
    if result["forsorjningsstod"] > 0:
        head = f"Försörjningsstöd för {when}: {kr(result['forsorjningsstod'])}."
    elif result["overskott"] > 0:
        head = (f"Inget försörjningsstöd för {when}: inkomsterna överstiger behovet med "
                f"{kr(result['overskott'])}.")
    else:
        head = f"Försörjningsstöd för {when}: 0 kr (inkomsterna täcker precis behovet)."
    lines = [
        head,
        f"Riksnorm {kr(result['riksnorm'])} + skäliga kostnader "
        f"{kr(result['skaliga_kostnader'])} = behov {kr(result['behov'])}.",
        f"Inkomster som räknas: {kr(result['inkomster_beraknade'])}"
        + (f" (räknas inte: {kr(result['inkomster_ej_beraknade'])})"
           if result["inkomster_ej_beraknade"] else "") + ".",
        f"Lagrum: {result['lagrum']}.",
    ]
    for warning in result.get("varningar", []):
        lines.append(f"Obs! {warning}")
    lines.append('Skriv "visa alla rader" för varje rad med lagrum, "Varför?" för en förklaring '
                 'i klartext, eller rätta en uppgift (t.ex. "hyran är 6 900").')
    return "\n".join(lines)


def rows_text(result: dict[str, Any]) -> str:
    lines = [f"Alla rader, {month_name(result['year'], result['month'])}:"]
    for row in result["rader"]:
        counted = "" if row.get("raknas") in (None, True) else " (räknas inte)"
        lines.append(f"- {row['text']}: {kr(row['belopp'])}{counted}. Lagrum: {row['lagrum']}. "
                     f"Källa: {row['kalla']} ({status_sv(row['status'])}).")
    return "\n".join(lines)


def journal_text(facts_lines: list[str], result: dict[str, Any]) -> str:
    """Plain text for the case journal: facts, result and legal basis."""
    return "\n".join([
        f"Beräkning av försörjningsstöd, {month_name(result['year'], result['month'])}",
        *facts_lines,
        f"Riksnorm: {kr(result['riksnorm'])}",
        f"Skäliga kostnader: {kr(result['skaliga_kostnader'])}",
        f"Inkomster som räknas: {kr(result['inkomster_beraknade'])}",
        f"Försörjningsstöd: {kr(result['forsorjningsstod'])}",
        f"Överskott: {kr(result['overskott'])}",
        f"Lagrum: {result['lagrum']}",
    ])


def hit_heading(hit: dict[str, Any]) -> str:
    """The heading path to read aloud: without the upper-case chapter headings of SOSFS 2003:5
    ("FÖRSÖRJNINGSSTÖD SKÄLIGA KOSTNADER ..."), which the section names make redundant."""
    path = [h for h in hit.get("heading_path") or [] if not h.isupper()]
    return " › ".join(path) or hit.get("section") or ""


# Currency statuses (knowledge/currency.py) that a pointer to a section names as well.
_FLAGGED_STATUSES = ("ändrat", "borttaget")


def _related(hit: dict[str, Any]) -> str:
    where = hit["document"] + (f", s. {hit['page']}" if hit.get("page") else "")
    currency = hit.get("currency") or {}
    if currency.get("status") in _FLAGGED_STATUSES:
        where += f"; {_lower_first(currency['label'])}"
    return f"{hit_heading(hit)} ({where})"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def removed_warning(hit: dict[str, Any]) -> str:
    """Said before the quote of a removed (`borttaget`) section: it is history, not advice."""
    return (f"Obs! Avsnittet ”{hit.get('section')}” i {hit['document']} är borttaget ur de "
            "allmänna råden och är inte gällande råd. Texten visas bara som historik:")


def _quoted(text: str) -> str:
    """A passage in quotation marks, its paragraphs on lines of their own: no blank line, since
    Rasa splits a message at a blank line (the custom payload would follow the last part)."""
    return "”" + re.sub(r"\n\s*\n", "\n", text.strip()) + "”"


def quote_lines(hit: dict[str, Any]) -> list[str]:
    """The quote of a hit, its currency line under it (SOSFS 2003:5 against SOSFS 2013:1),
    and its source. A removed section is announced as history before its text."""
    currency = hit.get("currency")
    lines = []
    if currency and currency.get("status") == "borttaget":
        lines.append(removed_warning(hit))
    lines.append(_quoted(hit.get("highlight") or hit.get("text") or ""))
    if currency:
        lines.append(currency["line"])
    lines.append(_source_line(hit))
    return lines


NO_ANSWER = ("Jag hittar inget säkert svar på det i riktlinjerna, så jag vill inte gissa. "
             "Formulera gärna om frågan med ett sakord ur regelverket, till exempel "
             '"Ingår hemförsäkring i försörjningsstödet?" eller "Vad menas med skäligt rådrum?".')


def _source_line(hit: dict[str, Any]) -> str:
    citation, status = hit["citation"], hit["document_status"]
    # The knowledge base's citation usually names the status already; say it once.
    return f"Källa: {citation}." if status in citation else f"Källa: {citation} (status: {status})."


def _why_not_answered(search: dict[str, Any]) -> list[str]:
    """What the knowledge base knows it lacks: a section missing from a source, a subject
    (another law, authority or municipality) that its documents do not cover, or the year."""
    lines = []
    missing = [g["missing_section"] for g in search.get("gaps") or []]
    if missing:
        names = " och ".join(f"”{m}”" for m in dict.fromkeys(missing))
        lines.append(f"Frågan gäller {names}, som saknas i källtexten "
                     f"({search['gaps'][0]['document']}).")
    outside = list(dict.fromkeys(search.get("outside_scope") or []))
    if outside:
        lines.append(f"Frågan gäller {', '.join(outside)}, som kunskapsbasens dokument "
                     "inte handlar om.")
    years = search.get("other_year")
    if years:
        lines.append(f"Frågan gäller {' och '.join(years['asked'])}, men avsnittet som passar "
                     f"bäst gäller {' och '.join(years['passage'])}.")
    return lines


def answer_text(search: dict[str, Any], max_related: int = 2) -> str:
    """A cited answer from a knowledge search, or a clear "no answer" that names the nearest
    sections to read (they are not quoted as an answer)."""
    hits = search.get("hits") or []
    if not search.get("answered") or not hits:
        lines = [*_why_not_answered(search), NO_ANSWER]
        if hits:
            nearest = "; ".join(_related(h) for h in hits[:max_related])
            lines.append(f"Närmaste avsnitt att läsa själv: {nearest}.")
        return "\n".join(lines)
    if search.get("law_first"):
        return _law_first_text(search, max_related)
    if search.get("topics"):
        return _topics_text(search)
    top = hits[0]
    lines = quote_lines(top)
    related = hits[1:1 + max_related]
    if related:
        lines.append("Relaterade avsnitt: " + "; ".join(_related(h) for h in related) + ".")
    return "\n".join(lines)


def _topics_text(search: dict[str, Any]) -> str:
    """A question about several things: the best passage for each, under the words of the
    question it answers (knowledge.search: `topics`)."""
    lines = [f"Frågan gäller {len(search['topics'])} saker; här är det bästa avsnittet för var "
             "och en."]
    for topic in search["topics"]:
        lines.append(f"Om ”{topic['issue'].rstrip('?. ')}”:")
        lines += quote_lines(topic["hits"][0])
    return "\n".join(lines)


def _law_first_text(search: dict[str, Any], max_related: int) -> str:
    """The statute paragraph that settles the question first, then the advice on the same
    topic with its currency note; a removed advice section is named, not quoted."""
    lead = search["law_first"]
    ordered = answer_order(search)
    statute = ordered[0]
    # the whole paragraph: its list of items is the answer ("Vad ingår i riksnormen?")
    lines = [_quoted(statute.get("text") or statute.get("highlight") or ""),
             _source_line(statute)]
    taken = 1
    if lead.get("advice") is not None:
        advice = ordered[1]
        taken = 2
        currency = advice.get("currency") or {}
        if currency.get("status") == "borttaget":
            where = advice["document"] + (f", s. {advice['page']}" if advice.get("page") else "")
            lines.append(f"Allmänna råd: avsnittet ”{advice.get('section')}” ({where}) citeras "
                         f"inte, eftersom det är {_lower_first(currency['label'])}.")
        else:
            lines.append(f"Allmänna råd om samma sak ({advice['document']}):")
            lines += quote_lines(advice)
    related = ordered[taken:taken + max_related]
    if related:
        lines.append("Relaterade avsnitt: " + "; ".join(_related(h) for h in related) + ".")
    return "\n".join(lines)


def riksnorm_text(year: int, params: Any) -> str:
    """Onboarding: the year's riksnorm amounts for adults, with their source and status."""
    single, couple, common1 = params.single, params.couple, params.common_by_size[1]
    parts = [f"Riksnormen {year} för personliga kostnader: ensamstående {kr(single.value)}"]
    if couple.value is not None:
        parts.append(f"sambor tillsammans {kr(couple.value)}")
    text = ", ".join(parts)
    if common1.value is not None:
        text += (f"; gemensamma hushållskostnader för en person {kr(common1.value)}")
    return (text + f". Källa: {single.source} ({status_sv(single.status)}). "
            "Barnens belopp beror på åldern; skriv \"ny beräkning\" för att räkna på ett hushåll.")

