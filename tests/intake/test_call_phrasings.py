"""The phrasings of the intake issue, each with the household a caseworker meant (by hand)."""

from __future__ import annotations

import datetime as dt

import pytest

from intake import ChildFacts, Facts, merge, missing, parse, to_calculation_input

TODAY = dt.date(2026, 12, 4)


def facts_of(*messages: str) -> Facts:
    f = Facts()
    for m in messages:
        expecting = None if f.is_blank() else (missing(f) + ["calc_confirmed"])[0]
        f = merge(f, parse(m, f, expecting=expecting, today=TODAY))
    return f


def children(f: Facts) -> list[tuple]:
    return [(c.age, c.days or 30, c.lunch_at_preschool, c.in_school) for c in f.children or []]


def incomes(f: Facts) -> list[tuple]:
    return [(i.type, i.amount, i.member, i.earned_earlier_this_year) for i in f.incomes]


@pytest.mark.parametrize(("messages", "expected"), [
    (["ensamstående, barn 19 (går sista året, bor hemma), 15, 11 och 6"],
     [(19, 30, None, True), (15, 30, None, None), (11, 30, None, None), (6, 30, None, None)]),
    (["sambor. Barn: 19 år som går gymnasiet och bor hemma, 14 och 11"],
     [(19, 30, None, True), (14, 30, None, None), (11, 30, None, None)]),
    (["ensamst mamma, en 3-åring och en bebis på 5 månader"],
     [(3, 30, None, None), (0, 30, None, None)]),
    (["ensamstående pappa, barn 0 år (fyra månader)"], [(0, 30, None, None)]),
    (["ensamstående mamma, sonen 4 bor hos henne hela tiden, dottern 12 är hos henne 10 dagar "
      "i månaden"], [(4, 30, None, None), (12, 10, None, None)]),
    (["sambor, hans dotter 8 varannan vecka, deras son 2 hela tiden"],
     [(8, 15, None, None), (2, 30, None, None)]),
    (["pappa, ensamstående. sonen 12 och dottern 8 bor hos honom varannan vecka"],
     [(12, 15, None, None), (8, 15, None, None)]),
    (["ensamst pappa, 3 barn: 14, 9 och 2 (yngsta på förskola, äter lunch där)"],
     [(14, 30, None, None), (9, 30, None, None), (2, 30, True, None)]),
    (["ensamstående, barn 3 och 7", "yngsta barnet är 2 år, inte 3"],
     [(2, 30, None, None), (7, 30, None, None)]),
    (["ensamstående, barnen 3,5 och 8"],
     [(3, 30, None, None), (5, 30, None, None), (8, 30, None, None)]),
    (["ensamstående, dottern 8 bor hos henne 50/50"], [(8, 15, None, None)]),
    (["sambor, barn 19 som har slutat skolan och 12"], [(12, 30, None, None)]),
    (["ensamst mamma 38: äldsta dottern 16 varannan vecka, sonen 11 och yngsta 5 heltid "
      "(yngsta på förskola, äter lunch där)"],
     [(11, 30, None, None), (16, 15, None, None), (5, 30, True, None)]),
])
def test_children(messages, expected):
    assert children(facts_of(*messages)) == expected


@pytest.mark.parametrize(("messages", "costs"), [
    (["ensamstående, arbetsresor (SL-kort) 970, hemförs 220, a-kassaavgift 150"],
     {"work_travel": 970, "home_insurance": 220, "unemployment_fund": 150}),
    (["ingen el (ingår i hyran), ensamstående, hyra 7000"], {"housing": 7000, "electricity": 0}),
    (["ensamstående, barn 4 och 9, hyra 6 500, el 450", "hyran var fel, den är 6 900",
      "elen var fel, det är 480"], {"housing": 6900, "electricity": 480}),
    (["ensamstående, hemförsäkring 150, hyra 5000", "ta bort hemförsäkringen"],
     {"housing": 5000}),
    (["ensamst pappa, fack 230 + a-kassa 150"], {"union_fee": 230, "unemployment_fund": 150}),
    (["sambor, han betalar fack 240 + a-kassa 160, hon a-kassa 150"],
     {"union_fee": 240, "unemployment_fund": 310}),
])
def test_costs(messages, costs):
    assert facts_of(*messages).costs == costs


