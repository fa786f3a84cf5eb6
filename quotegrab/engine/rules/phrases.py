"""Cue phrases that credit the rest of their sentence: "according to X", "In the latest Marist poll, …",
"In Bolton's view, …"; and "It is unclear whether …", a matter the writer reports as open."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from quotegrab.engine.rules.claim import Claim, trim
from quotegrab.engine.rules.context import DocContext
from quotegrab.engine.rules.cues import Cues
from quotegrab.engine.rules.speakers import document_author, mention_span, possessor_span, speaker_of


def according_to(doc: Doc, ctx: DocContext, cues: Cues) -> list[Claim]:
    claims = []
    first_words = cues.phrases_by_first
    for token in ctx.having("lower", first_words):
        if token.lower_ not in first_words or ctx.quoted(token):
            continue
        for phrase in first_words[token.lower_]:
            end = token.i + len(phrase)
            # word by word, stopping at the first that differs (most phrases differ at their second word)
            if end > len(doc) or any(ctx.token(token.i + k).lower_ != word for k, word in enumerate(phrase)):
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
    """"In the latest Marist poll, Clinton leads by six points", "Clinton leads by six points in the latest
    Marist poll": a finding credited to the poll."""
    claims = []
    for prep in ctx.having("lower", ["in"]):
        if prep.lower_ != "in" or prep.dep_ != "prep" or ctx.quoted(prep):
            continue
        obj = next((t for t in prep.children if t.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in cues.lexicon["finding_sources"]:
            continue
        if cues.is_cue_verb(prep.head):
            continue  # "said in a statement" is the verb's own attribution
        mention = mention_span(obj, ctx)
        if prep.i > prep.head.i:
            content = _standing_in(prep, ctx, cues)
        else:
            content = ctx.sentence_without(prep.sent, prep.i, prep.right_edge.i)
        if content:
            claims.append(Claim(content, (prep.idx, prep.idx + len(prep)), mention, "found-in"))
    return claims


def _standing_in(prep: Token, ctx: DocContext, cues: Cues) -> list[tuple[int, int]]:
    """"Trump leads by ten points in the latest poll": a person's standing, the clause the trailing phrase
    hangs on, without the phrase, a clause joined after it ("… and held a strong position") or what comes
    before its subject."""
    verb = prep.head
    # "Trump has a decisive lead in the polls", "had 38 percent support in a Fox poll": the parser hangs
    # the phrase on the standing's noun; the standing is the clause of the verb above it
    while verb.pos_ in ("NOUN", "NUM") and verb.dep_ in ("dobj", "attr", "pobj", "prep") and verb.head.i < verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if verb.pos_ not in ("VERB", "AUX") or subject is None or not cues.agent(subject):
        # "the word appears twice in the report" is where something is found, not a standing; "is named
        # in reports" tells where something was said
        return []
    if any(t.tag_ in ("WP", "WDT") for t in subject.subtree):
        return []  # "…, who leads in the polls": the finding is about the noun the clause hangs on
    doc = prep.doc
    # the finding starts at its subject: a fronted "In his best showing yet, …" is the writer's framing
    first = subject.left_edge.i
    last = verb.right_edge.i
    joined = [c for c in verb.children if c.dep_ in ("conj", "cc") and c.i > prep.i]
    if joined:
        last = min(c.left_edge.i for c in joined) - 1
    # the paragraph break after a closing full stop is a token of its own, hung on the sentence's verb
    while last > prep.right_edge.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    pieces = []
    for lo, hi in ((first, prep.i - 1), (prep.right_edge.i + 1, last)):
        if hi < lo:
            continue
        if lo > prep.i and doc[lo].text != ",":
            # "rose in the polls to double digits": a standing measured past the phrase is rarely
            # credited to the poll; ", by eight points" set off after it is
            return []
        piece = trim(ctx.text, doc[lo].idx, doc[hi].idx + len(doc[hi]), min_chars=4)
        if piece is not None and re.search(r"\w", ctx.text[piece[0] : piece[1]]):
            pieces.append(piece)
    if not pieces or len(ctx.text[pieces[0][0] : pieces[-1][1]].split()) < 3:
        return []
    return pieces


# -- "In Bolton's view, …" ------------------------------------------------------------------------------


def in_source_claims(doc: Doc, ctx: DocContext, cues: Cues) -> list[Claim]:
    """A fronted "In" with a possessed noun of models/source_nouns.txt ("In Bolton's view, …", "In
    Trump's mind, …") attributes the rest of its sentence to the possessor, like "according to".
    (Polls and surveys are `found_in`'s.)"""
    claims = []
    nouns = cues.lexicon["source_nouns"]
    for token in ctx.having("lower", ["in"]):
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
    adjectives = cues.lexicon["open_question_adjectives"]
    for adjective in ctx.having("lemma", adjectives):
        if adjective.dep_ != "acomp" or adjective.lemma_.lower() not in adjectives:
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


def _ends_its_phrase(word: Token) -> bool:
    """A pronoun that stands for what was said ends its phrase: a comma, a full stop, "and", or where and
    when follow it ("said it in Iowa"), not a clause or an adverb of manner ("said it best")."""
    doc = word.doc
    if word.i + 1 >= len(doc):
        return True
    after = doc[word.i + 1]
    return after.is_punct or after.pos_ in ("ADP", "CCONJ") and after.lower_ not in ("that", "given")


def short_answers(doc: Doc, ctx: DocContext, cues: Cues) -> list[Claim]:
    """A verb with a short word standing for a whole answer or view (models/cue_verbs_short_answer.txt:
    "half said so", "the councillor said no", "40 percent say the same of her rival"): the word, with
    what "the same" or "the opposite" is said of, is the content."""
    claims = []
    answers = cues.lexicon["cue_verbs_short_answer"]
    for verb in ctx.having("lemma", cues.frame_heads("cue_verbs_short_answer")):
        if verb.pos_ != "VERB" or ctx.quoted(verb) or verb.i + 1 >= len(doc):
            continue
        word = doc[verb.i + 1]
        if word.head.i != verb.i or word.dep_ not in ("dobj", "advmod", "intj", "ccomp", "npadvmod"):
            word = doc[verb.i + 2] if verb.i + 2 < len(doc) and doc[verb.i + 1].lower_ == "the" else word
        if word.head.i != verb.i or f"{verb.lemma_.lower()} {word.lower_}" not in answers or ctx.quoted(word):
            continue
        if word.pos_ in ("PRON", "DET") and not _ends_its_phrase(word):
            continue  # "said that given the field, …" (a "that" opening a clause), "said it best"
        last = word
        # "the same of Sanders", "said no to the war": the preposition hangs on the word or on the verb
        about = next((c for c in list(word.children) + list(verb.children) if c.dep_ == "prep" and c.i == word.i + 1
                      and c.lower_ in ("of", "about", "for", "to") and c.right_edge.i > c.i), None)
        if word.lower_ in ("same", "opposite") and (about is None or about.lower_ == "to"):
            continue
        if about is not None and (about.lower_ == "to") == (word.lower_ in ("yes", "no")):
            # "… the same of Sanders, 73 percent to 63 percent": what follows a comma is the writer's
            last = next((t for t in doc[about.i : about.right_edge.i + 1] if t.text == ","), about.right_edge)
            last = doc[last.i - 1] if last.text == "," else last
        speaker = speaker_of(verb, ctx, cues)
        if speaker is None:
            continue
        first = word.left_edge if word.lower_ in ("same", "opposite") else word
        span = trim(ctx.text, first.idx, last.idx + len(last), min_chars=2)
        if span is not None:
            claims.append(Claim([span], (verb.idx, verb.idx + len(verb)), speaker, "short-answer"))
    return claims
