"""Cue phrases of several words ("took a swipe at", "made the case that", "cast doubt on"), matched by
the token patterns of models/cue_patterns.jsonl: the phrase is the cue, the subject of its verb the
speaker, and what follows the phrase (the object of its preposition, or its clause) the content."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotegrab.engine.rules.claim import Claim, Replacement, cut_aside, trim
from quotegrab.engine.rules.context import DocContext
from quotegrab.engine.rules.cues import Cues
from quotegrab.engine.rules.speakers import speaker_of
from quotegrab.engine.rules.speech import nested_cue_stop


def pattern_claims(doc: Doc, ctx: DocContext, cues: Cues) -> list[Replacement]:
    """The claims of the cue phrases matched in the document, each in place of any claim the other rules
    made of the phrase's verb. The Matcher runs only over documents that hold a word a pattern can
    begin with (asked of the context's index), and is built once, not per document."""
    found: list[Replacement] = []
    taken: set[int] = set()
    # the longest phrase first, so that "made the case for" and not "made the case" reads a verb
    for key, start, end in sorted(_matches(doc, ctx, cues), key=lambda m: (m[1], m[1] - m[2])):
        verb = doc[start]
        if start in taken or ctx.quoted(verb):
            continue
        claim = _phrase_claim(doc, start, end, cues.pattern_contents.get(key, "any"), ctx, cues)
        if claim is not None:
            taken.add(start)
            found.append((verb, claim))
    return found


# the most words a cue phrase runs to (the longest found in 2,300 articles has 8)
_LONGEST_PHRASE = 20


def _matches(doc: Doc, ctx: DocContext, cues: Cues) -> list[tuple[int, int, int]]:
    """The phrases matched, as the Matcher over the whole Doc finds them (each phrase's longest match, as
    `greedy="LONGEST"` keeps it), but read only from the words a pattern can begin with: the Matcher
    walking every word of the Doc costs more than all the other sieves but one."""
    matcher = cues.cue_matcher(doc.vocab)
    anchors = sorted(ctx.where("lemma", cues.pattern_anchors)) if cues.pattern_anchors is not None else None
    if anchors is None:
        return list(matcher(doc))
    found = []
    for i in anchors:
        found.extend((key, i + start, i + end) for key, start, end in matcher(doc[i : i + _LONGEST_PHRASE])
                     if start == 0)
    # what greedy="LONGEST" does over the whole Doc: of one pattern's overlapping matches, the longest
    # (the earlier of equals) is kept
    kept: list[tuple[int, int, int]] = []
    for key, start, end in sorted(found, key=lambda m: (m[2] - m[1], -m[1]), reverse=True):
        if not any(k == key and s < end and start < e for k, s, e in kept):
            kept.append((key, start, end))
    return kept


def _phrase_claim(doc: Doc, start: int, end: int, content: str, ctx: DocContext, cues: Cues) -> Claim | None:
    """The claim of the phrase doc[start:end]: its content is the words after it that the phrase governs,
    from the first of them to the right edge of the highest one whose head lies in the phrase."""
    verb = doc[start]
    first = _content_start(doc, start, end, content)
    if first is None:
        return None
    head = doc[first]
    # up from the first word of the content while its head lies after the phrase: "took a swipe at [the
    # senator's plan]" climbs from "the" to "plan", whose head "at" is the phrase's
    while head.head.i != head.i and head.head.i >= end:
        head = head.head
    if not start <= head.head.i < end or head.head.i == head.i:
        return None  # the words after the phrase are not its own: the parse hangs them elsewhere
    if content == "someone" and not _someone_or_theirs(head, cues):
        return None
    stop = nested_cue_stop(head, ctx, cues)
    last = doc[stop - 1] if stop is not None else head.right_edge
    speaker = speaker_of(verb, ctx, cues)
    if speaker is None or last.i < first:
        return None
    content_start, content_end = ctx.absorb_quotations(doc[first].idx, last.idx + len(last))
    para_start, para_end = ctx.paragraph_bounds(verb.idx)
    span = trim(ctx.text, max(content_start, para_start), min(content_end, para_end), min_chars=2)
    if span is None:
        return None
    span = ctx.cut_trailing_comment(*(cut_aside(ctx.text, *span) or span))
    phrase_end = doc[end - 1]
    return Claim([span], (verb.idx, phrase_end.idx + len(phrase_end)), speaker, "cue-pattern")


def _someone_or_theirs(head: Token, cues: Cues) -> bool:
    """"took a shot at [Cruz]", "at [her record]", "at [the White House]": someone, a name, or something
    of someone's; "took a shot at [goal]" is none."""
    return cues.agent(head) or head.pos_ == "PROPN" or any(c.dep_ == "poss" for c in head.children)


def _content_start(doc: Doc, start: int, end: int, content: str) -> int | None:
    """Where the content after the phrase begins. A pattern whose "content" is "clause" ("made the case
    [that …]", "made the case to voters [that …]") reports a clause: past the listener the phrase is
    made to, the content is a clause of the phrase's, opened by "that" or "to", or there is none."""
    if end >= len(doc) or doc[end].sent.start != doc[start].sent.start or doc[end].is_punct:
        return None
    if content != "clause":
        return end
    first = end
    word = doc[first]
    if word.lower_ == "to" and word.dep_ == "prep" and start <= word.head.i < end:
        first = word.right_edge.i + 1  # "to a gathering of black leaders": to whom, not what
    if first >= len(doc) or doc[first].lower_ not in ("that", "to"):
        return None
    clause = doc[first].head
    return first if clause.pos_ in ("VERB", "AUX") and start <= clause.head.i < end else None
