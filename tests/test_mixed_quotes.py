"""Mixed quotes (issue 2): reported content with quoted fragments, its span the whole content (with the
"that" opening a reported clause, as annotators mark it) and its fragments the words inside the marks.

Each test writes a short text and asserts the real output of `quotegrab.extract`: exact offsets (computed
with `text.index`, never written as numbers), the quote type, the cue, the speaker mention and name.
Where the engine gets a case wrong the test still asserts the right behaviour and is marked
`engine_bug(...)` (xfail, strict). Helpers are in support.py.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from support import check, describe, engine_bug, only, quote_at, run, spans_of


def test_mixed_quote_with_fragment_inside(nlp: Language) -> None:
    text = (
        'Meridian Terminals said in a statement that it had offered "the most generous package in its history" '
        "to the union."
    )
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, 'that it had offered "the most generous package in its history" to the union')],
          type="mixed", fragments=[only(text, "the most generous package in its history")],
          speaker="Meridian Terminals", resolved_by="name", mention=only(text, "Meridian Terminals"),
          cue=only(text, "said"))
    assert [(s.name, s.kind) for s in doc.speakers] == [("Meridian Terminals", "organization")]


def test_mixed_quote_with_fragment_at_the_end(nlp: Language) -> None:
    text = 'Sen. Richard Alvarez warned that the bill would become "a blank check for the big cities."'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, 'that the bill would become "a blank check for the big cities."')], type="mixed",
          fragments=[only(text, "a blank check for the big cities.")], speaker="Richard Alvarez", resolved_by="name",
          mention=only(text, "Sen. Richard Alvarez"), cue=only(text, "warned"))


def test_mixed_quote_with_two_fragments(nlp: Language) -> None:
    text = 'David Okafor said the plan was "a promise without a budget" and "just a press release."'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, 'the plan was "a promise without a budget" and "just a press release."')],
          type="mixed", fragments=[only(text, "a promise without a budget"), only(text, "just a press release.")],
          speaker="David Okafor", resolved_by="name", mention=only(text, "David Okafor"), cue=only(text, "said"))


def test_quotation_introduced_by_that_is_mixed(nlp: Language) -> None:
    # "that" makes the quoted words reported speech: the writer frames them, the speaker's voice is inside
    text = 'The harbour master said that "the channel will be dredged before the winter storms."'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    fragment = only(text, "the channel will be dredged before the winter storms.")
    q = quote_at(doc, text, fragment)
    assert q.type == "mixed", describe(doc, text)
    assert [(f.start, f.end) for f in q.fragments] == [fragment]
    assert q.cue is not None and q.cue.text == "said"


def test_quote_resuming_in_lower_case_after_its_cue_is_mixed(nlp: Language) -> None:
    # the words before "Mayor Ana Lind said," begin the sentence the quote finishes
    text = 'If the bridge closes, Mayor Ana Lind said, "the whole east side will be cut off."'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "If the bridge closes"), only(text, '"the whole east side will be cut off."')],
          type="mixed", fragments=[only(text, "the whole east side will be cut off.")], speaker="Ana Lind",
          cue=only(text, "said"))


@pytest.mark.parametrize("lead", ["On the subject of money,", "Also,"])
def test_quote_after_a_cue_and_a_mere_connective_stays_direct(nlp: Language, lead: str) -> None:
    # a quote opening its own sentence, or one after a lone connective, is the speaker's words alone
    quote = "the city has none left." if lead == "Also," else "The city has none left."
    text = f'{lead} Mayor Ana Lind added, "{quote}"'
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, quote)], type="direct", speaker="Ana Lind", cue=only(text, "added"))


def test_words_between_a_quote_and_its_later_cue_make_it_mixed(nlp: Language) -> None:
    text = '"There is a sense of calm now," and donations began to rise again last week, Rachel Gilbert said.'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    content = only(text, '"There is a sense of calm now," and donations began to rise again last week')
    check(doc, text, spans=[content], type="mixed", fragments=[only(text, "There is a sense of calm now,")],
          speaker="Rachel Gilbert", cue=only(text, "said"))


def test_quote_after_a_relative_cue_clause_is_mixed(nlp: Language) -> None:
    # "what he called" names the thing said: the quote is a fragment of it
    text = 'The mayor, Tom Reyes, warned of what he called "a slow-motion disaster."'
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "a slow-motion disaster."))
    assert q.type == "mixed", describe(doc, text)
    assert [(f.start, f.end) for f in q.fragments] == [only(text, "a slow-motion disaster.")]
    assert spans_of(q)[0][0] == only(text, "what")[0]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('Tom Reyes said his friend is ready to "take on the cartel," secure the border and help veterans.',
         'his friend is ready to "take on the cartel," secure the border and help veterans'),
        ('Tom Reyes said the plan was "a start," and the council agreed.', 'the plan was "a start,"'),
        # a phrase that leans on the report keeps its own subject inside the claim
        ('Tom Reyes said the ferry was "running late," after the crew had left early.',
         'the ferry was "running late," after the crew had left early'),
        ('Tom Reyes said the new levy was "small change," compared to what other towns pay.',
         'the new levy was "small change," compared to what other towns pay'),
    ],
    ids=["same-report", "writer-goes-on", "after-clause", "compared-to"],
)
def test_mixed_claim_past_a_quote_closed_by_a_comma(nlp: Language, text: str, content: str) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, content)], type="mixed", speaker="Tom Reyes", cue=only(text, "said"))


def test_mixed_quote_with_a_closed_fragment(nlp: Language) -> None:
    text = 'David Okafor called the plan "a disaster in the making."'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, 'the plan "a disaster in the making."')], type="mixed",
          fragments=[only(text, "a disaster in the making.")], speaker="David Okafor", resolved_by="name",
          mention=only(text, "David Okafor"), cue=only(text, "called"))


@engine_bug("with an unclosed mark the content is trimmed of its final '.', so the fragment (which keeps it) "
            "sticks out of the content")
def test_mixed_quote_with_an_unclosed_fragment(nlp: Language) -> None:
    text = 'David Okafor called the plan "a disaster in the making.\n\nThe council voted 7-2.'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, 'the plan "a disaster in the making.')], type="mixed",
          fragments=[only(text, "a disaster in the making.")], speaker="David Okafor", resolved_by="name",
          mention=only(text, "David Okafor"), cue=only(text, "called"))


def test_quote_introduced_by_a_verb_in_its_sentence_is_not_fronted_mixed(nlp: Language) -> None:
    # "shouted," introduces the quote: the words before it set the scene, they are not reported
    text = 'When a man in the back shouted, "Nobody here believes a word of it," Laura Finch said.'
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Nobody here believes a word of it,")], type="direct",
          speaker="Laura Finch", cue=only(text, "said"))


def test_referred_to_someone_as_a_quoted_description(nlp: Language) -> None:
    text = "Ines Carvalho referred to her rival as \u201ca tireless, honest neighbour\u201d but opposed his plan."
    doc = run(nlp, text)
    quote = next(q for q in doc.quotes if q.cue is not None and q.cue.text == "referred to")
    content = only(text, "her rival as \u201ca tireless, honest neighbour\u201d")
    assert [(s.start, s.end) for s in quote.spans] == [content], describe(doc, text)
    assert quote.type == "mixed"
    assert quote.speaker is not None and quote.speaker.name == "Ines Carvalho"


@pytest.mark.parametrize("verb", ["heralded", "characterized", "denounced"])
def test_object_said_to_be_a_quoted_description(nlp: Language, verb: str) -> None:
    text = f"Ines Carvalho {verb} the harbour levy as \u201ca turning point\u201d for the town."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "the harbour levy as \u201ca turning point\u201d for the town")], type="mixed",
          speaker="Ines Carvalho", mention=only(text, "Ines Carvalho"), cue=only(text, verb))


@pytest.mark.parametrize("verb", ["dubbed", "termed"])
def test_object_given_a_quoted_name(nlp: Language, verb: str) -> None:
    text = f"On Friday, Ines Carvalho {verb} the tower \u201cthe ugliest building in town.\u201d"
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "the tower \u201cthe ugliest building in town.\u201d")], type="mixed",
          speaker="Ines Carvalho", mention=only(text, "Ines Carvalho"), cue=only(text, verb))


def test_words_between_an_open_quote_and_the_cue_comma_make_it_mixed(nlp: Language) -> None:
    # the quote ends without punctuation: the words after its mark finish the sentence the cue reports,
    # and the quote after the cue sentence goes on with it
    text = ("Anna Grant runs the county office.\n\n\"The turnout was just so strong\" in the rural counties, "
            "she said. \"We never saw lines like that before.\"")
    doc = run(nlp, text)
    content = (text.index("\"The turnout"), only(text, "in the rural counties")[1])
    check(doc, text, spans=[content, only(text, "We never saw lines like that before.")], type="mixed",
          speaker="Anna Grant", cue=only(text, "said"),
          fragments=[only(text, "The turnout was just so strong"), only(text, "We never saw lines like that before.")])


def test_clause_of_its_own_before_a_lower_case_quote_keeps_it_mixed(nlp: Language) -> None:
    # "noting that he and his wife" leads into the quoted words: they are that clause's, not a resumption
    text = ("\"I regard him as an old friend,\" Gingrich told the host, noting that he and his wife, Callista, "
            "\"have regularly talked with him.\"")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "I regard him as an old friend,")], type="direct", speaker="Gingrich",
          cue=only(text, "told"))


def test_verb_of_a_trailing_comparison_takes_no_quote(nlp: Language) -> None:
    # "compared to what the rivals are charging" measures the quote against the rivals' prices: the
    # rivals say none of it, and the report is Tom Reyes's
    text = 'Tom Reyes told reporters that the levy was "small change," compared to what the rivals are charging.'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, 'that the levy was "small change,"')], type="mixed",
          speaker="Tom Reyes", resolved_by="name", mention=only(text, "Tom Reyes"), cue=only(text, "told"))


def test_verb_after_unlike_takes_no_quote(nlp: Language) -> None:
    text = 'Tom Reyes said the fee was "modest," unlike what the harbour board wants.'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    quote = doc.quotes[0]
    assert quote.cue is not None and (quote.cue.start, quote.cue.end) == only(text, "said"), describe(doc, text)
    assert quote.speaker is not None and quote.speaker.name == "Tom Reyes", describe(doc, text)
    assert quote.spans[0].start == text.index("the fee"), describe(doc, text)


def test_cue_with_its_own_clause_leaves_the_quote_before_to_the_earlier_report(nlp: Language) -> None:
    # "supports keeping the ferry running" reports its own clause: the quoted words before it are what
    # Ana Cruz said
    text = 'Ana Cruz said the levy was "a disgrace," although she supports keeping the ferry running.'
    doc = run(nlp, text)
    assert len(doc.quotes) == 2, describe(doc, text)
    check(doc, text, spans=[only(text, 'the levy was "a disgrace,"')], type="mixed", speaker="Ana Cruz",
          resolved_by="name", mention=only(text, "Ana Cruz"), cue=only(text, "said"))
    check(doc, text, spans=[only(text, "keeping the ferry running")], type="indirect", speaker="Ana Cruz",
          cue=only(text, "supports"))


def test_second_speakers_quoted_clause_is_theirs(nlp: Language) -> None:
    text = 'Ana Cruz called the levy "a disgrace," and Tom Reyes says it is "a fair price."'
    doc = run(nlp, text)
    assert len(doc.quotes) == 2, describe(doc, text)
    check(doc, text, spans=[only(text, 'the levy "a disgrace,"')], type="mixed", speaker="Cruz",
          mention=only(text, "Ana Cruz"), cue=only(text, "called"))
    check(doc, text, spans=[only(text, 'it is "a fair price."')], type="mixed", speaker="Tom Reyes",
          resolved_by="name", mention=only(text, "Tom Reyes"), cue=only(text, "says"))


def test_clause_without_subject_goes_on_with_the_quote_before(nlp: Language) -> None:
    # "and still keeps …" shares the quote's subject: the quote before stays the cue's
    text = 'The ferry "will run all winter," Tom Reyes said, and still "keeps its prices low. It really is a bargain."'
    doc = run(nlp, text)
    quote = quote_at(doc, text, only(text, '"will run all winter,"'))
    assert quote.speaker is not None and quote.speaker.name == "Tom Reyes", describe(doc, text)
    assert quote.cue is not None and (quote.cue.start, quote.cue.end) == only(text, "said"), describe(doc, text)
    assert spans_of(quote)[0][0] == text.index("The ferry"), describe(doc, text)
