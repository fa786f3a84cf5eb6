"""Quotations and their cues: the quote a cue closes, introduces or resumes, the words around it in the
cue's sentence, quotes with no cue of their own (continuations of the previous speaker, headline and
dash forms), quotes interrupted by their attribution merged back into one, and the typing of every
claim as direct, mixed or indirect from how much of it lies inside quotation marks."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from quotegrab.engine.grammar import CLOSING_MARKS, LINE_BREAK, SENTENCE_CLOSE, SENTENCE_END
from quotegrab.engine.rules.claim import CONTENT_EDGE, Claim, next_nonspace, overlaps, trim
from quotegrab.engine.rules.context import DocContext
from quotegrab.engine.rules.cues import Cues
from quotegrab.engine.rules.headline import colon_or_dash_claim, labelled_claim
from quotegrab.engine.rules.speakers import mention_span, speaker_of
from quotegrab.engine.scanner import Quotation, QuotationIndex

_ASIDE_WORDS = ("who", "which", "whose", "as", "of", "in", "on", "at")
_INHERIT_DEPS = ("advcl", "xcomp", "conj", "ccomp", "pcomp", "acl", "dep", "advmod")
_QUOTE_RULES = ("quote-before", "quote-after", "continuation", "colon", "dash", "according-to", "fronted-mixed")
# words before a quote that end a sentence, or lead into the quote with a colon or a dash
_LEAD_ENDS = re.compile(rf"[.!?:\u2014][{CLOSING_MARKS}]*\s*$")
# a sentence ended, and white space after it
_AFTER_SENTENCE = re.compile(SENTENCE_CLOSE + r"\s+$")


def quotation_before(ctx: DocContext, verb: Token, speaker: Span, cues: Cues) -> Quotation | None:
    """The quote this cue closes: "…," Trump said / "…?" asked Trump / '…': Trump says."""
    clause_start = min(verb.idx, speaker.start_char)
    para_start = ctx.paragraph_bounds(verb.idx)[0]
    candidates = [q for q in ctx.quotations if q.end <= clause_start and q.start >= para_start]
    if not candidates:
        return None
    q = candidates[-1]
    gap = ctx.text[q.end : clause_start].strip()
    inner = ctx.text[q.content_start : q.content_end].rstrip(" \u2019'\u201d\"")
    inner_end = inner[-1:]
    if gap in (",", ":", "\u2014", "\u2013", "--", "-"):
        return q
    if not gap:
        # "…," Trump said. A quote closed by a full stop ends its sentence: what follows is not its cue,
        # unless the cue clause is all that follows ("…." Trump said.) or the comma is missing
        # ("…niches" Grubbs said.)
        if inner_end in ",\u2014-":
            return q
        if inner_end in "?!":
            # '"Why now?" Her critics cited it as …': a question ends its sentence; a cue with content
            # of its own after it starts the next one
            own = [c for c in verb.children if c.i > verb.i and (c.dep_ in ("ccomp", "xcomp")
                   or c.dep_ == "dobj" and _said_thing(c))]
            return None if own else q
        if inner_end.isalnum():  # the missing comma of a quote opening its sentence, not a scare quote
            return q if sentence_lead(ctx, q) is None and len(inner.split()) >= 3 else None
        bare = not any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children)
        return q if inner_end == "." and bare and verb.sent.end - verb.i <= 4 else None
    # "…cost," Trump would pounce on it, he added: a quote ending in a comma whose cue comes
    # later in the same sentence.
    if inner_end == "," and gap.split()[0].lower() in cues.lexicon["setting_conjunctions"]:
        return None  # '"…," when Clinton blasted him': the clause says when the words were said
    one_sentence = inner_end == "," and not SENTENCE_END.search(gap + " ") and len(gap) < 120
    # '"Nobody here trusts the count" in this state, she said': a quote left open by its sentence,
    # whose lowercase words run on to the cue's comma, is the head of that sentence (mixed with them)
    runs_on = (inner_end.isalnum() and gap.endswith(",") and gap[:1].islower() and len(gap) < 80
               and not SENTENCE_END.search(gap + " ") and sentence_lead(ctx, q) is None)
    one_sentence = one_sentence or runs_on
    if one_sentence and not any(q.end <= o.start < clause_start for o in ctx.quotations):
        return q
    return None


def _said_thing(obj: Token) -> bool:
    """An object that is what was said ("cited it", "cited this"), not whom a question was put to."""
    return obj.lower_ in ("it", "this", "that", "these", "those") or obj.pos_ == "NOUN" and any(
        c.dep_ in ("acl", "relcl") for c in obj.children)


def tail_before_cue(ctx: DocContext, q: Quotation, verb: Token, speaker: Span) -> int | None:
    """End of the words between a quote and the cue clause after it, when there are some: in
    '"It's stable now," and donations rose, Gilbert said' they finish the reported sentence."""
    clause_start = min(verb.idx, speaker.start_char)
    gap = ctx.text[q.end : clause_start]
    words = re.findall(r"\w+", gap)
    # a capital opens the speaker's name and its appositions ("…," Rep. Ann Cole, Democrat of Ohio, said)
    if len(words) < 2 or not words[0].islower() or ctx.has_quotation(q.end, clause_start):
        return None
    end = trim(ctx.text, q.end, clause_start)
    return end[1] if end is not None else None


