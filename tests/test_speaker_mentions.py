"""Speaker mentions: which words of the text are the speaker of a quote (subjects of participles and
infinitives, documents and their authors, groups, appositions) and which are not (datelines,
possessors, names inside a modifier).

Each test writes a short text and asserts the real output of `quotegrab.extract`: exact offsets (computed
with `text.index`, never written as numbers), the quote type, the cue, the speaker mention and name.
Where the engine gets a case wrong the test still asserts the right behaviour and is marked
`engine_bug(...)` (xfail, strict). Helpers are in support.py.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from support import at, check, describe, only, quote_at, run


def test_dateline_is_no_speaker(nlp: Language) -> None:
    # the parser makes the dateline a subject of the cue; the speaker is the subject after the dash
    text = (
        "BRAMFORD, Oct. 3 (AP) \u2014 A spokeswoman for Mayor Carla Mendes called the new toll plan "
        "\u201cunfair.\u201d\n\n"
        "Halden \u2013 Councillor Paul Lindqvist on Monday accused the mayor of hiding the costs of the bridge."
    )
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "unfair."))
    assert q.speaker is not None and q.speaker.mention is not None, describe(doc, text)
    assert q.speaker.mention.text == "A spokeswoman for Mayor Carla Mendes", describe(doc, text)
    q = quote_at(doc, text, only(text, "the mayor of hiding the costs of the bridge"))
    assert q.speaker is not None and q.speaker.name == "Paul Lindqvist", describe(doc, text)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a participle after a preposition takes the subject of the verb the preposition hangs on
        ("Paul Lindqvist is likely to win votes by mentioning that he built the new bridge in Halden.",
         "he built the new bridge in Halden", "Paul Lindqvist"),
        ("Carla Mendes has refrained from endorsing Paul Lindqvist or Tomas Berg in the race.",
         "Paul Lindqvist or Tomas Berg", "Carla Mendes"),
        # ... and the subject of a passive: who was suspended did the slamming
        ("Carla Mendes was suspended last week after slamming Paul Lindqvist for his vote on taxes.",
         "Paul Lindqvist for his vote on taxes", "Carla Mendes"),
        # the object of "led", "urged" is who does what the infinitive says
        ("The long delay led Carla Mendes to say that the council had ignored the farmers.",
         "the council had ignored the farmers", "Carla Mendes"),
        # a participle describing a noun: the noun acts, or whoever issued the document the noun names
        ("Outside groups supporting Paul Lindqvist spent two million dollars in Halden.",
         "Paul Lindqvist", "outside groups"),
        ("On Monday, Paul Lindqvist issued a statement saying that Carla Mendes was a fine mayor.",
         "Carla Mendes was a fine mayor", "Paul Lindqvist"),
        ("On Monday, Carla Mendes held a news conference announcing that the mill would stay open.",
         "the mill would stay open", "Carla Mendes"),
    ],
)
def test_speaker_of_a_participle_or_infinitive(nlp: Language, text: str, content: str, speaker: str) -> None:
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, content))
    assert q.speaker is not None and q.speaker.name == speaker, describe(doc, text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The living wage in Halden is about $12 an hour, according to calculations by Carla Mendes of the "
         "Riverton Institute.", "Carla Mendes"),
        ("Taxes would rise, according to a speech Paul Lindqvist delivered in Halden last year.", "Paul Lindqvist"),
    ],
)
def test_according_to_a_document_credits_its_author(nlp: Language, text: str, speaker: str) -> None:
    doc = run(nlp, text)
    q = quote_at(doc, text, (0, 10))
    assert q.speaker is not None and q.speaker.name == speaker, describe(doc, text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Paul Lindqvist said the new tax is hurting shop owners, pointing to three closures in Halden last month.",
         "to three closures in Halden"),
        ("Paul Lindqvist insisted it was too early to back the plan while adding that he would study it.",
         "he would study it"),
    ],
)
def test_participle_closing_a_reported_clause_is_the_reporters(nlp: Language, text: str, content: str) -> None:
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, content))
    assert q.speaker is not None and q.speaker.name == "Paul Lindqvist", describe(doc, text)


def test_when_asked_after_the_cue_names_no_asker(nlp: Language) -> None:
    text = '"We will never agree to that," Carla Mendes said when asked whether she would sign the deal.'
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "We will never agree to that,")], type="direct", speaker="Carla Mendes")
    check(doc, text, spans=[only(text, "whether she would sign the deal")], type="indirect", speaker=None,
          cue=only(text, "asked"))


def test_possessor_beside_the_cue_is_not_its_speaker(nlp: Language) -> None:
    # the parse leaves "said" without a subject; the name nearest before it is a possessor inside the aside
    text = "But Sen. Carla Mendes (D-Ohio), noting the size of Paul Lindqvist's crowd, said the race was very close."
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "the race was very close"))
    assert q.speaker is not None and q.speaker.name == "Carla Mendes", describe(doc, text)


def test_document_put_out_by_someone_speaks_for_them(nlp: Language) -> None:
    # "an ad that urges": the relative pronoun stands for the ad, and the ad is the one its maker released
    text = "Carla Mendes is releasing a new radio ad that urges voters in Halden to reject the toll."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "voters in Halden to reject the toll")], type="indirect",
          speaker="Carla Mendes", mention=only(text, "Carla Mendes"), cue=only(text, "urges"))


def test_quoted_show_title_after_the_cue_is_not_its_speaker(nlp: Language) -> None:
    # the parser may make a word of the show's quoted title the subject of "said"
    text = (
        "\u201cHe is right. There is a deep rift between this council and frankly the mayor and our police,\u201d "
        "Mendes, a top Lindqvist ally, said Thursday morning on Halden Radio\u2019s \u201cCoffee and Friends.\u201d"
    )
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "He is right."))
    assert q.speaker is not None and q.speaker.mention is not None, describe(doc, text)
    assert q.speaker.mention.text == "Mendes", describe(doc, text)


def test_dateline_is_not_part_of_the_mention(nlp: Language) -> None:
    text = (
        "HALDEN, Ohio - Carla Mendes's political allies said on Monday that the toll would be dropped.\n\n"
        "The front-runner's aides said that the vote was close."
    )
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "that the toll would be dropped")], type="indirect",
          speaker="Carla Mendes's political allies", mention=only(text, "Carla Mendes's political allies"))
    q = quote_at(doc, text, only(text, "the vote was close"))
    assert q.speaker is not None and q.speaker.mention is not None, describe(doc, text)
    assert q.speaker.mention.text == "The front-runner's aides", describe(doc, text)


def test_organisation_speaker(nlp: Language) -> None:
    text = "The State Department said it was monitoring the situation closely."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    check(doc, text, spans=[only(text, "it was monitoring the situation closely")], type="indirect",
          speaker="State Department", resolved_by="name", mention=only(text, "The State Department"),
          cue=only(text, "said"))
    assert [(s.name, s.kind) for s in doc.speakers] == [("State Department", "organization")]


@pytest.mark.parametrize(
    ("group", "name"),
    [
        ("Officials", "officials"),
        ("City officials", "city officials"),
        pytest.param("Several residents", "residents"),
    ],
)
def test_unnamed_group_speaker(nlp: Language, group: str, name: str) -> None:
    text = f"{group} said the first round of grants would favour small towns."
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    q = check(doc, text, spans=[only(text, "the first round of grants would favour small towns")], type="indirect",
              speaker=name, casefold_name=True, resolved_by="group", mention=only(text, group), cue=only(text, "said"))
    assert q.speaker is not None
    assert [s.kind for s in doc.speakers] == ["group"]


def test_name_the_ner_misses_after_a_place_and_title(nlp: Language) -> None:
    # the NER tags nothing in "Lagos Governor Adaeze Obi": still a person, and "Obi" later is her
    text = (
        "Lagos Governor Adaeze Obi wrote that the queues were unacceptable.\n\n"
        '"People waited for six hours," Obi said.'
    )
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "that the queues were unacceptable")], type="indirect", speaker="Adaeze Obi",
          resolved_by="name", mention=only(text, "Lagos Governor Adaeze Obi"))
    check(doc, text, spans=[only(text, "People waited for six hours,")], type="direct", speaker="Adaeze Obi",
          resolved_by="surname", mention=at(text, "Obi", 1))
    assert [(s.name, s.kind) for s in doc.speakers] == [("Adaeze Obi", "person")]


def test_role_running_on_to_a_name_joins_the_mention(nlp: Language) -> None:
    # the parser hangs the name on the role as a conjunct ("contender and former surgeon Name"): the
    # mention runs on to the name, and the name is the speaker
    text = "Party contender and former surgeon Helena Marsh said the budget would be balanced by spring."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "the budget would be balanced by spring")], type="indirect",
          speaker="Helena Marsh", mention=only(text, "Party contender and former surgeon Helena Marsh"),
          cue=only(text, "said"))


@pytest.mark.parametrize(
    "text",
    [
        "The Harbor Workers Union emailed its members saying: \u201cThe strike is over.\u201d",
        "The Harbor Workers Union sent out a notice to its members stating, \u201cThe strike is over.\u201d",
    ],
)
def test_participle_on_the_addressees_is_the_senders(nlp: Language, text: str) -> None:
    # the parser hangs "saying" on the addressees; they hear the words, the sender says them
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "The strike is over.")], type="direct", speaker="Harbor Workers Union",
          mention=only(text, "The Harbor Workers Union"))


def test_those_picked_out_by_a_modifier_speak_as_a_group(nlp: Language) -> None:
    text = (
        "The council polled residents in March. Those surveyed say the bus service has got worse. "
        "Those who attended the hearing said the mood was grim."
    )
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "the bus service has got worse")], type="indirect",
          speaker="those surveyed", resolved_by="group", mention=at(text, "Those"), cue=only(text, "say"))
    check(doc, text, spans=[only(text, "the mood was grim")], type="indirect",
          speaker="those who attended the hearing", resolved_by="group", mention=at(text, "Those", 1),
          cue=only(text, "said"))


def test_one_of_a_group_named_in_apposition(nlp: Language) -> None:
    text = "One of the authors of the audit, Lena Marsh, said the agency must publish its figures."
    doc = run(nlp, text)
    q = check(doc, text, spans=[only(text, "the agency must publish its figures")], type="indirect",
              speaker="Lena Marsh", cue=only(text, "said"))
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.start == 0, q.speaker.mention


def test_a_name_inside_a_modifier_of_the_speaker_is_not_the_speaker(nlp: Language) -> None:
    text = "The head of the committee backing Maria Lopez praised the donors for their generosity."
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "the donors for their generosity"))
    assert q.speaker is not None and q.speaker.name != "Maria Lopez", describe(doc, text)
    assert q.speaker.mention is not None and q.speaker.mention.start == 0


def test_a_poll_is_not_the_organisation_named_before_it(nlp: Language) -> None:
    text = (
        "Goldman Sachs donated to both campaigns on Monday. Ms. Vance leads Mr. Ortiz by four points in "
        "the statewide poll, which was taken last week."
    )
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, "Ms. Vance leads Mr. Ortiz by four points"))
    assert q.speaker is not None and q.speaker.name == "statewide poll", describe(doc, text)


def test_a_participle_closing_a_reported_infinitive_clause_is_the_reporters(nlp: Language) -> None:
    # "saying" hangs on "choose", inside the clause the strategist reports: the strategist says the quote
    text = ("A party strategist said Smith will have to choose whose side she is on, saying, "
            "\u201cAt some point, she is going to have to come out and say where she stands.\u201d")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "At some point, she is going to have to come out and say where she stands.")],
          type="direct", speaker="party strategist", cue=only(text, "saying"))


def test_a_participle_on_a_thing_the_speaker_made_is_the_speakers(nlp: Language) -> None:
    # "closed the hearing with a remark, adding …" / "helped sketch a memo defending …": the parser hangs the
    # participle on the thing, but it has no voice of its own; the one who made it speaks
    text = "Ms. Vance criticized the board during a speech attacking its record on schools."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "its record on schools")], type="indirect", speaker="Vance",
          mention=only(text, "Ms. Vance"), cue=only(text, "attacking"))


def test_an_infinitive_on_a_thing_after_a_preposition_is_the_subjects(nlp: Language) -> None:
    # "pointed to an earlier ruling to say": the ruling says nothing, the one pointing to it does
    text = "The mayor pointed to an earlier ruling to say that cities must weigh the cost of disclosure."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "that cities must weigh the cost of disclosure")], type="indirect",
          speaker="mayor", mention=only(text, "The mayor"), cue=only(text, "say"))


def test_a_participle_on_a_group_still_describes_the_group(nlp: Language) -> None:
    # "groups supporting the bill" are people: the participle is theirs, not the subject's
    text = "Senator Ann Kim met on Tuesday with groups supporting the bill."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "the bill")], type="indirect", speaker="groups",
          mention=only(text, "groups"), cue=only(text, "supporting"))


def test_an_infinitive_after_some_as_object_is_theirs(nlp: Language) -> None:
    # "leaving some to question …": the object does the questioning, not the subject of the clause
    text = ("The merger helped the firm, but its profits rose only after she left, leaving some to question "
            "whether she deserved credit.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "whether she deserved credit")], type="indirect", speaker="some",
          mention=only(text, "some"), cue=only(text, "question"))


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        ('"Our company gained momentum," said chairman and chief executive officer Bill Ford.',
         "chairman and chief executive officer Bill Ford", "Bill Ford"),
        ("Radcliffe's best friend and fellow runner Liz Yelling said the race would be hard.",
         "Radcliffe's best friend and fellow runner Liz Yelling", "Liz Yelling"),
    ],
)
def test_two_joined_roles_run_on_to_the_name(nlp: Language, text: str, mention: str, speaker: str) -> None:
    doc = run(nlp, text)
    assert len(doc.quotes) == 1, describe(doc, text)
    q = doc.quotes[0]
    assert q.speaker is not None and q.speaker.name == speaker, describe(doc, text)
    assert (q.speaker.mention.start, q.speaker.mention.end) == only(text, mention)
