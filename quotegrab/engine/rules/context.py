"""The document as the rules see it: which tokens lie inside quotation marks (titles of works aside),
where sentences and paragraphs begin and end, and how a range the parse gives is widened to whole
quotations or cut before the writer's own comment."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, ORTH, POS, TAG
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from quotegrab.engine.grammar import ENDS_SENTENCE, LINE_BREAK
from quotegrab.engine.rules.claim import trim
from quotegrab.engine.scanner import Quotation, QuotationIndex

# the dependencies a writer's comment at the end of a claim hangs by (see `DocContext.cut_trailing_comment`)
_COMMENT_DEPS = ("relcl", "advcl", "acl", "appos", "prep")


def _looks_like_title(text: str) -> bool:
    """"Face the Nation," "The 40-Year-Old Virgin": short, every major word capitalised, no sentence
    inside. Titles of shows and works are named, not said."""
    words = re.findall(r"[\w'\u2019-]+", text)
    if not 2 <= len(words) <= 7 or text.rstrip(" ,.")[-1:] in ("!", "?"):
        return False
    if re.search(r"[.!?;]\s", text.strip()):
        return False  # a sentence inside: something said
    major = [w for w in words if len(w) > 3 or w[:1].isupper()]
    capitalised = all(w[:1].isupper() or w[:1].isdigit() for w in major)
    upper_share = sum(w[:1].isupper() or w[:1].isdigit() for w in words) / len(words)
    return len(major) >= 2 and capitalised and upper_share >= 0.5 and words[0][:1].isupper()


def _quotation_of_tokens(doc: Doc, quotations: list[Quotation]) -> list[int]:
    """For each token, the index of the quotation within whose marks (the marks included) it lies, or -1:
    reckoned over the Doc's arrays, not token by token."""
    if not quotations or not len(doc):
        return [-1] * len(doc)
    edges = doc.to_array([IDX, LENGTH]).reshape(len(doc), 2).astype(numpy.int64)
    starts, ends = edges[:, 0], edges[:, 0] + edges[:, 1]
    quote_starts = numpy.array([q.start for q in quotations], dtype=numpy.int64)
    quote_ends = numpy.array([q.end for q in quotations], dtype=numpy.int64)
    # the first quotation ending after a token's start (the running maximum keeps the ends in order)
    nearest = numpy.searchsorted(numpy.maximum.accumulate(quote_ends), starts, side="right")
    found = nearest < len(quotations)
    nearest = numpy.minimum(nearest, len(quotations) - 1)
    inside = found & (quote_starts[nearest] <= starts) & (ends <= quote_ends[nearest])
    return numpy.where(inside, nearest, -1).tolist()


# up to this many values, a question is answered by comparing the column with each
_FEW_VALUES = 8

# a question's values as a key: a lexicon's word list is a frozenset, which keeps its hash (and is found
# by identity), where a tuple of its hundreds of words would be built and hashed again on every question
_Values = tuple[str, ...] | frozenset[str]


def _as_key(values: Iterable[str]) -> _Values:
    return values if isinstance(values, frozenset) else tuple(values)


# A question's values as the column holds them (string hashes, or the fixed part-of-speech ids), and a
# lemma's hash lowered: the same in every document, so worked out once per process rather than hashed
# again for every document (a sieve's lemmas run to hundreds). Emptied past a bound on a long run.
_QUESTION_IDS: dict[tuple[str, _Values], tuple[list[int], numpy.ndarray]] = {}
_LOWERED: dict[int, int] = {}
_MAX_CACHED = 200_000


def _question_ids(attribute: str, values: _Values) -> tuple[list[int], numpy.ndarray]:
    """The ids of `values` in the column of `attribute`, as a list and as a sorted array."""
    question = (attribute, values)
    found = _QUESTION_IDS.get(question)
    if found is None:
        if len(_QUESTION_IDS) > _MAX_CACHED:
            _QUESTION_IDS.clear()
        # the parts of speech are a fixed table; every other value is a string's hash
        known = POS_IDS if attribute == "pos" else None
        ids = [known[v] for v in values if v in known] if known is not None else [get_string_id(v) for v in values]
        found = _QUESTION_IDS[question] = (ids, numpy.unique(numpy.array(ids, dtype=numpy.uint64)))
    return found