@pytest.mark.parametrize(("messages", "expected"), [
    (["sambor utan barn, pension 6 800 resp 5 900"],
     [("pension", 6800, "applicant", None), ("pension", 5900, "partner", None)]),
    (["sambor, Båda jobbar: hon 9 400, han 12 100 efter skatt"],
     [("salary", 9400, "applicant", None), ("salary", 12100, "partner", None)]),
    (["ensamstående mamma, sonen 18 har extrajobb, har tjänat 56 000 tidigare i år och får "
      "5 000 i december"], [("salary", 5000, "child:0", 56000)]),
    (["ensamstående, barn 16, sonen har lön 5 000"], [("salary", 5000, "child:0", None)]),
    (["ensamstående, a-kassa 9 200", "förlåt, a-kassan är 8 700, inte 9 200"],
     [("unemployment_benefit", 8700, "applicant", None)]),
    (["sambor, barn 3 och 7", "glömde: de får även bostadsbidrag 1 900"],
     [("housing_allowance", 1900, "applicant", None)]),
    (["ensamstående, jobbar 50 %, får 9 400 netto"], [("salary", 9400, "applicant", None)]),
    (["ensamstående mamma 44 med två söner, 17 och 12. 17-åringen jobbar extra, 4 500 netto",
      "rättelse: han har tjänat 56 000 tidigare i år, inte 38 000"],
     [("salary", 4500, "child:0", 56000)]),
    (["ensamstående, inga barn, a-kassa 9000", "a-kassan har upphört"], []),
])
def test_incomes_and_their_owners(messages, expected):
    assert incomes(facts_of(*messages)) == expected


def test_not_a_couple_and_the_shared_household_rule():
    f = facts_of("han är inte sambo med någon, hyra 5000")
    assert (f.adults, f.shared_household_members) == (1, None)
    f = facts_of("bor hemma hos sina föräldrar, hushållet är tre personer")
    assert (f.adults, f.shared_household_members, f.children) == (1, 3, [])
    f = facts_of("son 23 bor kvar hemma hos föräldrarna. hushållet är han, mamma och pappa. "
                 "aktivitetsstöd 5 400")
    assert (f.adults, f.shared_household_members, f.applicant_age) == (1, 3, 23)
    f = facts_of("dottern 21 bor hos sin mamma, hyra 1 500 till mamman")
    assert missing(f) == ["calc_household_size"]
    assert merge(f, parse("4", f, expecting="calc_household_size")).shared_household_members == 4


def test_the_housing_cap_in_ordinary_words():
    f = facts_of("ensamstående, hyra 8 000, vår skäliga boendekostnad för en person är 7 200")
    assert (f.costs["housing"], f.housing_cap) == (8000, 7200)
    f = facts_of("sambor, barn 11, hyra 11 400, skälig boendekostnad för 3 pers är 9 500",
                 "glöm det där om skälig hyra, räkna på hela hyran")
    assert (f.costs["housing"], f.housing_cap) == (11400, None)


def test_months_in_words_and_months_with_support():
    f = facts_of("ensamstående, jobbar, 9 400 netto, haft fs sedan juni, hyra 6000")
    assert (f.month, f.consecutive_months_with_support) == (None, 6)  # December: Jun–Nov
    assert facts_of("hon flyttade in i oktober, ensamstående, hyra 5000").month is None
    f = facts_of("gäller april 2025, ensamstående, hyra 5 500")
    assert (f.year, f.month) == (2025, 4)


def test_what_is_not_said_about_the_household_counts_as_none_and_is_shown():
    f = facts_of("kvinna 61, hyra 8 100, sjukersättning 11 200")
    assert missing(f) == []
    household = to_calculation_input(f, TODAY, 21)["household"]
    assert (len(household["adults"]), household["children"]) == (1, [])
    assert missing(facts_of("ensamstående")) == ["calc_children"]  # nothing else said: ask


def test_every_number_not_read_is_quoted():
    f = facts_of("ensamstående, hyra 7 200, el 450 ringde kl 14.30, 2 rok")
    assert f.unread == ["ringde kl 14.30", "2 rok"]


COUPLE = ("sambor, sonen 14 och dottern 9, hyra 7 000, el 400, hon a-kassa 9 000, han lön 8 000, "
          "bb 2 500, fsd 8 mån")


def test_pronouns_after_a_list_of_children_are_the_adults():
    assert incomes(facts_of(COUPLE)) == [("unemployment_benefit", 9000, "applicant", None),
                                         ("salary", 8000, "partner", None),
                                         ("child_allowance", 2500, "applicant", None)]


