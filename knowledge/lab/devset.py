"""The retrieval development set: where its files are, and readers that check them.

knowledge/eval/development/ holds one pair of files per batch written blind by a separate
session (knowledge/eval/README.md lists who wrote each and when it was evaluated once as a
held-out set before joining): ``<batch>_questions.jsonl`` (``{"q", "gold"[, "topics"]}`` a
line) and ``<batch>_out_of_scope.txt`` (``# kategori:`` blocks). knowledge/eval/labels.txt lists
every valid gold label. The section classifier's trainer leaves one batch out at a time, so a
new batch gets its own files and is appended to BATCHES.

No import from the rest of knowledge/: the tests load this file by path.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parents[1] / "eval"
DEVELOPMENT_DIR = EVAL_DIR / "development"
LABELS_FILE = EVAL_DIR / "labels.txt"
STARTER_FILE = EVAL_DIR / "starter.jsonl"  # the 30 starter questions, not development data
# the order the trainers read them in; the shipped section classifier was fitted on the first 15
# in this order (batch10a/b joined after their held-out evaluation and are not yet trained on)
BATCHES = ("batch1", "batch2", "batch3", "batch4", "batch5", "batch6a", "batch6b",
           "batch7a", "batch7b", "batch7", "batch8", "batch8a", "batch8b", "batch9a", "batch9b",
           "batch10a", "batch10b")
DEV_QUESTIONS = tuple(f"{b}_questions.jsonl" for b in BATCHES)
DEV_OUT_OF_SCOPE = tuple(f"{b}_out_of_scope.txt" for b in BATCHES)

DOC_PREFIX = "## doc:"
CATEGORY_PREFIX = "# kategori:"


class DevsetError(ValueError):
    """A source file of the development set is malformed."""


@dataclass(frozen=True)
class Label:
    name: str
    doc: str
    parent: str | None


@dataclass(frozen=True)
class Question:
    q: str
    gold: tuple[str, ...]


def normalize(text: str) -> str:
    """Key used to detect duplicate questions: case- and whitespace-insensitive."""
    return " ".join(text.casefold().split()).rstrip("?!. ")


def read_labels(path: Path) -> dict[str, Label]:
    labels: dict[str, Label] = {}
    doc: str | None = None
    parent: str | None = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if raw.startswith(DOC_PREFIX):
            doc = raw[len(DOC_PREFIX) :].strip()
            parent = None
            continue
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if doc is None:
            raise DevsetError(f"{path.name} rad {lineno}: etikett före första '{DOC_PREFIX}'")
        name = raw.strip()
        if name in labels:
            raise DevsetError(f"{path.name} rad {lineno}: etiketten '{name}' finns två gånger")
        if raw.startswith("  "):
            if parent is None:
                raise DevsetError(f"{path.name} rad {lineno}: underrubrik utan överrubrik")
            labels[name] = Label(name, doc, parent)
        else:
            labels[name] = Label(name, doc, None)
            parent = name
    return labels


def read_questions(path: Path) -> list[Question]:
    questions: list[Question] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise DevsetError(f"{path.name} rad {lineno}: ogiltig JSON ({exc.msg})") from exc
        q, gold = obj.get("q"), obj.get("gold")
        if not isinstance(q, str) or not q.strip():
            raise DevsetError(f"{path.name} rad {lineno}: fältet 'q' saknas eller är tomt")
        if not isinstance(gold, list) or not gold or not all(isinstance(g, str) for g in gold):
            raise DevsetError(
                f"{path.name} rad {lineno}: fältet 'gold' ska vara en icke-tom lista av strängar"
            )
        if set(obj) != {"q", "gold"}:
            raise DevsetError(
                f"{path.name} rad {lineno}: okända fält {sorted(set(obj) - {'q', 'gold'})}"
            )
        questions.append(Question(q, tuple(gold)))
    return questions


def read_out_of_scope(path: Path) -> list[tuple[str, str]]:
    """Return (category, question) pairs."""
    items: list[tuple[str, str]] = []
    category: str | None = None
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if line.startswith(CATEGORY_PREFIX):
            category = line[len(CATEGORY_PREFIX) :].strip()
            continue
        if not line or line.startswith("#"):
            continue
        if category is None:
            raise DevsetError(f"{path.name} rad {lineno}: fråga före första '{CATEGORY_PREFIX}'")
        items.append((category, line))
    return items
