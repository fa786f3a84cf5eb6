"""Verbs of saying, "X said …": a cue verb's claims from the quote it closes, introduces or resumes,
from its reported clause, or from the content fronted before it ("The economy is strong, Trump said")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from quotegrab.engine.grammar import EMPTY_OBJECTS, PERSONAL_OBJECTS, QUESTION_MARKS, RELATIVE_PRONOUNS
from quotegrab.engine.rules.claim import Claim, cue_span, cut_aside, overlaps, subtree_range, trim
from quotegrab.engine.rules.context import DocContext
from quotegrab.engine.rules.cues import Cues, parenthetical
from quotegrab.engine.rules.quotations import (
    extend_to_clause_end,
    introduces,
    lead_into_lowercase_quote,
    quotation_after,
    quotation_before,
    quotation_resumed,
    relative_object,
    sentence_lead,
    tail_before_cue,
    voiced_object,
)
from quotegrab.engine.rules.speakers import reporter_of_own_view, speaker_of
from quotegrab.engine.scanner import Quotation

_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# labels the hottest tests compare as string ids: a token's `.dep` and `.tag` are read without the
# StringStore lookup `.dep_` and `.tag_` make on every access
_CCOMP, _XCOMP, _VBG = get_string_id("ccomp"), get_string_id("xcomp"), get_string_id("VBG")
# what a cue verb's object report reads after it (see `_object_report`)
_OBJECT_IDS = frozenset(get_string_id(d) for d in ("dobj", "xcomp", "prep", "oprd", "attr"))


def claims_for_verb(verb: Token, ctx: DocContext, cues: Cues) -> list[Claim]:
    if verb.tag_ == "VBN" and verb.dep_ == "amod":
        return []  # "in a written statement": a participle describing a noun reports nothing itself
    if _in_comparison(verb, cues):
        return []  # '"small change," compared to what rivals are charging': the rivals say none of it
    speaker = speaker_of(verb, ctx, cues)
    if speaker is None:
        return []
    claims = _claims_of(verb, speaker, ctx, cues)
    # the quotes are found from the cue's own subject; the report that frames it names the speaker
    reporter = reporter_of_own_view(speaker, ctx, cues)
    if reporter is not None:
        for claim in claims:
            claim.mention = reporter
    return claims


# the links by which a clause hangs inside a prepositional phrase ("compared [to [what they charge]]")
_PHRASE_DEPS = frozenset({"prep", "pcomp", "pobj"})


def _in_comparison(verb: Token, cues: Cues) -> bool:
    """A cue in a clause that is the object of a comparison ("compared to what rivals are charging",
    "unlike what the board wants", "more than they said"): the phrase measures the words before it
    against what someone else does or says, and reports none of them."""
    words = cues.lexicon["comparison_words"]
    tok = verb
    while tok.dep_ in _PHRASE_DEPS and tok.head.i != tok.i:
        tok = tok.head
        if tok.lemma_.lower() in words or tok.lower_ in words:
            return True
    return False


def _claims_of(verb: Token, speaker: Span, ctx: DocContext, cues: Cues) -> list[Claim]:
    cue = cue_span(verb)
    before = _quote_before(verb, speaker, ctx, cues)
    voiced = cues.quote_only(verb)
    after = quotation_after(ctx, verb, speaker, voiced)
    if after is not None and _handed_on(verb, after.start, cues):
        after = None  # '…, Spicer said, adding, "…"': the quote is the participle's
    before, lead, tail = _around_quote_before(verb, speaker, before, after, ctx, cues)
    if before is not None and (lead is not None or tail is not None) and _reports_after(verb, ctx, cues):
        # 'Cruz said he'd make sand "glow in the dark," and Trump vowed to bomb …', '… who has called the pact
        # "insanity," and Sanders, who says it's "disastrous"': a cue with a clause of its own after it
        # reports that clause; the quoted words before it are an earlier report's
        before = lead = tail = None
    if before is not None and (lead is not None or tail is not None):
        # 'Sanders "is tapping …," Rosenberg said' / '"It's stable now," and donations rose, Gilbert
        # said': the words around the quote in the cue's sentence are content too
        start = lead if lead is not None else before.start
        return [Claim([(start, tail or before.end)], cue, speaker, "fronted-mixed")]
    # the reported clause is read only where a claim is made of it (a quote after the cue needs none)
    if before is not None:
        return _quote_before_claims(verb, speaker, before, complement_of(verb, ctx, cues), ctx)
    if after is not None:
        return [_quote_after_claim(verb, speaker, after, voiced, ctx, cues)]
    if voiced:
        return []
    return _unquoted_claims(verb, speaker, complement_of(verb, ctx, cues), ctx, cues)


def _reports_after(verb: Token, ctx: DocContext, cues: Cues) -> bool:
    """The cue has a reported clause of its own after it: a complement with its own subject ("he said he
    hoped …"), or the open complement of a verb that reports through one ("vowed to bomb", "supports
    keeping troops"). A clause without a subject, or one inside a quotation, goes on with the quote before
    ('Mills "got an immunity agreement," Jordan said, and still "got to sit in … It just raises …"')."""
    comp = _reported_complement(verb, cues)
    if comp is not None and comp.i > verb.i and not ctx.quoted(comp) and any(
            c.dep_ in _SUBJECT_DEPS for c in comp.children):
        return True
    return any(c.dep == _XCOMP and c.i > verb.i and not ctx.quoted(c) for c in verb.children)


def _quote_before(verb: Token, speaker: Span, ctx: DocContext, cues: Cues) -> Quotation | None:
    """The quote the cue closes, unless a participle joined to another verb, a nearer cue or a clause of
    its setting voices it."""
    # "…," Fiorina said, adding that …: the quote before belongs to the verb the participle hangs on
    joined = verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and speaker.root.head.i != verb.i
    before = None if joined else quotation_before(ctx, verb, speaker, cues)
    if before is not None and (_closed_by_nearer_cue(ctx, before.end, verb, cues)
                               or _voiced_in_setting(ctx, before.start, verb, cues)):
        return None  # '"…," Ortiz said as the heckler yelled: "…"': Ortiz's quote, not the heckler's
    return before


def _around_quote_before(
    verb: Token, speaker: Span, before: Quotation | None, after: Quotation | None, ctx: DocContext, cues: Cues
) -> tuple[Quotation | None, int | None, int | None]:
    """The quote before the cue with where the content around it starts (lead) and ends (tail), or no
    quote before when the cue introduces the quote after it or a nearer cue stands between."""
    lead = sentence_lead(ctx, before) if before is not None else None
    if before is not None and lead is not None and after is not None and introduces(ctx, verb, speaker, after):
        # 'Remarking upon Clinton's "genuine empathy," Starr said, "Leave aside …"': the cue
        # introduces the quote after it; the quoted words before it are part of the scene.
        before = None
    tail = tail_before_cue(ctx, before, verb, speaker) if before is not None and lead is None else None
    gap = ctx.doc.char_span(before.end, tail, alignment_mode="expand") if tail is not None else None
    if gap is not None and any(cues.is_cue_verb(t) for t in gap):
        before = tail = None  # '"Quiet," he demanded, as Bush continued': the quote is the nearer cue's
    return before, lead, tail


def _quote_before_claims(
    verb: Token, speaker: Span, before: Quotation, complement: tuple[int, int] | None, ctx: DocContext
) -> list[Claim]:
    cue = cue_span(verb)
    pieces = list(before.pieces)
    resumed = quotation_resumed(ctx, verb, speaker, before)
    if resumed is not None:
        pieces.extend(resumed.pieces)
    claims = [Claim(pieces, cue, speaker, "quote-before")]
    # "…," Trump said, adding that … : the complement is a claim of its own only when it
    # is not the quote's own clause.
    if (
        complement is not None
        and not overlaps(complement, (before.start, before.end))
        and complement[0] > verb.idx
    ):
        claims.append(Claim([complement], cue, speaker, "complement"))
    return claims


def _quote_after_claim(
    verb: Token, speaker: Span, after: Quotation, voiced: bool, ctx: DocContext, cues: Cues
) -> Claim:
    # 'chanting "no peace" as they marched': the voiced words alone, not the scene after them
    right_after = not ctx.text[verb.idx + len(verb) : after.start].strip()
    voiced_span = voiced_object(ctx, after) if voiced and right_after else None
    # 'When a man yelled, "Liar," Hale laughed': a clause of the setting ends before the main clause
    main_subject = next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS and c.i > verb.i), None)
    fronted_setting = (verb.dep_ == "advcl" and verb.head.i > verb.i and main_subject is not None
                       and after.end <= main_subject.left_edge.idx)
    span = voiced_span or ((after.start, after.end) if fronted_setting else None) or extend_to_clause_end(
        ctx, after, verb, cues)
    lead = lead_into_lowercase_quote(ctx, verb, speaker, after) or relative_object(ctx, verb, speaker)
    return Claim([lead, span] if lead else [span], cue_span(verb), speaker, "quote-after")


def _unquoted_claims(
    verb: Token, speaker: Span, complement: tuple[int, int] | None, ctx: DocContext, cues: Cues
) -> list[Claim]:
    """A cue with no quote of its own: a relative clause, an "as" aside, its complement, or the content
    fronted before it."""
    cue = cue_span(verb)
    relative = relative_report(verb, speaker, ctx, cues)
    if relative is not None:
        return [Claim(relative, cue, speaker, "complement")]
    # "… came as the government said Rosneft had signed a deal": an "as" clause with a complement of its
    # own reports that complement, not the clause it leans on
    own_complement = complement is not None and complement[0] > verb.idx
    as_clause = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if as_clause and not own_complement:
        # "As Crane said, the candidates have become …": the clause the aside leans on is the claim
        pieces = ctx.sentence_without(verb.sent, verb.left_edge.i, verb.right_edge.i)
        return [Claim(pieces, cue, speaker, "as-aside")] if pieces else []
    if complement is not None and not parenthetical(verb):
        resumed = _resumed_after_cue(verb, ctx, cues) if complement[1] <= verb.idx else None
        return [Claim([complement, resumed] if resumed else [complement], cue, speaker, "complement")]
    fronted = fronted_content(ctx, verb, speaker, cues)
    return [Claim(fronted, cue, speaker, "fronted")] if fronted else []


# words opening a free relative the cue's own clause reports from inside: "what Trump says his plan
# would do", "whatever you want to call it"
_FREE_RELATIVES = frozenset({"what", "whatever"})


def relative_report(verb: Token, speaker: Span, ctx: DocContext, cues: Cues) -> list[tuple[int, int]] | None:
    """"the drawdown, which they say left a vacuum", "rules that critics say target renters": a cue inside
    a relative clause reports the clause, its relative word included and the cue's subject left out.
    So does a cue inside a free relative whose "what" belongs to the reported clause ("the gap between
    what Trump says his tax plan would do and …", "what he has threatened to do")."""
    if speaker.start <= verb.left_edge.i:
        return None
    relative = verb.doc[verb.left_edge.i]
    rest = [c for c in verb.children if c.i > verb.i and c.dep_ in ("ccomp", "xcomp", "dobj")]
    if verb.dep_ == "relcl":
        opens = relative.lower_ in RELATIVE_PRONOUNS
    else:
        # the "what" stands in the reported clause, not beside the cue ("When she said …" reads no further)
        opens = relative.lower_ in _FREE_RELATIVES and any(relative in c.subtree for c in rest)
    if not opens or relative.i >= speaker.start:
        return None
    if not rest or ctx.quoted(relative):
        return None
    # up to a report of its own joined on ("what Trump says his plan would do and how experts say …")
    last = max(_last_of_clause(c, ctx, cues) for c in rest)
    while last > verb.i and verb.doc[last].is_punct:
        last -= 1
    tail = trim(ctx.text, verb.doc[verb.i + 1].idx, verb.doc[last].idx + len(verb.doc[last]), min_chars=8)
    if tail is None or len(ctx.text[tail[0] : tail[1]].split()) < 2:
        return None
    return [(relative.idx, relative.idx + len(relative)), tail]


def _last_of_clause(clause: Token, ctx: DocContext, cues: Cues) -> int:
    stop = nested_cue_stop(clause, ctx, cues)
    return clause.right_edge.i if stop is None else stop - 1


def _closed_by_nearer_cue(ctx: DocContext, end: int, verb: Token, cues: Cues) -> bool:
    """Between a quote's end and `verb` stands another cue verb with a subject of its own, the verb governs it
    as a clause of its setting ("said as …", "said when …"): that cue closes the quote."""
    if verb.dep_ != "advcl":
        return False
    nearer = verb.head
    if not (end <= nearer.idx < verb.idx) or not cues.is_cue_verb(nearer) or ctx.quoted(nearer):
        return False
    subject = next((c for c in nearer.children if c.dep_ in _SUBJECT_DEPS), None)
    return subject is not None and end <= subject.idx and not ctx.quoted(subject)


def _voiced_in_setting(ctx: DocContext, start: int, verb: Token, cues: Cues) -> bool:
    """'When a man in the crowd yelled, "…," Hale laughed': the quote lies in a clause of the verb's setting
    whose own cue verb, with a subject of its own, voices it."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.i > verb.i or not cues.is_cue_verb(clause) or ctx.quoted(clause):
            continue
        subject = next((c for c in clause.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None and not ctx.quoted(subject) and clause.idx < start < verb.idx:
            last = clause.right_edge
            if start < last.idx + len(last):
                return True
    return False


def _handed_on(verb: Token, quote_start: int, cues: Cues) -> bool:
    """A joined participle of saying ("adding", "noting") stands between the cue and the quote after it."""
    return any(
        c.tag_ == "VBG" and c.dep_ in ("advcl", "conj", "xcomp") and c.idx < quote_start and cues.is_cue_verb(c)
        for c in verb.rights
    )


def complement_of(verb: Token, ctx: DocContext, cues: Cues) -> tuple[int, int] | None:
    """The reported clause of a cue verb: its clausal complement, or for verbs without one
    whose object holds quoted words ("described as “very generous” an offer"), the rest of its clause."""
    comp = _reported_complement(verb, cues)
    if comp is not None:
        return _clause_report(verb, comp, ctx, cues)
    return _object_report(verb, ctx, cues)


def _complement_after(verb: Token, cues: Cues) -> Token | None:
    # the children after the verb are its rights: the lefts are not walked
    return next((c for c in verb.rights if c.dep == _CCOMP), None)


def _open_complement_of_saying(verb: Token, cues: Cues) -> Token | None:
    """"said seeing so many officers was welcome" is often parsed with an open complement."""
    if verb.lemma_.lower() not in cues.lexicon["cue_verbs_open_complement"]:
        return None
    return next((c for c in verb.rights if c.dep == _XCOMP and c.tag == _VBG), None)


def _complement_anywhere(verb: Token, cues: Cues) -> Token | None:
    return next((c for c in verb.children if c.dep == _CCOMP), None)


def _question_clause(verb: Token, cues: Cues) -> Token | None:
    """"asked if they were always so serious"."""
    if verb.lemma_.lower() not in cues.lexicon["cue_verbs_question"]:
        return None
    return next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                 and any(m.dep_ == "mark" and m.lower_ in QUESTION_MARKS for m in c.children)), None)


# the links from a cue to the phrases between it and a misplaced "that" clause: where or when it was
# said ("in a statement", "on Friday"), or to whom ("told the audience at the rally")
_SETTING_DEPS = ("prep", "npadvmod")
_LISTENER_DEPS = ("dobj", "dative")


def _that_clause_after_setting(verb: Token, cues: Cues) -> Token | None:
    """"said in a statement Wednesday that North Korea is …", "told the audience at the rally that …": the
    parser hangs the reported "that" clause on the last noun of the phrase between cue and clause, as a
    relative clause. A full clause (a subject of its own, "that" opening it rather than standing for a
    noun, nothing missing after its verb) is the cue's report; "said in a statement that he wrote" is a
    relative clause, and "denied reports that …", "expressed concern that …" (a clause that completes
    its noun, not a relative one) report the noun with its clause."""
    for child in verb.rights:
        if child.dep_ not in _SETTING_DEPS and not (child.dep_ in _LISTENER_DEPS and cues.agent(child)):
            continue
        for tok in child.subtree:
            if tok.dep_ == "relcl" and _full_that_clause(tok) and _only_settings_between(verb, tok):
                return tok
    return None


def _full_that_clause(clause: Token) -> bool:
    opener = clause.left_edge
    if opener.lower_ != "that" or opener.head.i != clause.i or opener.dep_ not in ("mark", "advmod"):
        return False
    subject = any(c.dep_ in ("nsubj", "nsubjpass") and c.i > opener.i for c in clause.children)
    filled = any(c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "nsubjpass", "advcl")
                 for c in clause.children)
    return subject and filled and clause.pos_ in ("VERB", "AUX")


def _only_settings_between(verb: Token, clause: Token) -> bool:
    """Between the cue and the clause only phrases of the cue's own (no verb of another clause)."""
    between = verb.doc[verb.i + 1 : clause.left_edge.i]
    return all(t.pos_ not in ("VERB", "AUX") and t.text not in (";", ":") for t in between)


# where a cue verb's reported clause is, tried in turn (first answer wins)
_COMPLEMENT_FINDERS: tuple[Callable[[Token, Cues], Token | None], ...] = (
    _complement_after,
    _open_complement_of_saying,
    _complement_anywhere,
    _question_clause,
    _that_clause_after_setting,
)


def _reported_complement(verb: Token, cues: Cues) -> Token | None:
    for find in _COMPLEMENT_FINDERS:
        comp = find(verb, cues)
        if comp is not None:
            return comp
    return None


def _clause_report(verb: Token, comp: Token, ctx: DocContext, cues: Cues) -> tuple[int, int] | None:
    """The reported clause `comp`, up to a nested report of its own, with the clauses that go on with it."""
    stop = nested_cue_stop(comp, ctx, cues)
    start, end = subtree_range(comp, stop_at=stop)
    # "said the mayor is honest, and two-thirds said …": the "and" the parser hangs on the clause
    # joins the next report
    end = _before_joining_word(comp, end)
    goes_on = stop is None and comp.i > verb.i
    if goes_on:
        end = _past_joined_clauses(verb, comp, end, ctx, cues)
    start, end = ctx.absorb_quotations(start, end)
    if goes_on:
        end = _past_quoted_comma(verb, end, ctx, cues)
        end = ctx.quote_after_colon(end)
    trimmed = cut_aside(ctx.text, *(trim(ctx.text, start, end, min_chars=8) or (0, 0)))
    return ctx.cut_trailing_comment(*trimmed) if trimmed else None


def _past_joined_clauses(verb: Token, comp: Token, end: int, ctx: DocContext, cues: Cues) -> int:
    """The end of the report past the clauses the parser hung on the cue beside its complement: a second
    complement, a second "that" clause, a reason."""
    # a second clause the parser hung on the cue ("said Trump has respect for the military and his
    # comment was …") goes on with the same report
    more = [c for c in verb.children
            if c.dep_ == "ccomp" and c.i > comp.i and c.left_edge.i > comp.right_edge.i]
    # but not a report of its own: "said Clinton is honest, and three-quarters said the same of Sanders"
    own_report = bool(more) and cues.is_cue_verb(more[0]) and any(c.dep_ in _SUBJECT_DEPS for c in more[0].children)
    adjoining = bool(more) and more[0].left_edge.i == comp.right_edge.i + 1
    if adjoining and not own_report:
        end = max(end, _clause_end(more[0], ctx, cues))
    elif (second := _second_that_clause(verb, comp, cues)) is not None:
        # "said the roads need work, but that taxes will not rise": the parser joins the second
        # "that" clause to the cue; it goes on with the same report
        end = max(end, _clause_end(second, ctx, cues))
    if (reason := _reason_clause(verb, comp, cues)) is not None:
        end = max(end, _clause_end(reason, ctx, cues))
    return end


def _clause_end(clause: Token, ctx: DocContext, cues: Cues) -> int:
    return subtree_range(clause, stop_at=nested_cue_stop(clause, ctx, cues))[1]


def _object_report(verb: Token, ctx: DocContext, cues: Cues) -> tuple[int, int] | None:
    """For a cue without a clause, what its object and the phrases after it report, when they hold
    quoted words or, for a stance, anything long enough."""
    lemma = verb.lemma_.lower()
    # the children after the verb are its rights
    right = [c for c in verb.rights if c.dep in _OBJECT_IDS
             and not (lemma in cues.lexicon["cue_verbs_answer"] and _by_deed(c, cues))]
    if lemma == "ask":
        right = what_was_asked(right, cues)
    if not right:
        return None
    if all(c.dep_ == "dobj" and c.lower_ in EMPTY_OBJECTS for c in right):
        return None
    start = asked_start(right) if lemma == "ask" else topic_start(right, cues)
    end_tok = verb.doc[max(c.right_edge.i for c in right)]
    end = end_tok.idx + len(end_tok)
    if not ctx.has_quotation(start, end) and lemma in cues.lexicon["cue_verbs_quote_object"]:
        return None
    objects = [c for c in right if c.dep_ in ("dobj", "xcomp")]
    someone = objects and (
        objects[0].ent_type_ in ("PERSON", "ORG") or objects[0].lower_ in PERSONAL_OBJECTS
    )
    if lemma in cues.lexicon["cue_verbs_stance"] and someone:
        return _stance_toward(verb, objects[0], ctx, cues)
    start, end = ctx.absorb_quotations(start, end)
    # "announced his resignation", "questioned the timing": verbs whose short object is what they report
    stance = (lemma in cues.lexicon["cue_verbs_stance"] or lemma in cues.weak_cues
              or lemma in cues.lexicon["cue_verbs_short_object"])
    # "opposes the levy" is a stance; "wrote the bill" is no report: verbs of saying need a longer object
    shortest = cues.config["min_stance_tokens"] if stance else cues.config["min_indirect_tokens"]
    if len(ctx.text[start:end].split()) < shortest:
        return None
    trimmed = trim(ctx.text, start, end, min_chars=8)
    return ctx.cut_trailing_comment(*trimmed) if trimmed else None


def _stance_toward(verb: Token, obj: Token, ctx: DocContext, cues: Cues) -> tuple[int, int] | None:
    """"Ryan endorsed Trump in early June", "criticized him": a stance toward someone is about them alone."""
    last = obj.right_edge
    # "mocked Trump on Twitter": the parser hangs where or when it happened on the name
    setting = next((c for c in obj.children if c.i > obj.i and setting_phrase(c, cues)), None)
    if setting is not None and obj.pos_ == "PROPN":
        last = obj.doc[setting.i - 1]
    # "mocked Rubio for not winning a state", "praised him as a fighter": the reason or the label
    # given goes with the person
    reason = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "as")
                   and c.i == last.i + 1 and c.right_edge.i > c.i), None)
    if reason is not None:
        last = reason.right_edge
    start, end = ctx.absorb_quotations(obj.left_edge.idx, last.idx + len(last))
    return trim(ctx.text, start, end, min_chars=2)


