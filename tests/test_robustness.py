"""Property-based robustness of the engine: on any text, however hostile, `extract` returns, keeps the
output contract (offsets inside the text and matching their text fields, known speakers, valid JSON
Schema, quotes in order) and gives the same answer twice.

The properties and vocabulary are shared with scripts/fuzz.py, the long-running version of these tests.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from quotegrab.engine.contract import Document
from quotegrab.engine.pipeline import extract, extract_many


def _load_fuzz() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "scripts" / "fuzz.py"
    spec = importlib.util.spec_from_file_location("quotegrab_fuzz", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and pickling look modules up by name
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz()

PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def dump(doc: Document) -> dict:
    return doc.model_dump(mode="json")


def assert_contract(text: str, doc: Document) -> None:
    problems = fuzz.check_document(text, doc)
    assert not problems, "\n".join(problems)


# --- strategies -------------------------------------------------------------------------------------------

opener_closer = st.sampled_from(fuzz.QUOTE_PAIRS)
phrase = st.lists(
    st.one_of(st.sampled_from(fuzz.WORDS), st.sampled_from(fuzz.APOSTROPHES)), min_size=1, max_size=10
).map(" ".join)


@st.composite
def news_sentences(draw: st.DrawFn) -> str:
    opener, closer = draw(opener_closer)
    return draw(st.sampled_from(fuzz.TEMPLATES)).format(
        o=opener, c=closer, q=draw(phrase), q2=draw(phrase), q3=draw(phrase), w=draw(st.sampled_from(fuzz.WORDS)),
        n=draw(st.sampled_from(fuzz.NAMES)), v=draw(st.sampled_from(fuzz.CUES)),
        e=draw(st.sampled_from(fuzz.LINE_ENDS)),
    )


fragment = st.one_of(
    news_sentences(),
    news_sentences(),
    st.sampled_from(fuzz.MARKS),
    st.sampled_from(fuzz.APOSTROPHES),
    st.sampled_from(fuzz.CONTROLS),
    st.sampled_from(fuzz.OTHER_SCRIPTS),
    st.sampled_from(fuzz.LINE_ENDS),
    st.sampled_from(fuzz.PUNCT),
    st.sampled_from(fuzz.NAMES),
    st.sampled_from(fuzz.CUES),
    st.text(max_size=4),
)
separator = st.sampled_from(["", " ", " ", " ", "\n", "\n\n", "\r\n", "\r"])
hostile_texts = st.lists(st.tuples(fragment, separator), max_size=30).map(
    lambda parts: "".join(f + s for f, s in parts)
)


@st.composite
def news_articles(draw: st.DrawFn) -> str:
    """Paragraphs of news-like sentences, joined by '\n' (the caller swaps in CRLF or CR)."""
    paragraph = st.lists(news_sentences(), min_size=1, max_size=3).map(" ".join)
    paragraphs = draw(st.lists(paragraph, min_size=1, max_size=5))
    return draw(st.sampled_from(["\n\n", "\n"])).join(paragraphs)


# --- the properties ---------------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(hostile_texts)
@example("")
@example("\u201c")
@example("''''")
@example("\ufeff\u201cWe will win,\u201d Trump said.\x00")
@example("He said \u201c\u201d.")
@example("rock 'n' roll, the \u201990s, voters\u2019 choice, don't")
def test_extract_never_raises_and_keeps_the_contract(nlp: Language, text: str) -> None:
    doc = extract(text, nlp=nlp)
    assert_contract(text, doc)
    assert dump(extract(text, nlp=nlp)) == dump(doc), "two runs gave different output"


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_any_unicode_text(nlp: Language, text: str) -> None:
    assert_contract(text, extract(text, nlp=nlp))


@PROPERTY_SETTINGS
@given(news_articles(), st.sampled_from(["\r\n", "\r"]))
def test_crlf_and_cr_line_ends_keep_offsets_on_the_text_itself(nlp: Language, article: str, newline: str) -> None:
    text = article.replace("\n", newline)
    doc = extract(text, nlp=nlp)
    assert_contract(text, doc)
    for quote in doc.quotes:
        for span in quote.spans:
            piece = text[span.start : span.end]
            # a piece may run over a line break, but never starts or ends inside a CRLF pair
            assert not piece.startswith("\n") or text[span.start - 1 : span.start] != "\r", piece


def test_crlf_quotes_are_found_with_exact_offsets(nlp: Language) -> None:
    text = (
        "\u201cWe will win,\u201d Smith said.\r\n\r\n"
        "\u201cWe will fight on,\u201d she added.\r\r"
        "Jones told reporters: \u201cThat is not going to happen.\u201d\r\n"
    )
    doc = extract(text, nlp=nlp)
    assert_contract(text, doc)
    assert [q.text for q in doc.quotes] == ["We will win,", "We will fight on,", "That is not going to happen."]
    assert [text[q.cue.start : q.cue.end] for q in doc.quotes if q.cue] == ["said", "added", "told"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_texts, min_size=1, max_size=4))
def test_batching_does_not_change_any_document(nlp: Language, texts: list[str]) -> None:
    """`extract_many` (nlp.pipe) gives each text what `extract` gives it alone: no state leaks between docs."""
    batched = list(extract_many(((f"t{k}", t) for k, t in enumerate(texts)), nlp=nlp, batch_size=2))
    for k, (text, doc) in enumerate(zip(texts, batched, strict=True)):
        assert_contract(text, doc)
        assert dump(doc) == dump(extract(text, source=f"t{k}", nlp=nlp))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(news_articles(), st.integers(min_value=20, max_value=300))
def test_pieces_of_a_long_text_merge_into_valid_offsets(nlp: Language, article: str, max_chars: int) -> None:
    """The >max_length path: pieces cut anywhere (even inside quotes) still give offsets into the whole text."""
    text = article.replace("\n", "\r\n")
    doc = extract(text, nlp=nlp, max_chars=max_chars)
    assert_contract(text, doc)


def test_output_round_trips_through_json(nlp: Language) -> None:
    text = fuzz.text_for_seed(3) + "\n\n\u201cWe will win,\u201d Donald Trump said. \u201cBelieve me.\u201d"
    doc = extract(text, nlp=nlp)
    assert doc.quotes
    assert Document.model_validate_json(doc.model_dump_json()) == doc


@pytest.mark.parametrize(
    "seed", [7, pytest.param(11, marks=pytest.mark.slow), pytest.param(42, marks=pytest.mark.slow)]
)
def test_one_very_long_line(nlp: Language, seed: int) -> None:
    """No paragraph break to end an unbalanced mark and few sentence ends for the parser, 60,000 chars."""
    text = fuzz.long_line(random.Random(seed), 60_000)
    assert_contract(text, extract(text, nlp=nlp))


# --- the fuzz, smaller ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_fuzz(nlp: Language) -> None:
    """scripts/fuzz.py on 300 texts of another seed (the full run is 10,000: `python scripts/fuzz.py`)."""
    failures = fuzz.run(count=300, seed=1, report=False, shrink_budget=10.0)
    assert not failures, "\n".join(f"seed {f['seed']}: {f['problems'][:3]} minimal {f['minimal']!r}" for f in failures)
