"""Reconciling what the sieves found: one claim per content, claims nested in others' content, and the
order in which overlapping claims give way (the kinds' priorities)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from quotegrab.engine.rules.claim import Claim, RuleName, overlaps
from quotegrab.engine.scanner import QuotationIndex


@dataclass(frozen=True)
class Kind:
    """How claims of one rule stand beside others.

    `priority`: where two claims cover mostly the same words, the lower number wins (then the earlier
    claim); `quoted`: built on quotation marks, so quoted words stay a quote wherever they stand;
    `nestable`: may lie inside another claim's content ("…, who is expected to win, said …")."""

    priority: int = 9
    quoted: bool = False
    nestable: bool = False


KINDS: dict[str, Kind] = {
    "headline": Kind(0, quoted=True),
    "transcript": Kind(0, quoted=True),
    "quote-before": Kind(0, quoted=True),
    "fronted-mixed": Kind(0, quoted=True),
    "quote-after": Kind(1, quoted=True),
    "according-to": Kind(2, quoted=True),
    "complement": Kind(3),
    "question": Kind(3),
    "as-aside": Kind(4),
    "fronted": Kind(4),
    "clause": Kind(5),
    "found-in": Kind(5),
    "passive": Kind(5),
    "open-question": Kind(5),
    "unnamed": Kind(5),
    "raising": Kind(nestable=True),
    "prep-object": Kind(nestable=True),
    "cue-pattern": Kind(nestable=True),
    "infinitive": Kind(nestable=True),
    "object-predicate": Kind(nestable=True),
}
_PLAIN = Kind()


def kind_of(rule: RuleName) -> Kind:
    return KINDS.get(rule, _PLAIN)


def well_formed(claims: list[Claim], doc: Doc) -> list[Claim]:
    """Claims that hold words and do not contain their own cue (a parse that wraps it into the
    content), and no view put up for the listener to answer."""
    claims = [c for c in claims if not _contains_own_attribution(c) and all(s < e for s, e in c.spans)]
    return [c for c in claims if kind_of(c.rule).quoted or not _asked_of_listener(c, doc)]


def one_per_content(claims: list[Claim]) -> tuple[list[Claim], list[Claim]]:
    """Keep one claim per content; also returns the nestable claims that gave way, which may still
    stand inside another claim."""
    kept = _drop_overlaps(claims)
    kept_ids = {id(c) for c in kept}
    dropped_nestable = [c for c in claims if kind_of(c.rule).nestable and id(c) not in kept_ids]
    return kept, dropped_nestable


def with_nested(claims: list[Claim], candidates: list[Claim]) -> list[Claim]:
    """`claims` and the candidates that may stand inside their content, less the indirect reports whose
    cue lies inside a nested claim."""
    nested = _nested(candidates, claims)
    return _without_reports_inside(claims, nested) + nested


# what belongs to the word before it when written right after it: "fallen by 12%", "(the budget)"
_GLUED_AFTER = "%"
_PAIRS = {"(": ")", "[": "]"}
# what may stand between a content's last word and the closing mark of the quotation it ends in
_BEFORE_CLOSING_MARK = " ,.;:!?\u2026'\"\u2019\u201d`"


def whole_end(claim: Claim, text: str, quotations: QuotationIndex) -> None:
    """A claim's content keeps its last token: a "%" glued to the number before it, and the bracket
    that closes one opened inside the content ("waiting times had fallen by 12%", "the fund (set up in
    2004)"), which a parse often leaves outside; and a piece of content ending inside a quotation, with
    only punctuation left before its closing mark, keeps the mark ('''"Hawaii Five-0," the show CBS
    revived, is considered …''')."""
    start, end = claim.spans[-1]
    while end < len(text) and (_glued(text, start, end) or _closes_bracket(text, start, end)):
        end += 1
    claim.spans[-1] = (start, end)
    claim.spans = [(start, _through_closing_mark(text, start, end, quotations)) for start, end in claim.spans]


def _through_closing_mark(text: str, start: int, end: int, quotations: QuotationIndex) -> int:
    q = quotations.at(end - 1) if end > start else None
    # only a content holding the opening mark holds the closing one (a direct quote holds neither)
    if q is None or not q.closed or start > q.start or end <= q.content_start or end >= q.end:
        return end
    return q.end if text[end : q.end].strip(_BEFORE_CLOSING_MARK) == "" else end


