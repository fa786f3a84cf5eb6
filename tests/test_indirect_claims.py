"""Indirect claims (issue 2): reported content without quotation marks, its cue (verbs of saying, finding,
asking, passives, "according to", polls) and its speaker; words of those verbs that report nothing.

Each test writes a short text and asserts the real output of `quotegrab.extract`: exact offsets (computed
with `text.index`, never written as numbers), the quote type, the cue, the speaker mention and name.
Where the engine gets a case wrong the test still asserts the right behaviour and is marked
`engine_bug(...)` (xfail, strict). Helpers are in support.py.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from support import at, check, describe, only, quote_at, run, spans_of

CONTENT = "the buses would start running in September"


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        (f"Elena Ruiz said that {CONTENT}.", "said"),
        (f"Elena Ruiz said {CONTENT}.", "said"),
        (f"Elena Ruiz said on Monday that {CONTENT}.", "said"),
        (f"Elena Ruiz told reporters that {CONTENT}.", "told"),
        (f"Elena Ruiz told reporters {CONTENT}.", "told"),
        (f"Elena Ruiz argued that {CONTENT}.", "argued"),
        (f"Elena Ruiz warned that {CONTENT}.", "warned"),
        pytest.param(f"Elena Ruiz denied that {CONTENT}.", "denied"),
        (f"Elena Ruiz insisted {CONTENT}.", "insisted"),
    ],
    ids=["said-that", "said", "said-on-day-that", "told-reporters-that", "told-reporters", "argued", "warned",
         "denied", "insisted"],
)
def test_indirect_claim(nlp: Language, sentence: str, cue: str) -> None:
    doc = run(nlp, sentence)
    assert len(doc.quotes) == 1, describe(doc, sentence)
    # a "that" opening the reported clause is part of the content, as annotators mark it
    content = f"that {CONTENT}" if f"that {CONTENT}" in sentence else CONTENT
    check(doc, sentence, spans=[only(sentence, content)], type="indirect", fragments=[], speaker="Elena Ruiz",
          resolved_by="name", mention=only(sentence, "Elena Ruiz"), cue=only(sentence, cue))


def test_indirect_claim_before_its_cue(nlp: Language) -> None:
    text = "The buses will start running in September, Elena Ruiz said on Monday."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "The buses will start running in September")], type="indirect",
          speaker="Elena Ruiz", resolved_by="name", mention=only(text, "Elena Ruiz"), cue=only(text, "said"))


def test_indirect_claim_around_a_parenthetical_cue(nlp: Language) -> None:
    text = "The only problem, Ms. Okafor said, is that the new route skips the hospital."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "The only problem"), only(text, "is that the new route skips the hospital")],
          type="indirect", speaker="Okafor", mention=only(text, "Ms. Okafor"), cue=only(text, "said"))


def test_participle_after_a_quote_reports_its_own_clause(nlp: Language) -> None:
    text = 'The plan will "fall apart," Tom Reyes said, adding that the council "has not read it."'
    doc = run(nlp, text)
    assert len(doc.quotes) == 2, describe(doc, text)
    check(doc, text, spans=[only(text, 'The plan will "fall apart,"')], type="mixed", speaker="Tom Reyes",
          cue=only(text, "said"))
    check(doc, text, spans=[only(text, 'that the council "has not read it."')], type="mixed", speaker="Tom Reyes",
          cue=only(text, "adding"))


def test_as_aside_attributes_the_main_clause(nlp: Language) -> None:
    text = "As Tom Reyes said, the new bridge will open in May."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "the new bridge will open in May")], type="indirect",
          speaker="Tom Reyes", mention=only(text, "Tom Reyes"), cue=only(text, "said"))


@pytest.mark.parametrize(
    ("text", "content", "mention", "speaker"),
    [
        ("The news came as the ministry said the plant had signed a supply deal with Norway.",
         "the plant had signed a supply deal with Norway", "the ministry", "ministry"),
        ("Shares rose as analysts said that the merger would cut costs.", "that the merger would cut costs",
         "analysts", "analysts"),
    ],
)
def test_an_as_clause_with_a_complement_of_its_own_reports_the_complement(
    nlp: Language, text: str, content: str, mention: str, speaker: str
) -> None:
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, content)], type="indirect", cue=only(text, "said"), speaker=speaker,
          mention=only(text, mention))


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("Mayor Dana Whitfield learned that the bridge had failed its inspection.", "learned",
         "that the bridge had failed its inspection", "Dana Whitfield"),
        ("The union calculated that the strike would cost the port $2 million a day.", "calculated",
         "that the strike would cost the port $2 million a day", None),
    ],
    ids=["person", "group"],
)
def test_any_verb_of_a_person_with_a_clause_reports_a_view(
    nlp: Language, text: str, cue: str, content: str, speaker: str | None
) -> None:
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    q = quote_at(doc, text, only(text, content))
    assert spans_of(q) == [only(text, content)] and q.type == "indirect"
    assert q.cue is not None and (q.cue.start, q.cue.end) == only(text, cue)
    assert q.speaker is not None and q.speaker.mention is not None
    if speaker is not None:
        assert q.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "question", "cue"),
    [
        ("Asked whether the bridge would reopen, Mayor Lena Ortiz smiled.", "whether the bridge would reopen",
         "Asked"),
        ("Ortiz was asked about the closed bridge on Monday.", "the closed bridge", "asked"),
        ("Ortiz was told that the ferry would stop.", "that the ferry would stop", "told"),
    ],
    ids=["fronted-participle", "passive", "passive-tell"],
)
def test_question_put_by_an_unnamed_asker(nlp: Language, text: str, question: str, cue: str) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, question)], type="indirect", speaker=None, cue=only(text, cue))


def test_finding_credited_to_a_poll(nlp: Language) -> None:
    text = "In the latest Harbour Institute poll, the mayor leads her rival by six points."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    q = doc.quotes[0]
    assert spans_of(q) == [only(text, "the mayor leads her rival by six points")] and q.type == "indirect"
    assert q.cue is not None and (q.cue.start, q.cue.end) == at(text, "In")
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "the latest Harbour Institute poll"


def test_poll_at_the_end_of_a_claim_credits_the_poll(nlp: Language) -> None:
    text = "The mayor leads her rival by six points in the latest Harbour Institute poll."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    q = doc.quotes[0]
    assert spans_of(q) == [only(text, "The mayor leads her rival by six points")] and q.type == "indirect"
    cue = text.index(" in the latest") + 1
    assert q.cue is not None and (q.cue.start, q.cue.end) == (cue, cue + len("in"))
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "the latest Harbour Institute poll"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor rose in the polls to double digits by the spring.",
        "The ferry plan, which is opposed in the survey, was dropped.",
        "Reyes picked a councillor, who leads in the polls.",
    ],
    ids=["measured-past-the-poll", "passive", "relative-subject"],
)
def test_poll_at_the_end_of_a_claim_without_a_standing(nlp: Language, text: str) -> None:
    assert [q for q in run(nlp, text).quotes if q.cue is not None and q.cue.text == "in"] == []


@pytest.mark.parametrize(
    ("text", "content", "cue", "mention"),
    [
        ("The closure was first reported by the Harbour Gazette.", "The closure", "reported", "the Harbour Gazette"),
        ("The toll plan is a measure strongly opposed by unions.", "a measure", "opposed", "unions"),
    ],
    ids=["passive-subject", "reduced-relative"],
)
def test_passive_cue_credits_its_agent(nlp: Language, text: str, content: str, cue: str, mention: str) -> None:
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, content))
    assert spans_of(q) == [only(text, content)] and q.cue is not None and q.cue.text == cue
    assert q.speaker is not None and q.speaker.mention is not None and q.speaker.mention.text == mention


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("It is unclear whether the ferry will run this winter.", "the ferry will run this winter", "It is unclear"),
        ("It is hard to predict how the vote will go.", "the vote will go", "It is hard to predict"),
    ],
    ids=["whether", "infinitive"],
)
def test_open_question_is_credited_to_nobody(nlp: Language, text: str, content: str, cue: str) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker=None, cue=only(text, cue))


@pytest.mark.parametrize(
    ("text", "pieces", "cue"),
    [
        ("It was announced on Monday that the ferry would stop.", ["that the ferry would stop"], "announced"),
        ("The deal was reported to include a new port.", ["The deal", "to include a new port"], "reported"),
        ("The harbor master was accused of fraud last week.", ["The harbor master", "fraud"], "accused"),
        ("Lena Marsh was declared the winner in Ohio.", ["Lena Marsh", "the winner in Ohio"], "declared"),
        ("The new ferry rules were announced.", ["The new ferry rules"], "announced"),
    ],
    ids=["clause", "subject-and-infinitive", "subject-and-prep-object", "subject-and-predicate", "subject-only"],
)
def test_passive_report_without_an_agent_credits_no_one(nlp: Language, text: str, pieces: list[str], cue: str) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, p) for p in pieces], type="indirect", speaker=None, cue=only(text, cue))


def test_asking_someone_is_no_claim(nlp: Language) -> None:
    text = "Tom Reyes asked reporters a question during the news conference."
    assert run(nlp, text).quotes == [], describe(run(nlp, text), text)


def test_verb_of_causing_with_a_clause_reports_nothing(nlp: Language) -> None:
    text = "The council made sure the road was closed before the storm."
    assert run(nlp, text).quotes == [], describe(run(nlp, text), text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("According to the Congressional Budget Office, the program would cost $4 billion a year.",
         "the program would cost $4 billion a year"),
        ("The program would cost $4 billion a year, according to the Congressional Budget Office.",
         "The program would cost $4 billion a year"),
    ],
    ids=["leading", "trailing"],
)
def test_according_to(nlp: Language, text: str, content: str) -> None:
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    cue = at(text, "ccording to")
    check(doc, text, spans=[only(text, content)], type="indirect", speaker="Congressional Budget Office",
          resolved_by="name", mention=only(text, "the Congressional Budget Office"), cue=(cue[0] - 1, cue[1]))
    assert [(s.name, s.kind) for s in doc.speakers] == [("Congressional Budget Office", "organization")]


def test_according_to_inside_parentheses_reports_what_they_hold(nlp: Language) -> None:
    text = "Coastal towns like Harbour City (61 percent of voters there were retirees, according to the census) " \
        "and Port Ellis top the list."
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "61 percent of voters there were retirees"))
    assert spans_of(q) == [only(text, "61 percent of voters there were retirees")]
    assert q.cue is not None and q.cue.text == "according to"


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("Some 61 percent of voters like the mayor, while 40 percent say the same of her rival.",
         "the same of her rival", "say", "voters"),
        ("Fewer voters say the opposite about the mayor, 60 percent to 41 percent.", "the opposite about the mayor",
         "say", "fewer voters"),
        ("Asked if he would run again, Councillor Tom Reyes said no.", "no", "said", "tom reyes"),
        ("Councillor Tom Reyes said no to the harbour toll.", "no to the harbour toll", "said", "tom reyes"),
        ("Councillor Tom Reyes said so on Monday.", "so", "said", "tom reyes"),
        ("The ferry will be late again. Councillor Tom Reyes believes it.", "it", "believes", "tom reyes"),
        ("Will the harbour close? Councillor Tom Reyes thinks so.", "so", "thinks", "tom reyes"),
    ],
    ids=["same-of", "opposite-about", "no", "no-to", "so", "believe-it", "think-so"],
)
def test_short_answer_stands_for_the_view(nlp: Language, text: str, content: str, cue: str, speaker: str) -> None:
    doc = run(nlp, text)
    cue_start = only(text, f" {cue} ")[0] + 1
    check(doc, text, spans=[only(text, content)], type="indirect", speaker=speaker,
          cue=(cue_start, cue_start + len(cue)), casefold_name=True)


@pytest.mark.parametrize(
    "text",
    ["Councillor Tom Reyes said it best.", "Councillor Tom Reyes said that given the storm the ferry would wait."],
    ids=["manner-after-it", "that-opens-a-clause"],
)
def test_a_pronoun_that_does_not_end_its_phrase_is_no_short_answer(nlp: Language, text: str) -> None:
    doc = run(nlp, text)
    assert [q for q in doc.quotes if q.spans[0].end - q.spans[0].start <= 4] == [], describe(doc, text)


def test_unnamed_passive_of_a_bare_pronoun_reports_nothing(nlp: Language) -> None:
    text = "Nobody opposed the judge, and she was confirmed 92 to 0."
    doc = run(nlp, text)
    assert [q for q in doc.quotes if q.cue is not None and q.cue.text == "confirmed"] == [], describe(doc, text)


@pytest.mark.parametrize(
    ("text", "relative", "rest", "mention"),
    [
        ("The council passed rules that critics say target renters.", "that", "target renters", "critics"),
        ("The mayor, who critics say ignored the harbour, resigned.", "who", "ignored the harbour", "critics"),
    ],
    ids=["that", "who"],
)
def test_cue_inside_a_relative_clause_reports_the_clause(
    nlp: Language, text: str, relative: str, rest: str, mention: str
) -> None:
    doc = run(nlp, text)
    start = text.index(f" {relative} ") + 1
    q = quote_at(doc, text, only(text, rest))
    assert spans_of(q) == [(start, start + len(relative)), only(text, rest)] and q.type == "indirect"
    assert q.cue is not None and q.cue.text == "say"
    assert q.speaker is not None and q.speaker.mention is not None and q.speaker.mention.text == mention


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Judge Nora Pell ordered the agency to release the records by March.",
         "the agency to release the records by March", "ordered"),
        ("Judge Nora Pell encouraged residents to leave the coast before the storm.",
         "residents to leave the coast before the storm", "encouraged"),
    ],
    ids=["ordered", "encouraged"],
)
def test_directive_verbs_report_what_was_asked_of_whom(nlp: Language, text: str, content: str, cue: str) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker="Nora Pell", cue=only(text, cue))


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Senator Ivo Brandt listed the harbour tunnel as his top priority.",
         "the harbour tunnel as his top priority", "listed"),
        ("Senator Ivo Brandt named the budget deficit as the biggest risk to the city.",
         "the budget deficit as the biggest risk to the city", "named"),
    ],
    ids=["listed-as", "named-as"],
)
def test_what_someone_names_or_lists_something_as(nlp: Language, text: str, content: str, cue: str) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker="Ivo Brandt", cue=only(text, cue))


def test_a_persons_plain_object_of_find_is_no_finding(nlp: Language) -> None:
    text = "Young graduates often cannot find jobs that make good use of their training."
    doc = run(nlp, text)
    assert not doc.quotes, describe(doc, text)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("The Harbor Institute survey found broad support for the plan among retirees.",
         "broad support for the plan among retirees", "Harbor Institute"),
        ("Auditor Ann Gray found that the agency had overspent.", "that the agency had overspent", "Ann Gray"),
    ],
    ids=["survey-object", "person-clause"],
)
def test_findings_of_a_survey_or_a_persons_clause(nlp: Language, text: str, content: str, speaker: str) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker=speaker, cue=only(text, "found"))


def test_maintaining_a_lead_is_no_report(nlp: Language) -> None:
    text = "Senator Ivo Brandt maintains a wide lead over his rivals among older voters."
    doc = run(nlp, text)
    assert not doc.quotes, describe(doc, text)


def test_maintained_that_reports_its_clause(nlp: Language) -> None:
    text = "Senator Ivo Brandt has long maintained that the emails were never classified."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "that the emails were never classified")], type="indirect",
          speaker="Ivo Brandt", cue=only(text, "maintained"))


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Governor Alma Ruiz made it clear to donors on Friday that she would not raise taxes.", "made it clear"),
        ("Governor Alma Ruiz made clear over the weekend that she would not raise taxes.", "made clear"),
    ],
    ids=["made-it-clear", "made-clear"],
)
def test_made_clear_reports_its_that_clause(nlp: Language, text: str, cue: str) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "that she would not raise taxes")], type="indirect",
          speaker="Alma Ruiz", cue=only(text, cue))


def test_second_report_joined_by_and_is_its_own(nlp: Language) -> None:
    # the parser hangs the second "said" on the first as another clause object; it is a report of its own
    text = "About half of voters said the mayor is honest, and two-thirds said the same of her rival."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "the mayor is honest")], type="indirect", speaker="About half of voters",
          mention=only(text, "About half of voters"), cue=at(text, "said"))


def test_an_object_after_back_is_no_phrasal_cue(nlp: Language) -> None:
    # "fired back a response saying …" (the parse takes "back" for an adverb): the participle reports
    # what the response says; "fired back" does not swallow the object
    text = "Later that day, Trump fired back a response saying he would not support the budget."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "he would not support the budget")], type="indirect",
          speaker="Trump", cue=only(text, "saying"))


def test_trying_to_find_something_is_no_finding(nlp: Language) -> None:
    # an infinitive "to find" without a clause or a predicate of its object is a search
    text = "The organizer wanted more young faces in the hall. He was unable to find a single volunteer for the trip."
    doc = run(nlp, text)
    assert not [q for q in doc.quotes if q.cue is not None and q.cue.text == "find"], describe(doc, text)


def test_a_poll_at_the_end_of_a_paragraph_credits_the_standing(nlp: Language) -> None:
    # the paragraph break after the full stop is a token the parser hangs on the sentence's verb
    text = "The count went on.\n\nSenator Ruiz remains mired in fourth in most surveys.\n\nTurnout was low."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Senator Ruiz remains mired in fourth")], type="indirect",
          speaker="surveys", cue=at(text, "in most surveys")[:1] + (text.index(" most surveys"),))


def test_a_poll_credits_the_standing_whose_noun_the_phrase_hangs_on(nlp: Language) -> None:
    # "has a lead in the latest poll": the parser hangs "in" on the noun "lead", not on the verb
    text = "Senator Alma Ruiz has a decisive lead in the latest poll."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Senator Alma Ruiz has a decisive lead")], type="indirect",
          speaker="latest poll", cue=only(text, "in"))


def test_what_was_asked_about_leaves_out_the_about_and_where_it_was_asked(nlp: Language) -> None:
    # "Asked about X during an interview": the question is X; the preposition and the setting are not
    text = ("The budget was late again. Asked about the missing school funds during an interview on Monday, "
            "the mayor shrugged.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "the missing school funds")], type="indirect", speaker=None,
          cue=only(text, "Asked"))


def test_advising_someone_is_no_report_without_what_was_advised(nlp: Language) -> None:
    # "advised his campaign in 2010" says whom she worked for; "advised her to skip the debate" reports advice
    text = "The senator advised the governor's campaign in 2010. Her aides advised her to skip the debate."
    doc = run(nlp, text)
    first = text.index("advised")
    assert not [q for q in doc.quotes if q.cue is not None and q.cue.start == first], describe(doc, text)
    check(doc, text, spans=[only(text, "her to skip the debate")], type="indirect", speaker="her aides",
          cue=at(text, "advised", 1))


def test_knowing_someone_for_years_is_no_report(nlp: Language) -> None:
    # "know" with a plain object and no clause is acquaintance, not a view
    text = "The senator, who has known Mr. Ortiz for two decades, spoke first."
    doc = run(nlp, text)
    assert not [q for q in doc.quotes if q.cue is not None and q.cue.text == "known"], describe(doc, text)


def test_responding_by_a_deed_is_no_report(nlp: Language) -> None:
    # "responded by closing the border" tells what was done; "responded by saying that …" reports words
    text = ("The governor responded by closing the border crossings for a week. "
            "The mayor responded by saying that the market would stay open.")
    doc = run(nlp, text)
    first = text.index("responded")
    assert not [q for q in doc.quotes if q.cue is not None and q.cue.start == first], describe(doc, text)
    check(doc, text, spans=[only(text, "by saying that the market would stay open")], type="indirect",
          speaker="mayor", cue=at(text, "responded", 1))


def test_a_claim_in_a_fronted_although_clause_leaves_the_main_cue_its_own(nlp: Language) -> None:
    # 'Although she admitted that …, she claimed …': the first quote is the admission's, not the claim's
    text = ("Although Ms. Ferro admitted to the paper that she and the donor had \"been close for years,\" she "
            "claimed they had never discussed the contract.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "they had never discussed the contract")], type="indirect",
          speaker="Ferro", cue=only(text, "claimed"))


@pytest.mark.parametrize(
    "text",
    [
        "She spoke to reporters just after the race was called on Tuesday.",
        "The full survey can be found on the website.",
    ],
    ids=["race-called", "found-on-a-site"],
)
def test_a_bare_passive_call_or_find_reports_nothing(nlp: Language, text: str) -> None:
    # "call" reports what it calls something and "find" a finding: with nothing said of the subject, the
    # passive names an election call or a place to look, and a date after "called on" is no one called upon
    doc = run(nlp, text)
    assert doc.quotes == [], describe(doc, text)


def test_a_passive_call_with_its_label_still_reports(nlp: Language) -> None:
    text = "The film was called a triumph. Three reforms were announced."
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "a triumph"))
    assert spans_of(q) == [only(text, "The film"), only(text, "a triumph")], describe(doc, text)
    q = quote_at(doc, text, only(text, "Three reforms"))
    assert spans_of(q) == [only(text, "Three reforms")], describe(doc, text)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("Ministers were at pains to stress that the plan was fair.", "that the plan was fair", "ministers"),
        ("The club was in no position to say whether the deal would go ahead.",
         "whether the deal would go ahead", "club"),
    ],
)
def test_an_infinitive_on_a_phrase_after_be_is_its_subjects(
    nlp: Language, text: str, content: str, speaker: str
) -> None:
    """"were at pains to stress …": the subject of "be" stresses, never the noun of the phrase."""
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, content))
    assert spans_of(q) == [only(text, content)]
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "lead", "rest", "cue", "speaker"),
    [
        ("The letters covered many subjects, the paper said, including roads, schools and the new harbour.",
         "The letters covered many subjects", "including roads, schools and the new harbour", "said", "paper"),
        ("The pilot had no record of trouble, the airline added, and had passed every medical check.",
         "The pilot had no record of trouble", "and had passed every medical check", "added", "airline"),
    ],
    ids=["participle-after-aside", "clause-without-subject-after-aside"],
)
def test_a_claim_goes_on_past_its_cue_set_in_commas(nlp: Language, text: str, lead: str, rest: str, cue: str,
                                                    speaker: str) -> None:
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, lead))
    assert spans_of(q) == [only(text, lead), only(text, rest)] and q.type == "indirect", describe(doc, text)
    assert q.cue is not None and q.cue.text == cue
    assert q.speaker is not None and q.speaker.mention is not None and speaker in q.speaker.mention.text


def test_where_the_claim_was_made_stays_out_of_it(nlp: Language) -> None:
    text = "The ferry will run late, the council said, in a statement on Monday."
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "The ferry will run late"))
    assert spans_of(q) == [only(text, "The ferry will run late")], describe(doc, text)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Councillor Tom Reyes announced his resignation.", "his resignation", "announced"),
        ("Councillor Lena Ortiz questioned the timing.", "the timing", "questioned"),
        ("Councillor Lena Ortiz acknowledged the mistake.", "the mistake", "acknowledged"),
    ],
    ids=["announced", "questioned", "acknowledged"],
)
def test_a_short_object_of_a_verb_that_reports_it(nlp: Language, text: str, content: str, cue: str) -> None:
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, content))
    assert spans_of(q) == [only(text, content)] and q.type == "indirect", describe(doc, text)
    assert q.cue is not None and (q.cue.start, q.cue.end) == only(text, cue)


def test_a_short_object_of_another_verb_of_saying_reports_nothing(nlp: Language) -> None:
    text = "Councillor Tom Reyes wrote a letter."
    doc = run(nlp, text)
    assert doc.quotes == [], describe(doc, text)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Marta Quill said in one of a series of messages on Twitter that the ferry was carrying cars and lorries.",
         "said", "that the ferry was carrying cars and lorries"),
        ("Marta Quill told reporters during a visit to the harbour on Friday that she thinks the levy is fair.",
         "told", "that she thinks the levy is fair"),
        ("Marta Quill disclosed for the first time that after the vote, the council called her to apologise.",
         "disclosed", "that after the vote, the council called her to apologise"),
    ],
    ids=["said-in-a-series-of-messages", "told-reporters-during-a-visit", "disclosed-for-the-first-time"],
)
def test_that_clause_after_the_setting_of_the_cue(nlp: Language, text: str, cue: str, content: str) -> None:
    # the parser hangs the "that" clause on the last noun of the phrase saying where, when or to whom it was
    # said, as if it were a relative clause of that noun; it is the cue's report
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker="Marta Quill", resolved_by="name",
          mention=only(text, "Marta Quill"), cue=only(text, cue))


def test_relative_clause_of_the_setting_is_no_report(nlp: Language) -> None:
    # "that she sent" describes the message: nothing is reported
    text = "Marta Quill said in a message that she sent on Tuesday."
    doc = run(nlp, text)
    assert doc.quotes == [], describe(doc, text)


@pytest.mark.parametrize(
    ("text", "mention", "speaker", "content"),
    [
        ("Marta Quill, meanwhile, who sits on the harbour board, said that fact speaks volumes about the levy.",
         "Marta Quill", "Marta Quill", "that fact speaks volumes about the levy"),
        ("One trader, who like others spoke on the condition of anonymity, said the message was that the levy "
         "would rise.", "One trader", "One trader", "the message was that the levy would rise"),
    ],
    ids=["name-who-sits", "one-trader-who-spoke"],
)
def test_speaker_before_a_relative_aside(nlp: Language, text: str, mention: str, speaker: str, content: str) -> None:
    # the parser makes "who sits …" a clause of the cue and hangs the speaker on it: the cue has no
    # subject of its own, and the one before the relative pronoun speaks
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker=speaker, mention=only(text, mention),
          cue=only(text, "said"))


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Tom Reyes focused his remarks on what he said were the failures of the harbour board.", "said",
         "were the failures of the harbour board"),
        ("The board has ignored what Tom Reyes believed to be an effort to hide the cost.", "believed",
         "to be an effort to hide the cost"),
    ],
    ids=["what-he-said-were", "what-he-believed-to-be"],
)
def test_free_relative_reports_its_what_and_the_clause_after_the_cue(
    nlp: Language, text: str, cue: str, content: str
) -> None:
    # "what" belongs to the reported clause, the speaker and cue stand inside it: the content is "what" and
    # the words after the cue, as for "which they say left a vacuum"
    doc = run(nlp, text)
    quote = quote_at(doc, text, only(text, content))
    assert spans_of(quote) == [only(text, "what"), only(text, content)], describe(doc, text)
    assert quote.cue is not None and (quote.cue.start, quote.cue.end) == only(text, cue), describe(doc, text)
    assert quote.speaker is not None and quote.speaker.name == "Tom Reyes", describe(doc, text)
    assert quote.type == "indirect"
