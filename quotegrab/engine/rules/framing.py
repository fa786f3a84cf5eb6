"""How a cue frames its content: the auxiliaries, modals and negation around the cue word, which a reader
must see with it ("did not say", "might say", "is expected"), and whether the report is negated."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from quotegrab.engine.grammar import NEGATIONS
from quotegrab.engine.rules.claim import Claim

# the words before a cue verb that belong to how it frames the content
_FRAME_DEPS = ("aux", "auxpass", "neg")


@dataclass(frozen=True)
class Frame:
    phrase: str
    negated: bool


def cue_frame(doc: Doc, claim: Claim, negating_verbs: frozenset[str]) -> Frame | None:
    """The cue as the reader sees it, and whether it is negated; None when the cue is no verb."""
    assert claim.cue is not None
    span = doc.char_span(*claim.cue, alignment_mode="expand")
    if span is None or not len(span) or span[0].pos_ not in ("VERB", "AUX"):
        return None
    verb = span[0]
    governor = verb.head if verb.dep_ == "xcomp" and verb.head.i < verb.i else None
    negated = _negated(verb) or governor is not None and (
        _negated(governor) or governor.lemma_.lower() in negating_verbs)
    # "refused to say": the governing verb and its "to" frame the cue too
    first = _frame_start(governor) if governor is not None else _frame_start(verb)
    inside = [(s, e) for s, e in claim.spans]
    words = [t for t in doc[first : span.end] if not any(s <= t.idx < e for s, e in inside)]
    phrase = " ".join("".join(t.text_with_ws for t in words).split()) if words else span.text
    return Frame(phrase=phrase, negated=negated)


def _negated(verb: Token) -> bool:
    """"did not say", "never claimed", "no longer believes"."""
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in NEGATIONS and child.i < verb.i:
            return True
        if child.lower_ == "longer" and any(c.lower_ == "no" for c in child.children):
            return True
    return False


def _frame_start(verb: Token) -> int:
    """The first of the auxiliaries and negation written just before the verb ("would not have said")."""
    start = verb.i
    for child in sorted(verb.children, key=lambda c: -c.i):
        if child.i < verb.i and (child.dep_ in _FRAME_DEPS or child.lower_ in NEGATIONS) and child.i >= start - 4:
            start = child.i
        elif child.i < verb.i and child.lower_ == "longer" and child.i >= start - 4:
            start = child.left_edge.i  # "no longer believes"
    return start