@pytest.mark.parametrize(("correction", "changed"), [
    ("ändra elen till 450", {"electricity": 450}),
    ("sätt hyran till 6 900", {"housing": 6900}),
    ("det var fel hyra, rätt är 6 900", {"housing": 6900}),
    ("rätt hyra: 6 900", {"housing": 6900}),
    ("hyran höjs till 7 400", {"housing": 7400}),
    ("lägg till fack 200", {"union_fee": 200}),
    ("stryk elen", {"electricity": None}),
])
def test_cost_corrections_in_ordinary_words(correction, changed):
    before = facts_of(COUPLE).costs
    after = facts_of(COUPLE, correction).costs
    for key, value in changed.items():
        assert after.get(key) == value
    assert {k: v for k, v in after.items() if k not in changed} == \
        {k: v for k, v in before.items() if k not in changed}


def test_income_and_household_corrections():
    assert ("unemployment_benefit", 9000, "applicant", None) not in incomes(
        facts_of(COUPLE, "hon har inte a-kassa längre"))
    f = facts_of(COUPLE, "de har separerat, räkna bara på henne och barnen")
    assert (f.adults, [i.member for i in f.incomes]) == (1, ["applicant", "applicant"])
    assert [c.age for c in facts_of(COUPLE, "dottern är 10").children] == [14, 10]
    assert (facts_of(COUPLE, "det gäller januari istället").month,
            facts_of(COUPLE, "räkna på 2025 istället").year) == (1, 2025)


@pytest.mark.parametrize(("first", "expecting", "answer", "field", "value"), [
    ("hyra 7000", "calc_adults", "bara hon", "adults", 1),
    ("ensamstående, hyra 7000", "calc_children", "två st, 3 och 6", "ages", [3, 6]),
    ("ensamstående, hyra 7000", "calc_children", "ja två, 5 och 8", "ages", [5, 8]),
    ("ensamstående, hyra 7000", "calc_children", "4,7,9", "ages", [4, 7, 9]),
    ("ensamstående, barn 8 delvis", "calc_children_days", "hälften", "days", 15),
    ("ensamstående, lön 9000", "calc_support_months", "ett år", "months", 12),
    ("ensamstående, lön 9000", "calc_support_months", "ungefär ett halvår", "months", 6),
    ("ensamstående, lön 9000", "calc_support_months", "första månaden", "months", 0),
    ("ensamstående, lön 9000", "calc_support_months", "sedan mars", "months", 9),
])
def test_answers_to_the_questions(first, expecting, answer, field, value):
    f = facts_of(first)
    f = merge(f, parse(answer, f, expecting=expecting, today=TODAY))
    got = {"adults": f.adults, "ages": [c.age for c in f.children or []],
           "days": (f.children or [ChildFacts()])[0].days,
           "months": f.consecutive_months_with_support}[field]
    assert got == value


@pytest.mark.parametrize(("message", "expected"), [
    ("Pappan har sin son varannan vecka. Sonen är 7 år. Pappan bor ensam.", [(7, 15, None, None)]),
    ("ensamst mor 2 barn 6 o 11 hyra 7900 el 450", [(6, 30, None, None), (11, 30, None, None)]),
    ("sambo 2 barn 1 o 4 (4:an förskola m lunch) hyra 8900",
     [(1, 30, None, None), (4, 30, True, None)]),
])
def test_full_sentences_and_terse_notes(message, expected):
    assert children(facts_of(message)) == expected


def test_a_count_then_that_many_ages_and_a_later_amount_after_a_negation():
    f = facts_of("ensamstående mamma till två, 7 och 12 år. hyra 7 800")
    assert [c.age for c in f.children] == [7, 12]
    f = facts_of("man 19 år, bor själv, hyra 5 500, ingen el ingår, el 300, inga barn")
    assert f.costs == {"housing": 5500, "electricity": 300}


def test_per_child_amounts_and_full_time_for_a_child():
    f = facts_of("ensamstående mamma till två, 7 och 12 år. underhållsstöd 1 673 per barn")
    assert incomes(f) == [("maintenance_support", 1673, "applicant", None)] * 2
    f = facts_of("ensamst mamma 3 barn: dottern 14 varannan vecka, sonen 10 bor hos henne "
                 "8 dagar/mån, yngsta 1 år heltid")
    assert [(c.age, c.days or 30) for c in f.children] == [(14, 15), (1, 30), (10, 8)]


