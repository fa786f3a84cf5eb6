"""Accuracy floor: quotegrab over PolNeAR dev, the seed article and the dev speaker-resolution gold must
not fall more than `tolerance` below the floors in tests/accuracy_floor.json (about a minute; skipped
when ../shared is absent)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from quotegrab import evaluate as ev

SHARED = Path(os.environ.get("QUOTEGRAB_SHARED", Path(__file__).resolve().parents[2] / "shared"))
DEV = SHARED / "data" / "polnear" / "dev"
RESOLUTION = SHARED / "data" / "polnear" / "dev-resolution.jsonl"
SEED_GOLD = SHARED / "data" / "seed" / "trump-convicts.gold.json"
BBC = SHARED / "data" / "bbc"
BBC_GOLD = Path(__file__).parent / "gold" / "bbc"
BBC_HELDOUT = Path(__file__).parent / "gold" / "bbc-heldout"
FLOORS = json.loads((Path(__file__).parent / "accuracy_floor.json").read_text(encoding="utf-8"))
TOLERANCE = FLOORS["tolerance"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DEV.is_dir(), reason="no ../shared (PolNeAR dev)"),
]


def at_least(name: str, value: float, floor: float) -> None:
    assert value >= floor - TOLERANCE, (
        f"{name} is {value:.4f}, below its floor {floor} (tolerance {TOLERANCE})"
    )


@pytest.fixture(scope="module")
def dev_predictions() -> list[dict[str, Any]]:
    articles = ev.load_brat(DEV)
    return ev.documents_as_predictions(ev.predict([(a.path, a.text) for a in articles]))


@pytest.fixture(scope="module")
def dev_metrics(dev_predictions: list[dict[str, Any]]) -> dict[str, Any]:
    return ev.score(ev.load_brat(DEV), dev_predictions).metrics


@pytest.mark.parametrize(
    ("setting", "figure"),
    [(s, f) for s, figures in FLOORS["polnear_dev"].items() for f in figures],
)
def test_polnear_dev_floor(dev_metrics: dict[str, Any], setting: str, figure: str) -> None:
    result = dev_metrics[setting]
    value = result["end_to_end"]["f1"] if figure == "end_to_end_f1" else result[figure]
    at_least(f"{setting} {figure}", value, FLOORS["polnear_dev"][setting][figure])


@pytest.mark.skipif(not RESOLUTION.is_file(), reason="no dev-resolution gold")
def test_dev_resolution_floor(dev_predictions: list[dict[str, Any]]) -> None:
    gold = [json.loads(line) for line in RESOLUTION.read_text(encoding="utf-8").splitlines() if line.strip()]
    result = ev.score_resolution(gold, dev_predictions)
    assert sum(result.total.values()) > 0
    at_least("dev resolution accuracy", result.accuracy, FLOORS["dev_resolution"]["accuracy"])


@pytest.mark.skipif(not SEED_GOLD.is_file(), reason="no seed article")
def test_seed_floor() -> None:
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    text = ev.read_text(SEED_GOLD.parent / gold["source"])
    [doc] = ev.documents_as_predictions(ev.predict([(gold["source"], text)]))
    result = ev.score_seed(gold, doc, text)
    at_least(
        f"seed right fraction ({result.right}/{result.total})",
        result.accuracy,
        FLOORS["seed"]["right_fraction"],
    )


def _predicted_gold(folder: Path) -> list[tuple[dict[str, Any], str, dict[str, Any]]]:
    """(gold, text, prediction) for each hand-annotated BBC article of `folder`."""
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.gold.json"))]
    texts = [(g["source"], ev.read_text(BBC / g["source"])) for g in golds]
    docs = ev.documents_as_predictions(ev.predict(texts))
    return [(g, text, doc) for g, (_, text), doc in zip(golds, texts, docs, strict=True)]


def _found_and_right(predicted: list[tuple[dict[str, Any], str, dict[str, Any]]]) -> tuple[float, float]:
    results = [ev.score_seed(g, doc, text) for g, text, doc in predicted]
    total = sum(r.total for r in results)
    return sum(r.found for r in results) / total, sum(r.right for r in results) / total


@pytest.fixture(scope="module")
def bbc_gold() -> list[tuple[dict[str, Any], str, dict[str, Any]]]:
    """(gold, text, prediction) for the 60 hand-annotated BBC articles."""
    return _predicted_gold(BBC_GOLD)


@pytest.mark.skipif(not BBC.is_dir(), reason="no BBC articles")
def test_bbc_gold_floor(bbc_gold: list[tuple[dict[str, Any], str, dict[str, Any]]]) -> None:
    """The 60 hand-annotated BBC articles (tests/gold/bbc, standoff): quotes found, and found with the
    right type and speaker, as ../shared/tools/score_articles.py counts them."""
    assert len(bbc_gold) == 60
    found, right = _found_and_right(bbc_gold)
    at_least("BBC found", found, FLOORS["bbc"]["found"])
    at_least("BBC right", right, FLOORS["bbc"]["right_fraction"])


@pytest.mark.skipif(not BBC.is_dir(), reason="no BBC articles")
def test_bbc_heldout_floor() -> None:
    """The 36 held-out BBC articles (tests/gold/bbc-heldout), which no rule was tuned on."""
    predicted = _predicted_gold(BBC_HELDOUT)
    assert len(predicted) == 36
    found, right = _found_and_right(predicted)
    at_least("BBC held-out found", found, FLOORS["bbc_heldout"]["found"])
    at_least("BBC held-out right", right, FLOORS["bbc_heldout"]["right_fraction"])


@pytest.mark.skipif(not BBC.is_dir(), reason="no BBC articles")
def test_no_speaker_is_a_number_markup_or_a_document_taken_for_a_person(
    dev_predictions: list[dict[str, Any]], bbc_gold: list[tuple[dict[str, Any], str, dict[str, Any]]]
) -> None:
    """Over PolNeAR dev and the BBC gold articles: a speaker's name is a name (no bare number or share,
    no markup the text carried along), and a document is never a person."""
    import re

    from quotegrab.engine.lexicon import Lexicon

    documents = Lexicon.load()["document_nouns"]
    bad = []
    for doc in [*dev_predictions, *(d for _, _, d in bbc_gold)]:
        for speaker in doc.get("speakers", []):
            name = speaker["name"]
            if re.fullmatch(r"[\W\d_]*(%|percent|per cent)?", name) or re.search(r'[<>]|\w="', name):
                bad.append((doc["source"], name))
            if speaker["kind"] == "person" and name.lower() in documents:
                bad.append((doc["source"], name, "person"))
    assert not bad, bad


@pytest.mark.skipif(not BBC.is_dir(), reason="no BBC articles")
def test_every_fragment_lies_inside_its_quotes_content(
    dev_predictions: list[dict[str, Any]], bbc_gold: list[tuple[dict[str, Any], str, dict[str, Any]]]
) -> None:
    """Over PolNeAR dev and the BBC gold articles: a mixed quote's fragments lie inside its spans, and a
    quote's spans are in order without overlap."""
    bad = []
    for doc in [*dev_predictions, *(d for _, _, d in bbc_gold)]:
        for quote in doc.get("quotes", []):
            spans = [(s["start"], s["end"]) for s in quote["spans"]]
            if any(a[1] > b[0] for a, b in zip(spans, spans[1:], strict=False)):
                bad.append((doc["source"], quote["id"], "spans"))
            for f in quote.get("fragments", []):
                if not any(s <= f["start"] and f["end"] <= e for s, e in spans):
                    bad.append((doc["source"], quote["id"], f))
    assert not bad, bad
