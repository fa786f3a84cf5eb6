"""The contract's quotes and speakers, from the claims and the speakers linked to them."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.attrs import IDX
from spacy.tokens import Doc

from quotegrab.engine.contract import Cue, Mention, Quote, Speaker, SpeakerRef
from quotegrab.engine.contract import Span as CharSpan
from quotegrab.engine.grammar import DETERMINERS, FIRST_PERSON_PRONOUNS, PERSONAL_SUBJECTS
from quotegrab.engine.resolution.entities import Entity, Link
from quotegrab.engine.resolution.mentions import plain
from quotegrab.engine.rules.framing import cue_frame

if TYPE_CHECKING:  # the rules import this stage, so their Claim is read for type hints only
    from quotegrab.engine.rules.claim import Claim


def assemble(
    text: str, claims: list[Claim], links: list[Link], doc: Doc | None = None,
    negating_verbs: frozenset[str] = frozenset(),
) -> tuple[list[Quote], list[Speaker]]:
    """Speakers numbered in order of first quote; each quote's mention becomes an alias of its speaker."""
    # a name that is nothing but markup or punctuation left in the text ('tweet_id="6721…"', "-") names
    # nobody: the quote keeps its mention but no speaker
    links = [(None, how) if entity is not None and not readable_name(entity.name) else (entity, how)
             for entity, how in links]
    for entity, _ in links:
        if entity is not None:
            entity.name = readable_name(entity.name)
    # by identity: two speakers may hold equal fields (two organisations "Fusion" the cast kept apart)
    order: list[Entity] = []
    seen: set[int] = set()
    for entity, _ in links:
        if entity is not None and id(entity) not in seen:
            seen.add(id(entity))
            order.append(entity)
    ids = {id(e): f"s{i}" for i, e in enumerate(order, 1)}
    starts = doc.to_array(IDX).tolist() if doc is not None and len(doc) else []
    quotes = []
    for n, (claim, (entity, how)) in enumerate(zip(claims, links, strict=True), 1):
        speaker = _speaker_ref(claim, entity, how, ids) if entity is not None else None
        cue, negated = None, False
        if claim.cue:
            framing = cue_frame(doc, claim, negating_verbs, starts) if doc is not None else None
            phrase = framing.phrase if framing is not None else text[claim.cue[0] : claim.cue[1]]
            negated = framing is not None and framing.negated
            cue = Cue(text=text[claim.cue[0] : claim.cue[1]], start=claim.cue[0], end=claim.cue[1], phrase=phrase)
        quotes.append(
            Quote(
                id=f"q{n}",
                type=claim.type,
                text=" \u2026 ".join(text[s:e] for s, e in claim.spans),
                spans=[CharSpan(start=s, end=e) for s, e in claim.spans],
                fragments=[CharSpan(start=s, end=e) for s, e in claim.fragments],
                cue=cue,
                negated=negated,
                speaker=speaker,
                rule=claim.rule,
            )
        )
    speakers = [
        Speaker(id=ids[id(e)], name=e.name, kind=e.kind, aliases=[a for a in e.aliases if a != e.name],
                quote_count=e.quote_count)
        for e in order
    ]
    return quotes, speakers


PRONOUNS = FIRST_PERSON_PRONOUNS | PERSONAL_SUBJECTS | {"you", "it"}
_MARKUP = re.compile(r'<[^>]*>?|[\w:-]+="[^"]*"?>?|^[^<>]*>')


def readable_name(name: str) -> str:
    """The name without markup a text carried along ('tweet_id="6721…">California shooting' ->
    "California shooting"); empty when nothing of a name is left."""
    if not any(c in name for c in '<>="'):
        return name if any(c.isalnum() for c in name) else ""
    cleaned = " ".join(_MARKUP.sub(" ", name).split()).strip(" \"'.,:;-")
    # what is left of a tweet's markup is its first word: "I" is no one's name
    words = cleaned.split()
    if not any(c.isalpha() for c in cleaned) or len(words) == 1 and words[0].lower() in PRONOUNS:
        return ""
    return cleaned


def _speaker_ref(claim: Claim, entity: Entity, how: str, ids: dict[int, str]) -> SpeakerRef:
    entity.quote_count += 1
    m = claim.mention
    mention = Mention(text=m.text, start=m.start_char, end=m.end_char) if m is not None else None
    # a spokesman or a report speaks for its organisation but is no name of it
    if m is not None and how not in ("pronoun", "spokesperson", "issuer") and m.root.pos_ != "PRON":
        alias = plain(m) if how == "group" else m.text
        if how == "role" and m[0].lower_ in DETERMINERS:
            alias = alias[:1].lower() + alias[1:]  # "The senator said" -> "the senator"
        entity.add_alias(alias)
    return SpeakerRef(id=ids[id(entity)], name=entity.name, mention=mention, resolved_by=how)
