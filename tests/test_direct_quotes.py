"""Direct quotes (issue 2): wholly inside quotation marks, their spans the words inside the marks, and the
cue and speaker that attribute them, wherever the cue stands (before, after, inverted, after a colon).

Each test writes a short text and asserts the real output of `quotegrab.extract`: exact offsets (computed
with `text.index`, never written as numbers), the quote type, the cue, the speaker mention and name.
Where the engine gets a case wrong the test still asserts the right behaviour and is marked
`engine_bug(...)` (xfail, strict). Helpers are in support.py.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from support import at, check, describe, only, quote_at, run


def test_direct_quote_cue_after(nlp: Language) -> None:
    text = '"We will not back down on this," said Mayor Elena Ruiz.'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "We will not back down on this,")], type="direct", speaker="Elena Ruiz",
          resolved_by="name", mention=only(text, "Mayor Elena Ruiz"), cue=only(text, "said"))
    assert [(s.name, s.kind, s.quote_count) for s in doc.speakers] == [("Elena Ruiz", "person", 1)]


def test_a_quote_left_open_before_a_new_attribution_keeps_its_own_speaker(nlp: Language) -> None:
    """Merged copy: the first quote is never closed, and a new attribution with its own mark follows."""
    text = ('Martin Smith, who was freed in January, said: "I have lost three years. His lawyer, Jane Brown, '
            'said: "The authorities never told him why he was held."')
    doc = run(nlp, text)
    assert len(doc.quotes) == 2, describe(doc, text)
    check(doc, text, spans=[only(text, "I have lost three years.")], type="direct", speaker="Martin Smith")
    check(doc, text, spans=[only(text, "The authorities never told him why he was held.")], type="direct",
          speaker="Jane Brown")


def test_each_reopened_sentence_of_a_quote_is_direct_and_the_speakers(nlp: Language) -> None:
    """'saying: "A. "B. "C."': every sentence is a direct quote of the one who said the first."""
    text = ('Mr Haji-Ioannou vowed to fight back, saying: "We have nothing to be afraid of in this case. '
            '"It is our right to use our own colour. "We will win."\n')
    doc = run(nlp, text)
    quoted = [q for q in doc.quotes if q.rule != "infinitive"]
    assert quoted, describe(doc, text)
    assert all(q.type == "direct" for q in quoted), describe(doc, text)
    assert all(q.speaker is not None and q.speaker.name == "Haji-Ioannou" for q in quoted)
    words = " ".join(text[s.start : s.end] for q in quoted for s in q.spans)
    for sentence in ("We have nothing to be afraid of in this case.", "It is our right to use our own colour.",
                     "We will win."):
        assert sentence in words


def test_direct_quote_cue_before_with_colon(nlp: Language) -> None:
    text = 'Mayor Elena Ruiz told reporters: "We will not back down on this."'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "We will not back down on this.")], type="direct", speaker="Elena Ruiz",
          resolved_by="name", mention=only(text, "Mayor Elena Ruiz"), cue=only(text, "told"))


def test_direct_question_with_inverted_cue(nlp: Language) -> None:
    text = 'The council debated the plan for three hours.\n\n"Who is going to pay for it?" asked David Okafor.'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "Who is going to pay for it?")], type="direct", speaker="David Okafor",
          resolved_by="name", mention=only(text, "David Okafor"), cue=only(text, "asked"))


@pytest.mark.parametrize(
    ("open_", "close"),
    [
        ("\u201c", "\u201d"),  # curly
        ('"', '"'),  # straight
        ("''", "''"),  # wire text
        ("``", "''"),  # TeX-style
        ("\u2018", "\u2019"),  # British single curly
    ],
    ids=["curly", "straight", "wire", "tex", "single-curly"],
)
def test_quotation_mark_styles(nlp: Language, open_: str, close: str) -> None:
    text = f"{open_}We lost everything on the ground floor,{close} said Donna Kessler, a retired teacher."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "We lost everything on the ground floor,")], type="direct",
          speaker="Donna Kessler", resolved_by="name", mention=only(text, "Donna Kessler"), cue=only(text, "said"))


def test_the_words_of_a_sign_or_a_flyer(nlp: Language) -> None:
    text = (
        "Maria Dawson lifted a sign of her own.\n\n"
        '"I am still here," it read.\n\n'
        'At the bottom the flyer reads, "You can help by giving $35."\n\n'
        "He read the report twice before the meeting."
    )
    doc = run(nlp, text)
    assert len(doc.quotes) == 2, describe(doc, text)
    q = check(doc, text, spans=[only(text, "I am still here,")], type="direct", speaker=None)
    assert q.cue is not None and (q.cue.start, q.cue.end) == at(text, "read", 0)
    check(doc, text, spans=[only(text, "You can help by giving $35.")], type="direct", speaker="flyer",
          cue=at(text, "reads"))


def test_attribution_after_a_quote_missing_its_comma_or_ending_in_a_full_stop(nlp: Language) -> None:
    text = (
        '"The caucus is a battle of niches" Tom Grubbs said. "The fuel standard is a strong niche."\n\n'
        '"I hope you are able to find the missing files." Maria Lind said.\n\n'
        '"We won." Lind said the count was over.'
    )
    doc = run(nlp, text)
    pieces = [only(text, "The caucus is a battle of niches"), only(text, "The fuel standard is a strong niche.")]
    check(doc, text, spans=pieces, type="direct", speaker="Tom Grubbs", cue=at(text, "said", 0))
    check(doc, text, spans=[only(text, "I hope you are able to find the missing files.")], type="direct",
          speaker="Maria Lind", cue=at(text, "said", 1))
    assert all(q.cue is None or q.cue.start != at(text, "said", 2)[0] or q.type != "direct" for q in doc.quotes)


def test_quote_after_a_joined_participle_is_the_participles(nlp: Language) -> None:
    text = 'The two leaders will meet next week, the spokesman said, adding, "They need to sit down and talk."'
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "The two leaders will meet next week")], type="indirect",
          speaker="spokesman", cue=only(text, "said"), casefold_name=True)
    q = quote_at(doc, text, only(text, "They need to sit down and talk."))
    assert q.type == "direct" and q.cue is not None and q.cue.text == "adding"


def test_quote_answered_by_a_named_person_is_theirs(nlp: Language) -> None:
    # "shot back" is in no lexicon, yet the person named right after the quote says it: it is neither
    # a continuation of the previous speaker nor part of her quote
    text = (
        "Two neighbours stood at the gate.\n\n"
        "\u201cLook at all these people waiting here,\u201d Maria Lopez said with a grin.\n\n"
        "\u201cThey only came for the free coffee,\u201d Daniel Brooks shot back with a laugh.\n\n"
        "The line grew longer."
    )
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Look at all these people waiting here,")], type="direct",
          speaker="Maria Lopez", cue=only(text, "said"))
    check(doc, text, spans=[only(text, "They only came for the free coffee,")], type="direct",
          speaker="Daniel Brooks", cue=only(text, "shot"))


def test_quote_after_colon_stops_before_a_participle_going_on(nlp: Language) -> None:
    # "adding that …" is the speaker's next claim, not the tail of the quote the colon introduces
    text = (
        'In a statement, Acme said: "The plant was highly profitable when it opened a decade ago," '
        "adding that its value doubled in a year."
    )
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "The plant was highly profitable when it opened a decade ago,")], type="direct",
          speaker="Acme", cue=only(text, "said"))


def test_quote_introduced_by_a_verb_no_lexicon_holds(nlp: Language) -> None:
    # "shot back," leads into a full-sentence quote: its subject says it, and the earlier clause's verb
    # ("criticized") does not reach across a clause of its own to claim the quote
    text = 'After Ray Dunn criticized him, Hillary Moss shot back, "I suppose I could have stayed home."'
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "I suppose I could have stayed home.")], type="direct",
          speaker="Hillary Moss", mention=only(text, "Hillary Moss"), cue=only(text, "shot"))


def test_quote_after_a_participle_the_parse_hangs_on_the_quote(nlp: Language) -> None:
    # the parse makes a verb inside the quote the participle's head: the speaker is still the subject
    # of the sentence the participle belongs to
    text = 'Clinton seemed ready to riff on it, telling the crowd, "Some people get carried away."'
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Some people get carried away.")], type="direct",
          speaker="Clinton", mention=only(text, "Clinton"), cue=only(text, "telling"))


def test_as_someone_put_it_introduces_a_quote(nlp: Language) -> None:
    text = 'But at the time, as the prosecutor Marc Lee put it, "apart from some jogging, there was nothing."'
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "apart from some jogging, there was nothing.")], type="direct",
          speaker="Marc Lee", cue=only(text, "put"))


def test_quote_closed_by_an_inverted_verb_and_name(nlp: Language) -> None:
    # "beamed" is in no lexicon; the name after it, with where the person is from, says the quote
    text = '"This is fantastic!" beamed Donald Harley of Madison, Alabama, who had waited all day.'
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "This is fantastic!")], type="direct",
          speaker="Donald Harley", cue=only(text, "beamed"))


def test_quote_after_a_colon_is_the_subjects_though_no_lexicon_holds_the_verb(nlp: Language) -> None:
    # a sentence ending in a colon hands the full-sentence quote after it to its subject, however far
    # back its verb lies ("gave the mayor a warning:")
    text = ('The council met on Monday. The senator Paula Greene then gave the mayor a stern warning: '
            '"Nobody will fund this bridge twice."')
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Nobody will fund this bridge twice.")], type="direct",
          speaker="Paula Greene", cue=only(text, "gave"))


@pytest.mark.parametrize("noun", ["email", "editorial"])
def test_quote_closed_by_a_statement_that_read(nlp: Language, noun: str) -> None:
    # the tagger reads "read" after a noun as a noun; the statement named before it says the quote
    text = f'"Friends, this is the moment to give what you can," the {noun} read. It went out on Friday.'
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Friends, this is the moment to give what you can,")], type="direct",
          speaker=noun, mention=only(text, noun), cue=only(text, "read"))


def test_question_closed_by_a_subject_with_a_modifier_and_a_verb(nlp: Language) -> None:
    # the parse ends the sentence at the question mark; the subject's modifier stands before its verb
    text = '"Will she run again next year?" a staffer in the back of the hall wondered. Nobody answered.'
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Will she run again next year?")], type="direct",
          speaker="staffer", mention=only(text, "a staffer"), cue=only(text, "wondered"))


def test_inverted_cue_after_a_no_break_space(nlp: Language) -> None:
    # the no-break space after the closing mark is a token of its own, and the parse takes the name for
    # the verb's object: the name right after the verb still says the quote
    text = "\u201cThe report shows how the agency stalled us for months,\u201d\u00a0added Quinn."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "The report shows how the agency stalled us for months,")], type="direct",
          speaker="Quinn", cue=only(text, "added"))


def test_quote_closed_by_a_name_the_tagger_reads_as_a_verb(nlp: Language) -> None:
    text = '"She wants to look strong on the stage tonight," Trump shot back. "Let me finish."'
    doc = run(nlp, text)
    # the tagger reads the name as a common word; the quote resumed after the attribution is the same one
    check(doc, text, spans=[only(text, "She wants to look strong on the stage tonight,"), only(text, "Let me finish.")],
          type="direct", speaker="Trump", cue=only(text, "shot"))


def test_question_closed_by_an_inverted_cue_and_any_noun(nlp: Language) -> None:
    # "child" is in no role list: after a verb of saying put first, the noun is who asks
    text = "\u201cWhy is the river so brown?\u201d asked the child, who wore a yellow coat, as the crowd laughed."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Why is the river so brown?")], type="direct",
          speaker="child", mention=only(text, "the child"), cue=only(text, "asked"))


def test_question_ends_its_sentence_before_a_cue_with_an_object_of_its_own(nlp: Language) -> None:
    # "cited it" starts a new sentence: the question is the speaker's whose colon introduces it
    text = ('The agency blamed a storm for the outage. Mayor Ruth Adler, tired, finally answered: '
            '"What difference does the cause make now?" Her rivals cited it as proof of her indifference.')
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "What difference does the cause make now?")], type="direct",
          speaker="Ruth Adler", cue=only(text, "answered"))


def test_quote_after_whom_and_how_it_was_told(nlp: Language) -> None:
    # "told the Courier in a written statement," has no verb of its own but the participle describing
    # the statement: the quote after it is the subject's
    text = 'Hal Brenner told the Daily Courier in a written statement, "I never wanted their endorsement."'
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "I never wanted their endorsement.")], type="direct",
          speaker="Hal Brenner", cue=only(text, "told"))


def test_quote_right_after_a_participle_of_saying_with_no_comma(nlp: Language) -> None:
    # the parse makes "writing" the subject of a verb inside the quote; the sentence's subject says it
    text = 'Tom Vale shared the news online last week, writing "Feels great to back someone I believe in."'
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Feels great to back someone I believe in.")], type="direct",
          speaker="Tom Vale", cue=only(text, "writing"))


def test_quote_a_crowd_chants_inside_a_sentence_going_on(nlp: Language) -> None:
    # a verb that only voices words takes the quote right after it as its object, and a second quote
    # coordinated with it too; the words after the quote are the scene, not what was chanted
    text = 'As they marched past the school, the parents chanted "save our library" and "no more cuts" until dark.'
    doc = run(nlp, text)
    check(doc, text, spans=[(text.index("save our"), text.index("no more cuts") + len("no more cuts"))],
          type="direct", speaker="parents", cue=only(text, "chanted"))


def test_a_lone_word_after_a_verb_of_voicing_is_no_chant(nlp: Language) -> None:
    text = 'Tenants began crying "fraud" over the rent increase and threatened to withhold payment.'
    doc = run(nlp, text)
    assert not [q for q in doc.quotes if q.type == "direct"], describe(doc, text)


def test_quote_closed_by_a_name_the_parse_makes_a_compound_of_its_verb(nlp: Language) -> None:
    text = ("The reporter kept asking about the wall.\n\n"
            "\u201cGo back to your own network,\u201d Trump barked and a security guard escorted the reporter out.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Go back to your own network,")], type="direct", speaker="Trump",
          cue=only(text, "barked"))


def test_making_something_is_no_cue_for_the_quote_after_it(nlp: Language) -> None:
    text = 'The chef made a cake for the guests: "Happy birthday to the best boss ever."'
    doc = run(nlp, text)
    assert not [q for q in doc.quotes if q.speaker is not None and q.speaker.name == "chef"], describe(doc, text)


def test_a_cry_after_a_clause_with_its_own_subject_is_that_subjects(nlp: Language) -> None:
    # the parser hangs "shouting" on the main verb, but the crowd of the clause just before it cries out
    text = ('The senator spoke in Ohio on Monday, when union members interrupted her speech, '
            'shouting "we want jobs now!"')
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "we want jobs now!")], type="direct", speaker="union members",
          mention=only(text, "union members"), cue=only(text, "shouting"))
    text = ('The rally took place at the plant, where about 40 workers had gathered on Tuesday, '
            'chanting "no deal, no work" after talks failed.')
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "no deal, no work")], type="direct", speaker="about 40 workers",
          mention=only(text, "about 40 workers"), cue=only(text, "chanting"))


def test_a_cry_after_a_clause_without_a_subject_of_its_own_stays_the_main_subjects(nlp: Language) -> None:
    text = 'The senator marched to the hall where the vote was held, shouting "We won!"'
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "We won!")], type="direct", speaker="senator", cue=only(text, "shouting"))


def test_a_colon_hands_the_quote_to_a_verb_of_saying_far_back_in_its_sentence(nlp: Language) -> None:
    # the verb's phrase runs on for many words before the colon; the quote opens the next paragraph
    text = ("On Monday, the party committee said about its specific inclusion of the group in the latest draft "
            "of its platform:\n\n\"The platform goes further than previous platforms on this issue.\"\n\n"
            "Others disagreed.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "The platform goes further than previous platforms on this issue.")],
          type="direct", speaker="party committee", cue=only(text, "said"))


def test_a_participle_before_a_colon_is_not_the_cue_of_the_quote(nlp: Language) -> None:
    # "when asked about the inquiry" is what was put to her; she told Congress the quote
    text = ("Any charge would involve the attorney general, Jane Moss, who told Congress when asked last month "
            "about the inquiry: \"That matter is being handled by career agents. We will follow the law.\"")
    doc = run(nlp, text)
    quote = quote_at(doc, text, only(text, "That matter is being handled by career agents."))
    assert quote.type == "direct" and quote.cue is not None and quote.cue.text == "told", describe(doc, text)


def test_a_surname_the_tagger_reads_as_an_adverb_after_an_inverted_cue_is_the_speaker(nlp: Language) -> None:
    text = ("The board met on Friday.\n\n"
            "\u201cHaving access to the file is valuable,\u201d said Skelly, explaining he worked with Brown.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Having access to the file is valuable,")], type="direct", speaker="Skelly",
          mention=only(text, "Skelly"), cue=only(text, "said"))


def test_a_participle_saying_whom_the_quote_is_about_keeps_the_speaker(nlp: Language) -> None:
    # "about Cole" names whom the quote is about: a participle after a comma is no inverted cue
    text = ('The aide spoke at length.\n\n"We have started all those talks," Lane said, adding about Cole, '
            '"He cares about the whole team."')
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "He cares about the whole team.")], type="direct", speaker="Lane",
          cue=only(text, "adding"))


def test_title_like_words_a_crowd_chants_are_a_quote(nlp: Language) -> None:
    # capitalised like the name of a show, but chanted: what was voiced, not a title
    text = ("The vote is on Tuesday.\n\nAbout 300 protesters gathered outside the capitol, waving flags and "
            "chanting \"Stop The Pipeline Now.\"")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Stop The Pipeline Now.")], type="direct", speaker="About 300 protesters",
          cue=only(text, "chanting"))


def test_a_from_lead_before_a_colon_hands_the_excerpt_to_its_source(nlp: Language) -> None:
    # "From X's blog post:" names where the excerpt comes from: the post's owner speaks
    text = ("The senator has endorsed Lane.\n\nFrom Ford's blog post: \"For the good of the state, we must unite "
            "behind one candidate now.\"")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "For the good of the state, we must unite behind one candidate now.")],
          type="direct", speaker="Ford", mention=only(text, "Ford's"), cue=only(text, "From"))


def test_going_so_far_as_to_say_keeps_the_subject_of_the_verb(nlp: Language) -> None:
    # the parse hangs "say" on the adverb "far": the one who went so far says it
    text = ("Investors fled, and critics piled on. The radio columnist Dan Marsh went so far as to say: "
            "\"The network as we know it is over.\"")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "The network as we know it is over.")], type="direct", speaker="Dan Marsh",
          cue=only(text, "say"))


def test_words_mouthed_to_a_crowd_are_a_quote(nlp: Language) -> None:
    # mouthing voices words without sound: the quoted words alone, not the scene after them
    text = ("The count ran late into the night.\n\nThe mayor Ruth Kellan held up the banner and waved it around, "
            "mouthing \"thank you\" toward the crowd.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "thank you")], type="direct", speaker="Ruth Kellan",
          cue=only(text, "mouthing"))


def test_a_clause_of_when_after_a_quote_is_its_setting(nlp: Language) -> None:
    # "until …" says when the words were said, not what: the quote alone is the content
    text = ("The officers closed in on the car.\n\nHis wife Dana Pruitt kept filming and repeatedly says, "
            "\"Put your hands where they can see them,\" until the recording stops.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Put your hands where they can see them,")], type="direct",
          speaker="Dana Pruitt", cue=only(text, "says"))


def test_a_cue_in_a_when_clause_does_not_take_the_quote_before_it(nlp: Language) -> None:
    # '"…," when Ames attacked him': the rival's attack sets the scene, the quote is the footage's speaker's
    text = ("The ad ends with footage of Paul Durand saying at the forum, \"That makes me careful,\" when Ames "
            "attacked him for skipping the vote.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "That makes me careful,")], type="direct", speaker="Paul Durand",
          cue=only(text, "saying"))


def test_inverted_cue_before_a_colon_leads_into_the_quote(nlp: Language) -> None:
    # "Continued Ruiz:" is a verb of saying and its speaker, inverted; the tagger reads the verb as a
    # modifier of the name
    text = ("Dana Ruiz spoke for an hour on the radio.\n\nContinued Ruiz: \u201cSo I think it is a very real problem. "
            "And the single best thing we can do is register voters.\u201d")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "So I think it is a very real problem. And the single best thing we can do "
                                       "is register voters.")],
          type="direct", speaker="Dana Ruiz", mention=at(text, "Ruiz", 1),
          cue=only(text, "Continued"))


def test_a_sung_line_is_a_quote_of_the_singer(nlp: Language) -> None:
    # "sing" voices words only: it frames the quote before it, and alone ("sang at the gala") says nothing
    text = ("\u201cKeep your hands where I can see them,\u201d Lora Vance sings to the senator before asking her, "
            "\u201cWhere do we go from here?\u201d\n\nThe band played on. Lora Vance sang at the gala last week.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Keep your hands where I can see them,")], type="direct",
          speaker="Lora Vance", cue=only(text, "sings"))
    assert not any(q.cue and q.cue.text == "sang" for q in doc.quotes), describe(doc, text)


def test_a_quote_before_a_cue_with_its_own_subject_is_not_the_setting_clauses(nlp: Language) -> None:
    # '"…," Ortiz said as the heckler yelled: "…"': "said" closes the first quote, "yelled" opens the second
    text = ("\"There is a man here with some troubles,\" Mr. Ortiz said as the protester yelled: \"Liar!\"")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "There is a man here with some troubles,")], type="direct",
          speaker="Ortiz", cue=only(text, "said"))
    check(doc, text, spans=[only(text, "Liar!")], type="direct", speaker="protester",
          mention=only(text, "the protester"), cue=only(text, "yelled"))


def test_a_quote_inside_a_fronted_when_clause_is_that_clauses_speakers(nlp: Language) -> None:
    # 'When a man yelled, "Liar," Hale laughed': the man's cry, the quote alone; Hale's words come after
    text = "When a man in the crowd yelled, \"Liar,\" Mr. Hale laughed, \"Not today.\""
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Liar,")], type="direct", speaker="man", mention=only(text, "a man"),
          cue=only(text, "yelled"))
    check(doc, text, spans=[only(text, "Not today.")], type="direct", speaker="Hale", cue=only(text, "laughed"))


def test_a_participle_on_signs_carried_is_the_carriers(nlp: Language) -> None:
    # "had gathered, carrying signs saying …": the signs are the marchers' words
    text = "Hundreds of nurses had gathered at the hall, carrying signs saying, \"Staff the wards now.\""
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Staff the wards now.")], type="direct", speaker="nurses",
          mention=only(text, "Hundreds of nurses"), cue=only(text, "saying"))


def test_a_view_reported_by_its_holder_is_credited_to_the_report(nlp: Language) -> None:
    # 'She said she was thinking, "…"': the report's subject names the speaker, not the pronoun inside it
    text = ("Ms. Dunn sat down slowly. She said she was thinking, \"This cannot be happening,\" adding, "
            "\"I had no words for it.\"")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "This cannot be happening,")], type="direct", speaker="Dunn",
          mention=only(text, "She"), cue=only(text, "thinking"))
    check(doc, text, spans=[only(text, "I had no words for it.")], type="direct", speaker="Dunn",
          mention=only(text, "She"), cue=only(text, "adding"))


def test_all_she_could_do_was_shout_is_hers(nlp: Language) -> None:
    # the parser makes "all" the subject; the one in the clause on it cries out
    text = "Ms. Dunn watched the mayor on the news. All she could do was shout \"Finally!\" at the screen."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Finally!")], type="direct", speaker="Dunn", mention=only(text, "she"),
          cue=only(text, "shout"))
