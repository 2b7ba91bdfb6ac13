"""The words the intake knows, by concept. Data, not logic: see ``intake/grammar.py``.

A phrase is one or more words. Each word matches itself or itself plus a Swedish inflection
suffix (``hyra`` → ``hyran``, ``barnbidrag`` → ``barnbidraget``), see ``SUFFIXES``. Longer
phrases win over shorter ones ("avgift till a-kassan" over "avgift"). Abbreviations a
caseworker types during a call ("hemförs", "bb", "sl-kort", "vv") are phrases like any other.
"""

from __future__ import annotations

SUFFIXES = ("", "n", "en", "et", "t", "ar", "er", "or", "na", "arna", "erna", "orna", "s",
            "ens", "ets", "a", "e")

# Costs of the input contract (calculation-rules.md section 4). Keys: calculator cost keys.
COSTS: dict[str, tuple[str, ...]] = {
    "housing": ("hyra", "hyreskostnad", "boendekostnad", "bostadskostnad", "boende",
                "varmhyra", "varmhyran", "avg",
                "månadsavgift", "avgift", "bostadsrättsavgift", "hyresavgift", "brf-avgift",
                "brf avgift", "avgift till brf", "avgiften till föreningen", "hyr",
                "bostadsrättsavg", "boendekostn", "andrahandskontrakt", "andrahandshyra",
                "hyra i andra hand", "förstahandskontrakt", "hyran i andra hand", "till hyran",
                "för boendet", "i hyra", "till boendet", "hyresbelopp", "hyresbeloppet",
                "hyresbeloppen", "hyresandel", "hyresandelen", "andel av hyran",
                "del av hyran", "hyresdel", "br-avg", "brf-avg", "br-avgift"),
    "electricity": ("el", "elkostnad", "hushållsel", "elräkning", "ström", "elavgift",
                    "elavtal", "elförbrukning", "el-andel", "elandel", "andel el"),
    "work_travel": ("arbetsresor", "arbetsresa", "resekostnad", "resekostnader", "busskort",
                    "månadskort", "sl-kort", "sl", "resor till jobbet", "resor till arbetet",
                    "resor", "pendelkort", "periodkort", "västtrafikkort", "reskort",
                    "arbresor", "resa till jobbet", "bussresor", "tågkort", "buss-kort",
                    "bensin till jobbet", "bensin", "bilresor till jobbet",
                    "resor till och från jobbet", "resor jobbet", "resa jobbet",
                    "resor jobb", "resor till jobb", "resor arbetet", "buss", "bussen",
                    "månadskort buss", "busskort buss", "busskort jobb", "buss jobb", "pendel",
                    "pendeltåg", "pendeltågskort", "skånetrafiken-kort", "skånetrafikkort",
                    "bil till jobbet", "bilen till jobbet", "bil till arbetet", "bil till jobb",
                    "jojo-kort", "jojokort", "ul-kort", "östgötakort", "länstrafikkort",
                    "reskassa",
                    "sl-kort jobb", "månadskort jobb", "pendel jobb"),
    "home_insurance": ("hemförsäkring", "försäkring", "hemförs", "hemförsäkr", "hemf", "hf",
                       "hemförsäk"),
    "union_fee": ("fackavgift", "facket", "fackföreningsavgift", "avgift till facket", "fack",
                  "fackavg", "fackföreningen"),
    "unemployment_fund": ("a-kasseavgift", "avgift till a-kassa", "a-kassa avgift",
                          "a-kassaavgift", "a-kasseavg", "akasseavgift", "akassaavgift",
                          "avgift till a-kassan", "a-kasse-avgift", "avgiften till a-kassan",
                          "a-kassa-avgift", "avg a-kassa", "a-kassa avg", "ak-avg", "akavg",
                          "ak-avgift", "ak avg", "a-kasseavg."),
}

