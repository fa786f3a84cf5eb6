"""How a cue frames its content: the auxiliaries, modals and negation around the cue word, which a reader
must see with it ("did not say", "might say", "is expected"), and whether the report is negated."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from quotegrab.engine.grammar import NEGATIONS
from quotegrab.engine.rules.claim import Claim

# the words before a cue verb that belong to how it frames the content
_FRAME_DEPS = ("aux", "auxpass", "neg")
# the same words and labels as string ids: a token's integer attributes (`.dep`, `.lower`, `.pos`) are read
# without the StringStore lookup its string ones (`.dep_`, `.lower_`, `.pos_`) make on every access
_FRAME_DEP_IDS = frozenset(get_string_id(d) for d in _FRAME_DEPS)
_NEGATION_IDS = frozenset(get_string_id(w) for w in NEGATIONS)
_NEG, _XCOMP, _ACOMP = get_string_id("neg"), get_string_id("xcomp"), get_string_id("acomp")
_MARK, _AUX = get_string_id("mark"), get_string_id("aux")
# the words that open a question ("asked whether") or an infinitive ("is expected to") after a cue
_OPENING_IDS = frozenset(get_string_id(w) for w in ("whether", "if", "to"))
_LONGER, _NO = get_string_id("longer"), get_string_id("no")
_VERB_POS = frozenset((get_string_id("VERB"), get_string_id("AUX")))


@dataclass(frozen=True)
class Frame:
    phrase: str
    negated: bool


def cue_frame(doc: Doc, claim: Claim, negating_verbs: frozenset[str], starts: list[int]) -> Frame | None:
    """The cue as the reader sees it, and whether it is negated; None when the cue is no verb. `starts`
    are the Doc's token offsets (the cue's token is found by bisection, not by building a Span)."""
    assert claim.cue is not None
    first, end = bisect_right(starts, claim.cue[0]) - 1, bisect_left(starts, claim.cue[1])
    if first < 0 or end <= first:
        return None
    verb = doc[first]
    if verb.pos not in _VERB_POS:
        return None
    governor = verb.head if verb.dep == _XCOMP and verb.head.i < verb.i else None
    # "is likely to say": the copula of the adjective that governs the cue frames it too
    copula = governor.head if governor is not None and governor.dep == _ACOMP and governor.head.i < governor.i else None
    framing = [t for t in (verb, governor, copula) if t is not None]
    negated = any(_negated(t) for t in framing) or governor is not None and governor.lemma_.lower() in negating_verbs
    # "refused to say": the governing verb and its "to" frame the cue too
    start = _frame_start(framing[-1])
    # the frame's words outside the content, found by their offsets (a Token is made only for those kept)
    words = [k for k in range(start, end) if not any(s <= starts[k] < e for s, e in claim.spans)]
    phrase = " ".join("".join(doc[k].text_with_ws for k in words).split()) if words else doc[first:end].text
    # "asked whether", "is expected to": the word that opens a question or an infinitive after the cue
    # frames the content as one, though it stands inside it
    following = doc[end] if end < len(doc) else None
    if following is not None and following.lower in _OPENING_IDS and following.dep in (_MARK, _AUX):
        phrase = f"{phrase} {following.text}"
    return Frame(phrase=phrase, negated=negated)


def _negated(verb: Token) -> bool:
    """"did not say", "never claimed", "no longer believes"."""
    for child in verb.children:
        lower = child.lower
        if child.dep == _NEG or lower in _NEGATION_IDS and child.i < verb.i:
            return True
        if lower == _LONGER and any(c.lower == _NO for c in child.children):
            return True
    return False


def _frame_start(verb: Token) -> int:
    """The first of the auxiliaries and negation written just before the verb ("would not have said")."""
    start = verb.i
    # only the words before the verb frame it: its left children, nearest first
    for child in reversed(list(verb.lefts)):
        if (child.dep in _FRAME_DEP_IDS or child.lower in _NEGATION_IDS) and child.i >= start - 4:
            start = child.i
        elif child.lower == _LONGER and child.i >= start - 4:
            start = child.left_edge.i  # "no longer believes"
    return start
