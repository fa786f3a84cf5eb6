"""The `quotegrab` spaCy component: `nlp.add_pipe("quotegrab")` in any English pipeline with a parser
and entity recogniser; results on `doc._.quotes` and `doc._.speakers`."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from quotegrab.engine.contract import Document, Quote, Speaker
from quotegrab.engine.extractor import Extractor, document_text
from quotegrab.engine.grammar import LINE_BREAK
from quotegrab.engine.lexicon import Lexicon
from quotegrab.engine.rules.registry import DEFAULT_ORDER

for _name in ("quotes", "speakers"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _document(doc: Doc, source: str = "<text>") -> Document:
    return Document(source=source, quotes=doc._.quotes or [], speakers=doc._.speakers or [])


if not Doc.has_extension("quotegrab_document"):
    Doc.set_extension("quotegrab_document", method=_document)


@Language.component("quotegrab_paragraphs", assigns=["token.is_sent_start"])
def pin_paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence at every paragraph: placed before the parser, it keeps a headline or a
    paragraph without final punctuation from being parsed as one sentence with the next."""
    # a token starts a paragraph when a line break lies between the start of the token before it and
    # its own start: found from the text's line breaks, not by asking every token for its strings
    if not len(doc):
        return doc
    starts = doc.to_array(IDX).tolist()
    breaks = LINE_BREAK.finditer(document_text(doc))
    pinned = {i for brk in breaks if 0 < (i := bisect_right(starts, brk.start())) < len(doc)}
    if pinned:
        # set in one array: Token.is_sent_start checks the whole Doc's annotation at every assignment
        sent_starts = doc.to_array(SENT_START)
        sent_starts[sorted(pinned)] = 1
        doc.from_array([SENT_START], sent_starts.reshape(-1, 1))
    return doc


# The settings a user may change in the pipeline's config ([components.quotegrab]): where the lexicon
# is read from, which sieves run in which order, and the shortest object taken as a claim for verbs of
# saying and for verbs of stance or belief.
DEFAULT_SETTINGS: dict[str, Any] = {
    "lexicon_path": None,
    "sieves": list(DEFAULT_ORDER),
    "min_indirect_tokens": 3,
    "min_stance_tokens": 2,
}


@Language.factory(
    "quotegrab",
    default_config=DEFAULT_SETTINGS,
    requires=["token.dep", "token.lemma", "doc.ents"],
    assigns=["doc._.quotes", "doc._.speakers"],
)
def make_quotegrab(
    nlp: Language,
    name: str,
    lexicon_path: str | None,
    sieves: list[str],
    min_indirect_tokens: int,
    min_stance_tokens: int,
) -> QuoteGrab:
    thresholds = {"min_indirect_tokens": min_indirect_tokens, "min_stance_tokens": min_stance_tokens}
    return QuoteGrab(nlp, name, lexicon=Lexicon.load(lexicon_path), sieves=sieves, thresholds=thresholds)


class QuoteGrab:
    """Finds quotations, cues and speakers in a parsed `Doc`.

    The knowledge it applies (cue verbs, titles, roles, pronouns) is a `Lexicon` loaded from data files,
    so `to_disk` writes those files beside the pipeline and a user can edit them there; the sieves'
    order and the thresholds are the component's settings, which spaCy keeps in the pipeline's config.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "quotegrab",
        lexicon: Lexicon | None = None,
        sieves: Sequence[str] = DEFAULT_ORDER,
        thresholds: Mapping[str, int] | None = None,
    ) -> None:
        self.name = name
        self.lexicon = lexicon or Lexicon.load()
        self.sieves = list(sieves)
        self.thresholds = dict(thresholds) if thresholds is not None else {
            key: DEFAULT_SETTINGS[key] for key in ("min_indirect_tokens", "min_stance_tokens")}
        self.extractor = Extractor(self.lexicon, self.sieves, self.thresholds)

    def __call__(self, doc: Doc) -> Doc:
        quotes, speakers = self.extractor(doc)
        doc._.quotes = quotes
        doc._.speakers = speakers
        return doc

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        self.lexicon.to_disk(Path(path))

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> QuoteGrab:
        self.lexicon = Lexicon.load(Path(path))
        self.extractor = Extractor(self.lexicon, self.sieves, self.thresholds)
        return self


__all__ = ["QuoteGrab", "make_quotegrab", "Quote", "Speaker"]
