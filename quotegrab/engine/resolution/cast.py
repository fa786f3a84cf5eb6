"""The article's cast: its names joined into one entity per person or organisation, where each is seen
outside quotes, and each person's gender.

Full names are read first, so that "Trump" finds "Donald Trump" whatever the order of mention. A lone
word joins the person with that surname, or the one person with that given name ("Hillary"), or a surname
one letter off ("McLenney" a paragraph after "Tyresha McClenney"); a surname several people share goes
by a title's gender ("Mrs."), the pronouns after it, then the one most in view. A person's gender comes
from a title, a given name in the name lists, or the pronouns after the name in its sentence when no one
else is named there.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.tokens import Doc, Span, Token

from quotegrab.engine.grammar import FEMALE_PRONOUNS, MALE_PRONOUNS
from quotegrab.engine.resolution.article import Article
from quotegrab.engine.resolution.entities import (
    INTRODUCTION_WEIGHT,
    Entity,
    Sighting,
    most_salient,
    name_keys,
    nearest,
    one_edit_apart,
    other_gender,
    same_org,
    surname_of,
)
from quotegrab.engine.resolution.mentions import (
    appositive_roles,
    cut_at_verb,
    inside_title,
    introduced_as,
    left_descriptors,
    left_roles,
    looks_like_person,
    misread_people,
    org_name,
    place_name,
    pronouns_after,
    salience,
    split_at_address,
    strip_title,
)
from quotegrab.engine.resolution.vocabulary import Vocabulary
from quotegrab.engine.scanner import Quotation, QuotationIndex


def cast(words: Vocabulary, doc: Doc, quotations: list[Quotation], entities: list[Span], text: str) -> Article:
    """The article with its entities and sightings; `entities` are the document's named entities."""
    entities = cut_at_verb(words, doc, split_at_address(doc, entities))
    names = [e for e in entities if e.label_ in ("PERSON", "ORG")]
    people = sorted(names + misread_people(words, doc, entities), key=lambda e: e.start)
    article = Article(words=words, doc=doc, text=text, names=people, quotations=QuotationIndex(quotations))
    casting = _Casting(article)
    casting.join_people()
    _sight_untagged_surnames(article)
    casting.join_organisations()
    _spell_out_acronyms(article)
    article.sort_sightings()
    _weigh_introductions(article.sightings, casting.introductions)
    # countries, states and cities, for "it": "Mexico could retaliate. It has shown it knows how."
    article.places = [(e.start_char, org_name(e), salience(e)) for e in entities
                      if e.label_ == "GPE" and not article.quoted(e.start_char)]
    _vote_gender(article)
    return article


