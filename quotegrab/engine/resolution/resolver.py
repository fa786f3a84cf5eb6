"""Speaker resolution: one entity per person or organisation, named by its fullest name in the article.

Three steps, one module each: `cast` joins the article's names into entities and records where each is
seen; `linking` links each claim's speaker mention to one of them (or to a group it makes up) through
the `sieves`; `output` turns the claims into the contract's quotes and speakers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from quotegrab.engine.contract import Quote, Speaker
from quotegrab.engine.lexicon import Lexicon
from quotegrab.engine.resolution.cast import cast
from quotegrab.engine.resolution.linking import link_claims
from quotegrab.engine.resolution.output import assemble
from quotegrab.engine.resolution.vocabulary import Vocabulary
from quotegrab.engine.scanner import Quotation

if TYPE_CHECKING:  # the rules import this stage, so their Claim is read for type hints only
    from quotegrab.engine.rules.claim import Claim


class Resolver:
    """Made once per pipeline and shared by every document: it holds the word lists, never an article."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.words = Vocabulary.from_lexicon(lexicon)

    def build(
        self, doc: Doc, claims: list[Claim], quotations: list[Quotation], entities: list[Span], text: str
    ) -> tuple[list[Quote], list[Speaker]]:
        """Contract quotes and speakers for `claims`; `entities` and `text` are the document's, read once."""
        article = cast(self.words, doc, quotations, entities, text)
        return assemble(text, claims, link_claims(article, claims), doc, self.words.negating_verbs)