def _by_deed(child: Token, cues: Cues) -> bool:
    """"responded by easing sanctions": how the subject answered is a deed, not words; "responded by saying
    that …" still reports. (Other verbs keep their "by" phrase: "reacted by tossing his credentials" and
    "hopes to win by swamping him" are annotated as reports.)"""
    if child.dep_ != "prep" or child.lower_ != "by":
        return False
    act = next((c for c in child.children if c.dep_ == "pcomp"), None)
    # "responded by using Chicago to prove that …": a deed that carries an argument still reports
    return act is not None and act.pos_ == "VERB" and not any(
        cues.is_cue_verb(t) or t.dep_ == "ccomp" for t in act.subtree)


def _second_that_clause(verb: Token, comp: Token, cues: Cues) -> Token | None:
    """A clause opened by "that" joined to the cue verb right after its complement, not itself a cue."""
    for child in verb.rights:
        if child.dep_ != "conj" or child.i <= comp.right_edge.i:
            continue
        between = verb.doc[comp.right_edge.i + 1 : child.left_edge.i]
        if child.left_edge.lower_ == "that" and all(t.is_punct or t.dep_ == "cc" for t in between):
            return None if cues.is_cue_verb(child) else child
        return None
    return None


def _reason_clause(verb: Token, comp: Token, cues: Cues) -> Token | None:
    """"said it did not cover those talks, because …": the reason the parser hangs on the cue verb right
    after its complement is the report's own, not the writer's."""
    for clause in verb.rights:
        if clause.dep_ != "advcl" or clause.i <= comp.right_edge.i:
            continue
        between = verb.doc[comp.right_edge.i + 1 : clause.left_edge.i]
        opener = clause.left_edge.lower_
        if opener in cues.lexicon["reason_conjunctions"] and all(t.is_punct for t in between):
            return clause
        return None
    return None


