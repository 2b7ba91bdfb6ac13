"""Properties of the facts parser: it never crashes and never invents an amount."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from actions.facts import Facts, merge, missing, numbers_in, parse_facts
from actions.numbers import to_kronor

TODAY = dt.date(2026, 3, 10)
EXPECTING = st.sampled_from([None, "calc_adults", "calc_children", "calc_children_days",
                             "calc_in_school", "calc_support_months", "calc_confirmed"])
WORDS = ["hyra", "hyran", "el", "hemförsäkring", "a-kassa", "a-kasseavgift", "lön", "sambon",
         "barnbidrag", "barn", "barnen", "är", "på", "kr", "i", "från", "ingen", "inga",
         "ensamstående", "sambor", "år", "månader", "dagar", "varannan", "vecka", "mars",
         "för", "skälig", "hyra", "och", ",", ".", ":", "bistånd", "hushållsgemenskap",
         "personer", "ett", "en", "son", "4-åring", "tjänar", "elen", "kostar", "delvis"]
NO_DIGIT_WORDS = [w for w in WORDS if w not in ("ett", "en", "4-åring")]
DIGITS = st.one_of(
    st.integers(0, 99_999).map(str),
    st.integers(1_000, 99_999).map(lambda n: f"{n:,}".replace(",", " ")),
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), EXPECTING)
def test_never_crashes_on_any_text(text, expecting):
    parsed = parse_facts(text, expecting=expecting, today=TODAY)
    merged = merge(Facts(), parsed)
    assert isinstance(missing(merged), list)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), DIGITS), max_size=25), EXPECTING)
def test_every_amount_is_written_in_the_message(parts, expecting):
    text = " ".join(parts)
    parsed = parse_facts(text, expecting=expecting, today=TODAY)
    squeezed = text.replace(" ", "")
    written = {to_kronor(v) for v in numbers_in(text)}
    for amount in parsed.amounts():
        assert amount in written
        assert str(amount) in squeezed  # no multiplier or decimal in these messages


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NO_DIGIT_WORDS), max_size=25), EXPECTING)
def test_no_number_no_amount(parts, expecting):
    parsed = parse_facts(" ".join(parts), expecting=expecting, today=TODAY)
    assert parsed.amounts() == []
    assert parsed.child_ages in (None, [])
