"""The sieves a speaker mention passes through, in order, until one says whom it names.

Each sieve reads the mention and either passes (None) or answers with an entity, or with None for nobody,
and how it was found; the first answer wins, so a sieve may take for granted that the earlier ones passed.
A sieve changes the article (an unnamed group made, a person added) only when it answers.

In order (SIEVES):
- a name (PERSON/ORG entity) in the mention: full name, surname or title + surname, linked to the entity
  the cast joined it to; a surname several people share goes by a title's gender ("Mrs."), the pronouns
  after it, then to the one most recently and most often in view;
- a pronoun: the nearest earlier entity outside quotation marks that agrees in number and gender; "it"
  may be an organisation or a country; indefinite pronouns ("someone") and shares ("many") are groups
  or people of their own; "something" is nobody;
- an organisation noun ("the Trump campaign", "the bank") or a possessed statement ("Trump's statement");
- a role noun ("the president"): the person introduced with that role ("President Donald Trump"); a
  possessed one ("Pagliano's lawyer") the person introduced with it and the owner's name;
- a plural noun ("officials", "critics"): an unnamed group named by its mention;
- words the NER did not tag: a known person's name, a full name, else a person or organisation described.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Span, Token

from quotegrab.engine.grammar import (
    CONVERSATION_POSSESSIVES,
    EVERYONE_PRONOUNS,
    FEMALE_PRONOUNS,
    FIRST_PERSON_PRONOUNS,
    INDEFINITE_PRONOUNS,
    MALE_PRONOUNS,
    PLURAL_PRONOUNS,
    QUANTIFIERS,
    SHARE_PRONOUNS,
    THING_PRONOUNS,
    relative_antecedent,
)
from quotegrab.engine.resolution.article import Article
from quotegrab.engine.resolution.entities import Entity, Link, most_salient
from quotegrab.engine.resolution.mentions import (
    SUBJECTS,
    apposed_to,
    definite,
    first_named,
    in_modifier,
    is_affix_name,
    noun_phrase,
    plain,
    role_of,
)
from quotegrab.engine.resolution.names import by_name, lone_surname, person_named
from quotegrab.engine.resolution.organisations import (
    by_role,
    formal_org_noun,
    holder_for,
    nearest_org,
    owner,
    role_holders,
)
from quotegrab.engine.resolution.pronouns import (
    CHAIN_REACH,
    agrees,
    by_pronoun,
    group_antecedent,
    place_before,
    previous_speaker,
)


@dataclass
class Reading:
    """A mention as the sieves read it: followed from a relative pronoun or a description to the noun
    phrase it stands for, with the names in and around it."""

    article: Article
    mention: Span
    head: Token
    names: list[Span]

    @property
    def lower(self) -> str:
        return self.head.lower_

    @property
    def pos(self) -> int:
        return self.mention.start_char

    @cached_property
    def possessor(self) -> Token | None:
        return next((c for c in self.head.children if c.dep_ == "poss"), None)

    @cached_property
    def role(self) -> str | None:
        return role_of(self.article.words, self.mention)

    def is_role(self) -> bool:
        return self.lower in self.article.words.roles


def read(article: Article, mention: Span) -> Reading:
    antecedent = relative_antecedent(mention.root)
    if antecedent is not None:
        # a relative pronoun stands for the noun its clause hangs on: "Trump, who said …"
        mention = noun_phrase(antecedent)
    named = apposed_to(mention.root)
    if named is not None and named.i < mention.root.i:
        # "Gov. John Kasich of Ohio, a Republican who …", "Rep. Ann Cole, a California Democrat": a
        # description set beside a name is that person, not someone new
        mention = noun_phrase(named)
    head = mention.root
    nearby = article.names_between(mention.start - 8, mention.end + 8)
    names = [e for e in nearby if e.start >= mention.start and e.end <= mention.end and not is_affix_name(e)]
    if not names:
        names = [e for e in nearby if e.start <= head.i < e.end]
    return Reading(article, mention, head, names)


def link(article: Article, mention: Span) -> Link:
    """The entity a speaker mention names, and how it was found."""
    reading = read(article, mention)
    for _, sieve in SIEVES:
        answer = sieve(reading)
        if answer is not None:
            return answer
    raise AssertionError("the last sieve always answers")


# -- a name ---------------------------------------------------------------------------------------------

def _head_name(r: Reading) -> Span | None:
    head = r.head
    own = next((e for e in r.names if e.start <= head.i < e.end), None)
    if own is None:
        appositive = next((c for c in head.children if c.dep_ == "appos"), None)
        # beside the mention ("the spokesman, Brian Fallon"), not a word of a quote the parse hung on it
        if appositive is not None and appositive.i <= r.mention.end + 4:
            own = next((e for e in r.article.names_between(appositive.i - 8, appositive.i + 8)
                        if e.start <= appositive.i < e.end), None)
    if own is None and r.role is not None:
        own = _name_set_after(r)
    if own is None:
        # "GOP contender and former neurosurgeon Ben Carson": the name the role runs on to
        own = next((e for e in r.names if (e.label_ == "PERSON" or first_named(r.article.words, e))
                    and e.root.dep_ in ("appos", "conj")
                    and e.root.head.i == head.i), None)
    return own


def _name_set_after(r: Reading) -> Span | None:
    """"According to its Paris lawyer, Emmanuel Gaillard of Shearman and Sterling, …": a person's name
    set off by a comma right after a role is that role's holder, however the parser hung it."""
    doc, end = r.mention.doc, r.mention.end
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    after = r.article.names_between(end + 1, end + 2)
    if not after or after[0].label_ != "PERSON" or after[0].end >= len(doc):
        return None
    # the name ends the apposition: a comma, or "of"/"at" and the body it serves
    return after[0] if doc[after[0].end].text == "," or doc[after[0].end].pos_ == "ADP" else None