def _before_joining_word(comp: Token, end: int) -> int:
    """End of a clause without a trailing ", and" the parser hung on it (it joins what comes next)."""
    last = comp.right_edge
    while last.i > comp.i and (last.dep_ == "cc" or last.is_punct):
        last = last.doc[last.i - 1]
    return min(end, last.idx + len(last))


def _past_quoted_comma(verb: Token, end: int, ctx: DocContext, cues: Cues) -> int:
    """'ready to "take on the cartel," secure the border and …': the parser ends a clause at a quote
    closed by a comma; the sentence goes on with the same report unless an attribution follows."""
    if ctx.text[max(0, end - 3) : end].rstrip("\"'\u201d\u2019")[-1:] != ",":
        return end
    sent_end = verb.sent.end_char
    rest = ctx.doc.char_span(end, sent_end, alignment_mode="contract")
    if rest is None or len(rest) < 3:
        return end
    # ", compared to what rivals are doing": a subject inside a phrase that leans on the report is no
    # new clause of the writer's
    leaning = rest[0].pos_ in ("SCONJ", "ADP") or rest[0].tag_ == "VBN"
    if any(ctx.quoted(t) or cues.is_cue_verb(t) or (t.dep_ in _SUBJECT_DEPS and not leaning) for t in rest):
        return end  # a new subject ("…," and the council agreed) starts the writer's own clause
    return sent_end


