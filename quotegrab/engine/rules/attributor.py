"""The attribution stage over one parsed Doc: quotation marks scanned, the sieves run in their order,
and the claims handed to resolution, which turns them into the contract's quotes and speakers."""

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


class Attributor:
    """Applies the sieves to a parsed Doc; returns contract `Quote`s and `Speaker`s. Holds only what is
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
