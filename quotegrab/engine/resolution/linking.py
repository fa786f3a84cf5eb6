"""Linking each claim to its speaker, in text order, and what each link teaches about the ones after it."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from quotegrab.engine.grammar import FEMALE_PRONOUNS, MALE_PRONOUNS
from quotegrab.engine.resolution.article import Article
from quotegrab.engine.resolution.entities import SPEAKER_WEIGHT, Entity, Link
from quotegrab.engine.resolution.sieves import link

if TYPE_CHECKING:  # the rules import this stage, so their Claim is read for type hints only
    from quotegrab.engine.rules.claim import Claim


def link_claims(article: Article, claims: list[Claim]) -> list[Link]:
    """The speaker of each claim and how it was found: a continuation's is the quote's it continues."""
    only_reported = _named_only_in_reports(article, claims)
    reported: list[tuple[int, int, Entity]] = []
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
            if entity is not None and not _reported_by_another(reported, claim.mention.start_char, entity):
                _learn(article, claim, entity, how)
                _remember_speaker(article, claim, entity, how)
                reported.extend(_reported_spans(article, claim, entity))
                if _reports_speech(claim):
                    _demote_inside(article, claim, only_reported - {id(entity)})
    return links


# how much farther away a name inside reported words looks to a later pronoun than one outside them
REPORTED_WEIGHT = 3.0
# the claims whose content is what someone said ("said that …", "…, he argued"): a stance or a view a
# verb is taken to report is too uncertain a claim to weigh names by
_SPEECH_REPORTS = ("complement", "as-aside", "fronted", "fronted-mixed", "according-to")


def _reports_speech(claim: Claim) -> bool:
    return claim.type != "direct" and claim.rule in _SPEECH_REPORTS


def _reported_spans(article: Article, claim: Claim, speaker: Entity) -> list[tuple[int, int, Entity]]:
    """What a claim reports its speaker said, cut to the sentence of its cue."""
    cue = article.doc.char_span(*claim.cue, alignment_mode="expand") if claim.cue is not None else None
    if not _reports_speech(claim) or cue is None or not len(cue):
        return []
    sentence = cue[0].sent
    return [(max(s, sentence.start_char), min(e, sentence.end_char), speaker) for s, e in claim.spans]


def _reported_by_another(reported: list[tuple[int, int, Entity]], where: int, speaker: Entity) -> bool:
    """"But Mr Howard denied Mr Yeo … said the plans "stink". He also said …": a speaker named inside
    what another speaker says in the same sentence is reported, not speaking: the pronouns after it go
    on with the one who reports, so it is no previous speaker and gains no salience. ("Maloy said he
    understands …" is Maloy reporting himself, and goes on.)"""
    return any(a <= where < b and e is not speaker for a, b, e in reported[-6:])


def _named_only_in_reports(article: Article, claims: list[Claim]) -> set[int]:
    """The entities seen nowhere but inside reported speech (one named outside it too, as the article's
    topic often is, keeps its weight)."""
    reported = sorted((s, e) for c in claims if _reports_speech(c) for s, e in c.spans)
    starts = [s for s, _ in reported]

    def inside(where: int) -> bool:
        i = bisect_right(starts, where) - 1
        return i >= 0 and where < reported[i][1]

    outside = {id(e) for w, e, _ in article.sightings if not inside(w)}
    return {id(e) for _, e, _ in article.sightings} - outside


def _demote_inside(article: Article, claim: Claim, demoted: set[int]) -> None:
    """"Mr Howard said Mr Blair had broken his promise. He claimed …": someone named only inside what a
    speaker said is rarely what the next pronoun stands for; the speaker is."""
    if not demoted:
        return
    # only the demoted sightings are replaced: the rest of the list stays as it is, tuples and all
    sightings, spans = article.sightings, claim.spans
    for i, (w, e, s) in enumerate(sightings):
        if id(e) in demoted and any(a <= w < b for a, b in spans):
            sightings[i] = (w, e, s * REPORTED_WEIGHT)


def _remember_speaker(article: Article, claim: Claim, entity: Entity, how: str) -> None:
    """Where a claim and its speaker stand; when its cue is the sentence's main verb, to the end of that
    sentence: what else the sentence names ("X said in an interview, which was conducted by the
    magazine's editor, Boris Johnson") is background to the speaker, not a new topic. A claim in a
    subordinate clause ("While Obama had songs written about him, …") leaves the main clause's names
    their weight."""
    mention = claim.mention
    starts = [s for s, _ in claim.spans] + [mention.start_char]
    end = max([e for _, e in claim.spans] + [mention.end_char])
    cue = article.doc.char_span(*claim.cue, alignment_mode="expand") if claim.cue is not None else None
    if cue is not None and len(cue) and cue.root.dep_ == "ROOT":
        end = max(end, cue.root.sent.end_char)
    article.said.append((min(starts), end, entity, how))


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
        sightings, start, end = article.sightings, mention.start_char, mention.end_char
        for i, (w, e, s) in enumerate(sightings):
            if start <= w < end and e.kind == "person":
                sightings[i] = (w, entity, s)
    if entity.kind == "person" and how not in ("group", "issuer", "spokesperson"):
        # a quoted speaker becomes salient for the pronouns that follow ("someone" does not, nor the
        # author of a report or the one a spokesman speaks for: neither is named where the words are)
        article.add_sighting((mention.start_char, entity, SPEAKER_WEIGHT))