def nested_cue_stop(comp: Token, ctx: DocContext, cues: Cues) -> int | None:
    """Index of the first token of a nested, separately attributed clause (", saying …")."""
    # the words that can end the content, asked of the index once per document: cue nouns, and the
    # joined or adverbial clauses that can be reports of their own
    cue_nouns = ctx.where("lemma", cues.cue_nouns)
    clauses = ctx.where("dep", ("advcl", "conj"))
    # only those after the content's head and inside its subtree, in document order
    after = ctx.positions_between(
        comp.i + 1, comp.right_edge.i + 1, ("lemma", cues.cue_nouns), ("dep", ("advcl", "conj"))
    )
    for i in after:
        tok = ctx.token(i)
        if not comp.is_ancestor(tok):
            continue
        if tok.i in cue_nouns and tok.left_edge.i > comp.i:
            # "…, a claim that officials disputed": the writer's comment on the content, not part of it
            before = tok.doc[tok.left_edge.i - 1]
            if before.text in (",", "\u2014", "--"):
                return before.i
        if tok.i not in clauses:
            continue
        conj = tok.dep_ == "conj"
        if conj and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
            continue  # "said that A and that she expects B": one report with two clauses
        own_subject = conj and any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        nested = tok.tag_ == "VBG" or own_subject
        # "said it was too early but added, …": a verb of saying joined to the content is a new report
        nested = nested or conj and cues.strong_cue(tok)
        if nested and cues.is_cue_verb(tok) and not ctx.quoted(tok):
            first = tok.left_edge.i
            while first > comp.i and (tok.doc[first - 1].is_punct or tok.doc[first - 1].dep_ == "cc"):
                first -= 1
            return first
    return None


