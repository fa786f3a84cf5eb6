"""Headline and dash forms: "Name: quote", "Name says ..." headlines, interview lines, dash attributions
and signatures, digest items.

Each test writes a short text and asserts the real output of `quotegrab.extract`: exact offsets (computed
with `text.index`, never written as numbers), the quote type, the cue, the speaker mention and name.
Where the engine gets a case wrong the test still asserts the right behaviour and is marked
`engine_bug(...)` (xfail, strict). Helpers are in support.py.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from support import at, check, describe, only, quote_at, run, spans_of


def test_headline_name_the_tagger_misreads_still_speaks(nlp: Language) -> None:
    # "Holt" alone is tagged a common noun; the article names Amy Holt further down
    text = "Holt: 'Never, ever, ever underestimate Lind.'\n\nSenator Amy Holt has some advice for her party.\n"
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Never, ever, ever underestimate Lind.")], type="direct", speaker="Amy Holt",
          mention=at(text, "Holt"))


def test_headline_with_a_surname_the_tagger_misreads(nlp: Language) -> None:
    text = "Whitfield: Ferry cuts could cost the harbour its tourists\n\nDana Whitfield spoke on Friday."
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "Ferry cuts could cost the harbour its tourists"))
    assert spans_of(q) == [only(text, "Ferry cuts could cost the harbour its tourists")]
    assert q.speaker is not None and q.speaker.name == "Dana Whitfield"


def test_headline_opening_with_a_quoted_phrase(nlp: Language) -> None:
    text = "Reyes: ‘Toll Plan’ Is ‘A Tax On Commuters’\n\nTom Reyes spoke on Friday."
    doc = run(nlp, text)
    q = quote_at(doc, text, at(text, "Toll Plan"))
    assert q.speaker is not None and q.speaker.name == "Tom Reyes"
    assert q.cue is not None and q.cue.text == ":"


def test_headline_credits_a_poll(nlp: Language) -> None:
    text = "Poll: Whitfield Leads Reyes By Six Points In Harbour City\n\nThe race is close."
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "Whitfield Leads Reyes By Six Points In Harbour City"))
    assert spans_of(q) == [only(text, "Whitfield Leads Reyes By Six Points In Harbour City")]
    assert q.speaker is not None and q.speaker.mention is not None and q.speaker.mention.text == "Poll"


@pytest.mark.parametrize(
    ("headline", "speaker"),
    [("Insiders", "insiders"), ("Newspaper", "Newspaper"), ("Critics", "critics")],
)
def test_headline_credits_a_group_or_a_body(nlp: Language, headline: str, speaker: str) -> None:
    text = f"{headline}: the harbour plan will cost too much\n\nThe council meets on Monday to vote on the plan."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "the harbour plan will cost too much")], type="indirect", speaker=speaker,
          mention=only(text, headline), cue=only(text, ":"))


def test_a_section_label_in_a_headline_is_no_speaker(nlp: Language) -> None:
    text = "The Latest: the harbour plan will cost too much\n\nThe council meets on Monday to vote on the plan."
    doc = run(nlp, text)
    assert doc.quotes == [], describe(doc, text)


def test_headline_says(nlp: Language) -> None:
    text = (
        "Ruiz says night buses will start in September\n\n"
        "Mayor Elena Ruiz announced the new routes at a news conference on Monday."
    )
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "night buses will start in September")], type="indirect",
          speaker="Elena Ruiz", resolved_by="surname", mention=at(text, "Ruiz"), cue=only(text, "says"))


def test_headline_name_colon_quote(nlp: Language) -> None:
    text = (
        'Okafor: "A promise without a budget is just a press release"\n\n'
        "David Okafor, a city councillor, voted against the night bus plan on Monday."
    )
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "A promise without a budget is just a press release")], type="direct",
          speaker="David Okafor", resolved_by="surname", mention=at(text, "Okafor"), cue=only(text, ":"))


def test_headline_full_name_colon_quote(nlp: Language) -> None:
    text = 'David Okafor: "A promise without a budget is just a press release"\n\nThe council voted 7-2.'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "A promise without a budget is just a press release")], type="direct",
          speaker="David Okafor", resolved_by="name", mention=only(text, "David Okafor"), cue=at(text, ":"))


def test_interview_transcript_lines_are_their_speakers(nlp: Language) -> None:
    text = (
        "Mayor Dana Whitfield spoke to the host on Sunday.\n\n"
        "HOLT: Will the ferry run this winter?\n\n"
        "WHITFIELD: It will, and the fares will not go up."
    )
    doc = run(nlp, text)
    assert len(doc.quotes) == 2, describe(doc, text)
    check(doc, text, spans=[only(text, "Will the ferry run this winter?")], type="indirect", speaker="HOLT",
          mention=only(text, "HOLT"))
    check(doc, text, spans=[only(text, "It will, and the fares will not go up")], type="indirect",
          speaker="Dana Whitfield", mention=only(text, "WHITFIELD"))


@pytest.mark.parametrize("dash", ["\u2014", "--", "\u2013"], ids=["em-dash", "double-hyphen", "en-dash"])
def test_dash_attribution(nlp: Language, dash: str) -> None:
    text = (
        "The hospital opened in 1921.\n\n"
        f'"We will keep the lights on, whatever it costs." {dash} Amina Yusuf, director of St. Luke\'s Hospital'
    )
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "We will keep the lights on, whatever it costs.")], type="direct",
          speaker="Amina Yusuf", resolved_by="name", mention=only(text, "Amina Yusuf"), cue=only(text, dash))


def test_dash_signature_the_ner_misses(nlp: Language) -> None:
    # readers' letters signed with a horizontal bar: the names are unknown to the NER and said nowhere else
    text = (
        "The new bridge opened on Monday.\n\n"
        "\u201cFortunately, the ferry still runs on Sundays, and that is all I need.\u201d \u2015\u00a0Bram Oduya\n\n"
        "\u201cIt took four years and it was worth every single day.\u201d \u2015 Ines K Marlowe Tudor."
    )
    doc = run(nlp, text)
    assert len(doc.quotes) == 2, describe(doc, text)
    check(doc, text, spans=[only(text, "Fortunately, the ferry still runs on Sundays, and that is all I need.")],
          type="direct", speaker="Bram Oduya", mention=only(text, "Bram Oduya"))
    check(doc, text, spans=[only(text, "It took four years and it was worth every single day.")], type="direct",
          speaker="Ines K Marlowe Tudor", mention=only(text, "Ines K Marlowe Tudor"))
    assert {s.name for s in doc.speakers} == {"Bram Oduya", "Ines K Marlowe Tudor"}


def test_digest_item_quoting_a_source_named_after_a_dash(nlp: Language) -> None:
    # a newsletter item: its topic in capitals, a dash, then whom it quotes and a colon
    text = ("CITY BUDGETS SHRINK FOR A THIRD YEAR IN A ROW - Nora Kessler: "
            "\u201cMost cities we surveyed expect smaller budgets and fewer workers next year.\u201d [Survey.]")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Most cities we surveyed expect smaller budgets and fewer workers next year.")],
          type="direct", speaker="Nora Kessler", mention=only(text, "Nora Kessler"))


def test_headline_opening_with_a_title_like_quote_is_a_claim(nlp: Language) -> None:
    # a capitalised quoted phrase opening a headline looks like a title, but the words after it make the
    # whole line the named speaker's claim
    text = "Nora Vance: ‘Of Course’ The Harbour Plan Is Worth Funding.\n\nNora Vance spoke on Friday."
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "‘Of Course’ The Harbour Plan Is Worth Funding"))
    assert spans_of(q) == [only(text, "‘Of Course’ The Harbour Plan Is Worth Funding")], describe(doc, text)
    assert q.speaker is not None and q.speaker.name == "Nora Vance"
    assert q.cue is not None and q.cue.text == ":"


def test_an_articles_first_line_in_name_colon_form_is_a_headline_claim_though_it_ends_in_a_stop(nlp: Language) -> None:
    # many outlets end a headline with a full stop; the first line is the headline all the same
    text = ("Marlowe: Port expansion will not raise local taxes.\n\nCouncilwoman Dana Marlowe spoke to reporters "
            "on Monday.\n\nNote: the vote is set for Friday.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Port expansion will not raise local taxes")], type="indirect",
          speaker="Dana Marlowe", mention=at(text, "Marlowe"))
    assert not any("vote is set" in q.text for q in doc.quotes), describe(doc, text)


@pytest.mark.parametrize(
    ("text", "headline", "speaker"),
    [
        # the body repeats the quoted words: its claim holding them names the speaker
        ("Economy 'stronger than forecast'\n\nThe economy grew by 0.8% in the third quarter, figures show.\n\n"
         "The Bank of England said growth was \"stronger than forecast\" in the summer.\n",
         "Economy 'stronger than forecast'", "Bank of England"),
        # no repeat: the claim the first paragraph makes is what the headline sums up
        ("Blair 'will not quit' over Iraq\n\nTony Blair has insisted he will stay in office despite the war.\n",
         "Blair 'will not quit' over Iraq", "Tony Blair"),
    ],
)
def test_a_headline_quoting_without_a_verb_is_the_bodys_claim(
    nlp: Language, text: str, headline: str, speaker: str
) -> None:
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, headline))
    assert spans_of(q) == [only(text, headline)]
    assert q.type == "mixed" and q.cue is None and q.rule == "headline-fragment"
    assert q.speaker is not None and q.speaker.name == speaker


def test_a_headline_quote_nobody_in_the_body_makes_has_no_speaker(nlp: Language) -> None:
    text = "Bank 'loses' customer records\n\nA bank has lost the records of a million customers.\n"
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "Bank 'loses' customer records"))
    assert q.type == "mixed" and q.speaker is None


def test_a_first_line_that_is_a_sentence_is_no_headline_fragment(nlp: Language) -> None:
    text = "Officials called the plan 'a start'.\n\nThe council will vote on it next week.\n"
    doc = run(nlp, text)
    assert all(q.rule != "headline-fragment" for q in doc.quotes)


def test_a_bulleted_label_ending_in_a_name_speaks_the_quote_after_it(nlp: Language) -> None:
    """Match reports list the managers' words after a bullet and the speaker's name, with no cue."""
    text = ('Newcastle 2-1 Bolton\n\nDyer scored the winner.\n\n- Bolton boss Sam Allardyce "I am bitterly '
            'disappointed with the result. "We cracked in the end."\n\n - Newcastle boss Graeme Souness "We '
            'deserved the win."\n')
    doc = run(nlp, text)
    said = {text[s.start : s.end]: q.speaker.name if q.speaker else None for q in doc.quotes for s in q.spans}
    assert said == {"I am bitterly disappointed with the result.": "Sam Allardyce",
                    "We cracked in the end.": "Sam Allardyce", "We deserved the win.": "Graeme Souness"}
    assert all(q.type == "direct" and q.cue is None for q in doc.quotes)


def test_a_label_without_a_bullet_or_a_name_speaks_nothing(nlp: Language) -> None:
    text = 'The match report.\n\n- A lovely afternoon "in the sun" for all.\n'
    doc = run(nlp, text)
    assert all(q.speaker is None for q in doc.quotes)
