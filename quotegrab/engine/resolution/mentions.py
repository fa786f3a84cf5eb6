"""Reading a name or a mention in the parse: its titles and roles, its bare name, whether it names a person."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy
from spacy.attrs import POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from quotegrab.engine.grammar import (
    DEFINITE_DETERMINERS,
    DETERMINERS,
    FEMALE_PRONOUNS,
    INDEFINITE_DETERMINERS,
    MALE_PRONOUNS,
    POSSESSIVE_MARKS,
    QUANTIFIERS,
)
from quotegrab.engine.resolution.entities import OBLIQUE_WEIGHT, SUBJECT_WEIGHT
from quotegrab.engine.resolution.vocabulary import Vocabulary

SUBJECTS = ("nsubj", "nsubjpass")
# labels and words as string ids: a token's integer attributes (`.dep`, `.lower`, `.ent_type`) are read
# without the StringStore lookup its string ones make on every access
_APPOS, _PERSON = get_string_id("appos"), get_string_id("PERSON")
_MALE_IDS = frozenset(get_string_id(w) for w in MALE_PRONOUNS)
_FEMALE_IDS = frozenset(get_string_id(w) for w in FEMALE_PRONOUNS)


def strip_title(words: Vocabulary, tokens: list[Token]) -> tuple[list[Token], list[str]]:
    """Split leading titles off a name: "President Donald Trump" -> ([Donald, Trump], ["president"])."""
    titles = []
    # the NER sometimes takes in a dash or a space before the name ("― Christina Lastra")
    while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while len(tokens) > 1 and (words.is_title(tokens[0]) or tokens[0].lower_ == "of"):
        titles.append(tokens[0].lower_.rstrip("."))
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in POSSESSIVE_MARKS or tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens, titles


def titles_of(words: Vocabulary, ent: Span) -> tuple[list[Token], list[str]]:
    """A name's words and titles, with a title written just before the entity the NER tagged ("Mr." "Smith")."""
    tokens, titles = strip_title(words, list(ent))
    if ent.start > 0 and words.is_title(ent.doc[ent.start - 1]):
        titles.append(ent.doc[ent.start - 1].lower_.rstrip("."))
    return tokens, titles


def left_roles(words: Vocabulary, ent: Span) -> list[str]:
    """Role words written right before a name: "Secretary of State Marco Rubio", "Republican nominee"."""
    found: list[str] = []
    i = ent.start - 1
    doc = ent.doc
    while i >= 0 and i >= ent.start - 5:
        tok = doc[i]
        if tok.text == "." and i >= 1 and doc[i - 1].lower_ in words.titles:
            i -= 1  # the tokenizer splits some abbreviations: "Col" "." "Dana Whitfield"
            continue
        if words.is_title(tok) or tok.lower_ in words.roles or tok.lower_ == "of":
            found.insert(0, tok.lower_.rstrip("."))
            i -= 1
            continue
        if tok.pos_ in ("PROPN", "ADJ", "NOUN") and tok.ent_type_ != "PERSON" and found:
            # "Republican presidential candidate Donald Trump": modifiers of the role; "shadow foreign
            # secretary Michael Ancram", "deputy campaign manager": a subordinate word among them makes
            # the role someone else's deputy, not the office itself
            if tok.lower_ in words.subordinate_titles and found[0] not in words.subordinate_titles:
                found.insert(0, tok.lower_)
            i -= 1
            continue
        if tok.pos_ in ("ADJ", "PROPN") and not found and i >= 1 and doc[i - 1].lower_ in words.roles:
            i -= 1
            continue
        break
    # "Vice President Mike Pence", "deputy campaign manager": the second in command holds no bare role
    merged: list[str] = []
    for word in found:
        if merged and merged[-1] in words.subordinate_titles:
            merged[-1] = f"{merged[-1]} {word}"
        else:
            merged.append(word)
    return merged


def left_descriptors(words: Vocabulary, ent: Span) -> list[str]:
    """Common nouns written right before a name, describing the person: "Spectator editor Boris
    Johnson", "European cross-country champion Hayley Yelling" -> "editor", "champion"."""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and words.is_title(doc[i]):
        i -= 1  # "chairman Mr Ford"
    found = []
    while i >= 0 and doc[i].pos_ == "NOUN" and doc[i].tag_ == "NN" and not doc[i].ent_type_:
        found.append(doc[i].lower_)
        i -= 1
    return found[:1]


def appositive_roles(words: Vocabulary, ent: Span) -> list[str]:
    """"Marco Rubio, the secretary of State," -> the role nouns of the apposition."""
    root = ent.root
    roles = []
    for child in root.children:
        if child.dep == _APPOS:
            roles.append(child.lower_)
            roles.extend(t.lower_ for t in child.subtree if t.lower_ in words.roles)
    if root.dep == _APPOS and root.head.lower_ in words.roles:
        roles.append(root.head.lower_)
    return roles


