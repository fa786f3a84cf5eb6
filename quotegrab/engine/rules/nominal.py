"""Claims whose cue is not a verb of their own clause: nouns that carry reported content ("her claim
that …", "criticism of X"), "a self-described socialist", and clauses whose subject a relative word
took ("a move the kingdom hopes will shatter …")."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from quotegrab.engine.grammar import AGENT_PREPOSITIONS, NOT_SPEAKERS, RELATIVE_WORDS, THING_POSSESSIVES
from quotegrab.engine.rules.claim import WRITER_DASH, Claim, cue_span, cut_aside, subtree_range, trim
from quotegrab.engine.rules.context import DocContext
from quotegrab.engine.rules.cues import Cues
from quotegrab.engine.rules.speakers import mention_span, possessor_span
from quotegrab.engine.rules.speech import nested_cue_stop

# -- nominal cues: "Trump's criticism of the judge", "her argument that …" --------------------------


def nominal_claims(doc: Doc, ctx: DocContext, cues: Cues) -> list[Claim]:
    """Nouns that carry reported content: a "that" clause after a noun of models/cue_nouns.txt ("the
    claim that …", "her argument is that …"), or the object of a noun and preposition of
    models/cue_nouns_object.txt ("criticism of X", "calls for X", "a pledge to …"). The speaker is
    the possessor or the "by"/"from" agent, else nobody."""
    claims = []
    # an adjective is a cue only as a complement; a noun only with a listed lemma ("claim", "criticism")
    adjectives = ("lower", cues.adjective_heads)
    for noun in ctx.having_any(("dep", ["acomp"]), ("lemma", cues.noun_cue_lemmas), adjectives):
        if ctx.quoted(noun):
            continue
        if noun.pos_ == "ADJ" or noun.dep_ == "acomp":
            claim = _adjective_claim(noun, ctx, cues)
            if claim is not None:
                claims.append(claim)
            continue
        if noun.pos_ != "NOUN":
            continue
        claim = _nominal_claim(noun, ctx, cues)
        if claim is not None:
            claims.append(claim)
    return claims


class _Frame(NamedTuple):
    """What a cue noun reports (character offsets), the token its cue ends on, and whether a claim needs a
    speaker ("calls for X" does, "criticism of X" does not)."""

    content: tuple[int, int]
    cue_end: int
    needs_speaker: bool


def _nominal_claim(noun: Token, ctx: DocContext, cues: Cues) -> Claim | None:
    frame = _that_clause_frame(noun, ctx, cues) or _object_frame(noun, cues)
    if frame is None:
        return None
    span = _content_span(noun, frame.content, ctx)
    if span is None:
        return None
    dash = WRITER_DASH.search(ctx.text, *span)
    if dash is not None and dash.start() > span[0]:
        span = (span[0], dash.start())
    mention = _nominal_speaker(noun, ctx, cues)
    if mention is None and frame.needs_speaker:
        return None
    cue_tok = noun.doc[frame.cue_end]
    return Claim([span], (noun.idx, cue_tok.idx + len(cue_tok)), mention, "nominal")


def _that_clause_frame(noun: Token, ctx: DocContext, cues: Cues) -> _Frame | None:
    """"the claim that …", "Her argument is that …": a noun of models/cue_nouns.txt and its "that" clause."""
    if noun.lemma_.lower() not in cues.cue_nouns:
        return None
    clause = next((c for c in noun.children if c.i > noun.i and _that_clause(c)), None)
    if clause is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        # "Her argument is that …"
        clause = next((c for c in noun.head.children if c.i > noun.head.i and _that_clause(c)), None)
    if clause is None:
        return None
    stop = nested_cue_stop(clause, ctx, cues)
    return _Frame(subtree_range(clause, stop_at=stop), noun.i, False)


def _object_frame(noun: Token, cues: Cues) -> _Frame | None:
    """"criticism of X", "calls for X", "a pledge to …": a noun and the word after it of
    models/cue_nouns_object.txt (a "+" there asks for a speaker), and that word's object."""
    doc = noun.doc
    lemma = noun.lemma_.lower()
    nxt = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if nxt is None or (
        f"{lemma} {nxt.lower_}" not in cues.cue_nouns_object and f"{lemma} {nxt.lower_} +" not in cues.cue_nouns_object
    ):
        return None
    needs_speaker = f"{lemma} {nxt.lower_}" not in cues.cue_nouns_object
    if nxt.lower_ == "to" and nxt.pos_ == "PART":
        verb = nxt.head
        if verb.i <= nxt.i or verb.pos_ not in ("VERB", "AUX"):
            return None
        # the infinitive's "to" belongs to the content
        return _Frame((nxt.idx, verb.right_edge.idx + len(verb.right_edge)), noun.i, needs_speaker)
    obj = next((c for c in nxt.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return None
    return _Frame(subtree_range(obj), nxt.i, needs_speaker)


def _nominal_speaker(noun: Token, ctx: DocContext, cues: Cues) -> Span | None:
    """Whose the cue noun is: its possessor, its "by"/"from" agent, or the subject of a verb that voices it."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None and poss.lower_ not in THING_POSSESSIVES and not ctx.quoted(poss):
        mention = possessor_span(poss, ctx)
    else:
        mention = _agent_mention(noun, ctx, cues)
    if mention is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in cues.lexicon["cue_noun_verbs"]:
        mention = _voicer_mention(noun, ctx)
    return mention


def _agent_mention(noun: Token, ctx: DocContext, cues: Cues) -> Span | None:
    """"criticism from unions", "a call by the mayor": the object of "by" or "from", if someone."""
    agent = next((c for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ in AGENT_PREPOSITIONS
                  and c.i > noun.i), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if pobj is not None and not ctx.quoted(pobj) and (pobj.ent_type_ in ("PERSON", "ORG", "NORP")
                                                       or cues.speaker_noun(pobj)):
        return mention_span(pobj, ctx)
    return None


def _voicer_mention(noun: Token, ctx: DocContext) -> Span | None:
    """"Trump voiced support for …": the subject of a verb that voices the cue."""
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if subject is None and noun.head.dep_ in ("conj", "xcomp", "advcl") and noun.head.head.i < noun.head.i:
        subject = next((c for c in noun.head.head.children if c.dep_ == "nsubj"), None)
    if subject is not None and not ctx.quoted(subject) and subject.lower_ not in NOT_SPEAKERS:
        return mention_span(subject, ctx)
    return None


def _content_span(cue: Token, content: tuple[int, int], ctx: DocContext) -> tuple[int, int] | None:
    """The content of a nominal or adjectival cue: kept within the cue's paragraph, with the quotes it
    touches, without the writer's trailing aside or comment."""
    para_start, para_end = ctx.paragraph_bounds(cue.idx)
    start, end = ctx.absorb_quotations(*content)
    span = trim(ctx.text, max(start, para_start), min(end, para_end), min_chars=2)
    if span is None:
        return None
    return ctx.cut_trailing_comment(*(cut_aside(ctx.text, *span) or span))


def _adjective_claim(adjective: Token, ctx: DocContext, cues: Cues) -> Claim | None:
    """"The senator is confident that …", "the mayor was critical of X": an adjective of
    models/cue_adjectives.txt complementing a verb whose subject is a person or organisation; the content
    is its "that" clause or the object of its preposition, the speaker that subject."""
    frames = cues.lexicon["cue_adjectives"]
    lemma = adjective.lower_
    if lemma not in cues.adjective_heads:
        return None
    if adjective.dep_ == "acomp":
        holder = adjective.head
    elif adjective.pos_ == "ADJ" and any(c.dep_ == "auxpass" for c in adjective.children):
        holder = adjective  # "X is determined that …" parsed as a passive: the subject hangs on the adjective
    else:
        return None
    subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or ctx.quoted(subject) or not cues.agent(subject):
        return None  # "the outlook is uncertain": a thing's state, not anyone's stance
    content = None
    cue_end = adjective
    if f"{lemma} that" in frames:
        clause = next((c for c in adjective.children if c.dep_ == "ccomp" and c.i > adjective.i), None)
        # a clause of more than its verb; it may end in the verb ("confident that the economy will grow")
        if clause is not None and clause.right_edge.i > clause.left_edge.i:
            content = subtree_range(clause, stop_at=nested_cue_stop(clause, ctx, cues))
    if content is None and f"{lemma} to" in frames:
        # "the senator is eager to settle": the intention is the infinitive, its "to" included
        intent = next((c for c in adjective.children if c.dep_ == "xcomp" and c.left_edge.i == adjective.i + 1
                       and c.left_edge.lower_ == "to"), None)
        if intent is not None and intent.right_edge.i > intent.left_edge.i:
            content = subtree_range(intent, stop_at=nested_cue_stop(intent, ctx, cues))
    if content is None:
        prep = next((c for c in adjective.children if c.dep_ == "prep" and c.i == adjective.i + 1
                     and f"{lemma} {c.lower_}" in frames), None)
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None) if prep is not None else None
        if obj is None:
            return None
        content = subtree_range(obj)
        cue_end = prep
    span = _content_span(adjective, content, ctx)
    if span is None:
        return None
    return Claim([span], (adjective.idx, cue_end.idx + len(cue_end)), mention_span(subject, ctx), "stance-adjective")


def _that_clause(token: Token) -> bool:
    """A clause opened by "that": "(the claim) that taxes will rise"; not a relative clause ending in its
    bare verb ("a claim that officials disputed")."""
    return (
        token.dep_ in ("acl", "ccomp", "appos")
        and (token.right_edge.i > token.i or _own_subject(token))
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in token.children)
    )


def _own_subject(verb: Token) -> bool:
    """"(the claim) that taxes will rise": a clause ending in its verb is content when it has a subject and
    an auxiliary of its own, which a relative clause missing its object ("that officials disputed") lacks."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and any(
        c.dep_ in ("aux", "auxpass", "neg") for c in verb.children)


def self_described(doc: Doc, ctx: DocContext, cues: Cues) -> list[Claim]:
    """"a self-described democratic socialist": the speaker is "self", the cue the participle (a cue
    verb) and the content the rest of the noun phrase."""
    claims = []
    for token in ctx.having("lower", ["self"]):
        if token.lower_ != "self" or token.i + 3 >= len(doc) or doc[token.i + 1].text != "-":
            continue
        participle = doc[token.i + 2]
        head = participle.head
        if participle.tag_ != "VBN" or participle.lemma_.lower() not in cues.cue_verbs or head.i <= participle.i:
            continue
        if ctx.quoted(participle) and ctx.quoted(head):
            continue
        first, last = doc[participle.i + 1], head
        span = trim(ctx.text, first.idx, last.idx + len(last), min_chars=2)
        if span is not None:
            cue = (participle.idx, participle.idx + len(participle))
            claims.append(Claim([span], cue, doc[token.i : token.i + 1], "self-described"))
    return claims


def gapped_clauses(doc: Doc, ctx: DocContext, cues: Cues) -> list[Claim]:
    """"a move that the kingdom hopes will shatter …", "what scientists think is necessary": a cue in a
    relative clause whose reported clause lost its subject to the relative word. The content is that
    word and the rest of the clause, around the speaker and the cue."""
    claims = []
    for verb in ctx.having("dep", ["relcl", "ccomp"]):
        if verb.dep_ not in ("relcl", "ccomp") or ctx.quoted(verb) or not cues.is_cue_verb(verb):
            continue
        comp = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if comp is None or subject is None or comp.left_edge.i >= subject.left_edge.i:
            continue
        gap = doc[comp.left_edge.i : subject.left_edge.i]
        if not gap or any(t.pos_ in ("VERB", "AUX") for t in gap) or ctx.quoted(gap[0]):
            continue
        if gap[-1].lower_ not in RELATIVE_WORDS:
            continue
        rest = trim(ctx.text, verb.idx + len(verb), comp.right_edge.idx + len(comp.right_edge), min_chars=4)
        head = trim(ctx.text, gap.start_char, gap.end_char)
        if rest is None or head is None:
            continue
        rest = ctx.cut_trailing_comment(*rest)
        claims.append(Claim([head, rest], cue_span(verb), mention_span(subject, ctx), "gapped"))
    return claims
