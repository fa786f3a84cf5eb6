"""Finding quotation spans by a character-level scan, independent of tokenisation.

Newspapers write quotation marks in many ways: curly “…” and ‘…’, straight "…" and '…', TeX-style ``…'',
and the ''…'' of some wire text. A quote may run over several paragraphs, each reopening the mark and
only the last closing it. Marks are often unbalanced (a typo, an apostrophe, a possessive like voters’),
so the scanner never fails: an opener with no closer ends at its paragraph's end (double marks) or is
read as an apostrophe (single marks), and scanning goes on.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

# opener -> closers accepted for it; longer marks first so '' wins over '
_PAIRS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("\u201d", ("\u201d", '"')),
    ("``", ("''", "\u201d", '"')),
    ("''", ("''", "\u201d", '"')),
    ("\u201c", ("\u201d", '"', "\u201c")),  # a second “ as closer: a common typo
    ("\u201e", ("\u201c", "\u201d")),
    ("\u00ab", ("\u00bb",)),
    ('"', ('"', "\u201d")),
    ("\u2018", ("\u2019", "'")),
    ("'", ("'", "\u2019")),
)
_SINGLE = {"\u2018", "'"}
# the characters a quotation's scan stops at, by its closers: a closer's first character, or a curly opener
# (a quote nested in a straight-marked one)
_STOPS = {closers: "".join(sorted({c[0] for c in closers} | {"\u201c"})) for _, closers in _PAIRS}
_STOP_MARKS = {stops: re.compile(f"[{re.escape(stops)}]") for stops in _STOPS.values()}
_MARKS = re.compile("[\u201c\u201d\u2018\u201e\u00ab\"'`]")
_OPEN_BEFORE = set(" \t\n\r([{\u2014\u2013-/:;,\u201c\u2018\"'`\u00a0")
_PARAGRAPH_BREAK = "\n\r\u2028\u2029"
_PARAGRAPH_BREAK_RE = re.compile("[\n\r\u2028\u2029]")


@dataclass(frozen=True)
class Quotation:
    """A top-level quoted passage. `start`/`end` include the marks; `pieces` are the words inside them,
    one per paragraph when the quote runs over several."""

    start: int
    end: int
    pieces: tuple[tuple[int, int], ...]
    closed: bool
    # where the quoted words begin and end (the pieces never change: read once, not on every question)
    content_start: int = field(init=False, repr=False)
    content_end: int = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "content_start", self.pieces[0][0])
        object.__setattr__(self, "content_end", self.pieces[-1][1])


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _opener_at(text: str, i: int) -> str | None:
    prev = text[i - 1] if i > 0 else " "
    if text.startswith("\u201d", i) and (i == 0 or prev in _PARAGRAPH_BREAK):
        # a closing mark typed at a paragraph's start (”Mr. Trump embodies …”) still opens a quote, and so
        # does one before an ellipsis (” … what I learned …,” he said): an excerpt joined mid-sentence
        after = text[i + 1] if i + 1 < len(text) else " "
        elided = after == " " and text.startswith(("\u2026", "..."), i + 2)
        return "\u201d" if not after.isspace() or elided else None
    for opener, _ in _PAIRS:
        if opener == "\u201d" or not text.startswith(opener, i):
            continue
        after = text[i + len(opener)] if i + len(opener) < len(text) else ""
        if opener == "\u201c" and after == " " and text[i + 2 : i + 3].isalnum() and _opens_sentence(text, i):
            return opener  # 'Henry said. “ You know, …': a stray space after a mark opening a sentence
        if not after or after.isspace() or after in "\u201d\u2019":
            return None  # a mark followed by space or a closer closes something, or quotes nothing
        if opener in ("\u201c", "``", "\u201e", "\u00ab"):
            return opener
        if prev not in _OPEN_BEFORE and not prev.isspace():
            return None  # between letters: an apostrophe or a closer, never an opener
        if opener in _SINGLE and (after.isdigit() or not (after.isalpha() or after in "\u201c\"")):
            return None  # ‘90s, 'n'
        return opener
    return None


def _opens_sentence(text: str, i: int) -> bool:
    """True when only spaces separate position i from a sentence's end or a paragraph's start."""
    k = i - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    return k < 0 or text[k] in "\n\r" or k < i - 1 and text[k] in ".?!"


def _closer_at(text: str, j: int, closers: tuple[str, ...], single: bool) -> str | None:
    for closer in closers:
        if not text.startswith(closer, j):
            continue
        before = text[j - 1] if j > 0 else " "
        after = text[j + len(closer)] if j + len(closer) < len(text) else " "
        nested_close = j >= 2 and text[j - 2] in "'\u2019" and before == " "
        # "coalitions, '' said Gunnels": a stray space before a mark that no word follows; an opener
        # always has its first word right after it
        stray_space = j >= 2 and before == " " and text[j - 2] in ",.?!" and after.isspace()
        if before.isspace() and closer not in ("\u201d", "\u00bb") and not nested_close and not stray_space:
            # a straight mark after a space opens the next quote, unless it closes a nested one: ,' "
            return None
        if closer == "''" and after == "'":
            return None  # "say, 'Why?''' he asked": the first mark closes the nested quote, the last two this one
        if single and _is_letter(before) and _is_letter(after):
            return None  # don't, Trump’s
        if single and after.isalpha():
            return None
        return closer
    return None


def _paragraph_end(text: str, i: int) -> int:
    # One search that stops at the nearest break: a find per break character ran to the end of the text
    # for each character the text lacks, once per quotation.
    m = _PARAGRAPH_BREAK_RE.search(text, i)
    return m.start() if m else len(text)


class _ParagraphEnds:
    """`_paragraph_end` remembering the last paragraph it found: every opener on a long line would
    otherwise search to the same far end again, which made single-line texts quadratic."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.start = self.end = -1  # no break in text[start:end]

    def __call__(self, i: int) -> int:
        if not self.start <= i <= self.end:
            self.start, self.end = i, _paragraph_end(self.text, i)
        return self.end


