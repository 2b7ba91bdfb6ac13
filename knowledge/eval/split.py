"""Split the retrieval development set into a tune half and a held-out half.

Reads the single sources written by hand (all_questions.jsonl, all_out_of_scope.txt,
labels.txt) and writes questions_tune.jsonl, questions_heldout.jsonl,
out_of_scope_tune.txt and out_of_scope_heldout.txt next to them.

The split is random with a fixed seed and stratified: in-domain questions by the document(s)
their gold labels belong to, out-of-scope questions by their "# kategori:" block. Within each
split the lines keep the order of the source file.

Run from the repository root:

    .venv/bin/python knowledge/eval/split.py            # write the four files
    .venv/bin/python knowledge/eval/split.py --check    # only verify they are up to date
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

import typer

SEED = 20260104
EVAL_DIR = Path(__file__).resolve().parent

LABELS_FILE = "labels.txt"
QUESTIONS_FILE = "all_questions.jsonl"
OUT_OF_SCOPE_FILE = "all_out_of_scope.txt"
QUESTIONS_TUNE = "questions_tune.jsonl"
QUESTIONS_HELDOUT = "questions_heldout.jsonl"
OUT_OF_SCOPE_TUNE = "out_of_scope_tune.txt"
OUT_OF_SCOPE_HELDOUT = "out_of_scope_heldout.txt"

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


def question_stratum(question: Question, labels: dict[str, Label]) -> str:
    unknown = [g for g in question.gold if g not in labels]
    if unknown:
        raise DevsetError(f"okänd guldetikett {unknown} i frågan '{question.q}'")
    return "+".join(sorted({labels[g].doc for g in question.gold}))


def stratified_split(strata: list[str], seed: int = SEED) -> tuple[list[int], list[int]]:
    """Split item indices ~50/50 within each stratum; return sorted (tune, heldout) indices.

    Odd-sized strata give their extra item alternately to tune and held-out, so the halves
    differ by at most one item overall.
    """
    rng = random.Random(seed)
    tune: list[int] = []
    heldout: list[int] = []
    extra_to_tune = True
    for stratum in sorted(set(strata)):
        members = [i for i, s in enumerate(strata) if s == stratum]
        rng.shuffle(members)
        half = len(members) // 2
        if len(members) % 2:
            half += 1 if extra_to_tune else 0
            extra_to_tune = not extra_to_tune
        tune.extend(members[:half])
        heldout.extend(members[half:])
    return sorted(tune), sorted(heldout)


def render_questions(questions: list[Question], indices: list[int]) -> str:
    return "".join(
        json.dumps({"q": questions[i].q, "gold": list(questions[i].gold)}, ensure_ascii=False)
        + "\n"
        for i in indices
    )


def build(eval_dir: Path = EVAL_DIR, seed: int = SEED) -> dict[str, str]:
    """Compute the content of the four split files from the sources in eval_dir."""
    labels = read_labels(eval_dir / LABELS_FILE)
    questions = read_questions(eval_dir / QUESTIONS_FILE)
    oos = read_out_of_scope(eval_dir / OUT_OF_SCOPE_FILE)

    q_tune, q_heldout = stratified_split([question_stratum(q, labels) for q in questions], seed)
    o_tune, o_heldout = stratified_split([category for category, _ in oos], seed)
    return {
        QUESTIONS_TUNE: render_questions(questions, q_tune),
        QUESTIONS_HELDOUT: render_questions(questions, q_heldout),
        OUT_OF_SCOPE_TUNE: "".join(oos[i][1] + "\n" for i in o_tune),
        OUT_OF_SCOPE_HELDOUT: "".join(oos[i][1] + "\n" for i in o_heldout),
    }


def main(
    check: bool = typer.Option(False, "--check", help="Skriv inget; kontrollera bara filerna."),
    seed: int = typer.Option(SEED, help="Slumpfrö för uppdelningen."),
) -> None:
    files = build(EVAL_DIR, seed)
    stale = [
        name
        for name, content in files.items()
        if not (EVAL_DIR / name).exists()
        or (EVAL_DIR / name).read_text(encoding="utf-8") != content
    ]
    if check:
        if stale:
            typer.echo(f"Inaktuella filer: {', '.join(stale)}", err=True)
            raise typer.Exit(1)
        typer.echo("Uppdelningen är aktuell.")
        return
    for name, content in files.items():
        (EVAL_DIR / name).write_text(content, encoding="utf-8")
        typer.echo(f"{name}: {content.count(chr(10))} rader")


if __name__ == "__main__":
    typer.run(main)
