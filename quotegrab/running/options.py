"""What the options of a run mean, decided before any input is read or output file created: the output
format, what --resume skips, the model, the cluster. A bad combination is a `UsageError`."""

from __future__ import annotations

import sys
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


class UsageError(ValueError):
    """Options that cannot work together, or name something that does not exist."""


def output_format(
    requested: str | None, output: Path | None, *, piped: str, formats: Collection[str] | None = None
) -> str:
    """The format asked for; else the one --output's extension names (if one of `formats`); else table
    on a terminal and `piped` when the output is a pipe or a file."""
    from quotegrab.running.writers import format_for_path

    chosen = requested
    if chosen is None and output is not None:
        guessed = format_for_path(output)
        chosen = guessed if formats is None or guessed in formats else None
    if chosen is None:
        chosen = "table" if sys.stdout.isatty() and output is None else piped
    return chosen


def extract_output(requested: str | None, output: Path | None, resume: bool) -> str:
    """The format of `extract`'s results. (The sources --resume finds done are read once the output is
    locked: `quotegrab.running.writers.Output.done`.)"""
    from quotegrab.running import writers

    chosen = output_format(requested, output, piped="jsonl")
    if resume and output is None:
        raise UsageError("--resume needs --output FILE (the file to continue)")
    if resume and chosen != "jsonl":
        raise UsageError("--resume works with --format jsonl (whole lines can be appended)")
    if chosen == "html" and not writers.html_available():
        raise UsageError("the html report is not available in this installation")
    return chosen


def resolve_model(model: str | None) -> str:
    """The model name to load, or a usage error when it cannot exist, before any input is read."""
    import importlib.util

    from quotegrab.engine.pipeline import ModelNotFoundError, default_model

    try:
        name = model or default_model()
    except ModelNotFoundError as err:
        raise UsageError(str(err)) from None
    if Path(name).exists():
        return name
    try:
        found = importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise UsageError(f"spaCy pipeline {name!r} not found: not an installed package nor a path")
    return name


def load_pipeline(name: str, *, debug: bool = False) -> Language:
    """The pipeline `name`; one that cannot be loaded is a usage error (with `debug`, the original
    error, for its traceback)."""
    from quotegrab.engine.pipeline import ModelNotFoundError, load

    try:
        return load(name)
    except ModelNotFoundError as err:
        if debug:
            raise
        raise UsageError(str(err)) from None


def check_scheduler(scheduler: str | None, jobs: int) -> None:
    """Usage errors for --scheduler (bad value, with --jobs, dask not installed), before any file exists."""
    if scheduler is None:
        return
    from quotegrab.running import distributed

    if jobs > 1:
        raise UsageError("--jobs and --scheduler: choose one (on a cluster, its workers do the work)")
    try:
        distributed.parse_scheduler(scheduler)
        distributed.require()
    except (distributed.SchedulerSpecError, distributed.DaskUnavailable) as err:
        raise UsageError(str(err)) from None
