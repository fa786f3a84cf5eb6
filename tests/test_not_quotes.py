"""Marks that are not quotes: scare quotes, titles of works and shows, nicknames, possessive apostrophes,
unbalanced marks (which must not break the rest of the article).

Each test writes a short text and asserts the real output of `quotegrab.extract`: exact offsets (computed
with `text.index`, never written as numbers), the quote type, the cue, the speaker mention and name.
Where the engine gets a case wrong the test still asserts the right behaviour and is marked
`engine_bug(...)` (xfail, strict). Helpers are in support.py.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from support import at, check, describe, only, run


def test_title_of_a_show_in_the_attribution_is_not_a_quote(nlp: Language) -> None:
    text = '"We will not back down," Elena Ruiz said on NBC\'s "Meet the Press." "The buses will run."'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "We will not back down,"), only(text, "The buses will run.")], type="direct",
          speaker="Elena Ruiz", resolved_by="name", mention=only(text, "Elena Ruiz"), cue=only(text, "said"))
    assert [(s.name, s.kind) for s in doc.speakers] == [("Elena Ruiz", "person")]


@pytest.mark.parametrize("words", ["But Maria Lopez won,", "Oh, My God,"])
def test_capitalised_quote_opening_its_sentence_is_not_a_title(nlp: Language, words: str) -> None:
    text = f'The count went on past midnight.\n\n"{words}" Tom Axelrod said.'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, words)], type="direct", speaker="Tom Axelrod", cue=only(text, "said"))


@pytest.mark.parametrize(
    "text",
    [
        'Much of the debate turned on the so-called "forgotten towns" of the Plains.',
        "Much of the debate turned on the \u201cforgotten towns\u201d of the Plains.",
        'Many of them had watched "The Last Shift," a documentary about the closing of a steel mill.',
        "The 1998 strike was led by James \u201cBig Jim\u201d Porter, who is now 81.",
        'The word "resilience" appears 14 times in the report.',
        "The council\u2019s \u2018rainy day\u2019 fund is nearly empty.",
    ],
    ids=["so-called", "scare-quotes", "title-of-work", "nickname", "word-as-word", "single-scare-quotes"],
)
def test_marks_that_are_not_quotes(nlp: Language, text: str) -> None:
    doc = run(nlp, text)
    assert doc.quotes == [], describe(doc, text)
    assert doc.speakers == []


def test_title_of_work_inside_a_claim_is_not_a_fragment(nlp: Language) -> None:
    text = 'Several members said they had watched "The Last Shift," a documentary about a steel mill.'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, 'they had watched "The Last Shift," a documentary about a steel mill')],
          type="indirect", fragments=[], speaker="members", resolved_by="group",
          mention=only(text, "Several members"), cue=only(text, "said"))


@pytest.mark.parametrize("apostrophe", ["\u2019", "'"], ids=["curly", "straight"])
def test_possessive_apostrophe_opens_no_quote(nlp: Language, apostrophe: str) -> None:
    open_, close = ("\u201c", "\u201d") if apostrophe == "\u2019" else ('"', '"')
    text = (
        f"Officials said voters{apostrophe} complaints about the water had gone unanswered for years. "
        f"{open_}We heard them,{close} said Sen. Margaret Hale."
    )
    doc = run(nlp, text)
    assert len(doc.quotes) == 2, describe(doc, text)
    check(doc, text, spans=[only(text, f"voters{apostrophe} complaints about the water had gone unanswered for years")],
          type="indirect", fragments=[], speaker="officials", resolved_by="group", mention=only(text, "Officials"),
          cue=at(text, "said"))
    check(doc, text, spans=[only(text, "We heard them,")], type="direct", speaker="Margaret Hale",
          resolved_by="name", mention=only(text, "Sen. Margaret Hale"), cue=at(text, "said", 1))


@pytest.mark.parametrize(
    "broken",
    [
        'Critics have a name for the plan: "the bus to nowhere.',  # opened, never closed
        "Critics have a name for the plan: the bus to nowhere\u201d.",  # closed, never opened
        "Critics have a name for the plan: \u201cthe bus to nowhere.",
        "Critics have a name for the plan: 'the bus to nowhere.",
        'Critics have a name for the plan: "the bus to nowhere. It has stuck.',
    ],
    ids=["unclosed-straight", "stray-closer", "unclosed-curly", "unclosed-single", "unclosed-mid-paragraph"],
)
def test_unbalanced_mark_does_not_break_the_rest(nlp: Language, broken: str) -> None:
    text = (
        f"{broken}\n\n"
        "Mayor Elena Ruiz said the buses would start in September. "
        '"We have waited long enough," she said.'
    )
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "the buses would start in September")], type="indirect",
          speaker="Elena Ruiz", resolved_by="name", mention=only(text, "Mayor Elena Ruiz"), cue=at(text, "said"))
    check(doc, text, spans=[only(text, "We have waited long enough,")], type="direct", speaker="Elena Ruiz",
          resolved_by="pronoun", mention=only(text, "she"), cue=at(text, "said", 1))


def test_unbalanced_mark_later_in_the_article(nlp: Language) -> None:
    text = (
        "\u201cWe have waited long enough,\u201d said Mayor Elena Ruiz.\n\n"
        "Critics have a name for the plan: \u201cthe bus to nowhere.\n\n"
        "The council voted 7-2 on Tuesday.\n\n"
        "\u201cIt will be full every night,\u201d Ruiz said."
    )
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "We have waited long enough,")], type="direct", speaker="Elena Ruiz",
          resolved_by="name", mention=only(text, "Mayor Elena Ruiz"), cue=at(text, "said"))
    assert any(text[q.start : q.end] == "It will be full every night," for q in doc.quotes), describe(doc, text)