# Income types of the input contract (calculation-rules.md section 5). Keys: calculator types.
INCOMES: dict[str, tuple[str, ...]] = {
    "salary": ("lön", "nettolön", "arbetsinkomst", "tjänar", "tjänade", "inkomst av arbete",
               "inkomst av tjänst", "inkomster av tjänst", "tjänsteinkomst", "inkomst från tjänst",
               "inkomst av anställning",
               "inkomst från arbete", "jobbar", "arbetar", "jobb", "extrajobb", "extrajobbar",
               "sommarjobb", "timanställd", "timanställning", "anställd", "lönen",
               "inkomst från jobbet", "lön från jobbet", "löneinkomst", "nettolönen",
               "deltidsjobb", "heltidsjobb", "jobbar deltid", "jobbar heltid", "nystartsjobb",
               "lönebidrag", "tjänstgör", "vikarierar", "vikariat", "jobbat", "arbetat",
               "sommarjobbade", "jobbade", "extrajobbade", "arbetade", "sommarjobbar",
               "timvikarie", "vikarie", "timvikariat", "lönen efter skatt",
               "helgjobb", "helgjobbar", "jobbar extra", "extraknäck", "säsongsjobb",
               "säsongsjobbar", "säsongsarbete", "säsongsanställd", "säsongsanställning",
               "timanställd", "deltidsanställd", "heltidsanställd", "provanställd",
               "projektanställd", "extratjänst", "jobbar timmar", "timmar", "kör buss",
               "kör taxi", "kör lastbil"),
    "self_employment": ("egen firma", "näringsverksamhet", "eget företag", "enskild firma",
                        "egenföretagare", "firman"),
    "unemployment_benefit": ("a-kassa", "a-kasseersättning", "arbetslöshetsersättning",
                             "aktivitetsstöd", "ersättning från a-kassa", "alfa-kassa",
                             "alfakassa", "akassa", "a kassa", "etableringsersättning",
                             "ersättning från af", "a-kasseers", "a-kassan",
                             "utvecklingsersättning", "ak-ers", "akers", "ak-ersättning", "ak",
                             "a-kasseers."),
    "sickness_benefit": ("sjukpenning", "sjuklön", "sjukpeng", "sjukpenningen", "sjukp",
                         "sjukpen", "sp", "sjp", "sjukpeng."),
    "sickness_compensation": ("sjukersättning", "aktivitetsersättning", "sjukers",
                              "sjukersättn", "aktivitetsers", "sjukersättningen", "sjers",
                              "sjukers."),
    "parental_benefit": ("föräldrapenning", "föräldrapeng", "föräldraersättning",
                         "föräldrap", "fp", "föräldrapenningen"),
    "pension": ("pension", "ålderspension", "garantipension", "pensionen", "pensioner",
                "änkepension", "tjänstepension"),
    "child_allowance": ("barnbidrag", "flerbarnstillägg", "bb", "barnbidr",
                        "barnbidrag inkl flerbarnstillägg", "barnbidraget", "flertill",
                        "flerbarnstill", "flerbarnstil", "barnpengar", "barnpengarna",
                        "barnpengen", "barnpeng"),
    "study_grant": ("studiebidrag", "studiebidr"),
    "student_aid": ("studiemedel", "csn", "studielån", "studiemedlet", "studiemedlen"),
    "housing_allowance": ("bostadsbidrag", "bostadstillägg", "bostadsbidr", "bob", "bbidrag",
                          "bostb", "bostbidr", "bost.bidr", "bo-bidrag", "bobidrag"),
    "maintenance_support": ("underhållsstöd", "underhållsbidrag", "uhs", "underhåll",
                            "underhållsst", "ub", "uh", "uhst", "uh-stöd", "underh.stöd"),
    "tax_refund": ("skatteåterbäring", "skatteåterbetalning", "återbäring",
                   "skatteåterbäringen", "skatteåterb"),
    "other": ("övrig inkomst", "annan inkomst", "övriga inkomster", "arvode", "arvodet",
              "arvodesdel", "arvodesdelen"),
    "disability_compensation": ("handikappersättning", "merkostnadsersättning", "mke",
                                "merkostnadsers", "handikappers"),
    "study_extra_supplement": ("extra tillägg", "extratillägg", "extra tillägg från csn",
                               "extratillägg från csn"),
    "leisure_card": ("fritidskort", "fritidskortet"),
    "expense_compensation": ("omkostnadsersättning", "omkostnadsdel", "omkostnadsdelen",
                             "omkostnadsers"),
    "purpose_grant": ("stipendium", "fondmedel", "stipendiet", "stipendier"),
    "loss_compensation": ("skadestånd", "skadeståndet", "från försäkringen",
                          "ersättning från försäkringen", "pengar från försäkringen",
                          "försäkringsersättning", "försäkringsersättningen", "skadeersättning"),
}