def _next_paragraph_start(text: str, i: int) -> int:
    while i < len(text) and (text[i] in _PARAGRAPH_BREAK or text[i] in " \t\u00a0"):
        i += 1
    return i


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def scan(text: str) -> list[Quotation]:
    """All top-level quotations in `text`, in order."""
    found: list[Quotation] = []
    i, n = 0, len(text)
    para_ends = _ParagraphEnds(text)
    # Single openers accept the same closers, so once one finds none before its paragraph's end, no later
    # single opener in that paragraph can: skipping them keeps a line of apostrophes ('em, 'n', '90s)
    # from being read to its end once per apostrophe.
    no_single_closer_before = -1
    while i < n:
        # only a quotation mark can open a quotation: jump to the next one
        mark = _MARKS.search(text, i)
        if mark is None:
            break
        i = mark.start()
        opener = _opener_at(text, i)
        if opener is None:
            i += 1
            continue
        closers = dict(_PAIRS)[opener]
        single = opener in _SINGLE
        if single and i < no_single_closer_before:
            i += len(opener)
            continue
        quotation = _read_quotation(text, i, opener, closers, single, para_ends)
        if quotation is None:
            if single:
                no_single_closer_before = para_ends(i + len(opener))
            i += len(opener)
            continue
        found.append(quotation)
        i = max(quotation.end, i + 1)
    return found


def _read_quotation(
    text: str, start: int, opener: str, closers: tuple[str, ...], single: bool, para_ends: _ParagraphEnds
) -> Quotation | None:
    pieces: list[tuple[int, int]] = []
    piece_start = start + len(opener)
    while piece_start < len(text) and text[piece_start] == " ":
        piece_start += 1  # “ You know: the stray space is not part of the words
    j = piece_start
    para_end = para_ends(j)
    # curly quotes opened inside a straight-marked one ("… what she called a “rant,” a series …") are
    # closed by their own ”, which must not close the outer quote; only when a straight mark later in
    # the paragraph can close it: a straight mark opening a block of curly quotes closes nothing
    nested = 0
    stops = _STOPS[closers]
    while True:
        if j >= para_end:
            end = _rstrip(text, piece_start, para_end)
            reopened = None if single else _reopened_at(text, para_end, opener, closers)
            if reopened is not None:
                pieces.append((piece_start, end))
                piece_start = j = reopened
                para_end = para_ends(j)
                continue
            if single or end <= piece_start:
                return None
            pieces.append((piece_start, end))
            return Quotation(start, end, tuple(pieces), closed=False)
        if text[j] not in stops:
            # only a closing mark or a curly opener ends the quote or nests another: go to the next one
            mark = _STOP_MARKS[stops].search(text, j, para_end)
            j = mark.start() if mark is not None else para_end
            continue
        inner_open = opener == '"' and text[j] == "\u201c" and j > piece_start and _opener_at(text, j) == "\u201c"
        if inner_open and (text.find('"', j, para_end) >= 0 or _runs_on(text, para_end, closers)):
            nested += 1
            j += 1
            continue
        closer = _closer_at(text, j, closers, single)
        lead = _attribution_lead(text, piece_start, j) if closer is None and not single else None
        if lead is not None:
            # '… said: "I've lost three years. He added: "The authorities …"': the quote left open ends
            # where the sentence before the new attribution ends, and the new mark opens the next quote
            pieces.append((piece_start, lead))
            return Quotation(start, lead, tuple(pieces), closed=False)
        if closer == "\u201d" and nested:
            nested -= 1
            j += 1
            continue
        if closer is not None and single and j - piece_start == 1 and not pieces:
            return None  # rock 'n' roll: a clipped word, not a quotation
        if closer is not None and single and _plural_possessive(text, j, para_end, closers):
            j += 1
            continue
        if closer is not None and j > piece_start:
            pieces.append((piece_start, _rstrip(text, piece_start, j)))
            return Quotation(start, j + len(closer), tuple(pieces), closed=True)
        j += 1


