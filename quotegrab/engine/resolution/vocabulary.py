"""The lexicon's word lists resolution reads, loaded once per pipeline and shared by every article."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from quotegrab.engine.lexicon import Lexicon

# the fields that are one of the lexicon's word lists as it is, by the list's name in models/
_WORD_LISTS: dict[str, str] = {
    "titles": "titles",
    "roles": "roles",
    "groups": "group_nouns",
    "male_titles": "titles_male",
    "female_titles": "titles_female",
    "place_name_nouns": "place_name_nouns",
    "subordinate_titles": "titles_subordinate",
    "statement_nouns": "statement_nouns",
    "findings": "finding_sources",
    "org_nouns": "org_nouns",
    "informal_org_nouns": "org_nouns_informal",
    "female": "names_female",
    "male": "names_male",
    "org_generic_words": "org_generic_words",
    "acronym_skip_words": "acronym_skip_words",
    "spokespeople": "spokesperson_nouns",
    "official_spokespeople": "spokesperson_nouns_official",
    "epithets": "epithet_nouns",
    "documents": "document_nouns",
    "given_name_titles": "titles_given_name",
    "compound_offices": "offices_compound",
    "name_particles": "name_particles",
    "pair_nouns": "pair_nouns",
    "body_members": "body_members",
    "negating_verbs": "negating_verbs",
    "speech_verbs": "cue_verbs",
}


@dataclass(frozen=True)
class Vocabulary:
    titles: frozenset[str]
    roles: frozenset[str]
    groups: frozenset[str]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    place_name_nouns: frozenset[str]
    # "vice president" is no "president"
    subordinate_titles: frozenset[str]
    statement_nouns: frozenset[str]
    # "Sen." holds the role "senator"
    title_roles: dict[str, str]
    findings: frozenset[str]
    org_nouns: frozenset[str]
    informal_org_nouns: frozenset[str]
    # each role word to the words meaning the same ("lawyer" = "attorney")
    role_synonyms: dict[str, set[str]]
    female: frozenset[str]
    male: frozenset[str]
    first_names: frozenset[str]
    # first words too general to name one organisation alone ("Senate", "National")
    org_generic_words: frozenset[str]
    acronym_skip_words: frozenset[str]
    # who speaks for another ("a spokesman for X", "sources at X")
    spokespeople: frozenset[str]
    # who speaks on the record for a body, so that one with no one named speaks for the body in view
    official_spokespeople: frozenset[str]
    # what copy calls a person it has just quoted ("the champion", "the former teacher")
    epithets: frozenset[str]
    # what an issuer publishes ("a report by X", "X's latest figures")
    documents: frozenset[str]
    # titles before a given name ("Prince Charles"), which no surname joins
    given_name_titles: frozenset[str]
    # offices that are no office of their last word ("prime minister" is no "minister")
    compound_offices: frozenset[str]
    # lower-case words of people's names ("van", "den"), never a headline's verb
    name_particles: frozenset[str]
    # nouns naming people by their number ("the pair", "the two")
    pair_nouns: frozenset[str]
    # who acts for a body named before them ("Lib Dem officials")
    body_members: frozenset[str]
    # each office to its seat, whose spokespeople speak for it ("prime minister" -> "downing street")
    office_seats: dict[str, str]
    # verbs that negate a report they govern ("refused to say")
    negating_verbs: frozenset[str]
    # verbs of saying (models/cue_verbs.txt): the subject of one speaks, and a "he" after goes on with it
    speech_verbs: frozenset[str]
    # each organisation's name to the names that stand for it too ("tories" -> the Conservatives)
    org_aliases: dict[str, frozenset[str]]
    # each such name to its line's names, most formal first ("tory" -> conservatives, conservative party …)
    org_alias_lines: dict[str, tuple[str, ...]]

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> Vocabulary:
        title_roles: dict[str, str] = {}
        for line in lexicon["title_abbreviations"]:
            abbreviation, _, role = line.partition("=")
            if role.strip():
                title_roles[abbreviation.strip()] = role.strip()
        role_synonyms: dict[str, set[str]] = {}
        for line in lexicon["role_synonyms"]:
            group = {w.strip() for w in line.split("=") if w.strip()}
            for word in group:
                role_synonyms.setdefault(word, set()).update(group)
        lists = {field: lexicon[name] for field, name in _WORD_LISTS.items()}
        return cls(
            **lists,
            title_roles=title_roles,
            role_synonyms=role_synonyms,
            first_names=lexicon["names_female"] | lexicon["names_male"],
            office_seats=_office_seats(lexicon["office_seats"]),
            org_aliases=_alias_groups(lexicon["org_aliases"]),
            org_alias_lines=_alias_lines(lexicon["org_aliases"]),
        )

    def same_org_names(self, a: str, b: str) -> bool:
        """"Tories" and "Conservatives" name one party (models/org_aliases.txt)."""
        return b.lower() in self.org_aliases.get(a.lower(), frozenset())

    def org_canonical(self, name: str) -> str | None:
        """The one key of the names that stand for one organisation ("tories" -> "conservatives")."""
        group = self.org_aliases.get(name.lower().removeprefix("the "))
        return min(group) if group else None

    def is_title(self, token: Token) -> bool:
        """"Sen.", "President": a title, with or without its abbreviation's full stop."""
        return token.lower_.rstrip(".") in self.titles

    def given_name_title(self, word: str) -> str | None:
        """"Prince", "princes", "Queen" -> the title in the singular, if it goes before a given name."""
        word = word.lower()
        return next((s for s in (word, word.removesuffix("es"), word.removesuffix("s")) if s in self.given_name_titles),
                    None)

    def gender_of(self, first: str | None, titles: list[str]) -> str | None:
        """"f" or "m" from a gendered title ("Mrs."), else from a given name borne by one gender only."""
        if titles and not self.female_titles.isdisjoint(titles):
            return "f"
        if titles and not self.male_titles.isdisjoint(titles):
            return "m"
        if first:
            first = first.lower()
            if first in self.female and first not in self.male:
                return "f"
            if first in self.male and first not in self.female:
                return "m"
        return None


def _alias_groups(lines: frozenset[str]) -> dict[str, frozenset[str]]:
    groups: dict[str, frozenset[str]] = {}
    for line in lines:
        names = frozenset(w.strip() for w in line.split("=") if w.strip())
        for name in names:
            groups[name] = groups.get(name, frozenset()) | names
    return groups


def _alias_lines(lines: frozenset[str]) -> dict[str, tuple[str, ...]]:
    ordered: dict[str, tuple[str, ...]] = {}
    for line in lines:
        names = tuple(w.strip() for w in line.split("=") if w.strip())
        for name in names:
            ordered.setdefault(name, names)
    return ordered



def _office_seats(lines: frozenset[str]) -> dict[str, str]:
    """"prime minister = downing street": each office to its seat."""
    pairs = (line.partition("=") for line in lines)
    return {office.strip(): seat.strip() for office, _, seat in pairs if seat.strip()}