# Incomes a child of the household can have: "sonen har extrajobb, lön 3 500" is the son's.
CHILD_INCOME_TYPES = frozenset({"salary", "self_employment", "study_grant", "purpose_grant",
                                "leisure_card", "student_aid"})
# Paid to the parent for a child: the parent's income, whichever child it is for.
PAID_TO_PARENT = frozenset({"child_allowance", "maintenance_support", "housing_allowance"})
# Paid only because there are children: said without any child, the children are asked for.
PAID_FOR_CHILDREN = frozenset({"child_allowance", "maintenance_support"})
# Paid for each child: "studiebidrag 1 250 var" with two children is one for each.
CHILD_BENEFITS = frozenset({"study_grant", "child_allowance", "maintenance_support",
                            "study_extra_supplement", "leisure_card"})
# Genitives that name whose an amount is ("lönen är sonens").
GENITIVE_CHILD = {"sonens": "son", "dotterns": "dotter", "barnets": None, "pojkens": "son",
                  "flickans": "dotter"}
GENITIVE_ADULT = frozenset({"hennes", "hans", "mammans", "pappans", "sökandens", "sambons",
                            "makens", "makans"})

# Costs each adult has: named for two persons in one message, they add up.
PERSONAL_COSTS = frozenset({"union_fee", "unemployment_fund", "work_travel"})

# "a-kassa 150" next to other costs is the fee, "a-kassa 9 800" is the benefit: an amount
# under this many kronor after a bare "a-kassa" is read as the fee (a reading heuristic of
# the intake, not an amount of the calculation; the summary shows which one was read).
AKASSA_FEE_BELOW = 1000

