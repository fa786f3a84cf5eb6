"""The sieves: every attribution rule as a named unit, and the order they run in, which is data.

A sieve has a name, the kinds of claim it finds (`Claim.rule`, ranked in `reconcile.KINDS`) and how it
joins the claims found before it:

- `word`: keyed on one word of the article; in one walk of its words, the first word sieve in the
  order that accepts a word reads it, and the later ones do not ("was told by" is passive, not speech);
- `document`: reads the whole article and adds its claims;
- `replacing`: claims for a verb that stand in place of what earlier sieves made of that verb (but
  claims of the kinds it spares);
- `nested`: claims that may stand inside another's content, weighed after the others are reconciled;
- `follow-up`: claims that depend on the reconciled ones (a cue-less quote going on from the last).

As in Stanford's sieve systems, the most precise run first and a later sieve never undoes an earlier
one except where its kind says so (`replacing`). The component takes the order as its `sieves`
setting: a user may drop a sieve or move one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from spacy.tokens import Doc, Token

from quotegrab.engine.rules import headline, nominal, passive, patterns, phrases, quotations, speech, stance
from quotegrab.engine.rules.claim import Claim, Replacement, RuleName
from quotegrab.engine.rules.context import DocContext
from quotegrab.engine.rules.cues import Cues
from quotegrab.engine.rules.reconcile import one_per_content, well_formed, whole_end, with_nested

SieveKind = Literal["word", "document", "replacing", "nested", "follow-up"]


@dataclass(frozen=True)
class Sieve:
    name: str
    kind: SieveKind
    finds: tuple[RuleName, ...]
    # word: find(token, accepted, ctx, cues); document, replacing, nested: find(doc, ctx, cues);
    # follow-up: find(ctx, claims, cues)
    find: Callable[..., Any]
    # word sieves: what makes a word this sieve's (a truthy answer is handed to `find`)
    accepts: Callable[[Token, DocContext, Cues], Any] | None = None
    # word sieves: the positions of the words that can be this sieve's at all, from the context's index
    # (a necessary condition of `accepts`, so that the walk passes over the rest of the words)
    candidates: Callable[[DocContext, Cues], frozenset[int]] | None = None
    # replacing sieves: the kinds of claim of the same verb that stay beside the replacement
    spares: frozenset[str] = field(default_factory=frozenset)


def _reported_by_nobody_named(token: Token, ctx: DocContext, cues: Cues) -> bool:
    return passive.reported_unnamed(token, cues)


def _a_cue_verb(token: Token, ctx: DocContext, cues: Cues) -> bool:
    return cues.is_cue_verb(token)


def _asked_of_nobody_named(token: Token, ctx: DocContext, cues: Cues) -> bool:
    return token.lemma_.lower() in ("ask", "tell") and passive.asked_unnamed(token)


def _reports_a_view(token: Token, ctx: DocContext, cues: Cues) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() not in cues.lexicon["not_cue_verbs"]


def _words(attribute: str, *values: str) -> Callable[[DocContext, Cues], frozenset[int]]:
    """The positions of the words whose `attribute` is one of `values`, asked of the context's index."""
    def candidates(ctx: DocContext, cues: Cues) -> frozenset[int]:
        return ctx.where(attribute, values)
    return candidates


def _cue_verb_lemmas(ctx: DocContext, cues: Cues) -> frozenset[int]:
    return ctx.where("lemma", cues.cue_verb_heads)


# the nouns that can speak in an article's headline, "Insiders: …", "Newspaper: …", "Clinton camp: …"
_HEADLINE_SPEAKERS = ("group_nouns", "org_nouns", "org_nouns_informal", "statement_nouns")


def _headlines(doc: Doc, ctx: DocContext, cues: Cues) -> list[Claim]:
    speakers = frozenset().union(*(cues.lexicon[name] for name in _HEADLINE_SPEAKERS))
    return headline.headline_claims(ctx, cues.lexicon["finding_sources"], speakers)


def _with_accepted(rule: Callable[[Token, DocContext, Cues], list[Claim]]) -> Callable[..., list[Claim]]:
    """A word rule that needs no more than the word: what its sieve accepted is not passed on."""
    def find(token: Token, accepted: Any, ctx: DocContext, cues: Cues) -> list[Claim]:
        return rule(token, ctx, cues)
    return find


_QUOTE_KINDS = frozenset({"quote-before", "quote-after", "fronted-mixed"})


def _named_for_their_kind(kind: SieveKind, finders: dict[RuleName, Callable[..., Any]]) -> list[Sieve]:
    """Sieves that each find the one kind of claim named as the sieve is, in the order given."""
    return [Sieve(name, kind, (name,), find=find) for name, find in finders.items()]

