"""Expectations, beliefs, stances and nominal cues: raising verbs, hope, stance verbs and adjectives,
intentions, nominal cues ("in a statement", "the claim that") and what each takes as its content.

Each test writes a short text and asserts the real output of `quotegrab.extract`: exact offsets (computed
with `text.index`, never written as numbers), the quote type, the cue, the speaker mention and name.
Where the engine gets a case wrong the test still asserts the right behaviour and is marked
`engine_bug(...)` (xfail, strict). Helpers are in support.py.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from support import check, describe, only, quote_at, run, spans_of


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Councillor Tom Reyes opposes the levy.", "opposes", "the levy"),
        ("Port officials are expecting a record season.", "expecting", "a record season"),
        ("Lena Ortiz ran for mayor. Tom Reyes endorsed her on Monday.", "endorsed", "her"),
    ],
    ids=["stance-short-object", "belief-object", "stance-toward-a-pronoun"],
)
def test_stance_toward_a_thing(nlp: Language, text: str, cue: str, content: str) -> None:
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    q = doc.quotes[0]
    assert spans_of(q) == [only(text, content)] and q.type == "indirect"
    assert q.cue is not None and (q.cue.start, q.cue.end) == only(text, cue)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Councillor Tom Reyes mocked Lena Ortiz for missing the budget vote.", "mocked",
         "Lena Ortiz for missing the budget vote"),
        ("Councillor Tom Reyes praised Lena Ortiz as a careful steward of the harbour.", "praised",
         "Lena Ortiz as a careful steward of the harbour"),
        ("Councillor Tom Reyes endorsed Lena Ortiz for mayor.", "endorsed", "Lena Ortiz for mayor"),
    ],
    ids=["reason", "label", "office"],
)
def test_stance_toward_someone_keeps_the_reason_or_label(nlp: Language, text: str, cue: str, content: str) -> None:
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, content))
    assert spans_of(q) == [only(text, content)] and q.type == "indirect"
    assert q.cue is not None and (q.cue.start, q.cue.end) == only(text, cue)


def test_stance_of_a_group_on_a_participle(nlp: Language) -> None:
    text = "Donors gave heavily to a group backing Lena Ortiz last spring."
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "Lena Ortiz"))
    assert spans_of(q) == [only(text, "Lena Ortiz")] and q.type == "indirect"
    assert q.cue is not None and (q.cue.start, q.cue.end) == only(text, "backing")
    assert q.speaker is not None and q.speaker.mention is not None and q.speaker.mention.text == "a group"


@pytest.mark.parametrize(
    ("text", "subject", "cue", "complement"),
    [
        ("The new ferry line is expected to open before the summer festival.", "The new ferry line",
         "is expected", "to open before the summer festival"),
        ("Councillor Brandt appears to have lost the support of the harbour board.", "Councillor Brandt",
         "appears", "to have lost the support of the harbour board"),
        ("The old mill, once a landmark, is widely seen as a drain on the town budget.", "The old mill",
         "is widely seen", "as a drain on the town budget"),
    ],
    ids=["is-expected-to", "appears-to", "seen-as"],
)
def test_raising_cue_subject_and_complement(nlp: Language, text: str, subject: str, cue: str, complement: str) -> None:
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, subject), only(text, complement)], type="indirect", speaker=None,
          cue=only(text, cue))


def test_it_seems_that(nlp: Language) -> None:
    text = "After the vote it seems that the bridge tolls will stay for another decade."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "that the bridge tolls will stay for another decade")], type="indirect",
          speaker=None, cue=only(text, "seems"))


@pytest.mark.parametrize("verb", ["hopes", "hoped", "is hoping"])
def test_hope_is_a_cue_in_every_form(nlp: Language, verb: str) -> None:
    text = f"Ines Carvalho {verb} to reopen the public library before winter."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "to reopen the public library before winter")], type="indirect",
          speaker="Ines Carvalho", mention=only(text, "Ines Carvalho"), cue=only(text, verb.split()[-1]))


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker", "mention"),
    [
        ("Greta Lindholm's criticism of the harbour tax surprised the council.", "the harbour tax", "criticism of",
         "Greta Lindholm", "Greta Lindholm"),
        ("Greta Lindholm voiced support for a second ferry line on Tuesday.", "a second ferry line",
         "support for", "Greta Lindholm", "Greta Lindholm"),
        ("Greta Lindholm renewed her call to close the old pier.", "to close the old pier", "call",
         "Greta Lindholm", "her"),
        ("Greta Lindholm's argument that the pier is unsafe won the vote.", "that the pier is unsafe", "argument",
         "Greta Lindholm", "Greta Lindholm"),
        ("Greta Lindholm raised questions about the harbour tax on Tuesday.", "the harbour tax", "questions about",
         "Greta Lindholm", "Greta Lindholm"),
        ("Greta Lindholm's claim that fares will rise angered the council.", "that fares will rise", "claim",
         "Greta Lindholm", "Greta Lindholm"),
    ],
    ids=["criticism-of", "voiced-support-for", "call-to", "argument-that", "raised-questions-about",
         "claim-that-ending-in-its-verb"],
)
def test_nominal_cue(nlp: Language, text: str, content: str, cue: str, speaker: str, mention: str) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker=speaker, mention=only(text, mention),
          cue=only(text, cue))


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Greta Lindholm is confident that the ferry line will open in May.", "that the ferry line will open in May",
         "confident"),
        ("Greta Lindholm was critical of the harbour tax.", "the harbour tax", "critical of"),
        ("Greta Lindholm is eager to reopen the harbour before the summer.",
         "to reopen the harbour before the summer", "eager"),
        ("Greta Lindholm was upbeat about the plan for a second bridge.", "the plan for a second bridge",
         "upbeat about"),
        ("Greta Lindholm was pleased with the offer from the port authority.", "the offer from the port authority",
         "pleased with"),
        # content ending in its verb: the clause's words all stand before it
        ("Greta Lindholm is confident that the economy will grow.", "that the economy will grow", "confident"),
        ("Greta Lindholm is determined that her team will not fold.", "that her team will not fold", "determined"),
        ("Greta Lindholm is eager to win.", "to win", "eager"),
    ],
    ids=["confident-that", "critical-of", "eager-to", "upbeat-about", "pleased-with", "clause-ending-in-its-verb",
         "determined-that", "infinitive-alone"],
)
def test_stance_adjective(nlp: Language, text: str, content: str, cue: str) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker="Greta Lindholm",
          mention=only(text, "Greta Lindholm"), cue=only(text, cue))


def test_an_adjective_of_likelihood_is_no_stance(nlp: Language) -> None:
    # "likely to", "able to" say how things stand, not what anyone wants
    text = "Greta Lindholm is likely to win the seat, and she is able to count on the harbour vote."
    doc = run(nlp, text)
    assert doc.quotes == [], describe(doc, text)


def test_stance_adjective_needs_a_person(nlp: Language) -> None:
    # the state of a thing is no one's stance
    doc = run(nlp, "The outlook is hopeful that the ferry line will open in May.")
    assert doc.quotes == []


def test_nominal_cue_of_an_event_needs_a_speaker(nlp: Language) -> None:
    text = "The attacks on the river port closed it for a week."
    doc = run(nlp, text)
    assert doc.quotes == [], describe(doc, text)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Tomas Brenner called for a new audit of the water board.", "a new audit of the water board",
         "called for"),
        ("Tomas Brenner called on the mayor to publish the contracts.", "the mayor to publish the contracts",
         "called on"),
        ("Tomas Brenner pointed to the falling cost of solar panels.", "the falling cost of solar panels",
         "pointed to"),
        ("Tomas Brenner has called for the ferry fares to be frozen until 2030.",
         "the ferry fares to be frozen until 2030", "called for"),
        ("Tomas Brenner railed against the new parking charges.", "the new parking charges", "railed against"),
        ("Tomas Brenner vouched for the new harbour master.", "the new harbour master", "vouched for"),
        ("Tomas Brenner touched on the cost of the second bridge.", "the cost of the second bridge", "touched on"),
    ],
    ids=["called-for", "called-on-to", "pointed-to", "called-for-clause", "railed-against", "vouched-for",
         "touched-on"],
)
def test_cue_with_prepositional_object(nlp: Language, text: str, content: str, cue: str) -> None:
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker="Tomas Brenner",
          mention=only(text, "Tomas Brenner"), cue=only(text, cue))


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Tomas Brenner took a swipe at the harbour board over the fares.", "the harbour board", "took a swipe at"),
        ("Tomas Brenner took aim at the new tax on diesel.", "the new tax on diesel", "took aim at"),
        ("Tomas Brenner made the case for a second bridge.", "a second bridge", "made the case for"),
        ("Tomas Brenner has made no secret of his plans for the port.", "his plans for the port",
         "made no secret of"),
        ("Tomas Brenner cast doubt on the official figures.", "the official figures", "cast doubt on"),
    ],
    ids=["took-a-swipe-at", "took-aim-at", "made-the-case-for", "made-no-secret-of", "cast-doubt-on"],
)
def test_cue_of_a_verb_its_object_and_a_preposition(nlp: Language, text: str, content: str, cue: str) -> None:
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker="Tomas Brenner",
          mention=only(text, "Tomas Brenner"), cue=only(text, cue))


def test_a_shot_at_goal_is_no_cue(nlp: Language) -> None:
    # the literal sense of a phrase: only the frames of models/cue_verbs_prep.txt are cues
    text = "Tomas Brenner took a shot at goal in the last minute."
    doc = run(nlp, text)
    assert doc.quotes == [], describe(doc, text)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Tomas Brenner outlined a plan to cut the ferry fares.", "a plan to cut the ferry fares", "outlined"),
        ("Tomas Brenner laid out his case for a second bridge.", "his case for a second bridge", "laid out"),
        ("Tomas Brenner detailed the costs of the new terminal.", "the costs of the new terminal", "detailed"),
        ("Tomas Brenner bemoaned the lack of cheap housing.", "the lack of cheap housing", "bemoaned"),
    ],
    ids=["outlined", "laid-out", "detailed", "bemoaned"],
)
def test_what_was_set_out_is_the_object(nlp: Language, text: str, content: str, cue: str) -> None:
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker="Tomas Brenner",
          mention=only(text, "Tomas Brenner"), cue=only(text, cue))


def test_a_plan_set_out_needs_more_than_a_pronoun(nlp: Language) -> None:
    text = "Tomas Brenner outlined it again."
    doc = run(nlp, text)
    assert doc.quotes == [], describe(doc, text)


@pytest.mark.parametrize("verb", ["declined", "refused"])
def test_short_infinitive_of_refusal(nlp: Language, verb: str) -> None:
    text = f"A spokeswoman for the harbour board {verb} to comment."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    # the spokeswoman speaks for the board (issue 18)
    check(doc, text, spans=[only(text, "to comment")], type="indirect", speaker="harbour board",
          mention=only(text, "A spokeswoman for the harbour board"), cue=only(text, verb), casefold_name=True)


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Nadia Farouk accused the council of hiding the repair costs.", "the council of hiding the repair costs",
         "accused"),
        ("Nadia Farouk sees the new depot as a waste of money.", "the new depot as a waste of money", "sees"),
        ("Nadia Farouk called the timetable unworkable.", "the timetable unworkable", "called"),
        ("Nadia Farouk compared the levy to a toll on every commuter.", "the levy to a toll on every commuter",
         "compared"),
    ],
    ids=["accused-of", "sees-as", "called-x-y", "compared-to"],
)
def test_cue_with_object_and_predicate(nlp: Language, text: str, content: str, cue: str) -> None:
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker="Nadia Farouk",
          mention=only(text, "Nadia Farouk"), cue=only(text, cue))


def test_fronted_in_view_of_someone(nlp: Language) -> None:
    text = "In Yusuf Adeyemi's view, the tram extension will never pay for itself."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "the tram extension will never pay for itself")], type="indirect",
          speaker="Yusuf Adeyemi", mention=only(text, "Yusuf Adeyemi"), cue=(0, 2))


def test_in_the_survey_mid_sentence_is_no_attribution(nlp: Language) -> None:
    text = "Most of the questions in the survey were about parking."
    doc = run(nlp, text)
    assert doc.quotes == [], describe(doc, text)


def test_self_described(nlp: Language) -> None:
    text = "The board chose Marta Quist, a self-described fiscal hawk, as treasurer."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "fiscal hawk")], type="indirect", speaker="self", mention=only(text, "self"),
          cue=only(text, "described"))


def test_a_text_that_reads(nlp: Language) -> None:
    text = 'Volunteers taped a sign to the gate. "Keep the orchard open for everyone," the sign read.'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "Keep the orchard open for everyone,")], type="direct", speaker="sign",
          mention=only(text, "the sign"), cue=only(text, "read"), casefold_name=True)


def test_sought_to(nlp: Language) -> None:
    text = "Ines Carvalho sought to calm the shop owners before the vote."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "to calm the shop owners before the vote")], type="indirect",
          speaker="Ines Carvalho", mention=only(text, "Ines Carvalho"), cue=only(text, "sought"))


def test_what_someone_called(nlp: Language) -> None:
    text = "The fire was what Chief Hannah Berg called a deliberate act."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "what"), only(text, "a deliberate act")], type="indirect",
          speaker="Hannah Berg", cue=only(text, "called"))


def test_cue_in_a_relative_clause_whose_clause_lost_its_subject(nlp: Language) -> None:
    text = "The council approved a levy that Ines Carvalho says will fund the new library."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "that"), only(text, "will fund the new library")], type="indirect",
          speaker="Ines Carvalho", cue=only(text, "says"))


@pytest.mark.parametrize(
    "text",
    ["The missing fisherman was seen walking along the pier on Sunday night.",
     "Councillor Brandt appeared on local radio to promote her new book."],
    ids=["seen-walking", "appeared-on-radio"],
)
def test_perception_or_appearance_is_no_attribution(nlp: Language, text: str) -> None:
    doc = run(nlp, text)
    assert doc.quotes == [], describe(doc, text)


def test_stance_keeps_how_it_was_argued(nlp: Language) -> None:
    text = "Councillor Tom Reyes defended the levy by citing a survey of local shop owners."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "the levy by citing a survey of local shop owners")], type="indirect",
          speaker="Tom Reyes", cue=only(text, "defended"))


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Marta Quill won the council seat by promising a new ferry to the islands.", "promising",
         "a new ferry to the islands"),
        ("Marta Quill opened the meeting by talking about the harbour levy.", "talking about", "the harbour levy"),
    ],
    ids=["won-by-promising", "opened-by-talking-about"],
)
def test_means_of_a_deed_reports(nlp: Language, text: str, cue: str, content: str) -> None:
    # how a deed was done ("won the seat by promising …") is a report of its own, by whoever did it; only
    # how a stance was argued ("defended the levy by citing …") belongs to the stance's claim
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker="Marta Quill", resolved_by="name",
          mention=only(text, "Marta Quill"), cue=only(text, cue))


def test_stance_keeps_the_aim_the_parser_hangs_on_the_verb(nlp: Language) -> None:
    text = "Speaking at the hall, Mayor Lena Ortiz is defending her executive orders to tighten background checks."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "her executive orders to tighten background checks")], type="indirect",
          speaker="Lena Ortiz", cue=only(text, "defending"))


def test_stance_toward_someone_stops_before_where_it_was_voiced(nlp: Language) -> None:
    text = "Councillor Tom Reyes mocked Lena Ortiz on Twitter."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Lena Ortiz")], type="indirect", speaker="Tom Reyes", cue=only(text, "mocked"))


def test_decision_is_its_infinitive(nlp: Language) -> None:
    text = "The harbour board decided to close the ferry terminal for the winter."
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "to close the ferry terminal for the winter"))
    assert spans_of(q) == [only(text, "to close the ferry terminal for the winter")] and q.type == "indirect"
    assert q.cue is not None and q.cue.text == "decided"


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker"),
    [
        ("Union leader Mara Quint backed Dana Whitfield.", "Dana Whitfield", "backed", "Mara Quint"),
        ("Senator Ivo Brandt favors a congestion charge for the city centre.",
         "a congestion charge for the city centre", "favors", "Ivo Brandt"),
        ("Mayor Ann Gray prefers a smaller budget.", "a smaller budget", "prefers", "Ann Gray"),
    ],
    ids=["backed", "favors", "prefers"],
)
def test_stance_verbs_of_preference(nlp: Language, text: str, content: str, cue: str, speaker: str) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker=speaker, cue=only(text, cue))


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Senator Ivo Brandt opposed the tax after a long debate in the chamber.", "the tax", "opposed"),
        ("Senator Ivo Brandt endorsed the harbour plan, which the council drafted last year.", "the harbour plan",
         "endorsed"),
    ],
    ids=["after-which-it-was-taken", "relative-clause"],
)
def test_stance_on_something_is_its_object_alone(nlp: Language, text: str, content: str, cue: str) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker="Ivo Brandt", cue=only(text, cue))


def test_stance_verb_keeps_the_quotation_it_closes(nlp: Language) -> None:
    # the stance claim of "praise" does not take the place of the quote the verb closes
    text = '"Open the gates!" Town residents still praise her courage in the flood.'
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "Open the gates!"))
    assert q.type == "direct", describe(doc, text)


def test_intention_verb_the_tagger_takes_for_a_plural_noun(nlp: Language) -> None:
    # the tagger reads "plans" as a noun here; its subject and "to" infinitive say it is the verb
    text = "The Republican presidential candidate plans to be back in Ohio later Saturday to await the results."
    doc = run(nlp, text)
    content = "to be back in Ohio later Saturday to await the results"
    check(doc, text, spans=[only(text, content)], type="indirect", speaker="republican presidential candidate",
          cue=only(text, "plans"), casefold_name=True)


def test_backing_without_an_object_is_no_stance(nlp: Language) -> None:
    text = "The delivery truck backed into the loading dock."
    doc = run(nlp, text)
    assert not doc.quotes, describe(doc, text)


def test_a_question_put_to_the_listener_states_no_view(nlp: Language) -> None:
    # "Do you support X?" asks; nobody has said they support anyone
    text = "The reporter went from door to door. Do you support Mayor Lena Fox? Most people shrugged."
    doc = run(nlp, text)
    assert not [q for q in doc.quotes if q.cue is not None and q.cue.text == "support"], describe(doc, text)


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Rival campaigns blast Senator Joan Pruitt almost daily for her vote on the dam.", "blast",
         "Senator Joan Pruitt almost daily for her vote on the dam"),
        ("Most delegates in the hall favored Nora Quell over Ivan Stadt.", "favored", "Nora Quell over Ivan Stadt"),
        ("Councillor Tom Reyes defended the harbour levy against charges of waste.", "defended",
         "the harbour levy against charges of waste"),
    ],
    ids=["reason-past-an-adverb", "rival", "against"],
)
def test_stance_keeps_its_reason_or_rival_past_how_it_was_taken(nlp: Language, text: str, cue: str,
                                                                 content: str) -> None:
    # the reason or rival of a stance goes with its object, even past an adverb of how or when
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, content))
    assert spans_of(q) == [only(text, content)] and q.type == "indirect", describe(doc, text)
    assert q.cue is not None and (q.cue.start, q.cue.end) == only(text, cue)


def test_an_intention_keeps_its_condition(nlp: Language) -> None:
    # the parser hangs "unless …" on the cue verb: the vow is conditional, and the condition is part of it
    text = "Governor Ruth Okoye vowed to veto the budget unless lawmakers restore school funding."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "to veto the budget unless lawmakers restore school funding")],
          type="indirect", speaker="Ruth Okoye", cue=only(text, "vowed"))


def test_blame_on_someone_keeps_whom_it_is_put_on(nlp: Language) -> None:
    # "blame X on Y" says of X that Y caused it, like "blame Y for X"
    text = "Senator Nora Quell blamed the shutdown on party leaders."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "the shutdown on party leaders")], type="indirect", speaker="Nora Quell",
          cue=only(text, "blamed"))


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("Lena Ortiz's proposal to ban cars from the old town drew criticism.", "proposal",
         "to ban cars from the old town", "Lena Ortiz"),
        ("The mayor's plans to sell the ferry were dropped.", "plans", "to sell the ferry", "mayor"),
        ("Tom Reyes's reluctance to endorse the levy surprised his allies.", "reluctance", "to endorse the levy",
         "Tom Reyes"),
    ],
    ids=["proposal-to", "plans-to", "reluctance-to"],
)
def test_an_intention_noun_reports_its_infinitive(nlp: Language, text: str, cue: str, content: str,
                                                  speaker: str) -> None:
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, content))
    assert spans_of(q) == [only(text, content)] and q.type == "indirect", describe(doc, text)
    assert q.cue is not None and (q.cue.start, q.cue.end) == only(text, cue)
    assert q.speaker is not None and q.speaker.mention is not None and speaker in q.speaker.mention.text


def test_a_plan_is_nobody_s_claim_without_a_speaker(nlp: Language) -> None:
    text = "The plan to sell the ferry was dropped."
    doc = run(nlp, text)
    assert doc.quotes == [], describe(doc, text)


def test_agreeing_with_someone_is_a_stance_toward_them(nlp: Language) -> None:
    text = "Councillor Tom Reyes agreed with the harbour master."
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "the harbour master"))
    assert q.type == "indirect" and q.cue is not None and (q.cue.start, q.cue.end) == only(text, "agreed with")
    assert q.speaker is not None and q.speaker.name == "Tom Reyes"