# Every other concept: name → phrases.
CONCEPTS: dict[str, tuple[str, ...]] = {
    "cap": ("kommunens tak", "taket", "hyrestaket för", "skälig hyra", "skälig boendekostnad",
            "skäliga boendekostnad", "hyrestak",
            "takbelopp", "hyresnorm", "högsta godtagbara hyra", "tak för hyra",
            "tak för boende", "tak för boendekostnad", "skälig hyreskostnad", "skäliga hyran",
            "skäliga boendekostnaden", "godtagbar hyra", "skälig nivå", "hyrestaket",
            "boendenorm", "skälig kostnad för boende", "rimlig hyra", "tak på hyran",
            "maxhyra", "max hyra", "godtagbar boendekostnad", "skäliga nivån", "vår nivå",
            "nivån för", "kommunens nivå", "riktnivå", "riktnivån"),
    # "rådrummet har gått ut": said with the cap; no rule reads it, it is one phrase so that
    # the words are quoted together
    "cap_applies": ("rådrummet har gått ut", "rådrum har gått ut", "rådrummet är slut",
                    "rådrummet har löpt ut", "rådrummet är över", "efter rådrummet",
                    "rådrum slut", "rådrummet gått ut", "rådrummet passerat"),
    "single": ("ensamstående", "ensam", "singel", "bor ensam", "en vuxen", "ensamst", "bara hon",
               "bara han", "bara hen", "bara sökande", "bara den sökande", "bara en vuxen",
               "ensamboende", "ensamstående förälder", "ensamståend", "skild", "frånskild",
               "skilda", "änka", "änkling", "änkeman"),
    "adult_word": ("vuxna", "vuxen"),
    "couple": ("morföräldrar", "farföräldrar", "morföräldrarna", "farföräldrarna",
               "sambor", "sambo", "gift", "gifta", "makar", "sammanboende", "gift par",
               "sambopar", "sambopar", "samboende", "äkta par", "äkta makar",
               "paret", "mamma och pappa", "pappa och mamma", "båda föräldrarna",
               "föräldrarna", "par", "registrerade partner", "registrerad partner"),
    "partner": ("sambon", "partner", "partnern", "maken", "makan", "mannen", "frun",
                "hustrun", "hennes man", "hans fru", "medsökande", "medsökanden",
                "hennes sambo", "hans sambo", "hens sambo", "hans hustru", "hennes make",
                "hans maka"),
    "applies_self": ("söker själv", "ansöker själv", "söker för egen del", "egen ansökan",
                     "ansökan gäller", "ansökan för", "söker eget"),
    "applicant": ("sökande", "sökanden", "klienten", "den sökande", "hen", "hon", "han", "sök",
                  "mamma", "mamman", "pappa", "pappan", "kvinna", "kvinnan", "man",
                  "klient", "mor", "far", "modern", "fadern", "sökandens", "änkeman", "änka",
                  "änkling", "pensionären", "mormor", "morfar", "farmor", "farfar",
                  "mormodern", "farmodern"),
    "both": ("båda", "bägge", "båda två", "de båda", "dom båda", "bägge två", "båda vuxna"),
    "child": ("barn", "son", "sonen", "söner", "dotter", "dottern", "döttrar", "bebis",
              "barnbarn", "barnbarnet", "barnbarnen", "tjejer", "killar", "tjejerna",
              "killarna", "flickorna", "pojkarna", "dotterdotter", "dotterson", "sonson",
              "sondotter",
              "spädbarn", "tonåring", "barnet", "barnen", "flicka", "flickan", "pojke",
              "pojken", "bebisen", "ungdom", "ungdomen", "grabben", "tjejen", "killen",
              "tvillingar", "tvillingarna", "ungar", "ungarna", "kid", "kids", "bebbe",
              "flickor", "pojkar", "minsting", "lillkillen", "lilltjejen", "lillkille",
              "lilltjej"),
    # siblings of a grown child who applies: members of the household, not children of it
    "sibling": ("lillebror", "lillasyster", "storebror", "storasyster", "småsyskon", "syskon",
                "bror", "syster", "brodern", "systern"),
    "child_ref": ("yngsta", "yngste", "äldsta", "äldste", "den yngre", "den äldre", "mellersta",
                  "minsta", "lillen", "den lilla", "mellanbarnet", "minstingen"),
    "newborn": ("nyfödd", "nyfödda", "nyfödd bebis", "nyfött"),
    "no_child": ("inga barn", "utan barn", "barnlös", "har inga barn", "inget barn",
                 "inga hemmavarande barn", "barnlösa", "inga barn hemma",
                 "barnen bor inte hemma", "vuxna barnen bor inte hemma", "barnen har flyttat",
                 "barnen är utflyttade",
                 "inga hemmaboende barn", "inga barn boende hemma", "inga minderåriga barn",
                 "inte har några barn", "har inte några barn", "inte några barn",
                 "inga egna barn", "utan några barn", "har inte barn", "inga barn alls",
                 "barnen utflyttade", "barnen är utflyttade", "utflyttade barn",
                 "har inga egna barn", "utan egna barn", "inte har barn", "har aldrig haft barn"),
    "alternate_week": ("varannan vecka", "växelvis varannan vecka", "halva tiden",
                       "hälften av tiden", "halva veckorna", "var annan vecka", "hälften",
                       "halva månaden", "vv", "varannan v", "v/v", "växelvis boende",
                       "bor växelvis", "växelvis"),
    "week_days": ("dagar/v", "dagar/vecka", "dagar i veckan", "dagar per vecka", "dgr/v",
                  "d/v", "dagar/v.", "dagar i veckan", "dag i veckan", "dagar/veckan"),
    "day_unit": ("dagar", "dygn", "dag", "dgr", "nätter", "natt", "d", "dagar/mån",
                 "dygn/mån", "d/mån", "dgr/mån", "dagar/månad", "dygn/månad", "nätter/mån"),
    "full_time": ("hela tiden", "hela månaden", "på heltid", "bor där jämt", "jämt", "heltid",
                  "alla dagar", "hela veckan"),
    "part_time": ("varannan helg", "umgänge", "umgängesbarn", "delvis", "del av tiden",
                  "del av månaden", "på umgänge", "umgås", "ibland", "då och då",
                  "vissa helger", "helgumgänge", "några dagar", "några dygn", "en del",
                  "oregelbundet", "emellanåt", "mest hos mamman", "mest hos pappan",
                  "vissa dagar", "vissa dygn", "en del dagar"),
    # "busskort till jobbet": not the income word "jobbet" (read as a filler before an amount)
    "to_work": ("till jobbet", "till arbetet", "till och från jobbet", "till och från arbetet",
                "på jobbet", "till skolan", "för jobbet", "för arbetet", "från jobbet",
                "till jobb", "för jobb"),
    "each": ("vardera", "styck", "var för sig", "per person", "för var och en",
             "var och en"),
    "each_own": ("var sitt", "varsitt", "var sin", "varsin", "var sina", "varsina"),
    "per_child": ("per barn", "för varje barn", "/barn", "per unge", "för vart barn"),
    "lunch": ("förskola", "förskolan", "dagis", "lunch på förskolan", "äter lunch",
              "lunch i förskolan", "förskolelunch", "lunch", "fsk", "förskolebarn",
              "dagiset"),
    "no_lunch": ("äter hemma", "äter lunch hemma", "ingen lunch", "utan lunch", "äter inte där",
                 "slutat på förskolan", "slutat förskolan", "har slutat på förskolan",
                 "går inte på förskolan längre", "går inte på förskola längre",
                 "inte lunch", "ej lunch", "hemma på dagarna"),
    "in_school": ("gymnasiet", "gymnasium", "går i skolan", "i skolan", "studerar",
                  "skolan", "går i gymnasiet", "gymnasieskola", "gymnasieelev", "gy",
                  "sista året", "pluggar", "studier", "skolar", "går i trean", "gymn",
                  "gymnasiestudier", "går på gymnasiet", "studerande", "skola"),
    "out_of_school": ("slutat skolan", "har slutat skolan", "tagit studenten", "tog studenten",
                      "slutade gymnasiet", "slutade skolan", "går inte i skolan",
                      "slutat gymnasiet", "hoppat av", "hoppade av", "gått ut gymnasiet"),
    "year_unit": ("år", "års", "årig", "åriga", "år gammal", "år gamla", "åå", "åring"),
    "month_unit": ("månad", "månader", "mån", "mån.", "mnd", "mån gammal", "månader gammal",
                   "månader gamla", "veckor"),
    "support": ("försörjningsstöd", "bistånd", "ekonomiskt bistånd", "stöd", "i följd", "i rad",
                "i sträck", "forsörjningsstöd", "försörjningstöd", "försörningsstöd",
                "sammanhängande", "fs", "ek bistånd", "eb", "försörjningsstödet", "fsd", "ekb",
                "ek.bistånd", "ek bist", "fbs", "fbst", "fb-stöd", "fbstöd", "fb"),
    "new_application": ("nyansökan", "ny sökande", "första ansökan", "nybesök", "ny ansökan",
                        "första månaden", "första månad",
                        "nytt ärende", "aldrig haft bistånd", "första gången",
                        "aldrig haft försörjningsstöd"),
    "job_stimulus": ("jobbstimulans", "särskild beräkningsregel", "särskilda beräkningsregeln",
                     "jobbstimulansen", "jobbstim", "jobbstim.", "js"),
    "shared_household": ("hushållsgemenskap", "bor hos föräldrarna", "bor hos sina föräldrar",
                         "bor hos mamma", "bor hos pappa", "bor hemma hos sina föräldrar",
                         "bor hemma hos föräldrarna", "hemma hos sina föräldrar",
                         "hemma hos föräldrarna", "hos sina föräldrar", "hos föräldrarna",
                         "hos mamma och pappa", "i föräldrahemmet", "delar hushåll",
                         "bor hemma hos mamma", "bor hemma hos pappa", "hos sin mamma",
                         "hos sin pappa", "delar bostad", "flyttat hem till sin mamma",
                         "flyttat hem till sin pappa", "flyttat hem till sina föräldrar",
                         "flyttat hem till föräldrarna", "flyttat hem till mamma",
                         "flyttat hem till pappa", "hem till sin mamma", "hem till sin pappa",
                         "hem till sina föräldrar", "delar lägenhet", "delar lägenheten",
                         "delar lgh", "delar boende", "delar på lägenheten",
                         "bor med sina föräldrar",
                         "med sina föräldrar", "med föräldrarna", "bor med föräldrarna",
                         "hos sin mor", "hos sin far", "hos sina föräldrar",
                         "bor med sin mamma", "bor med sin pappa", "hemma hos mamma",
                         "hemma hos pappa", "i föräldrarnas lägenhet", "hos föräldrar",
                         "bor kvar hos", "bor kvar hemma hos", "bor hos mamma och",
                         "bor hos pappa och", "hos mamma o pappa", "hemma hos mamma o pappa",
                         "bor hos sin dotter", "bor hos sin son", "bor hos sin vuxna dotter",
                         "bor hos sin vuxne son", "bor hos sin vuxna son", "bor hos sina barn",
                         "bor hos sin syster", "bor hos sin bror", "bor med sin syster",
                         "bor med sin bror", "bor hemma hos mamma och", "bor hemma hos pappa och"),
    "household_word": ("hushållet", "hushåll", "totalt i hushållet", "i hushållet", "hh",
                       "i lägenheten", "i bostaden", "i hemmet", "boende i lägenheten",
                       "i hh"),
    "persons": ("personer", "medlemmar", "person", "pers", "st"),
    "negation": ("ingen", "inga", "inget", "utan", "saknar", "inte", "ej", "aldrig"),
    "no_income": ("inga inkomster", "ingen inkomst", "saknar inkomst", "utan inkomst",
                  "inkomstlös", "har inga inkomster", "inga andra inkomster",
                  "inga övriga inkomster", "inkomst saknas", "inkomstlösa", "noll inkomst"),
    "earlier_this_year": ("innan i år", "innan i år totalt", "tidigare i år", "hittills i år",
                          "i år hittills", "tidigare under året",
                          "hittills under året", "sedan januari", "under året", "i år",
                          "tidigare i år totalt"),
    "remove": ("ta bort", "ta också bort", "ta även bort", "ta nu bort", "ta då bort",
               "ta bara bort", "stryk också", "stryk även", "stryk", "ska bort", "strunta i",
               "tag bort", "plocka bort",
               "räkna inte med", "räkna bort", "ska inte med", "ta bort raden", "har upphört",
               "upphör", "upphört", "har slutat", "finns inte längre", "gäller inte längre",
               "har dragits in", "är slut", "sagt upp", "har sagt upp", "avslutat",
               "har avslutat", "gått ur", "har gått ur", "inte längre", "glöm", "glöm det",
               "bortse från", "skippa"),
    "no_cap": ("räkna på hela hyran", "hela hyran", "full hyra", "räkna på hela", "utan tak",
               "inget tak", "ingen skälig hyra", "rådrummet gäller", "rådrummet löper"),
    "moves_out": ("följde med", "följer med", "flyttade med", "har flyttat med",
                  "bor kvar utomlands", "bor utomlands", "är kvar utomlands",
                  "bor kvar i hemlandet", "bor i hemlandet",
                  "flyttar ut", "flyttat ut", "har flyttat", "flyttar hemifrån", "separerat",
                  "har separerat", "separerade", "flyttat isär", "har flyttat isär",
                  "flyttat hemifrån", "bor inte kvar", "bor inte hemma längre",
                  "bor inte längre hemma", "flyttade ut", "har flyttat ut", "bor separat",
                  "bor på annat håll", "bor inte ihop", "bor inte tillsammans"),
    "includes": ("ingår", "ingår i hyran", "inkl", "inklusive", "ingår i"),
    "resp": ("resp", "respektive", "resp."),
    "others": ("de andra", "dom andra", "de övriga", "övriga barn", "resten", "de andra barnen",
               "båda de andra", "övriga", "de andra två", "de två andra", "övriga barnen"),
    "wrong": ("stämmer inte", "är fel", "var fel", "blev fel", "fel", "ska ändras", "rätta",
              "stämde inte", "stämmer ej", "var inte rätt", "blev inte rätt"),
    "self_correction": ("nej förlåt", "förlåt", "eller", "nej", "menar", "jag menar",
                        "rättelse", "ändra till", "vänta", "nej vänta", "säg", "vi säger",
                        "eller det är", "eller snarare", "eller nej", "jo"),
    "percent": ("%", "procent", "procents"),
    "since": ("sedan", "sen", "från och med", "fr.o.m", "fr o m", "ända sedan", "sedan i"),
    "noise": ("kl", "klockan", "rok", "rum och kök", "rum", "lgh", "lägenhet", "våning", "vån",
              "lgh nr", "tel", "dnr", "nr", "rum o kök", "r o k", "vån.", "tr", "trappor",
              "trappa", "kvm", "m2", "kvadrat"),
    "same_amount": ("samma belopp", "samma summa", "samma belopp som förut", "lika mycket",
                    "beloppet är detsamma", "samma pengar", "samma nivå", "beloppet samma",
                    "samma som innan", "samma som förut"),
    "correction_old": ("inte", "ej", "istället för", "i stället för", "inte som jag sa"),
}

MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "okt": 10, "nov": 11, "dec": 12,
}

# Verbs after a child that make it the subject of the clause ("sonen 18 har extrajobb").
SUBJECT_VERBS = frozenset({"har", "hade", "jobbar", "jobbade", "arbetar", "är", "var", "bor",
                           "får", "fick", "går", "gick", "tjänar", "tjänade", "sommarjobbar",
                           "studerar", "pluggar", "fyller", "fyllde", "ska", "kommer", "läser",
                           "extrajobbar", "sommarjobbade", "jobbat", "tjänat"})

# A parent word for the applicant: "pappa, son 6 o dotter 13" is a single parent
PARENT_WORDS = frozenset({"mamma", "mamman", "pappa", "pappan", "mor", "far", "modern",
                          "fadern", "mormor", "morfar", "farmor", "farfar"})

# Words that name an adult's or a child's sex: used to resolve "hon"/"han" in a couple.
FEMALE = frozenset({"hon", "mamma", "mamman", "mormor", "farmor",
                    "kvinna", "kvinnan", "frun", "hustrun", "makan",
                    "mor", "modern", "hans fru", "hans hustru", "hans maka", "flickvännen"})
MALE = frozenset({"han", "pappa", "pappan", "morfar", "farfar", "man", "mannen", "maken",
                  "hennes man", "far",
                  "fadern", "hennes make", "pojkvännen"})
