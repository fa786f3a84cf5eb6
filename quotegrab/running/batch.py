"""Running the pipeline over many inputs: ordered, streaming, constant memory, in one or more processes.

Where the work is done is chosen here, once: in this process or in local worker processes
(`quotegrab.running.local`), or on a Dask cluster (`quotegrab.running.distributed`). `run` turns a
stream of inputs (articles and input failures, as `quotegrab.running.inputs.iter_inputs` yields them)
into a stream of results (`Document` or `ErrorRecord`) in the same order. Nothing is printed; one bad
input becomes an `ErrorRecord` and the batch goes on.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotegrab.engine.contract import ErrorRecord, SpeakerSummary
from quotegrab.running import local
from quotegrab.running.work import DEFAULT_CHUNK, Result

if TYPE_CHECKING:
    from spacy.language import Language

    from quotegrab.running.inputs import Article, InputFailure


@dataclass
class Stats:
    articles: int = 0
    quotes: int = 0
    failed: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.monotonic)

    def add(self, result: Result) -> None:
        if isinstance(result, ErrorRecord):
            self.failed += 1
        else:
            self.articles += 1
            self.quotes += len(result.quotes)

    @property
    def done(self) -> int:
        return self.articles + self.failed

    def summary(self) -> str:
        text = (
            f"{self.articles} article{'s' if self.articles != 1 else ''}, "
            f"{self.quotes} quote{'s' if self.quotes != 1 else ''}, {self.failed} failed"
        )
        if self.skipped:
            text += f", {self.skipped} skipped (already done)"
        elapsed = time.monotonic() - self.started
        if self.done and elapsed > 0:
            text += f" in {elapsed:.1f} s ({self.done / elapsed:.1f} articles/s)"
        return text


def runs_here(jobs: int, scheduler: str | None) -> bool:
    """Whether a run with these options uses a pipeline in this process (else workers load their own)."""
    return jobs == 1 and scheduler is None


def run(
    inputs: Iterable[Article | InputFailure],
    *,
    model: str | None = None,
    nlp: Language | None = None,
    jobs: int = 1,
    chunk_size: int = DEFAULT_CHUNK,
    include_text: bool = False,
    should_stop: Callable[[], bool] = lambda: False,
    debug: bool = False,
    scheduler: str | None = None,
) -> Iterator[Result]:
    """Results for `inputs`, in input order, each yielded as soon as it (and those before it) are done.

    With jobs == 1 the pipeline (`nlp`, or `model` loaded once) runs in this process; with more, each
    worker process loads `model` once. With `scheduler` (a Dask scheduler address, or "local:N") the
    workers of that cluster do the work, and `inputs` may also hold `quotegrab.running.distributed.FileRef`s
    for them to read. Stop early by closing the iterator or via `should_stop`.
    """
    options = {"model": model, "chunk_size": chunk_size, "include_text": include_text, "should_stop": should_stop}
    if scheduler is not None:
        # Imported only here so that a plain install never imports dask.
        from quotegrab.running.distributed import run_on_cluster

        yield from run_on_cluster(inputs, scheduler=scheduler, debug=debug, **options)
    elif runs_here(jobs, scheduler):
        yield from local.run_here(inputs, nlp=nlp, **options)
    else:
        yield from local.run_pool(inputs, jobs=jobs, debug=debug, **options)


def list_inputs(
    paths: list[str], glob: str | None, scheduler: str | None = None, *, follow: bool = False
) -> Iterator[Any]:
    """The inputs under `paths`; for a cluster, whose workers read the files, only their names. Linked
    folders inside folders are walked only with `follow`."""
    if scheduler is not None:
        from quotegrab.running.distributed import iter_refs

        return iter_refs(paths, glob=glob, follow=follow)
    from quotegrab.running.inputs import iter_inputs

    return iter_inputs(paths, glob=glob, follow=follow)


def without(inputs: Iterable[Any], path: Path) -> Iterator[Any]:
    """`inputs` minus the output file itself (-o news/out.jsonl while reading news/), which a re-run
    would otherwise read back as articles."""
    target = path.resolve()
    for item in inputs:
        name = item.source.split("#", 1)[0]
        with contextlib.suppress(OSError):
            if Path(name).resolve() == target:
                continue
        yield item


@dataclass
class Batch:
    """What one run reads and where it runs: the inputs under `paths`, less those already `done` and the
    `output` file itself, through `model` in this process, `jobs` processes or on `scheduler`."""

    paths: list[str]
    glob: str | None
    model: str
    jobs: int = 1
    scheduler: str | None = None
    include_text: bool = False
    done: set[str] = field(default_factory=set)
    output: Path | None = None
    follow: bool = False

    @property
    def runs_here(self) -> bool:
        return runs_here(self.jobs, self.scheduler)

    def results(self, stats: Stats, *, nlp: Language | None, should_stop: Callable[[], bool],
                debug: bool) -> Iterator[Result]:
        """The results, in input order; skipped inputs are counted in `stats`."""
        inputs = skip_done(list_inputs(self.paths, self.glob, self.scheduler, follow=self.follow), self.done, stats)
        if self.output is not None:
            inputs = without(inputs, self.output)
        return run(inputs, model=self.model, nlp=nlp, jobs=self.jobs, include_text=self.include_text,
                   should_stop=should_stop, debug=debug, scheduler=self.scheduler)


def source_key(source: str) -> str:
    """`source` as --resume compares it: a file's path resolved, so that `./in/a.txt`, `in/a.txt` and
    its absolute path are one article (a record of a JSON(L) file keeps its `#N` / `#id` after it);
    standard input and URLs as they are."""
    if source.startswith("<") or "://" in source:
        return source
    path, mark, record = source.partition("#")
    try:
        return os.path.realpath(path) + mark + record
    except (OSError, ValueError):
        return source


def skip_done(
    inputs: Iterable[Article | InputFailure], done: set[str], stats: Stats
) -> Iterator[Article | InputFailure]:
    """`inputs` minus those whose source is in `done`, however either path is spelled (counted in
    `stats.skipped`)."""
    keys = {source_key(source) for source in done}
    for item in inputs:
        if item.source in done or source_key(item.source) in keys:
            stats.skipped += 1
        else:
            yield item


def count_inputs(paths: list[str], glob: str | None = None, *, follow: bool = False) -> int | None:
    """A quick estimate of how many articles `paths` hold, for the progress bar's total and ETA.

    Counts the files a folder walk would read (same default extensions and glob as
    `quotegrab.running.inputs`) without reading them, so a JSON Lines file of many articles counts once;
    None when unknowable (standard input).
    """
    from fnmatch import fnmatch

    from quotegrab.running.inputs import DEFAULT_EXTENSIONS

    def wanted(name: str) -> bool:
        if name.startswith("."):
            return False
        return fnmatch(name, glob) if glob is not None else name.lower().endswith(DEFAULT_EXTENSIONS)

    total = 0
    for path in paths:
        if path == "-":
            return None
        if os.path.isdir(path):
            if follow:  # the walk itself, which ends on any loop of links
                from quotegrab.running.inputs import walk

                total += sum(1 for _ in walk(path, glob, set(), follow=True))
                continue
            for _root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                total += sum(1 for name in files if wanted(name))
        else:
            total += 1
    return total


class SpeakerTally:
    """Speakers merged by name across documents, for `quotegrab speakers`.

    Names are merged case- and space-insensitively; memory grows with the number of distinct
    speakers, not of documents.
    """

    def __init__(self) -> None:
        self._rows: dict[str, dict[str, Any]] = {}

    def add(self, result: Result) -> None:
        if isinstance(result, ErrorRecord):
            return
        for quote in result.quotes:
            if quote.speaker is None:
                continue
            name = " ".join(quote.speaker.name.split())
            speaker = result.speaker(quote.speaker.id)
            row = self._rows.setdefault(
                name.casefold(),
                {"name": name, "kinds": {}, "direct": 0, "mixed": 0, "indirect": 0, "articles": {}},
            )
            row[quote.type] += 1
            kind = speaker.kind if speaker else "person"
            row["kinds"][kind] = row["kinds"].get(kind, 0) + 1
            row["articles"][result.source] = None

    def rows(self) -> list[SpeakerSummary]:
        summaries = [
            SpeakerSummary(
                name=row["name"],
                kind=max(row["kinds"], key=row["kinds"].get),
                direct=row["direct"],
                mixed=row["mixed"],
                indirect=row["indirect"],
                total=row["direct"] + row["mixed"] + row["indirect"],
                articles=list(row["articles"]),
            )
            for row in self._rows.values()
        ]
        return sorted(summaries, key=lambda s: (-s.total, s.name.casefold()))
