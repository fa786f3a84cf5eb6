"""Who speaks: the speaker mention of a cue, from its subject followed through the parse (participles,
conjuncts, relative clauses, raised objects, datelines) or the name beside it, and the words of that
mention. `resolution` then links each mention to one of the article's speakers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from quotegrab.engine.grammar import (
    AGENT_PREPOSITIONS,
    CLEFT_HEADS,
    DASHES,
    GENDERED_SUBJECTS,
    LONG_DASHES,
    NOT_SPEAKERS,
    PEOPLE_SHARES,
    PERSONAL_SUBJECTS,
    RELATIVE_PRONOUNS,
    RESTRICTABLE_PRONOUNS,
    relative_antecedent,
)
from quotegrab.engine.rules.context import DocContext
from quotegrab.engine.rules.cues import Cues

# the modifiers a mention reaches left over (see `mention_span`), as string ids
_MODIFIER_IDS = frozenset(get_string_id(d) for d in ("compound", "amod", "det", "poss", "nmod", "nummod", "case",
                                                     "quantmod"))
# the subjects `subject_child` looks for, as string ids (read as `.dep`, no StringStore lookup)
_SUBJECT_IDS = frozenset(get_string_id(d) for d in ("nsubj", "csubj"))

_INHERIT_SUBJECT_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl", "dep", "acomp")


@dataclass(frozen=True)
class _Subject:
    """The walk up the parse ends at the token that is the cue's subject."""

    token: Token


@dataclass(frozen=True)
class _Climb:
    """The cue's clause takes its subject from this verb: the walk goes on from it."""

    head: Token


@dataclass(frozen=True)
class _Answer:
    """The speaker is settled without a subject to check: a mention, or nobody."""

    mention: Span | None


_Outcome = _Subject | _Climb | _Answer


def speaker_of(verb: Token, ctx: DocContext, cues: Cues) -> Span | None:
    voice = _voice_of_clause_before(verb, ctx, cues)
    if voice is not None:
        return mention_span(voice, ctx)
    found = _walk_to_subject(verb, ctx, cues)
    if isinstance(found, _Answer):
        return found.mention
    return _speaker_from_subject(found.token, verb, ctx, cues)


def _walk_to_subject(verb: Token, ctx: DocContext, cues: Cues) -> _Subject | _Answer:
    """From the cue up the clauses that lend it their subject, at most six steps: at each head the first
    of `_SUBJECT_STEPS` with an answer says where the subject is, or which head to go on from."""
    head = verb
    for _ in range(6):
        outcome = _step_at(head, verb, ctx, cues)
        if not isinstance(outcome, _Climb):
            return outcome
        head = outcome.head
    return _Answer(None)