def head_name(r: Reading) -> Link | None:
    """The head's own name wins: in "Clinton spokesman Brian Fallon" the speaker is Fallon. A document
    the NER takes into a name ("the Butler report") is its issuer's, which the document sieve finds."""
    own = _head_name(r)
    if own is not None and r.lower in r.article.words.documents and own.start < r.head.i:
        return None
    return by_name(r.article, own) if own is not None else None


# -- pronouns and quantities ------------------------------------------------------------------------------

def it(r: Reading) -> Link | None:
    """"it": the last organisation named, or a country or city named as subject nearer before."""
    if r.lower != "it":
        return None
    chained = previous_speaker(r.article, "it", r.pos)
    if chained is not None:
        return chained, "pronoun"
    org = nearest_org(r.article, "", r.pos)
    place = place_before(r.article, r.pos, org)
    if place is not None:
        org = r.article.speaker("organization", place)
    return org, "pronoun"


def number(r: Reading) -> Link | None:
    """"77 percent of Republicans polled": a share of a group is that group; "Six in 10 say …", "58
    percent said …": a share of those polled, a group of its own; a bare number or share standing alone
    ("only 40%", "47") names nobody who speaks."""
    head = r.head
    counted = head.pos_ == "NUM" or head.like_num or head.lower_ in _SHARE_NOUNS and any(
        c.pos_ == "NUM" or c.like_num for c in head.children)
    if not counted:
        return None
    group = _group_counted(head)
    if group is not None:
        return r.article.speaker("group", plain(group)), "group"
    counted_nouns = [t for t in r.mention if t.pos_ in ("NOUN", "PROPN") and t.lower_ not in _SHARE_NOUNS]
    if not counted_nouns:
        # "61 percent of voters like her, while 40 percent say …": the group counted before in the
        # sentence; "Some 47% believe …": a share of those asked; never a speaker named "47"
        earlier = [t for t in head.sent if t.i < r.mention.start and t.lower_ in _SHARE_NOUNS]
        counted = next((g for g in map(_group_counted, reversed(earlier)) if g is not None), None)
        return r.article.speaker("group", plain(counted) if counted is not None else "those polled"), "group"
    return r.article.speaker("group", plain(r.mention)), "group"


_SHARE_NOUNS = ("percent", "per", "%", "cent", "percentage", "proportion", "share", "majority", "third", "half",
                "quarter")


def _group_counted(head: Token) -> Span | None:
    """The group a share is of: "77 percent of Republicans polled" -> "Republicans polled"."""
    for token in (head, *head.children):
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is not None and obj.pos_ in ("NOUN", "PROPN") and not obj.like_num:
            # the noun with what comes before it, and a participle right after ("Republicans polled")
            end = obj.i + 1
            if end < len(obj.doc) and obj.doc[end].tag_ == "VBN" and obj.doc[end].head.i == obj.i:
                end += 1
            return obj.doc[obj.left_edge.i : end]
    return None


# how many words back "the pair" looks for the people it counts
_PAIR_REACH = 120


def named_together(r: Reading) -> Link | None:
    """"Kenteris and Thanou withdrew from the Games … The pair claimed they had been injured": a noun
    that counts people ("the pair", "the two", "both men") is the people last named together, a group
    named by their names."""
    mention, words = r.mention, r.article.words
    # "both men", "the two women": a count of people; "both countries", "both sides" count no one named
    counted = r.lower in words.pair_nouns or (
        r.lower in ("men", "women") and any(c.lower_ in words.pair_nouns for c in r.head.children))
    if not counted or mention[0].lower_ not in ("the", "both") or r.names:
        return None
    article, doc = r.article, mention.doc
    for token in reversed(doc[max(0, mention.start - _PAIR_REACH) : mention.start]):
        if token.dep_ != "conj" or token.ent_type_ != "PERSON" or article.quoted(token.idx):
            continue
        names = [_person_name_at(article, token.head), _person_name_at(article, token)]
        people = [by_name(article, n)[0] if n is not None else None for n in names]
        if all(p is not None and p.kind == "person" for p in people) and people[0] is not people[1]:
            return article.speaker("group", " and ".join(p.name for p in people if p is not None)), "group"
        return None
    return None


def _person_name_at(article: Article, token: Token) -> Span | None:
    return next((e for e in article.names_between(token.i - 4, token.i + 1)
                 if e.start <= token.i < e.end and e.label_ == "PERSON"), None)


def age_described(r: Reading) -> Link | None:
    """"The 31-year-old said …", "the 28-year-old Austrian": a person described by age is the person
    the copy is about (no one speaks as an age)."""
    words = [t.lower_ for t in r.mention]
    aged = any(w == "year" and i + 2 < len(words) and words[i + 2] == "old" for i, w in enumerate(words))
    if not aged or any(e.label_ == "PERSON" for e in r.names) or r.mention[0].lower_ not in ("the", "this"):
        return None
    person = _topic_person(r.article, r.pos)
    return (person, "role") if person is not None else None


