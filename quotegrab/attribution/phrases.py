"""Cue phrases that credit the rest of their sentence: "according to X", "In the latest Marist poll, …",
"In Bolton's view, …"; and "It is unclear whether …", a matter the writer reports as open."""

from __future__ import annotations

from spacy.tokens import Doc

from quotegrab.attribution.claim import Claim, trim
from quotegrab.attribution.context import DocContext
from quotegrab.attribution.cues import Cues
from quotegrab.attribution.speakers import document_author, mention_span, possessor_span


def according_to(doc: Doc, ctx: DocContext, cues: Cues) -> list[Claim]:
    claims = []
    first_words = {phrase[0] for phrase in cues.cue_phrases}
    for token in doc:
        if token.lower_ not in first_words or ctx.quoted(token):
            continue
        for phrase in cues.cue_phrases:
            end = token.i + len(phrase)
            if end > len(doc) or tuple(t.lower_ for t in doc[token.i : end]) != phrase:
                continue
            obj = next((t for t in doc[end - 1].children if t.dep_ == "pobj"), None)
            if obj is None and end < len(doc):
                obj = doc[end]
            if obj is None or ctx.quoted(obj):
                continue
            author = document_author(obj, cues)
            mention = mention_span(obj if author is None else author, ctx)
            last = max(obj.right_edge.i, mention.end - 1)
            content = ctx.within_parentheses(token.i, last) or ctx.sentence_without(token.sent, token.i, last)
            if content:
                cue = (token.idx, doc[end - 1].idx + len(doc[end - 1]))
                claims.append(Claim(content, cue, mention, "according-to"))
    return claims


def found_in(doc: Doc, ctx: DocContext, cues: Cues) -> list[Claim]:
    """"In the latest Marist poll, Clinton leads by six points": a finding credited to the poll."""
    claims = []
    for prep in doc:
        if prep.lower_ != "in" or prep.dep_ != "prep" or ctx.quoted(prep):
            continue
        obj = next((t for t in prep.children if t.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in cues.lexicon["finding_sources"]:
            continue
        if cues.is_cue_verb(prep.head) or prep.i > prep.head.i:
            # "said in a statement" is the verb's own attribution; "leads in the polls" is a claim of
            # the writer's: only a fronted "In the poll, …" credits the poll
            continue
        mention = mention_span(obj, ctx)
        content = ctx.sentence_without(prep.sent, prep.i, prep.right_edge.i)
        if content:
            claims.append(Claim(content, (prep.idx, prep.idx + len(prep)), mention, "found-in"))
    return claims


# -- "In Bolton's view, …" ------------------------------------------------------------------------------


def in_source_claims(doc: Doc, ctx: DocContext, cues: Cues) -> list[Claim]:
    """A fronted "In" with a possessed noun of models/source_nouns.txt ("In Bolton's view, …", "In
    Trump's mind, …") attributes the rest of its sentence to the possessor, like "according to".
    (Polls and surveys are `found_in`'s.)"""
    claims = []
    nouns = cues.lexicon["source_nouns"]
    for token in doc:
        if token.lower_ != "in" or token.dep_ != "prep" or ctx.quoted(token):
            continue
        obj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in nouns or ctx.quoted(obj):
            continue
        after = obj.right_edge.i + 1
        if token.head.i < token.i or after >= len(doc) or doc[after].text != ",":
            continue  # only a fronted phrase set off by a comma: "In the CBS poll, …"
        poss = next((c for c in obj.children if c.dep_ == "poss"), None)
        if poss is None or poss.lower_ in ("its",):
            continue  # "in view of", "in the view of many": no one named
        mention = possessor_span(poss, ctx)
        last = obj.right_edge.i
        content = ctx.sentence_without(token.sent, token.i, last)
        if content:
            claims.append(Claim(content, (token.idx, token.idx + len(token)), mention, "in-source"))
    return claims


def open_question(doc: Doc, ctx: DocContext, cues: Cues) -> list[Claim]:
    """"It is unclear whether the bills can pass", "It is hard to know what he meant": the writer
    reports a matter as open or settled without crediting anyone."""
    claims = []
    for adjective in doc:
        if adjective.dep_ != "acomp" or adjective.lemma_.lower() not in cues.lexicon["open_question_adjectives"]:
            continue
        be = adjective.head
        if ctx.quoted(be) or not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in be.children):
            continue
        # "hard to know what …": the clause hangs on the infinitive, which the parser puts on either word
        holder = next((c for c in (*adjective.children, *be.children) if c.dep_ == "xcomp"), None) or be
        clause = next((c for c in holder.children if c.dep_ == "ccomp" and c.i > holder.i), None)
        if clause is None:
            continue
        first = clause.left_edge
        while first.i < clause.i and (first.dep_ == "mark" or first.tag_ in ("WRB", "WP", "WDT")):
            first = doc[first.i + 1]
        span = trim(ctx.text, first.idx, clause.right_edge.idx + len(clause.right_edge), min_chars=8)
        it = next(c for c in be.children if c.dep_ == "nsubj")
        if span is not None:
            cue_end = holder if holder.i > adjective.i else adjective
            claims.append(Claim([span], (it.idx, cue_end.idx + len(cue_end)), None, "open-question"))
    return claims