SIEVES: dict[str, Sieve] = {s.name: s for s in (
    Sieve("passive", "word", ("passive",), accepts=passive.passive_agent, find=passive.passive_claims,
          candidates=_words("tag", "VBN")),
    Sieve("question-put", "word", ("question",), accepts=_asked_of_nobody_named,
          find=_with_accepted(passive.question_put), candidates=_words("lemma", "ask", "tell")),
    Sieve("unnamed-report", "word", ("unnamed",), accepts=_reported_by_nobody_named,
          find=_with_accepted(passive.unnamed_report), candidates=_words("tag", "VBN")),
    Sieve("speech", "word", ("quote-before", "quote-after", "complement", "as-aside", "fronted", "fronted-mixed",
                             "colon", "dash"),
          accepts=_a_cue_verb, find=_with_accepted(speech.claims_for_verb), candidates=_cue_verb_lemmas),
    Sieve("clause-view", "word", ("clause",), accepts=_reports_a_view, find=_with_accepted(stance.clause_reported),
          candidates=_words("pos", "VERB")),
    *_named_for_their_kind("document", {
        "according-to": phrases.according_to,
        "found-in": phrases.found_in,
        "open-question": phrases.open_question,
        "short-answer": phrases.short_answers,
        "participle-stance": stance.participle_stances,
        "predicate-phrase": stance.predicate_phrase_claims,
    }),
    Sieve("stance-object", "replacing", ("stance-object",), find=stance.stance_object_claims, spares=_QUOTE_KINDS),
    *_named_for_their_kind("replacing", {
        "raising": stance.raising_claims,
        "prep-object": stance.prep_object_claims,
        "infinitive": stance.infinitive_claims,
        "object-predicate": stance.object_predicate_claims,
        "cue-pattern": patterns.pattern_claims,
    }),
    *_named_for_their_kind("document", {
        "in-source": phrases.in_source_claims,
        "gapped": nominal.gapped_clauses,
        "self-described": nominal.self_described,
    }),
    Sieve("headline", "document", ("headline", "transcript", "dash"), find=_headlines),
    Sieve("nominal", "nested", ("nominal", "stance-adjective"), find=nominal.nominal_claims),
    Sieve("unattributed-quotation", "follow-up", ("quote-after", "quote-before", "continuation", "colon", "dash"),
          find=quotations.unattributed_quotations),
    Sieve("headline-fragment", "follow-up", ("headline-fragment",), find=headline.headline_fragments),
)}

DEFAULT_ORDER: tuple[str, ...] = tuple(SIEVES)


class Sieves:
    """The sieves of an order, run over one document."""

    def __init__(self, order: Sequence[str] = DEFAULT_ORDER) -> None:
        unknown = [name for name in order if name not in SIEVES]
        if unknown:
            raise ValueError(f"unknown sieve(s) {unknown}; the sieves are: {', '.join(SIEVES)}")
        self.order = [SIEVES[name] for name in order]

    def run(self, ctx: DocContext, cues: Cues) -> list[Claim]:
        """Every claim of the document, reconciled, in text order, merged where a quote is interrupted,
        and typed."""
        claims = self._found(ctx, cues)
        claims, gave_way = one_per_content(well_formed(claims, ctx.doc))
        nested = [c for s in self.order if s.kind == "nested" for c in s.find(ctx.doc, ctx, cues)]
        claims = with_nested(claims, gave_way + nested)
        for sieve in self.order:
            if sieve.kind == "follow-up":
                claims.extend(sieve.find(ctx, claims, cues))
        claims.sort(key=lambda c: c.start)
        claims = quotations.merge_interrupted(claims, ctx.doc, ctx.text)
        for claim in claims:
            whole_end(claim, ctx.text, ctx.index)
            quotations.classify(claim, ctx)
        return claims

    def _found(self, ctx: DocContext, cues: Cues) -> list[Claim]:
        claims: list[Claim] = []
        i = 0
        while i < len(self.order):
            sieve = self.order[i]
            if sieve.kind == "word":
                # consecutive word sieves share one walk of the words
                j = i
                while j < len(self.order) and self.order[j].kind == "word":
                    j += 1
                claims.extend(_walk(self.order[i:j], ctx, cues))
                i = j
                continue
            if sieve.kind == "document":
                claims.extend(sieve.find(ctx.doc, ctx, cues))
            elif sieve.kind == "replacing":
                claims = _in_place_of(claims, sieve.find(ctx.doc, ctx, cues), sieve.spares)
            i += 1
        return claims


def _walk(sieves: Sequence[Sieve], ctx: DocContext, cues: Cues) -> list[Claim]:
    """One walk over the words any of `sieves` can take; each word goes to the first that accepts it."""
    takers = [(sieve, _indexes(sieve, ctx, cues)) for sieve in sieves]
    words = sorted({i for _, positions in takers if positions is not None for i in positions}) if all(
        positions is not None for _, positions in takers) else range(len(ctx.doc))
    claims: list[Claim] = []
    for i in words:
        token = ctx.token(i)
        if ctx.quoted(token):
            continue
        for sieve, positions in takers:
            if positions is not None and i not in positions:
                continue
            accepted = sieve.accepts(token, ctx, cues) if sieve.accepts is not None else True
            if accepted is not None and accepted is not False:
                claims.extend(sieve.find(token, accepted, ctx, cues))
                break
    return claims


def _indexes(sieve: Sieve, ctx: DocContext, cues: Cues) -> frozenset[int] | None:
    return None if sieve.candidates is None else sieve.candidates(ctx, cues)


def _in_place_of(claims: list[Claim], found: list[Replacement], spares: frozenset[str]) -> list[Claim]:
    """`claims` with the claims `found` for their verbs put in place of any other claim of those verbs."""
    if not found:
        return claims
    verbs = {verb.idx for verb, _ in found}
    kept = [c for c in claims if c.cue is None or c.cue[0] not in verbs or c.rule in spares]
    return kept + [claim for _, claim in found]