# how far back an epithet looks for the person it describes
_EPITHET_REACH = 3000


def _topic_person(article: Article, pos: int) -> Entity | None:
    """"Campbell's relay triumph made up for his displays in Athens … The 31-year-old said …": the person
    an age or a nationality describes is the one the copy is about, most often and most prominently
    in view before it (each sighting's weighted distance, divided by the times named so far), not
    merely the last one named."""
    lo = bisect_left(article.sightings, pos - _EPITHET_REACH, key=lambda s: s[0])
    hi = bisect_left(article.sightings, pos, key=lambda s: s[0])
    people = {id(e): e for _, e, _ in article.sightings[lo:hi] if e.kind == "person"}
    if not people:
        return None
    return most_salient(list(people.values()), pos, article.sightings[:hi])


def those(r: Reading) -> Link | None:
    """"those surveyed", "those who attended": the group the words after "those" pick out."""
    head = r.head
    if r.lower != "those" or not any(c.dep_ in ("acl", "relcl", "prep") for c in head.children):
        return None
    words = r.mention.doc[head.i : head.right_edge.i + 1]
    name = " ".join(words.text.split()) if len(words) <= 6 else r.mention.text
    name = name[:1].lower() + name[1:]
    return r.article.speaker("group", name), "group"


def nobody_in_particular(r: Reading) -> Link | None:
    """"Someone said …", "Everyone agreed …": no antecedent to look for; "something" is no speaker."""
    lower = r.lower
    if not (lower in INDEFINITE_PRONOUNS or (lower == "one" and r.head.pos_ == "PRON") or lower in THING_PRONOUNS):
        return None
    if lower in THING_PRONOUNS:
        return None, "pronoun"
    kind = "group" if lower in EVERYONE_PRONOUNS else "person"
    return r.article.speaker(kind, lower), "group"


def share(r: Reading) -> Link | None:
    """"Some say …", "Many believe …": a share of people, a group of its own, not a person named before."""
    if (r.lower in SHARE_PRONOUNS and r.head.pos_ in ("PRON", "DET")
            and not any(c.dep_ == "prep" for c in r.head.children)):
        return r.article.speaker("group", plain(r.mention).lower()), "group"
    return None


def pronoun(r: Reading) -> Link | None:
    """A personal pronoun: the nearest earlier entity that agrees, or for "they" a plural noun nearer."""
    lower = r.lower
    if not (lower in MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS
            or (r.head.pos_ == "PRON" and lower not in FIRST_PERSON_PRONOUNS)):
        return None
    chained = previous_speaker(r.article, lower, r.pos)
    if chained is not None:
        return chained, "pronoun"
    entity = _subject_before(r) or by_pronoun(r.article, lower, r.pos)
    if lower in PLURAL_PRONOUNS - FIRST_PERSON_PRONOUNS:
        group = group_antecedent(r.article, r.mention, entity)
        if group is not None:
            return link(r.article, group)[0], "pronoun"
    return entity, "pronoun"


def _subject_before(r: Reading) -> Entity | None:
    """"Mr Howard said. Mr Hain told the programme that Mr Howard's stance was wrong. He then accused
    …": a "he" or "she" that opens its sentence as subject goes on with the person the sentence before
    has speak (the subject of its verb of saying), over the last speaker and the names inside what
    that sentence reports."""
    head, doc = r.head, r.mention.doc
    if r.lower not in MALE_PRONOUNS | FEMALE_PRONOUNS or head.dep_ not in SUBJECTS or head.sent.start == 0:
        return None
    if head.i != head.sent.start or r.article.quoted(head.idx):
        return None
    before = doc[head.sent.start - 1].sent
    if before.root.lemma_.lower() not in r.article.words.speech_verbs:
        return None
    subject = next((c for c in before.root.children if c.dep_ in SUBJECTS), None)
    if subject is None or subject.pos_ != "PROPN" or r.article.quoted(subject.idx):
        return None
    entity = link(r.article, noun_phrase(subject))[0]
    return entity if entity is not None and entity.kind == "person" and agrees(entity, r.lower) else None


def name_after_organisation(r: Reading) -> Link | None:
    """British copy names a person after their organisation: "Commission for Racial Equality chief
    Trevor Phillips" (a role noun right before the name), "the Fabian Society's Sundar Katwala" (a full
    name possessed by the organisation, whatever the NER made of it): the person speaks, not the body."""
    words, mention, head = r.article.words, r.mention, r.head
    last = next((e for e in reversed(r.names) if e.label_ == "PERSON" and e.end == mention.end), None)
    # the head is the organisation's own name: "supporters of Hillary Clinton" are not Mrs Clinton
    if last is not None and last.start > mention.start and head.pos_ == "PROPN" and head.i < last.start:
        before = mention.doc[last.start - 1]
        if before.lower_ in words.roles or before.lower_ in words.epithets:
            return by_name(r.article, last)
    if r.possessor is None or head.pos_ != "PROPN" or head.i >= mention.end:
        return None
    name = mention.doc[r.possessor.right_edge.i + 1 : head.i + 1]
    if len(name) < 2 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
        return None
    # a person's name by its first word, or one the NER took for a person or a building ("Sundar
    # Katwala"), but no place or organisation ("London's Evening Standard", "St David's Shopping Centre")
    titled = words.is_title(name[0]) or name[0].lower_ in words.first_names
    misread = head.ent_type_ in ("PERSON", "FAC") and head.lower_ not in words.place_name_nouns
    if not (titled or misread) or head.lower_ in words.org_nouns:
        return None
    known = person_named(r.article, name.text, r.pos)
    return (known, "name") if known is not None else _new_person(r.article, name.text)