# Phrasings of session 5's development calls (dev_z3 … dev_z6), each checked by hand.
@pytest.mark.parametrize(("messages", "expected"), [
    (["sambor hon 34 han 37", "han jobbar, lön 11 600. hon lön 5 200"],
     [("salary", 11600, "partner", None), ("salary", 5200, "applicant", None)]),
    (["ensamstående kvinna 52, a-kassa 10 150 netto",
      "fel av mig, det är inte a-kassa, det är sjukpenning, samma belopp"],
     [("sickness_benefit", 10150, "applicant", None)]),
    (["ensamstående man 29, lön 8 800 netto",
      "förlåt, det är inte lön, det är a-kassa. samma belopp, han blev uppsagd i somras"],
     [("unemployment_benefit", 8800, "applicant", None)]),
    (["sambor, båda jobbar, han 40 hon 38. hyra 8 700. han 12 800 netto, hon 9 600 netto"],
     [("salary", 12800, "applicant", None), ("salary", 9600, "partner", None)]),
    (["ensamstående mamma 46, dottern 19 på gymnasiet, sonen 12",
      "underhållsbidrag från pappan 2 000 för båda"],
     [("maintenance_support", 2000, "applicant", None)]),
    (["ensamstående mamma, sonen 13 och dottern 9, underhållsstöd 3 346",
      "underhållsstödet för honom har upphört, det är 1 673 nu"],
     [("maintenance_support", 1673, "applicant", None)]),
])
def test_incomes_of_session_5(messages, expected):
    assert incomes(facts_of(*messages)) == expected


def test_a_known_child_who_applies_herself_leaves_the_household():
    family = ("gifta, han 49 hon 46. två barn hemma: dottern 20 går sista året på gymnasiet, "
              "sonen 15. studiebidrag 1 250 för dottern")
    f = facts_of(family, "dottern 20 söker själv, räkna inte med henne")
    assert ([c.age for c in f.children], f.adults, f.incomes) == ([15], 2, [])
    f = facts_of("ensamst pappa 51, två barn hemma: dottern 19 i gymnasiet och sonen 14",
                 "hon har hoppat av gymnasiet, och hon söker själv. räkna inte med henne")
    assert [c.age for c in f.children] == [14]


def test_moving_out_and_visiting_and_what_is_no_month_computed():
    f = facts_of("gäller september 2024. ensamst mamma 40, sonen 13 och dottern 9, båda bor "
                 "hos henne hela tiden",
                 "sonen 13 har flyttat till pappan i augusti. han är bara hos henne varannan "
                 "helg, 4 dygn i månaden")
    assert (f.month, [(c.age, c.days) for c in f.children]) == (9, [(13, 4), (9, 30)])
    f = facts_of("november 2021. gifta, hon 37 han 40, tre barn 15, 11 och 4",
                 "de har separerat, han flyttade i oktober och 15-åringen följde med honom")
    assert (f.adults, f.month, [c.age for c in f.children]) == (1, 11, [11, 4])
    f = facts_of("ensamst kvinna 50, inga barn. har haft fbs sen hösten 2025, 14 mån i rad")
    assert (f.year, f.consecutive_months_with_support) == (None, 14)


@pytest.mark.parametrize(("message", "costs"), [
    ("hyran 7 400 nej vänta 7 600, el 350, eller det är 390 sa hon", {"housing": 7600,
                                                                       "electricity": 390}),
    ('el "typ trehundra" sa han, säg 280 enl räkningen', {"electricity": 280}),
    ("hyran är 4 350 tror jag, jo 4 350, el ingår", {"housing": 4350, "electricity": 0}),
    ("hyra 5 850 kr (Skebo, 1 rok), el fyrahundra och femtio ungefär",
     {"housing": 5850, "electricity": 450}),
    ("månadskort buss 790 till jobbet, hemförs. 120", {"work_travel": 790,
                                                      "home_insurance": 120}),
])
def test_costs_said_with_hesitation_and_in_words(message, costs):
    f = facts_of("ensamstående man 40, inga barn", message)
    assert f.costs == costs and f.children == []


def test_ages_after_the_words_about_the_children_and_the_couples_ages():
    f = facts_of("aug 2023. ensamst pappa 36, två barn varannan vecka, 4 och 9 år")
    assert [(c.age, c.days) for c in f.children] == [(4, 15), (9, 15)]
    f = facts_of("sambor 31 o 29, två barn: ettåring som går på förskolan o äter lunch där, "
                 "o en på 8")
    assert (f.applicant_age, f.partner_age, children(f)) == (
        31, 29, [(1, 30, True, None), (8, 30, None, None)])