def sentence_lead(ctx: DocContext, q: Quotation) -> int | None:
    """Start of the words before a quote in its sentence, when there are some ("Trump's plan is
    "strategic," he said" is mixed); None when the quote opens its sentence."""
    para_start = ctx.paragraph_bounds(q.start)[0]
    lead = ctx.text[para_start : q.start]
    ends = list(SENTENCE_END.finditer(lead))
    start = para_start + (ends[-1].end() if ends else 0)
    lead = ctx.text[start : q.start]
    if lead.rstrip()[-1:] in (":", "-", "\u2014", "\u2013"):
        return None  # "… plans by the company - ''I love Oreos,'' he said": the quote stands alone
    last = ctx.doc.char_span(start, q.start, alignment_mode="contract")
    words_before = [t for t in last if not t.is_punct and not t.is_space] if last is not None else []
    if lead.rstrip().endswith(",") and words_before and words_before[-1].pos_ == "VERB":
        return None  # 'When a man shouted, "…," she said': a verb of its own introduces the quote
    words = len(re.findall(r"\w+", lead))
    # 'Sanders "is tapping into something…," Rosenberg said': a quote that starts mid-sentence
    # continues the words before it
    mid_sentence = ctx.text[q.content_start : q.content_start + 1].islower()
    return start if words >= 2 or words and mid_sentence else None


def quotation_resumed(ctx: DocContext, verb: Token, speaker: Span, before: Quotation) -> Quotation | None:
    """"It's a difficult issue," said the senator, "because …": the quote resumes mid-sentence
    right after its attribution."""
    clause_end = max(verb.idx + len(verb), speaker.end_char)
    para_end = ctx.paragraph_bounds(verb.idx)[1]
    q = next((q for q in ctx.quotations if q.start >= clause_end and q.start < para_end), None)
    if q is None:
        return None
    gap = ctx.text[clause_end : q.start].strip()
    first = ctx.text[q.content_start : q.content_start + 1]
    broken_off = ctx.text[before.content_end - 1 : before.content_end] == ","
    # a sentence broken off at a comma and resumed in lower case ('"…," said Pantucci, director of …,
    # "but it is …"') goes on past however long an aside about the speaker, unless a clause of its own
    # leads into the resumed words ('noting that he and his wife "have …"')
    resumes = first.islower() and broken_off and not re.search(r"\b(?:that|whether|if)\b", gap)
    # '"…," she said "Ultimately …"': the comma after the cue left out, the quote goes on right after it
    comma_dropped = not gap and broken_off and ctx.text[q.content_end - 1 : q.content_end] in ".!?"
    if comma_dropped:
        return q
    if not gap.endswith(",") or len(gap) > (200 if resumes else 80) or SENTENCE_END.search(gap + " "):
        return None
    between = ctx.doc.char_span(clause_end, q.start, alignment_mode="contract")
    if between is not None and not resumes and any(t.pos_ == "VERB" for t in between):
        return None  # '"…," he said, adding, "…"': the second quote is the next verb's
    return q if first.islower() or broken_off else None


def introduces(ctx: DocContext, verb: Token, speaker: Span, q: Quotation) -> bool:
    """True when the cue clause ends in a comma or colon right before the quote."""
    clause_end = _clause_end(ctx, verb, speaker)
    return ctx.text[clause_end : q.start].strip() in (",", ":")


def _clause_end(ctx: DocContext, verb: Token, speaker: Span) -> int:
    # "said Trump, "…"": an inverted speaker right after the cue belongs to the cue clause
    inverted = verb.i < speaker.start <= verb.i + 3
    return max(verb.idx + len(verb), speaker.end_char) if inverted else verb.idx + len(verb)


def quotation_after(ctx: DocContext, verb: Token, speaker: Span, voiced: bool = False) -> Quotation | None:
    """The quote this cue introduces: Trump said, "…" / Trump told reporters: "…". A verb that only voices
    words (`voiced`: "chanting "no peace"", "a sign reading "…"") takes a quote right after it as its
    object even inside a sentence going on past it."""
    clause_end = _clause_end(ctx, verb, speaker)
    para_end = ctx.paragraph_bounds(verb.idx)[1]
    if ctx.text[clause_end:para_end].strip() == ":":
        # "He said:" closing a paragraph introduces the quote that opens the next one
        para_end = ctx.paragraph_bounds(next_nonspace(ctx.text, para_end))[1]
    q = next((q for q in ctx.quotations if q.start >= clause_end and q.start < para_end), None)
    if voiced:
        # a title-like quote right after a verb that only voices words is what was voiced
        q = ctx.title_voiced(clause_end) or q
    if q is None:
        return None
    gap = ctx.text[clause_end : q.start]
    if SENTENCE_END.search(gap + " ") or len(gap) > 60:
        return None
    stripped = gap.strip()
    words = re.findall(r"\w+", stripped)
    between = ctx.doc.char_span(clause_end, q.start, alignment_mode="contract")
    # "told the Post in a written statement, “…”": whom and how the cue was said, with no verb of its own
    phrase = between is not None and stripped.endswith(",") and len(words) <= 10 and "that" not in words and all(
        t.pos_ not in ("VERB", "AUX") or t.dep_ == "amod" for t in between)
    if words and (words[0].lower() in ("that", "if", "whether") or len(words) > 4 and not phrase):
        # "adds that American Muslims have two choices: “…”": a clause leads into the quote, so
        # the content is that clause with the quote in it (mixed), which the complement rule finds
        return None
    if between is not None and any(t.pos_ == "VERB" and t.dep_ != "conj" and any(
            c.dep_ == "nsubj" for c in t.children) for t in between):
        # "After Brown criticized him, Clinton shot back, "…"": a clause of its own stands between
        return None
    if stripped.endswith((",", ":")) or stripped == "":
        # a quote right after the verb with no punctuation is its object ("said “numerous” …")
        if stripped == "" and _starts_clause_mid_sentence(ctx, q) and not (voiced and _voices_words(ctx, q)):
            return None
        return q
    return None


def voiced_object(ctx: DocContext, q: Quotation) -> tuple[int, int] | None:
    """'chanted "save the park" and "no more cuts" as they marched': the quotes a verb that only voices
    words takes as its object, coordinated ones included; None when the quote ends its sentence (it is
    read like any quote the cue introduces)."""
    if not _starts_clause_mid_sentence(ctx, q) or not _voices_words(ctx, q):
        return None
    end = q.end
    m = re.match(r"[ ,]*(?:and|or)[ \t]+", ctx.text[end : end + 8])
    if m is not None:
        nxt = ctx.index.at(end + m.end())
        if nxt is not None and nxt.start == end + m.end():
            end = nxt.end
    return q.start, end