# -- those who speak for another, and documents ---------------------------------------------------------

# the prepositions that name whom a spokesperson speaks for, or who issued a document
_PRINCIPAL_PREPOSITIONS = ("for", "at", "of", "from", "in", "within")
_ISSUER_PREPOSITIONS = ("by", "from", "of")


def _principal(r: Reading, prepositions: tuple[str, ...]) -> Span | None:
    """Whom a spokesperson speaks for, or who issued a document: the possessor ("Vodafone's
    spokeswoman", "the Bank's figures"), a name set before the noun ("a UKIP spokesman", "the Butler
    report"), or the object of a preposition ("a spokesman for the LSE", "a report by the IMF")."""
    return _principal_of(r.head, prepositions)


def _principal_of(head: Token, prepositions: tuple[str, ...]) -> Span | None:
    doc = head.doc
    possessor = next((c for c in head.children if c.dep_ == "poss"), None)
    if possessor is not None:
        return noun_phrase(possessor)
    # "a Wednesday editorial", "a March speech": a date set before the noun issued nothing
    before = [c for c in head.children if c.i < head.i and c.dep_ in ("compound", "nmod")
              and (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "PERSON", "NORP"))
              and c.ent_type_ not in _WHEN_ENTITIES]
    if before:
        return doc[before[0].left_edge.i : before[-1].i + 1]
    prep = next((c for c in head.children if c.dep_ == "prep" and c.i > head.i and c.lower_ in prepositions), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    return noun_phrase(obj) if obj is not None and obj.pos_ in ("PROPN", "NOUN") else None


def spokesperson(r: Reading) -> Link | None:
    """"a spokesman for the Bank of England", "Vodafone's spokeswoman", "sources at the Treasury": the
    one they speak for is the speaker, an organisation or the person spoken for."""
    if r.lower not in r.article.words.spokespeople:
        return None
    principal = _principal(r, _PRINCIPAL_PREPOSITIONS)
    seat = _office_seat(r.article, principal) if principal is not None else None
    if seat is not None:
        return seat, "spokesperson"
    entity = link(r.article, principal)[0] if principal is not None else _unnamed_principal(r)
    return (entity, "spokesperson") if entity is not None and entity.kind != "document" else None


def _office_seat(article: Article, principal: Span) -> Entity | None:
    """"the prime minister's official spokesman", with no prime minister introduced in the article: the
    office speaks from its seat (models/office_seats.txt), "Downing Street" however the article names it."""
    role = role_of(article.words, principal)
    seat = article.words.office_seats.get(role) if role is not None else None
    if seat is None or article.names_between(principal.start, principal.end) or role_holders(article, role):
        return None
    return organisation_named(article, seat)


# how far back an unnamed spokesperson looks for the organisation that spoke before
_SPOKEN_FOR_REACH = 1500


def _unnamed_principal(r: Reading) -> Entity | None:
    """Whom a spokesperson no name is given for speaks for: "a party spokesman", "an executive
    spokeswoman" the organisation whose name holds that noun ("the British National Party", "the
    Scottish Executive"), else the one the noun names ("a government spokesman": the government); "a
    spokesman", "the spokeswoman" the one a spokesperson spoke for just before, else the organisation
    that spoke last ("Downing Street said … A spokesman added …")."""
    article, head = r.article, r.head
    if r.lower not in article.words.official_spokespeople:
        return None  # "sources said" after "the Post reported": the paper's sources speak for no one named
    if definite(r.mention) and any(e.kind == "person" and r.lower in e.roles for e in article.entities):
        return None  # "the spokesman" after "Andrew Hogg, a spokesman for …" is Mr Hogg, as a role
    compounds = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
    nouns = [c.lower_ for c in compounds if c.pos_ == "NOUN" and not any(c.children)]
    if nouns and len(nouns) == len(compounds):
        org = nearest_org(article, nouns[-1], r.pos, named_only=True)
        if org is None and nouns[-1] in article.words.org_nouns:
            org = article.speaker("organization", nouns[-1])
        return org
    described = _named_by_adjective(r)
    if described is not None:
        return described
    if any(c.dep_ in ("compound", "amod", "nmod", "prep") for c in head.children):
        return None  # "a senior spokesman", "a spokesman in Geneva": no principal to guess
    recent = [(end, e, how) for _, end, e, how in article.said if end <= r.pos and r.pos - end <= _SPOKEN_FOR_REACH]
    spoken_for = [e for _, e, how in recent if how == "spokesperson"]
    if spoken_for:
        return spoken_for[-1]
    orgs = [e for _, e, _ in recent if e.kind == "organization"]
    return orgs[-1] if orgs else None


def _named_by_adjective(r: Reading) -> Entity | None:
    """"The executive faces claims … An executive spokesman said": a lone modifier the parser took for
    an adjective names the organisation whose name holds it, when one is named ("the Scottish
    Executive"); "a senior spokesman" names none."""
    modifiers = [c for c in r.head.children if c.dep_ in ("compound", "amod") and c.i < r.head.i]
    if len(modifiers) != 1 or modifiers[0].dep_ != "amod" or any(modifiers[0].children):
        return None
    return nearest_org(r.article, modifiers[0].lower_, r.pos, named_only=True)


def document(r: Reading) -> Link | None:
    """"a report by the IMF", "the Bank's latest figures", "his new book": the issuer or author speaks;
    a document whose issuer the article does not name is a source of kind document, never a person."""
    words = r.article.words
    if r.lower not in words.documents or r.head.pos_ not in ("NOUN", "PROPN"):
        return None
    # "a new report was published by the IFS, suggesting …": the agent of its own passive too
    issuer = _principal(r, _ISSUER_PREPOSITIONS) or _issued_by(r.head)
    entity = link(r.article, issuer)[0] if issuer is not None else _earlier_issuer(r)
    if entity is not None and entity.kind != "document":
        return entity, "issuer"
    name = plain(r.mention)
    if r.head.pos_ != "PROPN" and not any(t.pos_ == "PROPN" for t in r.mention if t.i < r.head.i):
        name = name[:1].lower() + name[1:]  # "Figures released on Monday" -> "figures released on Monday"
    return r.article.speaker("document", name), "document"


# named entities that say when, not who: never a document's issuer
_WHEN_ENTITIES = ("DATE", "TIME", "CARDINAL", "ORDINAL")
# how many words back "the report" looks for the report it goes back to
_DOCUMENT_REACH = 400


def _earlier_issuer(r: Reading) -> Entity | None:
    """"A new report was published by the IFS … the report said": a definite document or statement
    with no issuer of its own is the one named before it with the same noun, and so its issuer's: one
    "by", "from" or possessed ("the IFS's report"), the agent of its passive ("was published by the
    IFS") or the organisation that put it out ("the IMF released a report"). The nearest such noun
    decides: one with no issuer leaves the document without one."""
    if not definite(r.mention):
        return None
    doc, head, article = r.mention.doc, r.head, r.article
    for token in reversed(doc[max(0, r.mention.start - _DOCUMENT_REACH) : r.mention.start]):
        if token.lemma_ != head.lemma_ or token.pos_ != "NOUN" or article.quoted(token.idx):
            continue
        issuer = _principal_of(token, _ISSUER_PREPOSITIONS) or _issued_by(token)
        named = issuer is not None and any(t.pos_ == "PROPN" and t.ent_type_ not in _WHEN_ENTITIES for t in issuer)
        entity = link(article, issuer)[0] if named else None
        return entity if entity is not None and entity.kind == "organization" else None
    # "… the IMF said. … "…," the report said": a report named for the first time goes on with the
    # organisation that spoke just before, while no other is named between
    speaker = previous_speaker(article, "it", r.pos)
    named = speaker is not None and speaker.kind == "organization" and any(e is speaker for e in article.entities)
    if named:
        return speaker
    return _named_organisation_before(r) if r.lower in article.words.documents else None


def _named_organisation_before(r: Reading) -> Entity | None:
    """"… the IMF said. Growth … are all expected to show the effects. "…," the report said": what
    the copy credits to a common noun in between ("Growth") names no issuer, so the report goes on with
    the last named organisation that spoke, while nobody else is named after it ("UKIP said … Mr
    Houston is alleged to have said … The document said": his) and no organisation the copy describes
    spoke between ("the select committee found")."""
    article = r.article
    for _, end, speaker, _ in reversed([s for s in article.said if s[1] <= r.pos]):
        if r.pos - end > CHAIN_REACH:
            return None
        if not any(e is speaker for e in article.entities):
            if speaker.name.split()[-1].lower() in article.words.org_nouns:
                return None  # "the select committee found": an organisation all the same, unnamed
            continue
        if speaker.kind != "organization":
            return None
        between = (e for w, e, _ in article.sightings if end <= w < r.pos and e is not speaker)
        return None if any(e.kind in ("organization", "person") for e in between) else speaker
    return None


def _issued_by(token: Token) -> Span | None:
    """Who put out a document by the verb it is the subject or object of: "was published by the IFS",
    "the IMF released a report"."""
    verb = token.head
    if token.dep_ == "nsubjpass":
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return noun_phrase(obj) if obj is not None and obj.pos_ == "PROPN" else None
    if token.dep_ == "dobj":
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ == "PROPN" and subject.ent_type_ == "ORG":
            return noun_phrase(subject)
    return None


# -- organisations, statements and roles ---------------------------------------------------------------

def organisation_noun(r: Reading) -> Link | None:
    """"the Trump campaign", "her campaign", "the Obama administration": the organisation of a person;
    "the bank": the organisation named with the noun."""
    words, lower, head = r.article.words, r.lower, r.head
    if not ((lower in words.org_nouns or lower in words.informal_org_nouns) and head.tag_ in ("NN", "NNP")):
        return None
    holder = owner(r.article, r.mention, r.possessor, r.names)
    if holder is not None and holder.kind == "person":
        surname = holder.name.split()[-1]
        noun = formal_org_noun(r.article, surname) if lower in words.informal_org_nouns else None
        return r.article.speaker("organization", f"{surname} {noun or lower}"), "name"
    # "the convention committee", "the state election board": nouns set before the head say which one,
    # so it is the last organisation named only when that one goes by the same noun
    specific = any(c.dep_ == "compound" and c.i < head.i for c in head.children)
    if definite(r.mention) and r.possessor is None and not r.names:
        org = nearest_org(r.article, lower, r.pos, named_only=True) or _introduced_as(r)
        if org is None and not specific:
            org = nearest_org(r.article, lower, r.pos)
        if org is not None:
            return org, "organization"
    return None


def _introduced_as(r: Reading) -> Entity | None:
    """"Metrovias, the private firm which runs the lines, … The firm promised": a name the noun was set
    beside, an organisation whether or not the NER tagged it; of several ("Barclays, the UK's
    third-biggest bank, … HSBC, the biggest UK bank, …"), the one the article names most before it."""
    doc = r.mention.doc
    found: list[tuple[str, Entity]] = []
    for token in doc[max(0, r.head.i - 300) : r.mention.start]:
        named = token.head
        if token.lower_ != r.lower or token.dep_ != "appos" or named.pos_ != "PROPN" or named.i > token.i:
            continue
        if r.article.quoted(token.idx) or named.ent_type_ in ("PERSON", "GPE", "LOC", "NORP"):
            continue  # "flood-ravaged Louisiana, a Baton Rouge newspaper, called …" is a misparse
        name = plain(noun_phrase(named))
        lowered = name.lower()
        known = next((e for e in r.article.entities if e.kind == "organization"
                      and (e.name.lower() == lowered or lowered in (a.lower() for a in e.aliases))), None)
        found.append((name, known or r.article.speaker("organization", name)))
    if not found:
        return None
    # the NER may have tagged neither, so count how often the copy writes each name before the mention
    before = r.article.text[: r.pos]
    return max(reversed(found), key=lambda f: len(re.findall(rf"\b{re.escape(f[0])}\b", before)))[1]


def statement(r: Reading) -> Link | None:
    """"his best response was …", "Trump's statement said …": the possessor speaks; "an IAAF
    statement", "the statement" after it: the organisation that issued it."""
    possessor = r.possessor
    if r.lower not in r.article.words.statement_nouns:
        return None
    if possessor is None:
        if r.head.pos_ != "NOUN":
            return None
        issuer = _principal(r, ("from", "by"))
        entity = link(r.article, issuer)[0] if issuer is not None else None
        if entity is None and definite(r.mention):
            entity = _earlier_issuer(r)
        return (entity, "issuer") if entity is not None and entity.kind != "document" else None
    holder = owner(r.article, r.mention, possessor, r.names)
    if holder is None:
        return None
    return holder, "pronoun" if possessor.pos_ == "PRON" else "name"


def possessed_role(r: Reading) -> Link | None:
    """"Pagliano's lawyer": the person introduced as "an attorney for Pagliano"."""
    if r.role is None or r.possessor is None or r.possessor.lower_ in CONVERSATION_POSSESSIVES:
        return None
    holder = owner(r.article, r.mention, r.possessor, r.names)
    found = holder_for(r.article, r.role, holder, r.pos) if holder is not None else None
    return (found, "role") if found is not None else None


def definite_role(r: Reading) -> Link | None:
    """"the senator": the person introduced with that role."""
    if r.role is None or not definite(r.mention) or r.possessor is not None:
        return None
    entity = by_role(r.article, r.role, r.pos)
    return (entity, "role") if entity is not None else None


def described(r: Reading) -> Link | None:
    """"the political reform group's general secretary", "our correspondent", "the chairman": a
    description whose noun a person was introduced with ("Sundar Katwala, the group's general
    secretary", "chairman Bill Ford") is that person, the latest so introduced before it."""
    head = r.head
    if r.names or head.pos_ != "NOUN" or head.tag_ != "NN" or not (definite(r.mention) or r.possessor is not None):
        return None
    holders = [e for e in r.article.entities if e.kind == "person" and r.lower in e.roles]
    earlier = [(w, e) for w, e, _ in r.article.sightings if w < r.pos and e in holders]
    return (earlier[-1][1], "role") if earlier else None


def misread_surname(r: Reading) -> Link | None:
    surnamed = lone_surname(r.article, r.mention)
    return (surnamed, "surname") if surnamed is not None else None


def known_organisation(r: Reading) -> Link | None:
    """"the Tories" after "the Conservative Party", "the Lib Dems" beside "the Liberal Democrats": names
    that stand for one organisation (models/org_aliases.txt) are one speaker."""
    words = r.article.words
    name = plain(r.mention)
    canon = words.org_canonical(name)
    if canon is None or r.mention[0].lower_ in QUANTIFIERS or not name[:1].isupper():
        return None  # "many Tories" are members of the party, a group; "conservatives" an outlook
    return organisation_named(r.article, name), "organization"


def organisation_named(article: Article, name: str) -> Entity:
    """The one organisation of the names that stand for it (models/org_aliases.txt): the entity the
    article names it by, else one speaker of its most formal name the article writes."""
    words = article.words
    canon = words.org_canonical(name) or name.lower()
    named = next((e for e in article.entities if e.kind == "organization"
                  and (words.org_canonical(e.name) or e.name.lower()) == canon), None)
    if named is not None:
        return named
    key = f"organization:{canon}"
    if key not in article.unnamed:
        name = _formal_alias(article, name)
        # a seat from the word lists the article never writes ("downing street") is capitalised as a name
        name = name.title() if name.islower() else name[:1].upper() + name[1:]
        article.unnamed[key] = Entity(name=name, kind="organization")
    return article.unnamed[key]


def _formal_alias(article: Article, name: str) -> str:
    """The most formal of an organisation's names the article writes anywhere: "Tory sources" in an
    article that also says "the Conservatives" speak for the Conservatives, not for "Tory"."""
    text = article.text
    lowered = text.lower()
    for alias in article.words.org_alias_lines.get(name.lower().removeprefix("the "), ()):
        found = re.search(rf"\b{re.escape(alias)}\b", lowered)
        if found is not None:
            return text[found.start() : found.end()]
    return name


def _body_of_members(r: Reading) -> Entity | None:
    """"Lib Dem officials", "Executive ministers": the body named before them, as the article names it
    ("the Liberal Democrats", "the Scottish Executive"), if it does."""
    article, head = r.article, r.head
    if r.lower not in article.words.body_members:
        return None
    before = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
    # "US officials", "Mexican officials": a country or a people is no body the officials belong to
    if not before or any(not t.text[:1].isupper() or t.ent_type_ in ("GPE", "NORP", "LOC") for t in before):
        return None
    name = r.mention.doc[before[0].left_edge.i : before[-1].i + 1].text
    if article.words.org_canonical(name) is not None:
        named = organisation_named(article, name)
        if any(e is named for e in article.entities):
            return named
    # the body's name ends with the word ("Executive": the Scottish Executive), no "Vatican Radio"
    last = name.split()[-1].lower()
    body = nearest_org(article, last, r.pos, named_only=True)
    return body if body is not None and body.name.lower().split()[-1] == last else None


def group_noun(r: Reading) -> Link | None:
    """A plural noun ("officials", "critics"): an unnamed group named by its mention; officials a body's
    name is set before speak for the body."""
    head, mention = r.head, r.mention
    if not (r.lower in r.article.words.groups or (head.tag_ in ("NNS", "NNPS") and head.ent_type_ != "ORG")):
        return None
    body = _body_of_members(r)
    if body is not None:
        return body, "organization"
    name = plain(mention)
    if mention[0].is_sent_start and mention[0].pos_ != "PROPN" and not mention[0].ent_type_:
        name = name[:1].lower() + name[1:]  # "Officials said" names the group "officials"
    return r.article.speaker("group", name), "group"


def role_then_name(r: Reading) -> Link | None:
    """"An attorney for Pagliano, Mark MacDougall, said": the parser hangs the name on "Pagliano", but a
    role followed by a name in apposition is that person."""
    named_after = [e for e in r.names if e.label_ == "PERSON" and e.root.dep_ == "appos"]
    if r.is_role() and named_after:
        return by_name(r.article, named_after[-1])
    return None


def name_inside(r: Reading) -> Link | None:
    """A name in the mention, other than the head's; a name in a modifier of the head ("the group backing
    Jeb Bush", "critics of Trump") is not the speaker."""
    head = r.head
    person = [e for e in r.names if e.label_ == "PERSON" and not in_modifier(e, head)]
    chosen = (person or [e for e in r.names if not in_modifier(e, head)] or [None])[-1]
    if chosen is not None and not r.is_role():
        return by_name(r.article, chosen)
    return None


# -- words the NER did not tag -------------------------------------------------------------------------

def nothing_written(r: Reading) -> Link | None:
    return (None, "name") if not plain(r.mention) else None


def known_person(r: Reading) -> Link | None:
    """A person the article names this way ("Hale" for "Margaret Hale"), untagged here."""
    name = plain(r.mention)
    known = person_named(r.article, name, r.pos)
    return (known, "surname" if " " not in name else "name") if known is not None else None


def name_after_title(r: Reading) -> Link | None:
    """"Phoenix Mayor Greg Stanton": the name after the title, if it is one."""
    words = r.article.words
    tokens = [t for t in r.mention if not t.is_punct]
    titled = [i for i, t in enumerate(tokens) if words.is_title(t) or t.lower_ in words.roles]
    if not titled or titled[-1] >= len(tokens) - 1:
        return None
    rest = r.mention.doc[tokens[titled[-1] + 1].i : tokens[-1].i + 1]
    if not first_named(words, rest):
        return None
    known = person_named(r.article, rest.text, r.pos)
    return (known, "name") if known is not None else _new_person(r.article, rest.text)


def untagged_full_name(r: Reading) -> Link | None:
    """A full name the NER missed ("Elena Ruiz denied …"): a person, named as written, whom a later
    surname can name too."""
    return _new_person(r.article, plain(r.mention)) if first_named(r.article.words, r.mention) else None


def _title_of(r: Reading) -> bool:
    """"the Archbishop of Canterbury", "the Duke of Westminster": a title with the see, place or body
    it is of names its holder, a person."""
    head = r.head
    return (r.article.words.is_title(head) and head.text[:1].isupper()
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.rights))


