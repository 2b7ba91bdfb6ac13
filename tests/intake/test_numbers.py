from __future__ import annotations

from decimal import Decimal

import pytest

from intake.numbers import parse_digits, parse_number_word, to_kronor


@pytest.mark.parametrize(("word", "value"), [
    ("sju", 7), ("tolv", 12), ("sjutton", 17), ("tjugo", 20), ("tjugofem", 25),
    ("hundra", 100), ("femhundrafemtio", 550), ("tusen", 1000), ("ettusen", 1000),
    ("sjutusen", 7000), ("sjutusentvåhundra", 7200), ("niotusenåttahundra", 9800),
    ("tvåtusentjugosex", 2026), ("noll", 0),
])
def test_number_words(word, value):
    assert parse_number_word(word) == value


@pytest.mark.parametrize("word", ["en", "ett", "hyra", "tusentusen", "sjusju", "nollsju", ""])
def test_words_that_are_not_numbers(word):
    assert parse_number_word(word) is None


@pytest.mark.parametrize(("text", "value"), [
    ("7 200", Decimal(7200)), ("7200", Decimal(7200)), ("7.200", Decimal(7200)),
    ("12 500", Decimal(12500)), ("1 000 000", Decimal(1000000)), ("7,5", Decimal("7.5")),
    ("412,50", Decimal("412.50")),
])
def test_digits(text, value):
    assert parse_digits(text) == value


def test_kronor_round_half_up():
    assert to_kronor(Decimal("412.50")) == 413
    assert to_kronor(Decimal("412.49")) == 412
    assert to_kronor(Decimal("7500")) == 7500
