"""Running the pipeline over many inputs: ordered, streaming, constant memory, in one or more processes.

`run` turns a stream of inputs (articles and input failures, as `quotegrab.running.inputs.iter_inputs` yields
them) into a stream of results (`Document` or `ErrorRecord`) in the same order. Nothing is printed;
one bad input becomes an `ErrorRecord` and the batch goes on.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

from quotegrab.engine.contract import Document, ErrorInfo, ErrorRecord, SpeakerSummary

if TYPE_CHECKING:
    from spacy.language import Language

    from quotegrab.running.inputs import Article, InputFailure

log = logging.getLogger("quotegrab.running.batch")

Result = Document | ErrorRecord

# Articles per unit of work: enough to fill an nlp.pipe batch and amortise inter-process traffic; few
# enough that the first results come quickly and workers finish together (at the end of a run one
# worker may idle for up to a chunk).
DEFAULT_CHUNK = 8
# nlp.pipe batch size inside a chunk; spaCy's CPU pipelines gain little beyond this for article-sized
# texts, and larger batches only delay the first result.
PIPE_BATCH = 8


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


def error_record(source: str, err: BaseException) -> ErrorRecord:
    message = str(err) or repr(err)
    return ErrorRecord(source=source, error=ErrorInfo(type=type(err).__name__, message=message))


def _finish(document: Document, article: Article, include_text: bool) -> Document:
    if article.metadata:
        document.metadata = {**document.metadata, **article.metadata}
    if include_text:
        document.text = article.text
    return document


def _one(nlp: Language, article: Article, include_text: bool) -> Result:
    from quotegrab.engine.pipeline import extract

    try:
        return _finish(extract(article.text, article.source, nlp), article, include_text)
    except Exception as err:
        log.debug("%s failed", article.source, exc_info=True)
        return error_record(article.source, err)


def _extract_articles(nlp: Language, articles: list[Article], include_text: bool) -> Iterator[Result]:
    """Results for `articles` in order, batched through nlp.pipe.

    nlp.pipe loses the whole batch when one text raises, so on an exception the rest of the chunk is
    redone one text at a time; only the text that fails alone becomes an error record. (Texts too
    long for one spaCy doc are extract_many's business: it cuts them into pieces.)
    """
    from quotegrab.engine.pipeline import extract_many

    done = 0
    try:
        pairs = ((article.source, article.text) for article in articles)
        for document in extract_many(pairs, nlp, batch_size=PIPE_BATCH):
            result = _finish(document, articles[done], include_text)
            done += 1
            yield result
    except Exception:
        log.debug("batch failed; retrying its articles one by one", exc_info=True)
        for article in articles[done:]:
            yield _one(nlp, article, include_text)


def process_chunk(nlp: Language, chunk: list[Article | InputFailure], include_text: bool) -> Iterator[Result]:
    """Results for one chunk of inputs, in order: failures pass through as error records."""
    articles = [item for item in chunk if not _is_failure(item)]
    documents = _extract_articles(nlp, articles, include_text)
    for item in chunk:
        yield item.to_record() if _is_failure(item) else next(documents)


def _is_failure(item: Article | InputFailure) -> bool:
    # By shape rather than class, so inputs from any reader following the interface work.
    return hasattr(item, "to_record")


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


# --- worker processes -------------------------------------------------------------------------------

_worker_nlp: Language | None = None


def _init_worker(model: str | None, debug: bool) -> None:
    # The parent decides how a batch stops (it finishes the current line and reports); a Ctrl-C
    # delivered to the whole process group must not kill workers mid-chunk with tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if debug:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("quotegrab[%(process)d]: %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.DEBUG)
    from quotegrab.engine.pipeline import load

    global _worker_nlp
    _worker_nlp = load(model)


def _work(chunk: list[Article | InputFailure], include_text: bool) -> list[Result]:
    assert _worker_nlp is not None, "worker not initialised"
    return list(process_chunk(_worker_nlp, chunk, include_text))


def _pool_context() -> multiprocessing.context.BaseContext:
    # forkserver: workers start from a clean single-threaded server rather than a fork of the CLI
    # process, whose progress-bar thread may hold locks at fork time. The server pre-imports spaCy and
    # quotegrab once so each worker only has to load the model.
    methods = multiprocessing.get_all_start_methods()
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    if main_file is not None and not os.path.exists(main_file) and "fork" in methods:
        # A script read from stdin (`python - <<EOF`): forkserver and spawn workers would try to
        # re-import it from a file that does not exist, and die; only fork can start them.
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["quotegrab.running.batch", "quotegrab.engine.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


class WorkerCrashed(RuntimeError):
    """A worker process died (killed for memory, or a crash in native code) while on this input."""


class _Pool:
    """A ProcessPoolExecutor that can be replaced after a worker dies, and abandoned without waiting."""

    def __init__(self, jobs: int, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
        self.jobs, self.initializer, self.initargs = jobs, initializer, initargs
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=_pool_context(),
                                   initializer=self.initializer, initargs=self.initargs)

    def restart(self) -> None:
        self.close(abandon=True)
        self.executor = self._new()

    def close(self, abandon: bool) -> None:
        processes = list((getattr(self.executor, "_processes", None) or {}).values())
        self.executor.shutdown(wait=not abandon, cancel_futures=True)
        if abandon:
            # Stopped early (signal, closed output, dead worker): don't wait for in-flight chunks.
            for process in processes:
                if process.is_alive():
                    process.terminate()
            for process in processes:
                process.join(timeout=5)


def _ping() -> list[Result]:
    return []


def _wait(future: Future[list[Result]], should_stop: Callable[[], bool]) -> list[Result] | None:
    """The future's results, or None if a stop is requested first (polling, so a stop need not wait
    for the chunk to finish)."""
    while not should_stop():
        try:
            return future.result(timeout=0.2)
        except FutureTimeout:
            continue
    return None


def _submit(pool: _Pool, work: Callable[[list[Any], bool], list[Result]], chunk: list[Any],
            include_text: bool) -> Future[list[Result]]:
    """Submit a chunk; a pool found broken at submission (a worker died meanwhile) yields a future that
    fails like the dead worker's, so one recovery path handles both."""
    try:
        return pool.executor.submit(work, chunk, include_text)
    except BrokenProcessPool as err:
        failed: Future[list[Result]] = Future()
        failed.set_exception(err)
        return failed