def _addressed(r: Reading) -> bool:
    """"Mr Katwala", "Dr Okafor": a name after a title of address is a person's, whatever the NER made
    of it."""
    m = r.mention
    return len(m) >= 2 and r.article.words.is_title(m[0]) and m[1].text[:1].isupper() and r.head.pos_ == "PROPN"


def _new_person(article: Article, name: str) -> Link:
    key = f"person:{name.lower()}"
    if key not in article.unnamed:
        article.unnamed[key] = Entity(name=name, kind="person", gender=article.words.gender_of(name.split()[0], []))
        article.entities.append(article.unnamed[key])
    return article.unnamed[key], "name"


def epithet(r: Reading) -> Link | None:
    """"Hayley Yelling said … "…," said the European cross-country champion": a definite description
    (models/epithet_nouns.txt) nobody was introduced with is the person who spoke just before, while no
    other person is named between; an organisation named in it is where the person works ("the
    Spectator editor"), no other person."""
    words, possessor = r.article.words, r.possessor
    if possessor is not None:
        # "The political reform group's general secretary told …": a role or epithet of an organisation
        # the copy describes rather than names is the person who spoke just before, too
        if possessor.pos_ != "NOUN" or not (r.lower in words.epithets or r.is_role()):
            return None
    elif r.lower not in words.epithets or not definite(r.mention):
        return None
    if any(e.label_ == "PERSON" for e in r.names):
        return None
    person = previous_speaker(r.article, "one", r.pos) or _only_person_before(r)
    return (person, "role") if person is not None else None


