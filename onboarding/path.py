"""The introduction path: steps from onboarding/data/path.yaml, answers to their check questions,
and navigation ("nästa", "tillbaka", "hoppa över", "börja om") over a small state dict that the
dialogue keeps in a slot, so that leaving and coming back keep the place."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from calculator import load_rules
from onboarding.glossary import Source, normalize

PATH_FILE = FilePath(__file__).parent / "data" / "path.yaml"
LETTERS = "abcdefgh"


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    title: str
    text: str
    sources: list[Source] = Field(min_length=1, max_length=2)
    question: str
    options: list[str] = Field(min_length=2, max_length=4)
    answer: int
    explanation: str

    @model_validator(mode="after")
    def _answer_is_an_option(self) -> Step:
        if not 0 <= self.answer < len(self.options):
            raise ValueError(f"{self.id}: answer {self.answer} is not an option")
        return self

    def option_label(self, i: int) -> str:
        return f"{LETTERS[i]}) {self.options[i]}"

    def chosen(self, reply: str) -> int | None:
        """Which option a reply chooses: its letter ("b", "b)", "svar b"), its number, or its
        text; None when the reply chooses none."""
        text = normalize(reply)
        text = re.sub(r"^(?:svar(?:et)?(?: är)?|jag (?:tror|svarar|väljer)|det är|alternativ)\s+",
                      "", text)
        for i, option in enumerate(self.options):
            if text == normalize(option):
                return i
        m = re.fullmatch(r"([a-h])\)?|([1-8])", text)
        if m:
            i = LETTERS.index(m.group(1)) if m.group(1) else int(m.group(2)) - 1
            return i if i < len(self.options) else None
        words = f" {text} "
        found = [i for i, o in enumerate(self.options) if f" {normalize(o)} " in words]
        return found[0] if len(found) == 1 else None


@dataclass(frozen=True)
class CheckResult:
    right: bool
    text: str


class Path:
    def __init__(self, steps: list[Step]) -> None:
        self.steps = steps

    def __len__(self) -> int:
        return len(self.steps)

    def check(self, index: int, option: int) -> CheckResult:
        step = self.steps[index]
        right = option == step.answer
        head = "Rätt!" if right else (
            f"Inte riktigt. Rätt svar är {step.option_label(step.answer)}.")
        return CheckResult(right, f"{head} {fill(step.explanation)}")


def fill(text: str) -> str:
    """Rule parameters named in braces ({jobbstimulans_andel_procent}), from rules.yaml."""
    params = {name: p.value for name, p in load_rules().params.items()}
    return text.format_map(params)


def read_path(path: FilePath) -> Path:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    steps = [Step.model_validate(s) for s in data["steps"]]
    for step in steps:  # every placeholder names a rule parameter
        for text in (step.text, step.question, step.explanation, *step.options):
            fill(text)
    return Path(steps)


@functools.cache
def load_path() -> Path:
    return read_path(PATH_FILE)


# --------------------------------------------------------------------------- navigation

NEXT, BACK, SKIP, RESTART, RESUME, LEAVE = "next", "back", "skip", "restart", "resume", "leave"
_COMMANDS = [
    (RESTART, r"(?:börja om|starta om|från början)(?: med)?(?: introduktionen| kursen| guiden)?"),
    (SKIP, r"(?:hoppa över|skippa|hoppa)(?: frågan| steget| den här| detta)?"),
    (BACK, r"(?:tillbaka|bakåt|gå tillbaka|föregående|förra|förra steget|backa|ett steg tillbaka)"
           r"(?: steg)?"),
    (NEXT, r"(?:nästa|nästa steg|vidare|gå vidare|fortsätt|framåt|ok nästa|okej nästa|klar)"),
    (RESUME, r"(?:fortsätt|återuppta|tillbaka till)(?: med)?(?: introduktionen| kursen| guiden"
             r"| genomgången| lektionen)"),
    (LEAVE, r"(?:avsluta|pausa|sluta med|lämna)(?: introduktionen| kursen| guiden)?"),
]


def command(text: str) -> str | None:
    """The navigation command a message is, or None."""
    t = normalize(text)
    t = re.sub(r"^(?:ok|okej|ja|tack|bra)\s+", "", t)
    for name, pattern in _COMMANDS:
        if re.fullmatch(pattern + r"(?: tack| då| nu)?", t):
            return name
    return None


def new_state() -> dict[str, Any]:
    return {"step": 0, "answered": {}, "done": False, "awaiting_next": False}


def state_from_slot(value: Any) -> dict[str, Any]:
    state = new_state()
    if isinstance(value, dict):
        state.update({k: value[k] for k in state if k in value})
    state["step"] = max(0, min(int(state["step"]), len(load_path()) - 1))
    return state


def navigate(state: dict[str, Any], cmd: str) -> tuple[dict[str, Any], bool]:
    """The state after a command, and whether the path is finished (nästa on the last step)."""
    s = dict(state, answered=dict(state.get("answered") or {}))
    last = len(load_path()) - 1
    s["awaiting_next"] = False
    if cmd == RESTART:
        return {**new_state(), "answered": {}}, False
    if cmd == BACK:
        s["step"] = max(0, s["step"] - 1)
    elif cmd in (NEXT, SKIP):
        if cmd == SKIP and str(s["step"]) not in s["answered"]:
            s["answered"][str(s["step"])] = "skipped"
        if s["step"] >= last:
            s["done"] = True
            return s, True
        s["step"] += 1
    return s, False


def score(state: dict[str, Any]) -> tuple[int, int]:
    answered = state.get("answered") or {}
    return (sum(1 for v in answered.values() if v == "right"),
            sum(1 for v in answered.values() if v in ("right", "wrong")))
