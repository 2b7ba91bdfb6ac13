"""Ages given as a birth year or a school class (intake/ages.py), checked by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from intake import parse_message
from intake.ages import age_in_grade

DEC_2026 = dt.date(2026, 12, 4)


@pytest.mark.parametrize(("grade", "gymnasium", "year_month", "age"), [
    (7, False, (2026, 12), 13),   # sjuan in the autumn term: born 2013, turns 13 in 2026
    (2, False, (2024, 3), 9),     # tvåan in the spring term: born 2015, turns 9 in 2024
    (0, False, (2025, 9), 6),     # förskoleklass in the autumn: turns 6
    (1, True, (2025, 10), 16),    # ettan på gymnasiet, autumn: turns 16
    (3, True, (2026, 5), 19),     # trean på gymnasiet, spring: turns 19 (the school-youth rule)
    (9, False, (2026, 7), 16),    # nian, July: counted with the spring term just ended
])
def test_the_age_a_pupil_turns_in_the_year_computed(grade, gymnasium, year_month, age):
    assert age_in_grade(grade, gymnasium, year_month) == age


def test_a_birth_year_is_an_age_and_never_the_year_computed():
    p = parse_message("Jasmin, ensam, två barn: Elias i sjuan och Alva född 2021, förskola "
                      "heltid med lunch", today=DEC_2026)
    assert p.year is None  # "född 2021" is no calculation year
    assert sorted(c.age for c in p.children if not c.placeholder) == [5, 13]
    assert "5-åringen: åldern är räknad från födelseåret 2021 (beräkningsåret 2026)." in p.notes
    assert any(n.startswith("13-åringen: åldern är räknad från skolklassen (sjuan")
               for n in p.notes)


def test_the_month_said_decides_the_class_age():
    p = parse_message("gäller mars 2024. Therese, ensam mamma, Felix går i tvåan och Smilla 14",
                      today=DEC_2026)
    assert (p.year, p.month) == (2024, 3)
    assert [c.age for c in p.children] == [9, 14]


def test_a_class_after_an_age_only_says_the_child_is_in_school():
    p = parse_message("ensamstående mamma, Abdi 18 år, går i trean på gymnasiet",
                      today=DEC_2026)
    assert [c.age for c in p.children] == [18]
    assert not any("skolklassen" in n for n in p.notes)


def test_a_pronoun_before_a_class_is_no_child_named():
    p = parse_message("hon går i sjuan", today=DEC_2026)
    assert p.children == [] and p.notes == []
