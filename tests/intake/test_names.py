"""First names typed in a call stand for the role they name, in the message and later."""

from __future__ import annotations

import datetime as dt

from intake import Facts, check, merge, parse
from intake.names import Name, put_roles

TODAY = dt.date(2026, 12, 4)


def _read(*messages):
    f = Facts()
    for m in messages:
        f, _ = check(merge(f, parse(m, f, today=TODAY)), f, None)
    return f


def test_a_name_after_a_role_word_is_dropped_and_stands_for_the_role():
    text, names = put_roles("mamman Sara 34, sonen Adam 13 (7:an)")
    assert text == "mamman 34, sonen 13 (7:an)"
    assert names == (Name("Sara", "mamman"), Name("Adam", "13-åringen"))


def test_a_child_named_with_an_age_becomes_the_age_and_later_mentions_the_child():
    text, _ = put_roles("två barn – Alva 9 går i 3:an, Maja 10 mån hemma. Alvas fritidskort 200")
    assert text == "två barn – 9-åringen går i 3:an, 0-åringen hemma. 9-åringens fritidskort 200"


def test_two_adults_by_name_are_the_applicant_and_the_partner():
    f = _read("Peter 38 och sambon Jenny 36, barn Hugo 7. hyra 9 700. Peter a-kassa 10 900, "
              "Jenny jobbar, 4 800 efter skatt. bistånd 2 mån")
    assert f.adults == 2 and [c.age for c in f.children] == [7]
    assert {(i.type, i.amount, i.member) for i in f.incomes} == {
        ("unemployment_benefit", 10900, "applicant"), ("salary", 4800, "partner")}


def test_a_name_learnt_in_one_message_is_known_in_the_next():
    f = _read("mamman Nadia 29, två barn: Yousef 7 och Lara 3 år", "Lara går på förskola och "
              "äter lunch där")
    assert [(c.age, c.lunch_at_preschool) for c in f.children] == [(7, None), (3, True)]
    assert f.names == {"Nadia": "mamman", "Yousef": "7-åringen", "Lara": "3-åringen"}


def test_no_name_is_guessed_from_a_street_a_known_word_or_lower_case():
    assert put_roles("bor på Storgatan 12, Hyra 7 900, alva 9")[1] == ()


def test_twins_named_together_share_their_age():
    text, names = put_roles("5 barn: Hamza 12, tvillingarna Ali och Omar 4 och lilla Noor 7 mån")
    assert text == "5 barn: 12-åringen, tvillingarna 4 och lilla 0-åringen"
    assert {n.name: n.stands_for for n in names}["Ali"] == "4-åringen"


def test_a_new_name_in_a_later_message_is_a_child_not_yet_told_of():
    f = _read("Nasrin 27 ensamst, dottern Elina 4. hyra 7 000", "glömde bebisen! Adam 2 mån "
              "bor också där")
    assert [c.age for c in f.children] == [4, 0]


def test_twins_in_a_counted_list_and_then_named_as_twins():
    f = _read("5 barn: Hamza 12, Sara 9, tvillingarna Ali och Omar 4 och lilla Noor 7 mån. "
              "tvillingarna går på förskola 5 dagar och äter lunch där")
    assert [(c.age, c.lunch_at_preschool) for c in f.children] == [
        (12, None), (9, None), (4, True), (4, True), (0, None)]


def test_a_name_that_is_also_a_word_only_in_a_list_before_an_age():
    from intake.names import put_roles
    text, names = put_roles("4 barn: Sina 14, Mina 11, Parsa 7")
    assert text == "4 barn: 14-åringen, 11-åringen, 7-åringen"
    assert [n.name for n in names] == ["Sina", "Mina", "Parsa"]
    assert put_roles("Sina barn är 4 och 7")[1] == ()  # a sentence's first word: "sina"