def _voices_words(ctx: DocContext, q: Quotation) -> bool:
    """A quote that can be words voiced whole: a lone word ('crying "fraud"') is a scare quote and
    'continue "to break barriers"' a fragment of the verb's own clause."""
    words = ctx.text[q.content_start : q.content_end].split()
    return len(words) >= 2 and words[0].lower() != "to"


def lead_into_lowercase_quote(ctx: DocContext, verb: Token, speaker: Span, q: Quotation) -> tuple[int, int] | None:
    """'If she is elected, he said, "she might …"': a quote resuming in lower case finishes the words
    before its cue clause, which are part of the content (it is mixed)."""
    if not ctx.text[q.content_start : q.content_start + 1].islower():
        return None
    clause_start = min(verb.idx, speaker.start_char)
    clause = ctx.text[clause_start : q.start].rstrip()
    if not clause.endswith(",") or len(re.findall(r"\w+", clause)) > 8 or speaker.root.head != verb:
        return None  # only a bare "Name said," interrupts the sentence
    start = max(verb.sent.start_char, ctx.paragraph_bounds(clause_start)[0])
    if not ctx.text[start:clause_start].rstrip().endswith(","):
        return None
    lead = trim(ctx.text, start, clause_start, min_chars=2)
    # a lone connective ("Also, he said, "…"") links sentences; it is not reported content
    if lead is None or ctx.has_quotation(*lead) or len(re.findall(r"\w+", ctx.text[lead[0] : lead[1]])) < 2:
        return None
    return lead


def relative_object(ctx: DocContext, verb: Token, speaker: Span) -> tuple[int, int] | None:
    """'what he called "sophisticated adversaries"': the relative word the cue's clause opens with is
    the thing said, so the quote is a fragment of a mixed claim."""
    first = min(verb.i, speaker.start)
    if first == 0 or verb.i < speaker.start:
        return None
    rel = ctx.doc[first - 1]
    if rel.lower_ not in ("what", "which", "whom") or ctx.quoted(rel) or rel.head != verb:
        return None  # "to which O'Malley interjected: "…"" answers; it doesn't name what was said
    return rel.idx, rel.idx + len(rel)


def _starts_clause_mid_sentence(ctx: DocContext, q: Quotation) -> bool:
    if ctx.text[q.content_start : q.content_end].rstrip()[-1:] in (".", "!", "?"):
        return False
    after = ctx.text[q.end : q.end + 3]
    return bool(after.strip()) and after.lstrip()[:1] not in (".", "\u201d", '"', "") and not after.startswith(
        ("\n", "\r")
    )


def extend_to_clause_end(ctx: DocContext, q: Quotation, verb: Token, cues: Cues) -> tuple[int, int]:
    """Content of a quote introduced by its cue: the quote and what follows it in the sentence."""
    para_end = ctx.paragraph_bounds(q.start)[1]
    if ctx.text[q.content_start : q.content_end].rstrip()[-1:] in (".", "!", "?"):
        return q.start, q.end
    tail = ctx.text[q.end : para_end]
    after = ctx.doc.char_span(q.end, para_end, alignment_mode="contract")
    words = [t for t in after if not t.is_punct and not t.is_space] if after is not None else []
    comma = tail.lstrip().startswith(",") or ctx.text[q.content_start : q.content_end].rstrip()[-1:] == ","
    if comma and words and words[0].tag_ == "VBG" and (words[0].head == verb or ctx.quoted(words[0].head)):
        # 'said: "…," adding that …': the speaker goes on to a claim of its own (the parser hangs the
        # participle on the cue or on the quote's own verb)
        return q.start, q.end
    setting = cues.lexicon["setting_conjunctions"]
    if comma and words and words[0].dep_ in ("mark", "advmod") and words[0].lower_ in setting:
        # 'says, "Don't do it," until the line goes dead': the clause says when the words were said
        return q.start, q.end
    m = SENTENCE_END.search(tail + " ")
    end = q.end + (m.start() + 1 if m else len(tail))
    if not ctx.text[q.end : end].strip(" .,;:\t"):
        return q.start, q.end
    return q.start, min(end, para_end)


# -- quotations no cue claimed -------------------------------------------------------------------


def unattributed_quotations(ctx: DocContext, claims: list[Claim], cues: Cues) -> list[Claim]:
    """Quotes with no cue of their own: continuations of the previous speaker, headline
    forms (Name: "…"), and dash attributions ("…" — Name)."""
    extra: list[Claim] = []
    covered = [(s, e) for c in claims for s, e in c.spans]
    by_start = sorted(claims, key=lambda c: c.start)
    for q in ctx.quotations:
        if any(s <= q.content_start and q.content_end <= e for s, e in covered):
            continue
        if any(overlaps((s, e), (q.start, q.end)) for s, e in covered):
            continue
        if not stands_alone(ctx, q):
            labelled = labelled_claim(ctx, q)
            opener = introduced_by(ctx, q, cues) if labelled is None else None
            if labelled is not None:
                extra.append(labelled)
            elif opener is not None:
                extra.append(Claim(list(q.pieces), opener[0], opener[1], "quote-after"))
            elif _short_sentence(ctx, q):
                # '"I feel good about November," Tester said. "Very good."': a sentence of a word or two
                # right after a quote's attribution, in its paragraph, is the same speaker going on
                prior = _prior_quote(by_start + extra, q, ctx.index)
                same_paragraph = prior is not None and ctx.paragraph_bounds(prior.end)[0] == ctx.paragraph_bounds(
                    q.start)[0]
                if same_paragraph and continues(ctx, prior, q):
                    extra.append(Claim(list(q.pieces), None, prior.mention, "continuation", continues=prior))
            continue
        excerpted = _excerpted_from(ctx, q, cues)
        claim = Claim(list(q.pieces), excerpted[0], excerpted[1], "quote-after") if excerpted else None
        claim = claim or colon_or_dash_claim(ctx, q)
        answer = answered_by(ctx, q, cues) if claim is None else None
        if answer is not None:
            claim = Claim(list(q.pieces), answer[0], answer[1], "quote-before")
        opener = introduced_by(ctx, q, cues) if claim is None and _after_colon(ctx, q) else None
        if opener is not None:
            # 'Trump leaned in and boomed: "…"': a sentence ending in a colon hands the quote to its subject
            claim = Claim(list(q.pieces), opener[0], opener[1], "quote-after")
        announced = _announced_by(ctx, q, cues) if claim is None else None
        if announced is not None:
            claim = Claim(list(q.pieces), announced[0], announced[1], "quote-after")
        if claim is None:
            prior = _prior_quote(by_start + extra, q, ctx.index)
            if prior is not None and continues(ctx, prior, q):
                claim = Claim(list(q.pieces), None, prior.mention, "continuation", continues=prior)
        if claim is not None:
            extra.append(claim)
    return extra


