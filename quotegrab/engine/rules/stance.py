"""Stances, beliefs, expectations and intentions, whatever their verb: "aides calculated that …", "[the
sale] is expected [to close]", "called for X", "declined to comment", "accused X of Y". Except for the
clause rule, each takes the place of any claim the speech rules made of the same verb."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotegrab.engine.rules.claim import WRITER_DASH, Claim, Replacement, cue_span, cut_aside, subtree_range, trim
from quotegrab.engine.rules.context import DocContext
from quotegrab.engine.rules.cues import Cues
from quotegrab.engine.rules.speakers import mention_span, speaker_of
from quotegrab.engine.rules.speech import complement_of, nested_cue_stop, setting_phrase

# rules that credit a quotation to a cue verb: a claim of another rule for the same verb leaves them be
# prepositions after a stance's object that give its reason, label or rival ("for …", "as …", "over …")
_STANCE_REASONS = ("for", "as", "over", "to", "against")


def clause_reported(verb: Token, ctx: DocContext, cues: Cues) -> list[Claim]:
    """A person's or organisation's verb with a clause for its object ("Clinton learned that …",
    "aides calculated that …") reports a belief or a finding, whatever the verb."""
    if verb.i not in ctx.governors("ccomp"):
        return []  # no clause after the verb to report
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or ctx.quoted(subject) or not cues.agent(subject):
        return []
    complement = complement_of(verb, ctx, cues)
    if complement is None:
        return []
    return [Claim([complement], cue_span(verb), mention_span(subject, ctx), "clause")]


# -- expectations and impressions: "X is expected to …", "X seems to …" ---------------------------


def raising_claims(doc: Doc, ctx: DocContext, cues: Cues) -> list[Replacement]:
    """The claims of raising cues (models/cue_verbs_raising.txt): the content is the subject
    and the complement together ("[the sale] is expected [to close in May]"), the speaker the "by"
    agent or nobody. Such a cue replaces any claim the speech rules made of the same verb."""
    found = []
    # only a listed participle or lemma can be a raising cue
    raising = (("lower", tuple(sorted(cues.raising_passive))), ("lemma", tuple(sorted(cues.raising_active))))
    for verb in ctx.having_any(*raising):
        if verb.pos_ not in ("VERB", "AUX") or ctx.quoted(verb):
            continue
        claim = _raising_claim(verb, ctx, cues)
        if claim is not None:
            found.append((verb, claim))
    return found


def _raising_claim(verb: Token, ctx: DocContext, cues: Cues) -> Claim | None:
    lemma = verb.lemma_.lower()
    auxpass = next((c for c in verb.children if c.dep_ == "auxpass"), None)
    passive = verb.tag_ == "VBN" and (auxpass is not None or verb.dep_ == "acl")
    # passive cues are listed as participles ("be expected"), active ones as lemmas ("seem")
    if not (verb.lower_ in cues.raising_passive and passive or lemma in cues.raising_active and not passive):
        return None
    comps = [
        c for c in verb.children
        if c.i > verb.i and (c.dep_ in ("xcomp", "ccomp", "acomp", "oprd", "attr")
                             or c.dep_ == "prep" and c.lower_ in ("as", "like"))
    ]
    if lemma in ("see", "view", "regard") and not any(c.lower_ == "as" for c in comps):
        return None  # "he was seen walking": perception, not an opinion
    first_comp = min((c.i for c in comps), default=verb.i)
    if not passive and any(c.dep_ in ("prep", "agent") and verb.i < c.i < first_comp for c in verb.children):
        return None  # "appeared on CNN to discuss the plan": showing up, not seeming
    if not comps or any(ctx.quoted(c) for c in comps):
        return None
    first = min(comps, key=lambda c: c.i)
    stop = nested_cue_stop(first, ctx, cues) if len(comps) == 1 else None
    start = min(c.left_edge.idx for c in comps)
    end_tok = max((c.right_edge for c in comps), key=lambda t: t.i)
    if stop is not None:
        end_tok = verb.doc[stop - 1]
    start, end = ctx.absorb_quotations(start, end_tok.idx + len(end_tok))
    para_end = ctx.paragraph_bounds(verb.idx)[1]
    complement = trim(ctx.text, start, min(end, para_end), min_chars=4)
    if complement is None:
        return None
    complement = ctx.cut_trailing_comment(*(cut_aside(ctx.text, *complement) or complement))
    dash = WRITER_DASH.search(ctx.text, *complement)
    if dash is not None:
        complement = (complement[0], dash.start())  # "… into the economy - a key reason …"
    pieces = [complement]
    if verb.dep_ == "acl":
        subject = (verb.head.left_edge.idx, verb.head.idx + len(verb.head))
    else:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i > verb.i:
            return None  # a question: "Is he expected to win?"
        subject = None if subj is None or subj.lower_ == "it" else _noun_phrase(subj)
    if subject is not None:
        subject = trim(ctx.text, *subject)
        if subject is not None and subject[1] <= complement[0]:
            pieces.insert(0, subject)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    mention = mention_span(pobj, ctx) if pobj is not None and not ctx.quoted(pobj) else None
    cue_start = auxpass.idx if auxpass is not None and auxpass.i < verb.i else verb.idx
    return Claim(pieces, (cue_start, verb.idx + len(verb)), mention, "raising")


# -- cues with a preposition: "called for X", "called on X to …", "referred to X" ---------------------


def prep_object_claims(doc: Doc, ctx: DocContext, cues: Cues) -> list[Replacement]:
    """The claims of cue verbs whose content is a prepositional object (models/cue_verbs_prep.txt),
    in place of any claim the other rules made of the same verb."""
    found = []
    prep_cues = cues.lexicon["cue_verbs_prep"]
    for verb in ctx.having("lemma", cues.frame_heads("cue_verbs_prep")):
        if verb.pos_ != "VERB" or ctx.quoted(verb):
            continue
        lemma = verb.lemma_.lower()
        objects = [c.lemma_.lower() for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
        for prep in (*verb.rights, *_after_object(verb, lemma, prep_cues)):
            if prep.dep_ not in ("prep", "prt") or not _prep_frame(lemma, objects, prep, prep_cues):
                continue
            claim = _prep_object_claim(verb, prep, ctx, cues)
            if claim is not None:
                found.append((verb, claim))
            break
        else:
            claim = _for_clause_claim(verb, ctx, cues) if f"{lemma} for" in prep_cues else None
            if claim is not None:
                found.append((verb, claim))
    return found


def _after_object(verb: Token, lemma: str, prep_cues: frozenset[str]) -> list[Token]:
    """"took a swipe at Cruz", "made the case for a wall": a cue of a verb and its object noun (models/
    cue_verbs_prep.txt, "take swipe at"), whose preposition the parser hangs on the noun."""
    preps = []
    for noun in verb.children:
        if noun.dep_ != "dobj" or noun.i < verb.i:
            continue
        preps.extend(c for c in noun.rights if c.dep_ == "prep"
                     and f"{lemma} {noun.lemma_.lower()} {c.lower_}" in prep_cues)
    return preps


def _prep_frame(lemma: str, objects: list[str], prep: Token, prep_cues: frozenset[str]) -> bool:
    """The verb and preposition are a cue ("called for"), or the verb, its object and the preposition
    ("took aim at"), wherever the parser hangs the preposition."""
    word = prep.lower_
    return f"{lemma} {word}" in prep_cues or any(f"{lemma} {noun} {word}" in prep_cues for noun in objects)


def _for_clause_claim(verb: Token, ctx: DocContext, cues: Cues) -> Claim | None:
    """"called for the wage to be raised", parsed as a clause opened by "for": the clause without it."""
    clause = next((c for c in verb.children if c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > verb.i
                   and c.left_edge.lower_ == "for" and c.left_edge.dep_ == "mark"
                   and c.left_edge.i == verb.i + 1), None)
    if clause is None or ctx.quoted(clause):
        return None
    speaker = speaker_of(verb, ctx, cues)
    if speaker is None:
        return None
    mark = clause.left_edge
    start, end = ctx.absorb_quotations(mark.idx + len(mark), clause.right_edge.idx + len(clause.right_edge))
    para_start, para_end = ctx.paragraph_bounds(verb.idx)
    span = trim(ctx.text, max(start, para_start), min(end, para_end), min_chars=4)
    if span is None:
        return None
    span = ctx.cut_trailing_comment(*span)
    return Claim([span], (verb.idx, mark.idx + len(mark)), speaker, "prep-object")


def _prep_object_claim(verb: Token, prep: Token, ctx: DocContext, cues: Cues) -> Claim | None:
    if prep.dep_ == "prt":
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > prep.i), None)
    else:
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None or ctx.quoted(obj) and obj.i == obj.right_edge.i == obj.left_edge.i:
        return None
    if obj.ent_type_ in ("DATE", "TIME") and prep.lower_ == "on":
        return None  # "the race was called on Tuesday": when, not whom it was called on
    speaker = speaker_of(verb, ctx, cues)
    if speaker is None:
        return None
    end_tok = obj.right_edge
    # "called on Sanders to release them": the infinitive hangs from the verb
    tail = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.i > end_tok.i
                 and c.left_edge.i == end_tok.i + 1 and c.left_edge.lower_ == "to"), None)
    if tail is not None:
        end_tok = tail.right_edge
    # "referred to Rubio as 'a bright leader'": what is said of the object hangs from the verb
    role = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" and c.i == end_tok.i + 1
                 and c.right_edge.i > c.i), None)
    if role is not None:
        end_tok = role.right_edge
    start, end = ctx.absorb_quotations(obj.left_edge.idx, end_tok.idx + len(end_tok))
    para_start, para_end = ctx.paragraph_bounds(verb.idx)
    span = trim(ctx.text, max(start, para_start), min(end, para_end), min_chars=2)
    if span is None:
        return None
    span = ctx.cut_trailing_comment(*(cut_aside(ctx.text, *span) or span))
    return Claim([span], (verb.idx, prep.idx + len(prep)), speaker, "prep-object")


# -- intentions and refusals: "declined to comment", "hopes to win" -------------------------------


def infinitive_claims(doc: Doc, ctx: DocContext, cues: Cues) -> list[Replacement]:
    """The claims of cue verbs whose content is their "to" infinitive (models/cue_verbs_infinitive.txt),
    however short, in place of any claim the other rules made of the same verb."""
    found = []
    infinitive_cues = cues.lexicon["cue_verbs_infinitive"]
    for verb in ctx.having("lemma", infinitive_cues):
        if not _verb_or_mistagged(verb) or ctx.quoted(verb) or verb.lemma_.lower() not in infinitive_cues:
            continue
        comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and c.pos_ in ("VERB", "AUX")
                     and c.left_edge.lower_ == "to"), None)
        if comp is None or ctx.quoted(comp):
            continue
        speaker = speaker_of(verb, ctx, cues)
        if speaker is None:
            continue
        stop = nested_cue_stop(comp, ctx, cues)
        start, end = subtree_range(comp, stop_at=stop)
        # "vowed to veto the budget unless lawmakers restore the funds": the parser hangs the condition of
        # the vow on the cue verb
        condition = next((c for c in verb.children if c.dep_ == "advcl" and c.left_edge.i == comp.right_edge.i + 1
                          and c.left_edge.lower_ in ("if", "unless")), None) if stop is None else None
        if condition is not None:
            end = condition.right_edge.idx + len(condition.right_edge)
        start, end = ctx.absorb_quotations(start, end)
        para_start, para_end = ctx.paragraph_bounds(verb.idx)
        span = trim(ctx.text, max(start, para_start), min(end, para_end), min_chars=4)
        if span is None:
            continue
        span = ctx.cut_trailing_comment(*(cut_aside(ctx.text, *span) or span))
        found.append((verb, Claim([span], cue_span(verb), speaker, "infinitive")))
    return found


# -- what is said of someone: "accused X of Y", "sees X as Y", "called X Z" ------------------------


def object_predicate_claims(doc: Doc, ctx: DocContext, cues: Cues) -> list[Replacement]:
    """The claims of cue verbs whose content is their object with what is said of it
    (models/cue_verbs_object_prep.txt), in place of any claim the other rules made of the same verb."""
    found = []
    object_cues = cues.lexicon["cue_verbs_object_prep"]
    for verb in ctx.having("lemma", cues.frame_heads("cue_verbs_object_prep")):
        if verb.pos_ != "VERB" or ctx.quoted(verb) or any(c.dep_ == "auxpass" for c in verb.children):
            continue
        lemma = verb.lemma_.lower()
        obj = next((c for c in verb.children if c.i > verb.i and (
            c.dep_ == "dobj" or c.dep_ == "npadvmod" and c.left_edge.i == verb.i + 1)), None)
        fronted = next((c for c in verb.children if c.dep_ == "dobj" and c.i < verb.i
                        and c.lower_ in ("what", "which", "that", "whom")), None)
        if obj is None and fronted is not None and not ctx.quoted(fronted):
            # "in what officials called a hate crime": the object leads its clause
            obj = fronted
        if obj is None:
            continue
        pred = next((c for c in verb.children if c.i > obj.i and (
            c.dep_ == "prep" and f"{lemma} {c.lower_}" in object_cues
            or c.dep_ in ("oprd", "xcomp") and f"{lemma} _" in object_cues)), None)
        if pred is None:
            # "accused Obama of …" parsed with the preposition under the object
            pred = next((c for c in obj.children if c.dep_ == "prep" and c.i > obj.i
                         and f"{lemma} {c.lower_}" in object_cues), None)
        if pred is None or pred.right_edge.i == pred.i and pred.dep_ == "prep":
            continue
        speaker = speaker_of(verb, ctx, cues)
        if speaker is None:
            continue
        first = pred if obj.i < verb.i else obj
        last = _said_of_object_end(verb, pred.right_edge, cues)
        start, end = ctx.absorb_quotations(first.left_edge.idx, last.idx + len(last))
        para_start, para_end = ctx.paragraph_bounds(verb.idx)
        span = trim(ctx.text, max(start, para_start), min(end, para_end), min_chars=4)
        if span is None:
            continue
        span = ctx.cut_trailing_comment(*span)
        pieces = [(obj.idx, obj.idx + len(obj)), span] if obj.i < verb.i else [span]
        found.append((verb, Claim(pieces, cue_span(verb), speaker, "object-predicate")))
    return found


def _said_of_object_end(verb: Token, last: Token, cues: Cues) -> Token:
    """The last word of what is said of an object: the parser hangs the rest of it on the verb ("cast him as
    weak [on immigration]", "accused X of sexism [and his campaign of attacks]", "blamed him for the
    decade [and a half of …]"), right after the predicate; a setting, a comma or a clause of its own ends it."""
    doc = verb.doc
    while last.i + 1 < len(doc):
        nxt = doc[last.i + 1]
        if nxt.dep_ == "cc" and nxt.head == verb and nxt.i + 1 < len(doc):
            joined = next((c for c in verb.children if c.dep_ == "conj" and c.left_edge.i == nxt.i + 1
                           and c.pos_ not in ("VERB", "AUX")), None)
            if joined is None:
                break
            last = joined.right_edge
            continue
        more = next((c for c in verb.children if c.left_edge.i == nxt.i and c.right_edge.i > c.i
                     and (c.dep_ == "prep" and not setting_phrase(c, cues) or c.dep_ in ("advcl", "xcomp")
                          and c.left_edge.lower_ == "to")), None)
        if more is None:
            break
        last = more.right_edge
    return last


def _verb_or_mistagged(verb: Token) -> bool:
    """A verb, or a plural the tagger took for a noun though it has a subject of its own ("The candidate
    plans to be back", with "plans" tagged as a noun)."""
    return verb.pos_ == "VERB" or verb.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in verb.children)


