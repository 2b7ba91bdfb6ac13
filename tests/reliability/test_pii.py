"""Personal identity numbers are removed; amounts and dates are kept.

Check digits below were computed by hand with the Luhn rule on the 10-digit form:
811218-9876 → 7+1+2+2+2+8+9+8+5+6 = 50 (valid); 701063-2391 → 5+0+2+0+3+3+4+3+9+1 = 30 (valid,
samordningsnummer: day 63 = the 3rd).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from web.pii import PLACEHOLDER, luhn_valid, notice, redact


@pytest.mark.parametrize(
    "digits, expected",
    [
        ("8112189876", True),
        ("7010632391", True),
        ("8112189875", False),
        ("7010632392", False),
        ("811218987", False),
        ("81121898x6", False),
    ],
)
def test_luhn(digits, expected):
    assert luhn_valid(digits) is expected


@pytest.mark.parametrize(
    "written",
    [
        "811218-9876",
        "8112189876",
        "19811218-9876",
        "198112189876",
        "811218+9876",  # over 100 years old
        "811218–9876",  # en dash, as word processors write it
        "811218 9876",
        "701063-2391",  # samordningsnummer
        "197010632391",
    ],
)
def test_valid_numbers_are_removed_in_every_written_form(written):
    result = redact(f"Klienten {written} har hyra 6500 kr.")
    assert result.text == f"Klienten {PLACEHOLDER} har hyra 6500 kr."
    assert result.removed == 1
    assert result.removed_with_valid_checksum == 1


@pytest.mark.parametrize(
    "written",
    ["811218-9875", "198112189870", "701063-2392", "000229-1234"],
)
def test_right_shape_and_real_date_is_removed_even_with_a_wrong_check_digit(written):
    result = redact(f"pnr {written}")
    assert result.text == f"pnr {PLACEHOLDER}"
    assert result.removed == 1
    assert result.removed_with_valid_checksum == 0


@pytest.mark.parametrize(
    "text",
    [
        "hyra 6500 kr, el 450 kr",
        "inkomst 1 250 000 kr per år",
        "belopp 1250000",
        "ansökan kom 2024-01-15",
        "född 19850101",
        "född 850101",
        "referens 1234567890",  # month 34: not a date
        "811318-9876",  # month 13
        "19810229-1234",  # 1981 was no leap year
        "810229-1234",  # neither 1981 nor 2081 is a leap year
        "556036-0793",  # organisationsnummer: month 60
        "ärende 12345198112189876",  # part of a longer run of digits
        "1981121898760",  # 13 digits
        "barnbidrag 1250 kr, 2 barn, 3 vuxna",
    ],
)
def test_amounts_dates_and_other_numbers_are_kept(text):
    result = redact(text)
    assert result.text == text
    assert result.removed == 0
    assert notice(result) is None


def test_several_numbers_are_counted_and_the_notice_says_so():
    result = redact("Make 811218-9876 och maka 701063-2391, hyra 7200 kr")
    assert result.text == f"Make {PLACEHOLDER} och maka {PLACEHOLDER}, hyra 7200 kr"
    assert result.removed == 2
    assert notice(result) == (
        "Jag tog bort 2 personnummer ur ditt meddelande innan det behandlades eller sparades. "
        "Skriv inte personnummer här – de behövs inte för att svara eller räkna."
    )
    assert notice(redact("811218-9876")).startswith("Jag tog bort ett personnummer ")


def _ten_digit_form(day: dt.date, serial: int, coordination: bool) -> str:
    dd = day.day + (60 if coordination else 0)
    body = f"{day:%y%m}{dd:02d}{serial:03d}"
    for check in range(10):
        if luhn_valid(body + str(check)):
            return body + str(check)
    raise AssertionError("no check digit found")


@given(
    day=st.dates(min_value=dt.date(1890, 1, 1), max_value=dt.date(2030, 12, 31)),
    serial=st.integers(0, 999),
    coordination=st.booleans(),
    long_form=st.booleans(),
    separator=st.sampled_from(["", "-", "+"]),
    before=st.text(alphabet="abc åäö,.:", max_size=10),
)
def test_any_valid_number_disappears_completely(
    day, serial, coordination, long_form, separator, before
):
    ten = _ten_digit_form(day, serial, coordination)
    written = (f"{day.year // 100}" if long_form else "") + ten[:6] + separator + ten[6:]
    result = redact(f"{before}{written} har barn")
    assert result.text == f"{before}{PLACEHOLDER} har barn"
    assert ten[6:] not in result.text
    assert result.removed_with_valid_checksum == 1


@given(amount=st.integers(0, 999_999_999), unit=st.sampled_from([" kr", ":-", " kronor", ""]))
def test_amounts_below_ten_digits_are_never_touched(amount, unit):
    for text in (f"{amount}{unit}", f"{amount:,}{unit}".replace(",", " ")):
        assert redact(text).text == text


@given(
    day=st.dates(min_value=dt.date(1930, 1, 1), max_value=dt.date(2024, 12, 31)),
    serial=st.integers(0, 999),
    rent=st.integers(1000, 20000),
)
def test_a_removed_personnummer_never_becomes_an_amount_in_the_facts_parser(day, serial, rent):
    from intake import parse_message

    ten = _ten_digit_form(day, serial, coordination=False)
    text = f"klient {ten[:6]}-{ten[6:]}, hyra {rent}"
    parsed = parse_message(redact(text).text, expecting=None, today=dt.date(2026, 3, 10))
    assert set(parsed.amounts()) <= {rent}