def _prior_quote(claims: list[Claim], q: Quotation, quotations: QuotationIndex) -> Claim | None:
    """The attributed quote that ends last before `q`: the speaker a cue-less quote may go on from."""
    previous = [c for c in claims if c.end <= q.start and c.mention is not None and _in_quotes(c, quotations)]
    return max(previous, key=lambda c: c.end) if previous else None


def _in_quotes(claim: Claim, quotations: QuotationIndex) -> bool:
    """A claim made in quoted words: a quote, or a report holding a fragment ('described it as "very
    important". "This is …"'), which a cue-less quote after it may go on from."""
    return claim.rule in _QUOTE_RULES or any(quotations.overlapping(s, e) for s, e in claim.spans)


def _announced_by(ctx: DocContext, q: Quotation, cues: Cues) -> tuple[tuple[int, int], Span] | None:
    """'Bystrom agreed. "…"' / 'Lau said in a statement. "…"': a sentence that is nothing but a cue
    and its speaker, right before a quote in its paragraph, announces that quote (the writer put a full stop
    where a colon belongs)."""
    para_start = ctx.paragraph_bounds(q.start)[0]
    before = ctx.doc.char_span(para_start, q.start, alignment_mode="contract")
    # the paragraph's last three words before the quote are all the test reads (not a Token per word)
    words = _last_words(ctx.doc, before.start, before.end, 3) if before is not None else []
    if len(words) < 3 or words[0].text != "." or ctx.text[words[0].idx + 1 : q.start].strip():
        return None
    sent = words[0].sent
    verb = sent.root
    # a cue after another quote in the paragraph closes that one ('"A," he said. "B."' goes on from A)
    if sent.start_char < para_start or ctx.has_quotation(para_start, q.start):
        return None
    # a weak cue with nothing after it says the quote too ("Bystrom agreed.")
    if verb.pos_ != "VERB" or not (cues.is_cue_verb(verb) or verb.lemma_.lower() in cues.cue_verbs):
        return None
    # a cue with content of its own ("said the plan failed.", "praised the plan.") reports that
    if any(c.dep_ in ("ccomp", "xcomp", "advcl", "conj") or c.dep_ == "dobj" and not cues.person_or_group(c)
           for c in verb.children):
        return None
    speaker = speaker_of(verb, ctx, cues)
    return ((verb.idx, verb.idx + len(verb)), speaker) if speaker is not None else None


def _last_words(doc: Doc, start: int, end: int, count: int) -> list[Token]:
    """Up to `count` of the last tokens from `start` up to `end` that are no white space, the last first."""
    words: list[Token] = []
    k = end - 1
    while k >= start and len(words) < count:
        if not doc[k].is_space:
            words.append(doc[k])
        k -= 1
    return words


def _after_colon(ctx: DocContext, q: Quotation) -> bool:
    lead_start = _lead_start(ctx, q)
    return ctx.text[lead_start : q.start].rstrip().endswith(":")


# 'From the report: "…"', '- More from Cole and Diaz: "…"': a lead naming where an excerpt comes from
_EXCERPT_LEAD = re.compile(r"(?:^|[.!?]\s+|[-\u2013\u2014]\s*)(?:More\s+)?(from)\s+([^:.!?\"\u201c\u201d]{2,60}):$",
                           re.IGNORECASE)


def _excerpted_from(ctx: DocContext, q: Quotation, cues: Cues) -> tuple[tuple[int, int], Span] | None:
    """'From the report: "…"' / 'From Ford's blog post: "…"': a sentence that is nothing but "from" and
    a source before a colon hands the quote to that source (to the person whose post or statement it is)."""
    para_start = _lead_start(ctx, q)
    lead = ctx.text[para_start : q.start].rstrip()
    m = _EXCERPT_LEAD.search(lead)
    if m is None:
        return None
    source = ctx.doc.char_span(para_start + m.start(2), para_start + m.end(2), alignment_mode="contract")
    if source is None or not len(source) or any(ctx.quoted(t) for t in source):
        return None
    head = source.root
    owner = next((c for c in head.children if c.dep_ == "poss" and cues.person_or_group(c)), None)
    # a statement or a document that reports findings ("the report", "the survey") speaks for itself
    lemma = head.lemma_.lower()
    document = lemma in cues.lexicon["statement_nouns"] or lemma in cues.lexicon["finding_sources"]
    if owner is None and not (document or cues.agent(head) or head.pos_ == "PROPN"):
        return None
    cue = para_start + m.start(1)
    return (cue, cue + len(m.group(1))), mention_span(owner if owner is not None else head, ctx)


