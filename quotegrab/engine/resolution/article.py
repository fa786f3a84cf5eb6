"""What resolution knows about one article: built once per document, never kept on the shared Resolver."""

from __future__ import annotations

from bisect import bisect_left, insort_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from quotegrab.engine.resolution.entities import Entity, Sighting
from quotegrab.engine.resolution.vocabulary import Vocabulary
from quotegrab.engine.scanner import QuotationIndex


@dataclass
class Article:
    words: Vocabulary
    doc: Doc
    # the document's text, read once (Doc.text joins every token anew on each access)
    text: str
    # PERSON and ORG entities and the people the NER misread, in text order
    names: list[Span]
    quotations: QuotationIndex
    entities: list[Entity] = field(default_factory=list)
    # where entities are named outside quotes, in text order
    sightings: list[Sighting] = field(default_factory=list)
    # countries, states and cities outside quotes, for "it": (offset, name, salience)
    places: list[tuple[int, str, float]] = field(default_factory=list)
    # speakers no name of the article stands for ("officials", "someone", "the Trump campaign"), by kind:name
    unnamed: dict[str, Entity] = field(default_factory=dict)
    # the claims linked so far, in text order: (first char, end of the sentence it ends in, speaker, how
    # it was found), so that a pronoun can go on with the speaker before it
    said: list[tuple[int, int, Entity, str]] = field(default_factory=list)
    name_starts: list[int] = field(init=False)
    # where the first line (a headline, or the first paragraph) ends
    headline_end: int = field(init=False)
    # each word's lower-case form as a string hash, read from the Doc once when first asked for
    _lowers: list[int] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.name_starts = [e.start for e in self.names]
        line_end = self.text.find("\n")
        self.headline_end = line_end if line_end >= 0 else len(self.text)

    def written(self, lowered: Iterable[str]) -> list[int]:
        """The token positions where the article writes one of these lower-case words: one pass over the
        Doc's lower-case column, not a Token object for every word."""
        if self._lowers is None:
            self._lowers = self.doc.to_array(LOWER).tolist()
        wanted = {get_string_id(w) for w in lowered}
        return [i for i, word in enumerate(self._lowers) if word in wanted]

    def quoted(self, pos: int) -> bool:
        return self.quotations.at(pos) is not None

    def names_between(self, first: int, last: int) -> list[Span]:
        """PERSON and ORG entities starting in tokens [first, last)."""
        lo = bisect_left(self.name_starts, first)
        hi = bisect_left(self.name_starts, last)
        return self.names[lo:hi]

    def speaker(self, kind: str, name: str) -> Entity:
        """The one unnamed speaker of this kind and name ("group:officials"), made on first mention."""
        return self.unnamed.setdefault(f"{kind}:{name.lower()}", Entity(name=name, kind=kind))

    def sighted_at(self, pos: int) -> list[Entity]:
        """The entities sighted at this offset, in the sightings' order (which is text order once cast)."""
        sightings = self.sightings
        k = bisect_left(sightings, pos, key=lambda s: s[0])
        found = []
        while k < len(sightings) and sightings[k][0] == pos:
            found.append(sightings[k][1])
            k += 1
        return found

    def sort_sightings(self) -> None:
        self.sightings.sort(key=lambda s: s[0])

    def add_sighting(self, sighting: Sighting) -> None:
        """Insert a sighting in text order, after those at the same offset: what appending and a stable
        sort would give, without reading the whole list's keys again."""
        insort_right(self.sightings, sighting, key=lambda s: s[0])