def _only_person_before(r: Reading) -> Entity | None:
    """"Nicholas Berg quit after reports he had attended a meeting. The former teacher confirmed …":
    with nobody quoted yet, an epithet is the one person the sentence before it names, if it names one
    and nobody is named between."""
    sentence = r.head.sent
    if sentence.start == 0:
        return None
    before = r.mention.doc[sentence.start - 1].sent
    seen = {id(e): e for w, e, _ in r.article.sightings
            if before.start_char <= w < r.pos and e.kind == "person"}
    return next(iter(seen.values())) if len(seen) == 1 else None


def named_next(r: Reading) -> Link | None:
    """"A prospective candidate for UKIP has resigned after admitting … Nicholas Betts-Green, who had
    been selected …, quit …": a person the copy opens with a description of, before it names anyone,
    is the one whose name opens the next sentence as its subject."""
    words, head, article = r.article.words, r.head, r.article
    if r.mention[0].lower_ not in ("a", "an") or not (r.is_role() or r.lower in words.epithets):
        return None
    if any(e.label_ == "PERSON" for e in r.names):
        return None
    if any(w < r.pos and e.kind == "person" for w, e, _ in article.sightings):
        return None
    sentence = head.sent
    if sentence.end >= len(r.mention.doc):
        return None
    following = r.mention.doc[sentence.end].sent
    name = next((e for e in article.names_between(following.start, following.start + 1) if e.label_ == "PERSON"), None)
    if name is None or name.root.dep_ not in SUBJECTS or len(name) < 2:
        return None
    entity = link(article, name)[0]
    return (entity, "role") if entity is not None and entity.kind == "person" else None


