"""The `quotegrab` command line. Commands are thin: parse options, call the library, render."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from quotegrab.contract import Document

app = typer.Typer(
    help="Extract who said what from English news articles: direct, mixed and indirect quotes, "
    "their cues and their speakers.",
    no_args_is_help=True,
    add_completion=False,
)


@app.command()
def extract(
    path: str = typer.Argument(..., help="An article (.txt), or '-' for standard input."),
    fmt: str = typer.Option("json", "--format", "-f", help="Output format: json."),
    model: str = typer.Option(None, "--model", "-m", help="spaCy pipeline to use (package or path)."),
) -> None:
    """Extract the quotes and speakers of an article."""
    from quotegrab.pipeline import extract as run
    from quotegrab.pipeline import load

    text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    document: Document = run(text, source=path, nlp=load(model))
    typer.echo(document.model_dump_json(indent=2))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output, generated from the output models."""
    typer.echo(json.dumps(Document.model_json_schema(), indent=2))


if __name__ == "__main__":
    app()