def introduced_as(words: Vocabulary, ent: Span) -> str | None:
    """The name with the titles written before it, as introduced: "Secretary of State Marco Rubio"."""
    doc = ent.doc
    title_start = ent.start
    while title_start > 0 and (words.is_title(doc[title_start - 1]) or doc[title_start - 1].lower_ == "of"):
        title_start -= 1
    while title_start < ent.start and doc[title_start].lower_ == "of":
        title_start += 1
    return doc[title_start : ent.end].text if title_start < ent.start else None


def first_named(words: Vocabulary, mention: Span) -> bool:
    """Capitalised words starting with a known first name: "Elena Ruiz"."""
    tokens = [t for t in mention if not t.is_punct]
    return (
        2 <= len(tokens) <= 3
        and tokens[0].lower_ in words.first_names
        and all(t.text[:1].isupper() for t in tokens)
    )


# titles of address, which only ever start a person's name
_ADDRESS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."})


def split_at_address(doc: Doc, entities: list[Span]) -> list[Span]:
    """"In a speech to the Foreign Policy Centre Mr Straw said": a name the NER ran on into a title of
    address is two, the organisation before the title and the person it starts."""
    split = []
    for ent in entities:
        # only a name of three words or more can hold a title between its first and last
        named = ent.label_ in ("ORG", "PERSON") and len(ent) > 2
        at = [t.i for t in ent[1:-1] if t.lower_ in _ADDRESS and t.text[:1].isupper()] if named else []
        if not at:
            split.append(ent)
            continue
        if ent.label_ == "ORG":
            split.append(Span(doc, ent.start, at[-1], label="ORG"))
        split.append(Span(doc, at[-1], ent.end, label="PERSON"))
    return split


# finite verbs, which no name holds in lower case
_FINITE_VERBS = ("VBZ", "VBD", "VBP")


def cut_at_verb(words: Vocabulary, doc: Doc, entities: list[Span]) -> list[Span]:
    """"O'Connell rejects Lions rumours": a name the NER ran on into a headline's verb ends before it."""
    cut = []
    for ent in entities:
        named = ent.label_ in ("ORG", "PERSON") and len(ent) > 1
        verb = next((t.i for t in ent[1:] if t.tag_ in _FINITE_VERBS and t.text.islower()
                     and t.text not in words.name_particles), None) if named else None
        if verb is not None:
            ent = Span(doc, ent.start, verb, label=ent.label_)
        cut.append(ent)
    return cut


def looks_like_person(words: Vocabulary, ent: Span) -> bool:
    """An ORG-tagged "Elena Ruiz": two or three capitalised words starting with a first name."""
    tokens = [t for t in ent if not t.is_punct]
    first = tokens[0].lower_ if tokens else ""
    return (
        ent.label_ == "ORG"
        and 2 <= len(tokens) <= 3
        and (first in words.female or first in words.male)
        and all(t.text[:1].isupper() for t in tokens)
    )


def place_name(words: Vocabulary, ent: Span) -> bool:
    """"the lobby of Trump Tower" tagged PERSON: a building is no one a pronoun can stand for. A first
    name before the last word keeps a person ("John Tower", "Tony Hall")."""
    return len(ent) > 1 and ent[-1].lower_ in words.place_name_nouns and ent[0].lower_ not in words.first_names


def inside_title(words: Vocabulary, ent: Span) -> bool:
    """"State" in "Secretary of State Marco Rubio" is part of a title, not an organisation."""
    doc = ent.doc
    return (
        ent.start >= 2
        and doc[ent.start - 1].lower_ == "of"
        and words.is_title(doc[ent.start - 2])
        and (doc[ent.start - 2].lower_ in words.roles or ent.end < len(doc) and doc[ent.end].ent_type_ == "PERSON")
    )


def misread_people(words: Vocabulary, doc: Doc, entities: list[Span]) -> list[Span]:
    """People the small model tags as products, works or nationalities ("Ivanka" PRODUCT): a given
    name alone, or two or three capitalised words starting with one. Places are left alone, since
    many are given names too (Virginia, Charlotte, Madison)."""
    people = []
    for ent in entities:
        if ent.label_ not in ("PRODUCT", "WORK_OF_ART", "NORP"):
            continue
        tokens = [t for t in ent if not t.is_punct]
        alone = (len(tokens) == 1 and ent.label_ != "NORP" and tokens[0].lower_ in words.first_names
                 and tokens[0].text[:1].isupper())
        if alone or first_named(words, ent):
            people.append(Span(doc, ent.start, ent.end, label="PERSON"))
    return people + untagged_people(words, doc)


def untagged_people(words: Vocabulary, doc: Doc) -> list[Span]:
    """Names the model leaves untagged: "Ivanka Trump took the stage", "Ivanka praised …"."""
    people = []
    taken = 0  # a run of names passes over the proper nouns inside it
    proper_nouns = numpy.flatnonzero(doc.to_array(POS) == POS_IDS["PROPN"]).tolist() if len(doc) else []
    for i in proper_nouns:
        tok = doc[i]
        if i < taken or tok.ent_iob_ != "O" or tok.lower_ not in words.first_names:
            continue
        end = i + 1
        while end < len(doc) and end - i < 3 and doc[end].ent_iob_ == "O" and doc[end].pos_ == "PROPN":
            end += 1
        run = Span(doc, i, end, label="PERSON")
        if first_named(words, run) or end == i + 1 and tok.dep_ in SUBJECTS and tok.is_title:
            people.append(run)
        taken = end
    return people