def test_a_grown_son_who_applies_and_the_household_size_in_a_correction():
    f = facts_of("sonen söker själv, 23 år, bor kvar hemma hos mamma o pappa + lillasyster, "
                 "4 pers totalt i lgh. inte sambo m nån.")
    assert (f.applicant_age, f.applicant_sex, f.shared_household_members, f.children) == (
        23, "m", 4, [])
    f = facts_of("juni. dotter 22 bor hemma hos mamma och lillebror 16, alltså 3 i hushållet.",
                 "fel av mig, det bor fyra där – storebror har flyttat hem igen")
    assert f.shared_household_members == 4


def test_a_child_benefit_without_children_asks_for_them():
    f = facts_of("ensamst kvinna 31. hyra 6 700, el 280, hemförs 150. a-kassa 9 100, bb 1 250")
    assert (f.children, missing(f)) == (None, ["calc_children"])
    f = facts_of("ensamst kvinna 31. hyra 6 700. a-kassa 9 100")
    assert missing(f) == []  # nothing said of children, nothing paid for them: none


def test_a_count_after_a_possessive_then_the_ages():
    f = facts_of("sambor, hennes två 13 och 9, 13-åringen varannan vecka hos sin pappa")
    assert [(c.age, c.days or 30) for c in f.children] == [(13, 15), (9, 30)]


def test_both_parents_named_as_persons_are_a_couple_and_a_family_is_asked_about():
    f = facts_of("sept. familj med barn 5 och 10. hyra 9 150. mamman (32) har a-kassa 9 600, "
                 "pappan (35) sjukpenning 8 200, bb 2 500")
    assert (f.adults, incomes(f)[:2]) == (2, [("unemployment_benefit", 9600, "applicant", None),
                                              ("sickness_benefit", 8200, "partner", None)])
    f = facts_of("ensamstående mamma, barn 8, underhållsstöd 1 673, pappan betalar inget mer")
    assert f.adults == 1
    f = facts_of("familj i 4 rok, tre barn 9, 6 och 4 år. hyra 9 900, pappan har sjukpenning 9 450")
    assert f.adults is None and missing(f) == ["calc_adults"]
    f = facts_of("Khalid kör buss deltid, 15 200 netto")
    assert incomes(f) == [("salary", 15200, "applicant", None)] and f.costs == {}


def test_owners_after_amounts_slashes_and_lists_corrected_in_place():
    f = facts_of("sambor 33 o 30, barn 9. hyra 9 100, arbresor 640 hennes (sl), fack 240 hans. "
                 "12 400 lön hans, 6 800 lön hennes (timanst), bb 2 650")
    assert sorted(i[:3] for i in incomes(f) if i[0] == "salary") == [
        ("salary", 6800, "partner"), ("salary", 12400, "applicant")]
    f = facts_of("sök ensamst pappa 38, son 10 varannan vecka / lön 13 200:- netto / bb 625:-")
    assert incomes(f)[0] == ("salary", 13200, "applicant", None)
    f = facts_of("gifta par, sök 61 medsök 64 / pension 5 340:- resp 4 910:- / hyra 7 050:-")
    assert incomes(f) == [("pension", 5340, "applicant", None), ("pension", 4910, "partner", None)]
    f = facts_of("sambor, hon 40 och han 42, barn 15", "fack 240 resp 210, a-kassa 160 (bara hon)")
    assert (f.adults, f.costs) == (2, {"union_fee": 450, "unemployment_fund": 160})
    f = facts_of("hushållet: mamma 38, barn 12 o 9. hyra 8 400",
                 "hushållet: mamma 38, barn 12 o 9 – nej barn 12, 9 och 4")
    assert [c.age for c in f.children] == [12, 9, 4]
    f = facts_of("man 52 ensamst, inga barn. aks 11 450 efter skatt hans, är med i a-kassan "
                 "(avg 140/mån)")
    assert f.costs == {"unemployment_fund": 140}


def test_a_grown_son_at_his_parents_and_what_cannot_be_placed_is_quoted_in_swedish():
    f = facts_of("killen är 23 o bor kvar hemma hos mamma o pappa, lillasyster bor också där så "
                 "de är 4 pers i lgh. han är inte sambo med nån, söker själv. han får "
                 "aktivitetsstöd 5 280 från fk.")
    assert (f.adults, f.shared_household_members, incomes(f)) == (
        1, 4, [("unemployment_benefit", 5280, "applicant", None)])
    f = facts_of("ensamst pappa 36, två barn varannan vecka, 4 och 9 år",
                 "merkostnadsersättning 1 800 för barnet")
    assert "handikappersättning/merkostnadsersättning 1800 kr (oklart vilket barn)" in f.unread


