"""Every limit the intake needs, read from the calculator's own rules and parameter files.

The intake never copies a rule: school age, the oldest child, the lunch ages, the day divisor,
the cost keys and the income types all come from ``calculator``. The calculator stays the only
validator; these limits only steer what the intake asks and how it reads a message.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from calculator import available_years, load_parameters, load_rules


@dataclass(frozen=True, slots=True)
class Limits:
    school_age_from: int  # 19: from this age a child counts only if at home and in school
    child_max_age: int  # 20: the oldest age with a child amount in the riksnorm table
    lunch_max_age: int  # 6: the oldest age with a "lunch at förskola" amount
    full_month_days: int  # 30: the day divisor, i.e. a whole month
    cost_keys: tuple[str, ...]
    income_types: tuple[str, ...]
    years: tuple[int, ...]

    @property
    def alternate_week_days(self) -> int:
        """"Varannan vecka": half of the month."""
        return self.full_month_days // 2


@cache
def limits() -> Limits:
    rules = load_rules()
    years = available_years()
    newest = load_parameters(years[-1])
    return Limits(
        school_age_from=rules.value("skolungdom_fran_alder"),
        child_max_age=len(newest.child_by_age) - 1,
        lunch_max_age=len(newest.child_lunch_by_age) - 1,
        full_month_days=rules.value("dagar_divisor"),
        cost_keys=tuple(rules.cost_types),
        income_types=tuple(rules.income_types),
        years=years,
    )


def income_label(key: str) -> str:
    """The income type's Swedish name from the calculator's rules ("merkostnadsersättning")."""
    kind = load_rules().income_types.get(key)
    return kind.label if kind else key