def _glued(text: str, start: int, end: int) -> bool:
    return text[end] in _GLUED_AFTER and end > start and text[end - 1].isdigit()


def _closes_bracket(text: str, start: int, end: int) -> bool:
    piece = text[start:end]
    return any(text[end] == close and piece.count(open_) > piece.count(close) for open_, close in _PAIRS.items())


def _contains_own_attribution(claim: Claim) -> bool:
    return claim.cue is not None and any(overlaps(claim.cue, span) for span in claim.spans)


def _asked_of_listener(claim: Claim, doc: Doc) -> bool:
    """A cue verb in a yes-no question put to the listener ("Do you support Smith?"): the asker states
    no view, and the listener has not answered yet."""
    if claim.cue is None:
        return False
    span = doc.char_span(*claim.cue, alignment_mode="expand")
    if span is None:
        return False
    verb = span[0]
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ != "you":
        return False
    # a yes-no question opens on its auxiliary; "How do you know when …?" puts a view up for answer
    inverted = any(c.dep_ == "aux" and c.i < subject.i and (c.i == 0 or doc[c.i - 1].is_punct or doc[c.i - 1].is_space)
                   for c in verb.children)
    last = verb.sent[-1]
    return inverted and (last.text == "?" or last.i + 1 < len(doc) and doc[last.i + 1].text == "?")


def _drop_overlaps(claims: list[Claim]) -> list[Claim]:
    """Keep one claim per content: the claim of the higher-priority kind wins over others covering the
    same words, then the earlier one."""
    # each kept claim with its extent (read once: `Claim.start` and `.end` are properties, and every
    # claim is tested against every kept one), its characters and their count
    kept: list[tuple[int, int, Claim, list[tuple[int, int]], int]] = []
    for claim in sorted(claims, key=lambda c: (kind_of(c.rule).priority, c.start)):
        # the characters a claim covers, as disjoint ranges: counted by arithmetic, not as sets of offsets
        chars = _covered(claim.spans)
        size = sum(e - s for s, e in chars)
        start, end = claim.start, claim.end
        # only claims whose extent meets this one can overlap it
        rivals = (k for k in kept if k[0] < end and start < k[1])
        if any(_shared(chars, other) / max(1, min(size, other_size)) > 0.5 for _, _, _, other, other_size in rivals):
            continue
        kept.append((start, end, claim, chars, size))
    return [k[2] for k in kept]


def _covered(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The characters of `spans`, as sorted, disjoint, non-empty ranges."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _shared(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    """How many characters two sets of sorted, disjoint ranges have in common."""
    i = j = shared = 0
    while i < len(a) and j < len(b):
        shared += max(0, min(a[i][1], b[j][1]) - max(a[i][0], b[j][0]))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return shared


def _without_reports_inside(claims: list[Claim], nested: list[Claim]) -> list[Claim]:
    """`claims` without the indirect reports whose cue lies in a nested claim's content ("hopes to win and
    encourage the party to rally", "concern that groups which claimed the attack …"): the outer
    attribution is the one annotated, the report inside it is part of what is reported."""
    if not nested:
        return claims
    return [c for c in claims if c.cue is None or kind_of(c.rule).quoted
            or not any(overlaps(c.cue, span) for n in nested for span in n.spans)]


def _nested(extra: list[Claim], claims: list[Claim]) -> list[Claim]:
    """Claims that may overlap others' content, unless they repeat one (most of their words in a claim of
    their own size) or their cue lies inside it: an attribution nested in reported words is rarely
    counted as one of its own."""
    kept: list[Claim] = []
    for claim in extra:
        chars = {i for s, e in claim.spans for i in range(s, e)}
        if not any(_repeats(claim, chars, other) for other in claims + kept):
            kept.append(claim)
    return kept


def _repeats(claim: Claim, chars: set[int], other: Claim) -> bool:
    if not (other.start < claim.end and claim.start < other.end):
        return False
    ochars = {i for s, e in other.spans for i in range(s, e)}
    return len(chars & ochars) / max(1, len(chars | ochars)) > 0.5 or _contains_own_attribution(
        Claim(other.spans, claim.cue, None, claim.rule)
    )

