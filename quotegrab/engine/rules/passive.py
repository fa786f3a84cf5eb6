"""Cues in the passive: a report credited by "by" ("was first reported by Politico", "a measure opposed
by unions"), or credited to no one ("It was announced that …", "Asked whether …, Trump said", "Trump
was asked whether …", where the question itself is the content)."""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Token

from quotegrab.engine.grammar import NO_TOPIC_SUBJECTS, TIME_MARKS
from quotegrab.engine.rules.claim import Claim, cue_span, subtree_range, trim
from quotegrab.engine.rules.context import DocContext
from quotegrab.engine.rules.cues import Cues
from quotegrab.engine.rules.speakers import mention_span
from quotegrab.engine.rules.speech import asked_start, what_was_asked

# the passive auxiliary's label as a string id (read as `.dep`, no StringStore lookup)
_AUXPASS = get_string_id("auxpass")

# what a question was about: "asked whether …", "asked about the plan", "asked what it meant"
_QUESTION_DEPS = ("ccomp", "advcl", "prep", "dobj", "xcomp", "pobj")
# "accused of", "charged with", "criticized for", "warned about", "mentioned as": what is said of the subject
_SAID_OF_PREPS = ("of", "with", "for", "about", "as")


def passive_agent(verb: Token, ctx: DocContext, cues: Cues) -> Token | None:
    """Who a passive cue credits: "The meeting was first reported by Politico", "a measure opposed by
    unions", "was asked by the host whether …"."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in cues.cue_verbs:
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if obj is None or ctx.quoted(obj) or not (cues.agent(obj) or obj.pos_ == "PROPN"):
        return None
    return obj


def passive_claims(verb: Token, agent: Token, ctx: DocContext, cues: Cues) -> list[Claim]:
    mention = mention_span(agent, ctx)
    if verb.lemma_.lower() == "ask":
        questions = question_put(verb, ctx, cues)
        for claim in questions:
            claim.mention = mention
        return questions
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is not None:
        start, end = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
    elif verb.dep_ == "acl" and verb.head.i < verb.i:
        # "a measure strongly opposed by unions": the noun the participle describes
        noun = verb.head
        before = verb.doc[verb.left_edge.i - 1]
        start, end = noun.left_edge.idx, before.idx + len(before)
    else:
        return []
    span = trim(ctx.text, start, end, min_chars=3)
    if span is None:
        return []
    return [Claim([span], cue_span(verb), mention, "passive")]


def reported_unnamed(verb: Token, cues: Cues) -> bool:
    """"It was announced that …", "The deal was reported to include …": a passive cue with no agent."""
    return (
        verb.tag_ == "VBN"
        and any(c.dep == _AUXPASS for c in verb.children)
        and cues.is_cue_verb(verb)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def unnamed_report(verb: Token, ctx: DocContext, cues: Cues) -> list[Claim]:
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    infinitive = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if clause is not None:
        span = trim(ctx.text, *subtree_range(clause), min_chars=8)
        pieces = [span] if span else []
    elif subject is not None and infinitive is not None and subject.lower_ != "it":
        # "[The deal] was reported [to include a port]": what is reported is the subject and the infinitive
        pieces = [p for p in (trim(ctx.text, *subtree_range(subject), min_chars=2),
                              trim(ctx.text, *subtree_range(infinitive), min_chars=4)) if p]
        if len(pieces) < 2:
            return []
    elif subject is not None and subject.lower_ not in NO_TOPIC_SUBJECTS and not ctx.quoted(subject):
        # "[The rally] was cancelled", "[the mayor] was accused of [fraud]", "[she] was declared [the
        # winner]": what is reported is who or what the passive is about, with what it was said of them
        pieces = [p for p in (trim(ctx.text, *subtree_range(subject), min_chars=2),) if p]
        said_of = _said_of(verb, ctx)
        if said_of is not None:
            pieces.append(said_of)
        elif subject.pos_ == "PRON":
            return []  # "he was confirmed 92 to 0", "they were announced": a pronoun alone reports nothing
        elif _says_only_with_predicate(verb, cues) and not any(
                c.dep_ in ("oprd", "attr", "dobj") and c.i > verb.i for c in verb.children):
            return []  # "after the race was called", "savings can be found": a call or a find, nothing said
        elif not cues.strong_cue(verb):
            return []  # "the news was welcomed": a bare reaction names no claim, unlike "the cuts were announced"
    else:
        return []
    return [Claim(pieces, cue_span(verb), None, "unnamed")] if pieces else []


def _says_only_with_predicate(verb: Token, cues: Cues) -> bool:
    """A cue that reports only what it says of its object ("called him a liar", models/
    cue_verbs_object_prep.txt "call _") or a finding (models/cue_verbs_finding.txt): passive, with no
    predicate, object or preposition saying something of its subject (quoted or not), it names a call or a
    find and reports nothing."""
    lemma = verb.lemma_.lower()
    return f"{lemma} _" in cues.lexicon["cue_verbs_object_prep"] or lemma in cues.lexicon["cue_verbs_finding"]


def _said_of(verb: Token, ctx: DocContext) -> tuple[int, int] | None:
    """What a passive cue says of its subject: its object or predicate ("declared the winner"), or the
    object of "of", "with", "for", "about", "as" ("accused of fraud", "mentioned as a candidate")."""
    for child in verb.children:
        if child.i < verb.i or ctx.quoted(child):
            continue
        if child.dep_ in ("dobj", "oprd", "attr"):
            return trim(ctx.text, *subtree_range(child), min_chars=3)
        if child.dep_ == "prep" and child.lower_ in _SAID_OF_PREPS:
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return trim(ctx.text, *subtree_range(obj), min_chars=3)
    return None


def asked_unnamed(verb: Token) -> bool:
    """"Asked whether …, Trump said" and "Trump was asked whether …": whoever asked goes unnamed."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    # "…, she said when asked about it": a participle after its clause, introduced by "when", "if"
    when = any(c.dep_ in ("advmod", "mark") and c.lower_ in TIME_MARKS for c in verb.children)
    return (
        verb.tag_ in ("VBN", "VBD")  # a sentence-initial "Asked" is often tagged as a past tense
        and verb.dep_ == "advcl"
        and (verb.i < verb.head.i or when)
        and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
    )


def question_put(verb: Token, ctx: DocContext, cues: Cues) -> list[Claim]:
    """The question itself is the content; there is no speaker to credit."""
    # whom it was put to and where ("asked about it in an interview") are no part of the question
    right = what_was_asked([c for c in verb.children if c.i > verb.i and c.dep_ in _QUESTION_DEPS], cues)
    if not right:
        return []
    end_tok = max((c.right_edge for c in right), key=lambda t: t.i)
    start = asked_start(right)
    span = trim(ctx.text, start, end_tok.idx + len(end_tok), min_chars=4)
    if span is None:
        return []
    return [Claim([span], cue_span(verb), None, "question")]
