"""Speaker resolution: one entity per person or organisation, named by its fullest name in the article.

Rules, in the order they are tried for a speaker mention:
- a name (PERSON/ORG entity) in the mention: full name, surname or title + surname, linked to the
  fullest name in the article with the same surname (or a lone given name borne by one person, or a
  surname misspelt by one letter); a surname several people share goes by a title's gender ("Mrs."),
  the pronouns after it, then to the one most recently and most often in view;
- a pronoun: the nearest earlier person outside quotation marks that agrees in number and gender,
  subjects preferred over objects, objects over names inside other phrases; "it" may be an organisation
  or a country; indefinite pronouns ("someone") refer to nobody;
- a role noun ("the president"): the person introduced with that role ("President Donald Trump");
  a possessed one ("Pagliano's lawyer") the person introduced with it and the owner's name;
- a plural noun ("officials", "critics"): an unnamed group named by its mention;
- a continuation: the speaker of the quote it continues.

A person's gender comes from a title, a given name in the name lists, pronouns after the name in its
sentence when no one else is named, or a gendered pronoun resolved to them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from quotegrab.engine.contract import Cue, Mention, Quote, Speaker, SpeakerRef
from quotegrab.engine.contract import Span as CharSpan
from quotegrab.engine.grammar import relative_antecedent
from quotegrab.engine.lexicon import Lexicon
from quotegrab.engine.scanner import Quotation, QuotationIndex

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_PLURAL = {"they", "them", "their", "we", "us", "our"}
_FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
_INDEFINITE = {"someone", "somebody", "anyone", "anybody", "nobody", "everyone", "everybody"}
_THINGS = {"something", "anything", "nothing", "everything"}
# pronouns of a share of people ("Some say …", "Many believe …"): a group of its own, not a person named before
_SHARES = {"some", "many", "most", "few", "several", "all"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_QUANTIFIERS = {"several", "many", "some", "most", "few", "numerous", "all", "both", "other", "various", "two",
               "three", "four", "five", "dozens", "hundreds", "thousands", "of"}

@dataclass
class Entity:
    name: str
    kind: str
    gender: str | None = None
    roles: set[str] = field(default_factory=set)
    aliases: list[str] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)  # where it is named outside quotes
    quote_count: int = 0

    def add_alias(self, alias: str) -> None:
        alias = " ".join(alias.split())
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)


class Resolver:
    def __init__(self, lexicon: Lexicon) -> None:
        self.titles = lexicon["titles"]
        self.roles = lexicon["roles"]
        self.groups = lexicon["group_nouns"]
        self.male_titles = lexicon["titles_male"]
        self.female_titles = lexicon["titles_female"]
        self.place_name_nouns = lexicon["place_name_nouns"]
        # "vice president" is no "president"
        self.subordinate_titles = lexicon["titles_subordinate"]
        self.statement_nouns = lexicon["statement_nouns"]
        self.title_roles: dict[str, str] = {}
        for line in lexicon["title_abbreviations"]:
            abbreviation, _, role = line.partition("=")
            if role.strip():
                self.title_roles[abbreviation.strip()] = role.strip()
        self.findings = lexicon["finding_sources"]
        self.org_nouns = lexicon["org_nouns"]
        self.informal_org_nouns = lexicon["org_nouns_informal"]
        self.role_synonyms: dict[str, set[str]] = {}
        for line in lexicon["role_synonyms"]:
            group = {w.strip() for w in line.split("=") if w.strip()}
            for word in group:
                self.role_synonyms.setdefault(word, set()).update(group)
        self.female = lexicon["names_female"]
        self.male = lexicon["names_male"]
        self.first_names = self.female | self.male

    # -- building the article's entities ------------------------------------------------------------

    def _strip_title(self, tokens: list[Token]) -> tuple[list[Token], list[str]]:
        """Split leading titles off a name: "President Donald Trump" -> ([Donald, Trump], ["president"])."""
        titles = []
        # the NER sometimes takes in a dash or a space before the name ("― Christina Lastra")
        while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].is_space):
            tokens = tokens[1:]
        while len(tokens) > 1 and (tokens[0].lower_.rstrip(".") in self.titles or tokens[0].lower_ in ("of",)):
            titles.append(tokens[0].lower_.rstrip("."))
            tokens = tokens[1:]
        while tokens and (tokens[-1].lower_ in ("'s", "\u2019s", "'", "\u2019") or tokens[-1].is_punct
                          or tokens[-1].is_space):
            tokens = tokens[:-1]
        return tokens, titles

    def _left_roles(self, ent: Span) -> list[str]:
        """Role words written right before a name: "Secretary of State Marco Rubio", "Republican nominee"."""
        words: list[str] = []
        i = ent.start - 1
        doc = ent.doc
        while i >= 0 and i >= ent.start - 5:
            tok = doc[i]
            if tok.text == "." and i >= 1 and doc[i - 1].lower_ in self.titles:
                i -= 1  # the tokenizer splits some abbreviations: "Col" "." "Dana Whitfield"
                continue
            if tok.lower_.rstrip(".") in self.titles or tok.lower_ in self.roles or tok.lower_ == "of":
                words.insert(0, tok.lower_.rstrip("."))
                i -= 1
                continue
            if tok.pos_ in ("PROPN", "ADJ", "NOUN") and tok.ent_type_ != "PERSON" and words:
                # "Republican presidential candidate Donald Trump": modifiers of the role
                i -= 1
                continue
            if tok.pos_ in ("ADJ", "PROPN") and not words and i >= 1 and doc[i - 1].lower_ in self.roles:
                i -= 1
                continue
            break
        # "Vice President Mike Pence", "deputy campaign manager": the second in command holds no bare role
        merged: list[str] = []
        for word in words:
            if merged and merged[-1] in self.subordinate_titles:
                merged[-1] = f"{merged[-1]} {word}"
            else:
                merged.append(word)
        return merged

    def _appositive_roles(self, ent: Span) -> list[str]:
        """"Marco Rubio, the secretary of State," -> the role nouns of the apposition."""
        root = ent.root
        roles = []
        for child in root.children:
            if child.dep_ == "appos":
                roles.append(child.lower_)
                roles.extend(t.lower_ for t in child.subtree if t.lower_ in self.roles)
        if root.dep_ == "appos" and root.head.lower_ in self.roles:
            roles.append(root.head.lower_)
        return roles

    def _looks_like_person(self, ent: Span) -> bool:
        """An ORG-tagged "Elena Ruiz": two or three capitalised words starting with a first name."""
        words = [t for t in ent if not t.is_punct]
        first = words[0].lower_ if words else ""
        return (
            ent.label_ == "ORG"
            and 2 <= len(words) <= 3
            and (first in self.female or first in self.male)
            and all(t.text[:1].isupper() for t in words)
        )

    def _place_name(self, ent: Span) -> bool:
        """"the lobby of Trump Tower" tagged PERSON: a building is no one a pronoun can stand for. A first
        name before the last word keeps a person ("John Tower", "Tony Hall")."""
        return len(ent) > 1 and ent[-1].lower_ in self.place_name_nouns and ent[0].lower_ not in self.first_names

    def _misread_people(self, doc: Doc) -> list[Span]:
        """People the small model tags as products, works or nationalities ("Ivanka" PRODUCT): a given
        name alone, or two or three capitalised words starting with one. Places are left alone, since
        many are given names too (Virginia, Charlotte, Madison)."""
        people = []
        for ent in doc.ents:
            if ent.label_ not in ("PRODUCT", "WORK_OF_ART", "NORP"):
                continue
            words = [t for t in ent if not t.is_punct]
            alone = (len(words) == 1 and ent.label_ != "NORP" and words[0].lower_ in self.first_names
                     and words[0].text[:1].isupper())
            if alone or self._first_named(ent):
                people.append(Span(doc, ent.start, ent.end, label="PERSON"))
        # and names it leaves untagged: "Ivanka Trump took the stage", "Ivanka praised …"
        i = 0
        while i < len(doc):
            tok = doc[i]
            if tok.ent_iob_ != "O" or tok.pos_ != "PROPN" or tok.lower_ not in self.first_names:
                i += 1
                continue
            end = i + 1
            while end < len(doc) and end - i < 3 and doc[end].ent_iob_ == "O" and doc[end].pos_ == "PROPN":
                end += 1
            run = Span(doc, i, end, label="PERSON")
            if self._first_named(run) or end == i + 1 and tok.dep_ in ("nsubj", "nsubjpass") and tok.is_title:
                people.append(run)
            i = end
        return people

    def _inside_title(self, ent: Span) -> bool:
        """"State" in "Secretary of State Marco Rubio" is part of a title, not an organisation."""
        doc = ent.doc
        return (
            ent.start >= 2
            and doc[ent.start - 1].lower_ == "of"
            and doc[ent.start - 2].lower_.rstrip(".") in self.titles
            and (doc[ent.start - 2].lower_ in self.roles or ent.end < len(doc) and doc[ent.end].ent_type_ == "PERSON")
        )

    def _gender_of(self, first: str | None, titles: list[str]) -> str | None:
        if any(t in self.female_titles for t in titles):
            return "f"
        if any(t in self.male_titles for t in titles):
            return "m"
        if first:
            first = first.lower()
            if first in self.female and first not in self.male:
                return "f"
            if first in self.male and first not in self.female:
                return "m"
        return None

    def _collect(self, doc: Doc, quotations: list[Quotation]) -> tuple[list[Entity], list[tuple[int, Entity, float]]]:
        """Entities named in the article and where (position, entity, is_subject), outside quotes."""
        index = QuotationIndex(quotations)

        def quoted(pos: int) -> bool:
            return index.at(pos) is not None

        self._quoted = quoted

        entities: list[Entity] = []
        by_surname: dict[str, list[Entity]] = {}
        by_org: dict[str, Entity] = {}
        sightings: list[tuple[int, Entity, float]] = []
        introductions: set[int] = set()  # where a person is named in full with an apposition
        # "he looked gaunt": a PERSON the NER found in words none of which is capitalised names nobody
        persons = [e for e in self._names if (e.label_ == "PERSON" or self._looks_like_person(e))
                   and not self._place_name(e) and any(t.text[:1].isupper() for t in e)]
        # Full names first, so that "Trump" finds "Donald Trump" whatever the order of mention.
        for ent in sorted(persons, key=lambda e: -len(self._strip_title(list(e))[0])):
            tokens, titles = self._strip_title(list(ent))
            if not tokens:
                continue
            # a Span's text, not doc.text sliced: Doc.text rebuilds the whole text on every access
            name = doc[tokens[0].i : tokens[-1].i + 1].text
            surname = tokens[-1].lower_
            roles = set(titles) | set(self._left_roles(ent)) | set(self._appositive_roles(ent))
            roles |= {self.title_roles[r] for r in roles if r in self.title_roles}
            candidates = by_surname.get(surname, [])
            if len(tokens) == 1 and not candidates and surname in self.first_names:
                # "Hillary" alone, when one person in the article is called Hillary: her first name
                candidates = [e for e in entities if " " in e.name and e.name.split()[0].lower() == surname]
                candidates = candidates if len(candidates) == 1 else []
            if len(tokens) == 1 and not candidates:
                # "McLenney" a paragraph after "Tyresha McClenney": a misspelling, not a new person
                candidates = [e for key, named in by_surname.items() if _one_edit_apart(key, surname) for e in named]
            # "Mr." written before the entity the NER tagged, as well as inside it
            gender_titles = titles + [r for r in roles if r in self.male_titles or r in self.female_titles]
            entity = None
            if len(tokens) == 1:
                titled = self._gender_of(None, gender_titles)
                if titled is not None:
                    # "Mrs. Clinton" is not Bill Clinton; with no woman of that name yet, she is someone new
                    candidates = [c for c in candidates if c.gender != ("f" if titled == "m" else "m")]
                heard = self._pronouns_after(ent, quoted) if len({id(c) for c in candidates}) > 1 else None
                if heard is not None:
                    # weaker evidence than a title ("Clinton said she …" may mean another woman): it only
                    # chooses between namesakes
                    candidates = [c for c in candidates if c.gender != ("f" if heard == "m" else "m")] or candidates
                if len({id(c) for c in candidates}) > 1 and all(" " in c.name for c in candidates):
                    entity = _most_salient(candidates, ent.start_char, sightings)
                else:
                    entity = _nearest(candidates, ent.start_char) if candidates else None
            else:
                first = tokens[0].lower_
                # "Suu Kyi" is the tail of "Aung San Suu Kyi": the same person, named shorter
                entity = next((c for c in candidates if c.name.split()[0].lower() == first
                               or len(c.name.split()) == 1 or c.name.lower().endswith(" " + name.lower())), None)
                # words, not tokens: "Holtz-Eakin" is three tokens but no fuller than "Douglas Holtz-Eakin"
                if entity is not None and len(entity.name.split()) < len(name.split()):
                    shorter, entity.name = entity.name, name
                    entity.add_alias(shorter)
            # a lone given name ("Melanie said") is as telling as a full one; a lone surname is not
            first = tokens[0].text if len(tokens) > 1 or not candidates else None
            if entity is None:
                entity = Entity(name=name, kind="person", gender=self._gender_of(first, gender_titles))
                entities.append(entity)
                by_surname.setdefault(surname, []).append(entity)
            if entity.gender is None:
                entity.gender = self._gender_of(first, gender_titles)
            entity.roles |= roles
            entity.add_alias(ent.text)
            title_start = ent.start
            while title_start > 0 and (
                doc[title_start - 1].lower_.rstrip(".") in self.titles or doc[title_start - 1].lower_ == "of"
            ):
                title_start -= 1
            while title_start < ent.start and doc[title_start].lower_ == "of":
                title_start += 1
            if title_start < ent.start:
                # the name as introduced: "Secretary of State Marco Rubio"
                entity.add_alias(doc[title_start : ent.end].text)
            if not quoted(ent.start_char):
                entity.positions.append(ent.start_char)
                sightings.append((ent.start_char, entity, _salience(ent)))
                if len(tokens) > 1 and any(c.dep_ == "appos" for c in ent.root.children):
                    introductions.add(ent.start_char)
        for ent in self._names:
            if ent.label_ != "ORG" or self._inside_title(ent) or self._looks_like_person(ent):
                continue
            name = _org_name(ent)
            if not name:
                continue
            key = name.lower()
            # NER often tags a bare surname as ORG ("Trump says"): a known person's name wins.
            person = next((e for e in entities if e.kind == "person" and key in _name_keys(e)), None)
            if person is not None:
                person.add_alias(ent.text)
                if not quoted(ent.start_char):
                    sightings.append((ent.start_char, person, _salience(ent)))
                continue
            entity = by_org.get(key)
            if entity is None:
                entity = next((e for k, e in by_org.items() if _same_org(k, key)), None)
            if entity is None:
                entity = Entity(name=name, kind="organization")
                entities.append(entity)
            by_org[key] = entity
            entity.add_alias(ent.text)
            if not quoted(ent.start_char):
                sightings.append((ent.start_char, entity, _salience(ent)))
        sightings.sort(key=lambda s: s[0])
        # "…, which concerns Henry Crespo, president of the caucus." A person first named in full with a
        # description is being brought in, most often to be quoted next, whatever the name's syntax.
        first_seen: set[int] = set()
        for i, (where, entity, weight) in enumerate(sightings):
            if entity.kind == "person" and id(entity) not in first_seen:
                first_seen.add(id(entity))
                if where in introductions:
                    sightings[i] = (where, entity, min(weight, _INTRODUCTION_WEIGHT))
        # countries, states and cities, for "it": "Mexico could retaliate. It has shown it knows how."
        self._places = [(e.start_char, _org_name(e), _salience(e)) for e in doc.ents
                        if e.label_ == "GPE" and not quoted(e.start_char)]
        self._vote_gender(doc, sightings, quoted)
        return entities, sightings

    def _vote_gender(self, doc: Doc, sightings: list[tuple[int, Entity, float]], quoted) -> None:
        """Learn a person's gender from the article: "Melanie said her …" makes Melanie female when she
        is the only person named in that sentence."""
        votes: dict[int, list[int]] = {}
        by_sentence: dict[int, list[Entity]] = {}
        for where, entity, _ in sightings:
            token = doc.char_span(where, where + 1, alignment_mode="expand")
            if token is not None and len(token) and entity.kind == "person":
                by_sentence.setdefault(token[0].sent.start, []).append(entity)
        for start, people in by_sentence.items():
            if len({id(p) for p in people}) != 1 or people[0].gender is not None:
                continue
            sent = doc[start].sent
            if len(sent) > 200:
                continue  # not a sentence but a run-on line: no evidence about anyone
            # only pronouns after the name: in "She advises President Kyaw" the name cannot be the
            # pronoun's referent
            first_sighting = min(w for w, e, _ in sightings if e is people[0] and sent.start_char <= w < sent.end_char)
            after = [t for t in sent if t.idx > first_sighting and not quoted(t.idx)]
            male = sum(t.lower_ in _MALE for t in after)
            female = sum(t.lower_ in _FEMALE for t in after)
            tally = votes.setdefault(id(people[0]), [0, 0])
            tally[0] += male
            tally[1] += female
        for _, entity, _ in sightings:
            tally = votes.get(id(entity))
            if entity.gender is None and tally and tally[0] != tally[1]:
                entity.gender = "m" if tally[0] > tally[1] else "f"

    # -- resolving one mention -----------------------------------------------------------------------

    def _resolve(
        self,
        mention: Span,
        entities: list[Entity],
        sightings: list[tuple[int, Entity, float]],
        extra: dict[str, Entity],
    ) -> tuple[Entity | None, str]:
        head = mention.root
        antecedent = relative_antecedent(head)
        if antecedent is not None:
            # a relative pronoun stands for the noun its clause hangs on: "Trump, who said …"
            mention = antecedent.doc[_name_start(antecedent) : antecedent.i + 1]
            head = mention.root
        named = _apposed_to(head)
        if named is not None and named.i < head.i:
            # "Gov. John Kasich of Ohio, a Republican who …", "Rep. Ann Cole, a California Democrat": a
            # description set beside a name is that person, not someone new
            mention = named.doc[_name_start(named) : named.i + 1]
            head = mention.root
        lower = head.lower_
        nearby = self._names_between(mention.start - 8, mention.end + 8)
        names = [e for e in nearby if e.start >= mention.start and e.end <= mention.end and not _is_affix_name(e)]
        if not names:
            names = [e for e in nearby if e.start <= head.i < e.end]
        own = next((e for e in names if e.start <= head.i < e.end), None)
        if own is None:
            appositive = next((c for c in head.children if c.dep_ == "appos"), None)
            # beside the mention ("the spokesman, Brian Fallon"), not a word of a quote the parse hung on it
            if appositive is not None and appositive.i <= mention.end + 4:
                own = next((e for e in self._names_between(appositive.i - 8, appositive.i + 8)
                            if e.start <= appositive.i < e.end), None)
        if own is None:
            # "GOP contender and former neurosurgeon Ben Carson": the name the role runs on to
            own = next((e for e in names if (e.label_ == "PERSON" or self._first_named(e))
                        and e.root.dep_ in ("appos", "conj")
                        and e.root.head.i == head.i), None)
        if own is not None:
            # The head's own name wins: in "Clinton spokesman Brian Fallon" the speaker is Fallon.
            return self._by_name(own, entities, sightings)
        if lower == "it":
            org = self._nearest_org("", mention.start_char, entities, sightings)
            place = self._place_before(mention.start_char, org, sightings)
            if place is not None:
                org = extra.setdefault("organization:" + place.lower(), Entity(name=place, kind="organization"))
            return org, "pronoun"
        if head.pos_ == "NUM" or head.like_num:
            # "Six in 10 say …", "58 percent said …": a share of those polled
            name = _plain(mention)
            return extra.setdefault("group:" + name.lower(), Entity(name=name, kind="group")), "group"
        if lower == "those" and any(c.dep_ in ("acl", "relcl", "prep") for c in head.children):
            # "those surveyed", "those who attended": the group the words after "those" pick out
            words = mention.doc[head.i : head.right_edge.i + 1]
            name = " ".join(words.text.split()) if len(words) <= 6 else mention.text
            name = name[:1].lower() + name[1:]
            return extra.setdefault("group:" + name.lower(), Entity(name=name, kind="group")), "group"
        if lower in _INDEFINITE or (lower == "one" and head.pos_ == "PRON") or lower in _THINGS:
            # "Someone said …", "Everyone agreed …": nobody in particular, so no antecedent to look for
            if lower in _THINGS:
                return None, "pronoun"
            kind = "group" if lower in ("everyone", "everybody") else "person"
            return extra.setdefault(f"{kind}:{lower}", Entity(name=lower, kind=kind)), "group"
        if lower in _SHARES and head.pos_ in ("PRON", "DET") and not any(c.dep_ == "prep" for c in head.children):
            name = _plain(mention).lower()
            return extra.setdefault("group:" + name, Entity(name=name, kind="group")), "group"
        if lower in _MALE | _FEMALE | _PLURAL or (head.pos_ == "PRON" and lower not in _FIRST_PERSON):
            entity = self._by_pronoun(lower, mention.start_char, sightings)
            if lower in _PLURAL - _FIRST_PERSON:
                group = self._group_antecedent(mention, entity, sightings)
                if group is not None:
                    return self._resolve(group, entities, sightings, extra)[0], "pronoun"
            return entity, "pronoun"
        possessor = next((c for c in head.children if c.dep_ == "poss"), None)
        if (lower in self.org_nouns or lower in self.informal_org_nouns) and head.tag_ in ("NN", "NNP"):
            # "the Trump campaign", "her campaign", "the Obama administration": the organisation of a person
            owner = self._owner(mention, possessor, names, entities, sightings)
            if owner is not None and owner.kind == "person":
                surname = owner.name.split()[-1]
                noun = self._formal_org_noun(mention.doc, surname) if lower in self.informal_org_nouns else None
                name = f"{surname} {noun or lower}"
                return extra.setdefault("organization:" + name.lower(), Entity(name=name, kind="organization")), "name"
            # "the convention committee", "the state election board": nouns set before the head say which one,
            # so it is the last organisation named only when that one goes by the same noun
            specific = any(c.dep_ == "compound" and c.i < head.i for c in head.children)
            if _definite(mention) and possessor is None and not names:
                org = self._nearest_org(lower, mention.start_char, entities, sightings, named_only=specific)
                if org is not None:
                    return org, "organization"
        if possessor is not None and lower in self.statement_nouns:
            # "his best response was …", "Trump's statement said …": the possessor speaks
            owner = self._owner(mention, possessor, names, entities, sightings)
            if owner is not None:
                return owner, "pronoun" if possessor.pos_ == "PRON" else "name"
        role = self._role_of(mention)
        if role is not None and possessor is not None and possessor.lower_ not in _FIRST_PERSON | {"your"}:
            # "Pagliano's lawyer": the person introduced as "an attorney for Pagliano"
            owner = self._owner(mention, possessor, names, entities, sightings)
            holder = self._holder_for(role, owner, mention.start_char, entities) if owner is not None else None
            if holder is not None:
                return holder, "role"
        if role is not None and _definite(mention) and possessor is None:
            entity = self._by_role(role, mention.start_char, entities, sightings)
            if entity is not None:
                return entity, "role"
        surnamed = self._lone_surname(mention, entities)
        if surnamed is not None:
            return surnamed, "surname"
        if lower in self.groups or (head.tag_ in ("NNS", "NNPS") and head.ent_type_ != "ORG"):
            name = _plain(mention)
            if mention[0].is_sent_start and mention[0].pos_ != "PROPN" and not mention[0].ent_type_:
                name = name[:1].lower() + name[1:]  # "Officials said" names the group "officials"
            return extra.setdefault("group:" + name.lower(), Entity(name=name, kind="group")), "group"
        person = [e for e in names if e.label_ == "PERSON"]
        named_after = [e for e in person if e.root.dep_ == "appos"]
        if lower in self.roles and named_after:
            # "An attorney for Pagliano, Mark MacDougall, said": the parser hangs the name on "Pagliano",
            # but a role followed by a name in apposition is that person
            return self._by_name(named_after[-1], entities, sightings)
        # "the group backing Jeb Bush", "critics of Trump": a name in a modifier of the head is not the speaker
        person = [e for e in person if not _in_modifier(e, head)]
        chosen = (person or [e for e in names if not _in_modifier(e, head)] or [None])[-1]
        if chosen is not None and lower not in self.roles:
            return self._by_name(chosen, entities, sightings)
        name = _plain(mention)
        if not name:
            return None, "name"
        known = self._person_named(name, mention.start_char, entities, sightings)
        if known is not None:
            return known, "surname" if " " not in name else "name"
        words = [t for t in mention if not t.is_punct]
        titled = [i for i, t in enumerate(words) if t.lower_.rstrip(".") in self.titles or t.lower_ in self.roles]
        if titled and titled[-1] < len(words) - 1:
            # "Phoenix Mayor Greg Stanton": the name after the title, if it is one
            rest = mention.doc[words[titled[-1] + 1].i : words[-1].i + 1]
            if self._first_named(rest):
                known = self._person_named(rest.text, mention.start_char, entities, sightings)
                if known is not None:
                    return known, "name"
                mention, name = rest, rest.text
        if self._first_named(mention):
            # a full name the NER missed ("Elena Ruiz denied …"): a person, named as written, whom a later
            # surname can name too
            key = f"person:{name.lower()}"
            if key not in extra:
                extra[key] = Entity(name=name, kind="person", gender=self._gender_of(name.split()[0], []))
                entities.append(extra[key])
            return extra[key], "name"
        kind = "person" if lower in self.roles or head.ent_type_ == "PERSON" else "organization"
        if kind == "organization":
            same = next((e for e in entities if e.kind == "organization" and e.name.lower() == name.lower()), None)
            if same is not None:
                return same, "organization"
        key = f"{kind}:{name.lower()}"
        return extra.setdefault(key, Entity(name=name, kind=kind)), "role" if kind == "person" else "organization"

    def _formal_org_noun(self, doc: Doc, surname: str) -> str | None:
        """The noun the article most often names this person's organisation with ("Trump campaign",
        "Trump's campaign"), if it names one."""
        counts: dict[str, int] = {}
        key = surname.lower()
        for token in doc:
            if token.lower_ != key:
                continue
            nxt = token.nbor(1) if token.i + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ in ("'s", "\u2019s") and nxt.i + 1 < len(doc):
                nxt = nxt.nbor(1)
            if nxt is not None and nxt.lower_ in self.org_nouns and nxt.lower_ not in self.informal_org_nouns:
                counts[nxt.lower_] = counts.get(nxt.lower_, 0) + 1
        return max(counts, key=lambda n: counts[n]) if counts else None

    def _place_before(self, pos: int, org: Entity | None, sightings: list[tuple[int, Entity, float]]) -> str | None:
        """A country or city named as subject nearer before "it" than the organisation found for it."""
        org_at = max((w for w, e, _ in sightings if e is org and w < pos), default=-1)
        places = [(w, name) for w, name, weight in self._places if org_at < w < pos and weight < 1.0]
        return places[-1][1] if places and pos - places[-1][0] <= _PLURAL_REACH else None

    def _holder_for(self, role: str, owner: Entity, pos: int, entities: list[Entity]) -> Entity | None:
        """The latest person, named before `pos`, whose introduction holds this role (or a synonym) and the
        owner's name: "An attorney for Pagliano, Mark MacDougall, said …", "Trump spokeswoman Hope Hicks"."""
        words = self.role_synonyms.get(role, set()) | {role}
        owner_name = owner.name.split()[-1].lower()
        best, best_at = None, -1
        for entity in entities:
            if entity is owner or entity.kind != "person" or not entity.positions:
                continue
            first = min(entity.positions)
            if not first < pos or first <= best_at:
                continue
            token = self._doc.char_span(first, first + 1, alignment_mode="expand")
            if token is None or not len(token):
                continue
            sentence = " " + " ".join(t.lower_ for t in token[0].sent) + " "
            if f" {owner_name} " in sentence and any(f" {w} " in sentence for w in words):
                best, best_at = entity, first
        return best

    def _lone_surname(self, mention: Span, entities: list[Entity]) -> Entity | None:
        """A lone capitalised word, itself no group or role, that names one person by surname: exactly, when
        the tagger took it for a common noun ("Sanders: …" in a headline read as plural "sanders"), or one
        letter off, a misspelling ("Wines said" after "Leslie Wimes")."""
        words = [t for t in mention if not t.is_punct]
        if len(words) != 1 or not words[0].text[:1].isupper():
            return None
        word = words[0].lower_
        if word in self.groups or word in self.roles:
            return None
        people = [e for e in entities if e.kind == "person" and " " in e.name]
        exact = [e for e in people if e.name.split()[-1].lower() == word]
        if exact:
            # a proper noun is left to the name rules after this; a surname two people share says nothing
            return exact[0] if len(exact) == 1 and words[0].pos_ != "PROPN" else None
        surnames = {e.name.split()[-1].lower(): e for e in people}
        close = [e for key, e in surnames.items() if _one_edit_apart(key, word)]
        return close[0] if len(close) == 1 else None

    def _first_named(self, mention: Span) -> bool:
        """Capitalised words starting with a known first name: "Elena Ruiz"."""
        words = [t for t in mention if not t.is_punct]
        return (
            2 <= len(words) <= 3
            and words[0].lower_ in self.first_names
            and all(t.text[:1].isupper() for t in words)
        )

    def _person_named(
        self, name: str, pos: int, entities: list[Entity], sightings: list[tuple[int, Entity, float]]
    ) -> Entity | None:
        """A person the article names this way ("Hale" for "Margaret Hale"), untagged by the NER."""
        words = name.split()
        titles = [w.lower().rstrip(".") for w in words[:-1] if w.lower().rstrip(".") in self.titles]
        if len(titles) == len(words) - 1:
            shared = self._sharing_surname(words[-1].lower(), titles, pos, entities, sightings)
            if shared is not None:
                return shared
        key = name.lower()
        people = [e for e in entities if e.kind == "person" and key in _name_keys(e)]
        return _nearest(people, pos) if people else None

    def _owner(
        self,
        mention: Span,
        possessor: Token | None,
        names: list[Span],
        entities: list[Entity],
        sightings: list[tuple[int, Entity, float]],
    ) -> Entity | None:
        """Whose organisation or words a mention names: a possessive pronoun or a name inside it."""
        if possessor is not None and possessor.pos_ == "PRON":
            return self._by_pronoun(possessor.lower_, mention.start_char, sightings)
        for ent in names:
            entity, _ = self._by_name(ent, entities, sightings)
            if entity is not None:
                return entity
        return None

    def _nearest_org(
        self, noun: str, pos: int, entities: list[Entity], sightings: list[tuple[int, Entity, float]],
        named_only: bool = False,
    ) -> Entity | None:
        """"the bank" -> the organisation named with that noun, else the last organisation named."""
        # "Bank shares fell": a capitalised common noun the NER took for a name names no organisation
        orgs = [e for e in entities if e.kind == "organization" and e.name.lower() not in self.org_nouns]
        named = [e for e in orgs if noun and noun in e.name.lower().split()]
        if named:
            return named[0]
        # "the poll", "the study": a finding of its own unless an organisation was named with the noun
        if noun in self.findings or named_only:
            return None
        earlier = [e for w, e, _ in sightings if w < pos and e in orgs]
        return earlier[-1] if earlier and noun not in ("campaign", "party", "government") else None

    def _namesake(
        self, ent: Span, entities: list[Entity], sightings: list[tuple[int, Entity, float]]
    ) -> tuple[Entity | None, str]:
        """A bare surname two people in the article share ("Clinton" for Bill and Hillary Clinton): a
        title's gender decides, else the one most salient just before it, as for a pronoun."""
        tokens, titles = self._strip_title(list(ent))
        if len(tokens) != 1:
            return None, "name"
        if ent.start > 0 and ent.doc[ent.start - 1].lower_.rstrip(".") in self.titles:
            titles.append(ent.doc[ent.start - 1].lower_.rstrip("."))
        entity = self._sharing_surname(tokens[0].lower_, titles, ent.start_char, entities, sightings,
                                       self._pronouns_after(ent, self._quoted))
        return entity, "title" if titles else "surname"

    def _pronouns_after(self, ent: Span, quoted: Callable[[int], bool]) -> str | None:
        """"Trump said his …": the gender of the pronouns that follow a name in its sentence, before any
        other person is named and outside quotation marks, when they all agree."""
        male = female = 0
        for token in ent.doc[ent.end : ent.sent.end]:
            if token.ent_type_ == "PERSON":
                break
            if quoted(token.idx):
                continue
            male += token.lower_ in _MALE
            female += token.lower_ in _FEMALE
        return "m" if male and not female else "f" if female and not male else None

    def _sharing_surname(
        self, surname: str, titles: list[str], pos: int, entities: list[Entity],
        sightings: list[tuple[int, Entity, float]], pronoun_gender: str | None = None,
    ) -> Entity | None:
        """Which of several people with this surname is meant; None unless several have it."""
        namesakes = [e for e in entities if e.kind == "person" and len(e.name.split()) > 1
                     and e.name.split()[-1].lower() == surname]
        if len(namesakes) < 2:
            return None
        gender = self._gender_of(None, titles) or pronoun_gender
        if gender is not None:
            namesakes = [e for e in namesakes if e.gender != ("f" if gender == "m" else "m")] or namesakes
        if len(namesakes) == 1:
            return namesakes[0]
        return _most_salient(namesakes, pos, sightings)

    def _by_name(
        self, ent: Span, entities: list[Entity], sightings: list[tuple[int, Entity, float]]
    ) -> tuple[Entity | None, str]:
        namesake, how = self._namesake(ent, entities, sightings)
        if namesake is not None:
            return namesake, how
        if ent.label_ == "ORG" and not self._looks_like_person(ent):
            name = _org_name(ent).lower()
            for e in entities:
                if e.kind == "person" and name in _name_keys(e):
                    return e, "surname" if " " not in name else "name"
            for e in entities:
                if e.kind == "organization" and (e.name.lower() == name or ent.text in e.aliases):
                    return e, "name"
            return None, "name"
        tokens, titles = self._strip_title(list(ent))
        if ent.start > 0 and ent.doc[ent.start - 1].lower_.rstrip(".") in self.titles:
            titles.append(ent.doc[ent.start - 1].lower_.rstrip("."))
        for e in entities:
            if e.kind == "person" and ent.text in e.aliases + [e.name]:
                if len(tokens) >= 2:
                    how = "name"
                elif titles:
                    how = "title"
                else:
                    how = "surname" if e.name != ent.text else "name"
                return e, how
        return None, "name"

    def _by_pronoun(self, pronoun: str, pos: int, sightings: list[tuple[int, Entity, float]]) -> Entity | None:
        want_plural = pronoun in _PLURAL
        best, best_score = None, None
        for where, entity, weight in reversed(sightings):
            if where >= pos:
                continue
            distance = pos - where
            # "they" refers back a sentence or two; a person stays the topic for paragraphs
            if distance > (_PLURAL_REACH if want_plural else _SINGULAR_REACH):
                break
            if want_plural != (entity.kind != "person"):
                continue
            if pronoun in _MALE and entity.gender == "f" or pronoun in _FEMALE and entity.gender == "m":
                continue
            score = distance * weight
            if best_score is None or score < best_score:
                best, best_score = entity, score
        return best

    def _group_antecedent(
        self, mention: Span, entity: Entity | None, sightings: list[tuple[int, Entity, float]]
    ) -> Span | None:
        """The plural noun a "they" goes back to when it is nearer than any organisation named:
        "Democratic leaders are wary of the left, but they do not want …". Groups named by a common
        noun are no entities of their own, so the sightings never hold them."""
        doc = mention.doc
        pos = mention.start_char
        named = max((w for w, e, _ in sightings if e is entity and w < pos), default=-1)
        for tok in reversed(doc[max(0, mention.start - 120) : mention.start]):
            if tok.idx <= named or pos - tok.idx > _PLURAL_REACH:
                return None
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.tag_ not in ("NNS", "NNPS") or self._quoted(tok.idx):
                continue
            if tok.ent_type_ in ("ORG", "GPE", "PERSON") or tok.like_num:
                continue
            return doc[_name_start(tok) : tok.i + 1]
        return None

    def _role_of(self, mention: Span) -> str | None:
        words = [t.lower_ for t in mention if t.lower_ not in _DETERMINERS and not t.is_punct]
        phrase = " ".join(words)
        head = mention.root.lower_
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                cand = " ".join(words[i : i + n])
                # the role must be the head's: "the general public" is no general
                if cand in self.roles and head in words[i : i + n]:
                    return cand
        return phrase if mention.root.lower_ in self.roles else None

    def _by_role(
        self, role: str, pos: int, entities: list[Entity], sightings: list[tuple[int, Entity, float]]
    ) -> Entity | None:
        head = role.split()[-1]
        subordinate = self.subordinate_titles
        deputy = role.split()[0] in subordinate
        holders = [e for e in entities if e.kind == "person" and (role in e.roles or head in e.roles
                   or any(r.endswith(head) and (deputy or r.split()[0] not in subordinate) for r in e.roles))]
        if not holders:
            # "the senator" with nobody introduced as one: the nearest person, as for a pronoun
            female = head in self.female_titles
            male = head in self.male_titles
            return self._by_pronoun("she" if female else "he" if male else "one", pos, sightings)
        if len(holders) == 1:
            return holders[0]
        earlier = [(w, e) for w, e, _ in sightings if w < pos and e in holders]
        return earlier[-1][1] if earlier else holders[0]

    # -- assembling the output -------------------------------------------------------------------------

    def _names_between(self, first: int, last: int) -> list[Span]:
        """PERSON and ORG entities starting in tokens [first, last) of the document being built."""
        lo = bisect_left(self._name_starts, first)
        hi = bisect_left(self._name_starts, last)
        return self._names[lo:hi]

    def build(
        self, doc: Doc, claims: list, quotations: list[Quotation], names: list[Span]
    ) -> tuple[list[Quote], list[Speaker]]:
        """Contract quotes and speakers for `claims`; `names` are the document's PERSON and ORG entities."""
        text = doc.text
        self._doc = doc
        self._names = sorted(names + self._misread_people(doc), key=lambda e: e.start)
        self._name_starts = [e.start for e in self._names]
        entities, sightings = self._collect(doc, quotations)
        extra: dict[str, Entity] = {}
        resolved: list[tuple[Entity | None, str]] = []
        for claim in claims:
            if claim.continues is not None and claim.rule == "continuation":
                prior_index = next((i for i, c in enumerate(claims) if c is claim.continues), None)
                if prior_index is not None and prior_index < len(resolved):
                    entity, _ = resolved[prior_index]
                    resolved.append((entity, "continuation"))
                    continue
            if claim.mention is None:
                resolved.append((None, "name"))
                continue
            entity, how = self._resolve(claim.mention, entities, sightings, extra)
            resolved.append((entity, how))
            if entity is not None and entity.gender is None and how == "pronoun":
                # "Obama said. He called …": the person the pronoun was resolved to has its gender from now on
                pronoun = claim.mention.root.lower_
                entity.gender = "m" if pronoun in _MALE else "f" if pronoun in _FEMALE else None
            if entity is not None and how in ("surname", "title"):
                # the sighting _collect guessed for a shared surname gives way to the resolved one
                m = claim.mention
                sightings[:] = [(w, entity if m.start_char <= w < m.end_char and e.kind == "person" else e, s)
                                for w, e, s in sightings]
            if entity is not None and entity.kind == "person" and how != "group":
                # a quoted speaker becomes salient for the pronouns that follow ("someone" does not)
                sightings.append((claim.mention.start_char, entity, _SPEAKER_WEIGHT))
                sightings.sort(key=lambda s: s[0])
        order: list[Entity] = []
        for entity, _ in resolved:
            if entity is not None and entity not in order:
                order.append(entity)
        ids = {id(e): f"s{i}" for i, e in enumerate(order, 1)}
        quotes = []
        for n, (claim, (entity, how)) in enumerate(zip(claims, resolved, strict=True), 1):
            speaker = None
            if entity is not None:
                entity.quote_count += 1
                m = claim.mention
                mention = Mention(text=m.text, start=m.start_char, end=m.end_char) if m is not None else None
                if m is not None and how != "pronoun" and m.root.pos_ != "PRON":
                    alias = _plain(m) if how == "group" else m.text
                    if how == "role" and m[0].lower_ in _DETERMINERS:
                        alias = alias[:1].lower() + alias[1:]  # "The senator said" -> "the senator"
                    entity.add_alias(alias)
                speaker = SpeakerRef(id=ids[id(entity)], name=entity.name, mention=mention, resolved_by=how)
            spans = [CharSpan(start=s, end=e) for s, e in claim.spans]
            cue = None
            if claim.cue:
                cue = Cue(text=text[claim.cue[0] : claim.cue[1]], start=claim.cue[0], end=claim.cue[1])
            quotes.append(
                Quote(
                    id=f"q{n}",
                    type=claim.type,
                    text=" \u2026 ".join(text[s:e] for s, e in claim.spans),
                    spans=spans,
                    fragments=[CharSpan(start=s, end=e) for s, e in claim.fragments],
                    cue=cue,
                    speaker=speaker,
                )
            )
        speakers = [
            Speaker(id=ids[id(e)], name=e.name, kind=e.kind, aliases=[a for a in e.aliases if a != e.name],
                    quote_count=e.quote_count)
            for e in order
        ]
        return quotes, speakers


