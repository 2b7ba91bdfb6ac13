"""Call transcripts of the development set, played through the intake without Rasa.

A transcript (``intake/eval/*.jsonl``, written blind; see ``intake/eval/README.md``) is what a
caseworker types during one call: the first messages, the replies to the questions the
assistant may ask, what is typed at the summary, and corrections after the result; with the
household the caseworker meant (the calculator's input contract) and its amount.

``play`` follows the calculation form's order (``actions/forms.py``): each message is read
with the question the form is asking, the form asks for ``missing`` facts, the summary is
answered, the calculator computes, corrections recompute. It measures the intake alone, in
milliseconds; ``benchmarks/intake_chat.py`` plays the same transcripts over HTTP against the
real Rasa and action servers, which is the figure that counts for the product.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from intake.facts import Facts, check, merge, missing, parse, to_calculation_input
from intake.limits import limits

# The question (form slot) → the key of the transcript's "answers".
ANSWER_KEYS = {"calc_adults": "adults", "calc_children": "children",
               "calc_children_days": "days", "calc_in_school": "in_school",
               "calc_household_size": "household_size",
               "calc_support_months": "support_months"}
YES = ("ja", "japp", "jo", "stämmer", "ja det stämmer", "korrekt", "ja, räkna")
MAX_QUESTIONS = 8  # questions in a row before a call counts as stuck
EVAL_DIR = Path(__file__).resolve().parent / "eval"
# The writers' "current month" is December 2026 (writers_brief.md): the benchmarks fix today.
WRITERS_TODAY = dt.date(2026, 12, 4)


def development_files() -> list[Path]:
    return sorted(EVAL_DIR.glob("dev_*.jsonl"))


def heldout_files() -> list[Path]:
    return sorted(EVAL_DIR.glob("heldout_*.jsonl"))


def is_yes(text: str) -> bool:
    """A plain yes to the summary (the benchmarks send their own "ja" after the others)."""
    return text.strip().lower().strip(".!") in YES


@dataclass
class Transcript:
    id: str
    category: str
    turns: list[str]
    answers: dict[str, str] = field(default_factory=dict)
    at_summary: list[str] = field(default_factory=list)
    after_result: list[str] = field(default_factory=list)
    expected_input: dict[str, Any] | None = None
    expected_amount: int | None = None
    expected_refusal: str | None = None
    why: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Transcript:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})

    def messages(self) -> list[str]:
        return [*self.turns, *self.answers.values(), *self.at_summary, *self.after_result]


def load(path: Path) -> list[Transcript]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(Transcript.from_json(json.loads(line)))
    return out


def expected_result(t: Transcript) -> tuple[int | None, str | None]:
    """The amount the expected household gives, or the calculator's refusal."""
    from calculator import InputError, compute

    if t.expected_input is None:
        return None, "ingen förväntad indata"
    try:
        return compute(t.expected_input).forsorjningsstod, None
    except InputError as err:
        return None, err.message


@dataclass
class Outcome:
    amount: int | None = None
    refused: str | None = None  # the calculator's message when it refused
    failure: str | None = None  # the dialogue could not go on (a question without an answer)
    facts: Facts = field(default_factory=Facts)
    parse_seconds: list[float] = field(default_factory=list)


class _Call:
    def __init__(self, t: Transcript, today: dt.date):
        self.t, self.today = t, today
        self.facts = Facts()
        self.out = Outcome()
        self.answers = dict(t.answers)
        self.active = False

    def send(self, text: str, expecting: str | None) -> None:
        start = time.perf_counter()
        parsed = parse(text, self.facts, expecting=expecting, today=self.today)  # type: ignore[arg-type]
        new, _problems = check(merge(self.facts, parsed), self.facts, limits().years)
        self.out.parse_seconds.append(time.perf_counter() - start)
        self.facts = new
        self.active = True

    def answer_questions(self) -> bool:
        for _ in range(MAX_QUESTIONS):
            todo = missing(self.facts)
            if not todo:
                return True
            key = ANSWER_KEYS[todo[0]]
            reply = self.answers.pop(key, None)
            if reply is None:
                self.out.failure = f"frågade {key} utan svar i transkriptet"
                return False
            self.send(reply, todo[0])
        self.out.failure = "frågar om och om igen"
        return False

    def compute(self) -> None:
        from calculator import InputError, compute

        inp = to_calculation_input(self.facts, self.today)
        try:
            self.out.amount, self.out.refused = compute(inp).forsorjningsstod, None
        except InputError as err:
            self.out.amount, self.out.refused = None, err.message

    def play(self) -> Outcome:
        for text in self.t.turns:
            todo = missing(self.facts) + ["calc_confirmed"]
            self.send(text, todo[0] if self.active else None)
        if not self.answer_questions():
            return self._done()
        for text in self.t.at_summary:
            if is_yes(text):
                continue
            self.send(text, "calc_confirmed")
            if not self.answer_questions():
                return self._done()
        self.compute()
        for text in self.t.after_result:
            self.send(text, None)
            if not self.answer_questions():
                return self._done()
            self.compute()
        return self._done()

    def _done(self) -> Outcome:
        self.out.facts = self.facts
        return self.out


def play(t: Transcript, today: dt.date) -> Outcome:
    return _Call(t, today).play()


def judge(t: Transcript, out: Any) -> bool:
    """Exact amount, or a refusal where the expected household cannot be computed. ``out`` is
    an Outcome, or any result with ``failure``, ``amount`` and ``refused`` (the chat's)."""
    if out.failure:
        return False
    amount, refusal = expected_result(t)
    if refusal is not None:
        return out.amount is None and out.refused is not None
    return out.amount == amount


def rate_table(total: dict[str, int], right: dict[str, int]) -> str:
    """The exact-amount rate per category and for all, as the benchmarks print it."""
    lines = [f"{'kategori':<12} {'rätt':>5} {'av':>4} {'andel':>7}"]
    for cat in sorted(total):
        lines.append(f"{cat:<12} {right[cat]:>5} {total[cat]:>4} "
                     f"{right[cat] / total[cat]:>7.3f}")
    n, r = sum(total.values()), sum(right.values())
    lines.append(f"{'alla':<12} {r:>5} {n:>4} {r / max(n, 1):>7.3f}")
    return "\n".join(lines)


def percentiles_ms(seconds: list[float]) -> tuple[float, float, float]:
    """p50, p95 and max of durations, in milliseconds."""
    ms = sorted(x * 1000 for x in seconds)
    return statistics.median(ms), ms[min(len(ms) - 1, int(0.95 * len(ms)))], ms[-1]
