"""Where a claim's content starts and stops: asides, parenthetical cues, trailing comments, appositions,
participles and second reports, and clauses the parser splits off.

Each test writes a short text and asserts the real output of `quotegrab.extract`: exact offsets (computed
with `text.index`, never written as numbers), the quote type, the cue, the speaker mention and name.
Where the engine gets a case wrong the test still asserts the right behaviour and is marked
`engine_bug(...)` (xfail, strict). Helpers are in support.py.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from support import check, describe, only, quote_at, run, spans_of


def test_claim_around_a_parenthetical_cue_stops_before_an_aside(nlp: Language) -> None:
    text = "The new pier, Lena Ortiz said, was the longest yet, although nobody had measured it."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "The new pier"), only(text, "was the longest yet")], type="indirect",
          speaker="Lena Ortiz", cue=only(text, "said"))


def test_claim_goes_on_past_a_parenthetical_cue_with_because(nlp: Language) -> None:
    text = "The fares are hard to forecast, many planners say, because the ferry has never run in winter."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "The fares are hard to forecast"),
                            only(text, "because the ferry has never run in winter")],
          type="indirect", speaker="planners", cue=only(text, "say"), casefold_name=True)


@pytest.mark.parametrize(
    ("text", "before", "after", "speaker"),
    [
        ("The new route would be helped, the planner said, by the lower fares on weekends.",
         "The new route would be helped", "by the lower fares on weekends", "planner"),
        ("Ticket sales rose sharply, the club said, after the poor weather in March.",
         "Ticket sales rose sharply", "after the poor weather in March", "club"),
        ("The fund was set up to help farmers, the minister said, and not to pay for new offices.",
         "The fund was set up to help farmers", "and not to pay for new offices", "minister"),
    ],
)
def test_claim_goes_on_past_an_aside_the_parser_sets_apart(
    nlp: Language, text: str, before: str, after: str, speaker: str
) -> None:
    # the parser hangs the cue on the sentence's verb as an aside: what follows it is the same claim
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, before), only(text, after)], type="indirect", speaker=speaker,
          cue=only(text, "said"))


def test_scene_before_the_cue_is_not_a_claim(nlp: Language) -> None:
    text = "In a press release earlier this month, Tom Reyes said on Monday."
    doc = run(nlp, text)
    assert doc.quotes == [], describe(doc, text)


def test_report_goes_on_over_a_clause_the_parser_splits_off(nlp: Language) -> None:
    text = ("Ortiz said the mayor has “great respect” for the dockers and her harsh remark was only "
            "a sign of fatigue.")
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    content = "the mayor has “great respect” for the dockers and her harsh remark was only a sign of fatigue"
    check(doc, text, spans=[only(text, content)], type="mixed", speaker="Ortiz", cue=only(text, "said"))


def test_claim_takes_in_the_quote_it_introduces_with_a_colon(nlp: Language) -> None:
    text = 'Ortiz said the mayor has the one quality the job needs: "Patience, and a lot of it."'
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, 'the mayor has the one quality the job needs: "Patience, and a lot of it."')],
          type="mixed", speaker="Ortiz", cue=only(text, "said"))


def test_one_report_with_two_that_clauses(nlp: Language) -> None:
    text = "Lena Ortiz said that the pier was safe and that she expects it to reopen in May."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "that the pier was safe and that she expects it to reopen in May")],
          type="indirect", speaker="Lena Ortiz", cue=only(text, "said"))


def test_claim_stops_where_a_second_report_joins_it(nlp: Language) -> None:
    text = 'Lena Ortiz said the pier was safe but added, "We will check it again next week."'
    doc = run(nlp, text)
    assert len(doc.quotes) == 2, describe(doc, text)
    check(doc, text, spans=[only(text, "the pier was safe")], type="indirect", speaker="Lena Ortiz",
          cue=only(text, "said"))
    check(doc, text, spans=[only(text, "We will check it again next week.")], type="direct", speaker="Lena Ortiz",
          cue=only(text, "added"))


def test_infinitive_claim_stops_before_the_writers_comment(nlp: Language) -> None:
    text = "Ines Carvalho has vowed to repeal the parking levy, a charge that has angered many shop owners."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "to repeal the parking levy")], type="indirect", speaker="Ines Carvalho",
          mention=only(text, "Ines Carvalho"), cue=only(text, "vowed"))


def test_claim_content_stops_before_a_trailing_apposition(nlp: Language) -> None:
    text = (
        "Robert Haines argued that the new river gauges had given towns an extra day to prepare, "
        "a claim that local officials disputed."
    )
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "that the new river gauges had given towns an extra day to prepare")],
          type="indirect", speaker="Robert Haines", resolved_by="name", mention=only(text, "Robert Haines"),
          cue=only(text, "argued"))


def test_claim_stops_before_the_writers_trailing_comment(nlp: Language) -> None:
    text = "The ferry company said it earned 90 cents a share, well above the 60 cents that analysts had expected."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "it earned 90 cents a share")], type="indirect", speaker=None
          if doc.quotes[0].speaker is None else doc.quotes[0].speaker.name, cue=only(text, "said"))


def test_participle_going_on_with_the_claims_subject_stays_in_the_claim(nlp: Language) -> None:
    text = "Ruth Okoye said the new toll would hurt small shops, leaving owners with higher costs."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "the new toll would hurt small shops, leaving owners with higher costs")],
          type="indirect", speaker="Ruth Okoye", cue=only(text, "said"))


def test_claim_stops_before_a_participle_that_judges_in_turn(nlp: Language) -> None:
    text = "Ruth Okoye said the council had rejected the plan, calling it wasteful."
    doc = run(nlp, text)
    first = min(doc.quotes, key=lambda q: q.spans[0].start)
    assert [text[s.start : s.end] for s in first.spans] == ["the council had rejected the plan"], describe(doc, text)


def test_claim_stops_before_a_who_clause_the_writer_adds_about_its_last_name(nlp: Language) -> None:
    text = "Ruth Okoye said the voters would back Tom Brandt, who ran the city for a decade."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "the voters would back Tom Brandt")], type="indirect", speaker="Ruth Okoye",
          resolved_by="name", mention=only(text, "Ruth Okoye"), cue=only(text, "said"))


def test_a_who_clause_inside_the_claim_stays_in_it(nlp: Language) -> None:
    text = "Ruth Okoye said that the voters who know Tom Brandt would back him."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "that the voters who know Tom Brandt would back him")], type="indirect",
          speaker="Ruth Okoye", cue=only(text, "said"))


@pytest.mark.parametrize(
    ("text", "outer", "inner_cue"),
    [
        ("Mayor Lena Ortiz hopes to finish the pier this year and encourage the council to rally behind her "
         "budget.", "to finish the pier this year and encourage the council to rally behind her budget",
         "encourage"),
        ("Mayor Lena Ortiz voiced concern that landlords, who claimed the rules were unfair, would raise rents.",
         "that landlords, who claimed the rules were unfair, would raise rents", "claimed"),
    ],
    ids=["infinitive", "nominal"],
)
def test_report_inside_a_nested_claim_is_part_of_it(nlp: Language, text: str, outer: str, inner_cue: str) -> None:
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, outer)], type="indirect", speaker="Lena Ortiz")
    assert doc.quotes[0].cue is not None and doc.quotes[0].cue.text != inner_cue


def test_aside_closed_inside_the_claim_stays_in_it(nlp: Language) -> None:
    text = "Lena Ortiz said the briefing was a useful, although brief, chance to question the mayor."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "the briefing was a useful, although brief, chance to question the mayor")],
          type="indirect", speaker="Lena Ortiz", cue=only(text, "said"))


def test_a_second_that_clause_joined_by_but_goes_on_with_the_report(nlp: Language) -> None:
    # "said A, but that B": the parser joins the second "that" clause to the cue verb
    text = "The mayor said the city needs to fix the roads, but that he would not raise taxes to do it."
    doc = run(nlp, text)
    content = "the city needs to fix the roads, but that he would not raise taxes to do it"
    check(doc, text, spans=[only(text, content)], type="indirect", speaker="mayor", cue=only(text, "said"))


def test_a_lone_word_before_an_aside_leads_the_claim_that_goes_on_after_it(nlp: Language) -> None:
    # "Still, Kessler said, …": one word before the speaker is too short a claim alone, but the sentence
    # resumes after the aside
    text = "Nora Kessler runs the shelter. Still, Kessler said, the city has to decide who gets a bed."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Still"), only(text, "the city has to decide who gets a bed")],
          type="indirect", speaker="Nora Kessler", cue=only(text, "said"))


def test_a_weak_cue_set_off_by_commas_reads_past_a_subject_the_parser_hung_on_it(nlp: Language) -> None:
    # the parser makes "Voters" a second subject of "suggested"; the cue is still an aside of the sentence
    text = "Voters, Lena Ortiz suggested, don\u2019t have to worry that big banks can influence politicians."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "Voters"), only(text, "don\u2019t have to worry that big banks can influence "
                                                         "politicians")],
          type="indirect", speaker="Lena Ortiz", cue=only(text, "suggested"))


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Critics blamed Ortiz directly for the decade and a half of budget cuts that hurt schools.", "blamed",
         "Ortiz directly for the decade and a half of budget cuts that hurt schools"),
        ("They see him as a useful ally to help other candidates raise money.", "see",
         "him as a useful ally to help other candidates raise money"),
    ],
    ids=["coordinated", "aim"],
)
def test_what_is_said_of_someone_runs_on_past_where_the_parser_splits_it(nlp: Language, text: str, cue: str,
                                                                          content: str) -> None:
    # the parser hangs the rest of the predicate on the verb: it still belongs to what is said of the object
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, content))
    assert spans_of(q) == [only(text, content)] and q.type == "indirect", describe(doc, text)
    assert q.cue is not None and (q.cue.start, q.cue.end) == only(text, cue)


def test_a_report_keeps_the_reason_hung_on_its_cue(nlp: Language) -> None:
    # the parser hangs "because …" on the cue verb after the reported clause: the reason is the report's own
    text = ("Nadia Brook argued that the fee was pointless, because if there were more permits, the city would "
            "still hold them.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "that the fee was pointless, because if there were more permits, the city "
                                       "would still hold them")],
          type="indirect", speaker="Nadia Brook", cue=only(text, "argued"))


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Mayor Lena Ortiz has come out in support of Tom Reyes, the harbour board's choice for the new post.",
         "Tom Reyes", "come out in support of"),
        ("Lena Ortiz said the ferry would stop at Port Elwyn, the town where she grew up.",
         "the ferry would stop at Port Elwyn", "said"),
    ],
    ids=["stance-object", "clause"],
)
def test_a_claim_stops_before_the_writers_description_of_a_name(nlp: Language, text: str, content: str,
                                                                 cue: str) -> None:
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker="Lena Ortiz", cue=only(text, cue))


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("Lena Ortiz cautioned against raising the harbour fees before the summer season.",
         "raising the harbour fees before the summer season", "cautioned"),
        ("Lena Ortiz joked about moving the town hall onto the old ferry.",
         "moving the town hall onto the old ferry", "joked"),
        ("Lena Ortiz responded with a long list of complaints about the night service.",
         "a long list of complaints about the night service", "responded"),
    ],
    ids=["against-gerund", "about-gerund", "with-noun"],
)
def test_a_claim_begins_after_the_preposition_that_opens_its_topic(nlp: Language, text: str, content: str,
                                                                   cue: str) -> None:
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker="Lena Ortiz", cue=only(text, cue))