class _WordIndex:
    """Which tokens have a part of speech, tag, dependency, lower-case form or lemma, answered from the
    Doc's arrays: a sieve asking for its verbs costs one pass in C, not a Token object per word."""

    _COLUMNS = {"pos": POS, "tag": TAG, "dep": DEP, "lower": LOWER, "lemma": LEMMA, "orth": ORTH}

    def __init__(self, doc: Doc) -> None:
        self.strings = doc.vocab.strings
        table = doc.to_array(list(self._COLUMNS.values())).reshape(len(doc), len(self._COLUMNS))
        self.columns = {name: table[:, k] for k, name in enumerate(self._COLUMNS)}
        self._lowered_lemmas = False
        # a column's distinct values and where each token's value stands among them
        self._distinct: dict[str, tuple[numpy.ndarray, numpy.ndarray]] = {}
        # several sieves ask the same question ("the verbs"): each is answered once per document
        self._answers: dict[tuple[str, _Values], list[int]] = {}

    def positions(self, attribute: str, values: Iterable[str]) -> list[int]:
        question = (attribute, _as_key(values))
        answer = self._answers.get(question)
        if answer is None:
            answer = self._answers[question] = self._positions(*question)
        return answer

    def _positions(self, attribute: str, values: _Values) -> list[int]:
        if attribute == "lemma" and not self._lowered_lemmas:
            self._lower_lemmas()
        column = self.columns[attribute]
        ids, sorted_ids = _question_ids(attribute, values)
        if not ids:
            return []
        if len(ids) <= _FEW_VALUES:
            # a few values ("relcl", "advcl", …): one comparison each is cheaper than sorting the column
            wanted = column == ids[0]
            for value in ids[1:]:
                wanted |= column == value
            return numpy.flatnonzero(wanted).tolist()
        return self._among(attribute, sorted_ids)

    def _among(self, attribute: str, wanted: numpy.ndarray) -> list[int]:
        """The positions whose value in the column is one of the sorted ids `wanted`: the column's distinct
        values (sorted once per column) are looked up among them, cheaper than numpy.isin asked again and
        again."""
        if attribute not in self._distinct:
            self._distinct[attribute] = numpy.unique(self.columns[attribute], return_inverse=True)
        distinct, inverse = self._distinct[attribute]
        if not len(distinct):
            return []
        at = numpy.searchsorted(wanted, distinct)
        at[at == len(wanted)] = 0
        return numpy.flatnonzero((wanted[at] == distinct)[inverse]).tolist()

    def _lower_lemmas(self) -> None:
        """The lemma column in lower case ("Say" is asked for as "say"). A lemma that is the word itself or
        its lower-case form lowers to the word's lower-case form; only the others are read as strings."""
        lemma, lower, orth = self.columns["lemma"], self.columns["lower"], self.columns["orth"]
        lowered = lower.copy()
        other = (lemma != lower) & (lemma != orth)
        distinct, where = numpy.unique(lemma[other], return_inverse=True)
        if len(_LOWERED) > _MAX_CACHED:
            _LOWERED.clear()
        lowered_distinct = []
        for u in distinct.tolist():
            low = _LOWERED.get(u)
            if low is None:
                low = _LOWERED[u] = get_string_id(self.strings[u].lower())
            lowered_distinct.append(low)
        lowered[other] = numpy.array(lowered_distinct, dtype=lowered.dtype)[where]
        self.columns["lemma"] = lowered
        self._lowered_lemmas = True


