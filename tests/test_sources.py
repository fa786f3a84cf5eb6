"""Who a source is when the article names it indirectly: spokespeople speak for the one they represent,
documents for their issuer (or are documents of their own), an acronym or a short name for the
organisation it stands for, a share of a group for the group, a description for the person introduced
with it; and namesakes stay apart (issue 18).

Each test writes a short text of its own and checks the speaker's name, kind, mention and resolved_by.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from support import check, only, run


def kind_of(doc, name: str) -> str:
    return next(s.kind for s in doc.speakers if s.name == name)


@pytest.mark.parametrize(
    ("text", "content", "mention", "speaker"),
    [
        ("A spokesman for the Bank of England said rates would stay on hold until the spring.",
         "rates would stay on hold until the spring", "A spokesman for the Bank of England", "Bank of England"),
        ("Vodafone's spokeswoman said the roaming market was competitive.",
         "the roaming market was competitive", "Vodafone's spokeswoman", "Vodafone"),
        ('"We will resist these claims," a Vodafone spokesman said.',
         "We will resist these claims,", "a Vodafone spokesman", "Vodafone"),
        ("Sources at the Treasury said the plan would be dropped before the budget.",
         "the plan would be dropped before the budget", "Sources at the Treasury", "Treasury"),
    ],
)
def test_a_spokesperson_speaks_for_the_organisation(
    nlp: Language, text: str, content: str, mention: str, speaker: str
) -> None:
    doc = run(nlp, text)
    kind = "direct" if text.startswith('"') else "indirect"
    check(doc, text, spans=[only(text, content)], type=kind, speaker=speaker, resolved_by="spokesperson",
          mention=only(text, mention))
    assert kind_of(doc, speaker) == "organization"
    # the spokesman is no alias of the organisation: a researcher's speaker list counts the body once
    assert all("spokes" not in a for s in doc.speakers for a in s.aliases)


def test_a_spokesperson_for_a_person_is_that_person(nlp: Language) -> None:
    text = ("Tony Blair flew to Brussels on Monday. A spokesman for Tony Blair said the talks had gone "
            "well and would resume in March.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "the talks had gone well and would resume in March")], type="indirect",
          speaker="Tony Blair", resolved_by="spokesperson", mention=only(text, "A spokesman for Tony Blair"))
    assert kind_of(doc, "Tony Blair") == "person"


def test_a_bracketed_acronym_cut_by_the_ner_is_whole_in_the_mention(nlp: Language) -> None:
    text = "A spokesman for the British Phonographic Industry (BPI) said sales had risen sharply last year."
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "sales had risen sharply last year")], type="indirect",
          speaker="British Phonographic Industry", resolved_by="spokesperson",
          mention=only(text, "A spokesman for the British Phonographic Industry (BPI)"))


@pytest.mark.parametrize(
    ("text", "content", "mention", "speaker"),
    [
        ("A report by the International Monetary Fund said growth in the region would slow sharply.",
         "growth in the region would slow sharply", "A report", "International Monetary Fund"),
        ("The Bank of England's latest figures showed that lending to households had fallen.",
         "that lending to households had fallen", "The Bank of England's latest figures", "Bank of England"),
        ("Lord Butler published his findings on Tuesday. The Butler report said the dossier was flawed.",
         "the dossier was flawed", "The Butler report", "Butler"),
    ],
)
def test_a_document_is_its_issuers(nlp: Language, text: str, content: str, mention: str, speaker: str) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker=speaker, resolved_by="issuer",
          mention=only(text, mention))


@pytest.mark.parametrize(
    ("text", "content", "mention", "speaker"),
    [
        ("The report said waiting lists in the north had grown for a third year.",
         "waiting lists in the north had grown for a third year", "The report", "report"),
        ("Figures released on Monday showed that house prices had risen for a sixth month.",
         "that house prices had risen for a sixth month", "Figures", "figures"),
    ],
)
def test_a_document_with_no_issuer_is_a_document(
    nlp: Language, text: str, content: str, mention: str, speaker: str
) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker=speaker, resolved_by="document")
    assert kind_of(doc, speaker) == "document"


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        ("The European Commission (EC) fined the firm on Monday. The EC said the fine was fair and final.",
         "The EC", "European Commission"),
        ("The Mobile Data Association counted the messages. The MDA said texting had doubled in a year.",
         "The MDA", "Mobile Data Association"),
        ("Merrill Lynch cut its forecast for the year. Merrill said profits would fall in the spring.",
         "Merrill", "Merrill Lynch"),
        ("The Bank of England kept rates on hold. The Bank said inflation would stay below its target.",
         "The Bank", "Bank of England"),
        # the acronym first, the full name later and with no brackets: "BNP leader … the British
        # National Party": one organisation, named by its full name
        ("CWU leaders met on Monday. The Coastal Workers Union said the strike would go on. A CWU "
         "spokesman said talks had failed.", "A CWU spokesman", "Coastal Workers Union"),
    ],
)
def test_an_acronym_or_a_short_name_is_the_organisation(nlp: Language, text: str, mention: str, speaker: str) -> None:
    doc = run(nlp, text)
    second = [q for q in doc.quotes if q.speaker is not None and q.speaker.mention.text == mention]
    assert second, [(q.text, q.speaker) for q in doc.quotes]
    assert second[0].speaker.name == speaker
    assert [s.name for s in doc.speakers if s.kind == "organization"] == [speaker]


def test_a_general_word_is_no_short_name() -> None:
    """"the Senate" is not the "Senate Judiciary Committee" named before it."""
    import quotegrab

    text = ("The Senate Judiciary Committee met on Tuesday. The Senate said it would vote on the bill "
            "before the end of the month.")
    doc = quotegrab.extract(text)
    assert [q.speaker.name for q in doc.quotes if q.speaker] == ["Senate"]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("In the survey, 77 percent of Republicans polled said the economy was improving.",
         "the economy was improving", "Republicans polled"),
        ("In a poll for the paper, some 47% believe she should have no title at all.",
         "she should have no title at all", "those polled"),
    ],
)
def test_a_share_is_of_a_group_never_a_number(nlp: Language, text: str, content: str, speaker: str) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker=speaker, resolved_by="group")
    assert kind_of(doc, speaker) == "group"
    assert not any(s.name.strip("% ").isdigit() for s in doc.speakers)


@pytest.mark.parametrize(
    ("text", "content", "mention", "speaker"),
    [
        ("Sundar Katwala, the reform group's general secretary, welcomed the bill. The general secretary "
         "said the change was long overdue.", "the change was long overdue", "The general secretary",
         "Sundar Katwala"),
        ("European cross-country champion Hayley Yelling will run on Sunday. The champion said the course "
         "suited her well.", "the course suited her well", "The champion", "Hayley Yelling"),
        ("Andy Murray won in three sets on Friday. The 21-year-old said he had never felt fitter.",
         "he had never felt fitter", "The 21-year-old", "Andy Murray"),
        # the one the copy is about, not merely the last one named: Gardener is named nearer, but once
        ("Darren Pike was given an MBE on Friday. Pike won relay gold in Athens last summer. His team-mates "
         "Jason Gardener and Tom Reid were honoured too. Pike's relay win made up for his poor displays in "
         "the individual events. The 31-year-old said a hamstring injury had slowed him.",
         "a hamstring injury had slowed him", "The 31-year-old", "Darren Pike"),
    ],
)
def test_a_description_is_the_person_introduced_with_it(
    nlp: Language, text: str, content: str, mention: str, speaker: str
) -> None:
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, content)], type="indirect", speaker=speaker, resolved_by="role",
          mention=only(text, mention))


def test_namesakes_are_never_one_speaker(nlp: Language) -> None:
    text = (
        "Prince Charles will marry Camilla Parker Bowles in April. The Archbishop of Canterbury, Dr Rowan "
        "Williams, will bless the marriage.\n\n"
        "Princes William and Harry said they were delighted. Liberal Democrat leader Charles Kennedy said "
        "the couple deserved privacy.\n\n"
        "Mr Williams, a local councillor, said the town would celebrate. Kennedy said the wedding should be "
        "a private matter."
    )
    doc = run(nlp, text)
    by_content = {q.text: q.speaker.name for q in doc.quotes if q.speaker}
    assert by_content["the town would celebrate"] == "Mr Williams"
    assert by_content["the wedding should be a private matter"] == "Charles Kennedy"
    assert by_content["they were delighted"] not in ("Rowan Williams", "Mr Williams")
    for speaker in doc.speakers:
        names = {speaker.name, *speaker.aliases}
        assert not ({"Prince Charles", "Charles Kennedy", "Kennedy"} <= names), speaker
        assert not ({"Mr Williams"} & names and {"Rowan Williams", "Dr Rowan Williams"} & names), speaker
        assert "Princes William" not in names or "Williams" not in speaker.name, speaker


def test_a_pronoun_goes_to_the_speaker_not_a_name_only_inside_what_was_said(nlp: Language) -> None:
    text = ("Home Secretary Charles Clarke said he believed Michael Howard was wrong to promise lower "
            "immigration. He added that the government would publish its plans soon.")
    doc = run(nlp, text)
    check(doc, text, spans=[only(text, "that the government would publish its plans soon")], type="indirect",
          speaker="Charles Clarke", resolved_by="pronoun", mention=only(text, "He"))


def test_markup_left_in_a_text_is_never_a_name(nlp: Language) -> None:
    text = ('Candidates reacted on Twitter.\n\n<tweet pic="" author="HillaryClinton" timestamp="1449075600" '
            'tweet_id="672149874046083072">I refuse to accept this as normal. We must take action to stop gun '
            'violence now.</tweet>.\n\n<tweet pic="" author="BernieSanders" timestamp="1449075600" '
            'tweet_id="672160504572452864">Mass shootings are becoming an almost-everyday occurrence. This '
            'senseless gun violence must stop.</tweet>.')
    doc = run(nlp, text)
    for speaker in doc.speakers:
        assert not any(c in speaker.name for c in '<>="'), speaker
        assert any(c.isalpha() for c in speaker.name), speaker


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("The Lib Dems said the plan was unfair. The Liberal Democrats said they would vote against it.",
         "the plan was unfair", "they would vote against it"),
        ("The Conservatives said the plan was costly. The Tories said taxes would fall next year.",
         "the plan was costly", "taxes would fall next year"),
    ],
)
def test_names_that_stand_for_one_party_are_one_organisation(
    nlp: Language, text: str, first: str, second: str
) -> None:
    doc = run(nlp, text)
    speakers = {q.text: q.speaker for q in doc.quotes}
    assert speakers[first] is not None and speakers[second] is not None
    assert speakers[first].id == speakers[second].id
    assert [s.kind for s in doc.speakers] == ["organization"]