_PLURAL_REACH = 600  # characters back a plural pronoun looks for its antecedent
_SINGULAR_REACH = 3000
_SPEAKER_WEIGHT = 0.3  # a quoted speaker is what a following pronoun most often denotes
_OBLIQUE_WEIGHT = 1.5
_INTRODUCTION_WEIGHT = 0.5


def _in_modifier(name: Span, head: Token) -> bool:
    """True when `name` hangs on `head` through a prepositional or clausal modifier ("of", "backing")."""
    tok = name.root
    for _ in range(8):
        if tok.i == head.i or tok.head.i == tok.i:
            return False
        if tok.dep_ in ("prep", "acl", "relcl", "advcl"):
            return True
        tok = tok.head
    return False


def _salience(ent: Span) -> float:
    """Distance multiplier for a name: subjects are likelier antecedents than objects, and objects than
    names inside other phrases ("Kyi's statement", "the Trump campaign", "hatred of Clinton")."""
    dep = ent.root.dep_
    if dep in ("nsubj", "nsubjpass"):
        return 0.5
    if dep in ("poss", "compound", "pobj", "npadvmod", "nmod", "amod"):
        return _OBLIQUE_WEIGHT
    return 1.0


def _is_affix_name(ent: Span) -> bool:
    """"pro-Clinton", "anti-Trump": a name used as a modifier, not a mention of its bearer."""
    return ent.text.lower().startswith(("pro-", "anti-", "pro -", "anti -"))


