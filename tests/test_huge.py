"""Texts longer than spaCy's max_length: splitting, merging piece documents, and `extract` on them."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

import quotegrab.engine.component  # noqa: F401 - registers the Doc extensions extract() reads
from quotegrab.engine.chunking import merge_documents, split_text
from quotegrab.engine.contract import Cue, Document, Mention, Quote, Span, Speaker, SpeakerRef
from quotegrab.engine.pipeline import extract

PARAGRAPH = (
    '"We will win," Smith said. The rally went on for hours in the rain, and the crowd stayed until '
    "the very end while volunteers handed out tea and blankets to anyone who asked for them.\n\n"
)
QUOTE_PATTERN = re.compile(r'"(?P<content>We will win,)" (?P<speaker>Smith) (?P<cue>said)')


def huge_article(size: int = 5_000_000) -> str:
    return "Senator vows victory\n\n" + PARAGRAPH * (size // len(PARAGRAPH) + 1)


def check_pieces(text: str, pieces: list[tuple[int, str]], max_chars: int) -> None:
    assert "".join(piece for _, piece in pieces) == text
    for offset, piece in pieces:
        assert text[offset : offset + len(piece)] == piece
        assert 0 < len(piece) <= max_chars or text == ""


# --- split_text ------------------------------------------------------------------------------------------


def test_split_huge_article_at_paragraphs() -> None:
    text = huge_article()
    pieces = split_text(text, 1_000_000)
    check_pieces(text, pieces, 1_000_000)
    assert len(pieces) == 5 or len(pieces) == 6
    # Every cut but the last falls right after a blank line, so no quotation is cut.
    assert all(piece.endswith("\n\n") for _, piece in pieces[:-1])
    assert sum(len(QUOTE_PATTERN.findall(piece)) for _, piece in pieces) == len(QUOTE_PATTERN.findall(text))


def test_split_prefers_paragraphs_then_lines_then_sentences_then_spaces() -> None:
    assert split_text("one\n\ntwo\nthree", 10) == [(0, "one\n\n"), (5, "two\nthree")]
    assert split_text("one two\nthree four", 12) == [(0, "one two\n"), (8, "three four")]
    assert split_text("One. Two three four", 12) == [(0, "One. "), (5, "Two three "), (15, "four")]
    assert split_text("alpha beta gamma", 12) == [(0, "alpha beta "), (11, "gamma")]


def test_split_keeps_crlf_and_cr_line_breaks() -> None:
    assert split_text("ab\r\n\r\ncd\r\nef", 7) == [(0, "ab\r\n\r\n"), (6, "cd\r\nef")]
    # The window ends between CR and LF: the cut moves before the CR rather than splitting the pair.
    assert split_text("abc def\r\nxyz", 8) == [(0, "abc def"), (7, "\r\nxyz")]
    assert split_text("ab\rcd\ref", 4) == [(0, "ab\r"), (3, "cd\r"), (6, "ef")]


def test_split_hard_cuts_a_line_without_spaces() -> None:
    text = "x" * 2_000_000 + " end"
    pieces = split_text(text, 1_000_000)
    check_pieces(text, pieces, 1_000_000)
    assert [(offset, len(piece)) for offset, piece in pieces] == [
        (0, 1_000_000),
        (1_000_000, 1_000_000),
        (2_000_000, 4),
    ]


def test_split_short_and_empty_texts() -> None:
    assert split_text("short", 100) == [(0, "short")]
    assert split_text("", 100) == [(0, "")]
    with pytest.raises(ValueError):
        split_text("abc", 0)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab .\r\n\t\"'", max_size=80), max_chars=st.integers(min_value=1, max_value=20))
def test_split_properties(text: str, max_chars: int) -> None:
    pieces = split_text(text, max_chars)
    check_pieces(text, pieces, max_chars)
    if max_chars >= 2:
        for (_, before), (_, after) in pairwise(pieces):
            assert not (before.endswith("\r") and after.startswith("\n"))


# --- merge_documents -------------------------------------------------------------------------------------


def make_quote(qid: str, piece: str, content: str, speaker: Speaker | None, mention: str | None) -> Quote:
    start = piece.index(content)
    cue_start = piece.index("said", start)
    ref = None
    if speaker is not None:
        m_start = piece.index(mention or speaker.name, start)
        ref = SpeakerRef(
            id=speaker.id,
            name=speaker.name,
            mention=Mention(
                start=m_start, end=m_start + len(mention or speaker.name), text=mention or speaker.name
            ),
            resolved_by="name",
        )
    return Quote(
        id=qid,
        type="direct",
        text=content,
        spans=[Span(start=start, end=start + len(content))],
        fragments=[Span(start=start, end=start + 3)],
        cue=Cue(start=cue_start, end=cue_start + 4, text="said"),
        speaker=ref,
    )


def test_merge_shifts_offsets_renumbers_and_merges_speakers() -> None:
    text = (
        '"We will win," Smith said. "Taxes will fall," Jones said.\n\n'
        '"Jobs first," the senator said, Smith added. "Not now," Acme Corp said.\n\n'
        '"Never," Jones said.'
    )
    pieces = split_text(text, 80)
    assert len(pieces) == 3
    (o1, p1), (o2, p2), (o3, p3) = pieces

    smith1 = Speaker(id="s1", name="Smith", kind="person", aliases=["he"], quote_count=1)
    jones1 = Speaker(id="s2", name="Jones", kind="person", quote_count=1)
    doc1 = Document(
        source="x",
        quotes=[
            make_quote("q1", p1, "We will win,", smith1, None),
            make_quote("q2", p1, "Taxes will fall,", jones1, None),
        ],
        speakers=[smith1, jones1],
    )
    acme = Speaker(id="s1", name="Acme Corp", kind="organization", quote_count=1)
    smith2 = Speaker(id="s2", name="Smith", kind="person", aliases=["the senator", "he"], quote_count=1)
    doc2 = Document(
        source="x",
        quotes=[
            make_quote("q1", p2, "Jobs first,", smith2, "the senator"),
            make_quote("q2", p2, "Not now,", acme, None),
        ],
        speakers=[acme, smith2],
        metadata={"piece": 2},
    )
    jones3 = Speaker(id="s1", name="Jones", kind="person", aliases=["the minister"], quote_count=1)
    doc3 = Document(source="x", quotes=[make_quote("q1", p3, "Never,", jones3, None)], speakers=[jones3])

    merged = merge_documents("article.txt", [(o1, doc1), (o2, doc2), (o3, doc3)])

    assert merged.source == "article.txt"
    assert merged.metadata == {"piece": 2}
    assert [q.id for q in merged.quotes] == ["q1", "q2", "q3", "q4", "q5"]
    assert [(s.id, s.name, s.kind, s.aliases, s.quote_count) for s in merged.speakers] == [
        ("s1", "Smith", "person", ["he", "the senator"], 2),
        ("s2", "Jones", "person", ["the minister"], 2),
        ("s3", "Acme Corp", "organization", [], 1),
    ]
    assert [(q.speaker.id, q.speaker.name) for q in merged.quotes if q.speaker] == [
        ("s1", "Smith"),
        ("s2", "Jones"),
        ("s1", "Smith"),
        ("s3", "Acme Corp"),
        ("s2", "Jones"),
    ]
    for quote in merged.quotes:
        span = quote.spans[0]
        assert text[span.start : span.end] == quote.text
        assert text[quote.fragments[0].start : quote.fragments[0].end] == quote.text[:3]
        assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == "said"
        mention = quote.speaker.mention if quote.speaker else None
        assert mention is not None and text[mention.start : mention.end] == mention.text
    assert merged.quotes[2].speaker is not None and merged.quotes[2].speaker.mention is not None
    assert merged.quotes[2].speaker.mention.text == "the senator"
    # Inputs are left untouched: piece documents can be reused.
    assert doc2.quotes[0].spans[0].start == p2.index("Jobs first,")
    assert smith1.aliases == ["he"] and smith1.quote_count == 1


def test_merge_quotes_without_speaker_or_cue_and_text() -> None:
    bare = Quote(id="q9", type="indirect", text="x", spans=[Span(start=1, end=2)], cue=None, speaker=None)
    merged = merge_documents(
        "s", [(0, Document(source="s", text="ab")), (2, Document(source="s", quotes=[bare], text="cx"))]
    )
    assert merged.text == "abcx"
    assert [(q.id, q.spans[0].start, q.spans[0].end, q.cue, q.speaker) for q in merged.quotes] == [
        ("q1", 3, 4, None, None)
    ]
    assert (
        merge_documents("s", [(0, Document(source="s", text="ab")), (2, Document(source="s"))]).text is None
    )


# --- extract on huge texts -------------------------------------------------------------------------------


@Language.component("test_huge_regex_quotes")
def regex_quotes(doc: Doc) -> Doc:
    """A stand-in for the engine: fast enough for megabytes and exact about its offsets."""
    smith = Speaker(id="s1", name="Smith", kind="person", aliases=[], quote_count=0)
    quotes = []
    for match in QUOTE_PATTERN.finditer(doc.text):
        quotes.append(
            Quote(
                id=f"q{len(quotes) + 1}",
                type="direct",
                text=match["content"],
                spans=[Span(start=match.start("content"), end=match.end("content"))],
                cue=Cue(start=match.start("cue"), end=match.end("cue"), text=match["cue"]),
                speaker=SpeakerRef(
                    id="s1",
                    name="Smith",
                    mention=Mention(start=match.start("speaker"), end=match.end("speaker"), text="Smith"),
                    resolved_by="name",
                ),
            )
        )
    smith.quote_count = len(quotes)
    doc._.quotes = quotes
    doc._.speakers = [smith] if quotes else []
    return doc


def test_extract_over_max_length_merges_pieces() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("test_huge_regex_quotes")
    text = huge_article()
    assert len(text) > nlp.max_length
    document = extract(text, source="huge.txt", nlp=nlp)
    expected = len(QUOTE_PATTERN.findall(text))
    assert len(document.quotes) == expected
    assert [q.id for q in document.quotes[:3]] == ["q1", "q2", "q3"] and document.quotes[
        -1
    ].id == f"q{expected}"
    assert [(s.id, s.name, s.quote_count) for s in document.speakers] == [("s1", "Smith", expected)]
    for quote in document.quotes:
        assert text[quote.start : quote.end] == "We will win,"
        assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == "said"
        assert quote.speaker is not None and quote.speaker.mention is not None
        assert text[quote.speaker.mention.start : quote.speaker.mention.end] == "Smith"


def test_extract_with_real_pipeline_in_pieces_matches_offsets(nlp: Language) -> None:
    text = (
        "Senator vows victory\r\n\r\n" + PARAGRAPH.replace("\n", "\r\n") * 12
    ) + '"Last words," Jones said.'
    whole = extract(text, source="a.txt", nlp=nlp)
    pieces = extract(text, source="a.txt", nlp=nlp, max_chars=len(PARAGRAPH) * 3)
    for document in (whole, pieces):
        for quote in document.quotes:
            for span in quote.spans:
                assert 0 <= span.start <= span.end <= len(text)
            if quote.type == "direct" and len(quote.spans) == 1:
                assert text[quote.start : quote.end] == quote.text
            if quote.cue is not None:
                assert text[quote.cue.start : quote.cue.end] == quote.cue.text
            if quote.speaker is not None and quote.speaker.mention is not None:
                mention = quote.speaker.mention
                assert text[mention.start : mention.end] == mention.text
    # Paragraphs here stand alone, so cutting between them must not change what is found.
    assert [(q.type, q.text, q.start, q.end) for q in pieces.quotes] == [
        (q.type, q.text, q.start, q.end) for q in whole.quotes
    ]
    assert [q.id for q in pieces.quotes] == [f"q{i}" for i in range(1, len(pieces.quotes) + 1)]
    assert [(s.id, s.name, s.kind, s.quote_count) for s in pieces.speakers] == [
        (s.id, s.name, s.kind, s.quote_count) for s in whole.speakers
    ]
    assert [q.speaker.id if q.speaker else None for q in pieces.quotes] == [
        q.speaker.id if q.speaker else None for q in whole.quotes
    ]