@pytest.mark.parametrize(("message", "year_month"), [
    ("gäller förra månaden. hyra 9 400", (2026, 11)),
    ("november förra året. hyra 8 050", (2025, 11)),
    ("gäller december i fjol, hyra 8 000", (2025, 12)),
    ("hennes sambo flyttade in förra månaden, hyra 8 000", (None, None)),
])
def test_months_said_relative_to_today(message, year_month):
    f = facts_of(message)
    assert (f.year, f.month) == year_month


def test_the_members_of_a_shared_household_counted_from_those_named():
    f = facts_of("gäller januari. hon är 21, bor kvar hemma hos pappa, hans sambo och två "
                 "småsyskon (7 och 4). söker själv")
    assert (f.adults, f.shared_household_members, f.children) == (1, 5, [])
    assert "Hushållsgemenskapen räknad till 5 personer: sökande och de som nämndes." in f.notes
    f = facts_of("dottern 21 bor hemma hos sin mamma och mammans sambo, hon är inte sambo med "
                 "någon. hon söker själv.")
    assert f.shared_household_members == 3
    f = facts_of("Ronja 22 och hennes kille Dennis 24, sonen Elton 1 år. hyra 6 800",
                 "nej förresten – Dennis är inte sambo, han är skriven och bor hos sin mamma. "
                 "ta bort honom")
    assert f.shared_household_members is None  # where the ex-partner lives is no count


def test_all_the_children_asides_between_dashes_and_a_cap_for_a_flat_size():
    f = facts_of("ensamstående pappa, 49 år, med fyra barn: sjutton, tretton, åtta och ett år "
                 "gamla. underhållsstöd för alla fyra barnen på sammanlagt 7 200 kronor.")
    assert ([c.age for c in f.children], incomes(f)) == (
        [17, 13, 8, 1], [("maintenance_support", 7200, "applicant", None)])
    f = facts_of("gäller feb 2021. mamma, ensam, med tvillingar 4 år – båda på förskola heltid "
                 "o äter lunch där – och en 10-åring")
    assert children(f) == [(4, 30, True, None), (4, 30, True, None), (10, 30, None, None)]
    f = facts_of("ensamst mamma, son 12, hyra 9 800",
                 "och skälig hyra gäller nu sen januari, rådrummet är slut – vår nivå för 2 rok "
                 "är 8 200")
    assert f.housing_cap == 8200


def test_a_list_removed_together_and_a_benefit_added_for_another_child():
    f = facts_of("sambor, hon 35 han 37, barn 7. el 470 / fack 200 (han) / a-kassa 140 (han) / "
                 "han a-kassa 8 900; hon föräldrapenning 6 400",
                 "Stryk medsökande – han flyttade ut 1/4. hans a-kassa och hans fack + "
                 "a-kasseavgift ska bort också")
    assert (f.adults, f.costs, incomes(f)) == (
        1, {"electricity": 470}, [("parental_benefit", 6400, "applicant", None)])
    f = facts_of("kvinna 43, ensamst, dotter 13. underhållsstöd 1 573",
                 "glömde en: sonen 8 år bor där varannan vecka",
                 "för honom kommer också underhållsstöd 787")
    assert incomes(f) == [("maintenance_support", 2360, "applicant", None)]


def test_no_wage_for_a_baby_no_lunch_when_none_goes_and_a_grown_son_elsewhere():
    f = facts_of("februari, det är en familj med tre barn, nio, sex och fjorton månader, lillen "
                 "går inte på förskola än, hyran niotusen åttahundrafemtio, lönen är elvatusen "
                 "tvåhundra efter skatt")
    assert incomes(f) == [("salary", 11200, "applicant", None)]
    f = facts_of("ensamstående mamma med två barn, sju och tio månader, ingen går på förskola")
    assert [c.lunch_at_preschool for c in f.children] == [False, False]
    f = facts_of("äldre par, gifta, inga barn hemma, de har en son men han är vuxen och bor i "
                 "Umeå. hyra 7 950")
    assert (f.children, missing(f)) == ([], [])
    f = facts_of("nov 2024, dottern 22 bor hos föräldrarna, 3 pers i hushållet. hon söker själv. "
                 "betalar 1 800 hemma, ingen egen el.")
    assert f.costs.get("housing") == 1800 and not f.costs.get("electricity")


