"""Command line: ``python -m calculator compute FILE``, ``python -m calculator batch IN OUT`` and
``python -m calculator history KEY`` (one amount of the parameter files by date).

Bad input prints a Swedish message naming the field to standard error and exits with status 2.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .engine import compute
from .errors import InputError
from .explain import explain

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Beräkna försörjningsstöd (riksnorm + skäliga kostnader − inkomster).")

EXIT_BAD_INPUT = 2


def _read_json(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError("indata", None,
                         f"{where} är inte giltig JSON: {err.msg} (rad {err.lineno}, "
                         f"kolumn {err.colno}).") from None


@app.command("compute")
def compute_cmd(
    file: Annotated[str, typer.Argument(help="JSON-fil med indata, eller - för standard in.")],
    explanation: Annotated[bool, typer.Option("--explain", help="Skriv en förklaring på "
                                              "svenska i stället för JSON.")] = False,
) -> None:
    """Beräkna ett hushåll och skriv resultatet som JSON."""
    try:
        if file == "-":
            text = sys.stdin.read()
            where = "Standard in"
        else:
            path = Path(file)
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as err:
                typer.echo(f"Filen {file} kan inte läsas: {err.strerror}.", err=True)
                raise typer.Exit(EXIT_BAD_INPUT) from None
            where = f"Filen {file}"
        result = compute(_read_json(text, where))
    except InputError as err:
        for e in err.errors:
            typer.echo(e["message"], err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    if explanation:
        typer.echo(explain(result))
    else:
        typer.echo(result.model_dump_json(indent=2))


@app.command("batch")
def batch_cmd(
    infile: Annotated[Path, typer.Argument(help="JSON Lines: ett hushåll per rad.")],
    outfile: Annotated[Path, typer.Argument(help="JSON Lines: ett resultat per rad.")],
    progress: Annotated[bool, typer.Option(help="Visa förlopp (tqdm).")] = False,
) -> None:
    """Beräkna många hushåll. En felaktig rad ger en felpost; batchen stannar aldrig.

    Varje utrad är {"line": N, "result": {...}} eller {"line": N, "error": {...}}.
    Tomma rader hoppas över.
    """
    try:
        fin = infile.open(encoding="utf-8")
    except OSError as err:
        typer.echo(f"Filen {infile} kan inte läsas: {err.strerror}.", err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    ok = bad = 0
    lines: Any = fin
    if progress:
        from tqdm import tqdm

        lines = tqdm(fin, unit=" hushåll", file=sys.stderr)
    with fin, outfile.open("w", encoding="utf-8") as fout:
        for n, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                result = compute(_read_json(line, f"Rad {n}"))
            except InputError as err:
                bad += 1
                record = {"line": n, "error": err.to_dict()}
                fout.write(json.dumps(record, ensure_ascii=False) + "\n")
                continue
            ok += 1
            fout.write(f'{{"line": {n}, "result": {result.model_dump_json()}}}\n')
    typer.echo(f"{ok} hushåll beräknade, {bad} rader med fel.", err=True)


@app.command("history")
def history_cmd(
    key: Annotated[str | None, typer.Argument(
        help="Parameterns namn, t.ex. riksnorm.sambor; utan namn: en lista över namnen.")] = None,
) -> None:
    """Ett belopp ur parameterfilerna år för år: värde, status och källa från varje års början."""
    from .engine import kr, status_sv
    from .params import history, keys

    if key is None:
        typer.echo("\n".join(keys()))
        return
    try:
        dated = history(key)
    except KeyError:
        typer.echo(f"Parametern {key!r} finns inte i parameterfilerna; "
                   "`python -m calculator history` listar namnen.", err=True)
        raise typer.Exit(EXIT_BAD_INPUT) from None
    for start, p in dated.values:
        amount = kr(p.value) if p.value is not None else "okänt"
        typer.echo(f"{start.isoformat()}  {amount:>10}  {status_sv(p.status)}  {p.source}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
