"""Intake: a caseworker's free text → the facts of each household member.

No Rasa import, no HTTP: pure functions over text, so that a development set of call
transcripts is evaluated in milliseconds (``python -m intake.eval``). The grammar
(``grammar.py``) reads one message; ``facts.py`` keeps the facts per person and merges
corrections; every limit comes from the calculator's rules (``limits.py``). The calculator
stays the only validator.
"""

from intake.facts import (
    ChildFacts,
    Facts,
    IncomeEntry,
    calculation_month,
    check,
    drop_children,
    merge,
    missing,
    parse,
    to_calculation_input,
)
from intake.grammar import Expecting, ParsedFacts, parse_message
from intake.limits import limits
from intake.tokens import numbers_in

__all__ = [
    "ChildFacts",
    "Expecting",
    "Facts",
    "IncomeEntry",
    "ParsedFacts",
    "calculation_month",
    "check",
    "drop_children",
    "limits",
    "merge",
    "missing",
    "numbers_in",
    "parse",
    "parse_message",
    "to_calculation_input",
]
