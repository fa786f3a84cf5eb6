"""Claims a headline or a transcript makes by layout rather than by a verb: `Name: claim`, `Name: "…"`,
the transcript label `WALLACE: …`, and the dash attribution `"…" — Name`."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from quotegrab.engine.rules.claim import Claim, next_nonspace, trim
from quotegrab.engine.rules.context import DocContext
from quotegrab.engine.rules.cues import Cues
from quotegrab.engine.scanner import Quotation

# "WALLACE: …", "SEN. KAINE: …", optionally inside a quotation mark opening a quoted transcript
# a signature after a dash: two to four capitalised words, middle initials allowed ("Christina N Luis")
_SIGNATURE = re.compile(r"[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]*\.?){1,3}")
_TRANSCRIPT_LABEL = re.compile(r"(?m)^[ \t]*[\"\u201c]?([A-Z][A-Z.'\u2019 -]{0,28}[A-Z]):[ \t]+([^\n\r]+)$")


def transcript_claims(ctx: DocContext) -> list[Claim]:
    """Interview transcripts: a paragraph opened by a speaker's name in capitals and a colon
    ("WALLACE: Let's start with …", "SEN. TIM KAINE: …") is that speaker's."""
    claims = []
    for m in _TRANSCRIPT_LABEL.finditer(ctx.text):
        mention = ctx.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        content = trim(ctx.text, m.start(2), m.end(2), min_chars=2)
        if mention is None or content is None:
            continue
        start, end = content
        if ctx.text[end - 1] in "\"\u201d" and ctx.text.count(ctx.text[end - 1], start, end) % 2:
            end -= 1  # the closing mark of a transcript quoted whole
        colon = m.end(1)
        claims.append(Claim([(start, end)], (colon, colon + 1), mention, "transcript"))
    return claims


def headline_claims(
    ctx: DocContext, sources: frozenset[str] = frozenset(), speakers: frozenset[str] = frozenset()
) -> list[Claim]:
    """Headline form without quotation marks: "Trey Gowdy: Benghazi Probe Revealed Email Scandal"; on the
    article's first line also a group or a body named by a noun of `speakers` ("Insiders: Trump will
    rebound")."""
    claims = transcript_claims(ctx)
    for m in re.finditer(r"(?m)^([^\n\r:]{2,60}):[ \t]+([^\n\r]{12,})$", ctx.text):
        if _TRANSCRIPT_LABEL.match(ctx.text, m.start()):
            continue
        rest_start = m.start(2)
        rest = m.group(2)
        # a title-like quotation opening the claim ("Name: ‘Of Course’ Smith Is Qualified.") counts too:
        # the words after it make the headline a claim, not one quotation for the colon rule
        opening = next((q for q in ctx.all_quotations if q.start == rest_start), None)
        if ctx.text[rest_start] in "\"'\u201c\u2018`" and (
            opening is None or not ctx.text[opening.end : m.end(2)].strip(" .,!?")
        ):
            continue  # a headline that is one quotation is the colon rule's ('Name: "…"')
        first_line = not ctx.text[: m.start()].strip()
        if rest.endswith(".") and not _title_case(rest) and not first_line:
            continue  # "Note: this is a sentence." is not a headline; an article's first line is its headline
        span = ctx.doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or len(span) > 5:
            continue
        ents = [e for e in span.ents if e.label_ in ("PERSON", "ORG")]
        if ents and ents[-1].end == span.end:
            mention = ents[-1]
        elif len(span) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span):
            mention = span  # a name the NER missed in a headline: "Lewandowski: FBI director acted …"
        elif len(span) == 1 and span.text[:1].isupper() and any(
            p.text.split()[-1] == span.text for p in ctx.persons if len(p) > 1
        ):
            mention = span  # a surname the tagger misread, the article naming its person in full
        elif span.root.lemma_.lower() in sources:
            mention = span  # "Poll: Clinton leads in Ohio"
        elif first_line and (span.root.lower_ in speakers or span.root.lemma_.lower() in speakers):
            mention = span  # "Insiders: Trump will rebound", "Newspaper: minister used private email"
        else:
            continue
        content = trim(ctx.text, rest_start, m.end(2), min_chars=12)
        if content is not None:
            colon = m.end(1)
            claims.append(Claim([content], (colon, colon + 1), mention, "headline"))
    return claims