def _step_at(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome:
    for step in _SUBJECT_STEPS:
        outcome = step(head, verb, ctx, cues)
        if outcome is not None:
            return outcome
    return _speaker_beside_cue(head, verb, ctx, cues)


def _own_subject(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    subject = subject_child(head, ctx)
    return _Subject(subject) if subject is not None else None


def _subject_of_fronted_participle(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """"Mendes, noting the size of the crowd, said …" parsed with the subject on the participle."""
    aside = next((c for c in head.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i < head.i), None)
    subject = subject_child(aside, ctx) if aside is not None else None
    return _Subject(subject) if subject is not None else None


def _relative_infinitive(head: Token) -> bool:
    """An infinitive the parser made a relative clause of the noun before it ("the attacks to defend")."""
    return head.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children)


def _doer_of_infinitive_object(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """"she invoked the attacks to defend herself": who invoked them defends."""
    if _relative_infinitive(head) and head.head.dep_ == "dobj" and head.head.head.pos_ == "VERB":
        return _Climb(head.head.head)
    return None


def _pointer_of_infinitive(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """"pointed to an earlier ruling to say": who points says."""
    pointer = _verb_of_prep_object(head.head) if _relative_infinitive(head) and not cues.agent(head.head) else None
    pointer_subject = subject_child(pointer, ctx) if pointer is not None else None
    if pointer_subject is not None and cues.person_or_group(pointer_subject):
        return _Climb(pointer)
    return None


def _antecedent_of_relative(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """"Trump, who said …" parsed without the relative pronoun: the noun the clause describes."""
    passive_relative = any(c.dep_ == "nsubjpass" for c in head.children)
    if head.dep_ == "relcl" and head.head.pos_ in ("PROPN", "NOUN", "PRON") and not passive_relative:
        return _Subject(head.head)
    return None


def _passive_subject_of(head: Token) -> Token | None:
    return next((c for c in head.children if c.dep_ == "nsubjpass"), None)


def _quoted_as(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """"X was quoted as saying", "X was asked whether"."""
    passive = _passive_subject_of(head)
    if passive is not None and head.lemma_.lower() == "quote":
        return _Subject(passive)
    return None


def _cue_of_conjoined_report(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """"said the road was safe but added, …" parsed with "added" joined to "was": the one who adds is the
    one who said."""
    conjunct = head.head
    if (
        head.dep_ == "conj"
        and conjunct.dep_ == "ccomp"
        and cues.is_cue_verb(conjunct.head)
        and cues.strong_cue(head)
    ):
        return _Climb(conjunct.head)
    return None


def _reporter_of_trailing_participle(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """"Packer said the focus is taking a toll, pointing to …", "said she will have to choose, saying …":
    the participle closing a reported clause is the reporter's, not the clause subject's."""
    reported = _reported_clause(head.head)
    if (
        head is verb
        and _trailing_participle(verb)
        and reported.dep_ == "ccomp"
        and reported.head.i < reported.i
        and cues.is_cue_verb(reported.head)
        and not cues.is_cue_verb(reported)
    ):
        return _Climb(reported.head)
    return None


def _root_participle(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """"Durbin, noting the size of the list, said …" parsed with "noting" as the root."""
    conjunct = head.head
    if head.dep_ == "parataxis" and conjunct.tag_ == "VBG" and conjunct.i < head.i:
        return _Climb(conjunct)
    return None


def _passive_subject(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """"she was suspended after slamming …": the one suspended slammed."""
    passive = _passive_subject_of(head)
    if passive is not None and head is not verb:
        return _Subject(passive)
    return None


def _controlling_object(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """"led Republicans to say", "urged voters to reject": the object does it."""
    controller = next((c for c in head.head.children if c.dep_ == "dobj" and c.i < head.i), None)
    if head.dep_ == "xcomp" and controller is not None and _people(controller, cues):
        return _Subject(controller)
    return None


def _noun_of_participle(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """A participle describing a noun ("a statement saying …", "ads attacking him"): who issued, sent or
    wrote the noun says the words, else the noun itself does."""
    noun = head.head
    if not (head.dep_ == "acl" and head.tag_ == "VBG" and noun.pos_ in ("NOUN", "PROPN") and noun.i < head.i):
        return None
    issued = noun.head.lemma_.lower() in cues.lexicon["issuing_verbs"]
    if noun.dep_ == "dobj" and issued and not cues.person_or_group(noun):
        return _Climb(noun.head)  # "Trump issued a statement saying …": who issued it says it
    sender = _sender(noun, head, cues)
    if sender is not None:
        return _Climb(sender)  # "emailed supporters saying …": the one writing to them says it
    return _author_of_noun(noun, ctx, cues)


def _author_of_noun(noun: Token, ctx: DocContext, cues: Cues) -> _Outcome:
    owner = _verb_of_prep_object(noun) if noun.dep_ == "pobj" else noun.head if noun.dep_ == "dobj" else None
    owner_subject = subject_child(owner, ctx) if owner is not None and owner.pos_ == "VERB" else None
    if owner_subject is None and owner is not None and owner.pos_ == "VERB" and not cues.agent(noun):
        # "had gathered, carrying signs saying …", "running ads praising …": the subject the
        # owner's clause takes from the verbs above it
        carrier = speaker_of(owner, ctx, cues)
        if carrier is not None and owner.i < noun.i and _people(carrier.root, cues):
            return _Answer(carrier)
    # "helped draft a memo defending …", "ended the debate with a reference to …, remarking": the
    # words are the author's; a fronted "In a statement defending …" and a possessed "her statement
    # condemning …" name their own source
    authored = owner_subject is not None and cues.person_or_group(owner_subject) and owner.i < noun.i
    owned = any(c.dep_ == "poss" and cues.person_or_group(c) for c in noun.children)
    if authored and not cues.agent(noun) and not owned:
        return _Climb(owner)
    return _Subject(noun)  # "super PACs supporting Cruz", "ads attacking him": the noun the participle describes


def _inheriting_clause(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """An adverbial, open, joined or descriptive clause takes the subject of the clause it hangs on."""
    if head.dep_ in _INHERIT_SUBJECT_DEPS and head.head.i != head.i:
        return _Climb(head.head)
    return None


def _verb_of_adverb(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """"went so far as to say": the clause hangs on an adverb of the verb with the subject."""
    if head is not verb and head.dep_ == "advmod" and head.pos_ == "ADV" and head.head.pos_ == "VERB":
        return _Climb(head.head)
    return None


def _verb_of_preposition(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """"after hinting", "from endorsing", "by telling him that …": the clause's subject."""
    if head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") and not _means_without_claim(head, verb, ctx, cues):
        return _Climb(head.head)
    return None


def _copula_of_phrase(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """"Ministers were at pains to stress …", "she was in no position to say …": an infinitive hung on
    the object of a phrase after "be" is done by the subject of "be"."""
    prep = head.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if head.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.lemma_ == "be" and infinitive:
        return _Climb(prep.head)
    return None


# what sets a relative aside off from the cue after it: "X, who …, said"
_ASIDE_ENDS = (",", "-", "\u2013", "\u2014")


def _subject_before_relative_aside(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome | None:
    """"Sanders, who sits at zero endorsements, said …", "One attendee, who like others spoke on condition
    of anonymity, said …": the parser makes the relative aside a clause of the cue and hangs the speaker on
    it as its subject; the cue has none of its own. The aside's subject before the relative pronoun speaks."""
    if head is not verb or verb.i < 2 or verb.doc[verb.i - 1].text not in _ASIDE_ENDS:
        return None
    aside = next((c for c in verb.lefts if c.dep_ == "ccomp" and c.right_edge.i == verb.i - 2), None)
    if aside is None:
        return None
    subject = next((c for c in aside.lefts if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS), None)
    relative = subject is not None and any(
        t.lower_ == "who" and t.i > subject.i and ctx.doc[t.i - 1].text == "," for t in aside.subtree)
    # "who" makes the subject a person, named or not ("One attendee, who …")
    return _Subject(subject) if relative and (cues.agent(subject) or subject.pos_ in ("NOUN", "PROPN")) else None


def _speaker_beside_cue(head: Token, verb: Token, ctx: DocContext, cues: Cues) -> _Outcome:
    """No clause lends the cue a subject: the name or pronoun next to it, if any."""
    subject = _adjacent_speaker(verb, ctx, cues)
    return _Subject(subject) if subject is not None else _Answer(None)


# where a cue's subject is, tried in turn at each head of the walk (first answer wins); a cue none of them
# answers takes the speaker beside it
_SUBJECT_STEPS: tuple[Callable[[Token, Token, DocContext, Cues], _Outcome | None], ...] = (
    _own_subject,
    _subject_before_relative_aside,
    _subject_of_fronted_participle,
    _doer_of_infinitive_object,
    _pointer_of_infinitive,
    _antecedent_of_relative,
    _quoted_as,
    _cue_of_conjoined_report,
    _reporter_of_trailing_participle,
    _root_participle,
    _passive_subject,
    _controlling_object,
    _noun_of_participle,
    _inheriting_clause,
    _verb_of_adverb,
    _verb_of_preposition,
    _copula_of_phrase,
)


def _speaker_from_subject(subject: Token, verb: Token, ctx: DocContext, cues: Cues) -> Span | None:
    """The mention the cue's subject gives: the doer of an "all she could do", a relative pronoun, the name
    beside a cue whose parsed subject is a quoted word, or nobody for a subject that cannot speak."""
    doer = _doer_of_all(subject, ctx)
    if doer is not None:
        subject = doer  # "all she could do was shout …": the one in the clause on "all" cries out
    relative = _relative_mention(subject, ctx, cues)
    if relative is not None:
        return relative
    if ctx.quoted(subject) or subject.i > verb.i and _in_title(subject, ctx):
        # the parser made a word of the quote (or of a quoted show's title: 'said on “Fox and Friends”')
        # the subject: the speaker is the name beside the cue
        subject = _adjacent_speaker(verb, ctx, cues) or _subject_past_quote(subject, ctx)
        if subject is None:
            return None
    return mention_span(subject, ctx) if _can_speak(subject, verb, ctx, cues) else None


def _relative_mention(subject: Token, ctx: DocContext, cues: Cues) -> Span | None:
    """A relative pronoun for a subject: the mention the resolver follows to its antecedent, or the
    issuer of the document it stands for."""
    relative = subject.lower_ in RELATIVE_PRONOUNS
    if relative and subject.head.dep_ != "relcl" and relative_antecedent(subject) is not None:
        return subject.doc[subject.i : subject.i + 1]  # a relative clause the parser hung elsewhere
    if relative and subject.head.dep_ == "relcl":
        issuer = _issuer(subject.head.head, ctx, cues)
        if issuer is not None:
            return mention_span(issuer, ctx)  # "Sanders released an ad that urges …": Sanders urges
        # "Trump, who said …": the relative pronoun is the mention; the resolver follows it to Trump
        return subject.doc[subject.i : subject.i + 1]
    return None


def _can_speak(subject: Token, verb: Token, ctx: DocContext, cues: Cues) -> bool:
    # "those surveyed", "those who attended", "one of the authors": a restricted "those" or "one" is people
    restricted = subject.lower_ in RESTRICTABLE_PRONOUNS and any(
        c.dep_ in ("acl", "relcl", "prep", "appos") for c in subject.children
    )
    if subject.lower_ in NOT_SPEAKERS and not restricted or subject.pos_ in ("VERB", "AUX") or ctx.quoted(subject):
        return False
    if subject.lower_ == "it" and verb.lemma_.lower() not in cues.lexicon["cue_verbs_it"] and not cues.quote_only(verb):
        return False  # "it" speaks through verbs of saying or framing a quote ('"…," it read')
    return subject.dep_ != "csubj"


def _voice_of_clause_before(verb: Token, ctx: DocContext, cues: Cues) -> Token | None:
    """'when protesters interrupted her speech, shouting "…"', 'a rally where workers had gathered,
    chanting "…"': a participle of voicing set off right after a clause with a subject of its own is
    that subject's cry, not the main clause's (the parser hangs it on the main verb)."""
    if not cues.quote_only(verb) or not _trailing_participle(verb) or verb.left_edge.i < 2:
        return None
    doc = verb.doc
    tok = doc[verb.left_edge.i - 2]  # the last word before the comma
    main = verb.head
    while tok.head.i != tok.i and tok.i != main.i:
        clause = tok.head if tok.pos_ not in ("VERB", "AUX") else tok
        if clause.i == main.i:
            return None
        if clause.pos_ == "VERB" and clause.dep_ in ("relcl", "advcl") and main.i < clause.i < verb.i:
            subject = subject_child(clause, ctx)
            # whoever can cry out: a person or group, or any plain noun ("workers", "kids")
            if subject is None or subject.lower_ in RELATIVE_PRONOUNS:
                return None
            return subject if cues.agent(subject) or subject.pos_ == "NOUN" else None
        tok = tok.head
    return None


def _subject_past_quote(quoted: Token, ctx: DocContext) -> Token | None:
    """'… Manafort said, adding of Trump, "He cares …"': the parser hung the participle on the quote's verb;
    the subject of the first verb outside the quote above it speaks."""
    head = quoted.head
    while ctx.quoted(head) and head.head.i != head.i:
        head = head.head
    if ctx.quoted(head):
        return None
    subject = subject_child(head, ctx)
    return subject if subject is not None and not ctx.quoted(subject) else None


def _people(tok: Token, cues: Cues) -> bool:
    """Someone, or a share of people: "some", "many", "62 percent of voters", "hundreds of nurses"."""
    if cues.person_or_group(tok) or tok.lower_ in PEOPLE_SHARES and tok.pos_ == "PRON":
        return True
    share = tok.like_num or tok.ent_type_ == "PERCENT" or tok.lower_ in PEOPLE_SHARES
    whole = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return share and any(cues.agent(g) or g.tag_ == "NNS" for g in whole)


def _doer_of_all(subject: Token, ctx: DocContext) -> Token | None:
    """'all she could do was shout', 'what he wanted was to say': the personal subject of the clause the
    parser hangs on "all" or "what" is who speaks."""
    if subject.lower_ not in CLEFT_HEADS:
        return None
    for clause in subject.children:
        if clause.dep_ in ("relcl", "acl") and clause.i > subject.i:
            doer = next((c for c in clause.children if c.dep_ == "nsubj" and c.lower_ in PERSONAL_SUBJECTS), None)
            if doer is not None and not ctx.quoted(doer):
                return doer
    return None


def reporter_of_own_view(speaker: Span, ctx: DocContext, cues: Cues) -> Span | None:
    """'She said she was thinking, "…"', 'Humphrey said he doesn't believe …': a cue in the clause another
    cue reports, its subject a pronoun for the reporter, is the reporter's own view; the report names them."""
    subject = speaker.root
    if len(speaker) != 1 or subject.lower_ not in PERSONAL_SUBJECTS or subject.dep_ != "nsubj":
        return None
    clause = _reported_clause(subject.head)
    if clause.dep_ != "ccomp" or not cues.strong_cue(clause.head) or clause.head.i > subject.i:
        return None
    outer = subject_child(clause.head, ctx)
    if outer is None or ctx.quoted(outer) or outer.lower_ in RELATIVE_PRONOUNS:
        return None
    same = outer.lower_ == subject.lower_ if outer.pos_ == "PRON" else subject.lower_ in GENDERED_SUBJECTS
    return mention_span(outer, ctx) if same and (outer.pos_ == "PRON" or cues.person_or_group(outer)) else None


def _verb_of_prep_object(noun: Token) -> Token | None:
    """The verb a prepositional phrase with `noun` for its object hangs on ("pointed to a ruling": "pointed")."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    verb = noun.head.head
    return verb if verb.pos_ == "VERB" else None


def _issuer(noun: Token, ctx: DocContext, cues: Cues) -> Token | None:
    """Who put out the document or speech `noun` names, when it is the object of a verb of issuing
    ("the campaign released an ad", "the Post ran a piece"): that verb's subject, if someone."""
    if noun.dep_ != "dobj" or cues.person_or_group(noun):
        return None
    if noun.head.lemma_.lower() not in cues.lexicon["issuing_verbs"]:
        return None
    subject = subject_child(noun.head, ctx)
    return subject if subject is not None and cues.person_or_group(subject) else None


def _sender(addressee: Token, participle: Token, cues: Cues) -> Token | None:
    """The verb of a message whose addressee a participle of saying hangs on: "emailed supporters saying",
    "sent an email to donors stating", "wrote in a memo to employees explaining". The parser attaches the
    participle to the nearest noun, but the addressees hear the words; the sender says them."""
    if not cues.strong_cue(participle):
        return None
    issuing = cues.lexicon["issuing_verbs"]
    if addressee.dep_ in ("dobj", "dative"):
        verb = addressee.head
        return verb if verb.pos_ == "VERB" and (verb.lemma_.lower() in issuing or cues.is_cue_verb(verb)) else None
    if addressee.dep_ != "pobj" or addressee.head.lower_ != "to":
        return None
    verb = addressee.head.head
    if verb.pos_ == "VERB":
        # "blasted out an email to supporters": the message is the verb's object
        sent = any(c.dep_ == "dobj" and not cues.person_or_group(c) for c in verb.children)
        known = verb.lemma_.lower() in issuing or cues.is_cue_verb(verb)
        return verb if sent or known else None
    if verb.pos_ != "NOUN":
        return None
    message = verb  # "an email to supporters", "his memo to employees"
    tok = message
    for _ in range(3):
        if tok.pos_ == "VERB":
            return tok
        if tok.dep_ not in ("dobj", "pobj", "prep") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def document_author(noun: Token, cues: Cues) -> Token | None:
    """Who a tally, report or speech is by: "a tally by the AP", "a report from the Pentagon", "a filing
    prepared by the firm", "a speech Mrs. Clinton gave"; None for a noun that is someone itself."""
    if cues.person_or_group(noun):
        return None
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in AGENT_PREPOSITIONS:
            candidates = [c for c in child.children if c.dep_ == "pobj"]
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            candidates = [c for c in agent.children if c.dep_ == "pobj"] if agent is not None else []
        elif child.dep_ == "relcl":
            candidates = [c for c in child.children if c.dep_ == "nsubj" and c.lower_ not in RELATIVE_PRONOUNS]
        else:
            continue
        author = next((c for c in candidates if cues.person_or_group(c)), None)
        if author is not None:
            return author
    return None


def subject_child(head: Token, ctx: DocContext) -> Token | None:
    """The verb's subject. A dateline the parser made a subject ("WASHINGTON, May 2 (AP) — A spokesman
    said …") gives way to the other subject, or to the name it was given in apposition after the dash;
    of two subjects the one nearer the verb is the right one."""
    subjects = [c for c in head.children if c.dep in _SUBJECT_IDS]
    # '"… the emails, the foundation …," said a person': a word of the quote parsed as a second
    # subject loses to the subject outside the marks
    outside = [c for c in subjects if not ctx.quoted(c)]
    subjects = outside or subjects
    for subject in list(subjects):
        if _dateline(subject, ctx):
            subjects.remove(subject)
            after = next((c for c in subject.children if c.dep_ == "appos" and _dateline_after(c, subject)), None)
            if after is not None and not subjects:
                subjects.append(after)
    if len(subjects) > 1:
        before = [c for c in subjects if c.i < head.i]
        return before[-1] if before else subjects[0]
    return subjects[0] if subjects else None


def _adjacent_speaker(verb: Token, ctx: DocContext, cues: Cues) -> Token | None:
    """When the parse gives the cue no subject ("Col. Warren, a spokesman in Baghdad, said, …" parsed
    as an apposition), the nearest name or pronoun next to the cue, with no other verb between."""
    sent = verb.sent
    for tok in reversed(list(_token_range(verb.doc, sent.start, verb.i))):
        if tok.pos_ in ("VERB", "AUX") or ctx.quoted(tok):
            break
        if tok.dep_ == "poss" or tok.head.dep_ == "poss":
            continue  # "noting the size of Sanders's following, said": a possessor is not who speaks
        if tok.ent_type_ == "PERSON":
            return _entity_root(tok)
        if tok.pos_ == "PRON" and tok.lower_ in PERSONAL_SUBJECTS:
            return tok
        if cues.speaker_noun(tok):
            return tok
    # '“…,” said Smith': an inverted speaker follows a cue that follows its quote; otherwise a name the
    # cue governs is its object ("supporting Cruz", "asked Obama what …"), never its speaker
    # (a participle after a comma is no inverted cue: in "said, adding of Trump, "…"" Trump is spoken of)
    inverted = verb.i > sent.start and verb.nbor(-1).is_punct and verb.tag_ != "VBG"
    for tok in _token_range(verb.doc, verb.i + 1, min(sent.end, verb.i + 6)):
        # "denounced her record as secretary of state": a noun past a preposition is no inverted speaker
        if tok.pos_ in ("VERB", "AUX") or ctx.quoted(tok):
            break
        if not inverted and _governed_by(tok, verb):
            continue
        if tok.ent_type_ == "PERSON" or tok.pos_ == "PRON" and tok.lower_ in GENDERED_SUBJECTS:
            return _entity_root(tok)
        if cues.speaker_noun(tok):
            return tok
        if inverted and tok.i == verb.i + 1 and _mistagged_name(tok):
            return tok  # '"…," said Skelly.': a surname the tagger read as an adverb ("-ly")
    return None


def _mistagged_name(tok: Token) -> bool:
    """A capitalised word, not a function word, that the tagger gave a word class a name never has, standing
    alone before punctuation."""
    doc = tok.doc
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (tok.is_title and not tok.is_stop and tok.pos_ in ("ADV", "ADJ") and not tok.ent_type_
            and (after is None or after.is_punct or after.is_space))


def mention_span(head: Token, ctx: DocContext) -> Span:
    """The speaker mention: the subject's name or noun phrase, without relative clauses,
    appositions or anything inside quotation marks."""
    doc = head.doc
    left = head.i
    for tok in reversed(list(head.lefts)):
        if tok.dep in _MODIFIER_IDS and not ctx.quoted(tok):
            left = min(left, tok.left_edge.i)
    right = head.i
    for tok in head.rights:
        if tok.dep_ in ("compound", "flat", "case") or (
            tok.dep_ == "prep" and tok.lower_ in ("for", "of", "at", "with") and tok.i == right + 1
        ):
            right = max(right, tok.right_edge.i)
        else:
            break
    named = _name_beside(head, right, ctx)
    if named is not None:
        right = named.i
    for k in range(left, head.i):
        if _is_dash(doc[k]):
            left = k + 1  # "RANGOON, Burma - Aung San Suu Kyi's allies": the dateline is not part of the name
    while left < head.i and (doc[left].is_punct or doc[left].is_space or ctx.quoted(doc[left])):
        left += 1
    while right > head.i and (doc[right].is_punct or doc[right].is_space or ctx.quoted(doc[right])):
        right -= 1
    # the words read by position: slicing a Span of the Doc only to walk it costs more than the words
    brackets = [text for text in (doc[k].text for k in range(left, right + 1)) if text in "()"]
    if brackets.count("(") > brackets.count(")") and right + 1 < len(doc) and doc[right + 1].text == ")":
        right += 1  # "a spokesman for the British Phonographic Industry (BPI)": a bracket opened closes too
    return doc[left : right + 1]


def _name_beside(head: Token, right: int, ctx: DocContext) -> Token | None:
    """The name a role noun runs straight on to, which the parser hangs on it as an apposition or a
    conjunct: "Planned Parenthood's president Cecile Richards", "GOP contender and former neurosurgeon
    Ben Carson", "Vice President for news and talk Dave Gorab". A comma ("a spokesman, Col. Warren,")
    sets off an aside and leaves the mention as it is; a head that is a name itself ("Trump and Cruz")
    names its own speaker."""
    if head.ent_type_ == "PERSON" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    doc = head.doc
    for child in head.rights:
        if child.dep_ not in ("appos", "conj") or not _full_name(child) or ctx.quoted(child):
            continue
        between = _token_range(doc, right + 1, child.left_edge.i)
        if any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in between):
            return None
        if child.dep_ == "conj" and not all(t.dep_ == "cc" for t in between):
            return None
        # "chairman and chief executive officer Bill Ford": a second role joined to the first comes between
        joined = {t.i for c in head.rights if c.dep_ in ("cc", "conj") and c.i < child.i for t in c.subtree}
        if child.dep_ == "appos" and any(t.i not in joined for t in between):
            return None
        name = _entity_root(child)
        return name if not ctx.quoted(name) else None
    return None


def _full_name(tok: Token) -> bool:
    """tok ends a name of a person: tagged so, or a proper noun after a proper-noun first part (the small
    model tags many a "Helena Marsh" ORG)."""
    if tok.ent_type_ == "PERSON":
        return True
    first = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "") and bool(first) and first[0].i == tok.i - 1


def possessor_span(poss: Token, ctx: DocContext) -> Span:
    """A possessor as a speaker mention, without its "'s": "Bolton's view" -> "Bolton"."""
    mention = mention_span(poss, ctx)
    end = mention.end
    while end - 1 > mention.start and mention.doc[end - 1].dep_ == "case":
        end -= 1
    return mention.doc[mention.start : end]


def _in_title(tok: Token, ctx: DocContext) -> bool:
    """tok lies inside quotation marks that hold a title (a show, a book), which `quoted` leaves out."""
    return any(q.start <= tok.idx < q.end for q in ctx.all_quotations)


def _reported_clause(tok: Token) -> Token:
    """The verb of the clause `tok` lies in, past the verbs it governs through infinitives ("will have
    to choose": "have")."""
    while tok.dep_ == "xcomp" and tok.head.i < tok.i and tok.head.pos_ in ("VERB", "AUX"):
        tok = tok.head
    return tok


def _trailing_participle(verb: Token) -> bool:
    """", explaining …", "while adding …": a participle set off after the clause it hangs on."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.i < verb.head.i:
        return False
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    marked = any(c.dep_ == "mark" and c.lower_ == "while" for c in verb.children)
    return marked or before is not None and before.text == ","


def _means_without_claim(prep: Token, verb: Token, ctx: DocContext, cues: Cues) -> bool:
    """"defended the levy by citing a survey": how a stance was argued, with a bare noun for its object,
    is part of the stance's claim and reports none of its own ("by saying “…”", "by calling him out", "by
    telling him that …" do). A means of a deed reports ("won the nomination by promising its revenge",
    "began by talking about the drug crisis")."""
    if prep.lower_ != "by" or not cues.is_cue_verb(prep.head):
        return False
    if any(c.dep_ in ("prt", "oprd", "dative", "ccomp", "xcomp") for c in verb.children):
        return False
    right = [t for t in verb.subtree if t.i > verb.i]
    return not any(t.pos_ in ("VERB", "AUX") or ctx.quoted(t) for t in right)


def _governed_by(tok: Token, verb: Token) -> bool:
    """tok lies in the verb's object or complement, not its subject."""
    while tok.head.i != tok.i:
        if tok.head.i == verb.i:
            return tok.dep_ not in ("nsubj", "nsubjpass", "csubj", "expl")
        tok = tok.head
    return False


def _is_dash(tok: Token) -> bool:
    """A dash between words, not a hyphen inside one ("front-runner", "Sun-Times")."""
    text = tok.text
    if text in LONG_DASHES:
        return True
    # the spaces around are read only for a dash (most words are none)
    return text in DASHES and bool(tok.whitespace_) and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)


def _dateline(tok: Token, ctx: DocContext) -> bool:
    """A place opening its paragraph before a dash: "WASHINGTON —", "NEW YORK, May 2 (AP) –"."""
    if tok.ent_type_ != "GPE" and not (tok.is_upper and len(tok) > 1):
        return False
    first = tok.left_edge
    para_start = ctx.paragraph_bounds(first.idx)[0]
    if ctx.text[para_start : first.idx].strip():
        return False
    doc = tok.doc
    for t in _token_range(doc, tok.i + 1, tok.i + 10):
        if _is_dash(t):
            return True
        if t.pos_ in ("VERB", "AUX") or ctx.quoted(t):
            return False
    return False


def _dateline_after(tok: Token, dateline: Token) -> bool:
    """tok lies after the dash that closes the dateline."""
    doc = tok.doc
    return any(_is_dash(t) for t in _token_range(doc, dateline.i + 1, tok.left_edge.i))


def _token_range(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens start..end-1, clipped to the document."""
    return [doc[i] for i in range(max(0, start), min(len(doc), end))]


def _entity_root(tok: Token) -> Token:
    """The last token of the named entity containing tok: the head of a name like "Steven H. Warren"."""
    doc = tok.doc
    i = tok.i
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I" and doc[i + 1].ent_type_ == tok.ent_type_:
        i += 1
    return doc[i]
