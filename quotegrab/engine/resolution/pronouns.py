"""Finding what a pronoun stands for: the nearest earlier entity outside quotes that agrees with it.

Subjects are preferred over objects, objects over names inside other phrases (the sightings' weights); a
plural pronoun looks back a sentence or two, a singular one paragraphs, since a person stays the topic.
"""

from __future__ import annotations

from spacy.tokens import Span

from quotegrab.engine.grammar import FEMALE_PRONOUNS, MALE_PRONOUNS, PLURAL_PRONOUNS
from quotegrab.engine.resolution.article import Article
from quotegrab.engine.resolution.entities import Entity
from quotegrab.engine.resolution.mentions import SUBJECTS, name_start

PLURAL_REACH = 600  # characters back a plural pronoun looks for its antecedent
SINGULAR_REACH = 3000


def by_pronoun(article: Article, pronoun: str, pos: int) -> Entity | None:
    want_plural = pronoun in PLURAL_PRONOUNS
    best, best_score = None, None
    for where, entity, weight in reversed(article.sightings):
        if where >= pos:
            continue
        distance = pos - where
        # "they" refers back a sentence or two; a person stays the topic for paragraphs
        if distance > (PLURAL_REACH if want_plural else SINGULAR_REACH):
            break
        if want_plural != (entity.kind != "person"):
            continue
        if (pronoun in MALE_PRONOUNS and entity.gender == "f"
                or pronoun in FEMALE_PRONOUNS and entity.gender == "m"):
            continue
        score = distance * weight
        if best_score is None or score < best_score:
            best, best_score = entity, score
    return best


# how far after the sentence of the last claim a pronoun still goes on with its speaker
CHAIN_REACH = 600


def agrees(entity: Entity, pronoun: str) -> bool:
    """Number and gender: "they" an organisation or a group, "he"/"she" a person of no other gender, "it"
    an organisation."""
    if pronoun == "it":
        return entity.kind == "organization"
    if (pronoun in PLURAL_PRONOUNS) != (entity.kind != "person"):
        return False
    other = "f" if pronoun in MALE_PRONOUNS else "m" if pronoun in FEMALE_PRONOUNS else None
    return other is None or entity.gender != other


def previous_speaker(article: Article, pronoun: str, pos: int) -> Entity | None:
    """"Arnesen said he could not explain why Santini quit. He added: …": a pronoun that speaks after a
    claim goes on with that claim's speaker, over the names inside the claim and its sentence, unless
    someone who agrees with it is named between that sentence and the pronoun. A spokesperson's "he" is
    the one spoken for."""
    earlier = [s for s in article.said if s[1] <= pos]
    if not earlier:
        return None
    _, end, speaker, how = earlier[-1]
    if pronoun not in MALE_PRONOUNS | FEMALE_PRONOUNS | PLURAL_PRONOUNS | {"it", "one"}:
        return None  # "both", "each", "you": a share of people or the one addressed, not who goes on
    singular = pronoun not in PLURAL_PRONOUNS and pronoun != "it"
    if how == "group" and singular:
        return None  # "Someone said …" is nobody in particular, whom no later "he" can stand for
    if pos - end > CHAIN_REACH or not (agrees(speaker, pronoun) or how == "spokesperson" and singular):
        return None
    between = (e for w, e, _ in article.sightings if end <= w < pos and e is not speaker)
    return None if any(agrees(e, pronoun) for e in between) else speaker


def group_antecedent(article: Article, mention: Span, entity: Entity | None) -> Span | None:
    """The plural noun a "they" goes back to when it is nearer than any organisation named:
    "Democratic leaders are wary of the left, but they do not want …". Groups named by a common
    noun are no entities of their own, so the sightings never hold them."""
    doc = mention.doc
    pos = mention.start_char
    named = max((w for w, e, _ in article.sightings if e is entity and w < pos), default=-1)
    for tok in reversed(doc[max(0, mention.start - 120) : mention.start]):
        if tok.idx <= named or pos - tok.idx > PLURAL_REACH:
            return None
        if tok.dep_ not in SUBJECTS or tok.tag_ not in ("NNS", "NNPS") or article.quoted(tok.idx):
            continue
        if tok.ent_type_ in ("ORG", "GPE", "PERSON") or tok.like_num:
            continue
        return doc[name_start(tok) : tok.i + 1]
    return None


def place_before(article: Article, pos: int, org: Entity | None) -> str | None:
    """A country or city named as subject nearer before "it" than the organisation found for it."""
    org_at = max((w for w, e, _ in article.sightings if e is org and w < pos), default=-1)
    places = [(w, name) for w, name, weight in article.places if org_at < w < pos and weight < 1.0]
    return places[-1][1] if places and pos - places[-1][0] <= PLURAL_REACH else None