def test_the_two_eldest_and_the_two_youngest_with_their_ages():
    f = facts_of("beräkningsperiod 2022-11. ensamstående pappa 45, fyra barn. de två äldsta (15 "
                 "och 10) har växelvis boende, varannan vecka. de två yngsta (4 och 1) bor hos "
                 "honom hela tiden och går inte på förskola.")
    assert children(f) == [(15, 15, None, None), (10, 15, None, None), (4, 30, False, None),
                           (1, 30, False, None)]


def test_an_age_corrected_on_a_child_word_and_the_two_younger_ones():
    f = facts_of("morföräldrar, gifta, hon 66 han 70. barnbarnet 6 bor hos dem",
                 "barnbarnet är 7 inte 6")
    assert [c.age for c in f.children] == [7]
    f = facts_of("pappa 40, ensamstående, tre barn: 14, 10 och 7. 14-åringen varannan vecka, de "
                 "två yngre är hos honom varannan helg och lite extra på sommaren")
    assert [(c.age, c.part_time) for c in f.children] == [(14, True), (10, True), (7, True)]
    assert missing(f) == ["calc_children_days"]  # "varannan helg" says no number of days


def test_siblings_counted_not_aged_a_partial_list_a_childs_pay_now_and_who_stays():
    f = facts_of("gäller sept 2023. dottern 22 bor hemma hos sin mamma och två yngre syskon, de "
                 "är alltså fyra i lägenheten. hon är inte sambo, söker själv.")
    assert (f.children, f.shared_household_members) == ([], 4)
    f = facts_of("sambor med fem barn i hushållet: 17, 12, femåringen som går på förskola och "
                 "äter lunch där, ettåringen som är hemma, och så hans dotter 10 från tidigare "
                 "förhållande som bor här varannan vecka")
    assert [(c.age, c.days or 30) for c in f.children] == [(17, 30), (12, 30), (5, 30), (1, 30),
                                                           (10, 15)]
    f = facts_of("ensamst pappa 45, sonen 17 bor hos honom hela tiden",
                 "sonen har jobbat i år, tjänat 57 000 fram t.o.m. nov och i dec 4 100 netto")
    assert incomes(f) == [("salary", 4100, "child:0", 57000)]
    f = facts_of("mars. sambor, han 37 hon 34, barn 6 och 2. hon a-kassa 7 640, han lön 10 200. "
                 "bb 2 650. fs 1 mån.",
                 "rättelse: de är inte sambor längre, han flyttade ut förra veckan. räkna bara "
                 "henne och barnen, hans lön ska bort")
    assert (f.adults, f.applicant_sex, incomes(f)) == (1, "f", [
        ("unemployment_benefit", 7640, "applicant", None),
        ("child_allowance", 2650, "applicant", None)])


def test_a_known_childs_summer_job_with_its_amount_in_the_next_message():
    f = facts_of("sambor, 17-åringen och 13-åringen", "aug 2021", "17-åringen sommarjobbade",
                 "6 200 i aug")
    assert incomes(f) == [("salary", 6200, "child:0", None)]
    assert "calc_support_months" not in missing(f)  # a child's wage: no jobbstimulans question


def test_resp_wages_of_a_couple_a_fee_said_with_a_pronoun_and_a_baby_also():
    f = facts_of("juni: sambor (han 41, hon 36) med barn 4, 9 - 4-åringen är hemma med henne, "
                 "ingen förskola. lön 14 400 resp 6 200 (hon är timanställd), bb 2 500")
    assert [i[:3] for i in incomes(f)][:2] == [("salary", 14400, "applicant"),
                                               ("salary", 6200, "partner")]
    f = facts_of("pappa ensam, två barn 4 o 9. a-kassan betalar han 110. pengar från a-kassan "
                 "6 500, pendel 970")
    assert (f.applicant_age, f.costs) == (None, {"unemployment_fund": 110, "work_travel": 970})
    f = facts_of("ensam mamma, son 8. hyran är 7 650",
                 "glömde säga hon har en bebis också, 5 mån")
    assert [c.age for c in f.children] == [8, 0]


