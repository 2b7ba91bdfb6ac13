"""Biståndsguiden's calculator: a household's monthly försörjningsstöd, rules as code.

Pure and deterministic: no I/O beyond reading its own parameter files, no Rasa, no HTTP.

    from calculator import compute, explain
    result = compute({"year": 2024, "month": 3, "household": {...}, ...})
    print(result.forsorjningsstod, explain(result))
"""

from .engine import compute
from .errors import InputError
from .explain import explain
from .models import CalculationInput, CalculationResult, Row, parse_input
from .params import ParameterError, available_years, load_parameters, load_rules

__all__ = [
    "CalculationInput",
    "CalculationResult",
    "InputError",
    "ParameterError",
    "Row",
    "available_years",
    "compute",
    "explain",
    "load_parameters",
    "load_rules",
    "parse_input",
]