def pronouns_after(ent: Span, quoted: Callable[[int], bool]) -> str | None:
    """"Trump said his …": the gender of the pronouns that follow a name in its sentence, before any
    other person is named and outside quotation marks, when they all agree."""
    male = female = 0
    for token in ent.doc[ent.end : ent.sent.end]:
        if token.ent_type == _PERSON:
            break
        if quoted(token.idx):
            continue
        lower = token.lower
        male += lower in _MALE_IDS
        female += lower in _FEMALE_IDS
    return "m" if male and not female else "f" if female and not male else None


def role_of(words: Vocabulary, mention: Span) -> str | None:
    """The role a mention names by its head ("the senator" -> "senator"), if it names one."""
    tokens = [t.lower_ for t in mention if t.lower_ not in DETERMINERS and not t.is_punct]
    phrase = " ".join(tokens)
    head = mention.root.lower_
    for n in range(len(tokens), 0, -1):
        for i in range(len(tokens) - n + 1):
            cand = " ".join(tokens[i : i + n])
            # the role must be the head's: "the general public" is no general
            if cand in words.roles and head in tokens[i : i + n]:
                return cand
    return phrase if mention.root.lower_ in words.roles else None


def salience(ent: Span) -> float:
    """Distance multiplier for a name: subjects are likelier antecedents than objects, and objects than
    names inside other phrases ("Kyi's statement", "the Trump campaign", "hatred of Clinton")."""
    dep = ent.root.dep_
    if dep in SUBJECTS:
        return SUBJECT_WEIGHT
    if dep in ("poss", "compound", "pobj", "npadvmod", "nmod", "amod"):
        return OBLIQUE_WEIGHT
    return 1.0


def in_modifier(name: Span, head: Token) -> bool:
    """True when `name` hangs on `head` through a prepositional or clausal modifier ("of", "backing")."""
    tok = name.root
    for _ in range(8):
        if tok.i == head.i or tok.head.i == tok.i:
            return False
        if tok.dep_ in ("prep", "acl", "relcl", "advcl"):
            return True
        tok = tok.head
    return False


def is_affix_name(ent: Span) -> bool:
    """"pro-Clinton", "anti-Trump": a name used as a modifier, not a mention of its bearer."""
    return ent.text.lower().startswith(("pro-", "anti-", "pro -", "anti -"))


def apposed_to(head: Token) -> Token | None:
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


def definite(mention: Span) -> bool:
    """The mention points back to someone already known: "the senator", "his lawyer", "Senator". Only the
    head's own determiner counts: "a spokeswoman for the party" is somebody new."""
    head = mention.root
    determiners = [c for c in head.children if c.dep_ in ("det", "poss") and c.i < head.i]
    if any(c.lower_ in INDEFINITE_DETERMINERS for c in determiners):
        return False
    return any(c.lower_ in DEFINITE_DETERMINERS or c.dep_ == "poss" for c in determiners) or head.tag_ == "NNP"


def plain(mention: Span) -> str:
    """A mention without leading determiners or quantifiers: "the officials", "several officials" -> "officials"."""
    tokens = [t for t in mention if not t.is_punct or t.text == "-"]
    while len(tokens) > 1 and (tokens[0].lower_ in DETERMINERS or tokens[0].lower_ in QUANTIFIERS):
        tokens = tokens[1:]
    if not tokens:
        return ""
    # a Span's text, not doc.text sliced: Doc.text rebuilds the whole text on every access
    return " ".join(mention.doc[tokens[0].i : tokens[-1].i + 1].text.split())


def org_name(ent: Span) -> str:
    return _org_name(ent.text)


@lru_cache(maxsize=8192)
def _org_name(text: str) -> str:
    """An organisation's name as written, without what the NER took in around it (read once per
    distinct text: the cast and every sieve ask for it)."""
    # the NER sometimes takes in a dash or a space before the name ("― Christina Lastra")
    name = re.sub(r"^[\W_]+", "", text.strip())
    name = re.sub(r"^(the|The)\s+", "", name)
    name = re.sub(r"['\u2019]s?$", "", name).strip()
    # "British Phonographic Industry (BPI": an acronym the NER took in, bracket and all, is no part of it
    return re.sub(r"(?<=\w)\s*\([^()]*\)?$", "", name).strip() or name


def name_start(head: Token) -> int:
    """First token of the noun phrase a head ends, without relative clauses or appositions."""
    start = head.i
    for tok in reversed(list(head.lefts)):
        if tok.dep_ in ("compound", "amod", "det", "poss", "nmod", "nummod", "case", "quantmod"):
            start = min(start, tok.left_edge.i)
    return start


def noun_phrase(head: Token) -> Span:
    """The noun phrase a head ends, as a span: "Trump" for the "who" in "Trump, who said …"."""
    return head.doc[name_start(head) : head.i + 1]