def _lead_start(ctx: DocContext, q: Quotation) -> int:
    """Start of the words that lead into a quote: its paragraph's, or the previous paragraph's when the
    quote opens its paragraph and that one ends in a colon ('Stated Brown:' / "…" on the next line)."""
    para_start = ctx.paragraph_bounds(q.start)[0]
    if ctx.text[para_start : q.start].strip() or para_start == 0:
        return para_start
    before = ctx.text[:para_start].rstrip()
    if not before.endswith(":"):
        return para_start
    return ctx.paragraph_bounds(len(before) - 1)[0]


def stands_alone(ctx: DocContext, q: Quotation) -> bool:
    """A quote that is a sentence of its own (not a scare-quoted word inside a sentence)."""
    text = ctx.text
    para_start, _ = ctx.paragraph_bounds(q.start)
    lead = text[para_start : q.start]
    starts_sentence = not lead.strip() or bool(_LEAD_ENDS.search(lead))
    inner = text[q.content_start : q.content_end].rstrip()
    tail = text[q.end : q.end + 2]
    ends_sentence = inner[-1:] in ".!?,\u2026\u2014-" or not tail.strip() or tail.lstrip()[:1] in ".!?"
    return starts_sentence and ends_sentence and len(inner.split()) >= 3


def _short_sentence(ctx: DocContext, q: Quotation) -> bool:
    """A quote of one or two words that is a whole sentence: after a sentence's end, ending in its own
    full stop, question or exclamation mark ("Very good." / "Blacklisted?")."""
    text = ctx.text
    para_start, _ = ctx.paragraph_bounds(q.start)
    lead = text[para_start : q.start]
    inner = text[q.content_start : q.content_end].rstrip()
    return (bool(_AFTER_SENTENCE.search(lead)) and inner[-1:] in ".!?"
            and 1 <= len(inner.split()) < 3 and inner[:1].isupper())


def continues(ctx: DocContext, prior: Claim, q: Quotation) -> bool:
    """A cue-less quote continues the previous speaker when it follows that speaker's quoted words
    in the same paragraph or opens the next one, with no other person named in between."""
    if not _in_quotes(prior, ctx.index):
        return False
    if prior.rule not in _QUOTE_RULES and not _next_to_report(ctx, prior, q):
        return False
    if _subheading(ctx, q):
        return False
    between = ctx.text[prior.end : q.start]
    after = max(prior.end, prior.cue[1] if prior.cue else 0, prior.mention.end_char if prior.mention else 0)
    after = min(max(after, ctx.sentence_end_after(after - 1)), q.start)
    # a title in the attribution ("said on NBC's "Meet the Press."") doesn't interrupt the speaker
    others = [o for o in ctx.quotations if after <= o.start < q.start]
    if len(re.findall(r"\r\n|\n|\r", between.strip())) > 1 or others:
        return False
    # someone named after the attribution may be who speaks next; inside it ("…," Trump would
    # pounce, he added) the name is part of the attribution itself
    for ent in ctx.persons:
        new_actor = after <= ent.start_char < q.start and ent.root.dep_ == "nsubj"
        if new_actor and (prior.mention is None or ent.text not in prior.mention.text):
            return False
    # someone the NER missed whose own verb introduces the quote ("Kasich resisted: "…"")
    span = ctx.doc.char_span(after, q.start, alignment_mode="contract")
    for tok in span if span is not None else ():
        verb = tok.head
        introduces = ctx.text[verb.idx + len(verb) : q.start].strip() == ":"
        new_actor = tok.dep_ == "nsubj" and tok.pos_ in ("PROPN", "NOUN") and introduces
        if new_actor and (prior.mention is None or tok.text not in prior.mention.text):
            return False
    return True


def _next_to_report(ctx: DocContext, prior: Claim, q: Quotation) -> bool:
    """A report holding a fragment hands its speaker on to a quote in its own paragraph, or to one that
    opens the next paragraph when the report ends its own ('said the plans "lacked compulsion".' /
    '"We would like …"')."""
    prior_paragraph, prior_end = ctx.paragraph_bounds(prior.end)
    paragraph = ctx.paragraph_bounds(q.start)[0]
    if prior_paragraph == paragraph:
        return True
    ends_its_paragraph = not ctx.text[ctx.sentence_end_after(prior.end - 1) : prior_end].strip()
    opens_next = not ctx.text[paragraph : q.start].strip() and not ctx.text[prior_end:paragraph].strip()
    return ends_its_paragraph and opens_next


def answered_by(ctx: DocContext, q: Quotation, cues: Cues) -> tuple[tuple[int, int], Span] | None:
    """'"…," Bennett shot back' / '"…?" asked the boy' / '"…," the email read': the one named right
    after a quote, before or after a verb of its own, says it, though no lexicon holds that verb.
    Returns the verb's span and the speaker mention."""
    if ctx.text[q.content_start : q.content_end].rstrip()[-1:] not in (",", "?", "!"):
        return None
    para_end = ctx.paragraph_bounds(q.start)[1]
    sentence_end = ctx.sentence_end_after(q.end - 1)
    if sentence_end <= q.end and q.end < para_end:
        sentence_end = ctx.sentence_end_after(next_nonspace(ctx.text, q.end))  # the parse ends a sentence at "?"
    tail = ctx.doc.char_span(q.end, min(para_end, sentence_end), alignment_mode="contract")
    while tail is not None and len(tail) and tail[0].is_space:
        tail = tail[1:]  # a no-break space after the closing mark is a token of its own
    if tail is None or not len(tail):
        return None
    for tok in tail[:4]:
        verb = tok.head
        if tok.dep_ != "nsubj" or tok.ent_type_ != "PERSON" or verb.pos_ != "VERB" or verb.i <= tok.i:
            continue
        person = next((e for e in ctx.entities if e.start <= tok.i < e.end), None)
        if person is not None and person.start >= tail.start and verb.i == person.end:
            return (verb.idx, verb.idx + len(verb)), person
    first = tail[0]
    verb = first.head
    misread_subject = first.dep_ == "nsubj" and first.pos_ in ("VERB", "NOUN") and verb.tag_ == "VBD"
    # '"…," Trump barked and …': the parse makes the name a compound of the verb it is the subject of
    compound_subject = first.dep_ == "compound" and first.pos_ == "PROPN" and verb.pos_ == "VERB" and (
        verb.tag_ in ("VBD", "VBN") and not any(c.dep_ == "nsubj" for c in verb.children))
    if ((misread_subject or compound_subject) and first.text[:1].isupper() and verb.i == first.i + 1
            and first.lemma_.lower() not in cues.lexicon["not_cue_verbs"]
            and verb.lemma_.lower() not in cues.lexicon["not_cue_verbs"]):
        # '"…," Trump shot back': a capitalised word the tagger misread, the subject of the verb after it
        return (verb.idx, verb.idx + len(verb)), ctx.doc[first.i : first.i + 1]
    return _said_by_phrase(ctx, tail, cues)


