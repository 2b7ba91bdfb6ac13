"""Call transcripts over HTTP against the real Rasa and action servers: exact-amount rate.

    .venv/bin/python benchmarks/intake_chat.py                  # the development set
    .venv/bin/python benchmarks/intake_chat.py --show           # and every miss, with the replies
    .venv/bin/python benchmarks/intake_chat.py --limit 20       # the first 20 transcripts only
    .venv/bin/python benchmarks/intake_chat.py intake/eval/heldout_*.jsonl   # a held-out set (once)

Starts both servers on free loopback ports (tests/support/services.py) with the action server's
"today" fixed by BG_TODAY, and plays each transcript (intake.transcripts) as a caseworker in
the chat, with a fresh sender, in the order of ``intake.transcripts._Call.play``:

1. the ``turns``;
2. while the form asks (``slots.requested_slot`` of the tracker after each message): a fact
   question gets its reply from ``answers`` (once; none → failure), the summary
   (calc_confirmed) gets the ``at_summary`` messages that are not a plain yes, each followed
   by the questions it brings, and then "ja"; until a reply carries a calculation or a
   refusal, or nothing is asked and nothing is left to type;
3. each of ``after_result``, with the questions it brings (and "ja" if the summary comes back).

The outcome is the last ``custom.calculation.forsorjningsstod`` of the replies, or the
refusal (``custom.error``) when that came last. Judged as ``intake.transcripts.judge``: the
exact amount of ``expected_result``, or a refusal and no amount where that gives a refusal.
This is the figure that counts for the product; benchmarks/intake.py plays the same
transcripts through the intake alone.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import typer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from intake.transcripts import (  # noqa: E402
    ANSWER_KEYS,
    MAX_QUESTIONS,
    WRITERS_TODAY,
    Transcript,
    development_files,
    expected_result,
    is_yes,
    judge,
    load,
    percentiles_ms,
    rate_table,
)
from tests.support.services import Stack, start_stack  # noqa: E402

CONFIRM = "ja"


@dataclass
class ChatOutcome:
    amount: int | None = None
    refused: str | None = None  # the calculator's message when the last result was a refusal
    failure: str | None = None  # the dialogue could not go on
    exchanges: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)
    turn_seconds: list[float] = field(default_factory=list)


class _ChatCall:
    """One transcript, played as a caseworker in the chat."""

    def __init__(self, t: Transcript, stack: Stack, client: httpx.Client):
        self.t, self.stack, self.client = t, stack, client
        self.sender = f"intake-chat-{t.id}-{uuid.uuid4().hex[:12]}"
        self.answers = dict(t.answers)
        self.out = ChatOutcome()
        self.result_seen = False  # a calculation or a refusal in any reply so far

    def send(self, text: str) -> None:
        start = time.perf_counter()
        response = self.client.post(f"{self.stack.rasa_url}/webhooks/rest/webhook",
                                     json={"sender": self.sender, "message": text})
        self.out.turn_seconds.append(time.perf_counter() - start)
        response.raise_for_status()
        replies = response.json()
        self.out.exchanges.append((text, replies))
        for reply in replies:
            custom = reply.get("custom")
            if not isinstance(custom, dict):
                continue
            if "calculation" in custom:
                self.out.amount = custom["calculation"]["forsorjningsstod"]
                self.out.refused = None
                self.result_seen = True
            elif "error" in custom:
                self.out.amount = None
                self.out.refused = custom["error"].get("message") or str(custom["error"])
                self.result_seen = True

    def asked(self) -> str | None:
        """The question the form is asking: the tracker's requested_slot."""
        response = self.client.get(
            f"{self.stack.rasa_url}/conversations/{self.sender}/tracker",
            params={"include_events": "NONE"})
        response.raise_for_status()
        return (response.json().get("slots") or {}).get("requested_slot")

    def answer(self, slot: str) -> bool:
        key = ANSWER_KEYS[slot]
        reply = self.answers.pop(key, None)
        if reply is None:
            self.out.failure = f"frågade {key} ({slot}) utan svar i transkriptet"
            return False
        self.send(reply)
        return True

    def to_result(self) -> bool:
        """Step 2: answer the questions and the summary until a result (or nothing is asked)."""
        at_summary = [m for m in self.t.at_summary if not is_yes(m)]
        for _ in range(MAX_QUESTIONS + len(at_summary)):
            if self.result_seen:
                return True
            slot = self.asked()
            if slot in ANSWER_KEYS:
                if not self.answer(slot):
                    return False
            elif slot == "calc_confirmed":
                self.send(at_summary.pop(0) if at_summary else CONFIRM)
            elif slot is None and at_summary:
                self.send(at_summary.pop(0))  # nothing asked: the caseworker goes on typing
            else:
                return True  # nothing asked, nothing left to type (or a slot we do not know)
        self.out.failure = "frågar om och om igen"
        return False

    def after_result(self, text: str) -> bool:
        """Step 3: a message after the result, and the questions it brings."""
        self.send(text)
        for _ in range(MAX_QUESTIONS):
            slot = self.asked()
            if slot in ANSWER_KEYS:
                if not self.answer(slot):
                    return False
            elif slot == "calc_confirmed":
                self.send(CONFIRM)
            else:
                return True
        self.out.failure = "frågar om och om igen"
        return False

    def play(self) -> ChatOutcome:
        try:
            for text in self.t.turns:
                self.send(text)
            if not self.to_result():
                return self.out
            for text in self.t.after_result:
                if not self.after_result(text):
                    return self.out
        except httpx.HTTPError as err:
            self.out.failure = f"HTTP: {type(err).__name__}: {err}"
            return self.out
        if self.out.amount is None and self.out.refused is None:
            self.out.failure = "inget resultat"
        return self.out


