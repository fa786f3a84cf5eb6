"""The people, organisations and groups of an article, and how names are matched to them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Entity:
    """One speaker: a person, an organisation or a group, named by its fullest name in the article."""

    name: str
    kind: str
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    aliases: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)  # where it is named outside quotes
    quote_count: int = 0
    # told apart from namesakes by the cast ("Prince Charles", a "Mr Williams" who is not Dr Rowan
    # Williams): its sightings name it, whatever other entity shares the words
    kept_apart: bool = False
    # name_keys' answer, with the name and the number of aliases it was read from: the cast and the
    # sieves ask it of every person for every name, while a person's names change far more rarely
    keys_cache: tuple[str, int, set[str]] | None = field(default=None, repr=False, compare=False)

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split())
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)


# Where an entity is seen outside quotes: (character offset, entity, weight). The weight multiplies the
# distance to a later pronoun, so the lower it is the likelier the entity is that pronoun's referent.
Sighting = tuple[int, Entity, float]
# The entity a mention stands for (None: nobody), and how it was found: "name", "surname", "pronoun" …
Link = tuple[Entity | None, str]

SPEAKER_WEIGHT = 0.3  # a quoted speaker is what a following pronoun most often denotes
SUBJECT_WEIGHT = 0.5
OBLIQUE_WEIGHT = 1.5
INTRODUCTION_WEIGHT = 0.5


def surname_of(entity: Entity) -> str:
    return entity.name.split()[-1].lower()


def name_keys(entity: Entity) -> set[str]:
    """Lowercased forms a person can be named by: full name, surname, aliases (the caller must not
    change the set: it is kept until the entity's name changes or it gains an alias)."""
    cached = entity.keys_cache
    # aliases are only ever added, so their number tells whether the kept keys are still the entity's
    if cached is not None and cached[0] == entity.name and cached[1] == len(entity.aliases):
        return cached[2]
    keys = {entity.name.lower(), surname_of(entity)}
    keys.update(a.lower() for a in entity.aliases)
    entity.keys_cache = (entity.name, len(entity.aliases), keys)
    return keys


def one_edit_apart(a: str, b: str) -> bool:
    """Surnames of five letters or more that differ by one letter added, dropped, changed or two swapped,
    with the same first letter: how news copy misspells a name it spelt right a paragraph before."""
    if a == b or min(len(a), len(b)) < 5 or a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def same_org(a: str, b: str) -> bool:
    """"state department" names "state department website"; a one-word prefix is too loose."""
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= 2 and long_.startswith(short + " ")


def other_gender(gender: str) -> str:
    return "f" if gender == "m" else "m"


def nearest(candidates: list[Entity], pos: int) -> Entity:
    """The candidate last named before `pos`, full names first; else the one with the shortest name."""
    def key(e: Entity) -> tuple[int, int]:
        earlier = [p for p in e.positions if p <= pos]
        return (0, pos - earlier[-1]) if earlier else (1, len(e.name))

    full = [c for c in candidates if len(c.name.split()) > 1] or candidates
    return min(full, key=key)


def most_salient(candidates: list[Entity], pos: int, sightings: list[Sighting]) -> Entity:
    """Which of several people a bare surname names: the one most recently and most prominently in view,
    its weighted distance divided by how often it has been named so far. Relatives and namesakes of
    an article's main figure are written with a first name precisely because the bare surname is his."""
    best, best_score = None, None
    for candidate in candidates:
        before = [(w, s) for w, e, s in sightings if e is candidate and w < pos]
        if not before:
            continue
        score = min((pos - w) * s for w, s in before) / len(before)
        if best_score is None or score < best_score:
            best, best_score = candidate, score
    return best or nearest(candidates, pos)