def _noun_phrase(head: Token) -> tuple[int, int]:
    """A subject's words up to the first comma or dash after its head: "The plan, which …" -> "The plan"."""
    doc = head.doc
    end = head.right_edge.i
    for i in range(head.i + 1, end + 1):
        if doc[i].text in (",", "-", "--", "\u2014", "\u2013", "("):
            end = i - 1
            break
    return head.left_edge.idx, doc[end].idx + len(doc[end])


# -- stances on a noun: "a super PAC backing Bush" ---------------------------------------------------


def participle_stances(doc: Doc, ctx: DocContext, cues: Cues) -> list[Claim]:
    """A stance verb's participle on a group or person ("a group backing Huckabee", "voters supporting
    Clinton") credits the stance to the noun it describes; its content is the object."""
    claims = []
    stance_cues = cues.lexicon["cue_verbs_stance"]
    for verb in ctx.having("tag", ["VBG"]):
        if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.lemma_.lower() not in stance_cues or ctx.quoted(verb):
            continue
        holder = verb.head
        if holder.pos_ not in ("NOUN", "PROPN") or holder.i > verb.i or not cues.agent(holder):
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is None or ctx.quoted(obj):
            continue
        last = obj.right_edge
        # "backing Bush, the former governor": the stance is toward the person; what follows the comma
        # is the writer's description
        comma = next((t for t in doc[obj.i : last.i + 1] if t.text == ","), None)
        if comma is not None:
            last = doc[comma.i - 1]
        else:
            reason = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "as")
                           and c.i == last.i + 1 and c.right_edge.i > c.i), None)
            last = reason.right_edge if reason is not None else last
        start, end = ctx.absorb_quotations(obj.left_edge.idx, last.idx + len(last))
        span = trim(ctx.text, start, end, min_chars=2)
        if span is not None:
            claims.append(Claim([span], cue_span(verb), mention_span(holder, ctx), "participle-stance"))
    return claims


