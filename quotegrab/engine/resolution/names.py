"""Finding the entity a name stands for: the same name or alias, a surname, a title and a surname."""

from __future__ import annotations

from spacy.tokens import Span

from quotegrab.engine.resolution.article import Article
from quotegrab.engine.resolution.entities import (
    Entity,
    Link,
    most_salient,
    name_keys,
    nearest,
    one_edit_apart,
    other_gender,
    surname_of,
)
from quotegrab.engine.resolution.mentions import looks_like_person, org_name, pronouns_after, titles_of


def by_name(article: Article, ent: Span) -> Link:
    """The entity a PERSON or ORG name stands for, if the article's cast holds it: the person the cast
    joined this very name to, else by name."""
    cast_as = _cast_as(article, ent)
    if cast_as is not None:
        return cast_as
    namesake, how = _namesake(article, ent)
    if namesake is not None:
        return namesake, how
    if (ent.label_ == "ORG" and not looks_like_person(article.words, ent)
            or article.words.org_canonical(org_name(ent)) is not None):
        return _by_org_name(article, ent)
    tokens, titles = titles_of(article.words, ent)
    text = ent.text
    for e in article.entities:
        if e.kind == "person" and (text in e.aliases or text == e.name):
            if len(tokens) >= 2:
                how = "name"
            elif titles:
                how = "title"
            else:
                how = "surname" if e.name != ent.text else "name"
            return e, how
    return None, "name"


def _cast_as(article: Article, ent: Span) -> Link | None:
    """The person the cast joined this sighting of a name to, where it told namesakes apart ("Mr
    Williams, a local councillor" is not Rowan Williams; "Prince Charles" is not Charles Kennedy)."""
    seen = next((e for e in article.sighted_at(ent.start_char) if e.kind == "person"), None)
    if seen is None or not seen.kept_apart:
        return None
    tokens, titles = titles_of(article.words, ent)
    if titles and len(tokens) == 1:
        return seen, "title"
    return seen, "name" if len(tokens) > 1 or seen.name == ent.text else "surname"


def _by_org_name(article: Article, ent: Span) -> Link:
    name = org_name(ent).lower()
    for e in article.entities:
        if e.kind == "person" and name in name_keys(e):
            return e, "surname" if " " not in name else "name"
    for e in article.entities:
        if e.kind == "organization" and (e.name.lower() == name or ent.text in e.aliases):
            return e, "name"
    return None, "name"


def _namesake(article: Article, ent: Span) -> Link:
    """A bare surname two people in the article share ("Clinton" for Bill and Hillary Clinton): a
    title's gender decides, else the one most salient just before it, as for a pronoun."""
    tokens, titles = titles_of(article.words, ent)
    if len(tokens) != 1:
        return None, "name"
    entity = sharing_surname(article, tokens[0].lower_, titles, ent.start_char,
                             pronouns_after(ent, article.quoted))
    return entity, "title" if titles else "surname"


def sharing_surname(
    article: Article, surname: str, titles: list[str], pos: int, pronoun_gender: str | None = None
) -> Entity | None:
    """Which of several people with this surname is meant; None unless several have it."""
    namesakes = [e for e in article.entities if e.kind == "person" and len(e.name.split()) > 1
                 and surname_of(e) == surname]
    if len(namesakes) < 2:
        return None
    gender = article.words.gender_of(None, titles) or pronoun_gender
    if gender is not None:
        namesakes = [e for e in namesakes if e.gender != other_gender(gender)] or namesakes
    if len(namesakes) == 1:
        return namesakes[0]
    return most_salient(namesakes, pos, article.sightings)


def person_named(article: Article, name: str, pos: int) -> Entity | None:
    """A person the article names this way ("Hale" for "Margaret Hale"), untagged by the NER."""
    words = name.split()
    titles = [w.lower().rstrip(".") for w in words[:-1] if w.lower().rstrip(".") in article.words.titles]
    if len(titles) == len(words) - 1:
        shared = sharing_surname(article, words[-1].lower(), titles, pos)
        if shared is not None:
            return shared
    key = name.lower()
    people = [e for e in article.entities if e.kind == "person" and key in name_keys(e)]
    return nearest(people, pos) if people else None


def lone_surname(article: Article, mention: Span) -> Entity | None:
    """A lone capitalised word, itself no group or role, that names one person by surname: exactly, when
    the tagger took it for a common noun ("Sanders: …" in a headline read as plural "sanders"), or one
    letter off, a misspelling ("Wines said" after "Leslie Wimes")."""
    tokens = [t for t in mention if not t.is_punct]
    if len(tokens) != 1 or not tokens[0].text[:1].isupper():
        return None
    word = tokens[0].lower_
    if word in article.words.groups or word in article.words.roles:
        return None
    people = [e for e in article.entities if e.kind == "person" and " " in e.name]
    exact = [e for e in people if surname_of(e) == word]
    if exact:
        # a proper noun is left to the name rules after this; a surname two people share says nothing
        return exact[0] if len(exact) == 1 and tokens[0].pos_ != "PROPN" else None
    surnames = {surname_of(e): e for e in people}
    close = [e for key, e in surnames.items() if one_edit_apart(key, word)]
    return close[0] if len(close) == 1 else None