def description(r: Reading) -> Link | None:
    """Anything else: a person described by a role ("a senior official"), else an organisation."""
    name = plain(r.mention)
    # an epithet ("the former teacher", "the champion") describes a person, whoever it is; so does a
    # title with the office it is of ("the Archbishop of Canterbury", "the Duke of Westminster")
    words = r.article.words
    person = r.is_role() or r.lower in words.epithets or r.head.ent_type_ == "PERSON" or _title_of(r)
    kind = "person" if person or _addressed(r) else "organization"
    if kind == "organization":
        # "The ILO" the NER did not tag, after "the International Labour Organisation (ILO)"
        lowered = name.lower()
        same = next((e for e in r.article.entities if e.kind == "organization"
                     and (e.name.lower() == lowered or lowered in (a.lower() for a in e.aliases))), None)
        if same is not None:
            return same, "organization"
    return r.article.speaker(kind, name), "role" if kind == "person" else "organization"


SIEVES: tuple[tuple[str, Callable[[Reading], Link | None]], ...] = (
    ("head name", head_name),
    ("it", it),
    # before "number": "the two" after two people named together is those two, no share of a poll
    ("named together", named_together),
    ("number", number),
    ("those", those),
    ("nobody in particular", nobody_in_particular),
    ("share", share),
    ("pronoun", pronoun),
    ("age described", age_described),
    ("name after organisation", name_after_organisation),
    ("document", document),
    ("organisation noun", organisation_noun),
    ("statement", statement),
    ("possessed role", possessed_role),
    # after it: "Hale's spokesperson" is the spokesman named before, where the article names one
    ("spokesperson", spokesperson),
    ("definite role", definite_role),
    ("described", described),
    ("epithet", epithet),
    ("misread surname", misread_surname),
    ("known organisation", known_organisation),
    ("group noun", group_noun),
    ("role then name", role_then_name),
    ("name inside", name_inside),
    ("nothing written", nothing_written),
    ("known person", known_person),
    ("name after title", name_after_title),
    ("untagged full name", untagged_full_name),
    ("named next", named_next),
    ("description", description),
)