def _most_salient(candidates: list[Entity], pos: int, sightings: list[tuple[int, Entity, float]]) -> Entity:
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
    return best or _nearest(candidates, pos)


def _nearest(candidates: list[Entity], pos: int) -> Entity:
    def key(e: Entity) -> tuple[int, int]:
        earlier = [p for p in e.positions if p <= pos]
        return (0, pos - earlier[-1]) if earlier else (1, len(e.name))

    full = [c for c in candidates if len(c.name.split()) > 1] or candidates
    return min(full, key=key)


def _one_edit_apart(a: str, b: str) -> bool:
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


def _name_keys(entity: Entity) -> set[str]:
    """Lowercased forms a person can be named by: full name, surname, aliases."""
    keys = {entity.name.lower(), entity.name.split()[-1].lower()}
    keys.update(a.lower() for a in entity.aliases)
    return keys


def _same_org(a: str, b: str) -> bool:
    """"state department" names "state department website"; a one-word prefix is too loose."""
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= 2 and long_.startswith(short + " ")


def _apposed_to(head: Token) -> Token | None:
    """The name a description stands beside as an apposition ("X, a Republican", "X, professor at Yale and
    author of …"), if the description is one."""
    if head.ent_type_ not in ("", "NORP") or head.tag_ in ("NNS", "NNPS"):
        return None  # a name of its own, or a group ("party leaders who …"), is no description of one person
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    if head.dep_ != "appos":
        return None
    name = head.head
    return name if name.ent_type_ == "PERSON" else None


