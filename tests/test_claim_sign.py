"""The sign of a claim (issue 17): a negated cue carries `negated: true` and the cue a reader sees keeps
its auxiliaries, modals and negation ("did not say"), in the JSON, the schema, the CSV and the report;
`cue.start`/`cue.end` stay on the head word the scorers match."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from spacy.language import Language
from support import only, quote_at, run


@pytest.mark.parametrize(
    ("text", "content", "head", "phrase"),
    [
        ("Officials never claimed the scheme would pay for itself.", "the scheme would pay for itself",
         "claimed", "never claimed"),
        ("The mayor did not say whether the bridge would reopen.", "whether the bridge would reopen",
         "say", "did not say whether"),
        ("Hale would not confirm that the talks with the union had failed.",
         "that the talks with the union had failed", "confirm", "would not confirm"),
        ("The minister refused to say whether taxes would rise next year.", "whether taxes would rise next year",
         "say", "refused to say whether"),
        ("Smith no longer believes the plan can work.", "the plan can work", "believes", "no longer believes"),
        ("The union didn't say when the strike would end.", "when the strike would end", "say", "didn't say"),
        ("Officials could not say whether the road would reopen.", "whether the road would reopen", "say",
         "could not say whether"),
        ("The minister is not likely to say that taxes will rise.", "that taxes will rise", "say",
         "is not likely to say"),
    ],
)
def test_a_negated_cue_is_marked_and_shown_whole(
    nlp: Language, text: str, content: str, head: str, phrase: str
) -> None:
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, content))
    assert q.negated is True
    assert q.cue is not None and q.cue.phrase == phrase
    assert (q.cue.start, q.cue.end) == only(text, head) and q.cue.text == head


@pytest.mark.parametrize(
    ("text", "content", "phrase"),
    [
        ("Smith denied that he had lied to the committee.", "that he had lied to the committee", "denied"),
        ("Hale said the plan would work by the spring.", "the plan would work by the spring", "said"),
        ("The company might say the deal is off for good.", "the deal is off for good", "might say"),
        ("Analysts have warned that prices will rise.", "that prices will rise", "have warned"),
        # a question or a possibility keeps the word that frames it so
        ("The senator asked whether the bill would pass.", "whether the bill would pass", "asked whether"),
        ("The mayor asked if the road would reopen soon.", "if the road would reopen soon", "asked if"),
        ("The minister is likely to say that taxes will rise.", "that taxes will rise", "is likely to say"),
    ],
)
def test_a_cue_that_is_not_negated_keeps_its_auxiliaries(nlp: Language, text: str, content: str, phrase: str) -> None:
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, content))
    assert q.negated is False
    assert q.cue is not None and q.cue.phrase == phrase


def test_negated_and_the_phrase_are_in_the_schema_the_csv_and_the_report(tmp_path) -> None:
    schema = json.loads(subprocess.run([sys.executable, "-m", "quotegrab", "schema"], capture_output=True,
                                       text=True, check=True).stdout)
    defs = schema.get("$defs", {})
    assert "negated" in defs["Quote"]["properties"] and "phrase" in defs["Cue"]["properties"]
    article = tmp_path / "a.txt"
    article.write_text("Officials never claimed the scheme would pay for itself.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "quotegrab", "extract", str(article), "-f", "csv"],
                         capture_output=True, text=True, check=True).stdout
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert (row["cue"], row["cue_phrase"], row["negated"]) == ("claimed", "never claimed", "true")
    page = tmp_path / "r.html"
    subprocess.run([sys.executable, "-m", "quotegrab", "extract", str(article), "-f", "html", "-o", str(page)],
                   capture_output=True, text=True, check=True)
    html = page.read_text(encoding="utf-8")
    assert "never claimed (negated)" in html


def test_verbose_table_shows_the_rule_of_each_claim(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text('Hale said the plan would work by the spring. "We will win," she added.\n', encoding="utf-8")
    plain = subprocess.run([sys.executable, "-m", "quotegrab", "extract", str(article), "-f", "table", "--no-color"],
                           capture_output=True, text=True, check=True, env={"COLUMNS": "140", "PATH": ""}).stdout
    verbose = subprocess.run([sys.executable, "-m", "quotegrab", "extract", str(article), "-f", "table", "-v",
                              "--no-color"], capture_output=True, text=True, check=True,
                             env={"COLUMNS": "140", "PATH": ""}).stdout
    assert "Rule" not in plain
    assert "Rule" in verbose and "complement" in verbose and "quote-before" in verbose
    [doc] = [json.loads(line) for line in subprocess.run(
        [sys.executable, "-m", "quotegrab", "extract", str(article), "-f", "jsonl"],
        capture_output=True, text=True, check=True).stdout.splitlines()]
    assert [q["rule"] for q in doc["quotes"]] == ["complement", "quote-before"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The minister said waiting times had fallen by 12%.", "waiting times had fallen by 12%"),
        ("Figures showed that house prices had risen by 2% in March.", "that house prices had risen by 2% in March"),
        ("Hale said the fund (set up in 2004) would close.", "the fund (set up in 2004) would close"),
        ("Analysts said profits would rise (by about a third).", "profits would rise (by about a third)"),
    ],
)
def test_a_claim_keeps_its_last_token(nlp: Language, text: str, content: str) -> None:
    """A "%" glued to its number and a bracket closing one opened inside the content belong to it."""
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, content))
    assert [(s.start, s.end) for s in q.spans] == [only(text, content)]


@pytest.mark.parametrize(
    ("text", "content", "fragment"),
    [
        ('The senator said the bill was "reckless and unaffordable."', 'the bill was "reckless and unaffordable."',
         "reckless and unaffordable."),
        ("The minister said the scheme would bring \u201creal change.\u201d\n\nShe added that it would cost less.",
         "the scheme would bring \u201creal change.\u201d", "real change."),
        ("Critics said the plan was \u201ca disaster for the region,\u201d and would fail.",
         "the plan was \u201ca disaster for the region,\u201d and would fail", "a disaster for the region,"),
    ],
)
def test_a_mixed_claim_ending_in_a_fragment_keeps_its_closing_mark(
    nlp: Language, text: str, content: str, fragment: str
) -> None:
    """The closing mark of a fragment belongs to the content (the full stop inside it too), and the
    fragment lies inside the content."""
    doc = run(nlp, text)
    q = quote_at(doc, text, only(text, content))
    assert q.type == "mixed"
    assert [(s.start, s.end) for s in q.spans] == [only(text, content)]
    assert [(f.start, f.end) for f in q.fragments] == [only(text, fragment)]