# -- a verb and an adjective that report a clause: "made it clear that …" ----------------------------


def predicate_phrase_claims(doc: Doc, ctx: DocContext, cues: Cues) -> list[Claim]:
    """A verb whose object is made an adjective (models/cue_verbs_predicate.txt: "made it clear to
    donors that …", "made plain that …") reports the "that" clause after the adjective; the parser
    hangs that clause on the adjective, the verb or a noun in between."""
    claims = []
    phrases = cues.lexicon["cue_verbs_predicate"]
    for verb in ctx.having("lemma", cues.frame_heads("cue_verbs_predicate")):
        if verb.pos_ not in ("VERB", "AUX") or ctx.quoted(verb):
            continue
        lemma = verb.lemma_.lower()
        adjective = next((t for t in doc[verb.i + 1 : verb.i + 3] if f"{lemma} {t.lower_}" in phrases), None)
        if adjective is None or adjective.i == verb.i + 2 and doc[verb.i + 1].lower_ != "it":
            continue
        last = verb.right_edge.i
        mark = next((t for t in doc[adjective.i + 1 : last + 1] if t.lower_ == "that" and t.dep_ == "mark"), None)
        if mark is None or mark.head.i < mark.i:
            continue
        clause = mark.head
        stop = nested_cue_stop(clause, ctx, cues)
        end_tok = doc[stop - 1] if stop is not None else clause.right_edge
        speaker = speaker_of(verb, ctx, cues)
        if speaker is None:
            continue
        start, end = ctx.absorb_quotations(mark.idx, end_tok.idx + len(end_tok))
        para_start, para_end = ctx.paragraph_bounds(verb.idx)
        span = trim(ctx.text, max(start, para_start), min(end, para_end), min_chars=8)
        if span is None:
            continue
        span = ctx.cut_trailing_comment(*(cut_aside(ctx.text, *span) or span))
        claims.append(Claim([span], (verb.idx, adjective.idx + len(adjective)), speaker, "predicate-phrase"))
    return claims


