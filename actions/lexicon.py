"""The words the facts parser knows, by concept. Data, not logic: see actions/facts.py.

A phrase is one or more words. Each word matches itself or itself plus a Swedish inflection
suffix (``hyra`` → ``hyran``, ``barnbidrag`` → ``barnbidraget``), see ``SUFFIXES``.
Longer phrases win over shorter ones ("avgift till a-kassan" over "avgift").
"""

from __future__ import annotations

SUFFIXES = ("", "n", "en", "et", "t", "ar", "er", "or", "na", "arna", "erna", "orna", "s",
            "ens", "ets")

# Costs of the input contract (calculation-rules.md section 4).
COSTS: dict[str, tuple[str, ...]] = {
    "housing": ("hyra", "hyreskostnad", "boendekostnad", "bostadskostnad", "boende",
                "månadsavgift", "avgift", "bostadsrättsavgift", "hyresavgift"),
    "electricity": ("el", "elkostnad", "hushållsel", "elräkning", "ström", "elavgift"),
    "work_travel": ("arbetsresor", "arbetsresa", "resekostnad", "busskort", "månadskort",
                    "sl-kort", "resor till jobbet", "resor till arbetet", "resor"),
    "home_insurance": ("hemförsäkring", "försäkring"),
    "union_fee": ("fackavgift", "facket", "fackföreningsavgift", "avgift till facket"),
    "unemployment_fund": ("a-kasseavgift", "avgift till a-kassa", "a-kassa avgift",
                          "a-kasseavgiften", "avgift till a-kassan"),
}

# Income types of the input contract (calculation-rules.md section 5).
INCOMES: dict[str, tuple[str, ...]] = {
    "salary": ("lön", "nettolön", "arbetsinkomst", "tjänar", "inkomst av arbete",
               "inkomst från arbete"),
    "self_employment": ("egen firma", "näringsverksamhet", "eget företag"),
    "unemployment_benefit": ("a-kassa", "a-kasseersättning", "arbetslöshetsersättning",
                             "aktivitetsstöd", "ersättning från a-kassa", "alfa-kassa",
                             "alfakassa"),
    "sickness_benefit": ("sjukpenning", "sjuklön"),
    "sickness_compensation": ("sjukersättning", "aktivitetsersättning"),
    "parental_benefit": ("föräldrapenning", "föräldrapeng", "föräldraersättning"),
    "pension": ("pension", "ålderspension", "garantipension"),
    "child_allowance": ("barnbidrag", "flerbarnstillägg"),
    "study_grant": ("studiebidrag",),
    "student_aid": ("studiemedel", "csn"),
    "housing_allowance": ("bostadsbidrag", "bostadstillägg"),
    "maintenance_support": ("underhållsstöd", "underhållsbidrag"),
    "tax_refund": ("skatteåterbäring", "skatteåterbetalning"),
    "other": ("övrig inkomst", "annan inkomst", "övriga inkomster"),
    "disability_compensation": ("handikappersättning", "merkostnadsersättning"),
    "study_extra_supplement": ("extra tillägg", "extratillägg"),
    "leisure_card": ("fritidskort",),
    "expense_compensation": ("omkostnadsersättning", "omkostnadsdel"),
    "purpose_grant": ("stipendium", "fondmedel"),
    "loss_compensation": ("skadestånd",),
}