class _Casting:
    """The indexes kept while one article's names are joined into entities."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.words = article.words
        self.by_surname: dict[str, list[Entity]] = {}
        self.by_org: dict[str, Entity] = {}
        self.introductions: set[int] = set()  # where a person is named in full with an apposition

    def join_people(self) -> None:
        words = self.words
        # "he looked gaunt": a PERSON the NER found in words none of which is capitalised names nobody
        # "the Lib Dems" tagged PERSON is a party all the same (models/org_aliases.txt)
        persons = [e for e in self.article.names if (e.label_ == "PERSON" or looks_like_person(words, e))
                   and not place_name(words, e) and any(t.text[:1].isupper() for t in e)
                   and words.org_canonical(org_name(e)) is None]
        # each name's titles are stripped once, for the longest-first order and for the joining
        stripped = [(ent, *strip_title(words, list(ent))) for ent in persons]
        # "supermarket group Winn-Dixie": that name is the organisation's wherever else the NER tagged it
        organisation_names = {p[0].text for p in stripped if _set_after_organisation_noun(self.article, *p)}
        organisation_words = {p[0].start for p in stripped
                              if _organisation_word(self.article, *p) or p[0].text in organisation_names}
        stripped = [p for p in stripped if p[0].start not in organisation_words]
        names = self.article.names
        for i, ent in enumerate(names):
            if ent.start in organisation_words and ent.label_ == "PERSON":
                names[i] = Span(ent.doc, ent.start, ent.end, label="ORG")
        for ent, tokens, titles in sorted(stripped, key=lambda p: -len(p[1])):
            self._join_person(ent, tokens, titles)

    def _join_person(self, ent: Span, tokens: list[Token], titles: list[str]) -> None:
        """Join one PERSON name, its titles stripped (`tokens`, `titles`), to the person it names."""
        words = self.words
        if not tokens:
            return
        # a Span's text, not doc.text sliced: Doc.text rebuilds the whole text on every access
        name = ent.doc[tokens[0].i : tokens[-1].i + 1].text
        surname = tokens[-1].lower_
        royal = _given_name_title(words, ent, tokens)
        if royal is not None:
            # "Prince Charles": a given name with its title is the whole name, which no surname joins
            name, surname = f"{royal.capitalize()} {name}", f"{royal} {name.lower()}"
        roles = set(titles) | set(left_roles(words, ent)) | set(appositive_roles(words, ent))
        roles |= set(left_descriptors(words, ent))
        roles |= {words.title_roles[r] for r in roles if r in words.title_roles}
        # "deputy campaign manager Jo Hart" holds no bare "manager": a deputy's role noun alone is not hers
        roles -= {r.split()[-1] for r in roles if r.split()[0] in words.subordinate_titles and " " in r}
        candidates = self._candidates(tokens, surname)
        # "Mr." written before the entity the NER tagged, as well as inside it
        gender_titles = titles + [r for r in roles if r in words.male_titles or r in words.female_titles]
        if royal is not None:
            entity = candidates[0] if candidates else None
        elif len(tokens) == 1:
            entity, candidates = self._by_surname(ent, candidates, gender_titles)
            if entity is not None and _other_address(words, titles + left_roles(words, ent), entity):
                # "Mr Williams" after "Dr Rowan Williams", the archbishop: another man of that name
                entity, candidates, name = None, [], " ".join(t.text for t in _titled(ent, tokens))
        else:
            entity = self._by_full_name(tokens, name, candidates)
        # a lone given name ("Melanie said") is as telling as a full one; a lone surname is not
        first = tokens[0].text if len(tokens) > 1 or not candidates else None
        if entity is None:
            entity = Entity(name=name, kind="person", gender=words.gender_of(first, gender_titles))
            # a royal, a namesake of other address, a given name several people bear: the cast alone
            # can tell who is meant where
            entity.kept_apart = royal is not None or len(tokens) == 1 and (
                name != tokens[0].text or tokens[0].lower_ in words.first_names)
            self.article.entities.append(entity)
            self.by_surname.setdefault(surname, []).append(entity)
        if entity.gender is None:
            entity.gender = words.gender_of(first, gender_titles)
        entity.roles |= roles
        entity.add_alias(ent.text)
        introduced = introduced_as(words, ent)
        if introduced is not None:
            entity.add_alias(introduced)
        if self._sight(ent, entity):
            entity.positions.append(ent.start_char)
            if len(tokens) > 1 and any(c.dep_ == "appos" for c in ent.root.children):
                self.introductions.add(ent.start_char)

    def _candidates(self, tokens: list[Token], surname: str) -> list[Entity]:
        """The people a name may join: those with its surname, else for a lone word its bearer's given name
        or a surname one letter off."""
        candidates = self.by_surname.get(surname, [])
        if " " in surname:
            return candidates  # a royal's title and given name: the same person only by the same name
        if len(tokens) == 1 and not candidates and surname in self.words.first_names:
            # "Hillary" alone, when one person in the article is called Hillary: her first name (a royal's
            # given name counts: "Charles" may be Prince Charles as much as Charles Kennedy)
            royals = {f"{title} {surname}" for title in self.words.given_name_titles}
            candidates = [e for e in self.article.entities if " " in e.name
                          and (e.name.split()[0].lower() == surname or e.name.lower() in royals)]
            candidates = candidates if len(candidates) == 1 else []
        if len(tokens) == 1 and not candidates and surname not in self.words.first_names:
            # "McLenney" a paragraph after "Tyresha McClenney": a misspelling, not a new person (but
            # "William" is a given name of its own, not a misspelt "Williams")
            candidates = [e for key, named in self.by_surname.items() if one_edit_apart(key, surname) for e in named]
        return candidates

    def _by_surname(
        self, ent: Span, candidates: list[Entity], gender_titles: list[str]
    ) -> tuple[Entity | None, list[Entity]]:
        """Which candidate a lone word names, and the candidates its gender leaves."""
        titled = self.words.gender_of(None, gender_titles)
        if titled is not None:
            # "Mrs. Clinton" is not Bill Clinton; with no woman of that name yet, she is someone new
            candidates = [c for c in candidates if c.gender != other_gender(titled)]
        heard = pronouns_after(ent, self.article.quoted) if len({id(c) for c in candidates}) > 1 else None
        if heard is not None:
            # weaker evidence than a title ("Clinton said she …" may mean another woman): it only
            # chooses between namesakes
            candidates = [c for c in candidates if c.gender != other_gender(heard)] or candidates
        if len({id(c) for c in candidates}) > 1 and all(" " in c.name for c in candidates):
            return most_salient(candidates, ent.start_char, self.article.sightings), candidates
        return (nearest(candidates, ent.start_char) if candidates else None), candidates

    @staticmethod
    def _by_full_name(tokens: list[Token], name: str, candidates: list[Entity]) -> Entity | None:
        first = tokens[0].lower_
        # "Suu Kyi" is the tail of "Aung San Suu Kyi": the same person, named shorter
        entity = next((c for c in candidates if c.name.split()[0].lower() == first
                       or len(c.name.split()) == 1 or c.name.lower().endswith(" " + name.lower())), None)
        # words, not tokens: "Holtz-Eakin" is three tokens but no fuller than "Douglas Holtz-Eakin"
        if entity is not None and len(entity.name.split()) < len(name.split()):
            shorter, entity.name = entity.name, name
            entity.add_alias(shorter)
        return entity

    def join_organisations(self) -> None:
        words = self.words
        for ent in self.article.names:
            known = words.org_canonical(org_name(ent)) is not None
            if not known and (ent.label_ != "ORG" or inside_title(words, ent) or looks_like_person(words, ent)):
                continue
            name = org_name(ent)
            if name:
                self._join_organisation(ent, name)

    def _join_organisation(self, ent: Span, name: str) -> None:
        key = name.lower()
        # NER often tags a bare surname as ORG ("Trump says"): a known person's name wins.
        person = next((e for e in self.article.entities if e.kind == "person" and key in name_keys(e)), None)
        if person is not None:
            person.add_alias(ent.text)
            self._sight(ent, person)
            return
        entity = self.by_org.get(key) or self._same_organisation(name)
        if entity is not None and key not in self.by_org and _owned(ent) and len(name) > len(entity.name):
            # "Next said … Its Next Directory mail order division": a longer name its owner's name
            # begins, owned by an organisation ("its", "their"), is a part of that body, not the body
            entity = None
        if entity is None:
            entity = Entity(name=name, kind="organization")
            self.article.entities.append(entity)
        elif " " not in entity.name and len(name.split()) > 1 and (
                not _acronym(entity.name) or entity.name.upper() == _initials(name, self.words.acronym_skip_words)):
            # "Fairmont" first, "Fairmont Hotels & Resorts" later, "BNP" then "British National Party":
            # the fuller name names the organisation
            shorter, entity.name = entity.name, name
            entity.add_alias(shorter)
        self.by_org[key] = entity
        entity.add_alias(ent.text)
        bracketed = _bracketed_acronym(ent)
        if bracketed is not None:
            # "the Mobile Data Association (MDA)": the letters in brackets name it from now on
            self.by_org.setdefault(bracketed.lower(), entity)
            entity.add_alias(bracketed)
        self._sight(ent, entity)

    def _same_organisation(self, name: str) -> Entity | None:
        """An organisation already named that `name` names too: a longer or shorter form of its name
        ("State Department website"), its acronym ("EC" for "European Commission"), or its first word
        when that word is no general one ("Merrill" for "Merrill Lynch", "Bank" for "Bank of England")."""
        key = name.lower()
        found = next((e for k, e in self.by_org.items() if same_org(k, key)), None)
        if found is not None:
            return found
        alias = next((e for k, e in self.by_org.items() if self.words.same_org_names(k, key)), None)
        if alias is not None:
            return alias  # "the Tories" after "the Conservatives"
        words = self.words
        orgs = list({id(e): e for e in self.by_org.values()}.values())
        if _acronym(name):
            spelt = [e for e in orgs if _initials(e.name, words.acronym_skip_words) == name.upper()]
            return spelt[0] if len(spelt) == 1 else None
        initials = _initials(name, words.acronym_skip_words)
        # "BNP leader Nick Griffin … the British National Party": a full name after its acronym
        abbreviated = [e for e in orgs if _acronym(e.name) and e.name.upper() == initials]
        if len(abbreviated) == 1:
            return abbreviated[0]
        first = key.split()[0]
        if first in words.org_generic_words or "." in first:
            return None
        if " " not in key:
            longer = [e for e in orgs if e.name.lower().split()[0] == key and _short_name(e.name, words)]
            return longer[0] if len(longer) == 1 else None
        if not _short_name(name, words):
            return None
        shorter = [e for e in orgs if e.name.lower() == first and not _acronym(e.name)]
        return shorter[0] if len(shorter) == 1 else None

    def _sight(self, ent: Span, entity: Entity) -> bool:
        """Record where `entity` is named, unless inside a quotation; whether it was recorded."""
        if self.article.quoted(ent.start_char):
            return False
        self.article.sightings.append((ent.start_char, entity, salience(ent)))
        return True


def _sight_untagged_surnames(article: Article) -> None:
    """"Mehmet Oz … Oz is hardly an impartial figure. He's been pilloried …": a surname the NER left
    untagged, written alone, is still where its one bearer is named, so that a pronoun after it can
    go back to that person rather than to someone named earlier."""
    bearers: dict[str, list[Entity]] = {}
    for entity in article.entities:
        if entity.kind == "person" and " " in entity.name:
            bearers.setdefault(surname_of(entity), []).append(entity)
    if not bearers:
        return
    doc = article.doc
    for i in article.written(bearers):
        tok = doc[i]
        people = bearers.get(tok.lower_) if tok.pos_ in ("PROPN", "NOUN") and tok.ent_iob_ == "O" else None
        if not people or len(people) > 1 or not tok.is_title or article.quoted(tok.idx):
            continue
        neighbours = [doc[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
        if any(n.pos_ == "PROPN" for n in neighbours):
            continue  # "Oz Show", "Dr Oz": part of another name, or tagged and sighted already
        article.sightings.append((tok.idx, people[0], salience(doc[tok.i : tok.i + 1])))


def _organisation_word(article: Article, ent: Span, tokens: list[Token], titles: list[str]) -> bool:
    """"Marsh & McLennan … "…," Marsh said": a lone word tagged PERSON, with no title, that begins an
    organisation's name in the article and is nobody's surname there, is that organisation."""
    if len(tokens) != 1 or titles or (ent.start > 0 and article.words.is_title(ent.doc[ent.start - 1])):
        return False
    words, word, names = article.words, tokens[0].lower_, article.names
    if word in words.first_names or any(e.label_ == "PERSON" and len(e) > 1 and e[-1].lower_ == word for e in names):
        return False  # "Paula" of "Paula Radcliffe", "Obama" of "Barack Obama"
    # "the Obama administration", "the Trump campaign" are a person's organisation, not one named after a word
    owned = words.org_nouns | words.informal_org_nouns
    return any(e.label_ == "ORG" and len(e) > 1 and e[0].lower_ == word and e[0].is_title
               and e[1].lower_ not in owned and not looks_like_person(words, e) for e in names)


def _set_after_organisation_noun(article: Article, ent: Span, tokens: list[Token], titles: list[str]) -> bool:
    """"US supermarket group Winn-Dixie has filed …", "water firm Aguas Argentinas": a name tagged
    PERSON, with no title and no first name, set right after an organisation noun (models/org_nouns.txt)
    is that organisation's name; one a "he" or "she" follows in its sentence is a person's ("Newcastle
    centre Mathew Tait answered his critics")."""
    words = article.words
    if titles or not tokens or ent.start == 0 or tokens[0].lower_ in words.first_names:
        return False
    before = ent.doc[ent.start - 1]
    return (before.lower_ in words.org_nouns and before.tag_ == "NN" and before.dep_ == "compound"
            and pronouns_after(ent, article.quoted) is None)


def _given_name_title(words: Vocabulary, ent: Span, tokens: list[Token]) -> str | None:
    """The title before a lone given name ("Prince Charles", "Princes William and Harry"), if any."""
    if len(tokens) != 1:
        return None
    before = ent.doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    if before is None:
        return None
    if before.text == "and" and tokens[0].i > 2:
        before = ent.doc[tokens[0].i - 3]  # "Princes William and Harry": Harry's title is two words back
    return words.given_name_title(before.text)


# forms of address that a plain "Mr" or "Mrs" never stands in for: the archbishop "Dr Rowan Williams" is
# not the "Mr Williams" of the next paragraph
_OTHER_ADDRESS = ("dr", "lord", "lady", "sir", "dame", "archbishop", "bishop", "rev", "reverend", "cardinal",
                  "baroness", "baron")


def _other_address(words: Vocabulary, titles: list[str], entity: Entity) -> bool:
    plain_address = {"mr", "mrs", "ms", "miss"}
    return bool(set(titles) & plain_address) and bool(entity.roles & set(_OTHER_ADDRESS))


def _titled(ent: Span, tokens: list[Token]) -> list[Token]:
    """A lone name with the title written before it: "Mr Williams"."""
    doc = ent.doc
    first = tokens[0].i
    while first > 0 and doc[first - 1].is_title and doc[first - 1].pos_ == "PROPN" and first > tokens[0].i - 2:
        first -= 1
    return list(doc[first : tokens[-1].i + 1])


def _owned(ent: Span) -> bool:
    """Whether a possessive pronoun stands before the name: "its Next Directory". ("South Korea's
    Hyundai Motor" is Hyundai itself.)"""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return before is not None and before.tag_ == "PRP$"


def _short_name(name: str, words: Vocabulary) -> bool:
    """A name of two or three words besides "of", "&" …: one whose first word can stand for it
    ("Merrill Lynch", "Bank of England"), unlike a unit of a larger body ("Columbia University Graduate
    School of Journalism")."""
    kept = [w for w in name.split() if w.lower() not in words.acronym_skip_words]
    return 2 <= len(kept) <= 3


def _acronym(name: str) -> bool:
    """"EC", "MDA", "BPI": two to six capitals (an ampersand allowed: "M&S")."""
    letters = name.replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def _initials(name: str, skipped: frozenset[str]) -> str:
    """"European Commission" -> "EC", "Bank of England" -> "BE"; a name of one word has none."""
    words = [w for w in name.replace("-", " ").split() if w.lower() not in skipped]
    return "".join(w[0] for w in words).upper() if len(words) > 1 else ""


def _bracketed_acronym(ent: Span) -> str | None:
    """The acronym in brackets right after a name, or at its end where the NER took in the bracket
    ("the British Phonographic Industry (BPI")."""
    doc = ent.doc
    inner = [t for t in ent if t.text == "("]
    if inner:
        after = doc[inner[-1].i + 1 : ent.end]
    elif ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
        after = doc[ent.end + 1 : ent.end + 2]
    else:
        return None
    text = after.text.strip(" )")
    return text if _acronym(text) else None


def _spell_out_acronyms(article: Article) -> None:
    """An organisation named only by its acronym ("the ILO said") where the article spells it out
    before it in brackets ("the International Labour Organisation (ILO)", also when the NER did not
    take the full name) is named by the full name; an entity the full name has is the same one."""
    text = article.text
    for entity in [e for e in article.entities if e.kind == "organization" and _acronym(e.name)]:
        full = _spelt_out(text, entity.name, article.words.acronym_skip_words)
        if full is None:
            continue
        same = next((e for e in article.entities if e is not entity and e.kind == "organization"
                     and e.name.lower() == full.lower()), None)
        if same is None:
            acronym, entity.name = entity.name, full
            entity.add_alias(acronym)
            continue
        for alias in [entity.name, *entity.aliases]:
            same.add_alias(alias)
        article.sightings[:] = [(w, same if e is entity else e, s) for w, e, s in article.sightings]
        article.entities.remove(entity)


def _spelt_out(text: str, acronym: str, skipped: frozenset[str]) -> str | None:
    """The capitalised words right before "(ACRONYM)", without a leading "the" or "of", if they begin
    with its first letter: "… the Mobile Data Association (MDA) …" -> "Mobile Data Association"."""
    at = text.find(f"({acronym})")
    if at < 0:
        return None
    words = text[max(0, at - 120) : at].split()
    kept: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() or word.lower() in skipped) or word[-1] in ",.;:":
            break
        kept.insert(0, word)
    while kept and kept[0].lower() in skipped:
        kept.pop(0)
    if kept:
        kept[-1] = kept[-1].removesuffix("'s").removesuffix("\u2019s")
    full = " ".join(kept)
    return full if len(kept) >= 2 and full[:1].upper() == acronym[:1] else None


