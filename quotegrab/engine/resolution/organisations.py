"""Finding the holder of a role ("the senator", "Pagliano's lawyer") and the organisation a noun names
("the bank", "the Trump campaign")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from quotegrab.engine.grammar import POSSESSIVE_S
from quotegrab.engine.resolution.article import Article
from quotegrab.engine.resolution.entities import Entity
from quotegrab.engine.resolution.names import by_name
from quotegrab.engine.resolution.pronouns import by_pronoun


def role_holders(article: Article, role: str) -> list[Entity]:
    """The people the article introduces with this role ("the senator": "Sen. Ann Cole"); a deputy's
    role ("vice president") is no holder of the office it deputises for."""
    head = role.split()[-1]
    subordinate = article.words.subordinate_titles
    deputy = role.split()[0] in subordinate
    if role in article.words.compound_offices:
        # "the prime minister", "the attorney general": a compound office is not any "minister" or
        # "general" the article introduces, only one introduced with the whole of it
        # ("Attorney General Eric Schneiderman" has both words of the title among his roles)
        words = set(role.split())
        return [e for e in article.entities if e.kind == "person"
                and (words <= e.roles or any(r == role or r.endswith(" " + role) for r in e.roles))]
    return [e for e in article.entities if e.kind == "person" and (role in e.roles or head in e.roles
            or any(r.endswith(head) and (deputy or r.split()[0] not in subordinate) for r in e.roles))]


def by_role(article: Article, role: str, pos: int) -> Entity | None:
    """The person introduced with this role, the latest named of several; else the nearest person."""
    words = article.words
    head = role.split()[-1]
    subordinate = words.subordinate_titles
    deputy = role.split()[0] in subordinate
    # "The former cabinet secretary said … ¶ … his predecessor as Cabinet Secretary, Lord Armstrong":
    # one introduced with the role only in a later paragraph is not who it refers to (a headline's role,
    # "Warren Hammers Wells Fargo CEO", is the one the body goes on to introduce; "The state attorney
    # general is confirming … But Attorney General Eric Schneiderman …" names the holder in the paragraph)
    holders = role_holders(article, role)
    if pos > article.headline_end:
        paragraph_end = article.text.find("\n", pos)
        until = paragraph_end if paragraph_end >= 0 else len(article.text)
        ids = {id(e) for e in holders}
        holders = list({id(e): e for w, e, _ in article.sightings if w < until and id(e) in ids}.values())
    if not holders:
        # "the senator" with nobody introduced as one: the nearest person, as for a pronoun
        female = head in words.female_titles
        male = head in words.male_titles
        nearest = by_pronoun(article, "she" if female else "he" if male else "one", pos)
        # "Shadow foreign secretary Michael Ancram said … the foreign secretary said": an office nobody
        # was introduced with is never the person who deputises for it or shadows it
        deputising = nearest is not None and any(
            r.split()[0] in subordinate and r.endswith(head) for r in nearest.roles)
        return None if deputising and not deputy else nearest
    if len(holders) == 1:
        return holders[0]
    earlier = [(w, e) for w, e, _ in article.sightings if w < pos and e in holders]
    return earlier[-1][1] if earlier else holders[0]


def holder_for(article: Article, role: str, owner: Entity, pos: int) -> Entity | None:
    """The latest person, named before `pos`, whose introduction holds this role (or a synonym) and the
    owner's name: "An attorney for Pagliano, Mark MacDougall, said …", "Trump spokeswoman Hope Hicks"."""
    words = article.words.role_synonyms.get(role, set()) | {role}
    owner_name = owner.name.split()[-1].lower()
    best, best_at = None, -1
    for entity in article.entities:
        if entity is owner or entity.kind != "person" or not entity.positions:
            continue
        first = min(entity.positions)
        if not first < pos or first <= best_at:
            continue
        token = article.doc.char_span(first, first + 1, alignment_mode="expand")
        if token is None or not len(token):
            continue
        sentence = " " + " ".join(t.lower_ for t in token[0].sent) + " "
        if f" {owner_name} " in sentence and any(f" {w} " in sentence for w in words):
            best, best_at = entity, first
    return best


def owner(article: Article, mention: Span, possessor: Token | None, names: list[Span]) -> Entity | None:
    """Whose organisation or words a mention names: a possessive pronoun or a name inside it."""
    if possessor is not None and possessor.pos_ == "PRON":
        return by_pronoun(article, possessor.lower_, mention.start_char)
    for ent in names:
        entity, _ = by_name(article, ent)
        if entity is not None:
            return entity
    return None


def nearest_org(article: Article, noun: str, pos: int, named_only: bool = False) -> Entity | None:
    """"the bank" -> the organisation named with that noun, else the last organisation named."""
    words = article.words
    # "Bank shares fell": a capitalised common noun the NER took for a name names no organisation
    orgs = [e for e in article.entities if e.kind == "organization" and e.name.lower() not in words.org_nouns]
    named = [e for e in orgs if noun and noun in e.name.lower().split()]
    if named:
        return named[0]
    # "the poll", "the study": a finding of its own unless an organisation was named with the noun
    if noun in words.findings or named_only:
        return None
    earlier = [e for w, e, _ in article.sightings if w < pos and e in orgs]
    # a campaign, party or government is too often someone else's to be the last one named
    return earlier[-1] if earlier and noun not in ("campaign", "party", "government") else None


def formal_org_noun(article: Article, surname: str) -> str | None:
    """The noun the article most often names this person's organisation with ("Trump campaign",
    "Trump's campaign"), if it names one."""
    words, doc = article.words, article.doc
    counts: dict[str, int] = {}
    key = surname.lower()
    for i in article.written([key]):
        token = doc[i]
        nxt = token.nbor(1) if token.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in POSSESSIVE_S and nxt.i + 1 < len(doc):
            nxt = nxt.nbor(1)
        if nxt is not None and nxt.lower_ in words.org_nouns and nxt.lower_ not in words.informal_org_nouns:
            counts[nxt.lower_] = counts.get(nxt.lower_, 0) + 1
    return max(counts, key=lambda n: counts[n]) if counts else None