# Every other concept: name → phrases.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "cap": ("skälig hyra", "skälig boendekostnad", "skäliga boendekostnad", "hyrestak",
            "takbelopp", "hyresnorm", "högsta godtagbara hyra", "tak för hyra",
            "tak för boende", "tak för boendekostnad"),
    "single": ("ensamstående", "ensam", "singel", "bor ensam", "en vuxen"),
    "adult_word": ("vuxna", "vuxen"),
    "couple": ("sambor", "sambo", "gift", "gifta", "makar", "sammanboende", "gift par", "paret",
               "mamma och pappa", "pappa och mamma", "båda föräldrarna", "föräldrarna"),
    "partner": ("sambon", "partner", "partnern", "maken", "makan", "mannen", "frun",
                "hustrun", "hennes man", "hans fru", "medsökande", "medsökanden"),
    "applicant": ("sökande", "sökanden", "mamma", "mamman", "pappa", "pappan", "kvinna",
                  "kvinnan", "hon", "han", "klienten", "den sökande"),
    "child": ("barn", "son", "sonen", "söner", "dotter", "dottern", "döttrar", "bebis",
              "spädbarn", "tonåring", "barnet", "barnen"),
    "no_child": ("inga barn", "utan barn", "barnlös", "har inga barn", "inget barn",
                 "inga hemmavarande barn"),
    "alternate_week": ("varannan vecka", "växelvis varannan vecka", "halva tiden",
                       "halva månaden"),
    "day_unit": ("dagar", "dygn", "dag"),
    "full_time": ("heltid", "hela tiden", "hela månaden", "på heltid"),
    "part_time": ("varannan helg", "umgänge", "umgängesbarn", "delvis", "växelvis",
                  "del av tiden", "del av månaden", "deltid", "växelvis boende"),
    "lunch": ("förskola", "förskolan", "dagis", "lunch på förskolan", "äter lunch",
              "lunch i förskolan", "förskolelunch"),
    "in_school": ("gymnasiet", "gymnasium", "går i skolan", "i skolan", "studerar",
                  "skolan", "går i gymnasiet"),
    "year_unit": ("år", "års", "årig", "åriga", "år gammal", "år gamla"),
    "month_unit": ("månad", "månader", "mån"),
    "support": ("försörjningsstöd", "bistånd", "ekonomiskt bistånd", "stöd", "i följd",
                "i rad", "sammanhängande"),
    "new_application": ("nyansökan", "ny sökande", "första ansökan", "nybesök"),
    "job_stimulus": ("jobbstimulans", "särskild beräkningsregel",
                     "särskilda beräkningsregeln"),
    "shared_household": ("hushållsgemenskap", "bor hos föräldrarna", "bor hos sina föräldrar",
                         "bor hos mamma", "bor hos pappa"),
    "persons": ("personer", "medlemmar", "person"),
    "negation": ("ingen", "inga", "inget", "utan", "saknar", "inte", "ej"),
    "no_income": ("inga inkomster", "ingen inkomst", "saknar inkomst", "utan inkomst",
                  "inkomstlös", "har inga inkomster", "inga andra inkomster"),
}

MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}

# Words allowed between a cost/income word and its amount ("hyran är ungefär 7 200 kr").
FILLERS_BEFORE_AMOUNT = frozenset({
    "är", "var", "blir", "ligger", "på", "om", "kostar", "cirka", "ca", "ungefär", "runt",
    "har", "får", "med", "totalt", "sammanlagt", "netto", "efter", "skatt", "per", "i",
    "betalar", "ut", "kr", "nu", "numera", "bara", "också", "även", "de", "hans", "hennes",
    "sin", "sitt", "sina", ":", "-", "egentligen", "istället", "i stället", "ändrad", "till",
    "drygt", "knappt", "typ", "landar", "hamnar", "uppgår",
})
# Words allowed between an amount and the word it belongs to ("7 200 kr i hyra").
FILLERS_AFTER_AMOUNT = frozenset({
    "kr", "kronor", "sek", "kr/mån", "i", "för", "på", "från", "av", "till", "per", "mån",
    "månaden", "som", "in", "avser", "/", "-", ":", "netto", "efter", "skatt",
})
LIST_SEPARATORS = frozenset({",", "och", "&", "samt", "+"})
CHILD_AGE_FILLERS = frozenset({"på", "som", "är", "i", "åldern", "åldrarna", ":", "med",
                               "mellan", "har", "född", "de", "(", "ålder"})