SON_WORDS = frozenset({"son", "sonen", "pojke", "pojken", "grabben", "killen", "lillkillen",
                       "lillkille"})
DAUGHTER_WORDS = frozenset({"dotter", "dottern", "flicka", "flickan", "tjejen", "lilltjejen",
                            "lilltjej"})
# Object pronouns ("bor hos henne") name where a child lives, not whose fact follows.
OBJECT_PRONOUNS = frozenset({"henne", "honom", "dem", "dom", "sig", "oss", "mig"})
PLURAL_CHILD_WORDS = frozenset({"barn", "barnen", "söner", "döttrar", "sönerna", "döttrarna",
                                "tvillingar", "tjejer",
                                "killar", "tjejerna", "killarna", "flickorna", "pojkarna",
                                "tvillingarna", "ungar", "ungarna", "kids", "flickor", "pojkar"})

# Words allowed between a cost/income word and its amount ("hyran är ungefär 7 200 kr").
FILLERS_BEFORE_AMOUNT = frozenset({
    "är", "var", "blir", "ligger", "på", "om", "kostar", "cirka", "ca", "ungefär", "runt",
    "har", "får", "med", "totalt", "sammanlagt", "netto", "efter", "skatt", "per", "i",
    "betalar", "ut", "kr", "nu", "numera", "bara", "också", "även", "de", "hans", "hennes",
    "sin", "sitt", "sina", ":", "-", "egentligen", "istället", "i stället", "ändrad", "till",
    "drygt", "knappt", "typ", "landar", "hamnar", "uppgår", "som", "hon", "han", "hen",
    "till jobbet", "till arbetet", "till och från jobbet", "på jobbet", "fel", "rätt",
    "för jobbet", "för arbetet", "från jobbet", "till jobb", "för jobb",
    "dom", "en", "ett", "för", "person", "vår", "er", "deras", "den", "det", "så", "=",
    "mån", "månaden", "varje", "hela", "sammantaget", "tot", "ink", "inkl",
    "e", "från", "fk", "försäkringskassan", "csn", "af", "arbetsförmedlingen",
})
# An amount before tax: försörjningsstöd counts income after tax, so it is never taken as one.
# Only a number of at least this many kronor next to those words is read as a wage before tax
# (a reading heuristic of the intake, like AKASSA_FEE_BELOW; not an amount of the calculation).
GROSS_WAGE_FROM = 1000
# A wage said near a child younger than this is not read as the child's (a reading heuristic:
# light work is allowed from 13 under the working-hours rules for minors; no amount of the
# calculation depends on it).
CHILD_WAGE_FROM_AGE = 13
# The oldest adult age read after a person word ("han 71"); a larger number there is an amount.
ADULT_AGE_READ_UP_TO = 105
GROSS_WORDS = frozenset({"brutto", "bruttolön", "bruttolönen", "bruttoinkomst", "före skatt",
                         "innan skatt", "före skatteavdrag"})