def asked_for(child: Token) -> bool:
    """What a question was about or asked for ("asked whether …", "asked about the plan", "asked him to
    resign"), not whom it was put to or the word "question"."""
    if child.dep_ == "prep":
        return child.lower_ in ("about", "for", "on")
    return child.dep_ not in ("dobj", "dative")


def what_was_asked(right: list[Token], cues: Cues) -> list[Token]:
    """The phrases after "ask" that hold the question, or none when nothing was asked ("asked reporters",
    "ask a question"): whom it was put to and where ("in an interview") are no part of it."""
    if not any(asked_for(c) for c in right):
        return []
    return [c for c in right if not setting_phrase(c, cues)]


def asked_start(asked: list[Token]) -> int:
    """Where what was asked begins: "asked about the plan" is about the plan, without the "about"."""
    first = min(asked, key=lambda c: c.left_edge.i)
    pobj = next((c for c in first.children if c.dep_ == "pobj"), None) if first.dep_ == "prep" else None
    # a short object keeps its preposition: "asked about it" is more than "it"
    if pobj is None or first.left_edge.i != first.i or pobj.right_edge.i - pobj.left_edge.i < 2:
        return first.left_edge.idx
    return pobj.left_edge.idx


def topic_start(right: list[Token], cues: Cues) -> int:
    """Where a cue's object begins: "joked about moving abroad" is about moving abroad, without the "about"
    (models/topic_prepositions.txt), when the phrase opens the object."""
    first = min(right, key=lambda c: c.left_edge.i)
    if first.dep_ == "prep" and first.lower_ in cues.lexicon["topic_prepositions"]:
        # "cautioned against raising fees": a deed named by a gerund is the topic too
        act = next((c for c in first.children if c.dep_ == "pcomp" and c.i == first.i + 1), None)
        return act.left_edge.idx if act is not None else asked_start([first])
    return first.left_edge.idx


