"""Command line: build, search, evaluate (a contract other tools rely on)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from knowledge.domain import DomainModelError
from knowledge.index import IndexMismatchError, build_index
from knowledge.model import CorpusError

app = typer.Typer(add_completion=False, help="Biståndsguidens kunskapsbas: bygg, sök, utvärdera.")

IndexOption = Annotated[
    Path | None, typer.Option("--index", help="Indexkatalog (standard: knowledge/index).")
]
ModelOption = Annotated[
    Path | None,
    typer.Option("--st-model", help="Lokal sentence-transformers-modellkatalog i stället för e5."),
]


def _embedder(st_model: Path | None):
    if st_model is None:
        return None
    from knowledge.embedders import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder(st_model)


def _searcher(index: Path | None, st_model: Path | None):
    from knowledge.search import Searcher

    try:
        return Searcher.load(index, embedder=_embedder(st_model))
    except IndexMismatchError as exc:
        typer.echo(f"Fel: {exc}", err=True)
        raise typer.Exit(2) from exc


@app.command()
def build(
    index: IndexOption = None,
    st_model: ModelOption = None,
    force: Annotated[bool, typer.Option("--force", help="Bygg om även om inget ändrats.")] = False,
) -> None:
    """Läs korpusen (inklusive knowledge/local/) och bygg indexet."""
    try:
        report = build_index(index, embedder=_embedder(st_model), force=force)
    except (CorpusError, DomainModelError) as exc:
        typer.echo(f"Fel i korpusen: {exc}", err=True)
        raise typer.Exit(2) from exc
    state = "byggt" if report.rebuilt else "oförändrat (inget att göra)"
    typer.echo(
        f"Index {state}: {report.index_dir} — {report.chunks} avsnitt, {report.vectors} vektorer, "
        f"{report.embedded} nyinbäddade, {report.seconds:.1f} s"
    )


@app.command("train-domain")
def train_domain(
    st_model: ModelOption = None,
    c: Annotated[float, typer.Option("--c", help="Regulariseringens C (logistisk regression).")]
    = None,
    no_sentences: Annotated[
        bool, typer.Option("--no-sentences", help="Bara avsnittsledtrådarna som inomområde.")
    ] = False,
) -> None:
    """Träna domänklassificeraren (knowledge/data/domain_classifier.json); bygg sedan om."""
    from knowledge.domain import DOMAIN_FILE
    from knowledge.embedders import E5Embedder
    from knowledge.lab.domain import DEFAULT_C, train

    embedder = _embedder(st_model) or E5Embedder()
    trained = train(embedder, DEFAULT_C if c is None else c, not no_sentences)
    typer.echo(f"Skrev {DOMAIN_FILE} ({embedder.name}): {json.dumps(trained, ensure_ascii=False)}"
               "\nBygg om indexet: python -m knowledge build")


@app.command("train-sections")
def train_sections(
    index: IndexOption = None,
    write_calibration: Annotated[bool, typer.Option(
        "--write-calibration",
        help="Skriv också w_section och svarsregeln i knowledge/calibration.json.")] = False,
) -> None:
    """Träna avsnittsklassificeraren (knowledge/data/section_classifier.*) på utvecklingsmängden."""
    from knowledge.lab.sections import train

    trained = train(index, write_calibration)
    typer.echo(json.dumps(trained["cross_validation"], ensure_ascii=False, indent=1))
    typer.echo(f"klart på {trained['seconds']} s")


@app.command()
def search(
    question: Annotated[str | None, typer.Argument(help="Frågan.")] = None,
    questions: Annotated[
        Path | None, typer.Option("--questions", help="Fil med en fråga per rad.")
    ] = None,
    top_k: Annotated[int, typer.Option("--top-k", min=1, help="Antal träffar.")] = 3,
    as_json: Annotated[bool, typer.Option("--json", help="En JSON-rad per fråga.")] = False,
    index: IndexOption = None,
    st_model: ModelOption = None,
) -> None:
    """Sök i kunskapsbasen."""
    if (question is None) == (questions is None):
        typer.echo("Ange antingen en fråga eller --questions FIL.", err=True)
        raise typer.Exit(2)
    if questions is not None:
        if not questions.exists():
            typer.echo(f"Filen {questions} finns inte (--questions).", err=True)
            raise typer.Exit(2)
        items = [ln.strip() for ln in questions.read_text(encoding="utf-8").splitlines()]
        items = [q for q in items if q]
    else:
        items = [question]
        if not question.strip():
            typer.echo("Frågan är tom.", err=True)
            raise typer.Exit(2)
    searcher = _searcher(index, st_model)
    for item in items:
        result = searcher.search(item, top_k=top_k)
        if as_json:
            sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            continue
        typer.echo(f"\nFråga: {item}")
        if not result["answered"]:
            typer.echo("  Kunskapsbasen har inget säkert svar på frågan.")
        for gap in result.get("gaps", []):
            typer.echo(f"  Obs: {gap['note']}")
        for rank, hit in enumerate(result["hits"], 1):
            typer.echo(f"  {rank}. [{hit['score']:.3f}] {hit['citation']}")
            typer.echo(f"     » {hit['highlight']}")
            if hit.get("currency"):
                typer.echo(f"     {hit['currency']['line']}")


@app.command()
def evaluate(
    questions_file: Annotated[Path, typer.Argument(help="JSONL: {\"q\": ..., \"gold\": [...]}")],
    out_of_scope: Annotated[
        Path | None, typer.Option("--out-of-scope", help="Frågor utanför området, en per rad.")
    ] = None,
    index: IndexOption = None,
    st_model: ModelOption = None,
    show_misses: Annotated[bool, typer.Option("--misses", help="Visa missar.")] = False,
) -> None:
    """Recall@1/3/5, MRR@10, andel besvarade och andel avböjda frågor utanför området."""
    from knowledge.lab.evaluate import evaluate as run
    from knowledge.lab.evaluate import read_lines, read_questions

    for path, option in ((questions_file, "QUESTIONS"), (out_of_scope, "--out-of-scope")):
        if path is not None and not path.exists():
            typer.echo(f"Filen {path} finns inte ({option}).", err=True)
            raise typer.Exit(2)
    try:
        items = read_questions(questions_file)
    except CorpusError as exc:
        typer.echo(f"Fel: {exc}", err=True)
        raise typer.Exit(2) from exc
    oos = read_lines(out_of_scope) if out_of_scope else None
    report = run(_searcher(index, st_model), items, oos)
    misses = report.pop("misses")
    if show_misses:
        report["misses"] = misses
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
