"""Speaker resolution: one entity per person or organisation, named by its fullest name in the article.

Rules, in the order they are tried for a speaker mention:
- a name (PERSON/ORG entity) in the mention: full name, surname or title + surname, linked to the
  fullest name in the article with the same surname;
- a pronoun: the nearest earlier person outside quotation marks that agrees in number and gender,
  subjects preferred;
- a role noun ("the president"): the person introduced with that role ("President Donald Trump");
- a plural noun ("officials", "critics"): an unnamed group named by its mention;
- a continuation: the speaker of the quote it continues.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from quotegrab.contract import Cue, Mention, Quote, Speaker, SpeakerRef
from quotegrab.contract import Span as CharSpan
from quotegrab.lexicon import Lexicon
from quotegrab.scanner import Quotation, QuotationIndex

_MALE = {"he", "him", "his", "himself"}
_FEMALE = {"she", "her", "hers", "herself"}
_PLURAL = {"they", "them", "their", "we", "us", "our"}
_FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
_MALE_TITLES = {"mr", "mr.", "sir", "king", "prince", "father", "lord", "congressman", "businessman", "spokesman"}
_FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "queen", "dame", "sister", "congresswoman",
                  "businesswoman", "spokeswoman", "first lady", "chairwoman"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_QUANTIFIERS = {"several", "many", "some", "most", "few", "numerous", "all", "both", "other", "various", "two",
               "three", "four", "five", "dozens", "hundreds", "thousands", "of"}
# Nouns for what someone said or wrote: their possessor is the speaker.
_SAYINGS = {"response", "statement", "remarks", "remark", "comments", "comment", "tweet", "email", "letter",
            "speech", "message", "post", "answer", "reply", "argument", "view", "position", "words", "claim"}
# Title abbreviations written before names, as the role they denote.
_TITLE_ROLES = {"sen": "senator", "rep": "representative", "gov": "governor", "pres": "president",
                "sec": "secretary", "gen": "general", "lt": "lieutenant", "col": "colonel", "adm": "admiral",
                "amb": "ambassador", "atty": "attorney", "dr": "doctor", "prof": "professor"}


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
        self.org_nouns = lexicon["org_nouns"]
        self.female = lexicon["names_female"]
        self.male = lexicon["names_male"]
        self.first_names = self.female | self.male

    # -- building the article's entities ------------------------------------------------------------

    def _strip_title(self, tokens: list[Token]) -> tuple[list[Token], list[str]]:
        """Split leading titles off a name: "President Donald Trump" -> ([Donald, Trump], ["president"])."""
        titles = []
        while len(tokens) > 1 and (tokens[0].lower_.rstrip(".") in self.titles or tokens[0].lower_ in ("of",)):
            titles.append(tokens[0].lower_.rstrip("."))
            tokens = tokens[1:]
        while tokens and (tokens[-1].lower_ in ("'s", "\u2019s", "'", "\u2019") or tokens[-1].is_punct):
            tokens = tokens[:-1]
        return tokens, titles

    def _left_roles(self, ent: Span) -> list[str]:
        """Role words written right before a name: "Secretary of State Marco Rubio", "Republican nominee"."""
        words: list[str] = []
        i = ent.start - 1
        doc = ent.doc
        while i >= 0 and i >= ent.start - 5:
            tok = doc[i]
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
        return words

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
        if any(t in _FEMALE_TITLES for t in titles):
            return "f"
        if any(t in _MALE_TITLES for t in titles):
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

        entities: list[Entity] = []
        by_surname: dict[str, list[Entity]] = {}
        by_org: dict[str, Entity] = {}
        sightings: list[tuple[int, Entity, float]] = []
        persons = [e for e in self._names if e.label_ == "PERSON" or self._looks_like_person(e)]
        # Full names first, so that "Trump" finds "Donald Trump" whatever the order of mention.
        for ent in sorted(persons, key=lambda e: -len(self._strip_title(list(e))[0])):
            tokens, titles = self._strip_title(list(ent))
            if not tokens:
                continue
            # a Span's text, not doc.text sliced: Doc.text rebuilds the whole text on every access
            name = doc[tokens[0].i : tokens[-1].i + 1].text
            surname = tokens[-1].lower_
            roles = set(titles) | set(self._left_roles(ent)) | set(self._appositive_roles(ent))
            roles |= {_TITLE_ROLES[r] for r in roles if r in _TITLE_ROLES}
            candidates = by_surname.get(surname, [])
            entity = None
            if len(tokens) == 1:
                entity = _nearest(candidates, ent.start_char) if candidates else None
            else:
                first = tokens[0].lower_
                entity = next((c for c in candidates if c.name.split()[0].lower() == first
                               or len(c.name.split()) == 1), None)
                if entity is not None and len(entity.name.split()) < len(tokens):
                    entity.add_alias(entity.name)
                    entity.name = name
            if entity is None:
                gender = self._gender_of(tokens[0].text if len(tokens) > 1 else None, titles)
                entity = Entity(name=name, kind="person", gender=gender)
                entities.append(entity)
                by_surname.setdefault(surname, []).append(entity)
            if entity.gender is None:
                entity.gender = self._gender_of(tokens[0].text if len(tokens) > 1 else None, titles)
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
            male = sum(t.lower_ in _MALE for t in sent if not quoted(t.idx))
            female = sum(t.lower_ in _FEMALE for t in sent if not quoted(t.idx))
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
        if head.lower_ in ("who", "that", "which") and head.head.dep_ == "relcl":
            # a relative pronoun stands for the noun its clause hangs on: "Trump, who said …"
            antecedent = head.head.head
            mention = antecedent.doc[_name_start(antecedent) : antecedent.i + 1]
            head = mention.root
        lower = head.lower_
        nearby = self._names_between(mention.start - 8, mention.end + 8)
        names = [e for e in nearby if e.start >= mention.start and e.end <= mention.end and not _is_affix_name(e)]
        if not names:
            names = [e for e in nearby if e.start <= head.i < e.end]
        own = next((e for e in names if e.start <= head.i < e.end), None)
        if own is None:
            appositive = next((c for c in head.children if c.dep_ == "appos"), None)
            if appositive is not None:
                own = next((e for e in self._names_between(appositive.i - 8, appositive.i + 8)
                            if e.start <= appositive.i < e.end), None)
        if own is not None:
            # The head's own name wins: in "Clinton spokesman Brian Fallon" the speaker is Fallon.
            return self._by_name(own, entities)
        if lower == "it":
            org = self._nearest_org("", mention.start_char, entities, sightings)
            return org, "pronoun"
        if head.pos_ == "NUM" or head.like_num:
            # "Six in 10 say …", "58 percent said …": a share of those polled
            name = _plain(mention)
            return extra.setdefault("group:" + name.lower(), Entity(name=name, kind="group")), "group"
        if lower in _MALE | _FEMALE | _PLURAL or (head.pos_ == "PRON" and lower not in _FIRST_PERSON):
            return self._by_pronoun(lower, mention.start_char, sightings), "pronoun"
        possessor = next((c for c in head.children if c.dep_ == "poss"), None)
        if lower in self.org_nouns and head.tag_ in ("NN", "NNP"):
            # "the Trump campaign", "her campaign", "the Obama administration": the organisation of a person
            owner = self._owner(mention, possessor, names, entities, sightings)
            if owner is not None and owner.kind == "person":
                name = f"{owner.name.split()[-1]} {lower}"
                return extra.setdefault("organization:" + name.lower(), Entity(name=name, kind="organization")), "name"
            if _definite(mention) and possessor is None and not names:
                org = self._nearest_org(lower, mention.start_char, entities, sightings)
                if org is not None:
                    return org, "organization"
        if possessor is not None and lower in _SAYINGS:
            # "his best response was …", "Trump's statement said …": the possessor speaks
            owner = self._owner(mention, possessor, names, entities, sightings)
            if owner is not None:
                return owner, "pronoun" if possessor.pos_ == "PRON" else "name"
        role = self._role_of(mention)
        if role is not None and _definite(mention) and possessor is None:
            entity = self._by_role(role, mention.start_char, entities, sightings)
            if entity is not None:
                return entity, "role"
        if lower in self.groups or (head.tag_ in ("NNS", "NNPS") and head.ent_type_ != "ORG"):
            name = _plain(mention)
            if mention[0].is_sent_start and mention[0].pos_ != "PROPN":
                name = name[:1].lower() + name[1:]  # "Officials said" names the group "officials"
            return extra.setdefault("group:" + name.lower(), Entity(name=name, kind="group")), "group"
        person = [e for e in names if e.label_ == "PERSON"]
        chosen = (person or names or [None])[-1]
        if chosen is not None and lower not in self.roles:
            return self._by_name(chosen, entities)
        name = _plain(mention)
        if not name:
            return None, "name"
        known = self._person_named(name, mention.start_char, entities)
        if known is not None:
            return known, "surname" if " " not in name else "name"
        if self._first_named(mention):
            # a full name the NER missed ("Elena Ruiz denied …"): a person, named as written
            return extra.setdefault(f"person:{name.lower()}", Entity(name=name, kind="person")), "name"
        kind = "person" if lower in self.roles or head.ent_type_ == "PERSON" else "organization"
        if kind == "organization":
            same = next((e for e in entities if e.kind == "organization" and e.name.lower() == name.lower()), None)
            if same is not None:
                return same, "organization"
        key = f"{kind}:{name.lower()}"
        return extra.setdefault(key, Entity(name=name, kind=kind)), "role" if kind == "person" else "organization"

    def _first_named(self, mention: Span) -> bool:
        """Capitalised words starting with a known first name: "Elena Ruiz"."""
        words = [t for t in mention if not t.is_punct]
        return (
            2 <= len(words) <= 3
            and words[0].lower_ in self.first_names
            and all(t.text[:1].isupper() for t in words)
        )

    def _person_named(self, name: str, pos: int, entities: list[Entity]) -> Entity | None:
        """A person the article names this way ("Hale" for "Margaret Hale"), untagged by the NER."""
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
            entity, _ = self._by_name(ent, entities)
            if entity is not None:
                return entity
        return None

    def _nearest_org(
        self, noun: str, pos: int, entities: list[Entity], sightings: list[tuple[int, Entity, float]]
    ) -> Entity | None:
        """"the bank" -> the organisation named with that noun, else the last organisation named."""
        orgs = [e for e in entities if e.kind == "organization"]
        named = [e for e in orgs if noun and noun in e.name.lower().split()]
        if named:
            return named[0]
        earlier = [e for w, e, _ in sightings if w < pos and e.kind == "organization"]
        return earlier[-1] if earlier and noun not in ("campaign", "party", "government") else None

    def _by_name(self, ent: Span, entities: list[Entity]) -> tuple[Entity | None, str]:
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

    def _role_of(self, mention: Span) -> str | None:
        words = [t.lower_ for t in mention if t.lower_ not in _DETERMINERS and not t.is_punct]
        phrase = " ".join(words)
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                cand = " ".join(words[i : i + n])
                if cand in self.roles:
                    return cand
        return phrase if mention.root.lower_ in self.roles else None

    def _by_role(
        self, role: str, pos: int, entities: list[Entity], sightings: list[tuple[int, Entity, float]]
    ) -> Entity | None:
        head = role.split()[-1]
        holders = [e for e in entities if e.kind == "person" and (role in e.roles or head in e.roles
                   or any(r.endswith(head) for r in e.roles))]
        if not holders:
            # "the senator" with nobody introduced as one: the nearest person, as for a pronoun
            female = head in _FEMALE_TITLES or head in ("woman", "mother", "wife", "daughter", "sister")
            male = head in _MALE_TITLES or head in ("man", "father", "husband", "son", "brother")
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
        self._names = names
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
            if entity is not None and entity.kind == "person":
                # a quoted speaker becomes salient for the pronouns that follow
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


def _salience(ent: Span) -> float:
    """Distance multiplier for a name: subjects are likelier antecedents than objects."""
    return 0.5 if ent.root.dep_ in ("nsubj", "nsubjpass") else 1.0


def _is_affix_name(ent: Span) -> bool:
    """"pro-Clinton", "anti-Trump": a name used as a modifier, not a mention of its bearer."""
    return ent.text.lower().startswith(("pro-", "anti-", "pro -", "anti -"))


def _nearest(candidates: list[Entity], pos: int) -> Entity:
    def key(e: Entity) -> tuple[int, int]:
        earlier = [p for p in e.positions if p <= pos]
        return (0, pos - earlier[-1]) if earlier else (1, len(e.name))

    full = [c for c in candidates if len(c.name.split()) > 1] or candidates
    return min(full, key=key)


def _name_keys(entity: Entity) -> set[str]:
    """Lowercased forms a person can be named by: full name, surname, aliases."""
    keys = {entity.name.lower(), entity.name.split()[-1].lower()}
    keys.update(a.lower() for a in entity.aliases)
    return keys


def _same_org(a: str, b: str) -> bool:
    """"state department" names "state department website"; a one-word prefix is too loose."""
    short, long_ = sorted((a, b), key=len)
    return len(short.split()) >= 2 and long_.startswith(short + " ")


def _definite(mention: Span) -> bool:
    return any(t.lower_ in ("the", "this", "that") or t.dep_ == "poss" for t in mention) or mention.root.tag_ == "NNP"


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
    name = re.sub(r"^(the|The)\s+", "", ent.text)
    name = re.sub(r"['\u2019]s?$", "", name).strip()
    return name


def _name_start(head: Token) -> int:
    """First token of the noun phrase a head ends, without relative clauses or appositions."""
    start = head.i
    for tok in reversed(list(head.lefts)):
        if tok.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "case", "quantmod"):
            start = min(start, tok.left_edge.i)
    return start
