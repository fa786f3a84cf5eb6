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
    try:
        found = Path(name).exists() or importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise UsageError(f"spaCy pipeline {name!r} not found: not an installed package nor a path")
    config = _config_path(name)
    if config is not None:
        _require_parser_and_ner(name, _components(config))
    return name


# What quotegrab reads from the pipeline: the dependency parse (who said what) and named entities.
_NEEDS = {"parser": ("parser", "beam_parser"), "ner": ("ner", "beam_ner")}


def _require_parser_and_ner(name: str, components: dict[str, str | None]) -> None:
    """A usage error naming what the pipeline lacks; `components` maps each active one to its factory
    (None when it is sourced from another pipeline, and known only by its name)."""
    missing = [
        need
        for need, factories in _NEEDS.items()
        if not any(factory in factories or (factory is None and comp == need) for comp, factory in components.items())
    ]
    if missing:
        lacks = " and no ".join(missing)
        raise UsageError(
            f"spaCy pipeline {name!r} has no {lacks}: quotegrab needs both (a dependency parser and named "
            "entities, as en_core_web_sm has)"
        )


def _config_path(name: str) -> Path | None:
    """The config.cfg of a pipeline folder or installed package, found without loading it."""
    import importlib.util

    folder = Path(name)
    if not folder.exists():
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            return None
        locations = list(spec.submodule_search_locations or []) if spec is not None else []
        if not locations:
            return None
        folder = Path(locations[0])
        # A pipeline package keeps its data in a NAME-VERSION folder beside its __init__.py.
        found = sorted(folder.glob("*/config.cfg"))
        return found[0] if found and not (folder / "config.cfg").is_file() else folder / "config.cfg"
    config = folder / "config.cfg"
    return config if config.is_file() else None


def _components(config: Path) -> dict[str, str | None]:
    """The active components of a pipeline's config and their factories; {} read as "cannot tell"."""
    import configparser
    import json

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(config, encoding="utf-8")
        pipeline = json.loads(parser.get("nlp", "pipeline", fallback="[]"))
        disabled = set(json.loads(parser.get("nlp", "disabled", fallback="[]")))
    except (configparser.Error, OSError, ValueError):
        return {name: None for name in _NEEDS}  # unreadable: let spaCy say what is wrong
    found: dict[str, str | None] = {}
    for comp in pipeline:
        if comp in disabled:
            continue
        section = f"components.{comp}"
        factory = parser.get(section, "factory", fallback=None) if parser.has_section(section) else None
        found[comp] = factory.strip('"') if factory else None
    return found


def load_pipeline(name: str, *, debug: bool = False) -> Language:
    """The pipeline `name`; one that cannot be loaded is a usage error (with `debug`, the original
    error, for its traceback)."""
    from quotegrab.engine.pipeline import ModelNotFoundError, load

    try:
        nlp = load(name)
    except ModelNotFoundError as err:
        if debug:
            raise
        raise UsageError(str(err)) from None
    _require_parser_and_ner(name, {comp: nlp.get_pipe_meta(comp).factory for comp in nlp.pipe_names})
    return nlp


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
