"""One parsed Doc through the engine's stages, in order: its quotation marks scanned, the attribution
sieves run over it, and their claims handed to resolution, which turns them into the contract's quotes
and speakers. The stages never call each other; this is where one hands over to the next."""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence

from spacy.attrs import ORTH, SPACY
from spacy.tokens import Doc

from quotegrab.engine.contract import Quote, Speaker
from quotegrab.engine.lexicon import Lexicon
from quotegrab.engine.resolution import Resolver
from quotegrab.engine.rules.context import DocContext
from quotegrab.engine.rules.cues import Cues
from quotegrab.engine.rules.registry import Sieves
from quotegrab.engine.scanner import scan

# A word's text by its hash, with and without the space after it: the same in every document, and
# cheaper to look up here than to decode again from the StringStore. Emptied when it grows past a
# corpus's vocabulary, so that a long run's memory stays bounded.
_SPELLINGS: tuple[dict[int, str], dict[int, str]] = ({}, {})
_MAX_SPELLINGS = 400_000


# Each Doc's text, once joined: the paragraph component before the parser and the quotegrab component
# after it both read it, and a Doc's text never changes (merging or splitting tokens keeps every
# character). Held weakly, so that a text goes with its Doc.
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def document_text(doc: Doc) -> str:
    """`doc.text`, joined from the Doc's word and space columns: `Doc.text` makes a Token object for
    every word and decodes its text again, on every access."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = _joined_text(doc)
    return text


def _joined_text(doc: Doc) -> str:
    bare, spaced = _SPELLINGS
    if len(bare) + len(spaced) > _MAX_SPELLINGS:
        bare.clear()
        spaced.clear()
    words, spaces = doc.to_array(ORTH).tolist(), doc.to_array(SPACY).tolist()
    try:
        # most words are spelled already: one list comprehension, no test per word
        return _joined(words, spaces)
    except KeyError:
        strings = doc.vocab.strings
        for word, space in zip(words, spaces, strict=True):
            known = spaced if space else bare
            if word not in known:
                known[word] = strings[word] + " " if space else strings[word]
        return _joined(words, spaces)


def _joined(words: list[int], spaces: list[int]) -> str:
    bare, spaced = _SPELLINGS
    return "".join([spaced[word] if space else bare[word] for word, space in zip(words, spaces, strict=True)])


class Extractor:
    """Finds a parsed Doc's quotes and speakers (contract `Quote`s and `Speaker`s). Holds only what is
    shared by every document (the lexicon as the rules read it, the sieves' order); what one document
    needs lives in its `DocContext`."""

    def __init__(self, lexicon: Lexicon, sieves: Sequence[str], thresholds: Mapping[str, int]) -> None:
        self.lexicon = lexicon
        self.cues = Cues(lexicon, thresholds)
        self.sieves = Sieves(sieves)
        self.resolver = Resolver(lexicon)

    def __call__(self, doc: Doc) -> tuple[list[Quote], list[Speaker]]:
        # read once per document: Doc.text joins every token's text anew on each access
        text = document_text(doc)
        quotations = scan(text)
        # doc.ents is rebuilt from every token on each access: read the entities once per document
        entities = list(doc.ents)
        names = [e for e in entities if e.label_ in ("PERSON", "ORG")]
        # lemmas first: the context indexes the words by them
        self.cues.repair_lemmas(doc)
        ctx = DocContext(doc, quotations, names, entities, text)
        claims = self.sieves.run(ctx, self.cues)
        return self.resolver.build(doc, claims, quotations, entities, text)