class DocContext:
    """Per-document lookups shared by the rules: which tokens are quoted, sentence and paragraph edges."""

    def __init__(
        self,
        doc: Doc,
        all_quotations: list[Quotation],
        names: list[Span],
        entities: list[Span] | None = None,
        text: str | None = None,
    ) -> None:
        self.doc = doc
        self.text = doc.text if text is None else text
        # where the text's lines end, in order (see `paragraph_bounds`)
        self._line_breaks = [m.start() for m in LINE_BREAK.finditer(self.text)]
        self.all_quotations = all_quotations
        # Titles of works stay quoted text (their words are not attributed) but never become quotes.
        quotations = [q for q in all_quotations if not self._is_title(q)]
        self.quotations = quotations
        self.index = QuotationIndex(quotations)
        self.persons = [e for e in names if e.label_ == "PERSON"]
        # every entity, read once (`doc.ents` is rebuilt from the tokens on each access)
        self.entities = list(doc.ents) if entities is None else entities
        # the sieves ask the indexes below for the words that can concern them; a Token object is made
        # only for those, once, and kept (making one for every word costs more than the rules' tests)
        self._tokens: list[Token | None] = [None] * len(doc)
        self._words = _WordIndex(doc)
        self._where: dict[tuple[str, _Values], frozenset[int]] = {}
        self._governors: dict[str, frozenset[int]] = {}
        self._token_quote: list[int] = _quotation_of_tokens(doc, quotations)

    def _is_title(self, q: Quotation) -> bool:
        para_start, para_end = self.paragraph_bounds(q.start)
        headline = self.text[para_start:para_end].rstrip()[-1:] not in (".", "!", "?", "\u201d", '"', "'")
        if headline or len(q.pieces) != 1 or not _looks_like_title(self.text[q.content_start : q.content_end]):
            return False
        # '"But Pete Wilson Won," Axelrod said': capitalised words opening a sentence and ending in the
        # comma of an attribution are said, not named
        lead = self.text[para_start : q.start]
        opens_sentence = not lead.strip() or ENDS_SENTENCE.search(lead) is not None
        return not (opens_sentence and self.text[q.content_start : q.content_end].rstrip()[-1:] in (",", "?", "!"))

    def title_voiced(self, end: int) -> Quotation | None:
        """'chanting "Stop The Pipeline"', 'a cap reading, "Make Ohio Proud Again"': words a verb that only
        voices words hands on are said, however title-like. The title starting right after `end`
        (through a comma or colon at most) becomes a quotation, and is returned."""
        q = next((q for q in self.all_quotations if end <= q.start and q not in self.quotations), None)
        if q is None or self.text[end : q.start].strip() not in ("", ",", ":"):
            return None
        if any(end <= o.start < q.start for o in self.quotations):
            return None
        self.quotations = sorted([*self.quotations, q], key=lambda o: o.start)
        self.index = QuotationIndex(self.quotations)
        for tok in self.doc.char_span(q.start, q.end, alignment_mode="expand") or []:
            self._token_quote[tok.i] = 0
        return q

    def token(self, i: int) -> Token:
        """The document's token `i`, made once."""
        token = self._tokens[i]
        if token is None:
            token = self._tokens[i] = self.doc[i]
        return token

    def _made(self, positions: list[int]) -> list[Token]:
        tokens, doc = self._tokens, self.doc
        made = []
        for i in positions:
            token = tokens[i]
            if token is None:
                token = tokens[i] = doc[i]
            made.append(token)
        return made

    def having(self, attribute: str, values: Iterable[str]) -> list[Token]:
        """The tokens, in document order, whose `attribute` (pos, tag, dep, lower or lemma, the lemma in
        lower case) is one of `values`. The lemmas are those of the Doc when the context was built."""
        return self._made(self._words.positions(attribute, values))

    def where(self, attribute: str, values: Iterable[str]) -> frozenset[int]:
        """The positions of the tokens `having(attribute, values)`, as a set for tests of membership."""
        question = (attribute, _as_key(values))
        found = self._where.get(question)
        if found is None:
            found = self._where[question] = frozenset(self._words.positions(*question))
        return found

    def governors(self, dep: str) -> frozenset[int]:
        """The positions of the tokens with a dependent by `dep` after them (a verb with its clausal
        complement after it, for "ccomp"), read from the Doc's head column once per document."""
        found = self._governors.get(dep)
        if found is None:
            dependents = self._words.positions("dep", (dep,))
            offsets = self.doc.to_array(HEAD).astype(numpy.int64) if dependents else None
            found = frozenset(j + int(offsets[j]) for j in dependents if offsets[j] < 0) if dependents else frozenset()
            self._governors[dep] = found
        return found

    def having_any(self, *questions: tuple[str, Iterable[str]]) -> list[Token]:
        """The tokens, in document order, that answer any of the (attribute, values) `questions`."""
        # the answers united by set.union, in C, not a Python loop over every position
        positions = sorted(set().union(*(self._words.positions(attribute, values) for attribute, values in questions)))
        return self._made(positions)

    def positions_between(self, start: int, end: int, *questions: tuple[str, Iterable[str]]) -> list[int]:
        """The positions from `start` up to `end` that answer any of the (attribute, values) `questions`,
        in document order."""
        found: set[int] = set()
        for attribute, values in questions:
            positions = self._words.positions(attribute, values)
            found.update(positions[bisect.bisect_left(positions, start) : bisect.bisect_left(positions, end)])
        return sorted(found)

    def quoted(self, token: Token) -> bool:
        return self._token_quote[token.i] >= 0

    def has_quotation(self, start: int, end: int) -> bool:
        return bool(self.index.overlapping(start, end))

    def paragraph_bounds(self, pos: int) -> tuple[int, int]:
        """The paragraph around the character at `pos`: from just after the last line break before it to
        the next line break at or after it. The rules ask this thousands of times a document: the line
        breaks are found once and bisected."""
        text = self.text
        if not 0 <= pos <= len(text):
            # str.find reads a negative position from the end: kept as it was for such a position
            start = max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1
            ends = [k for k in (text.find("\n", pos), text.find("\r", pos)) if k >= 0]
            return start, (min(ends) if ends else len(text))
        breaks = self._line_breaks
        k = bisect.bisect_left(breaks, pos)
        return (breaks[k - 1] + 1 if k else 0), (breaks[k] if k < len(breaks) else len(text))

    def absorb_quotations(self, start: int, end: int) -> tuple[int, int]:
        """Widen a parse-derived range to whole quotations: the parser often cuts long quotes."""
        for q in self.quotations:
            if q.start < end and start < q.end:
                if q.start < start and q.start >= self.paragraph_bounds(start)[0]:
                    start = q.start
                if q.end > end and q.end <= self.paragraph_bounds(end - 1)[1]:
                    end = q.end
        return start, end

    def sentence_end_after(self, pos: int) -> int:
        """End of the spaCy sentence holding the character at pos."""
        span = self.doc.char_span(pos, min(pos + 1, len(self.text)), alignment_mode="expand")
        return span.sent.end_char if span is not None and len(span) else pos

    def within_parentheses(self, first: int, last: int) -> list[tuple[int, int]]:
        """"(93 percent were white, according to exit polls)": a cue phrase inside parentheses reports
        only what the parentheses hold."""
        doc = self.doc
        sent = doc[first].sent
        opening = next((t for t in reversed(doc[sent.start : first]) if t.text in "()"), None)
        closing = next((t for t in doc[last + 1 : sent.end] if t.text in "()"), None)
        if opening is None or closing is None or opening.text != "(" or closing.text != ")":
            return []
        piece = trim(self.text, opening.idx + 1, doc[first].idx, min_chars=8)
        return [piece] if piece is not None else []

    def quote_after_colon(self, end: int) -> int:
        """'said she has the quality for the job: "Steadiness …"': a quote the claim introduces with a
        colon in the same paragraph is the end of the claim."""
        m = re.match(r"[ \t]*:[ \t]*", self.text[end : end + 8])
        if not m:
            return end
        q = next((q for q in self.index.overlapping(end, end + m.end() + 2) if q.start >= end), None)
        if q is None or q.start != end + m.end():
            return end
        return q.end

    def cut_trailing_comment(self, start: int, end: int) -> tuple[int, int]:
        """The writer's comment at the end of a claim is not part of it: "…in his comments, which raised
        concerns among experts", "…per share, well above what analysts expected", "…, calling it unfair",
        "…would back Brandt, who ran the city". How the speaker argued ("…by citing a poll") is no comment:
        annotators keep it in the claim."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) < 6:
            return start, end
        last = span.end - 1
        # only a relative, participial, appositive or prepositional phrase can be the comment
        tails = self._words.positions("dep", _COMMENT_DEPS)
        for i in tails[bisect.bisect_left(tails, span.start + 2) : bisect.bisect_left(tails, span.end)]:
            tok = self.token(i)
            if tok.right_edge.i < last - 1 or tok.head.i >= tok.i:
                continue
            first = tok.left_edge
            before = self.doc[first.i - 1]
            if first.i <= span.start or self.quoted(before):
                continue  # a subtree reaching back before the claim ("which … by getting") is no tail of it
            comment = (
                tok.dep_ == "relcl" and first.lower_ in ("which", "when", "where", "who")
                # a participle that reports or judges in turn (", saying that …", ", calling it unfair") is
                # a claim of its own, and one after an urged or planned act (", to widen the bridge,
                # dropping her objection") is what the speaker did; any other goes on with what the claim's
                # subject did (", leaving workers with higher costs"): annotators keep it in the claim
                or tok.dep_ in ("advcl", "acl") and tok.tag_ == "VBG" and first.i == tok.i
                and (
                    any(c.dep_ in ("ccomp", "oprd") for c in tok.children)
                    or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.head.children)
                )
                or tok.dep_ == "appos" and first.lower_ in ("a", "an")
                # "…came out for Cruz, the choice of many party insiders": the writer's description of a name
                or tok.dep_ == "appos" and first.lower_ == "the" and tok.head.pos_ == "PROPN"
                and tok.right_edge.i - first.i >= 3
                or tok.dep_ == "prep" and first.lower_ == "well"
            )
            if comment and before.text == "," and before.idx - start >= 8:
                return start, before.idx
        return start, end

    def sentence_without(self, sent: Span, first: int, last: int) -> list[tuple[int, int]]:
        """A sentence's content around an "according to X" phrase at tokens first..last: the words
        before it and the words after it, each when it holds a clause's worth ("The fee, according to
        X, would be low" is one claim in two pieces)."""
        doc = self.doc
        para_start, para_end = self.paragraph_bounds(doc[first].idx)
        after_tok = last + 1
        while after_tok < sent.end and doc[after_tok].is_punct and not self.quoted(doc[after_tok]):
            after_tok += 1
        pieces = []
        before = (max(sent.start_char, para_start), doc[first].idx)
        before_words = re.findall(r"\w+", self.text[before[0] : before[1]])
        # "The AP reported that, according to X, …": what precedes only leads into the content
        if len(before_words) >= 3 and before_words[-1].lower() not in ("that", "said", "says"):
            pieces.append(before)
        if after_tok < sent.end:
            after = (doc[after_tok].idx, min(sent.end_char, para_end))
            if len(re.findall(r"\w+", self.text[after[0] : after[1]])) >= 3 or not pieces:
                pieces.append(after)
        trimmed = []
        for start, end in pieces:
            start, end = self.absorb_quotations(start, end)
            piece = trim(self.text, max(start, para_start), min(end, para_end), min_chars=12)
            if piece is not None:
                trimmed.append(piece)
        return trimmed