def test_session_5_last_development_files():
    f = facts_of("okt 2022. sambor, sök 66 + medsök 64, inga barn hemma. hyra 7 200 kr, el 510, "
                 "hemförs 190 kr. båda har pension, 6 800 resp 5 900 kr")
    assert (f.costs.get("home_insurance"), [i[:3] for i in incomes(f)]) == (
        190, [("pension", 6800, "applicant"), ("pension", 5900, "partner")])
    f = facts_of("mamma 48 ensamst, sonen 19 bor hemma och går sista året på gymnasiet, dottern "
                 "16 går i 1:an. studiebidrag 1 250 kr vardera för båda barnen")
    assert [i[:2] for i in incomes(f)] == [("study_grant", 1250), ("study_grant", 1250)]
    f = facts_of("feb 2021. sök är en tjej 20, bor hos föräldrarna + bror 16, 4 personer i "
                 "hushållet. lön extrajobb 2 800 kr netto. har inte haft fbs tidigare")
    assert (f.consecutive_months_with_support, missing(f)) == (0, [])
    f = facts_of("maj 2025. pappa 35 ensamst, dottern 6 är hos honom vissa dagar. hyra 6 100 kr")
    assert missing(f) == ["calc_children_days"]
    f = facts_of("okt 2024. sambor, sök (hon) 39 + medsök (han) 41, hennes son 16. hyra 8 150",
                 "nej, sonen bor inte där hela mån", "han är där 20 dagar, resten hos sin pappa")
    assert (f.adults, f.shared_household, [(c.age, c.days) for c in f.children]) == (
        2, False, [(16, 20)])
    f = facts_of("sambor, barn 2 år. han har skånetrafiken-kort 795 kr till jobbet")
    assert f.costs == {"work_travel": 795}


def test_totals_after_a_per_child_amount_where_a_cost_is_and_a_type_replaced():
    f = facts_of("sök kvinna 34 ensamst med 3 barn 14, 9 och 2. ink: bb 4 364 inkl "
                 "flerbarnstillägg, uhs 1 673/barn = 5 019 tot")
    assert ("maintenance_support", 5019, "applicant", None) in incomes(f)
    f = facts_of("ensamst pappa 40 med 2 barn, 8 och 4. hyra 6 900 inkl värme, el 340 (ingår "
                 "ej i hyran), hemförs 140")
    assert f.costs == {"housing": 6900, "electricity": 340, "home_insurance": 140}
    f = facts_of("juni 2021. sök (han) 55, frun 53, inga barn. han sjukersättning 7 900",
                 "fel av mig: han har sjukpenning 8 300, inte sjukersättning 7 900")
    assert incomes(f) == [("sickness_benefit", 8300, "applicant", None)]
    f = facts_of("juli 2023, sök man 33 o sambo kvinna 31, inga barn.",
                 "båda a-kassa: 8 100 resp 5 900. a-kassaavg 155 + 155 = 310, fack bara hon 230.")
    assert (f.adults, f.costs) == (2, {"unemployment_fund": 310, "union_fee": 230})
    f = facts_of("sök (hon) 34 + sambo (han) 36, två barn: dottern 5 bor här heltid, sonen 11 "
                 "är hos dem ibland (umgänge).")
    assert [(c.age, c.days, c.part_time) for c in f.children] == [(5, 30, False),
                                                                  (11, None, True)]


def test_an_income_of_another_type_is_never_guessed_when_two_could_be_meant():
    f = facts_of("ensamstående kvinna 52, a-kassa 10 150, pension 3 000",
                 "det är sjukpenning nu, samma belopp")
    assert [i.type for i in f.incomes] == ["unemployment_benefit", "pension"]
    assert "sjukpenning, samma belopp (oklart vilken inkomst)" in f.unread


def test_a_childs_pay_this_month_and_earlier_said_after_the_household():
    f = facts_of("gifta, han 46 hon 43, barn 18 och 15. 18-åringen går gymn, jobbar helger",
                 "18-åringen tjänade 4 000 i dec, har redan tjänat 61 000 tidigare i år")
    assert incomes(f) == [("salary", 4000, "child:0", 61000)]
    f = facts_of("gäller nov. ensamst mamma 45; barn 16 och 11. hyra 8.200",
                 "glömde: 16-åringen har extrajobb, 4.500 kr netto i nov. han har tjänat "
                 "57.000 tidigare i år")
    assert incomes(f) == [("salary", 4500, "child:0", 57000)]


def test_money_from_the_insurance_is_no_insurance_premium():
    f = facts_of("ensamst mamma 39; barn 13 och 9. hemförs 170. fick också 3.000 kr från "
                 "försäkringen för en vattenskadad soffa.")
    assert (f.costs, incomes(f)) == ({"home_insurance": 170},
                                      [("loss_compensation", 3000, "applicant", None)])
