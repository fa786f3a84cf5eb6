"""The order in which the rules run over a parsed Doc, and how their claims are reconciled: one claim
per content (overlaps dropped by rule priority), claims nested in others' content, interrupted quotes
merged; then typing and speaker resolution."""

from __future__ import annotations

from spacy.tokens import Doc

from quotegrab.engine.contract import Quote, Speaker
from quotegrab.engine.lexicon import Lexicon
from quotegrab.engine.resolution import Resolver
from quotegrab.engine.rules.claim import Claim, overlaps
from quotegrab.engine.rules.context import DocContext
from quotegrab.engine.rules.cues import Cues
from quotegrab.engine.rules.headline import headline_claims
from quotegrab.engine.rules.nominal import gapped_clauses, nominal_claims, self_described
from quotegrab.engine.rules.passive import (
    asked_unnamed,
    passive_agent,
    passive_claims,
    question_put,
    reported_unnamed,
    unnamed_report,
)
from quotegrab.engine.rules.phrases import according_to, found_in, in_source_claims, open_question, short_answers
from quotegrab.engine.rules.quotations import classify, merge_interrupted, unattributed_quotations
from quotegrab.engine.rules.speech import claims_for_verb
from quotegrab.engine.rules.stance import (
    clause_reported,
    participle_stances,
    predicate_phrase_claims,
    with_infinitive_claims,
    with_object_predicate_claims,
    with_prep_object_claims,
    with_raising_claims,
    with_stance_object_claims,
)
from quotegrab.engine.scanner import scan

# rules whose claims may lie inside another claim's content ("…, who is expected to win, said …")
_NESTABLE = ("raising", "prep-object", "infinitive", "object-predicate")
# rules built on quotation marks: quoted words stay a quote wherever they stand
_QUOTED_RULES = ("headline", "transcript", "quote-before", "quote-after", "fronted-mixed", "according-to")


class Attributor:
    """Applies the rules to a parsed Doc; returns contract `Quote`s and `Speaker`s."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.cues = Cues(lexicon)
        self.resolver = Resolver(lexicon)

    def __call__(self, doc: Doc) -> tuple[list[Quote], list[Speaker]]:
        cues = self.cues
        text = doc.text
        quotations = scan(text)
        # doc.ents is rebuilt on every access: read the names once per document
        names = [e for e in doc.ents if e.label_ in ("PERSON", "ORG")]
        ctx = DocContext(doc, quotations, names)
        cues.repair_lemmas(doc)
        claims: list[Claim] = []
        for token in doc:
            if ctx.quoted(token):
                continue
            agent = passive_agent(token, ctx, cues)
            if agent is not None:
                claims.extend(passive_claims(token, agent, ctx, cues))
            elif token.lemma_.lower() in ("ask", "tell") and asked_unnamed(token):
                claims.extend(question_put(token, ctx, cues))
            elif reported_unnamed(token, cues):
                claims.extend(unnamed_report(token, ctx, cues))
            elif cues.is_cue_verb(token):
                claims.extend(claims_for_verb(token, ctx, cues))
            elif token.pos_ == "VERB" and token.lemma_.lower() not in cues.lexicon["not_cue_verbs"]:
                claims.extend(clause_reported(token, ctx, cues))
        claims.extend(according_to(doc, ctx, cues))
        claims.extend(found_in(doc, ctx, cues))
        claims.extend(open_question(doc, ctx, cues))
        claims.extend(short_answers(doc, ctx, cues))
        claims.extend(participle_stances(doc, ctx, cues))
        claims.extend(predicate_phrase_claims(doc, ctx, cues))
        claims = with_stance_object_claims(doc, ctx, cues, claims)
        claims = with_raising_claims(doc, ctx, cues, claims)
        claims = with_prep_object_claims(doc, ctx, cues, claims)
        claims = with_infinitive_claims(doc, ctx, cues, claims)
        claims = with_object_predicate_claims(doc, ctx, cues, claims)
        claims.extend(in_source_claims(doc, ctx, cues))
        claims.extend(gapped_clauses(doc, ctx, cues))
        claims.extend(self_described(doc, ctx, cues))
        claims.extend(headline_claims(ctx, cues.lexicon["finding_sources"]))
        # a claim never contains its own cue (a parse that wraps it into the content), and every piece of
        # it holds words: a broken parse can give a rule an empty range
        claims = [c for c in claims if not _contains_own_attribution(c) and all(s < e for s, e in c.spans)]
        claims = [c for c in claims if c.rule in _QUOTED_RULES or not _asked_of_listener(c, doc)]
        nestable = [c for c in claims if c.rule in _NESTABLE]
        claims = _drop_overlaps(claims)
        kept = {id(c) for c in claims}
        nested = _nested([c for c in nestable if id(c) not in kept] + nominal_claims(doc, ctx, cues), claims)
        claims = _without_reports_inside(claims, nested) + nested
        claims.extend(unattributed_quotations(ctx, claims, cues))
        claims.sort(key=lambda c: c.start)
        claims = merge_interrupted(claims, doc)
        for claim in claims:
            classify(claim, ctx)
        return self.resolver.build(doc, claims, quotations, names)


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
    """Keep one claim per content: the first found rule wins over later rules covering the same words."""
    priority = {
        "headline": 0, "transcript": 0, "quote-before": 0, "fronted-mixed": 0, "quote-after": 1, "according-to": 2,
        "complement": 3, "question": 3, "as-aside": 4, "fronted": 4,
        "clause": 5, "found-in": 5, "passive": 5, "open-question": 5, "unnamed": 5,
    }
    kept: list[tuple[Claim, set[int]]] = []
    for claim in sorted(claims, key=lambda c: (priority.get(c.rule, 9), c.start)):
        chars = {i for s, e in claim.spans for i in range(s, e)}
        # only claims whose extent meets this one can overlap it
        rivals = (k for k in kept if k[0].start < claim.end and claim.start < k[0].end)
        if any(len(chars & other) / max(1, min(len(chars), len(other))) > 0.5 for _, other in rivals):
            continue
        kept.append((claim, chars))
    return [claim for claim, _ in kept]


def _without_reports_inside(claims: list[Claim], nested: list[Claim]) -> list[Claim]:
    """`claims` without the indirect reports whose cue lies in a nested claim's content ("hopes to win and
    encourage the party to rally", "concern that groups which claimed the attack …"): the outer
    attribution is the one annotated, the report inside it is part of what is reported."""
    if not nested:
        return claims
    return [c for c in claims if c.cue is None or c.rule in _QUOTED_RULES
            or not any(overlaps(c.cue, span) for n in nested for span in n.spans)]


def _nested(extra: list[Claim], claims: list[Claim]) -> list[Claim]:
    """Claims that may overlap others' content, unless they repeat one (most of their words in a claim of
    their own size) or their cue lies inside it: an attribution nested in reported words is rarely
    counted as one of its own."""
    kept = []
    for claim in extra:
        chars = {i for s, e in claim.spans for i in range(s, e)}
        same = False
        for other in claims + kept:
            if not (other.start < claim.end and claim.start < other.end):
                continue
            ochars = {i for s, e in other.spans for i in range(s, e)}
            if len(chars & ochars) / max(1, len(chars | ochars)) > 0.5 or _contains_own_attribution(
                Claim(other.spans, claim.cue, None, claim.rule)
            ):
                same = True
                break
        if not same:
            kept.append(claim)
    return kept