def _said_by_phrase(ctx: DocContext, tail: Span, cues: Cues) -> tuple[tuple[int, int], Span] | None:
    """The verb and the noun phrase around it that close a quote: "asked the boy", "the email read".
    Only a verb in the past or present with nothing after the phrase but an aside counts: a longer
    clause after a quote is a sentence of its own."""
    doc = ctx.doc
    chunks = {c.start: c for c in doc.noun_chunks if tail.start <= c.start < tail.end}
    first = tail[0]
    if first.pos_ == "VERB" and first.tag_ in ("VBD", "VBZ", "VBP") and first.i + 1 in chunks:
        verb, phrase = first, chunks[first.i + 1]
    elif tail.start in chunks and chunks[tail.start].end < tail.end:
        phrase = chunks[tail.start]
        verb = doc[phrase.end]
        head = phrase.root
        if verb.pos_ != "VERB" and head.dep_ == "nsubj" and 0 < head.head.i - phrase.end <= 6 and all(
                doc[k] in head.subtree for k in range(phrase.end, head.head.i)):
            verb = head.head  # "a staffer in the room wondered": the subject's own modifiers come first
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or phrase.root.head != verb:
            return None
    elif (misread := _noun_read_as_verb(tail, cues)) is not None:
        # '"…," the email read': the tagger takes the verb closing the phrase for a noun
        verb, phrase = doc[misread], doc[misread - 1 : misread]
    else:
        return None
    if verb.lemma_.lower() in cues.lexicon["not_cue_verbs"] or ctx.quoted(verb):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") and c.i > verb.i and c.i not in range(phrase.start, phrase.end)
           for c in verb.children):
        return None
    head = phrase.root
    statement = head.lemma_.lower() in cues.lexicon["statement_nouns"]
    # '"…?" asked the boy': after a verb of saying put first, any noun is who says the quote
    inverted = verb.i < phrase.start and head.pos_ == "NOUN" and verb.lemma_.lower() in cues.cue_verbs
    if not (cues.agent(head) or statement or inverted or head.pos_ in ("PROPN", "NUM")):
        return None
    end = max(verb.i, phrase.end - 1) + 1
    rest = doc[end : tail.end]
    if rest and not (rest[0].is_punct or rest[0].lower_ in _ASIDE_WORDS):
        return None
    return (verb.idx, verb.idx + len(verb)), mention_span(head, ctx)


def _noun_read_as_verb(tail: Span, cues: Cues) -> int | None:
    """Index of a verb of quoting the tagger read as a noun, closing the noun phrase of its subject
    that opens `tail` and ending its sentence ("the letter read.")."""
    for k, tok in enumerate(tail[:5]):
        if tok.pos_ not in ("DET", "ADJ", "NOUN", "PROPN") or tok.is_space:
            return None
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if (k >= 1 and tok.pos_ == "NOUN" and tok.lower_ in cues.lexicon["cue_verbs_quote_only"]
                and tail[k - 1].pos_ in ("NOUN", "PROPN", "ADJ") and (after is None or after.is_punct)):
            return tok.i
    return None


def introduced_by(ctx: DocContext, q: Quotation, cues: Cues) -> tuple[tuple[int, int], Span] | None:
    """'Hillary shot back, "I suppose …"' / 'as the prosecutor put it, "…"' / 'telling the crowd, "…"':
    a full-sentence quote after a comma or colon is said by the subject of the verb that leads into it,
    though no lexicon holds that verb and the parse may hang the verb on a word of the quote."""
    lead = _sentence_lead(ctx, q, cues)
    if lead is None:
        return None
    para_start, colon = lead
    before = ctx.doc.char_span(para_start, q.start, alignment_mode="contract")
    if before is None:
        return None
    words = [t for t in before if not (t.is_punct or t.is_space)]
    verb = _leading_verb(ctx, words)
    inverted = _inverted_cue(ctx, words, cues)
    if inverted is not None:
        return inverted
    if verb is None and colon and words:
        # 'Reid gave the Texan a back-handed compliment: "…"': the clause's verb lies further back
        verb = _verb_above(ctx, words[-1])
    if verb is None or verb.lemma_.lower() in cues.lexicon["not_cue_verbs"] and not _makes_statement(verb, cues):
        cue = _cue_before_colon(ctx, words, cues) if colon and words else None
        if cue is None:
            return None
        # 'the committee said about its inclusion of the group in the draft of its platform: "…"': a verb
        # of saying far back whose phrase runs on to the colon
        speaker = speaker_of(cue, ctx, cues)
        return ((cue.idx, cue.idx + len(cue)), speaker) if speaker is not None else None
    subject = _subject_above(ctx, verb)
    if subject is None or ctx.quoted(subject) or not (cues.agent(subject) or subject.pos_ == "PROPN"):
        return None
    return (verb.idx, verb.idx + len(verb)), mention_span(subject, ctx)


