"""Quotes that go on: a quote interrupted by its cue, resumed after it, running over paragraphs, continued
without a cue of its own or signed in the next paragraph is one quote; what is not a continuation.

Each test writes a short text and asserts the real output of `quotegrab.extract`: exact offsets (computed
with `text.index`, never written as numbers), the quote type, the cue, the speaker mention and name.
Where the engine gets a case wrong the test still asserts the right behaviour and is marked
`engine_bug(...)` (xfail, strict). Helpers are in support.py.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from support import at, check, describe, only, quote_at, run, spans_of


def test_interrupted_quote_is_one_quote_in_two_spans(nlp: Language) -> None:
    text = (
        "Sen. Thomas Whitcombe of Kansas voted for the bill on Thursday.\n\n"
        '"This is a good day for small towns," Whitcombe said. "We have waited long enough."'
    )
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    pieces = [only(text, "This is a good day for small towns,"), only(text, "We have waited long enough.")]
    q = check(doc, text, spans=pieces, type="direct", speaker="Thomas Whitcombe", resolved_by="surname",
              mention=at(text, "Whitcombe", 1), cue=only(text, "said"))
    assert q.text == "This is a good day for small towns, \u2026 We have waited long enough."


def test_quote_resumed_mid_sentence_after_its_cue(nlp: Language) -> None:
    text = '"It is a difficult issue," said Sen. Margaret Hale, "because the money is not there yet."'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "It is a difficult issue,"), only(text, "because the money is not there yet.")],
          type="direct", speaker="Margaret Hale", resolved_by="name", mention=only(text, "Sen. Margaret Hale"),
          cue=only(text, "said"))


def test_quote_over_several_paragraphs(nlp: Language) -> None:
    # Each paragraph reopens the mark; only the last one closes it.
    text = (
        'Carla Mendes told members: "People came in angry and they left angry.\n\n'
        '"We asked for one thing: a seat at the table. The company said no.\n\n'
        '"So we will be on the picket line on Monday morning."\n\n'
        "The strike is the port's first since 1998."
    )
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text,
          spans=[only(text, "People came in angry and they left angry."),
                 only(text, "We asked for one thing: a seat at the table. The company said no."),
                 only(text, "So we will be on the picket line on Monday morning.")],
          type="direct", speaker="Carla Mendes", resolved_by="name", mention=only(text, "Carla Mendes"),
          cue=only(text, "told"))


def test_interrupted_quote_running_over_paragraphs(nlp: Language) -> None:
    text = (
        '"People came in angry," Carla Mendes said. "We have men here who have worked these cranes for thirty years.'
        '\n\n"So we will be on the picket line on Monday morning."'
    )
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text,
          spans=[only(text, "People came in angry,"),
                 only(text, "We have men here who have worked these cranes for thirty years."),
                 only(text, "So we will be on the picket line on Monday morning.")],
          type="direct", speaker="Carla Mendes", resolved_by="name", mention=only(text, "Carla Mendes"),
          cue=only(text, "said"))


def test_quote_resumed_in_the_next_paragraph_is_one_quote(nlp: Language) -> None:
    text = (
        '"The cranes still need people," Paul Lindqvist said.\n\n'
        '"They need different skills, and we have offered to pay for the training."'
    )
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    rest = only(text, "They need different skills, and we have offered to pay for the training.")
    check(doc, text, spans=[only(text, "The cranes still need people,"), rest], type="direct",
          speaker="Paul Lindqvist", resolved_by="name", mention=only(text, "Paul Lindqvist"), cue=only(text, "said"))


def test_cueless_continuation_quote(nlp: Language) -> None:
    text = (
        '"The cranes still need people," Paul Lindqvist said.\n\n'
        '"They need different skills."\n\n'
        '"We have offered to pay for the training."'
    )
    doc = run(nlp, text)
    assert len(doc.quotes) == 2, describe(doc, text)
    first = check(doc, text,
                  spans=[only(text, "The cranes still need people,"), only(text, "They need different skills.")],
                  type="direct", speaker="Paul Lindqvist", resolved_by="name", mention=only(text, "Paul Lindqvist"),
                  cue=only(text, "said"))
    rest = only(text, "We have offered to pay for the training.")
    second = check(doc, text, spans=[rest], type="direct", speaker="Paul Lindqvist", resolved_by="continuation")
    assert second.cue is None
    assert second.speaker is not None and first.speaker is not None
    assert second.speaker.id == first.speaker.id
    assert [(s.name, s.quote_count) for s in doc.speakers] == [("Paul Lindqvist", 2)]


def test_interrupted_mixed_quote_is_one_quote(nlp: Language) -> None:
    text = (
        "Tomas Berg has driven a crane at the port since 1990.\n\n"
        "But when it comes to the harbour, ''we have all worked our hands raw,'' he said. "
        "''And now they want to close it?''"
    )
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "But when it comes to the harbour, ''we have all worked our hands raw,''"),
                            only(text, "And now they want to close it?")],
          type="mixed", speaker="Tomas Berg", cue=only(text, "said"),
          fragments=[only(text, "we have all worked our hands raw,"), only(text, "And now they want to close it?")])


def test_continuation_after_a_second_claim_joins_the_quote(nlp: Language) -> None:
    # the "adding that" claim comes between, yet the quote resumed after it is still the first one's
    text = (
        '"The council never read the plan," Ms. Varga said, adding that she had fought for the docks for years. '
        '"A leader must fight for what she believes in."'
    )
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "The council never read the plan,"),
                            only(text, "A leader must fight for what she believes in.")],
          type="direct", speaker="Varga", cue=only(text, "said"))


def test_quote_after_someone_elses_clause_is_not_a_continuation(nlp: Language) -> None:
    # "Okonkwo resisted:" is another person's turn, though "resist" is no cue verb
    text = (
        '"The mayor could sign an order tomorrow," said Tom Reyes, the head of the dockers\' union. '
        'Okonkwo resisted: "The city has no power to close a federal port."'
    )
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "The mayor could sign an order tomorrow,")], type="direct",
          speaker="Tom Reyes", cue=only(text, "said"))
    assert all(q.speaker is None or q.speaker.name != "Tom Reyes" for q in doc.quotes
               if q.spans[-1].start > text.index("Okonkwo")), describe(doc, text)


def test_interrupted_quote_after_a_relative_clause_on_the_speaker(nlp: Language) -> None:
    text = (
        '"It will not be easy for the mayor," said Representative Jan Holm, who endorsed the mayor on Tuesday. '
        '"But nobody else has a plan."'
    )
    doc = run(nlp, text)
    pieces = [only(text, "It will not be easy for the mayor,"), only(text, "But nobody else has a plan.")]
    check(doc, text, spans=pieces, type="direct", speaker="Jan Holm", cue=only(text, "said"))


def test_single_marked_subheading_is_not_a_continuation(nlp: Language) -> None:
    text = (
        "''We will keep the plant open as long as the orders come,'' said Rosa Albright, the plant manager.\n\n"
        "'Nobody wanted to leave.'\n\n"
        "The mill opened in 1911 and once employed 4,000 people."
    )
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "We will keep the plant open as long as the orders come,")], type="direct",
          speaker="Rosa Albright", cue=only(text, "said"))


def test_quote_signed_in_the_next_paragraph(nlp: Language) -> None:
    text = (
        "The fact checker looked at claims made by Senator Ruth Calder during the debate.\n\n"
        '"Almost all new income is going to the top 1 percent."\n\n'
        "- Calder.\n\n"
        "The senator is relying on an outdated study."
    )
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Almost all new income is going to the top 1 percent.")], type="direct",
          speaker="Ruth Calder", mention=at(text, "Calder", 1))


def test_quote_after_a_second_verb_is_not_the_first_resumed(nlp: Language) -> None:
    text = '"I do not want a fight," Paul Manning said, adding, "We do not want to be fighting in July."'
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "I do not want a fight,")], type="direct", speaker="Paul Manning",
          cue=only(text, "said"))
    check(doc, text, spans=[only(text, "We do not want to be fighting in July.")], type="direct",
          speaker="Paul Manning", cue=only(text, "adding"))


def test_quote_resumed_in_next_paragraph_with_words_after_it_stays_apart(nlp: Language) -> None:
    # the next paragraph's quote is followed by words of its own: another turn, not the first quote resumed
    text = (
        '"We will open the harbour again by spring," Karen Wills said.\n\n'
        '"Not before the storms are over," came the reply from the back of the hall.\n\nThe meeting ended.'
    )
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "We will open the harbour again by spring,")], type="direct",
          speaker="Karen Wills", cue=only(text, "said"))


def test_quote_opening_the_paragraph_after_one_ending_in_a_colon(nlp: Language) -> None:
    # the paragraph before ends in a colon and names who issued the statement; "following" describes
    # the statement and is no act of its own
    text = ("Floods closed the highway on Tuesday. Governor Lena Ortiz issued the following statement:\n\n"
            '"Our crews will work through the night until every road is open again."\n\nThe rain stopped later.')
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Our crews will work through the night until every road is open again.")],
          type="direct", speaker="Lena Ortiz", cue=only(text, "issued"))


def test_a_quote_after_a_paragraph_making_a_statement_belongs_to_its_subject(nlp: Language) -> None:
    # "made" says nothing by itself, but making a comment or a statement leads into the quote after it
    text = ("On Monday, the mayor made the following comment:\n\n"
            "\u201cOur city has never been safer, and the numbers prove it.\u201d\n\nCritics disagreed.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Our city has never been safer, and the numbers prove it.")], type="direct",
          speaker="mayor", cue=only(text, "made"))


def test_a_bare_cue_sentence_announces_the_quote_after_it(nlp: Language) -> None:
    # the writer put a full stop where a colon belongs: the cue has no content of its own
    text = ("Others were less sure.\n\nState University's Diane Bystrom agreed. "
            "\"Mainstream Republicans are running out of time to find someone else.\"")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Mainstream Republicans are running out of time to find someone else.")],
          type="direct", speaker="Diane Bystrom", cue=only(text, "agreed"))


def test_a_cue_sentence_with_content_of_its_own_announces_nothing(nlp: Language) -> None:
    text = ("The count is over.\n\nThe director said the party would not recount. "
            "\"There are no paper ballots to count again.\"")
    doc = run(nlp, text)
    quote = [q for q in doc.quotes if "paper ballots" in q.text]
    assert not quote or quote[0].cue is None, describe(doc, text)


def test_quote_signed_with_name_and_town_in_the_next_paragraph(nlp: Language) -> None:
    # a sign-off after a dash may add where the signer is from: the name alone is the signature
    text = ("The delegates cheered late into the night.\n\n"
            "\"The whole idea of a crooked mayor is something we hear about all the time, and it needs to stop.\""
            "\n\n- Dara Quill, Harbourton.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "The whole idea of a crooked mayor is something we hear about all the time, "
                                       "and it needs to stop.")],
          type="direct", speaker="Dara Quill", mention=only(text, "Dara Quill"))


def test_quote_signed_with_a_name_the_ner_misses_and_a_town(nlp: Language) -> None:
    text = ("The delegates cheered late into the night.\n\n"
            "\"The whole idea of a crooked mayor is something we hear about all the time, and it needs to stop.\""
            "\n\n- Tove Brandt, Lakeside.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "The whole idea of a crooked mayor is something we hear about all the time, "
                                       "and it needs to stop.")],
          type="direct", speaker="Tove Brandt", mention=only(text, "Tove Brandt"))


def test_inverted_cue_on_its_own_line_leads_into_the_next_paragraph(nlp: Language) -> None:
    text = ("Dana Ruiz spoke for an hour on the radio.\n\nStated Ruiz:\n\n\u201cI think that the stakes are so high "
            "that they would do anything to stay in power.\u201d")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "I think that the stakes are so high that they would do anything to stay "
                                       "in power.")],
          type="direct", speaker="Dana Ruiz", cue=only(text, "Stated"))


def test_short_sentence_after_an_attribution_goes_on_with_the_quote(nlp: Language) -> None:
    # "Very good." is too short to stand as a quote of its own, but a whole sentence right after the
    # attribution in the same paragraph is the same speaker going on
    text = ("Senator Jon Tarrow spoke on Monday.\n\n\"I feel very good about our chances in November,\" Tarrow said. "
            "\"Very good.\"\n\nHe did express concern about the ads.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "I feel very good about our chances in November,"), only(text, "Very good.")],
          type="direct", speaker="Jon Tarrow", cue=only(text, "said"))


def test_short_quote_inside_a_sentence_is_no_continuation(nlp: Language) -> None:
    # a lone quoted term that a sentence goes on from is named, not said
    text = ("\"We will send the draft tonight,\" Tarrow said. \"Nonpaper\" is what the aides call such a draft.")
    doc = run(nlp, text)
    assert not any(at(text, "Nonpaper")[0] <= s.start < at(text, "Nonpaper")[1] for q in doc.quotes for s in q.spans), \
        describe(doc, text)


def test_quote_resumed_in_lower_case_after_a_long_aside_about_the_speaker(nlp: Language) -> None:
    # the sentence broken off at the comma goes on past the speaker's title, however long
    text = ("\"This used to be the back yard of the empire,\" said Raffo Pantell, director of security studies at "
            "the Royal Harbour Services Institute in the old port city of Lakeside, \"but it is increasingly "
            "coming into a new orbit.\"")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "This used to be the back yard of the empire,"),
                            only(text, "but it is increasingly coming into a new orbit.")],
          type="direct", speaker="Raffo Pantell", cue=only(text, "said"))


def test_quote_resumed_in_lower_case_after_a_participle_aside(nlp: Language) -> None:
    text = "\"These guys know how to use words,\" said Sherman, speaking of politicians, \"and leave themselves room.\""
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "These guys know how to use words,"),
                            only(text, "and leave themselves room.")],
          type="direct", speaker="Sherman", cue=only(text, "said"))


def test_quote_resumed_after_a_cue_missing_its_comma(nlp: Language) -> None:
    # the writer left out the comma after "she said": the next sentence in quotation marks goes on
    text = ("Vendors lined the road.\n\n\"They are trying to defeat opportunity for kids,\" Mara Quint said "
            "\"Ultimately the campaign is saying no to progress.\"")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "They are trying to defeat opportunity for kids,"),
                            only(text, "Ultimately the campaign is saying no to progress.")],
          type="direct", speaker="Mara Quint", cue=only(text, "said"))


@pytest.mark.parametrize(
    ("text", "report", "quote", "speaker"),
    [
        ('Mr Howard described the report as "very important". "This is from someone who was an insider."',
         'the report as "very important"', "This is from someone who was an insider.", "Howard"),
        ('Cook said the voters were "more interested in politics than ever". "They are turned off by the way we '
         'do politics."', 'the voters were "more interested in politics than ever"',
         "They are turned off by the way we do politics.", "Cook"),
    ],
)
def test_a_quote_after_a_report_holding_a_fragment_goes_on_with_its_speaker(
    nlp: Language, text: str, report: str, quote: str, speaker: str
) -> None:
    """A cue-less quote right after a mixed report, in its paragraph, is the reporter's own words."""
    doc = run(nlp, text)
    mixed = quote_at(doc, text, only(text, report))
    direct = quote_at(doc, text, only(text, quote))
    assert mixed.type == "mixed" and direct.type == "direct" and direct.cue is None
    assert spans_of(direct) == [only(text, quote)]
    assert mixed.speaker is not None and direct.speaker is not None
    assert direct.speaker.name == mixed.speaker.name and speaker in direct.speaker.name


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        ('Jim Carter, of the parents group, said the new rules "lacked teeth".\n\n"We want a plan that '
         'courts can enforce. "Otherwise families make deals that fall apart." Mr Carter said ministers had '
         'run out of time.', "We want a plan that courts can enforce.", "Jim Carter"),
        ('The society\'s Ann Wells said the reform was "long overdue".\n\n"We hope the parties back it."',
         "We hope the parties back it.", "Ann Wells"),
    ],
)
def test_a_report_ending_its_paragraph_hands_its_speaker_to_a_quote_opening_the_next(
    nlp: Language, text: str, quote: str, speaker: str
) -> None:
    """BBC copy: a paragraph that opens with quoted sentences right after a mixed report goes on with
    the reporter (each reopened sentence too)."""
    doc = run(nlp, text)
    direct = quote_at(doc, text, only(text, quote))
    assert direct.type == "direct" and direct.cue is None
    assert direct.speaker is not None and direct.speaker.name == speaker


def test_a_report_not_ending_its_paragraph_hands_on_no_speaker_to_the_next(nlp: Language) -> None:
    text = ('Mr Howard described the report as "very important". The vote is due on Monday.\n\n'
            '"This is from someone who was an insider."')
    doc = run(nlp, text)
    start = text.index("This is from")
    assert not [q for q in doc.quotes if q.spans[0].start == start and q.speaker is not None]


def test_a_report_holding_a_fragment_hands_on_its_speaker_within_its_paragraph_only(nlp: Language) -> None:
    text = ('Mr Howard described the report as "very important".\n\n"The hall was full," the organiser, '
            'Jane Reed, said. "Nobody expected that."')
    doc = run(nlp, text)
    later = quote_at(doc, text, only(text, "Nobody expected that."))
    assert later.speaker is not None and later.speaker.name == "Jane Reed"
