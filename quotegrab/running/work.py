"""The unit of work both ways of running share: a chunk of inputs in, its results out, in order.

Local worker processes (`quotegrab.running.pool`) and Dask workers (`quotegrab.running.distributed`)
both run `process_chunk` on chunks cut by `chunks`; one bad input becomes an `ErrorRecord` and the
chunk goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import TimeoutError as FutureTimeout
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

from quotegrab.engine.contract import Document, ErrorInfo, ErrorRecord

if TYPE_CHECKING:
    from spacy.language import Language

    from quotegrab.running.inputs import Article, InputFailure

log = logging.getLogger("quotegrab.running.work")

Result = Document | ErrorRecord
StopCheck = Callable[[], bool]

# Articles per unit of work: enough to fill an nlp.pipe batch and amortise inter-process traffic; few
# enough that the first results come quickly and workers finish together (at the end of a run one
# worker may idle for up to a chunk).
DEFAULT_CHUNK = 8
# nlp.pipe batch size inside a chunk; spaCy's CPU pipelines gain little beyond this for article-sized
# texts, and larger batches only delay the first result.
PIPE_BATCH = 8


class WorkerCrashed(RuntimeError):
    """A worker process died (killed for memory, or a crash in native code) while on this input."""


def error_record(source: str, err: BaseException) -> ErrorRecord:
    message = str(err) or repr(err)
    return ErrorRecord(source=source, error=ErrorInfo(type=type(err).__name__, message=message))


def crashed_record(source: str) -> ErrorRecord:
    """The record of an input a worker process died on, once it died on that input alone."""
    return error_record(source, WorkerCrashed(
        "the worker process died on this input (out of memory, or a crash in native code); the other "
        "inputs were processed"))


def _finish(document: Document, article: Article, include_text: bool) -> Document:
    if article.metadata:
        document.metadata = {**document.metadata, **article.metadata}
    if include_text:
        document.text = article.text
    return document


def _one(nlp: Language, article: Article, include_text: bool, should_stop: StopCheck | None = None) -> Result:
    from quotegrab.engine.pipeline import Stopped, extract

    try:
        return _finish(extract(article.text, article.source, nlp, should_stop=should_stop), article, include_text)
    except Stopped:
        raise
    except Exception as err:
        log.debug("%s failed", article.source, exc_info=True)
        return error_record(article.source, err)


def _extract_articles(
    nlp: Language, articles: list[Article], include_text: bool, should_stop: StopCheck | None = None
) -> Iterator[Result]:
    """Results for `articles` in order, batched through nlp.pipe; ends early when `should_stop` says so
    between the pieces of a long text.

    nlp.pipe loses the whole batch when one text raises, so on an exception the rest of the chunk is
    redone one text at a time; only the text that fails alone becomes an error record. (Texts too
    long for one spaCy doc are extract_many's business: it cuts them into pieces.)
    """
    from quotegrab.engine.pipeline import Stopped, extract_many

    done = 0
    try:
        pairs = ((article.source, article.text) for article in articles)
        for document in extract_many(pairs, nlp, batch_size=PIPE_BATCH, should_stop=should_stop):
            result = _finish(document, articles[done], include_text)
            done += 1
            yield result
    except Stopped:
        return
    except Exception:
        log.debug("batch failed; retrying its articles one by one", exc_info=True)
        for article in articles[done:]:
            try:
                yield _one(nlp, article, include_text, should_stop)
            except Stopped:
                return


def process_chunk(
    nlp: Language, chunk: list[Article | InputFailure], include_text: bool, should_stop: StopCheck | None = None
) -> Iterator[Result]:
    """Results for one chunk of inputs, in order: failures pass through as error records. With
    `should_stop`, asked between the pieces of a long text, the chunk may end before its last result."""
    articles = [item for item in chunk if not _is_failure(item)]
    documents = _extract_articles(nlp, articles, include_text, should_stop)
    for item in chunk:
        if _is_failure(item):
            yield item.to_record()
            continue
        document = next(documents, None)
        if document is None:
            return
        yield document


def _is_failure(item: Article | InputFailure) -> bool:
    # By shape rather than class, so inputs from any reader following the interface work.
    return hasattr(item, "to_record")


def chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Pending(Protocol):
    """A result still being computed: a concurrent.futures or a Dask future."""

    def result(self, timeout: float | None = None) -> Any: ...


def wait_for(future: Pending, should_stop: Callable[[], bool]) -> list[Result] | None:
    """The future's results, or None if a stop is requested first (polling, so a stop need not wait
    for the chunk to finish)."""
    while not should_stop():
        try:
            return future.result(timeout=0.2)
        except (FutureTimeout, TimeoutError):
            continue
    return None


def until_stopped(results: Iterable[Result], should_stop: Callable[[], bool]) -> Generator[Result, None, bool]:
    """`results`, ending early after the one during which a stop was requested; returns whether it did."""
    for result in results:
        yield result
        if should_stop():
            return True
    return False