def _weigh_introductions(sightings: list[Sighting], introductions: set[int]) -> None:
    """"…, which concerns Henry Crespo, president of the caucus." A person first named in full with a
    description is being brought in, most often to be quoted next, whatever the name's syntax."""
    first_seen: set[int] = set()
    for i, (where, entity, weight) in enumerate(sightings):
        if entity.kind == "person" and id(entity) not in first_seen:
            first_seen.add(id(entity))
            if where in introductions:
                sightings[i] = (where, entity, min(weight, INTRODUCTION_WEIGHT))


def _people_by_sentence(article: Article) -> dict[int, list[Entity]]:
    """The people sighted in each sentence, by the sentence's first token; the sentence of a sighting
    is found by bisecting the token and sentence starts, not by building a Span for each."""
    doc = article.doc
    by_sentence: dict[int, list[Entity]] = {}
    people = [(where, entity) for where, entity, _ in article.sightings if entity.kind == "person"]
    if not people or not len(doc):
        return by_sentence
    starts = doc.to_array(IDX).tolist()
    # the sentence starts from the per-token flags, as Doc.sents reads them, without a Span per sentence
    sentences = [0] + (numpy.flatnonzero(doc.to_array(SENT_START)[1:] == 1) + 1).tolist()
    for where, entity in people:
        i = bisect_right(starts, where) - 1  # a sighting is where a name's first token starts
        if i < 0:
            continue
        by_sentence.setdefault(sentences[bisect_right(sentences, i) - 1], []).append(entity)
    return by_sentence


def _vote_gender(article: Article) -> None:
    """Learn a person's gender from the article: "Melanie said her …" makes Melanie female when she
    is the only person named in that sentence."""
    doc, sightings = article.doc, article.sightings
    votes: dict[int, list[int]] = {}
    for start, people in _people_by_sentence(article).items():
        if len({id(p) for p in people}) != 1 or people[0].gender is not None:
            continue
        sent = doc[start].sent
        if len(sent) > 200:
            continue  # not a sentence but a run-on line: no evidence about anyone
        # only pronouns after the name: in "She advises President Kyaw" the name cannot be the
        # pronoun's referent
        first_sighting = min(w for w, e, _ in sightings if e is people[0] and sent.start_char <= w < sent.end_char)
        after = [t for t in sent if t.idx > first_sighting and not article.quoted(t.idx)]
        tally = votes.setdefault(id(people[0]), [0, 0])
        tally[0] += sum(t.lower_ in MALE_PRONOUNS for t in after)
        tally[1] += sum(t.lower_ in FEMALE_PRONOUNS for t in after)
    for _, entity, _ in sightings:
        tally = votes.get(id(entity))
        if entity.gender is None and tally and tally[0] != tally[1]:
            entity.gender = "m" if tally[0] > tally[1] else "f"