def setting_phrase(child: Token, cues: Cues) -> bool:
    """Where or when something was said ("in an interview", "on Monday"), not what was said."""
    return child.dep_ == "prep" and child.lower_ in cues.lexicon["setting_prepositions"]


def fronted_content(ctx: DocContext, verb: Token, speaker: Span, cues: Cues) -> list[tuple[int, int]]:
    """"The economy is strong, Trump said." — the content precedes the speaker and cue; with a
    parenthetical cue ("The only problem, she said, is that …") it also resumes after it."""
    sent = verb.sent
    first = min(speaker.start, verb.i)
    # "Now, she said, the farmers …": a lone word before an aside the sentence goes on after still leads
    # its content
    aside = verb.dep_ in ("parataxis", "ccomp") and verb.head.i > verb.i and first == sent.start + 2
    if first <= sent.start + 2 and not aside:
        return []
    before = ctx.doc[first - 1]
    if before.text not in (",", ":", "\u2014", "\u2013", "--"):
        return []
    # only when nothing but adverbials follow the cue: "Trump said on Tuesday."
    for child in verb.rights:
        if child.dep_ in ("dobj", "ccomp", "xcomp", "attr"):
            return []
    para_start, para_end = ctx.paragraph_bounds(verb.idx)
    start = max(sent.start_char, para_start)
    lead = trim(ctx.text, start, before.idx, min_chars=2)
    if lead is None:
        return []
    pieces = [lead]
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i > verb.i and verb.head.sent == sent:
        # the sentence's own verb comes after the aside: its words are the rest of the claim
        resume = verb.right_edge.i + 1
        while resume < sent.end and ctx.doc[resume].is_punct and not ctx.quoted(ctx.doc[resume]):
            resume += 1
        if resume <= verb.head.i:
            tail = trim(ctx.text, ctx.doc[resume].idx, min(sent.end_char, para_end), min_chars=2)
            tail = cut_aside(ctx.text, *tail) if tail is not None else None
            if tail is not None:
                pieces.append(ctx.cut_trailing_comment(*tail))
    elif verb.dep_ == "parataxis" and verb.head.i < verb.i and (resumed := _resumed_after_cue(verb, ctx, cues)):
        # "He had no links to any group, the airline added, and had passed every check": the parser hangs
        # the rest of the sentence on the cue
        pieces.append(resumed)
    elif verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and (resume := _parenthetical_end(verb)):
        # "The effects are hard to predict, economists say, because …": the sentence goes on past the aside;
        # an aside the parser sets apart ("The case would be aided, she said, by the calendar") is
        # set into the claim, whatever word goes on after it
        first = ctx.doc[resume]
        if verb.dep_ == "parataxis" or first.lower_ in cues.lexicon["aside_continuations"]:
            tail = trim(ctx.text, first.idx, min(sent.end_char, para_end), min_chars=8)
            if tail is not None:
                pieces.append(tail)
    if len(pieces) == 1 and (lead[1] - lead[0] < 12 or not _has_verb(ctx, *lead)):
        return []  # "In a speech last July, Trump said:": a scene, not a claim
    return pieces


