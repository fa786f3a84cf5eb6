"""A claim as the rules find it, and the character ranges they build claims from (offsets into
`doc.text`: a claim's content is one or more (start, end) pieces)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

# a particle's label as a string id (`cue_span` reads `.dep`, no StringStore lookup)
_PRT = get_string_id("prt")

# What a claim is, by the rule that found it: the sieves' reconciliation ranks and nests claims by it.
RuleName = Literal[
    "according-to", "as-aside", "clause", "colon", "complement", "continuation", "cue-pattern", "dash", "found-in",
    "fronted", "fronted-mixed", "gapped", "headline", "headline-fragment", "in-source", "infinitive", "nominal",
    "object-predicate", "open-question", "participle-stance", "passive", "predicate-phrase", "prep-object", "question",
    "quote-after", "quote-before", "raising", "self-described", "short-answer", "stance-adjective",
    "stance-object", "transcript", "unnamed",
]
ClaimType = Literal["direct", "mixed", "indirect"]

CONTENT_EDGE = " \t\r\n,;:\u2014\u2013-"
_ASIDE = re.compile(r",\s+(?:as|while|whereas|though|although|even as|despite|according to)\s")
WRITER_DASH = re.compile(r"\s(?:-|--|\u2014|\u2013)\s")


@dataclass
class Claim:
    """An attribution found by a rule, before typing and speaker resolution."""

    spans: list[tuple[int, int]]
    cue: tuple[int, int] | None
    mention: Span | None
    rule: RuleName
    continues: Claim | None = None
    fragments: list[tuple[int, int]] = field(default_factory=list)
    type: ClaimType = "indirect"

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


# a claim a rule finds for a verb, to stand in place of whatever other rules made of that verb
Replacement = tuple[Token, Claim]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def cue_span(verb: Token) -> tuple[int, int]:
    """The cue with its particle or auxiliary-free phrase ("pointed out", "called for")."""
    end = verb.idx + len(verb)
    # only the word right after the verb can be its particle: that word is read, not every child
    doc, after = verb.doc, verb.i + 1
    if after < len(doc):
        word = doc[after]
        if word.dep == _PRT and word.head.i == verb.i:
            end = word.idx + len(word)
    return verb.idx, end


def subtree_range(token: Token, stop_at: int | None = None) -> tuple[int, int]:
    left = token.left_edge
    right = token.right_edge
    if stop_at is not None and stop_at > token.i:
        right = token.doc[stop_at - 1]
    return left.idx, right.idx + len(right)


def trim(text: str, start: int, end: int, min_chars: int = 1) -> tuple[int, int] | None:
    # a "that" opening the reported clause stays: annotators mark it as part of the content
    while start < end and (text[start] in CONTENT_EDGE or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in CONTENT_EDGE or text[end - 1] in ".") :
        end -= 1
    return (start, end) if end - start >= min_chars else None


def cut_aside(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Content ends before a trailing aside of the writer's: "…publicly, as was the case with …"."""
    if end <= start:
        return None
    for m in _ASIDE.finditer(text, start, end):
        # "a crucial, although brief, opportunity": an aside closed by a comma a few words on is inside
        # the claim
        if re.match(r"[^,]{0,30},\s", text[m.end() : end]):
            continue
        return (start, m.start()) if m.start() - start >= 8 else (start, end)
    return start, end


def next_nonspace(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return min(pos, max(len(text) - 1, 0))
