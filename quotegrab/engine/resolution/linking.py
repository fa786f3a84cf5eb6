"""Linking each claim to its speaker, in text order, and what each link teaches about the ones after it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from quotegrab.engine.grammar import FEMALE_PRONOUNS, MALE_PRONOUNS
from quotegrab.engine.resolution.article import Article
from quotegrab.engine.resolution.entities import SPEAKER_WEIGHT, Entity, Link
from quotegrab.engine.resolution.sieves import link

if TYPE_CHECKING:  # the rules import this stage, so their Claim is read for type hints only
    from quotegrab.engine.rules.claim import Claim


def link_claims(article: Article, claims: list[Claim]) -> list[Link]:
    """The speaker of each claim and how it was found: a continuation's is the quote's it continues."""
    links: list[Link] = []
    for claim in claims:
        continued = _continued(claims, claim, links)
        if continued is not None:
            links.append(continued)
        elif claim.mention is None:
            links.append((None, "name"))
        else:
            entity, how = link(article, claim.mention)
            links.append((entity, how))
            if entity is not None:
                _learn(article, claim, entity, how)
    return links


def _continued(claims: list[Claim], claim: Claim, links: list[Link]) -> Link | None:
    if claim.continues is None or claim.rule != "continuation":
        return None
    prior_index = next((i for i, c in enumerate(claims) if c is claim.continues), None)
    if prior_index is None or prior_index >= len(links):
        return None
    return links[prior_index][0], "continuation"


def _learn(article: Article, claim: Claim, entity: Entity, how: str) -> None:
    """What a resolved mention tells about the mentions after it."""
    mention = claim.mention
    if entity.gender is None and how == "pronoun":
        # "Obama said. He called …": the person the pronoun was resolved to has its gender from now on
        pronoun = mention.root.lower_
        entity.gender = "m" if pronoun in MALE_PRONOUNS else "f" if pronoun in FEMALE_PRONOUNS else None
    if how in ("surname", "title"):
        # the sighting the cast guessed for a shared surname gives way to the resolved one
        article.sightings[:] = [
            (w, entity if mention.start_char <= w < mention.end_char and e.kind == "person" else e, s)
            for w, e, s in article.sightings
        ]
    if entity.kind == "person" and how not in ("group", "issuer", "spokesperson"):
        # a quoted speaker becomes salient for the pronouns that follow ("someone" does not, nor the
        # author of a report or the one a spokesman speaks for: neither is named where the words are)
        article.sightings.append((mention.start_char, entity, SPEAKER_WEIGHT))
        article.sort_sightings()