def _texts(replies: list[dict[str, Any]]) -> list[str]:
    return [r["text"] for r in replies if "text" in r]


def _warm_up(stack: Stack, client: httpx.Client) -> None:
    """One untimed call, so that the first transcript does not pay for loading the models."""
    sender = f"intake-chat-warmup-{uuid.uuid4().hex[:8]}"
    for text in ("hej", "ensamstående utan barn, hyra 6 000", CONFIRM):
        client.post(f"{stack.rasa_url}/webhooks/rest/webhook",
                    json={"sender": sender, "message": text}).raise_for_status()


def main(files: list[Path] = typer.Argument(None),  # noqa: B008
         show: bool = typer.Option(False, help="print every miss with the last replies"),
         limit: int = typer.Option(0, help="play only the first N transcripts (0: all)")) -> None:
    files = files or development_files()
    if not files:
        raise typer.BadParameter("no transcripts: intake/eval/dev_*.jsonl is empty")
    transcripts = [t for path in files for t in load(path)]
    if limit:
        transcripts = transcripts[:limit]
    os.environ["BG_TODAY"] = WRITERS_TODAY.isoformat()  # the action server inherits it
    total, right = Counter(), Counter()
    times: list[float] = []
    misses = []
    failures = 0
    with tempfile.TemporaryDirectory(prefix="intake-chat-") as tmp:
        started = time.perf_counter()
        stack = start_stack(Path(tmp))
        print(f"servers ready in {time.perf_counter() - started:.1f} s; "
              f"{len(transcripts)} transcripts")
        try:
            with httpx.Client(timeout=60.0) as client:
                _warm_up(stack, client)
                started = time.perf_counter()
                for t in transcripts:
                    amount, refusal = expected_result(t)
                    out = _ChatCall(t, stack, client).play()
                    times += out.turn_seconds
                    total[t.category] += 1
                    failures += out.failure is not None
                    ok = judge(t, out)
                    right[t.category] += ok
                    if not ok:
                        misses.append((t, out, amount, refusal))
                played = time.perf_counter() - started
        finally:
            stack.stop()
    print(rate_table(total, right))
    if times:
        p50, p95, top = percentiles_ms(times)
        print(f"HTTP turn: n={len(times)} p50={p50:.0f} ms p95={p95:.0f} ms max={top:.0f} ms; "
              f"played in {played:.1f} s")
    print(f"failures (the dialogue could not go on): {failures}")
    if show:
        for t, out, amount, refusal in misses:
            print(f"\n--- {t.id} [{t.category}] expected {amount} {refusal or ''}; got "
                  f"{out.amount} {out.refused or ''} {out.failure or ''}")
            for text, _replies in out.exchanges:
                print(f"  > {text}")
            for text, replies in out.exchanges[-3:]:
                print(f"  [{text}]")
                for reply in _texts(replies):
                    print("    < " + reply.replace("\n", "\n      "))
            print(f"  expected: {t.expected_input}")


if __name__ == "__main__":
    typer.run(main)