# a sentence ending inside a quote, and the short lead of a new attribution after it ("He added:",
# "Jones, the coach, said:"), right before an opening mark
_SENTENCE_THEN_LEAD = re.compile(r"[.!?][ \t\u00a0]+(?:([A-Z][^.!?:\"\u201c\u201d]{2,200}:)[ \t\u00a0]*)?$")
_LEAD_WORDS = range(2, 9)
# a longer lead whose last clause is the attribution ("In reference to his family on the stage with him,
# Mr Milburn said:"): the setting before the comma, then a few words
_SET_LEAD_WORDS, _SET_ATTRIBUTION_WORDS = 30, range(2, 7)


def _is_lead(lead: str) -> bool:
    words = lead.split()
    if len(words) in _LEAD_WORDS:
        return True
    attribution = lead.rsplit(",", 1)[1] if "," in lead else ""
    return len(words) <= _SET_LEAD_WORDS and len(attribution.split()) in _SET_ATTRIBUTION_WORDS


def _attribution_lead(text: str, piece_start: int, j: int) -> int | None:
    """Where a quote left open ends, when a new opening mark at `j` follows a sentence end, with or
    without the lead of an attribution between: the end of that sentence. Copy that opens each
    sentence of a quote anew and closes only the last (`"A. "B. "C."`) quotes each sentence on its own.
    None when the mark is anything else."""
    if text[j] not in ('"', "\u201c") or _opener_at(text, j) is None:
        return None
    m = _SENTENCE_THEN_LEAD.search(text, max(piece_start, j - 240), j)
    if m is None or m.group(1) is not None and not _is_lead(m.group(1)):
        return None
    return m.start() + 1


def _reopened_at(text: str, para_end: int, opener: str, closers: tuple[str, ...]) -> int | None:
    """Where a double-marked quote runs on into the next paragraph, if it does: the reopening mark is how
    a quote runs on (the next paragraph starts with the same opener, or a curly one), and it must close
    somewhere ahead."""
    nxt = _next_paragraph_start(text, para_end)
    reopens = nxt < len(text) and (text.startswith(opener, nxt) or text.startswith("\u201c", nxt))
    return nxt + len(opener) if reopens and _has_closer_ahead(text, nxt + len(opener), closers) else None


def _runs_on(text: str, para_end: int, closers: tuple[str, ...]) -> bool:
    """True when the next paragraph reopens a straight-marked quote that closes somewhere ahead: an excerpt
    quoted over paragraphs ('reports:' / '"The first … a “rant,” …' / '"Then …"') holds its curly quotes
    even in a paragraph with no straight mark to close it."""
    nxt = _next_paragraph_start(text, para_end)
    return text.startswith('"', nxt) and _has_closer_ahead(text, nxt + 1, closers)


def _plural_possessive(text: str, j: int, para_end: int, closers: tuple[str, ...]) -> bool:
    """'It's the voters' choice,' said Swinson: a mark after a plural's "s" and before a lower-case word is
    its possessive when a later mark in the paragraph can close the quote and no quote opens before it."""
    if text[j - 1 : j] != "s" or not text[j + 1 : j + 3].startswith(" ") or not text[j + 2 : j + 3].islower():
        return False
    # a quote goes on for a few sentences at most: looking further would make a long line quadratic
    for k in range(j + 1, min(para_end, j + 600)):
        if text[k] in "'\u2018\u2019" and text[k - 1].isspace() and text[k + 1 : k + 2].isalpha():
            return False  # "called them 'the Democrats' and said 'no'": the next mark opens a quote
        apostrophe = text[k - 1].isalpha() and text[k + 1 : k + 2].isalpha()
        if not apostrophe and any(text.startswith(c, k) for c in closers):
            return True
    return False


def _has_closer_ahead(text: str, j: int, closers: tuple[str, ...]) -> bool:
    """True when some paragraph ahead closes the quote: a reopened quote must end somewhere."""
    limit = min(len(text), j + 20000)
    return any(text.find(c, j, limit) >= 0 for c in closers)


class QuotationIndex:
    """Which quotation holds a position, in log time: long texts hold thousands of quotations."""

    def __init__(self, quotations: list[Quotation]) -> None:
        self.quotations = quotations
        self._starts = [q.start for q in quotations]

    def at(self, pos: int) -> Quotation | None:
        i = bisect_right(self._starts, pos) - 1
        return self.quotations[i] if i >= 0 and pos < self.quotations[i].end else None

    def overlapping(self, start: int, end: int) -> list[Quotation]:
        """Quotations meeting [start, end), in order (quotations never overlap one another)."""
        i = max(bisect_right(self._starts, start) - 1, 0)
        found = []
        while i < len(self.quotations) and self.quotations[i].start < end:
            if self.quotations[i].end > start:
                found.append(self.quotations[i])
            i += 1
        return found