def _sentence_lead(ctx: DocContext, q: Quotation, cues: Cues) -> tuple[int, bool] | None:
    """Where the words leading into a full-sentence quote start, and whether a colon ends them; None when
    nothing leads into it (no comma, colon or participle of saying before it) or the quote is a phrase
    inside a sentence going on past it."""
    text = ctx.text
    para_end = ctx.paragraph_bounds(q.start)[1]
    para_start = _lead_start(ctx, q)
    lead = text[para_start : q.start].rstrip()
    inner = text[q.content_start : q.content_end].strip()
    # ', writing "Feels great …"': a participle of saying right before the quote leads into it too
    participle = re.search(r"\w+ing$", lead.lower())
    led = lead.endswith((",", ":")) or participle is not None and cues.cue_lemma(participle.group()) is not None
    if not led or not inner[:1].isupper() or len(inner.split()) < 3:
        return None
    after = text[q.end : para_end].strip()
    if inner[-1:] not in ".!?" and after[:1] not in ("", ".", "!", "?"):
        return None  # the sentence goes on past the quote: the quote is a phrase inside it
    return para_start, lead.endswith(":")


def _leading_verb(ctx: DocContext, words: list[Token]) -> Token | None:
    """The verb among the last few words before the quote, if no quoted word, auxiliary or participle
    comes first."""
    for k, tok in enumerate(reversed(words)):
        if ctx.quoted(tok) or k > 3 or tok.pos_ == "AUX" or tok.tag_ == "VBN":
            return None
        if tok.pos_ == "VERB" and tok.dep_ != "amod":  # "the following statement:" names no act
            return tok
    return None


def _subject_above(ctx: DocContext, verb: Token) -> Token | None:
    """The subject of the verb, or of the clause it hangs in, climbing past the quote's own words."""
    head, subject = verb, None
    for _ in range(6):
        subject = next((c for c in head.children if c.dep_ == "nsubj" and not ctx.quoted(c)), None)
        if subject is not None or head.head.i == head.i:
            break
        if head.dep_ not in _INHERIT_DEPS and not (head is verb and ctx.quoted(head.head)):
            break
        head = head.head
        while ctx.quoted(head) and head.head.i != head.i:
            head = head.head  # a verb of the quote the parse made the verb's head
    return subject


def _inverted_cue(ctx: DocContext, words: list[Token], cues: Cues) -> tuple[tuple[int, int], Span] | None:
    """'Continued Stone: "…"' / 'Added Ruiz, "…"': a sentence that is nothing but a verb of saying and the
    name after it leads into the quote; the parse reads the verb as a modifier of the name."""
    if not 2 <= len(words) <= 4 or words[0].sent != words[-1].sent:
        return None
    verb, name = words[0], words[1:]
    opens = verb.i == verb.sent.start or ctx.doc[verb.i - 1].is_space or ctx.doc[verb.i - 1].text in ".!?"
    if not opens or not verb.text[:1].isupper():
        return None
    # the tagger may take the verb for an adjective of the name ("Stated Stone:"): its inflected form is
    # what marks it a verb of saying
    inflected = cues.cue_lemma(verb.lower_) is not None
    if not inflected and not (verb.tag_ in ("VBD", "VBZ") and verb.lemma_.lower() in cues.cue_verbs):
        return None
    if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
        return None
    return (verb.idx, verb.idx + len(verb)), ctx.doc[name[0].i : name[-1].i + 1]


def _cue_before_colon(ctx: DocContext, words: list[Token], cues: Cues) -> Token | None:
    """The verb of saying nearest the colon whose phrase holds the last word before it, in the colon's
    sentence and with nothing quoted after it: "who told Congress when asked about the inquiry:"."""
    last = words[-1]
    for tok in reversed(words):
        if ctx.quoted(tok) or tok.sent != last.sent:
            return None
        # a bare participle ("when asked about it") is what was put to the speaker, not what they said
        participle = tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
        if (tok.pos_ == "VERB" and not participle and cues.is_cue_verb(tok) and cues.strong_cue(tok)
                and tok.left_edge.i <= last.i <= tok.right_edge.i):
            return tok
    return None


def _makes_statement(verb: Token, cues: Cues) -> bool:
    """'Sanders made the following comment:' / 'she had a message for them:': a verb that says nothing by
    itself leads into a quote when its object names a statement."""
    statements = cues.lexicon["statement_nouns"]
    return any(c.dep_ == "dobj" and c.lemma_.lower() in statements for c in verb.children)


def _verb_above(ctx: DocContext, tok: Token) -> Token | None:
    """The verb whose phrase ends with `tok`, climbing a few heads within its sentence."""
    for _ in range(4):
        if ctx.quoted(tok) or tok.pos_ == "AUX":
            return None
        if tok.pos_ == "VERB":
            return tok if tok.tag_ != "VBN" else None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _single_marked(ctx: DocContext, q: Quotation) -> bool:
    return ctx.text[q.start] in "'\u2018" and not ctx.text.startswith("''", q.start)


def _subheading(ctx: DocContext, q: Quotation) -> bool:
    """A paragraph of nothing but a phrase in single marks in an article quoting with double marks
    (''…'' … 'A Healthy Environment.'): a section heading taken from a quote, not a quote."""
    para_start, para_end = ctx.paragraph_bounds(q.start)
    if not _single_marked(ctx, q) or ctx.text[para_start:para_end].strip() != ctx.text[q.start : q.end]:
        return False
    earlier = [o for o in ctx.all_quotations if o.end <= q.start]
    return bool(earlier) and not _single_marked(ctx, earlier[-1])