def _run_pool(
    inputs: Iterable[Article | InputFailure],
    *,
    model: str | None,
    jobs: int,
    chunk_size: int,
    include_text: bool,
    should_stop: Callable[[], bool],
    debug: bool,
    work: Callable[[list[Any], bool], list[Result]] = _work,
    init: Callable[..., None] = _init_worker,
) -> Iterator[Result]:
    """Chunks go to `jobs` processes; at most 2*jobs chunks are in flight, and results come back in
    input order, so memory stays constant however many inputs there are.

    A worker that dies takes its chunk with it; those inputs are then retried one per task in a fresh
    pool, so the one that kills a worker alone becomes an error record and the batch goes on.
    """
    pool = _Pool(jobs, init, (model, debug))
    window: deque[tuple[list[Any], Future[list[Result]]]] = deque()
    chunks = _chunks(inputs, chunk_size)
    finished = False
    try:
        # Workers that cannot start (the model fails to load in them) are not any input's fault: fail
        # the run, instead of blaming inputs one by one below.
        try:
            if _wait(pool.executor.submit(_ping), should_stop) is None:
                return
        except BrokenProcessPool as err:
            raise WorkerCrashed(f"worker processes failed to start (model {model!r}): {err}") from err
        while True:
            while len(window) < 2 * jobs and not should_stop():
                chunk = next(chunks, None)
                if chunk is None:
                    break
                window.append((chunk, _submit(pool, work, chunk, include_text)))
            if not window:
                finished = True
                break
            try:
                results = _wait(window[0][1], should_stop)
            except BrokenProcessPool:
                pending = [chunk for chunk, _ in window]
                window.clear()
                pool.restart()
                for item in (item for chunk in pending for item in chunk):
                    try:
                        single = _wait(pool.executor.submit(work, [item], include_text), should_stop)
                    except BrokenProcessPool:
                        log.debug("worker died on %s", item.source)
                        pool.restart()
                        single = [error_record(item.source, WorkerCrashed(
                            "the worker process died on this input (out of memory, or a crash in native "
                            "code); the other inputs were processed"))]
                    if single is None:
                        return
                    yield from single
                continue
            if results is None:
                return
            window.popleft()
            for result in results:
                yield result
                if should_stop():
                    return
    finally:
        pool.close(abandon=not finished)


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
    if scheduler is not None:
        # In its own module so that a plain install never imports dask.
        from quotegrab.running.distributed import run_on_cluster

        yield from run_on_cluster(
            inputs, scheduler=scheduler, model=model, chunk_size=chunk_size, include_text=include_text,
            should_stop=should_stop, debug=debug,
        )
        return
    if jobs > 1:
        yield from _run_pool(
            inputs, model=model, jobs=jobs, chunk_size=chunk_size, include_text=include_text,
            should_stop=should_stop, debug=debug,
        )
        return
    if nlp is None:
        from quotegrab.engine.pipeline import load

        nlp = load(model)
    for chunk in _chunks(inputs, chunk_size):
        if should_stop():
            return
        for result in process_chunk(nlp, chunk, include_text):
            yield result
            if should_stop():
                return


def skip_done(
    inputs: Iterable[Article | InputFailure], done: set[str], stats: Stats
) -> Iterator[Article | InputFailure]:
    """`inputs` minus those whose source is in `done` (counted in `stats.skipped`)."""
    for item in inputs:
        if item.source in done:
            stats.skipped += 1
        else:
            yield item


def count_inputs(paths: list[str], glob: str | None = None) -> int | None:
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
