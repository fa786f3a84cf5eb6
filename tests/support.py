"""Helpers shared by the tests of `quotegrab.extract` on attribution cases (issue 2).

Each test writes a short text and asserts the real output: exact offsets (expected offsets are computed
with `text.index` through `at` and `only`, never written as numbers), the quote type, the cue, the speaker
mention, the speaker's canonical name and how it was resolved. The definitions are the contract's: *direct*
is wholly inside quotation marks and its spans are the words inside the marks; *mixed* is reported content
with quoted fragments, its span the whole content (with the "that" opening a reported clause, as annotators
mark it) and its fragments the words inside the marks; *indirect* has no marks; a speaker's name is the
fullest name the article uses for them.

Where the engine gets a case wrong the test still asserts the right behaviour and is marked
`engine_bug(reason)` (`xfail(strict=True, reason="engine: ...")`), to be removed when the rules are fixed.

Imported as a plain module (`from support import ...`): tests/ has no __init__.py, so pytest's default
import mode puts tests/ on sys.path.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

import quotegrab
from quotegrab.engine.contract import Document, Quote


def engine_bug(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=f"engine: {reason}")


def at(text: str, words: str, nth: int = 0) -> tuple[int, int]:
    """Offsets of the `nth` occurrence of `words` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def only(text: str, words: str) -> tuple[int, int]:
    """Offsets of `words`, which must occur exactly once in `text`."""
    assert text.count(words) == 1, f"{words!r} occurs {text.count(words)} times"
    return at(text, words)


def describe(doc: Document, text: str) -> str:
    """The quotes found, readable in an assertion message."""
    lines = []
    for q in doc.quotes:
        pieces = " | ".join(text[s.start : s.end] for s in q.spans)
        cue = q.cue.text if q.cue else None
        who = None
        if q.speaker is not None:
            who = (q.speaker.name, q.speaker.resolved_by, q.speaker.mention and q.speaker.mention.text)
        lines.append(f"  {q.type}: [{pieces}] cue={cue!r} speaker={who}")
    return "\n".join(lines) or "  (no quotes)"


def check_offsets(doc: Document, text: str) -> None:
    """Every offset of the output indexes `text` exactly as its strings say."""
    for q in doc.quotes:
        assert q.spans, q
        assert all(0 <= s.start < s.end <= len(text) for s in q.spans)
        in_order = all(a.end <= b.start for a, b in zip(q.spans, q.spans[1:], strict=False))
        assert in_order, "spans overlap or are out of order"
        assert q.text == " \u2026 ".join(text[s.start : s.end] for s in q.spans)
        if q.cue is not None:
            assert text[q.cue.start : q.cue.end] == q.cue.text
        if q.speaker is not None and q.speaker.mention is not None:
            m = q.speaker.mention
            assert text[m.start : m.end] == m.text
        for f in q.fragments:
            assert any(s.start <= f.start and f.end <= s.end for s in q.spans), "fragment outside the content"
    ids = [q.id for q in doc.quotes]
    assert len(ids) == len(set(ids))


def run(nlp: Language, text: str) -> Document:
    doc = quotegrab.extract(text, source="test", nlp=nlp)
    check_offsets(doc, text)
    return doc


def spans_of(q: Quote) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in q.spans]


def quote_at(doc: Document, text: str, span: tuple[int, int]) -> Quote:
    """The one quote whose content overlaps `span`."""
    hits = [q for q in doc.quotes if any(s.start < span[1] and span[0] < s.end for s in q.spans)]
    assert len(hits) == 1, f"{len(hits)} quotes overlap {text[span[0]:span[1]]!r}; found:\n{describe(doc, text)}"
    return hits[0]


def check(
    doc: Document,
    text: str,
    *,
    spans: list[tuple[int, int]],
    type: str,
    speaker: str | None,
    resolved_by: str | None = None,
    mention: tuple[int, int] | None = None,
    cue: tuple[int, int] | None = None,
    fragments: list[tuple[int, int]] | None = None,
    casefold_name: bool = False,
) -> Quote:
    """Assert the quote covering `spans[0]` has exactly these spans, type, cue, speaker and mention."""
    q = quote_at(doc, text, spans[0])
    found = [text[s:e] for s, e in spans_of(q)]
    assert spans_of(q) == spans, f"spans {found} != {[text[s:e] for s, e in spans]}"
    assert q.type == type, f"type {q.type} for {found}"
    if cue is not None:
        assert q.cue is not None, f"no cue for {found}"
        assert (q.cue.start, q.cue.end) == cue and q.cue.text == text[cue[0] : cue[1]], f"cue {q.cue}"
    if speaker is None:
        assert q.speaker is None, f"unexpected speaker {q.speaker}"
        return q
    assert q.speaker is not None, f"no speaker for {found}"
    name = q.speaker.name.lower() if casefold_name else q.speaker.name
    assert name == speaker, f"speaker {q.speaker.name!r} (by {q.speaker.resolved_by})"
    if resolved_by is not None:
        assert q.speaker.resolved_by == resolved_by, f"resolved_by {q.speaker.resolved_by}"
    if mention is not None:
        m = q.speaker.mention
        assert m is not None and (m.start, m.end) == mention, f"mention {m and m.text!r} != {text[slice(*mention)]!r}"
    if fragments is not None:
        got = [(f.start, f.end) for f in q.fragments]
        assert got == fragments, f"fragments {[text[s:e] for s, e in got]} != {[text[s:e] for s, e in fragments]}"
    if doc.speaker(q.speaker.id) is None:
        raise AssertionError(f"speaker id {q.speaker.id} not in the speakers list")
    return q
