"""The example articles in examples/: every quote each article should yield and nothing else.

Each expected quote is given by the words of its spans (each occurring once in the article, so its offsets
are computed with `text.index`), its type and its speaker's canonical name. Where the engine gets a quote
wrong, its entry in EXAMPLE_BUGS marks it `engine_bug(...)` (xfail, strict). Helpers are in support.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from support import engine_bug, only, quote_at, run, spans_of

from quotegrab.engine.contract import Document

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


# (article, the words of each span, type, speaker's canonical name); each span's words occur once in the article.
EXPECTED: list[tuple[str, list[str], str, str]] = [
    # senate-vote.txt: curly quotes
    ("senate-vote", ["Every family in this country deserves to turn on the tap without being afraid,",
                     "Tonight we took a long step toward that."], "direct", "Margaret Hale"),
    ("senate-vote", ["the first grants would reach cities within a year"], "indirect", "Margaret Hale"),
    ("senate-vote", ["that she had met mayors from 30 states before drafting the measure"], "indirect",
     "Margaret Hale"),
    ("senate-vote", ["the legislation"], "indirect", "Thomas Whitcombe"),
    ("senate-vote", ["that rural towns had been left behind by earlier programs"], "indirect", "Thomas Whitcombe"),
    ("senate-vote", ["Small towns have the worst pipes and the smallest budgets,", "This bill finally counts them."],
     "direct", "Thomas Whitcombe"),
    ("senate-vote", ["that the bill would become \u201ca blank check for the big cities\u201d"], "mixed",
     "Richard Alvarez"),
    ("senate-vote", ["the costs would fall on future taxpayers"], "indirect", "Richard Alvarez"),
    ("senate-vote", ["that he had tried to delay the vote"], "indirect", "Richard Alvarez"),
    ("senate-vote", ["We are not talking about luxuries,", "We are talking about whether a child drinks lead."],
     "direct", "Margaret Hale"),
    ("senate-vote", ["the program would cost about $4 billion a year over its first decade"], "indirect",
     "Congressional Budget Office"),
    ("senate-vote", ["it was ready to begin awarding grants within six months"], "indirect",
     "Environmental Protection Agency"),
    ("senate-vote", ["the first round would favour towns where voters\u2019 complaints about water quality had gone "
                     "unanswered for years"], "indirect", "officials"),
    ("senate-vote", ["a vote before the August recess"], "indirect", "Janet Moore"),
    ("senate-vote", ["that the House would move quickly"], "indirect", "Janet Moore"),
    # port-strike.txt: straight quotes
    ("port-strike", ["that 94 percent of members had backed the strike"], "indirect", "Carla Mendes"),
    ("port-strike", ["Nobody wants this,", "But the company has left us no other road."], "direct", "Carla Mendes"),
    ("port-strike", ["People came in angry and they left angry. We have men here who have worked these cranes for "
                     "thirty years and who were told by letter that a machine will do their job.",
                     "We asked for one thing: a seat at the table when those machines arrive. The company said no.",
                     "So we will be on the picket line on Monday morning."], "direct", "Carla Mendes"),
    ("port-strike", ['that it had offered "the most generous package in the history of this port"'], "mixed",
     "Meridian Terminals"),
    ("port-strike", ["that a strike would drive shipping lines to rival ports"], "indirect", "Meridian Terminals"),
    ("port-strike", ["that automation would create new kinds of work"], "indirect", "Paul Lindqvist"),
    ("port-strike", ["The cranes still need people,",
                     "They need different skills, and we have offered to pay for the training."], "direct",
     "Paul Lindqvist"),
    ("port-strike", ["that the company was planning layoffs"], "indirect", "Paul Lindqvist"),
    ("port-strike", ["container traffic through the port fell 8 percent last year while traffic at the two nearest "
                     "rival ports grew"], "indirect", "Bayport Harbor Commission"),
    ("port-strike", ["they were preparing for delays at the bridges near the terminal"], "indirect", "city officials"),
    # river-floods.txt: wire-style ''...'' marks
    ("river-floods", ["We lost everything on the ground floor,", "But we are alive, and the house is still standing."],
     "direct", "Donna Kessler"),
    ("river-floods", ["the state would ask for federal disaster aid by the end of the week"], "indirect",
     "Robert Haines"),
    ("river-floods", ["This is the worst flooding I have seen in my lifetime,",
                      "We will rebuild, and we will rebuild smarter."], "direct", "Robert Haines"),
    ("river-floods", ["that more rain was expected over the weekend"], "indirect", "National Weather Service"),
    ("river-floods", ["the river could rise again by two or three feet"], "indirect", "National Weather Service"),
    ("river-floods", ["about 1,200 homes had been damaged in the county"], "indirect", "emergency officials"),
    ("river-floods", ["that the state's new river gauges had given towns an extra day to prepare"], "indirect",
     "Robert Haines"),
    ("river-floods", ["she would not leave"], "indirect", "Donna Kessler"),
    ("river-floods", ["My father stayed, and I'm staying,"], "direct", "Donna Kessler"),
    # morning-briefing.txt: headline forms, dash attribution
    ("morning-briefing", ["night buses will start in September"], "indirect", "Elena Ruiz"),
    ("morning-briefing", ["A promise without a budget is just a press release"], "direct", "David Okafor"),
    ("morning-briefing", ["that the first night bus routes would start running in September, two months earlier than "
                          "planned"], "indirect", "Elena Ruiz"),
    ("morning-briefing", ["that the transit authority had found the drivers it needed after a spring hiring drive"],
     "indirect", "Elena Ruiz"),
    ("morning-briefing", ["the city had still not published a budget for the routes"], "indirect", "David Okafor"),
    ("morning-briefing", ["The new routes will cost about $3 million a year"], "indirect",
     "Riverton Transit Authority"),
    ("morning-briefing", ["it would apply for a state grant to cover half of that"], "indirect",
     "Riverton Transit Authority"),
    ("morning-briefing", ["We will keep the lights on, whatever it costs."], "direct", "Amina Yusuf"),
    ("morning-briefing", ["the hospital's night staff had waited years for a reliable bus home"], "indirect",
     "Amina Yusuf"),
]


# What the engine gets wrong in the articles (keyed by the first span's words).
EXAMPLE_BUGS: dict[str, str] = {
}


def _example_cases() -> list[object]:
    cases: list[object] = []
    for article, words, type_, speaker in EXPECTED:
        reason = EXAMPLE_BUGS.get(words[0])
        marks = [engine_bug(reason)] if reason else []
        cases.append(pytest.param(article, words, type_, speaker, marks=marks, id=f"{article}:{words[0][:40]}"))
    return cases


@pytest.fixture(scope="module")
def example_docs(nlp: Language) -> dict[str, tuple[str, Document]]:
    docs = {}
    for name in {article for article, *_ in EXPECTED}:
        text = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
        docs[name] = (text, run(nlp, text))
    return docs


@pytest.mark.parametrize(("article", "words", "type_", "speaker"), _example_cases())
def test_example_article_quote(
    example_docs: dict[str, tuple[str, Document]], article: str, words: list[str], type_: str, speaker: str
) -> None:
    text, doc = example_docs[article]
    spans = [only(text, w) for w in words]
    q = quote_at(doc, text, spans[0])
    assert spans_of(q) == spans, f"spans {[text[s.start:s.end] for s in q.spans]}"
    assert q.type == type_
    # a group's name may follow the article's capitalisation ("Officials said" at a sentence start)
    assert q.speaker is not None and q.speaker.name.lower() == speaker.lower(), f"speaker {q.speaker}"
    entry = doc.speaker(q.speaker.id)
    assert entry is not None and entry.name == q.speaker.name


@pytest.mark.parametrize("article", sorted({a for a, *_ in EXPECTED}))
def test_example_article_has_no_other_quotes(example_docs: dict[str, tuple[str, Document]], article: str) -> None:
    """Nothing but the expected quotes: scare quotes, titles, nicknames and possessives produce none."""
    text, doc = example_docs[article]
    expected = {only(text, words[0])[0] for a, words, *_ in EXPECTED if a == article}
    extra = [q for q in doc.quotes if not any(s.start <= e < s.end for s in q.spans for e in expected)]
    assert extra == [], "unexpected quotes:\n" + "\n".join(f"  {q.type}: {q.text}" for q in extra)


def test_every_example_article_is_covered() -> None:
    articles = {p.stem for p in EXAMPLES.glob("*.txt")} - {"report-demo"}
    assert articles == {a for a, *_ in EXPECTED}