def colon_or_dash_claim(ctx: DocContext, q: Quotation) -> Claim | None:
    """Headline form `Name: "…"` and the dash attribution `"…" — Name`."""
    doc = ctx.doc
    text = ctx.text
    para_start, para_end = ctx.paragraph_bounds(q.start)
    lead = text[para_start : q.start]
    source = _source_after_dash(ctx, para_start, lead)
    if source is not None:
        colon = text.index(":", source.end_char)
        return Claim(list(q.pieces), (colon, colon + 1), source, "colon")
    m = re.match(r"^\s*(.{2,60}?)\s*:\s*$", lead)
    if m:
        span = doc.char_span(para_start + m.start(1), para_start + m.end(1), alignment_mode="expand")
        named = span is not None and (
            any(e.label_ in ("PERSON", "ORG") for e in span.ents)
            or len(span) <= 4 and all(t.text[:1].isupper() and t.pos_ == "PROPN" for t in span)
            # "Reid: 'Never …'" in a headline the tagger misreads: a name the article gives a person
            or len(span) <= 3 and span.text[:1].isupper() and _names_a_person(ctx, span.text)
        )
        if named:
            colon = text.index(":", para_start + m.end(1))
            return Claim(list(q.pieces), (colon, colon + 1), span, "colon")
    tail_start, tail = q.end, text[q.end : para_end]
    if not text[para_start : q.start].strip() and not tail.strip():
        # a quote standing as its own paragraph, signed in the next one: '"…"' / '- Bernie Sanders.'
        tail_start = next_nonspace(text, para_end)
        tail = text[tail_start : ctx.paragraph_bounds(tail_start)[1]]
    m = re.match(r"^\s*([\u2014\u2015\u2013]|--|-(?=\s*[A-Z]))\s*(.{2,80}?)\s*$", tail)
    if m:
        start = tail_start + m.start(2)
        span = doc.char_span(start, tail_start + m.end(2), alignment_mode="expand")
        name = re.match(r"[^,.;(]+", m.group(2))
        # the signer is named before any comma: what follows says where they are from or what they did
        # ("- Ann Marks, Philadelphia.", "- President Obama, tweeting after the speech.")
        name_end = start + (len(name.group().rstrip()) if name is not None else len(m.group(2)))
        ent = next((e for e in span.ents if e.label_ in ("PERSON", "ORG") and e.start_char < name_end),
                   None) if span is not None else None
        # a signature the NER misses ("― Beck Pimentel"): the dash ending the paragraph is the sign, so
        # a short run of capitalised words is taken as the name
        signed = name is not None and (_SIGNATURE.fullmatch(m.group(2).rstrip(".").strip()) is not None
                                       or _SIGNATURE.fullmatch(name.group().strip()) is not None)
        if ent is None and name is not None and (_names_a_person(ctx, name.group().strip()) or signed):
            ent = doc.char_span(start, start + len(name.group().strip()), alignment_mode="expand")
        if ent is not None:
            dash = tail_start + m.start(1)
            return Claim(list(q.pieces), (dash, dash + len(m.group(1))), ent, "dash")
    return None


# a bulleted label that names who speaks, right before the quote: '- Bolton boss Sam Allardyce "I am …'
_BULLET_LABEL = re.compile(r"^\s*[-\u2013\u2022*]\s*([^\n\r:\"\u201c]{2,60}?)\s*$")


def labelled_claim(ctx: DocContext, q: Quotation) -> Claim | None:
    """A quote after a bulleted label ending in a person's name, with no cue ('- Bolton boss Sam
    Allardyce "I am …"': match reports list the managers' words so) is that person's."""
    para_start = ctx.paragraph_bounds(q.start)[0]
    m = _BULLET_LABEL.match(ctx.text[para_start : q.start])
    if m is None:
        return None
    span = ctx.doc.char_span(para_start + m.start(1), para_start + m.end(1), alignment_mode="expand")
    if span is None:
        return None
    persons = [e for e in span.ents if e.label_ == "PERSON"]
    if persons and persons[-1].end == span.end:
        return Claim(list(q.pieces), None, persons[-1], "colon")
    # a full name the NER tagged otherwise ("Graeme Souness" as a work of art): two or three capitalised
    # proper nouns ending the label
    first = len(span)
    while first > max(len(span) - 3, 0) and _capitalised_name_word(span[first - 1]):
        first -= 1
    return Claim(list(q.pieces), None, span[first:], "colon") if len(span) - first >= 2 else None


