"""The ``kg`` command. Every verb is a thin layer over a library function.

Heavy libraries are imported inside the commands, so ``kg --help`` stays fast.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="samverkan-kg: build, validate and explore the knowledge graph of northern collaboration.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class ReportFormat(str, Enum):
    text = "text"
    json = "json"


def _fail(exc: Exception, code: int = 2) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(code)


DataOpt = Annotated[
    Path | None,
    typer.Option("--data", help="Data folder with sources/ and reference/ (default: ./data, else the shipped data)."),
]


@app.command()
def build(
    data: DataOpt = None,
    out: Annotated[Path, typer.Option("--out", help="Output folder for graph.trig.")] = Path("build"),
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems.")] = False,
) -> None:
    """Load, derive, validate and write OUT/graph.trig (nothing is written on a Violation)."""
    from kg.build import build as run_build
    from kg.errors import KgError

    try:
        result = run_build(data, out)
    except KgError as exc:
        _fail(exc)
    if not result.conforms:
        typer.echo(result.report.to_text(), err=True)
    elif result.report.count("Warning") and not quiet:
        typer.echo(result.report.to_text())
    if not quiet or not result.conforms:
        typer.echo(result.summary(), err=not result.conforms)
    if not result.conforms:
        raise typer.Exit(1)


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Data folders or files to validate (default: the shipped data)."),
    ] = None,
    data: DataOpt = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.text,
) -> None:
    """Validate data against the shapes and print a report (exit 1 on any Violation)."""
    from kg.derive import derive
    from kg.errors import KgError
    from kg.sources import load
    from kg.validate import validate as run_validate

    try:
        loaded = load(data, files=paths or None)
    except KgError as exc:
        _fail(exc)
    derive(loaded.dataset)
    report = run_validate(loaded)
    typer.echo(report.to_json() if fmt is ReportFormat.json else report.to_text())
    if not report.conforms:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover - console-script entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