def _definite(mention: Span) -> bool:
    """The mention points back to someone already known: "the senator", "his lawyer", "Senator". Only the
    head's own determiner counts: "a spokeswoman for the party" is somebody new."""
    head = mention.root
    determiners = [c for c in head.children if c.dep_ in ("det", "poss") and c.i < head.i]
    if any(c.lower_ in ("a", "an", "another", "one") for c in determiners):
        return False
    return any(c.lower_ in ("the", "this", "that") or c.dep_ == "poss" for c in determiners) or head.tag_ == "NNP"


def _plain(mention: Span) -> str:
    """A mention without leading determiners or quantifiers: "the officials", "several officials" -> "officials"."""
    words = [t for t in mention if not t.is_punct or t.text == "-"]
    while len(words) > 1 and (words[0].lower_ in _DETERMINERS or words[0].lower_ in _QUANTIFIERS):
        words = words[1:]
    if not words:
        return ""
    # a Span's text, not doc.text sliced: Doc.text rebuilds the whole text on every access
    return " ".join(mention.doc[words[0].i : words[-1].i + 1].text.split())


def _org_name(ent: Span) -> str:
    # the NER sometimes takes in a dash or a space before the name ("― Christina Lastra")
    name = re.sub(r"^[\W_]+", "", ent.text.strip())
    name = re.sub(r"^(the|The)\s+", "", name)
    name = re.sub(r"['\u2019]s?$", "", name).strip()
    return name


def _name_start(head: Token) -> int:
    """First token of the noun phrase a head ends, without relative clauses or appositions."""
    start = head.i
    for tok in reversed(list(head.lefts)):
        if tok.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "case", "quantmod"):
            start = min(start, tok.left_edge.i)
    return start