def _resumed_after_cue(verb: Token, ctx: DocContext, cues: Cues) -> tuple[int, int] | None:
    """"The case would be aided, Devine said, by the calendar": after a cue set off by commas inside the
    claim it follows, the rest of the sentence the parser hangs on the cue goes on with the claim: a
    phrase or a clause without a subject of its own, not where or when it was said ("…, she said, in an
    interview"), nor a report of its own."""
    doc, sent = verb.doc, verb.sent
    subject = next((c for c in verb.rights if c.dep_ in _SUBJECT_DEPS), None)
    comma = (subject.right_edge.i if subject is not None else verb.i) + 1
    if comma + 1 >= sent.end or doc[comma].text != ",":
        return None
    # the first phrase after the comma, past an "and" the parser hangs on the cue beside it
    rest = next((c for c in verb.rights if c.left_edge.i in (comma + 1, comma + 2) and c.i > comma
                 and c.dep_ not in ("cc", "punct")), None)
    if rest is None or rest.dep_ not in ("prep", "advcl", "conj", "acl", "npadvmod") or setting_phrase(rest, cues):
        return None
    if cues.is_cue_verb(rest) or any(c.dep_ in _SUBJECT_DEPS for c in rest.children) or ctx.quoted(rest):
        return None
    para_end = ctx.paragraph_bounds(verb.idx)[1]
    last = rest.right_edge
    tail = trim(ctx.text, doc[comma + 1].idx, min(last.idx + len(last), para_end), min_chars=8)
    if tail is None:
        return None
    return ctx.cut_trailing_comment(*(cut_aside(ctx.text, *tail) or tail))


def _has_verb(ctx: DocContext, start: int, end: int) -> bool:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


def _parenthetical_end(verb: Token) -> int | None:
    """Index of the first word after the comma that closes the cue's clause, when the sentence goes on."""
    doc = verb.doc
    comma = verb.right_edge.i if verb.right_edge.text == "," else verb.right_edge.i + 1
    if comma + 1 >= verb.sent.end or doc[comma].text != "," or doc[comma + 1].is_punct:
        return None
    return comma + 1