def _capitalised_name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()


def _source_after_dash(ctx: DocContext, para_start: int, lead: str) -> Span | None:
    """'RED STATES GAIN GROUND - Ann Ruiz: "…"': a digest item names its topic, then after a dash the
    person or body it quotes and a colon; the name is the whole of what stands between dash and colon."""
    m = re.search(r"\s(?:[\u2014\u2013]|--?)\s*([^\n\r:\u2014\u2013]{2,60}?)\s*:\s*$", lead)
    if m is None:
        return None
    span = ctx.doc.char_span(para_start + m.start(1), para_start + m.end(1), alignment_mode="expand")
    if span is None:
        return None
    ents = [e for e in span.ents if e.label_ in ("PERSON", "ORG")]
    if ents and ents[-1].end == span.end and all(t.text[:1].isupper() or t.is_punct or t.lower_ in ("and", "from")
                                                for t in span):
        return span if len(ents) > 1 else ents[-1]  # "More from Ruiz": the name is the source
    if len(span) <= 3 and all(t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() for t in span) and (
            len(span) > 1 or span[0].pos_ == "PROPN"):
        return span  # a body the NER and the tagger missed ("Pew Research")
    return None


def _names_a_person(ctx: DocContext, words: str) -> bool:
    """True when `words` are a person's name, or its last words, as the article's entities give it."""
    return any(p.text == words or p.text.endswith(" " + words) for p in ctx.persons)


def _title_case(text: str) -> bool:
    """Headline capitalisation: most words longer than three letters start with a capital."""
    words = [w for w in re.findall(r"[\w'\u2019-]+", text) if len(w) > 3]
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


# a headline is short and, unlike the sentences of the body, has no full stop at its end
_HEADLINE_CHARS = 120
_WORD = re.compile(r"[\w'\u2019-]+")


def headline_fragments(ctx: DocContext, claims: list[Claim], cues: Cues) -> list[Claim]:
    """A headline that quotes with no verb of saying (`Economy 'stronger than forecast'`, `Blair 'will not
    quit' over Iraq`) is a claim, mixed, of whoever the article's body credits with it: the body's first
    claim holding the quoted words, else the claim its first paragraph that makes one opens with."""
    text = ctx.text
    start = next_nonspace(text, 0)
    end = ctx.paragraph_bounds(start)[1]
    piece = trim(text, start, end)
    if piece is None or end - start > _HEADLINE_CHARS or text[start:end].rstrip()[-1:] in (".", "!", "?"):
        return []
    inside = [q for q in ctx.index.overlapping(start, end) if q.end <= end]
    if not inside or not text[end:].strip() or any(c.start < end and start < c.end for c in claims):
        return []
    body = [c for c in claims if c.start >= end]
    source = _credited(text, inside, body) or _lede_claim(ctx, body, end)
    return [Claim([piece], None, source.mention if source is not None else None, "headline-fragment")]


def _credited(text: str, quoted: list[Quotation], body: list[Claim]) -> Claim | None:
    """The first claim of the body that repeats the headline's quoted words."""
    for q in quoted:
        words = " ".join(_WORD.findall(text[q.content_start : q.content_end].lower()))
        if not words:
            continue
        for claim in body:
            content = " ".join(_WORD.findall(" ".join(text[s:e] for s, e in claim.spans).lower()))
            if claim.mention is not None and f" {words} " in f" {content} ":
                return claim
    return None


def _lede_claim(ctx: DocContext, body: list[Claim], headline_end: int) -> Claim | None:
    """The first claim with a speaker in the body's first paragraph, which a headline sums up."""
    lede_start = next_nonspace(ctx.text, headline_end)
    lede_end = ctx.paragraph_bounds(lede_start)[1]
    return next((c for c in body if c.start < lede_end and c.mention is not None), None)