# -- a stance's object: "backs tougher rules", "opposed the bill after winning changes" ------------------


def stance_object_claims(doc: Doc, ctx: DocContext, cues: Cues) -> list[Replacement]:
    """The claims of stance cues (models/cue_verbs_stance.txt) with a direct object, in place of
    any claim the other rules made of the same verb: the content is the object alone, with the reason or
    label given for the stance ("praised the plan as bold"), not where, when or after what it was taken,
    nor a relative clause or apposition the writer adds after a comma. A quotation the verb closes or
    opens ('"…," critics scoffed') stays the verb's too: the sieve spares the quote rules' claims."""
    found = []
    stance_cues = cues.lexicon["cue_verbs_stance"]
    for verb in ctx.having("lemma", stance_cues):
        if verb.pos_ != "VERB" or ctx.quoted(verb) or verb.lemma_.lower() not in stance_cues:
            continue
        if any(c.dep_ in ("auxpass", "ccomp") for c in verb.children) or not cues.is_cue_verb(verb):
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is None or ctx.quoted(obj) or obj.pos_ == "PRON" and obj.lower_ not in ("him", "her", "them"):
            continue
        speaker = speaker_of(verb, ctx, cues)
        if speaker is None:
            continue
        last = obj.right_edge
        added = [c for c in obj.subtree if c.dep_ in ("relcl", "appos") and c.left_edge.i > obj.i
                 and doc[c.left_edge.i - 1].text == ","]
        if added:
            last = doc[min(c.left_edge.i for c in added) - 2]
        setting = next((c for c in obj.children if c.i > obj.i and setting_phrase(c, cues)), None)
        if setting is not None and obj.pos_ == "PROPN" and setting.i <= last.i:
            last = doc[setting.i - 1]
        # "defended the levy by citing a survey": the argument made for the stance goes with it
        reason = next((c for c in verb.children if c.dep_ == "prep" and c.i == last.i + 1 and c.right_edge.i > c.i
                       and (c.lower_ in ("for", "as") or c.lower_ == "by" and any(
                           g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children))), None)
        if reason is None and not added:
            # "blast Portman almost daily for his decision …", "favored Obama over Clinton": the reason or
            # the rival goes with the stance, past a when or how the stance was taken
            reason = next((c for c in verb.children if c.dep_ == "prep" and c.i > last.i and c.right_edge.i > c.i
                           and c.lower_ in _STANCE_REASONS and not any(t.is_punct for t in doc[last.i + 1 : c.i])),
                          None)
        if reason is not None:
            last = reason.right_edge
        elif obj.pos_ == "NOUN" and not added:
            # "defended his call to raise the wage": the parser hangs the noun's infinitive on the verb
            aim = next((c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.left_edge.i == last.i + 1
                        and c.left_edge.lower_ == "to"), None)
            if aim is not None:
                last = aim.right_edge
        start, end = ctx.absorb_quotations(obj.left_edge.idx, last.idx + len(last))
        span = trim(ctx.text, start, end, min_chars=2)
        if span is not None:
            found.append((verb, Claim([span], cue_span(verb), speaker, "stance-object")))
    return found
