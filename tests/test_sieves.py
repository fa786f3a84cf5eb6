"""The sieves: each rule a named unit of the registry, run in the order the component's config gives."""

from __future__ import annotations

import dataclasses

import pytest
import spacy
from spacy.language import Language

from quotegrab.engine.component import DEFAULT_SETTINGS
from quotegrab.engine.pipeline import default_model
from quotegrab.engine.rules import registry
from quotegrab.engine.rules.claim import Claim, RuleName
from quotegrab.engine.rules.reconcile import KINDS

ARTICLE = (
    "The program would cost about $4 billion a year, according to the Congressional Budget Office.\n\n"
    '"We will not back down," Senator Margaret Hale said on Tuesday. "Never."\n\n'
    "Hale said the first grants would reach cities within a year. Critics accused her of rushing the vote.\n\n"
    "The mayor is expected to sign the deal. Alvarez declined to comment on the plan."
)


def pipeline(**settings: object) -> Language:
    nlp = spacy.load(default_model())
    nlp.add_pipe("quotegrab_paragraphs", before="parser")
    nlp.add_pipe("quotegrab", config=settings)
    return nlp


@pytest.fixture(scope="module")
def base() -> Language:
    return pipeline()


def cues_of(nlp: Language, text: str = ARTICLE) -> list[str]:
    return [q.cue.text for q in nlp(text)._.quotes if q.cue is not None]


def test_the_default_order_is_every_sieve_once() -> None:
    assert DEFAULT_SETTINGS["sieves"] == list(registry.SIEVES)
    assert len(set(registry.DEFAULT_ORDER)) == len(registry.DEFAULT_ORDER)


def test_every_kind_a_sieve_finds_is_a_rule_name() -> None:
    names = set(RuleName.__args__)  # type: ignore[attr-defined]
    for sieve in registry.SIEVES.values():
        assert set(sieve.finds) <= names, sieve.name
    assert set(KINDS) <= names


def test_a_sieve_left_out_of_the_order_finds_nothing(base: Language) -> None:
    assert "according to" in cues_of(base)
    order = [name for name in registry.DEFAULT_ORDER if name != "according-to"]
    assert "according to" not in cues_of(pipeline(sieves=order))


def test_word_sieves_take_a_word_in_order(base: Language) -> None:
    # "declined to comment" is an intention (the infinitive sieve replaces what speech made of it)
    assert "declined" in cues_of(base)
    order = [name for name in registry.DEFAULT_ORDER if name != "infinitive"]
    assert "declined" not in cues_of(pipeline(sieves=order))


def test_an_unknown_sieve_is_refused_with_the_names_it_knows() -> None:
    with pytest.raises(ValueError, match="unknown sieve.*according-to"):
        pipeline(sieves=["according-to", "no-such-sieve"])


def test_thresholds_come_from_the_config(base: Language) -> None:
    # the object of a verb of saying needs three words by default ("repeated the charge" says nothing);
    # a stance's object has a sieve of its own, which the threshold does not touch
    text = "Hale repeated the claim of fraud. Hale opposes the levy."
    assert [q.text for q in base(text)._.quotes] == ["the claim of fraud", "the levy"]
    assert [q.text for q in pipeline(min_indirect_tokens=5)(text)._.quotes] == ["the levy"]


def test_each_sieve_finds_only_its_kinds(base: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every claim a sieve returns is of a kind the sieve declares, on a text where most sieves fire."""
    seen: dict[str, set[str]] = {}

    def spy(sieve: registry.Sieve) -> registry.Sieve:
        def find(*args: object) -> object:
            found = sieve.find(*args)
            claims = [c[1] if isinstance(c, tuple) else c for c in found]
            seen.setdefault(sieve.name, set()).update(c.rule for c in claims if isinstance(c, Claim))
            return found
        return dataclasses.replace(sieve, find=find)

    monkeypatch.setattr(registry, "SIEVES", {name: spy(s) for name, s in registry.SIEVES.items()})
    pipeline()(ARTICLE)
    assert len([name for name, kinds in seen.items() if kinds]) >= 5
    for name, kinds in seen.items():
        assert kinds <= set(registry.SIEVES[name].finds), name