# Words allowed between an amount and the word it belongs to ("7 200 kr i hyra").
FILLERS_AFTER_AMOUNT = frozenset({
    "hemma", "hem", "varje", "totalt", "i månaden", "per månad", "/mån",
    "kr", "kronor", "sek", "kr/mån", "i", "för", "på", "från", "av", "till", "per", "mån",
    "månaden", "som", "in", "avser", "/", "-", ":", "netto", "efter", "skatt", "kr/månad",
    ":-", "månad", "sin", "sitt", "sina", "del", "andel",
})
# Misspellings typed during a call that no rule would read: replaced word for word before
# reading (cost and income words within one edit are found without a list, tokens.py).
TYPOS = {"döttar": "döttrar", "flytat": "flyttat", "flytar": "flyttar", "flytade": "flyttade",
         "flyta": "flytta", "kostander": "kostnader", "barne": "barnen",
         "ensamstånde": "ensamstående", "ensamstaende": "ensamstående", "hennnes": "hennes",
         "aktivitestöd": "aktivitetsstöd"}
# A message with one of these adds to the household said before ("glömde ett barn: …"); it
# never starts a new household (actions/forms.py).
ADDITION_WORDS = ("glömde", "glömt", "glömmer", "lägg till", "också", "även", "dessutom",
                  "rättelse", "ändra", "fel av mig", "förresten")
LIST_SEPARATORS = frozenset({",", "och", "&", "samt", "+", "o", "/"})
# Words between a count and "barn": "två små barn", "tre egna barn".
COUNT_ADJECTIVES = frozenset({"små", "stora", "yngre", "äldre", "egna", "gemensamma",
                              "hemmavarande", "minderåriga", "mindre"})
POSSESSIVES = frozenset({"hans", "hennes", "deras", "hens", "sina", "dess"})
CHILD_AGE_FILLERS = frozenset({"från tidigare", "från", "tidigare", "sedan", "egna", "också",
                               "även",
                               "på", "som", "är", "i", "åldern", "åldrarna", ":", "med",
                               "mellan", "har", "född", "de", "(", "ålder", "-", "=",
                               "st", "stycken", "hemma", "hemmavarande", "gamla",
                               "gammal"})
