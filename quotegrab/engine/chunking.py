"""Texts too long for one spaCy call: cut them into pieces at natural boundaries, extract each piece, and
merge the pieces' documents back into one whose offsets index the whole text."""

from __future__ import annotations

import re
from typing import TypeVar

from quotegrab.engine.contract import Document, Quote, Span, Speaker
from quotegrab.engine.grammar import CLOSING_MARKS, SENTENCE_FINAL

_S = TypeVar("_S", bound=Span)

# Boundaries from most to least natural. A quotation almost never crosses a blank line, rarely a line break,
# sometimes a sentence end; a cut anywhere else may split one, which is why those come last.
_BLANK_LINE = re.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)")
_NEWLINE = re.compile(r"\r\n|\r|\n")
# a place to cut a huge text: a sentence's end as grammar.SENTENCE_CLOSE reads it, widened to an
# ellipsis, guillemets and square brackets, since any sentence boundary will do for a cut
_SENTENCE_END = re.compile(rf"[{SENTENCE_FINAL}\u2026][{CLOSING_MARKS}\u00bb\]]*\s+")
_WHITESPACE = re.compile(r"\s+")


def split_text(text: str, max_chars: int) -> list[tuple[int, str]]:
    """`text` as consecutive `(offset, piece)` pairs of at most `max_chars` characters each.

    The pieces concatenate back to `text`, and `text[offset:offset + len(piece)] == piece`. Each cut falls
    at the last blank line that fits, else the last line break, else the last sentence end, else the last
    whitespace, and only failing all of those (one enormous "word") at exactly `max_chars`.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be positive, not {max_chars}")
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > max_chars:
        cut = start + _cut(text, start, max_chars)
        pieces.append((start, text[start:cut]))
        start = cut
    if start < len(text) or not pieces:
        pieces.append((start, text[start:]))
    return pieces


def _cut(text: str, start: int, max_chars: int) -> int:
    """Length of the next piece of `text` from `start`: separators stay with the piece they end."""
    window = text[start : start + max_chars]
    for pattern in (_BLANK_LINE, _NEWLINE, _SENTENCE_END, _WHITESPACE):
        end = _last_match_end(pattern, window)
        if end > 0:
            break
    else:
        end = max_chars
    # Never between the two characters of a CRLF: the pair is one line break.
    if end > 1 and window[end - 1] == "\r" and text[start + end : start + end + 1] == "\n":
        end -= 1
    return end


def _last_match_end(pattern: re.Pattern[str], window: str) -> int:
    # Search backwards in growing tails: boundaries are normally close to the end, and scanning the whole
    # window (a million characters) for every piece would cost far more than the cut is worth.
    size = 4096
    while True:
        tail_start = max(0, len(window) - size)
        last = None
        for match in pattern.finditer(window, tail_start):
            last = match
        if last is not None:
            return last.end()
        if tail_start == 0:
            return 0
        size *= 8


def merge_documents(source: str, parts: list[tuple[int, Document]]) -> Document:
    """One document from the documents of consecutive pieces, each given with its piece's offset.

    Every span (content, fragments, cue, speaker mention) is shifted into whole-text offsets; quotes are
    renumbered q1, q2, ... in order; speakers with the same name and kind in several pieces become one
    (aliases united, quote counts added) and are renumbered s1, s2, ... in order of first appearance.
    """
    speakers: dict[tuple[str, str], Speaker] = {}
    quotes: list[Quote] = []
    metadata: dict[str, object] = {}
    for offset, part in parts:
        for key, value in part.metadata.items():
            metadata.setdefault(key, value)
        renamed: dict[str, Speaker] = {}
        for speaker in part.speakers:
            merged = speakers.get((speaker.name, speaker.kind))
            if merged is None:
                merged = speaker.model_copy(
                    update={"id": f"s{len(speakers) + 1}", "aliases": [], "quote_count": 0}
                )
                speakers[(speaker.name, speaker.kind)] = merged
            for alias in speaker.aliases:
                if alias not in merged.aliases and alias != merged.name:
                    merged.aliases.append(alias)
            merged.quote_count += speaker.quote_count
            renamed[speaker.id] = merged
        for quote in part.quotes:
            quotes.append(_shift_quote(quote, offset, f"q{len(quotes) + 1}", renamed))
    texts = [part.text for _, part in parts]
    return Document(
        source=source,
        quotes=quotes,
        speakers=list(speakers.values()),
        metadata=metadata,
        text="".join(t for t in texts if t is not None) if texts and None not in texts else None,
    )


def _shift(span: _S, offset: int) -> _S:
    return span.model_copy(update={"start": span.start + offset, "end": span.end + offset})


def _shift_quote(quote: Quote, offset: int, quote_id: str, renamed: dict[str, Speaker]) -> Quote:
    speaker = quote.speaker
    if speaker is not None:
        target = renamed.get(speaker.id)
        speaker = speaker.model_copy(
            update={
                "id": target.id if target is not None else speaker.id,
                "name": target.name if target is not None else speaker.name,
                "mention": _shift(speaker.mention, offset) if speaker.mention is not None else None,
            }
        )
    return quote.model_copy(
        update={
            "id": quote_id,
            "spans": [_shift(span, offset) for span in quote.spans],
            "fragments": [_shift(span, offset) for span in quote.fragments],
            "cue": _shift(quote.cue, offset) if quote.cue is not None else None,
            "speaker": speaker,
        }
    )