def merge_interrupted(claims: list[Claim], doc: Doc, text: str) -> list[Claim]:
    """"A," Trump said. "B." is one quote in two pieces: a continuation in the same paragraph,
    right after the sentence of the quote's cue, joins the quote it continues (a mixed one too: 'On jobs,
    "A," he said. "B."'). A clause the cue goes on to ('"A," he said, adding that … "B."') doesn't part
    them: annotators mostly read A and B as one quote still (train: DIRECT@0.9 +11, @0.5 -5 of 3452)."""
    merged: list[Claim] = []
    absorbed: dict[int, Claim] = {}
    for claim in claims:
        prior = claim.continues
        if (
            prior is not None
            and prior.rule in ("quote-before", "fronted-mixed", "quote-after")
            and prior.cue is not None
            and prior.cue[1] <= claim.start
            and _same_or_next_paragraph(text, max(prior.cue[1], prior.end), claim.start)
            and ("\n" not in text[max(prior.cue[1], prior.end) : claim.start] or _ends_paragraph(text, claim.end))
            and len(prior.spans) < 4
        ):
            at = next((i for i, c in enumerate(merged) if c is prior), None)
            if at is not None and _after_cue_sentence(doc, prior, claim):
                prior.spans.append(claim.spans[0])
                prior.spans.extend(claim.spans[1:])
                absorbed[id(claim)] = prior
                continue
        if claim.continues is not None and id(claim.continues) in absorbed:
            claim.continues = absorbed[id(claim.continues)]  # it goes on from the quote that took its prior in
        merged.append(claim)
    return merged


def _same_or_next_paragraph(text: str, end: int, start: int) -> bool:
    """Between end and start lies at most one paragraph break, and when there is one, start opens the
    next paragraph (after its opening mark): a quote resumed there goes on from the one before."""
    parts = re.split(r"\r\n|\r|\n", text[end:start])
    parts = [p for p in parts if p.strip()] if len(parts) > 1 else parts
    if len(re.findall(r"(?:\r\n|\r|\n)\s*", text[end:start].strip(" \t"))) > 1:
        return False
    return len(parts) <= 1 or not parts[-1].strip(" \t\"'\u201c\u2018`")


def _ends_paragraph(text: str, end: int) -> bool:
    """True when only closing marks and punctuation follow `end` in its paragraph: a quote resumed in
    the next paragraph goes on from the one before only when nothing else is said there ('"B," the
    crowd shouted back' is someone else's turn)."""
    brk = LINE_BREAK.search(text, end)
    return not text[end : brk.start() if brk else len(text)].strip(" \t\"'\u201d\u2019.,")


def _after_cue_sentence(doc: Doc, prior: Claim, claim: Claim) -> bool:
    """True when the continuation lies past the sentence of the prior quote's cue: a quote inside that
    sentence ('…, he said, and compared Y with Z: "B."') is another claim's."""
    assert prior.cue is not None
    cue = doc.char_span(*prior.cue, alignment_mode="expand")
    return cue is not None and claim.start >= cue.sent.end_char


# -- typing ----------------------------------------------------------------------------------------


def classify(claim: Claim, ctx: DocContext) -> None:
    text = ctx.text
    inner = [q for s, e in claim.spans for q in ctx.index.overlapping(s, e)]
    inner = sorted({id(q): q for q in inner}.values(), key=lambda q: q.start)
    if claim.rule in ("quote-before", "continuation", "colon", "dash"):
        claim.type = "direct"
        return
    if claim.rule == "transcript":
        # a transcript line is typed by the marks inside it: the mark a quoted transcript opens each
        # paragraph with encloses the label too, so it makes nothing direct
        inner = [q for q in inner if q.start >= claim.start]
        if not inner:
            claim.type = "indirect"
            return
    # 'Cruz says that "when you live by the pen …"': words framed by "that" are reported speech
    # holding a verbatim fragment, not a quotation of their own
    that_clause = bool(inner) and claim.start <= inner[0].content_start and _after_that(text, inner[0])
    if _whole_quotation(claim, inner) and not that_clause:
        claim.spans = list(inner[0].pieces)
        claim.type = "direct"
        return
    if not inner:
        claim.type = "indirect"
        return
    first = inner[0]
    start = claim.spans[0][0]
    leading = text[start : first.start].strip(CONTENT_EDGE) == ""
    # every piece mostly quoted: a quote resumed after its cue's sentence ('said: "A. "B."') is a piece of
    # its own, and a first piece with words of the writer's after its quote makes the claim mixed
    quoted = all(_covered(s, e, inner) >= 0.75 * (e - s) for s, e in claim.spans)
    if leading and quoted and not that_clause:
        # "According to X, “…” in Y prisons": the quotation is the content, the tail is scene-setting.
        claim.spans = list(first.pieces) if len(inner) == 1 else [(first.content_start, inner[-1].content_end)]
        claim.type = "direct"
        return
    claim.type = "mixed"
    # a fragment lies inside the content: each paragraph of a quotation is cut to the content's pieces
    # (an unclosed mark runs to the paragraph's end; a quote run on over paragraphs skips their breaks)
    claim.fragments = [
        (max(piece_start, start), min(piece_end, end))
        for q in inner
        for piece_start, piece_end in q.pieces
        for start, end in claim.spans
        if min(piece_end, end) > max(piece_start, start)
    ]


def _covered(start: int, end: int, inner: list[Quotation]) -> int:
    """How many characters of [start, end) the quotations hold."""
    return sum(min(end, q.end) - max(start, q.start) for q in inner if q.end > start and q.start < end)


def _after_that(text: str, q: Quotation) -> bool:
    """True when the word right before the quotation's opening mark is "that"."""
    return re.search(r"\bthat[ \t\u00a0]*$", text[max(0, q.start - 12) : q.start], re.IGNORECASE) is not None


def _whole_quotation(claim: Claim, inner: list[Quotation]) -> bool:
    return len(inner) == 1 and all(inner[0].start <= s and e <= inner[0].end for s, e in claim.spans)
