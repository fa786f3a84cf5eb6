"""One parsed Doc through the engine's stages, in order: its quotation marks scanned, the attribution
sieves run over it, and their claims handed to resolution, which turns them into the contract's quotes
and speakers. The stages never call each other; this is where one hands over to the next."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from quotegrab.engine.contract import Quote, Speaker
from quotegrab.engine.lexicon import Lexicon
from quotegrab.engine.resolution import Resolver
from quotegrab.engine.rules.context import DocContext
from quotegrab.engine.rules.cues import Cues
from quotegrab.engine.rules.registry import Sieves
from quotegrab.engine.scanner import scan


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
        # Doc.text joins every token's text anew on each access: read it once per document
        text = doc.text
        quotations = scan(text)
        # doc.ents is rebuilt from every token on each access: read the entities once per document
        entities = list(doc.ents)
        names = [e for e in entities if e.label_ in ("PERSON", "ORG")]
        # lemmas first: the context indexes the words by them
        self.cues.repair_lemmas(doc)
        ctx = DocContext(doc, quotations, names, entities, text)
        claims = self.sieves.run(ctx, self.cues)
        return self.resolver.build(doc, claims, quotations, entities, text)
