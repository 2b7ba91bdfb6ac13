"""Swedish texts and payloads for what-if comparisons and "lönar det sig att jobba?". No Rasa
import: the numbers come from calculator.compare, the sentences are made here."""

from __future__ import annotations

from typing import Any

from actions.formatting import kr, month_name

LETTERS = ("A", "B", "C")
NO_CHANGE_READ = ('Jag kunde inte läsa ut någon ändring ur det. Skriv till exempel "vad händer om '
                  'hon får lön 9 000", "jämför med hyra 6 900", "om sonen flyttar ut" eller '
                  '"samma hushåll i april 2026".')
NO_SALARY = ('Vilken lön efter skatt gäller jobbet? Skriv till exempel "lönar det sig att jobba '
             'för 9 000" eller "lönar det sig om hon jobbar 80 timmar i månaden för 120 kr i '
             'timmen".')


def signed(amount: int) -> str:
    return ("+" if amount > 0 else "") + kr(amount) if amount else "±0 kr"


def _money_line(s: dict[str, Any]) -> str:
    r = s["result"]
    incomes = r["inkomster_beraknade"] + r["inkomster_ej_beraknade"]
    return (f"försörjningsstöd {kr(r['forsorjningsstod'])}; hushållets pengar "
            f"{kr(s['hushallets_pengar'])} (inkomster {kr(incomes)} + stöd "
            f"{kr(r['forsorjningsstod'])})")


def job_text(job: dict[str, Any]) -> str:
    """Whether jobbstimulans applies, and for how many months (or from when)."""
    pct, law = job["andel_procent"], job["lagrum"]
    if job["gäller"]:
        return (f"Jobbstimulans gäller: {pct} % av lönen räknas inte ({law}); hushållet har haft "
                f"stöd i {job['manader_med_stod']} månader i följd, regeln är använd i "
                f"{job['anvanda_manader']} av högst {job['max_manader']} månader, alltså "
                f"{job['manader_kvar']} månader kvar.")
    if job["manader_med_stod"] < job["kravs_manader"]:
        return (f"Jobbstimulans gäller inte än ({law}): hushållet har haft stöd i "
                f"{job['manader_med_stod']} månader i följd, det krävs {job['kravs_manader']}. "
                f"Efter {job['manader_kvar_till_start']} månader till med stöd räknas {pct} % "
                f"av lönen inte, i högst {job['max_manader']} månader.")
    return (f"Jobbstimulans gäller inte längre ({law}): regeln är redan använd i "
            f"{job['anvanda_manader']} av högst {job['max_manader']} månader.")


def scenarios_text(scenarios: list[dict[str, Any]], rows: list[dict[str, Any]],
                   notes: list[str]) -> str:
    """A and the scenarios side by side: the amounts, the difference, every differing line with
    its legal basis, and jobbstimulans when a scenario has a salary."""
    a = scenarios[0]
    lines = [f"Jämförelse ({', '.join(s['namn'] for s in scenarios)}):"]
    for s in scenarios:
        r = s["result"]
        lines.append(f"{s['namn']} – {s['beskrivning']}, {month_name(r['year'], r['month'])}: "
                     f"{_money_line(s)}.")
    for s in scenarios[1:]:
        lines.append(f"Skillnad {s['namn']} mot A: försörjningsstöd "
                     f"{signed(s['skillnad']['forsorjningsstod'])}, hushållets pengar "
                     f"{signed(s['skillnad']['hushallets_pengar'])}.")
    if rows:
        lines.append("Rader som skiljer:")
        for row in rows:
            cells = []
            for s, amount, counted in zip(scenarios, row["belopp"], row["raknas"], strict=True):
                text = "–" if amount is None else kr(amount)
                if counted is False:
                    text += " (räknas inte)"
                cells.append(f"{s['namn']} {text}")
            lines.append(f"- {row['text']}: {', '.join(cells)}. Lagrum: {row['lagrum']}.")
    else:
        lines.append("Inga rader skiljer.")
    for s in scenarios:
        if s["jobbstimulans"]["har_lon"] and (s is not a or len(scenarios) == 1):
            lines.append(f"{s['namn']}: {job_text(s['jobbstimulans'])}")
    lines += notes
    keep = " eller ".join(f'"behåll {s["namn"]}"' for s in scenarios[1:])
    lines.append(f"Skriv {keep} för att räkna vidare med det, eller en ny fråga som "
                 '"vad händer om …" (högst tre scenarier).')
    return "\n".join(lines)


def work_text(table: list[dict[str, Any]], job: dict[str, Any], notes: list[str]) -> str:
    lines = ["Lönar det sig att jobba? Hushållets pengar per månad:"]
    for row in table:
        extra = "" if row["mer_an_utan_jobb"] is None else \
            f" ({signed(row['mer_an_utan_jobb'])} mot utan jobb)"
        lines.append(f"- {row['fall']}: lön {kr(row['lon'])}, andra inkomster "
                     f"{kr(row['andra_inkomster'])}, försörjningsstöd "
                     f"{kr(row['forsorjningsstod'])}, totalt {kr(row['totalt'])}{extra}.")
    lines.append(job_text(job))
    lines += notes
    return "\n".join(lines)
